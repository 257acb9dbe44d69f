import { beforeAll, describe, expect, it } from 'vitest';
import { fiscalYearOf, fiscalYearRange } from '../../src/shared/domain/fiscal-year';
import { formatIsoDate, todayInJapan } from '../../src/shared/domain/tokyo-date';
import type { ActivityChannel } from '../../src/shared/domain/desk';
import { ApiClient } from '../support/api-client';
import { activityDateOf, deskFixtures, type DeskFixtures } from '../support/desk-fixtures';
import { createTenant, createUser, syntheticCorporateNumber } from '../support/factories';
import { useTestApp } from '../support/setup';

const testApp = useTestApp();

type Cell = { supports: number | '*'; companies: number | '*'; minutes: number | '*' };
type CrossTab = { dimension: string; multiAnswer: boolean; rows: { code: string; label: string; months: Cell[]; quarters: Cell[]; total: Cell }[]; total: { total: Cell } };
type Report = {
  totals: Record<string, number>;
  progress: { supports: Record<string, number | null>; companies: Record<string, number | null>; monthsElapsed: number; months: number };
  months: { key: string; label: string }[];
  quarters: { key: string; label: string; months: string[] }[];
  byMonth: { key: string; supports: number; companies: number; minutes: number }[];
  crossTabs: CrossTab[];
  fiscalYearLabel: string;
  notes: string[];
  programme: { id: string };
};

async function clientFor(tenantId: string, role: 'admin' | 'staff' | 'viewer' | 'expert' | 'partner') {
  const user = await createUser(testApp().database.db, [{ tenantId, role }]);
  return ApiClient.signedIn(testApp().app, user.email, user.password, tenantId);
}

/** The total cells of a dimension's rows, as { code: [supports, companies] }. */
function totalsOf(report: Report, dimension: string): Record<string, [number | '*', number | '*']> {
  const tab = report.crossTabs.find((candidate) => candidate.dimension === dimension)!;
  return Object.fromEntries(tab.rows.map((row) => [row.code, [row.total.supports, row.total.companies]]));
}

const rules = {
  name: '令和7年度 DX相談窓口',
  startsOn: '2025-04-01',
  endsOn: '2026-03-31',
  supportTarget: 20,
  companyTarget: 4,
  countedChannels: ['visit_desk', 'on_site', 'online', 'phone'],
  countedCaseTypes: ['business', 'procurement'],
  minimumMinutes: 30,
  isDefault: true,
};

