import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../support/api-client';
import { deskFixtures } from '../support/desk-fixtures';
import { createTenant, createUser, syntheticCorporateNumber } from '../support/factories';
import { useTestApp } from '../support/setup';

const testApp = useTestApp();

type Role = 'admin' | 'staff' | 'viewer' | 'expert' | 'partner';
type Field = { path: string; code: string };
const fieldCodes = (body: { error: { fields: Field[] } }) => body.error.fields.map((field) => `${field.path}:${field.code}`);

async function member(tenantId: string, role: Role) {
  const user = await createUser(testApp().database.db, [{ tenantId, role }]);
  return { id: user.userId, client: await ApiClient.signedIn(testApp().app, user.email, user.password, tenantId) };
}

const planBody = (overrides: Record<string, unknown> = {}) => ({
  title: '青森県DX推進プラン',
  edition: '令和6年3月策定',
  startYear: 2024,
  endYear: 2028,
  levelNames: ['分野', '取組分野', '取組方針', '事業'],
  ...overrides,
});

describe('plans, trees and roll-up', () => {
  let tenantId: string;
  let admin: ApiClient;
  let staff: ApiClient;
  let viewer: ApiClient;
  let planId: string;

  beforeAll(async () => {
    tenantId = await createTenant(testApp().database.db);
    [admin, staff, viewer] = (await Promise.all((['admin', 'staff', 'viewer'] as const).map((role) => member(tenantId, role)))).map((m) => m.client) as [ApiClient, ApiClient, ApiClient];
    const created = await staff.post('/api/v1/plans', planBody({ rollupMethod: 'weighted' }));
    expect(created.statusCode, created.body).toBe(201);
    planId = created.json().id;
  });

  it('creates a draft plan with the default status list and review scale; viewers read but cannot create', async () => {
    const plan = (await viewer.get(`/api/v1/plans/${planId}`)).json();
    expect(plan).toMatchObject({ title: '青森県DX推進プラン', visibility: 'draft', startYear: 2024, endYear: 2028, rollupMethod: 'weighted' });
    expect(plan.statuses.map((status: { key: string }) => status.key)).toEqual(['not_started', 'in_progress', 'done', 'on_hold']);
    expect(plan.grades.map((grade: { name: string }) => grade.name)).toEqual(['順調', '概ね順調', 'やや遅れ', '遅れ']);
    expect(plan.abilities).toEqual({ edit: false, publish: false, review: false, submit: false });
    expect((await admin.get(`/api/v1/plans/${planId}`)).json().abilities).toEqual({ edit: true, publish: true, review: true, submit: true });
    expect((await staff.get(`/api/v1/plans/${planId}`)).json().abilities).toEqual({ edit: true, publish: false, review: false, submit: true });
    expect((await viewer.post('/api/v1/plans', planBody())).statusCode).toBe(403);
  });

  it('rejects a plan that ends before it starts, or runs longer than 20 years, field by field', async () => {
    const response = await staff.post('/api/v1/plans', planBody({ startYear: 2028, endYear: 2024 }));
    expect(response.statusCode).toBe(400);
    expect(fieldCodes(response.json())).toContain('endYear:ends_before_start');
    expect(fieldCodes((await staff.post('/api/v1/plans', planBody({ startYear: 2024, endYear: 2050 }))).json())).toContain('endYear:plan_too_long');
  });

  it('rolls progress up by weight, leaves out children without a value, and says when weights were normalised', async () => {
    const add = async (body: Record<string, unknown>) => {
      const response = await staff.post(`/api/v1/plans/${planId}/nodes`, { title: 'x', ...body });
      expect(response.statusCode, response.body).toBe(201);
      return response.json() as { id: string; version: number; depth: number };
    };
    const field = await add({ title: '産業・しごと分野', code: '1' });
    const a = await add({ parentId: field.id, title: '商工業・サービス業', code: '1-1', weight: 30, progress: 40 });
    const b = await add({ parentId: field.id, title: '農林水産業', code: '1-2', weight: 50, statusKey: 'done' });
    await add({ parentId: field.id, title: '観光業', code: '1-3', weight: 20 });
    expect(a.depth).toBe(1);

    const tree = (await staff.get(`/api/v1/plans/${planId}/tree`)).json();
    const node = tree.nodes.find((candidate: { id: string }) => candidate.id === field.id);
    // (40 × 30 + 100 × 50) / (30 + 50) = 77.5; 観光業 has no value and is left out; 30 + 50 + 20 = 100.
    expect(node.progress).toBe(77.5);
    expect(node.explanation).toMatchObject({ source: 'weighted', weightSum: 100, normalised: false });
    expect(node.explanation.missing).toHaveLength(1);
    expect(node.explanation.inputs.find((input: { nodeId: string }) => input.nodeId === b.id)).toMatchObject({ progress: 100, weight: 50, share: 0.625 });
    expect(tree.nodes.map((candidate: { code: string }) => candidate.code)).toEqual(['1', '1-1', '1-2', '1-3']);
    expect(tree.progress).toBe(77.5);

    // Weights that do not add up to 100 are normalised, and the tree says so.
    const patched = await staff.patch(`/api/v1/plan-nodes/${a.id}`, { version: a.version, weight: 10 });
    expect(patched.statusCode, patched.body).toBe(200);
    const after = (await staff.get(`/api/v1/plans/${planId}/tree`)).json();
    const field2 = after.nodes.find((candidate: { id: string }) => candidate.id === field.id);
    expect(field2.progress).toBeCloseTo((40 * 10 + 100 * 50) / 60, 2);
    expect(field2.explanation).toMatchObject({ weightSum: 80, normalised: true });
    expect(after.weightWarnings).toContainEqual({ parentId: field.id, weightSum: 80 });
  });

  it('refuses a move under the node’s own descendant (TREE_CYCLE) and keeps depths right after a move', async () => {
    const tree = (await staff.get(`/api/v1/plans/${planId}/tree`)).json();
    const field = tree.nodes.find((node: { code: string }) => node.code === '1');
    const child = tree.nodes.find((node: { code: string }) => node.code === '1-1');
    const grandchild = (await staff.post(`/api/v1/plans/${planId}/nodes`, { parentId: child.id, title: '中小企業のデジタル化', code: '1-1-1' })).json();
    const cycle = await staff.patch(`/api/v1/plan-nodes/${field.id}`, { version: field.version, parentId: grandchild.id });
    expect(cycle.statusCode).toBe(422);
    expect(cycle.json().error.code).toBe('TREE_CYCLE');
    expect(fieldCodes(cycle.json())).toEqual(['parentId:tree_cycle']);
    const self = await staff.patch(`/api/v1/plan-nodes/${field.id}`, { version: field.version, parentId: field.id });
    expect(self.json().error.code).toBe('TREE_CYCLE');

    const moved = await staff.patch(`/api/v1/plan-nodes/${child.id}`, { version: child.version, parentId: null });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json().depth).toBe(0);
    const after = (await staff.get(`/api/v1/plans/${planId}/tree`)).json();
    expect(after.nodes.find((node: { id: string }) => node.id === grandchild.id).depth).toBe(1);
    // Put it back for the other tests.
    const back = await staff.patch(`/api/v1/plan-nodes/${child.id}`, { version: moved.json().version, parentId: field.id });
    expect(back.json().depth).toBe(1);
  });

  it('answers codes used twice, unknown statuses and stale versions with clear errors', async () => {
    const duplicate = await staff.post(`/api/v1/plans/${planId}/nodes`, { title: '重複', code: '1-1' });
    expect(fieldCodes(duplicate.json())).toContain('code:code_taken');
    const status = await staff.post(`/api/v1/plans/${planId}/nodes`, { title: '状況', statusKey: 'nope' });
    expect(fieldCodes(status.json())).toContain('statusKey:unknown_status');
    const tree = (await staff.get(`/api/v1/plans/${planId}/tree`)).json();
    const node = tree.nodes[0];
    expect((await staff.patch(`/api/v1/plan-nodes/${node.id}`, { version: node.version, title: '一回目' })).statusCode).toBe(200);
    const stale = await staff.patch(`/api/v1/plan-nodes/${node.id}`, { version: node.version, title: '二回目' });
    expect(stale.statusCode).toBe(409);
    expect((await staff.get(`/api/v1/plans/${planId}/tree`)).json().nodes[0].title).toBe('一回目');
  });

  it('refuses to drop a status still in use from the plan’s list', async () => {
    const plan = (await staff.get(`/api/v1/plans/${planId}`)).json();
    const response = await staff.patch(`/api/v1/plans/${planId}`, { version: plan.version, statuses: [{ key: 'not_started', name: '未着手', progress: 0 }] });
    expect(response.statusCode).toBe(400);
    expect(fieldCodes(response.json())).toContain('statuses:status_in_use');
  });

  it('draws the roadmap: children as rows, milestones planned (目標) and achieved (実績) per fiscal year', async () => {
    const initiative = (await staff.post(`/api/v1/plans/${planId}/nodes`, { title: '暮らし・まちのDX創出基盤の構築', division: '企画政策部DX推進課' })).json();
    const row = (await staff.post(`/api/v1/plans/${planId}/nodes`, { parentId: initiative.id, title: '地域社会のデジタル化促進に向けた環境整備' })).json();
    for (const milestone of [
      { title: 'ニーズ調査', plannedYear: 2023, achievedOn: '2024-02-20' },
      { title: 'ロードマップ作成', plannedYear: 2023 },
      { title: 'ニーズ再調査', plannedYear: 2025, achievedOn: '2026-04-10' },
    ]) {
      expect((await staff.post(`/api/v1/plan-nodes/${row.id}/milestones`, milestone)).statusCode).toBe(201);
    }
    const roadmap = (await viewer.get(`/api/v1/plan-nodes/${initiative.id}/roadmap`)).json();
    // R5 (2023) appears although the plan starts in 2024: a milestone is planned for it. 2026-04-10 is FY2026.
    expect(roadmap.years.map((year: { fiscalYear: number }) => year.fiscalYear)).toEqual([2023, 2024, 2025, 2026, 2027, 2028]);
    expect(roadmap.years[0].label).toBe('2023（令和5）年度');
    const [only] = roadmap.rows;
    expect(only.targets[0].map((m: { title: string }) => m.title)).toEqual(['ニーズ調査', 'ロードマップ作成']);
    expect(only.actuals[0].map((m: { title: string }) => m.title)).toEqual(['ニーズ調査']);
    expect(only.targets[2].map((m: { title: string }) => m.title)).toEqual(['ニーズ再調査']);
    expect(only.actuals[3].map((m: { title: string }) => m.title)).toEqual(['ニーズ再調査']);
    expect(roadmap.initiative).toMatchObject({ division: '企画政策部DX推進課' });
  });
});

