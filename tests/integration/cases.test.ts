import { beforeAll, describe, expect, it } from 'vitest';
import { addMonthsToDate } from '../../src/shared/domain/desk';
import { ApiClient } from '../support/api-client';
import { activityBody, createThemes, daysAgo, intakeBody } from '../support/case-factories';
import { companyBody, createTenant, createUser, type TestUser } from '../support/factories';
import { useTestApp } from '../support/setup';

const testApp = useTestApp();

describe('consultation cases', () => {
  let tenantId: string;
  let themes: Record<string, string>;
  let staff: ApiClient;
  let admin: ApiClient;
  let expert: ApiClient;
  let partner: ApiClient;
  let viewer: ApiClient;
  let staffUser: TestUser;
  let expertUser: TestUser;
  let partnerUser: TestUser;

  beforeAll(async () => {
    const db = testApp().database.db;
    tenantId = await createTenant(db);
    themes = await createThemes(db, tenantId);
    staffUser = await createUser(db, [{ tenantId, role: 'staff' }], { name: '窓口 一郎' });
    const adminUser = await createUser(db, [{ tenantId, role: 'admin' }]);
    expertUser = await createUser(db, [{ tenantId, role: 'expert' }], { name: '専門 次郎' });
    partnerUser = await createUser(db, [{ tenantId, role: 'partner' }], { name: '連携 銀行' });
    const viewerUser = await createUser(db, [{ tenantId, role: 'viewer' }]);
    const app = testApp().app;
    staff = await ApiClient.signedIn(app, staffUser.email, staffUser.password, tenantId);
    admin = await ApiClient.signedIn(app, adminUser.email, adminUser.password, tenantId);
    expert = await ApiClient.signedIn(app, expertUser.email, expertUser.password, tenantId);
    partner = await ApiClient.signedIn(app, partnerUser.email, partnerUser.password, tenantId);
    viewer = await ApiClient.signedIn(app, viewerUser.email, viewerUser.password, tenantId);
  });

  async function openCase(overrides: Record<string, unknown> = {}) {
    const response = await staff.post('/api/v1/cases', intakeBody({ themeIds: [themes['受発注・在庫']], ...overrides }));
    expect(response.statusCode, response.body).toBe(201);
    return response.json();
  }

  it('opens a case in one request: new company, new contact, case, 「負」 and first activity', async () => {
    const created = await openCase({
      painPoints: [{ process: '受発注', sufferer: '事務担当', hoursLostPerMonth: 20, severity: 'high', description: 'FAXの転記' }],
      firstActivity: activityBody({ notes: '初回ヒアリング。FAX注文の転記に毎月20時間。', minutes: 90, preparationMinutes: 15 }),
      coordinatorId: staffUser.userId,
    });
    expect(created.receiptNumber).toMatch(/^R\d+-\d{4}$/);
    expect(created.status).toBe('in_progress');
    expect(created.source).toBe('staff');
    expect(created.company.name).toMatch(/^株式会社テスト/);
    expect(created.contact.name).toBe('相談 花子');
    expect(created.themes).toEqual([{ id: themes['受発注・在庫'], name: '受発注・在庫' }]);
    expect(created.coordinator.name).toBe('窓口 一郎');
    expect(created.painPoints[0]).toMatchObject({ process: '受発注', hoursLostPerMonth: 20, severity: 'high' });
    expect(created.activityCount).toBe(1);
    const activities = (await staff.get(`/api/v1/cases/${created.id}/activities`)).json();
    expect(activities.items).toHaveLength(1);
    expect(activities.items[0]).toMatchObject({ channel: 'visit_desk', minutes: 90, preparationMinutes: 15, reportable: true });
    const audit = (await admin.get(`/api/v1/audit-events?entityType=case&entityId=${created.id}`)).json();
    expect(audit.items.map((event: { action: string }) => event.action)).toEqual(expect.arrayContaining(['case.create', 'activity.create']));
  });

  it('numbers receipts per fiscal year without gaps under concurrent intakes', async () => {
    const results = await Promise.all([0, 1, 2, 3].map(() => openCase()));
    const serials = results.map((result) => Number(result.receiptNumber.split('-')[1])).sort((a, b) => a - b);
    expect(new Set(serials).size).toBe(4);
    expect(serials[3]! - serials[0]!).toBe(3);
  });

  it('uses an existing company and contact, and refuses a contact of another company', async () => {
    const company = (await staff.post('/api/v1/companies', companyBody({ contacts: [{ name: '既存 太郎', isPrimary: true }] }))).json();
    const created = await openCase({ company: { id: company.id }, contact: { id: company.contacts[0].id } });
    expect(created.company.id).toBe(company.id);
    expect(created.contact.name).toBe('既存 太郎');
    const other = (await staff.post('/api/v1/companies', companyBody({ contacts: [{ name: '他社 次郎', isPrimary: true }] }))).json();
    const refused = await staff.post('/api/v1/cases', intakeBody({ company: { id: company.id }, contact: { id: other.contacts[0].id } }));
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.fields).toEqual([expect.objectContaining({ path: 'contact.id', code: 'contact_not_of_company' })]);
  });

  it('answers bad input with field-level errors and writes nothing', async () => {
    const before = (await staff.get('/api/v1/cases?limit=1')).json().total;
    const response = await staff.post(
      '/api/v1/cases',
      intakeBody({
        themeIds: ['00000000-0000-4000-8000-000000000000'],
        firstActivity: activityBody({ occurredAt: '2099-01-01T10:00:00+09:00', minutes: 30 }),
      }),
    );
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toEqual([expect.objectContaining({ path: 'themeIds.0', code: 'unknown_theme', message: expect.stringContaining('テーマ') })]);
    const future = await staff.post('/api/v1/cases', intakeBody({ firstActivity: activityBody({ occurredAt: '2099-01-01T10:00:00+09:00' }) }));
    expect(future.statusCode).toBe(400);
    expect(future.json().error.fields).toEqual([expect.objectContaining({ path: 'firstActivity.occurredAt', code: 'in_future' })]);
    const negative = await staff.post('/api/v1/cases', intakeBody({ firstActivity: activityBody({ minutes: -5 }) }));
    expect(negative.statusCode).toBe(400);
    expect(negative.json().error.fields).toEqual([expect.objectContaining({ path: 'firstActivity.minutes', code: 'too_small' })]);
    const badCompany = await staff.post('/api/v1/cases', intakeBody({ company: { create: companyBody({ municipalityCode: '999999' }) } }));
    expect(badCompany.statusCode).toBe(400);
    expect(badCompany.json().error.fields[0].path).toBe('company.create.municipalityCode');
    expect((await staff.get('/api/v1/cases?limit=1')).json().total).toBe(before);
  });

  it('enforces the lifecycle and schedules follow-ups at 3, 6 and 12 months when a case is completed', async () => {
    const created = await openCase({ openedOn: daysAgo(30).slice(0, 10) });
    const skip = await staff.post(`/api/v1/cases/${created.id}/transition`, { version: created.version, to: 'completed' });
    expect(skip.statusCode).toBe(422);
    expect(skip.json().error.fields[0]).toMatchObject({ path: 'to', code: 'transition_not_allowed' });
    expect(skip.json().error.details.allowed).toEqual(['in_progress', 'paused', 'withdrawn']);
    const working = (await staff.post(`/api/v1/cases/${created.id}/transition`, { version: created.version, to: 'in_progress' })).json();
    const closedOn = daysAgo(1).slice(0, 10);
    const completed = await staff.post(`/api/v1/cases/${created.id}/transition`, { version: working.version, to: 'completed', closedOn, outcomeSummary: 'クラウド受発注を導入' });
    expect(completed.statusCode, completed.body).toBe(200);
    const done = completed.json();
    expect(done.status).toBe('completed');
    expect(done.closedOn).toBe(closedOn);
    expect(done.followUps.map((f: { monthsAfter: number; dueOn: string; status: string }) => [f.monthsAfter, f.dueOn, f.status])).toEqual([
      [3, addMonthsToDate(closedOn, 3), 'scheduled'],
      [6, addMonthsToDate(closedOn, 6), 'scheduled'],
      [12, addMonthsToDate(closedOn, 12), 'scheduled'],
    ]);
    const recorded = await staff.patch(`/api/v1/cases/${created.id}/follow-ups/${done.followUps[0].id}`, {
      version: done.followUps[0].version,
      status: 'done',
      toolAdopted: true,
      toolName: 'クラウド受発注',
      processDigitised: true,
      hoursSavedPerMonth: 15,
      salesChange: 'flat',
    });
    expect(recorded.statusCode, recorded.body).toBe(200);
    expect(recorded.json().followUps[0]).toMatchObject({ status: 'done', toolAdopted: true, hoursSavedPerMonth: 15 });
    const reopened = (await staff.post(`/api/v1/cases/${created.id}/transition`, { version: recorded.json().version, to: 'in_progress' })).json();
    expect(reopened.followUps.map((f: { status: string }) => f.status)).toEqual(['done', 'cancelled', 'cancelled']);
    expect(reopened.closedOn).toBeNull();
  });

  it('refuses a stale version with 409 and keeps the first save', async () => {
    const created = await openCase();
    const first = await staff.patch(`/api/v1/cases/${created.id}`, { version: created.version, title: '在庫管理の見直し' });
    expect(first.statusCode).toBe(200);
    const second = await admin.patch(`/api/v1/cases/${created.id}`, { version: created.version, title: '別の件名' });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.code).toBe('VERSION_CONFLICT');
    expect(second.json().error.message).toContain('他の人が先に更新しました');
    expect((await staff.get(`/api/v1/cases/${created.id}`)).json().title).toBe('在庫管理の見直し');
  });

  it('finds cases by Japanese text in the case, its 「負」 and activity notes', async () => {
    const created = await openCase({ title: '相談', description: null });
    await staff.post(`/api/v1/cases/${created.id}/activities`, activityBody({ notes: '見積書のレビューで冗長なサーバー構成を指摘' }));
    const byNote = (await staff.get(`/api/v1/cases?q=${encodeURIComponent('サーバー構成')}`)).json();
    expect(byNote.items.map((item: { id: string }) => item.id)).toEqual([created.id]);
    const byKana = (await staff.get(`/api/v1/cases?q=${encodeURIComponent('ｻｰﾊﾞｰ構成')}`)).json();
    expect(byKana.total).toBe(1);
  });

  it('gives the built-in views: unassigned, mine, overdue', async () => {
    const unassigned = await openCase();
    const mine = await openCase({ coordinatorId: staffUser.userId });
    const unassignedIds = (await staff.get('/api/v1/cases?view=unassigned&limit=100')).json().items.map((item: { id: string }) => item.id);
    expect(unassignedIds).toContain(unassigned.id);
    expect(unassignedIds).not.toContain(mine.id);
    expect((await staff.get('/api/v1/cases?view=mine&limit=100')).json().items.map((item: { id: string }) => item.id)).toContain(mine.id);
    const withAction = await staff.post(`/api/v1/cases/${mine.id}/next-actions`, { title: '見積比較表を送る', dueOn: daysAgo(2).slice(0, 10), assigneeId: staffUser.userId });
    expect(withAction.statusCode, withAction.body).toBe(201);
    const overdue = (await staff.get('/api/v1/cases?view=overdue&limit=100')).json();
    expect(overdue.total).toBe(overdue.items.length);
    expect(overdue.items.map((item: { id: string }) => item.id)).toContain(mine.id);
    expect(overdue.items.find((item: { id: string }) => item.id === mine.id).nextDueOn).toBe(daysAgo(2).slice(0, 10));
    const boardResponse = await staff.get('/api/v1/cases/board');
    expect(boardResponse.statusCode, boardResponse.body).toBe(200);
    const board = boardResponse.json();
    expect(board.columns.map((column: { status: string }) => column.status)).toEqual(['received', 'in_progress', 'accompaniment', 'matching', 'paused', 'completed']);
  });

  it('shows experts only their cases, partners only shared cases with consent, and viewers no case', async () => {
    const assigned = await openCase({ participants: [{ userId: expertUser.userId, kind: 'expert', roleLabel: 'ITコーディネータ' }] });
    const other = await openCase();
    expect((await expert.get(`/api/v1/cases/${assigned.id}`)).statusCode).toBe(200);
    expect((await expert.get(`/api/v1/cases/${other.id}`)).statusCode).toBe(404);
    const expertList = (await expert.get('/api/v1/cases?limit=100')).json().items.map((item: { id: string }) => item.id);
    expect(expertList).toEqual([assigned.id]);
    expect((await expert.post(`/api/v1/cases/${assigned.id}/activities`, activityBody())).statusCode).toBe(201);
    const reassign = await expert.patch(`/api/v1/cases/${assigned.id}`, { version: (await expert.get(`/api/v1/cases/${assigned.id}`)).json().version, coordinatorId: expertUser.userId });
    expect(reassign.statusCode).toBe(403);

    const noConsent = await staff.post('/api/v1/cases', intakeBody({ participants: [{ userId: partnerUser.userId, kind: 'partner' }] }));
    expect(noConsent.statusCode).toBe(400);
    expect(noConsent.json().error.fields[0]).toMatchObject({ path: 'participants.0.userId', code: 'partner_needs_consent' });
    const shared = await openCase({ consentSharePartners: true, participants: [{ userId: partnerUser.userId, kind: 'partner' }] });
    const seen = await partner.get(`/api/v1/cases/${shared.id}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json().contact).toBeNull();
    expect(seen.json().abilities.update).toBe(false);
    expect((await partner.get(`/api/v1/cases/${other.id}`)).statusCode).toBe(404);
    expect((await partner.post(`/api/v1/cases/${shared.id}/activities`, activityBody())).statusCode).toBe(403);

    expect((await viewer.get('/api/v1/cases')).statusCode).toBe(403);
    expect((await viewer.get(`/api/v1/cases/${shared.id}`)).statusCode).toBe(403);
  });

  it('keeps cases to their tenant', async () => {
    const db = testApp().database.db;
    const otherTenant = await createTenant(db);
    const outsider = await createUser(db, [{ tenantId: otherTenant, role: 'admin' }]);
    const client = await ApiClient.signedIn(testApp().app, outsider.email, outsider.password, otherTenant);
    const created = await openCase();
    expect((await client.get(`/api/v1/cases/${created.id}`)).statusCode).toBe(404);
    expect((await client.get(`/api/v1/cases/${created.id}/activities`)).statusCode).toBe(404);
    expect((await client.post(`/api/v1/cases/${created.id}/activities`, activityBody())).statusCode).toBe(404);
    expect((await client.get('/api/v1/cases')).json().total).toBe(0);
    const foreignTheme = await client.post('/api/v1/cases', intakeBody({ themeIds: [themes['業務効率化']] }));
    expect(foreignTheme.statusCode).toBe(400);
    expect(foreignTheme.json().error.fields[0].code).toBe('unknown_theme');
    expect((await staff.get(`/api/v1/cases/${created.id}`, { 'x-tenant-id': otherTenant })).statusCode).toBe(403);
  });

  it('sniffs attachments: accepts a PDF, refuses a renamed executable and files over 10 MB', async () => {
    const created = await openCase({ caseType: 'procurement' });
    const upload = (name: string, bytes: Buffer, purpose = 'specification') => {
      const boundary = '----tsumugi';
      const body = Buffer.concat([
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/pdf\r\n\r\n`),
        bytes,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      return staff.post(`/api/v1/cases/${created.id}/attachments?purpose=${purpose}`, body, { 'content-type': `multipart/form-data; boundary=${boundary}` });
    };
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    const accepted = await upload('仕様書.pdf', pdf);
    expect(accepted.statusCode, accepted.body).toBe(201);
    expect(accepted.json().attachments[0]).toMatchObject({ fileName: '仕様書.pdf', mediaType: 'application/pdf', purpose: 'specification', sizeBytes: pdf.length });
    const download = await staff.get(`/api/v1/cases/${created.id}/attachments/${accepted.json().attachments[0].id}`);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(pdf)).toBe(true);
    expect(download.headers['content-disposition']).toContain('attachment');
    const exe = await upload('見積書.pdf', Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 1)]));
    expect(exe.statusCode).toBe(415);
    expect(exe.json().error.fields[0].code).toBe('file_type_not_allowed');
    const huge = await upload('大きい.pdf', Buffer.concat([pdf, Buffer.alloc(10 * 1024 * 1024 + 1, 32)]));
    expect(huge.statusCode).toBe(413);
  });

  it('guards every case endpoint: viewers get 403, partners cannot write, other tenants get 404', async () => {
    const created = await openCase({
      consentSharePartners: true,
      participants: [{ userId: partnerUser.userId, kind: 'partner' }],
      firstActivity: activityBody(),
      coordinatorId: staffUser.userId,
    });
    const withAction = (await staff.post(`/api/v1/cases/${created.id}/next-actions`, { title: '連絡', dueOn: daysAgo(-3).slice(0, 10) })).json();
    const activityId = (await staff.get(`/api/v1/cases/${created.id}/activities`)).json().items[0].id;
    const actionId = withAction.nextActions[0].id;
    const requests: [string, string, unknown?][] = [
      ['GET', `/api/v1/cases/${created.id}`],
      ['GET', `/api/v1/cases/${created.id}/activities`],
      ['PATCH', `/api/v1/cases/${created.id}`, { version: withAction.version, title: 'x' }],
      ['POST', `/api/v1/cases/${created.id}/transition`, { version: withAction.version, to: 'paused' }],
      ['POST', `/api/v1/cases/${created.id}/activities`, activityBody()],
      ['PATCH', `/api/v1/cases/${created.id}/activities/${activityId}`, { version: 1, minutes: 10 }],
      ['DELETE', `/api/v1/cases/${created.id}/activities/${activityId}?version=1`],
      ['POST', `/api/v1/cases/${created.id}/next-actions`, { title: 'y', dueOn: daysAgo(-1).slice(0, 10) }],
      ['PATCH', `/api/v1/cases/${created.id}/next-actions/${actionId}`, { version: 1, done: true }],
      ['GET', '/api/v1/follow-ups'],
      ['GET', '/api/v1/cases/board'],
      ['GET', '/api/v1/case-views'],
    ];
    for (const [method, url, body] of requests) {
      const response = await viewer.request(method as 'GET', url, body);
      expect(response.statusCode, `viewer ${method} ${url}`).toBe(403);
    }
    for (const [method, url, body] of requests.filter(([method]) => method !== 'GET')) {
      const response = await partner.request(method as 'GET', url, body);
      expect(response.statusCode, `partner ${method} ${url}`).toBe(403);
    }
    const db = testApp().database.db;
    const otherTenant = await createTenant(db);
    const outsider = await createUser(db, [{ tenantId: otherTenant, role: 'admin' }]);
    const client = await ApiClient.signedIn(testApp().app, outsider.email, outsider.password, otherTenant);
    for (const [method, url, body] of requests.filter(([, url]) => url.includes(created.id))) {
      const response = await client.request(method as 'GET', url, body);
      expect(response.statusCode, `other tenant ${method} ${url}`).toBe(404);
    }
    // Nothing changed through any of them.
    const after = (await staff.get(`/api/v1/cases/${created.id}`)).json();
    expect(after.version).toBe(withAction.version);
    expect(after.activityCount).toBe(1);
  });

  it('pages the follow-ups to do by due date', async () => {
    const created = await openCase({ openedOn: daysAgo(10).slice(0, 10), firstActivity: activityBody({ occurredAt: daysAgo(9) }) });
    const done = (await staff.post(`/api/v1/cases/${created.id}/transition`, { version: created.version, to: 'completed', closedOn: daysAgo(5).slice(0, 10) })).json();
    expect(done.followUps).toHaveLength(3);
    const first = (await staff.get('/api/v1/follow-ups?due=all&limit=2')).json();
    expect(first.items).toHaveLength(2);
    expect(first.total).toBeGreaterThanOrEqual(3);
    const second = (await staff.get(`/api/v1/follow-ups?due=all&limit=100&cursor=${first.nextCursor}`)).json();
    const all = [...first.items, ...second.items];
    expect(all).toHaveLength(first.total);
    expect(all.map((item: { dueOn: string }) => item.dueOn)).toEqual([...all.map((item: { dueOn: string }) => item.dueOn)].sort());
    const summaries = (await staff.get(`/api/v1/cases?q=${encodeURIComponent(done.receiptNumber)}`)).json();
    expect(summaries.items[0]).toMatchObject({ version: done.version, allowedTransitions: ['in_progress'] });
  });
});