describe('the commission report: counting rules as data', () => {
  let tenantId: string;
  let admin: ApiClient;
  let fixtures: DeskFixtures;
  let programme: { id: string; version: number };
  let dispatch: { id: string };
  const ids: Record<string, string> = {};

  /**
   * The counting table. Companies: A and A2 are two register entries with the same 法人番号 (one company); B is a
   * sole proprietor without one, archived; C was supported in FY2024 (継続); D is new. Every activity says
   * whether it counts for the default programme P, and why.
   */
  const activities: { case: string; at: string; channel: ActivityChannel; minutes: number; prep?: number; travel?: number; reportable?: boolean; programme?: 'P' | 'X'; counts: boolean; why: string }[] = [
    { case: 'C', at: '2025-03-31T23:59:00+09:00', channel: 'visit_desk', minutes: 60, counts: false, why: '31 March 23:59 in Tokyo is FY2024 (and makes C 継続)' },
    { case: 'D', at: '2025-04-01T00:00:00+09:00', channel: 'visit_desk', minutes: 60, counts: true, why: '1 April 00:00 in Tokyo is FY2025' },
    { case: 'A', at: '2025-05-10T10:00:00+09:00', channel: 'online', minutes: 45, counts: true, why: 'counted' },
    { case: 'A', at: '2025-06-12T10:00:00+09:00', channel: 'on_site', minutes: 90, prep: 15, travel: 30, counts: true, why: 'the same company again: 2 supports, 1 company' },
    { case: 'A2', at: '2025-06-20T14:00:00+09:00', channel: 'phone', minutes: 30, counts: true, why: 'exactly the minimum; the same 法人番号 as A' },
    { case: 'B', at: '2025-07-01T09:00:00+09:00', channel: 'visit_desk', minutes: 60, counts: true, why: 'an archived company still counts' },
    { case: 'B', at: '2025-07-02T09:00:00+09:00', channel: 'phone', minutes: 20, prep: 10, counts: false, why: 'below the minimum of 30 minutes' },
    { case: 'C', at: '2025-08-05T09:00:00+09:00', channel: 'visit_desk', minutes: 60, reportable: false, counts: false, why: 'not reportable' },
    { case: 'C', at: '2025-08-06T09:00:00+09:00', channel: 'email', minutes: 60, counts: false, why: 'mail is not a counted channel' },
    { case: 'M', at: '2025-09-01T09:00:00+09:00', channel: 'visit_desk', minutes: 60, counts: false, why: 'a municipal case is not a counted case type' },
    { case: 'C', at: '2025-10-01T09:00:00+09:00', channel: 'visit_desk', minutes: 60, programme: 'X', counts: false, why: 'attributed to another programme' },
    { case: 'C', at: '2026-01-15T09:00:00+09:00', channel: 'on_site', minutes: 60, programme: 'P', counts: true, why: 'attributed to P explicitly' },
    { case: 'D', at: '2026-03-31T23:59:00+09:00', channel: 'online', minutes: 60, counts: true, why: 'the last minute of FY2025' },
    { case: 'D', at: '2026-04-01T00:00:00+09:00', channel: 'online', minutes: 60, counts: false, why: 'FY2026, after the period' },
  ];
  const counted = activities.filter((activity) => activity.counts);

  const report = async (query = `programmeId=${programme.id}`): Promise<Report> => {
    const response = await admin.get(`/api/v1/reports/commission?${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };
  const patchProgramme = async (changes: Record<string, unknown>) => {
    const response = await admin.patch(`/api/v1/programmes/${programme.id}`, { version: programme.version, ...changes });
    expect(response.statusCode, response.body).toBe(200);
    programme = response.json();
  };

  beforeAll(async () => {
    const db = testApp().database.db;
    tenantId = await createTenant(db);
    admin = await clientFor(tenantId, 'admin');
    fixtures = deskFixtures(db, tenantId);
    programme = (await admin.post('/api/v1/programmes', rules)).json();
    dispatch = (await admin.post('/api/v1/programmes', { ...rules, name: '専門家派遣事業', isDefault: false, countedChannels: ['visit_desk', 'on_site', 'online', 'phone', 'email', 'pop_up'], countedCaseTypes: ['business', 'municipality', 'procurement', 'school'], minimumMinutes: 0 })).json();
    ids.T1 = await fixtures.theme('業務効率化', 1);
    ids.T2 = await fixtures.theme('EC・Web', 2);
    const sharedNumber = syntheticCorporateNumber();
    const companies = {
      A: await fixtures.company({ corporateNumber: sharedNumber, jsicMajor: 'E', municipalityCode: '022012', sizeClass: 'sme' }),
      A2: await fixtures.company({ corporateNumber: sharedNumber, jsicMajor: 'E', municipalityCode: '022021', sizeClass: 'sme' }),
      B: await fixtures.company({ corporateNumber: null, jsicMajor: 'M', municipalityCode: '022039', sizeClass: 'small', archived: true }),
      C: await fixtures.company({ corporateNumber: syntheticCorporateNumber(), sizeClass: 'small' }),
      D: await fixtures.company({ corporateNumber: syntheticCorporateNumber(), jsicMajor: 'A', municipalityCode: '022012', sizeClass: 'large' }),
    };
    const cases = {
      A: await fixtures.case(companies.A, { themeIds: [ids.T1, ids.T2] }),
      A2: await fixtures.case(companies.A2, { caseType: 'procurement', themeIds: [ids.T1] }),
      B: await fixtures.case(companies.B),
      C: await fixtures.case(companies.C, { themeIds: [ids.T2] }),
      D: await fixtures.case(companies.D),
      M: await fixtures.case(companies.D, { caseType: 'municipality' }),
    };
    for (const activity of activities) {
      await fixtures.activity(cases[activity.case as keyof typeof cases], {
        at: activity.at,
        channel: activity.channel,
        minutes: activity.minutes,
        preparationMinutes: activity.prep ?? 0,
        travelMinutes: activity.travel ?? 0,
        reportable: activity.reportable ?? true,
        programmeId: activity.programme === 'P' ? programme.id : activity.programme === 'X' ? dispatch.id : null,
      });
    }
  });

  it('dates activities in Tokyo: 31 March 23:59 is the old fiscal year, 1 April 00:00 the new one', () => {
    expect(activityDateOf('2025-03-31T23:59:00+09:00')).toEqual({ occurredOn: '2025-03-31', fiscalYear: 2024 });
    expect(activityDateOf('2025-04-01T00:00:00+09:00')).toEqual({ occurredOn: '2025-04-01', fiscalYear: 2025 });
    expect(activityDateOf('2025-03-31T15:00:00Z')).toEqual({ occurredOn: '2025-04-01', fiscalYear: 2025 });
  });

  it('counts 延べ件数, 実事業者数 (by 法人番号), 新規/継続 and hours by the programme’s rules', async () => {
    const result = await report();
    const minutes = counted.reduce((sum, activity) => sum + activity.minutes, 0);
    const extra = counted.reduce((sum, activity) => sum + (activity.prep ?? 0) + (activity.travel ?? 0), 0);
    expect(counted).toHaveLength(7);
    expect(minutes).toBe(405);
    expect(result.totals).toEqual({
      supports: 7,
      companies: 4, // A+A2 (one 法人番号), B, C, D
      newCompanies: 3, // A/A2, B, D
      continuingCompanies: 1, // C: supported on 31 March 2025
      newSupports: 6,
      continuingSupports: 1,
      minutes: 405,
      hours: 6.8,
      preparationMinutes: extra,
      preparationHours: 0.8,
    });
    expect(result.fiscalYearLabel).toBe('2025年度（令和7年度）');
    expect(result.progress).toMatchObject({
      supports: { target: 20, actual: 7, achievedPercent: 35, expectedToDate: 20 },
      companies: { target: 4, actual: 4, achievedPercent: 100, expectedToDate: 4 },
      months: 12,
      monthsElapsed: 12,
    });
  });

  it('tabulates by month with quarterly subtotals: companies are distinct per cell', async () => {
    const result = await report();
    expect(result.months.map((month) => month.key)).toEqual([
      '2025-04', '2025-05', '2025-06', '2025-07', '2025-08', '2025-09', '2025-10', '2025-11', '2025-12', '2026-01', '2026-02', '2026-03',
    ]);
    expect(result.months[0]!.label).toBe('4月');
    expect(result.quarters.map((quarter) => `${quarter.key}:${quarter.label}:${quarter.months.length}`)).toEqual([
      '2025-Q1:第1四半期:3', '2025-Q2:第2四半期:3', '2025-Q3:第3四半期:3', '2025-Q4:第4四半期:3',
    ]);
    const byMonth = Object.fromEntries(result.byMonth.map((month) => [month.key, [month.supports, month.companies]]));
    expect(byMonth).toMatchObject({ '2025-04': [1, 1], '2025-05': [1, 1], '2025-06': [2, 1], '2025-07': [1, 1], '2025-08': [0, 0], '2026-01': [1, 1], '2026-03': [1, 1] });
    const total = result.crossTabs[0]!.total as unknown as { quarters: Cell[]; total: Cell };
    // Q1: D in April, A in May and June, A2 in June: 4 supports, 2 companies (D and the 法人番号 of A/A2).
    expect(total.quarters.map((cell) => [cell.supports, cell.companies])).toEqual([[4, 2], [1, 1], [0, 0], [2, 2]]);
    expect(total.total).toEqual({ supports: 7, companies: 4, minutes: 405 });
  });

  it('cross-tabulates by channel, case type, new/continuing, industry, municipality, size and theme (multiple answers)', async () => {
    const result = await report();
    expect(totalsOf(result, 'channel')).toEqual({ visit_desk: [2, 2], on_site: [2, 2], online: [2, 2], phone: [1, 1] });
    expect(totalsOf(result, 'caseType')).toEqual({ business: [6, 4], procurement: [1, 1] });
    expect(totalsOf(result, 'newOrContinuing')).toEqual({ new: [6, 3], continuing: [1, 1] });
    expect(totalsOf(result, 'jsicMajor')).toEqual({ A: [2, 1], E: [3, 1], M: [1, 1], unknown: [1, 1] });
    // Attributes are the register entry's: A (青森市) and A2 (弘前市) share a 法人番号 but not a municipality.
    expect(totalsOf(result, 'municipality')).toEqual({ '022012': [4, 2], '022021': [1, 1], '022039': [1, 1], unknown: [1, 1] });
    expect(totalsOf(result, 'sizeClass')).toEqual({ small: [2, 2], sme: [3, 1], large: [2, 1], unknown: [0, 0] });
    const theme = result.crossTabs.find((tab) => tab.dimension === 'theme')!;
    expect(theme.multiAnswer).toBe(true);
    expect(totalsOf(result, 'theme')).toEqual({ [ids.T1!]: [3, 1], [ids.T2!]: [3, 2], unknown: [3, 2] });
    expect(theme.rows.map((row) => row.label)).toEqual(['業務効率化', 'EC・Web', 'テーマ未設定']);
    const labels = Object.fromEntries(result.crossTabs.flatMap((tab) => tab.rows.map((row) => [`${tab.dimension}.${row.code}`, row.label])));
    expect(labels).toMatchObject({
      'channel.visit_desk': '来所',
      'caseType.procurement': '調達支援',
      'newOrContinuing.new': '新規',
      'jsicMajor.E': 'E 製造業',
      'jsicMajor.unknown': '不明',
      'municipality.022012': '青森県青森市',
      'sizeClass.sme': '中小企業',
    });
    expect(result.notes.join('\n')).toContain('事業者台帳の現在の値');
  });

  it('counts explicit attributions for their programme only, and unattributed activities for the default', async () => {
    const result = await report(`programmeId=${dispatch.id}`);
    expect(result.totals).toMatchObject({ supports: 1, companies: 1, newCompanies: 0, continuingCompanies: 1, minutes: 60 });
    expect(totalsOf(result, 'channel').visit_desk).toEqual([1, 1]);
    // The fiscal year's default programme is P.
    expect((await report('fiscalYear=2025')).programme.id).toBe(programme.id);
  });

  it('recomputes when the definition changes: minimum, minutes basis, identity, default and archive', async () => {
    await patchProgramme({ minimumMinutes: 20 });
    expect((await report()).totals).toMatchObject({ supports: 8, companies: 4, minutes: 425 });
    await patchProgramme({ minimumMinutes: 30, minutesBasis: 'session_and_preparation' });
    // 20 + 10 minutes of preparation reach 30.
    expect((await report()).totals).toMatchObject({ supports: 8, companies: 4 });
    await patchProgramme({ minutesBasis: 'session', companyIdentity: 'company' });
    expect((await report()).totals).toMatchObject({ supports: 7, companies: 5, newCompanies: 4 });
    await patchProgramme({ companyIdentity: 'corporate_number', countedChannels: ['visit_desk', 'on_site', 'online', 'phone', 'email'] });
    expect((await report()).totals).toMatchObject({ supports: 8, continuingSupports: 2 });
    await patchProgramme({ countedChannels: rules.countedChannels, isDefault: false });
    // Only the activity attributed to P explicitly.
    expect((await report()).totals).toMatchObject({ supports: 1, companies: 1 });
    await patchProgramme({ isDefault: true });
    expect((await report()).totals).toMatchObject({ supports: 7, companies: 4 });
    const archived = await admin.post(`/api/v1/programmes/${programme.id}/archive`, { version: programme.version });
    programme = archived.json();
    // An archived programme still reports, but is nobody's default.
    const whileArchived = await report();
    expect(whileArchived.totals).toMatchObject({ supports: 1, companies: 1 });
    expect(whileArchived.notes.join('\n')).toContain('アーカイブ');
    expect((await admin.get('/api/v1/reports/commission?fiscalYear=2025')).json().error).toMatchObject({ code: 'NO_DEFAULT_PROGRAMME', details: { fiscalYear: 2025 } });
    programme = (await admin.post(`/api/v1/programmes/${programme.id}/restore`, { version: programme.version })).json();
    expect((await report()).totals).toMatchObject({ supports: 7, companies: 4 });
  });

  it('sees new activities at once (the figures are recomputed when the data changes)', async () => {
    const db = testApp().database.db;
    const own = await createTenant(db);
    const client = await clientFor(own, 'admin');
    const ownFixtures = deskFixtures(db, own);
    const created = (await client.post('/api/v1/programmes', rules)).json();
    const caseId = await ownFixtures.case(await ownFixtures.company({ corporateNumber: syntheticCorporateNumber() }));
    const supports = async () => (await client.get(`/api/v1/reports/commission?programmeId=${created.id}`)).json().totals.supports;
    expect(await supports()).toBe(0);
    await ownFixtures.activity(caseId, { at: '2025-05-01T10:00:00+09:00' });
    expect(await supports()).toBe(1);
    await ownFixtures.activity(caseId, { at: '2025-05-02T10:00:00+09:00' });
    expect(await supports()).toBe(2);
  });

  it('answers 404 for an unknown programme, another tenant’s programme or a year without a default', async () => {
    const db = testApp().database.db;
    const other = await createTenant(db);
    const otherAdmin = await clientFor(other, 'admin');
    expect((await otherAdmin.get(`/api/v1/reports/commission?programmeId=${programme.id}`)).statusCode).toBe(404);
    expect((await otherAdmin.get(`/api/v1/reports/commission.xlsx?programmeId=${programme.id}`)).statusCode).toBe(404);
    expect((await otherAdmin.get(`/api/v1/reports/commission.csv?programmeId=${programme.id}`)).statusCode).toBe(404);
    const none = await admin.get('/api/v1/reports/commission?fiscalYear=2023');
    expect(none.statusCode).toBe(404);
    expect(none.json().error).toMatchObject({ code: 'NO_DEFAULT_PROGRAMME', details: { fiscalYear: 2023 } });
    const missing = await admin.get('/api/v1/reports/commission');
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.fields).toEqual([expect.objectContaining({ path: 'programmeId', code: 'required' })]);
  });

  it('lets admins, staff and viewers read reports; experts and partners get 403', async () => {
    for (const role of ['staff', 'viewer'] as const) {
      const client = await clientFor(tenantId, role);
      expect((await client.get(`/api/v1/reports/commission?programmeId=${programme.id}`)).statusCode, role).toBe(200);
      expect((await client.get('/api/v1/reports/dashboard')).statusCode, role).toBe(200);
    }
    for (const role of ['expert', 'partner'] as const) {
      const client = await clientFor(tenantId, role);
      for (const url of [
        `/api/v1/reports/commission?programmeId=${programme.id}`,
        `/api/v1/reports/commission.xlsx?programmeId=${programme.id}`,
        `/api/v1/reports/commission.csv?programmeId=${programme.id}`,
        '/api/v1/reports/dashboard',
      ]) {
        expect((await client.get(url)).statusCode, `${role} ${url}`).toBe(403);
      }
    }
  });
});

describe('publication: suppression of small cells', () => {
  it('hides cells below the threshold and a partner in every row and column where one would be recoverable', async () => {
    const db = testApp().database.db;
    const tenantId = await createTenant(db);
    const admin = await clientFor(tenantId, 'admin');
    const fixtures = deskFixtures(db, tenantId);
    const programme = (await admin.post('/api/v1/programmes', rules)).json();
    // April 2025: 青森市 5 companies, 弘前市 2 (below 3), 八戸市 4; one support each.
    for (const [municipalityCode, count] of [['022012', 5], ['022021', 2], ['022039', 4]] as const) {
      for (let i = 0; i < count; i++) {
        const caseId = await fixtures.case(await fixtures.company({ corporateNumber: syntheticCorporateNumber(), municipalityCode }));
        await fixtures.activity(caseId, { at: '2025-04-15T10:00:00+09:00' });
      }
    }
    const plain: Report = (await admin.get(`/api/v1/reports/commission?programmeId=${programme.id}`)).json();
    expect(totalsOf(plain, 'municipality')).toEqual({ '022012': [5, 5], '022021': [2, 2], '022039': [4, 4] });

    const published: Report = (await admin.get(`/api/v1/reports/commission?programmeId=${programme.id}&publication=true`)).json();
    const municipality = published.crossTabs.find((tab) => tab.dimension === 'municipality')!;
    const view = Object.fromEntries(municipality.rows.map((row) => [row.code, [row.months[0]!.supports, row.quarters[0]!.supports, row.total.supports, row.total.minutes]]));
    expect(view).toEqual({
      '022012': [5, 5, 5, 300],
      '022021': ['*', '*', '*', '*'], // primary: 2 < 3
      '022039': ['*', '*', '*', '*'], // secondary: the smallest other cell of April, then its quarter and total
    });
    // Totals stay.
    expect(municipality.total.total).toEqual({ supports: 11, companies: 11, minutes: 660 });
    expect(published.totals.supports).toBe(11);
    expect(published.notes.join('\n')).toContain('「*」');
  });
});

describe('the dashboard', () => {
  it('shows this year’s figures under the default programme against its targets, cases by status and work due', async () => {
    const db = testApp().database.db;
    const tenantId = await createTenant(db);
    const admin = await clientFor(tenantId, 'admin');
    const viewer = await clientFor(tenantId, 'viewer');
    const fixtures = deskFixtures(db, tenantId);
    const today = formatIsoDate(todayInJapan());
    const fiscalYear = fiscalYearOf(today);
    const range = fiscalYearRange(fiscalYear);
    const addDays = (days: number) => {
      const date = new Date(`${today}T00:00:00Z`);
      date.setUTCDate(date.getUTCDate() + days);
      return date.toISOString().slice(0, 10);
    };

    const empty = (await viewer.get('/api/v1/reports/dashboard')).json();
    expect(empty).toMatchObject({ fiscalYear, programme: null, supports: null, companies: null, newCompanies: null, monthly: [] });

    const programme = (await admin.post('/api/v1/programmes', { ...rules, startsOn: range.start, endsOn: range.end, supportTarget: 12, companyTarget: null })).json();
    const old = await fixtures.company({ corporateNumber: syntheticCorporateNumber() });
    const fresh = await fixtures.company({ corporateNumber: syntheticCorporateNumber() });
    const oldCase = await fixtures.case(old, { openedOn: `${fiscalYear - 1}-06-01`, status: 'completed' });
    const freshCase = await fixtures.case(fresh, { openedOn: range.start, status: 'in_progress' });
    await fixtures.case(fresh, { openedOn: range.start, status: 'received' });
    await fixtures.case(old, { openedOn: `${fiscalYear - 1}-06-01`, status: 'paused' });
    await fixtures.activity(oldCase, { at: `${fiscalYear - 1}-06-01T10:00:00+09:00` });
    await fixtures.activity(oldCase, { at: `${range.start}T09:00:00+09:00` });
    await fixtures.activity(freshCase, { at: `${range.start}T10:00:00+09:00` });
    await fixtures.activity(freshCase, { at: `${range.start}T11:00:00+09:00`, channel: 'email' });
    await fixtures.nextAction(freshCase, { dueOn: addDays(-1) });
    await fixtures.nextAction(freshCase, { dueOn: addDays(-3), done: true });
    await fixtures.nextAction(freshCase, { dueOn: addDays(1) });
    await fixtures.followUp(oldCase, { dueOn: addDays(-2) });
    await fixtures.followUp(oldCase, { dueOn: addDays(14) });
    await fixtures.followUp(oldCase, { dueOn: addDays(15) });
    await fixtures.followUp(oldCase, { dueOn: addDays(3), status: 'done' });

    const response = await viewer.get(`/api/v1/reports/dashboard?fiscalYear=${fiscalYear}`);
    expect(response.statusCode, response.body).toBe(200);
    const dashboard = response.json();
    const monthsBegun = (Number(today.slice(0, 4)) - fiscalYear) * 12 + Number(today.slice(5, 7)) - 3;
    expect(dashboard).toMatchObject({
      fiscalYear,
      asOf: today,
      programme: { id: programme.id },
      supports: { target: 12, actual: 2, achievedPercent: 16.7, expectedToDate: monthsBegun },
      companies: { target: null, actual: 2, achievedPercent: null, expectedToDate: null },
      newCompanies: 1,
      continuingCompanies: 1,
      openCases: 3, // in progress, received, paused
      overdueNextActions: 1,
      followUpsDue: 2,
    });
    expect(dashboard.monthly).toHaveLength(12);
    expect(dashboard.monthly[0]).toMatchObject({ key: range.start.slice(0, 7), label: '4月', supports: 2, companies: 2 });
    const statuses = Object.fromEntries(dashboard.casesByStatus.map((entry: { status: string; count: number }) => [entry.status, entry.count]));
    expect(statuses).toEqual({ received: 1, in_progress: 1, accompaniment: 0, matching: 0, completed: 0, paused: 0, withdrawn: 0 });
    expect(dashboard.casesByStatus[0].label).toBe('受付');
  });
});