describe('indicators: targets, revisions, locks and the update workflow', () => {
  let tenantId: string;
  let admin: ApiClient;
  let owner: { id: string; client: ApiClient };
  let reviewer: { id: string; client: ApiClient };
  let outsider: ApiClient;
  let viewer: ApiClient;
  let partner: ApiClient;
  let planId: string;
  let nodeId: string;
  let indicator: { id: string; periods: { id: string; fiscalYear: number; half: number | null; version: number }[] };
  const period = (fiscalYear: number, half: number | null = null) => indicator.periods.find((p) => p.fiscalYear === fiscalYear && p.half === half)!;

  beforeAll(async () => {
    tenantId = await createTenant(testApp().database.db);
    admin = (await member(tenantId, 'admin')).client;
    owner = await member(tenantId, 'expert');
    reviewer = await member(tenantId, 'staff');
    outsider = (await member(tenantId, 'expert')).client;
    viewer = (await member(tenantId, 'viewer')).client;
    partner = (await member(tenantId, 'partner')).client;
    planId = (await admin.post('/api/v1/plans', planBody({ reviewerIds: [reviewer.id] }))).json().id;
    nodeId = (await admin.post(`/api/v1/plans/${planId}/nodes`, { title: '商工業・サービス業', ownerIds: [owner.id] })).json().id;
    const response = await admin.post(`/api/v1/plans/${planId}/indicators`, {
      kind: 'manual',
      nodeId,
      name: 'DXに取り組む中小企業者の割合',
      unit: '%',
      decimals: 1,
      minValue: 0,
      maxValue: 100,
      baselineValue: 76.9,
      baselineYear: 2022,
      targets: [
        { fiscalYear: 2024, target: 78 },
        { fiscalYear: 2025, target: 80 },
      ],
    });
    expect(response.statusCode, response.body).toBe(201);
    indicator = response.json();
  });

  it('gives an indicator one period per fiscal year of the plan, with the first targets', () => {
    expect(indicator.periods.map((p) => p.fiscalYear)).toEqual([2024, 2025, 2026, 2027, 2028]);
    expect(indicator.periods.every((p) => p.half === null)).toBe(true);
    expect((indicator.periods as unknown as { target: number | null }[]).map((p) => p.target)).toEqual([78, 80, null, null, null]);
  });

  it('keeps every target revision: the original still shows after the target changes', async () => {
    const first = await admin.put(`/api/v1/indicator-periods/${period(2025).id}/target`, { version: period(2025).version, target: 82, reason: '中間見直し' });
    expect(first.statusCode, first.body).toBe(200);
    const revised = first.json().periods.find((p: { fiscalYear: number }) => p.fiscalYear === 2025);
    expect(revised).toMatchObject({ target: 82, originalTarget: 80, targetRevised: true });
    const history = first.json().revisions.filter((r: { periodId: string }) => r.periodId === revised.id);
    expect(history.map((r: { target: number; reason: string }) => [r.target, r.reason])).toEqual([
      [80, ''],
      [82, '中間見直し'],
    ]);
    // A period without a first target keeps the empty original too.
    const blank = await admin.put(`/api/v1/indicator-periods/${period(2026).id}/target`, { version: period(2026).version, target: 85 });
    expect(blank.json().periods.find((p: { fiscalYear: number }) => p.fiscalYear === 2026)).toMatchObject({ target: 85, originalTarget: null, targetRevised: true });
    indicator = blank.json();
  });

  it('moves an update draft → submitted → returned → submitted → approved, with who and when, and never lets one approve their own', async () => {
    const p = period(2024);
    expect((await viewer.post(`/api/v1/indicator-periods/${p.id}/updates`, { value: 77, submit: true })).statusCode).toBe(403);
    expect((await outsider.post(`/api/v1/indicator-periods/${p.id}/updates`, { value: 77, submit: true })).statusCode).toBe(403);

    const bad = await owner.client.post(`/api/v1/indicator-periods/${p.id}/updates`, { value: 120, submit: true });
    expect(bad.statusCode).toBe(400);
    expect(fieldCodes(bad.json())).toEqual(['value:value_out_of_range']);
    expect(fieldCodes((await owner.client.post(`/api/v1/indicator-periods/${p.id}/updates`, { value: 77.25 })).json())).toEqual(['value:too_many_decimals']);
    expect((await owner.client.post(`/api/v1/indicator-periods/${p.id}/updates`, { value: '七十七' })).statusCode).toBe(400);

    const draft = (await owner.client.post(`/api/v1/indicator-periods/${p.id}/updates`, { value: 77.5, narrative: '県企画政策部調べ' })).json();
    expect(draft).toMatchObject({ status: 'draft', value: 77.5, abilities: { edit: true, submit: true, decide: false } });
    // One open update per period.
    expect((await owner.client.post(`/api/v1/indicator-periods/${p.id}/updates`, { value: 77 })).statusCode).toBe(409);

    const submitted = (await owner.client.post(`/api/v1/indicator-updates/${draft.id}/submit`, { version: draft.version })).json();
    expect(submitted).toMatchObject({ status: 'submitted', submittedBy: { id: owner.id } });
    const returned = await reviewer.client.post(`/api/v1/indicator-updates/${draft.id}/return`, { version: submitted.version, comment: '出典を記載してください' });
    expect(returned.statusCode, returned.body).toBe(200);
    expect(returned.json()).toMatchObject({ status: 'returned', reviewedBy: { id: reviewer.id }, reviewComment: '出典を記載してください' });
    const edited = (await owner.client.patch(`/api/v1/indicator-updates/${draft.id}`, { version: returned.json().version, narrative: '出典: 県企画政策部調べ（令和6年度）' })).json();
    const resubmitted = (await owner.client.post(`/api/v1/indicator-updates/${draft.id}/submit`, { version: edited.version })).json();

    // The approved value is not the period's actual before approval.
    const before = (await admin.get(`/api/v1/indicators/${indicator.id}`)).json();
    // Inside the tenant the submitted value shows as the live (速報) value; the actual waits for approval.
    expect(before.periods.find((x: { id: string }) => x.id === p.id)).toMatchObject({ actual: null, live: 77.5, latestUpdate: { status: 'submitted', value: 77.5 } });

    const approved = await reviewer.client.post(`/api/v1/indicator-updates/${draft.id}/approve`, { version: resubmitted.version });
    expect(approved.statusCode, approved.body).toBe(200);
    const after = (await viewer.get(`/api/v1/indicators/${indicator.id}`)).json();
    expect(after.periods.find((x: { id: string }) => x.id === p.id)).toMatchObject({ actual: 77.5, achievement: expect.closeTo((77.5 / 78) * 100, 6) });
    expect((await reviewer.client.post(`/api/v1/indicator-updates/${draft.id}/approve`, { version: approved.json().version })).json().error.code).toBe('INVALID_TRANSITION');

    // The reviewer reporting for themself cannot approve it; an admin can.
    const own = (await reviewer.client.post(`/api/v1/indicator-periods/${period(2025).id}/updates`, { value: 79, submit: true })).json();
    const self = await reviewer.client.post(`/api/v1/indicator-updates/${own.id}/approve`, { version: own.version });
    expect(self.statusCode).toBe(403);
    expect(self.json().error.code).toBe('SELF_APPROVAL');
    expect((await admin.post(`/api/v1/indicator-updates/${own.id}/approve`, { version: own.version })).statusCode).toBe(200);
  });

  it('locks a period: no more updates or target changes until an admin unlocks it', async () => {
    const detail = (await admin.get(`/api/v1/indicators/${indicator.id}`)).json();
    const p = detail.periods.find((x: { fiscalYear: number }) => x.fiscalYear === 2027);
    const locked = await admin.post(`/api/v1/indicator-periods/${p.id}/lock`, { version: p.version });
    expect(locked.statusCode, locked.body).toBe(200);
    const lockedPeriod = locked.json().periods.find((x: { id: string }) => x.id === p.id);
    expect(lockedPeriod.locked).toBe(true);
    expect((await admin.put(`/api/v1/indicator-periods/${p.id}/target`, { version: lockedPeriod.version, target: 90 })).json().error.code).toBe('PERIOD_LOCKED');
    expect((await owner.client.post(`/api/v1/indicator-periods/${p.id}/updates`, { value: 80 })).json().error.code).toBe('PERIOD_LOCKED');
    expect((await reviewer.client.post(`/api/v1/indicator-periods/${p.id}/unlock`, { version: lockedPeriod.version })).statusCode).toBe(403);
    // The page offers the unlock to those who may: admins.
    expect(detail.abilities.unlock).toBe(true);
    expect((await reviewer.client.get(`/api/v1/indicators/${indicator.id}`)).json().abilities.unlock).toBe(false);
    expect((await admin.post(`/api/v1/indicator-periods/${p.id}/unlock`, { version: lockedPeriod.version })).statusCode).toBe(200);
  });

  it('shows who has not reported for the year, and the partner sees no plan they own nothing in', async () => {
    const status = (await admin.get(`/api/v1/plans/${planId}/reporting?fiscalYear=2026`)).json();
    expect(status.counts).toMatchObject({ notStarted: 1, approved: 0 });
    expect(status.items[0]).toMatchObject({ indicatorName: 'DXに取り組む中小企業者の割合', status: 'not_started', owners: [{ id: owner.id }] });
    expect(status.dueOn).toBe('2027-05-31');
    expect((await partner.get(`/api/v1/plans/${planId}`)).statusCode).toBe(404);
    expect((await partner.get('/api/v1/plans')).json().items).toEqual([]);
  });

  it('reports half-yearly: actuals go to 上期 and 下期, and the year is computed from them', async () => {
    const created = await admin.post(`/api/v1/plans/${planId}/indicators`, {
      kind: 'manual',
      nodeId,
      name: '相談件数（半期）',
      unit: '件',
      periodicity: 'half',
      yearAggregation: 'sum',
      ownerIds: [owner.id],
      targets: [{ fiscalYear: 2025, target: 100 }],
    });
    expect(created.statusCode, created.body).toBe(201);
    const half = created.json();
    const find = (h: number | null) => half.periods.find((p: { fiscalYear: number; half: number | null }) => p.fiscalYear === 2025 && p.half === h);
    expect(fieldCodes((await owner.client.post(`/api/v1/indicator-periods/${find(null).id}/updates`, { value: 10 })).json())).toEqual(['period:year_from_halves']);
    const first = (await owner.client.post(`/api/v1/indicator-periods/${find(1).id}/updates`, { value: 45, submit: true })).json();
    await reviewer.client.post(`/api/v1/indicator-updates/${first.id}/approve`, { version: first.version });
    let detail = (await admin.get(`/api/v1/indicators/${half.id}`)).json();
    const yearOf = () => detail.periods.find((p: { fiscalYear: number; half: number | null }) => p.fiscalYear === 2025 && p.half === null);
    expect(yearOf()).toMatchObject({ actual: 45, explanation: { kind: 'halves', aggregation: 'sum', firstHalf: 45, secondHalf: null, partial: true } });
    const second = (await owner.client.post(`/api/v1/indicator-periods/${find(2).id}/updates`, { value: 60, submit: true })).json();
    await reviewer.client.post(`/api/v1/indicator-updates/${second.id}/approve`, { version: second.version });
    detail = (await admin.get(`/api/v1/indicators/${half.id}`)).json();
    expect(yearOf()).toMatchObject({ actual: 105, achievement: 105, explanation: { partial: false } });

    // Targets given per half only: the year takes them combined as its actual is (here the mean), not none.
    const halvesOnly = (
      await admin.post(`/api/v1/plans/${planId}/indicators`, {
        kind: 'manual',
        nodeId,
        name: '利用率（半期）',
        unit: '%',
        periodicity: 'half',
        yearAggregation: 'mean',
        targets: [
          { fiscalYear: 2025, half: 1, target: 40 },
          { fiscalYear: 2025, half: 2, target: 60 },
          { fiscalYear: 2026, half: 1, target: 70 },
        ],
      })
    ).json();
    const target = (year: number, h: number | null) => halvesOnly.periods.find((p: { fiscalYear: number; half: number | null }) => p.fiscalYear === year && p.half === h).target;
    expect([target(2025, 1), target(2025, 2), target(2025, null)]).toEqual([40, 60, 50]);
    expect([target(2026, 1), target(2026, 2), target(2026, null)]).toEqual([70, null, null]);
  });

  it('keeps other tenants out', async () => {
    const other = await createTenant(testApp().database.db);
    const stranger = (await member(other, 'admin')).client;
    expect((await stranger.get(`/api/v1/plans/${planId}`)).statusCode).toBe(404);
    expect((await stranger.get(`/api/v1/indicators/${indicator.id}`)).statusCode).toBe(404);
    expect((await stranger.post(`/api/v1/indicator-periods/${period(2028).id}/updates`, { value: 1 })).statusCode).toBe(404);
  });
});

describe('composite indices and computed indicators', () => {
  let tenantId: string;
  let admin: ApiClient;
  let reviewer: ApiClient;
  let planId: string;

  async function manual(name: string, targets: Record<number, number>, direction: 'higher' | 'lower' = 'higher') {
    const response = await admin.post(`/api/v1/plans/${planId}/indicators`, {
      kind: 'manual',
      name,
      direction,
      decimals: 2,
      targets: Object.entries(targets).map(([year, target]) => ({ fiscalYear: Number(year), target })),
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as { id: string; periods: { id: string; fiscalYear: number }[] };
  }
  async function approve(item: { periods: { id: string; fiscalYear: number }[] }, fiscalYear: number, value: number) {
    const created = (await admin.post(`/api/v1/indicator-periods/${item.periods.find((p) => p.fiscalYear === fiscalYear)!.id}/updates`, { value, submit: true })).json();
    const response = await reviewer.post(`/api/v1/indicator-updates/${created.id}/approve`, { version: created.version });
    expect(response.statusCode, response.body).toBe(200);
  }

  beforeAll(async () => {
    tenantId = await createTenant(testApp().database.db);
    admin = (await member(tenantId, 'admin')).client;
    const staff = await member(tenantId, 'staff');
    reviewer = staff.client;
    planId = (await admin.post('/api/v1/plans', planBody({ reviewerIds: [staff.id] }))).json().id;
  });

  it('builds an index from its parts by share of target, weights them, and explains each part', async () => {
    const a = await manual('DX取組中小企業者の割合', { 2025: 80 });
    const b = await manual('テレワーク導入率', { 2025: 40 });
    const c = await manual('手続の平均処理日数', { 2025: 10 }, 'lower');
    await approve(a, 2025, 60); // 75 %
    await approve(b, 2025, 50); // 125 %, capped to 100
    await approve(c, 2025, 20); // lower is better: 10 / 20 = 50 %
    const index = await admin.post(`/api/v1/plans/${planId}/indicators`, {
      kind: 'composite',
      name: '県内企業のDXの推進状況',
      unit: 'pt',
      decimals: 1,
      compositeMethod: {
        effectiveFromYear: 2024,
        normalisation: 'target_share',
        capAt: 100,
        components: [
          { indicatorId: a.id, weight: 2 },
          { indicatorId: b.id, weight: 1 },
          { indicatorId: c.id, weight: 1 },
        ],
        explanation: '中間指標を目標達成率で指数化し、重み付き平均',
      },
    });
    expect(index.statusCode, index.body).toBe(201);
    const year = index.json().periods.find((p: { fiscalYear: number }) => p.fiscalYear === 2025);
    // (75 × 2 + 100 × 1 + 50 × 1) / 4 = 75
    expect(year.actual).toBe(75);
    expect(year.explanation).toMatchObject({ kind: 'composite', methodVersion: 1, normalisation: 'target_share', result: 75 });
    expect(year.explanation.components.map((part: { score: number; share: number }) => [part.score, part.share])).toEqual([
      [75, 0.5],
      [100, 0.25],
      [50, 0.25],
    ]);

    // A new method version from 2026 leaves 2025 as it was computed.
    const v2 = await admin.post(`/api/v1/indicators/${index.json().id}/methods`, {
      effectiveFromYear: 2026,
      normalisation: 'min_max',
      components: [{ indicatorId: a.id, weight: 1, min: 50, max: 100 }],
    });
    expect(v2.statusCode, v2.body).toBe(201);
    expect(v2.json().methods.map((method: { methodVersion: number }) => method.methodVersion)).toEqual([2, 1]);
    expect(v2.json().periods.find((p: { fiscalYear: number }) => p.fiscalYear === 2025).actual).toBe(75);
    await approve(a, 2026, 90);
    const after = (await admin.get(`/api/v1/indicators/${index.json().id}`)).json();
    expect(after.periods.find((p: { fiscalYear: number }) => p.fiscalYear === 2026)).toMatchObject({ actual: 80, explanation: { methodVersion: 2, normalisation: 'min_max' } });

    // 偏差値 with a fixed reference.
    const deviation = await admin.post(`/api/v1/plans/${planId}/indicators`, {
      kind: 'composite',
      name: '偏差値の指数',
      compositeMethod: { effectiveFromYear: 2024, normalisation: 'deviation', components: [{ indicatorId: a.id, weight: 1, mean: 50, sd: 10 }] },
    });
    expect(deviation.json().periods.find((p: { fiscalYear: number }) => p.fiscalYear === 2025).actual).toBe(50 + (10 * (60 - 50)) / 10);

    // An index that would reach itself is refused and names the circle; a part in use cannot be deleted.
    const loop = await admin.post(`/api/v1/indicators/${a.id}/methods`, { effectiveFromYear: 2024, normalisation: 'target_share', components: [{ indicatorId: index.json().id, weight: 1 }] });
    expect(loop.statusCode).toBe(400);
    expect(fieldCodes(loop.json())).toEqual(['kind:kind_fixed']);
    const selfRef = await admin.post(`/api/v1/indicators/${index.json().id}/methods`, {
      effectiveFromYear: 2027,
      normalisation: 'target_share',
      components: [{ indicatorId: deviation.json().id, weight: 1 }],
    });
    expect(selfRef.statusCode, selfRef.body).toBe(201);
    const cycle = await admin.post(`/api/v1/indicators/${deviation.json().id}/methods`, {
      effectiveFromYear: 2027,
      normalisation: 'target_share',
      components: [{ indicatorId: index.json().id, weight: 1 }],
    });
    expect(cycle.statusCode).toBe(422);
    expect(cycle.json().error.code).toBe('INDICATOR_CYCLE');
    // The message names the indicators of the cycle; their IDs travel beside it.
    expect(cycle.json().error.details).toMatchObject({ cycle: expect.stringContaining(' → '), cycleIds: expect.arrayContaining([index.json().id, deviation.json().id]) });
    const component = (await admin.get(`/api/v1/indicators/${b.id}`)).json();
    expect((await admin.request('DELETE', `/api/v1/indicators/${b.id}`, { version: component.version })).json().error.code).toBe('COMPONENT_IN_USE');
  });

  it('asks min–max for its bounds and 偏差値 for its reference, per component', async () => {
    const a = await manual('部品', { 2025: 1 });
    const response = await admin.post(`/api/v1/plans/${planId}/indicators`, {
      kind: 'composite',
      name: '境界なし',
      compositeMethod: { effectiveFromYear: 2024, normalisation: 'min_max', components: [{ indicatorId: a.id, weight: 1 }] },
    });
    expect(fieldCodes(response.json())).toEqual(['compositeMethod.components.0.max:bounds_required']);
  });

  it('computes the desk’s supports per fiscal year under the default programme’s rules, live, and publishes the approved snapshot', async () => {
    const db = testApp().database.db;
    const fixtures = deskFixtures(db, tenantId);
    await admin.post('/api/v1/programmes', {
      name: '令和7年度 青森県DX総合窓口',
      startsOn: '2025-04-01',
      endsOn: '2026-03-31',
      supportTarget: 100,
      countedChannels: ['visit_desk', 'on_site', 'online', 'phone'],
      countedCaseTypes: ['business', 'procurement'],
      minimumMinutes: 30,
      isDefault: true,
    });
    const companyA = await fixtures.company({ corporateNumber: syntheticCorporateNumber() });
    const companyB = await fixtures.company({ corporateNumber: null });
    const caseA = await fixtures.case(companyA);
    const caseB = await fixtures.case(companyB);
    const table = [
      { case: caseA, at: '2025-04-01T00:00:00+09:00', minutes: 60, counts: true },
      { case: caseA, at: '2025-09-30T23:59:00+09:00', minutes: 30, counts: true },
      { case: caseB, at: '2025-10-01T09:00:00+09:00', minutes: 20, counts: false },
      { case: caseB, at: '2026-03-31T23:59:00+09:00', minutes: 45, counts: true },
      { case: caseB, at: '2026-04-01T00:00:00+09:00', minutes: 45, counts: false },
      { case: caseA, at: '2025-03-31T23:59:00+09:00', minutes: 60, counts: false },
    ];
    for (const row of table) await fixtures.activity(row.case, { at: row.at, minutes: row.minutes });

    const created = await admin.post(`/api/v1/plans/${planId}/indicators`, {
      kind: 'computed',
      name: '県内事業者への支援回数',
      unit: '件',
      metricKey: 'desk.supports',
      periodicity: 'half',
      targets: [{ fiscalYear: 2025, target: 100 }],
    });
    expect(created.statusCode, created.body).toBe(201);
    const detail = created.json();
    const find = (h: number | null) => detail.periods.find((p: { fiscalYear: number; half: number | null }) => p.fiscalYear === 2025 && p.half === h);
    expect(find(1)).toMatchObject({ live: 2, actual: null });
    expect(find(2)).toMatchObject({ live: 1, actual: null });
    expect(find(1).explanation).toMatchObject({ kind: 'metric', metricKey: 'desk.supports', from: '2025-04-01', to: '2025-09-30', value: 2 });

    const companies = await admin.post(`/api/v1/plans/${planId}/indicators`, { kind: 'computed', name: '支援した事業者数', metricKey: 'desk.companies' });
    expect(companies.json().periods.find((p: { fiscalYear: number }) => p.fiscalYear === 2025).live).toBe(2);

    // Submitting takes the computed value whatever is typed, and keeps how it was computed.
    const submitted = (await admin.post(`/api/v1/indicator-periods/${find(1).id}/updates`, { value: 999, narrative: '窓口の記録から自動集計', submit: true })).json();
    expect(submitted).toMatchObject({ value: 2, computation: { kind: 'metric', value: 2 } });
    await reviewer.post(`/api/v1/indicator-updates/${submitted.id}/approve`, { version: submitted.version });
    const approved = (await admin.get(`/api/v1/indicators/${detail.id}`)).json();
    expect(approved.periods.find((p: { id: string }) => p.id === find(1).id)).toMatchObject({ actual: 2, live: 2 });

    const unknown = await admin.post(`/api/v1/plans/${planId}/indicators`, { kind: 'computed', name: 'x', metricKey: 'desk.nothing' });
    expect(fieldCodes(unknown.json())).toEqual(['metricKey:unknown_metric_source']);
    const sources = (await admin.get('/api/v1/metric-sources')).json();
    expect(sources.items.map((source: { key: string }) => source.key)).toContain('desk.supports');
  });
});

describe('the public 見える化', () => {
  let admin: ApiClient;
  let reviewer: ApiClient;
  let planId: string;
  let draftPlanId: string;
  let indicatorId: string;

  beforeAll(async () => {
    const tenantId = await createTenant(testApp().database.db, { name: '青森県' });
    admin = (await member(tenantId, 'admin')).client;
    const staff = await member(tenantId, 'staff');
    reviewer = staff.client;
    planId = (await admin.post('/api/v1/plans', planBody({ reviewerIds: [staff.id] }))).json().id;
    draftPlanId = (await admin.post('/api/v1/plans', planBody({ title: '非公開の計画' }))).json().id;
    const node = (await admin.post(`/api/v1/plans/${planId}/nodes`, { title: '産業・しごと分野', statusKey: 'in_progress' })).json();
    const indicator = (await admin.post(`/api/v1/plans/${planId}/indicators`, { kind: 'manual', nodeId: node.id, name: '労働生産性', unit: '千円', targets: [{ fiscalYear: 2024, target: 7000 }, { fiscalYear: 2025, target: 7200 }] })).json();
    indicatorId = indicator.id;
    const approvedUpdate = (await admin.post(`/api/v1/indicator-periods/${indicator.periods[0].id}/updates`, { value: 6900, narrative: '青森県民経済計算', submit: true })).json();
    await reviewer.post(`/api/v1/indicator-updates/${approvedUpdate.id}/approve`, { version: approvedUpdate.version });
    // Submitted but not approved, and a draft: neither may leak.
    await admin.post(`/api/v1/indicator-periods/${indicator.periods[1].id}/updates`, { value: 7100, narrative: '未承認の値', submit: true });
    await admin.put('/api/v1/plans/' + planId + '/reviews', { nodeId: node.id, fiscalYear: 2024, term: 'annual', gradeKey: 'mostly_on_track', comment: '確定した評価', status: 'final' });
    await admin.put('/api/v1/plans/' + planId + '/reviews', { nodeId: node.id, fiscalYear: 2025, term: 'first_half', gradeKey: 'behind', comment: '下書きの評価' });
    const meeting = (await admin.post(`/api/v1/plans/${planId}/meetings`, { title: '第1回 DX推進委員会', heldOn: '2025-06-07', isPublic: true })).json();
    await admin.post(`/api/v1/committee-meetings/${meeting.id}/opinions`, { nodeIds: [node.id], speaker: '委員', body: '短いスパンで見直すべき', response: '半期ごとに見直します' });
    await admin.post(`/api/v1/plans/${planId}/meetings`, { title: '非公開の打合せ', heldOn: '2025-07-01' });
  });

  it('shows nothing of a plan until it is published, and never a draft plan', async () => {
    const anonymous = testApp().app;
    const before = await anonymous.inject({ method: 'GET', url: `/api/v1/public/plans/${planId}` });
    expect(before.statusCode).toBe(404);
    // A not-found answer is not kept by a shared cache: publishing shows at once.
    expect(String(before.headers['cache-control'] ?? '')).not.toContain('public');
    const plan = (await admin.get(`/api/v1/plans/${planId}`)).json();
    expect((await reviewer.post(`/api/v1/plans/${planId}/publish`, { version: plan.version })).statusCode).toBe(403);
    expect((await admin.post(`/api/v1/plans/${planId}/publish`, { version: plan.version })).statusCode).toBe(200);
    const list = (await anonymous.inject({ method: 'GET', url: '/api/v1/public/plans' })).json();
    expect(list.items.map((item: { id: string }) => item.id)).toContain(planId);
    expect(list.items.map((item: { id: string }) => item.id)).not.toContain(draftPlanId);
    expect((await anonymous.inject({ method: 'GET', url: `/api/v1/public/plans/${draftPlanId}` })).statusCode).toBe(404);
    expect((await anonymous.inject({ method: 'GET', url: `/api/v1/public/plans/${draftPlanId}/indicators` })).statusCode).toBe(404);
  });

  it('publishes approved values only: no submitted value, no live figure, no owner, no draft review, no private meeting', async () => {
    const anonymous = testApp().app;
    const public_ = (await anonymous.inject({ method: 'GET', url: `/api/v1/public/plans/${planId}` })).json();
    expect(public_.plan).toMatchObject({ organisation: '青森県', title: '青森県DX推進プラン' });
    expect(public_.nodes[0]).toMatchObject({ title: '産業・しごと分野', progress: 50 });
    expect(public_.nodes[0]).not.toHaveProperty('owners');
    // The tree carries what it shows; a node in full (description, how its progress is computed) is its own answer.
    expect(public_.nodes[0]).toMatchObject({ indicatorCount: 1 });
    expect(public_.nodes[0]).not.toHaveProperty('explanation');
    const node = await anonymous.inject({ method: 'GET', url: `/api/v1/public/plans/${planId}/nodes/${public_.nodes[0].id}` });
    expect(node.statusCode).toBe(200);
    expect(node.json()).toMatchObject({ id: public_.nodes[0].id, progress: 50, indicatorIds: [indicatorId], explanation: { kind: 'rollup' } });
    expect(node.json()).not.toHaveProperty('owners');
    expect((await anonymous.inject({ method: 'GET', url: `/api/v1/public/plans/${planId}/nodes/${draftPlanId}` })).statusCode).toBe(404);
    const indicators = (await anonymous.inject({ method: 'GET', url: `/api/v1/public/plans/${planId}/indicators` })).json();
    const [indicator] = indicators.items;
    expect(indicator.id).toBe(indicatorId);
    expect(indicator.periods.slice(0, 2).map((p: { actual: number | null }) => p.actual)).toEqual([6900, null]);
    const body = JSON.stringify(indicators);
    expect(body).not.toContain('7100');
    expect(body).not.toContain('未承認の値');
    expect(body).not.toContain('latestUpdate');
    expect(body).not.toContain('"live"');
    // A large plan's page loads indicators per node: the node's own, or the plan's (none here).
    const ofNode = (await anonymous.inject({ method: 'GET', url: `/api/v1/public/plans/${planId}/indicators?nodeId=${public_.nodes[0].id}` })).json();
    expect(ofNode.items.map((item: { id: string }) => item.id)).toEqual([indicatorId]);
    expect((await anonymous.inject({ method: 'GET', url: `/api/v1/public/plans/${planId}/indicators?nodeId=plan` })).json().items).toEqual([]);
    expect((await anonymous.inject({ method: 'GET', url: `/api/v1/public/plans/${planId}/indicators?nodeId=x` })).statusCode).toBe(400);
    const reviews = (await anonymous.inject({ method: 'GET', url: `/api/v1/public/plans/${planId}/reviews` })).json();
    expect(reviews.items.map((review: { comment: string }) => review.comment)).toEqual(['確定した評価']);
    const meetings = (await anonymous.inject({ method: 'GET', url: `/api/v1/public/plans/${planId}/meetings` })).json();
    expect(meetings.items.map((meeting: { title: string }) => meeting.title)).toEqual(['第1回 DX推進委員会']);
    expect(meetings.items[0].opinions[0]).toMatchObject({ body: '短いスパンで見直すべき', response: '半期ごとに見直します' });
  });

  it('sends the plan page\'s bodies gzipped to a client that takes gzip, the same JSON as without', async () => {
    const anonymous = testApp().app;
    for (const url of [`/api/v1/public/plans/${planId}`, `/api/v1/public/plans/${planId}/indicators?nodeId=plan`, `/api/v1/public/plans/${planId}/reviews`]) {
      const plain = await anonymous.inject({ method: 'GET', url });
      const zipped = await anonymous.inject({ method: 'GET', url, headers: { 'accept-encoding': 'br, gzip;q=0.8' } });
      const refused = await anonymous.inject({ method: 'GET', url, headers: { 'accept-encoding': 'gzip;q=0' } });
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(zipped.headers).toMatchObject({ 'content-encoding': 'gzip', vary: 'accept-encoding', 'cache-control': 'public, max-age=60' });
      expect(zipped.headers['content-type']).toContain('application/json');
      expect(refused.headers['content-encoding']).toBeUndefined();
      expect(JSON.parse(gunzipSync(zipped.rawPayload).toString('utf8'))).toEqual(plain.json());
    }
  });

  it('offers open data as CSV (UTF-8 with BOM) and JSON with stable IDs, approved values only', async () => {
    const anonymous = testApp().app;
    const csv = await anonymous.inject({ method: 'GET', url: `/api/v1/public/plans/${planId}/open-data.csv` });
    expect(csv.statusCode).toBe(200);
    expect(csv.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const lines = csv.rawPayload.subarray(3).toString('utf8').trim().split('\r\n');
    expect(lines[0]!.split(',').slice(0, 4)).toEqual(['plan_id', 'plan_title', 'organisation', 'node_id']);
    expect(lines).toHaveLength(1 + 5);
    expect(lines[1]).toContain(indicatorId);
    expect(lines[1]).toContain('6900');
    expect(csv.rawPayload.toString('utf8')).not.toContain('7100');
    const json = (await anonymous.inject({ method: 'GET', url: `/api/v1/public/plans/${planId}/open-data.json` })).json();
    expect(json).toMatchObject({ schemaVersion: 1, plan: { id: planId }, indicators: [{ id: indicatorId }] });
    const schema = (await anonymous.inject({ method: 'GET', url: '/api/v1/public/open-data/schema' })).json();
    expect(schema.csv.columns.map((column: { key: string }) => column.key)).toEqual(lines[0]!.split(','));
  });

  it('takes a plan off the public pages when it is unpublished', async () => {
    const plan = (await admin.get(`/api/v1/plans/${planId}`)).json();
    expect((await admin.post(`/api/v1/plans/${planId}/unpublish`, { version: plan.version })).statusCode).toBe(200);
    expect((await testApp().app.inject({ method: 'GET', url: `/api/v1/public/plans/${planId}` })).statusCode).toBe(404);
  });
});

describe('reminders before a reporting deadline', () => {
  it('mails each owner once, listing what is due, and skips what is already submitted', async () => {
    const tenantId = await createTenant(testApp().database.db);
    const admin = (await member(tenantId, 'admin')).client;
    const owner = await member(tenantId, 'expert');
    const ownerEmail = (await admin.get('/api/v1/users')).json().items.find((item: { userId: string }) => item.userId === owner.id).email;
    const planId = (await admin.post('/api/v1/plans', planBody({ yearDue: '05-31', reminderDays: 14 }))).json().id;
    const nodeId = (await admin.post(`/api/v1/plans/${planId}/nodes`, { title: '商工業・サービス業', ownerIds: [owner.id] })).json().id;
    await admin.post(`/api/v1/plans/${planId}/indicators`, { kind: 'manual', nodeId, name: 'DX認定の取得件数' });
    const done = (await admin.post(`/api/v1/plans/${planId}/indicators`, { kind: 'manual', nodeId, name: '提出済みの指標' })).json();
    await owner.client.post(`/api/v1/indicator-periods/${done.periods[0].id}/updates`, { value: 3, submit: true });
    const { sendReportReminders } = await import('../../src/server/modules/plans/plan-reminders');
    const db = testApp().database.db;
    // 10 days before FY2024's year-end deadline (2025-05-31): inside the 14 days. (Other tests' tenants may get theirs too.)
    expect(await sendReportReminders(db, 'http://tsumugi.test', new Date('2025-05-21T09:00:00+09:00'))).toBeGreaterThanOrEqual(1);
    expect(await sendReportReminders(db, 'http://tsumugi.test', new Date('2025-05-22T09:00:00+09:00'))).toBe(0);
    const mails = (await admin.get('/api/v1/mail-messages')).json().items.filter((mail: { subject: string }) => mail.subject.includes('2025-05-31'));
    expect(mails).toHaveLength(1);
    expect(mails[0].to).toBe(ownerEmail);
    expect(mails[0].bodyText).toContain('・DX認定の取得件数（2024（令和6）年度）');
    expect(mails[0].bodyText).not.toContain('提出済みの指標');
  });
});
