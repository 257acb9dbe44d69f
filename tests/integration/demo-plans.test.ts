import { asc, eq, inArray } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { indicator, indicatorPeriod, plan, planNode } from '../../src/server/db/schema';
import { listIndicators, listPlanPeriods } from '../../src/server/modules/plans/indicators.repository';
import { listNodes } from '../../src/server/modules/plans/plans.repository';
import { allTenantIds, withTenant } from '../../src/server/platform/tenancy';
import { DEMO_PASSWORD } from '../../src/server/seed/demo-data';
import { seedDemo } from '../../src/server/seed/seed';
import { ApiClient } from '../support/api-client';
import { useTestApp } from '../support/setup';

const testApp = useTestApp();

type Node = { id: string; parentId: string | null; code: string | null; level: string; title: string; depth: number };
type Period = { fiscalYear: number; half: 1 | 2 | null; target: number | null; actual: number | null; live: number | null; latestUpdate: { status: string } | null };
type Indicator = { id: string; code: string | null; name: string; kind: string; nodeId: string | null; method: string; metricKey: string | null; periods: Period[] };

const signIn = (email: string) => ApiClient.signedIn(testApp().app, email, DEMO_PASSWORD);
const yearOf = (indicator: Indicator, fiscalYear: number) => indicator.periods.find((period) => period.fiscalYear === fiscalYear && period.half === null)!;
const japanToday = () => new Date(Date.now() + 9 * 3_600_000).toISOString().slice(0, 10);

/**
 * The demo seed (as `npm start` writes it on an empty database): the prefecture's plan with the structure of
 * 青森県DX推進プラン, and AOIT's strategy whose support count comes from the desk's demo records.
 */
describe('the plans demo', () => {
  let viewer: ApiClient;
  let reviewer: ApiClient;
  let deskAdmin: ApiClient;
  let prefPlanId: string;

  beforeAll(async () => {
    await seedDemo(testApp().database.db, { aomoriCompanies: 40, koriyamaCompanies: 5 });
    [viewer, reviewer, deskAdmin] = await Promise.all([signIn('viewer@pref.demo.example'), signIn('reviewer@pref.demo.example'), signIn('admin@aomori.demo.example')]);
    const plans = (await viewer.get('/api/v1/plans')).json().items;
    expect(plans.map((plan: { title: string }) => plan.title)).toEqual(['青森県DX推進プラン']);
    prefPlanId = plans[0].id;
  });

  it('has the plan’s tree: 3 fields and the foundations, 14 areas, 54 取組方針', async () => {
    const tree = (await viewer.get(`/api/v1/plans/${prefPlanId}/tree`)).json();
    const nodes: Node[] = tree.nodes;
    const top = nodes.filter((node) => node.parentId === null);
    expect(top.map((node) => `${node.level}:${node.title}`)).toEqual(['分野:産業・しごと分野', '分野:暮らし・まち分野', '分野:行政経営分野', '基盤:各分野を支える基盤整備']);
    expect(nodes.filter((node) => node.level === '取組分野')).toHaveLength(14);
    expect(nodes.filter((node) => node.level === '取組方針')).toHaveLength(54);
    expect(nodes.filter((node) => node.parentId === top[3]!.id)).toHaveLength(4);
    expect(tree.plan).toMatchObject({ visibility: 'public', edition: '令和6年3月策定', startYear: 2024, endYear: 2028 });
  });

  it('draws the committee’s roadmap with its only 実績 (ニーズ調査 in R5)', async () => {
    const nodes: Node[] = (await viewer.get(`/api/v1/plans/${prefPlanId}/tree`)).json().nodes;
    const initiative = nodes.find((node) => node.title === '暮らし・まちのDX創出基盤の構築')!;
    const roadmap = (await viewer.get(`/api/v1/plan-nodes/${initiative.id}/roadmap`)).json();
    expect(roadmap.initiative).toMatchObject({ division: '企画政策部DX推進課', field: '暮らし・まち分野' });
    expect(roadmap.years[0].fiscalYear).toBe(2023);
    expect(roadmap.rows.map((row: { title: string }) => row.title)).toEqual([
      '地域社会のデジタル化促進に向けた環境整備',
      'デジタル実装支援',
      '効果的に横展開するための環境整備についての検討',
    ]);
    const achieved = roadmap.rows.flatMap((row: { actuals: { title: string; achievedYear: number }[][] }) => row.actuals.flat());
    expect(achieved.map((milestone: { title: string; achievedYear: number }) => [milestone.title, milestone.achievedYear])).toEqual([['ニーズ調査', 2023]]);
  });

  it('keeps submitted actuals in the review queue and shows only approved values in public', async () => {
    const internal: Indicator[] = (await reviewer.get(`/api/v1/plans/${prefPlanId}/indicators`)).json().items;
    expect(internal.filter((indicator) => indicator.nodeId === null)).toHaveLength(4);
    expect(internal.filter((indicator) => indicator.kind === 'composite')).toHaveLength(7);
    const queue = (await reviewer.get(`/api/v1/indicator-updates?status=submitted&planId=${prefPlanId}`)).json().items;
    expect(queue.length).toBeGreaterThan(0);
    expect(queue.every((update: { abilities: { decide: boolean } }) => update.abilities.decide)).toBe(true);
    // Each queued update names what it is about, so a reviewer judges it without opening the indicator.
    for (const update of queue as { indicatorId: string; periodId: string; subject: { planTitle: string; indicatorName: string; periodLabel: string; target: number | null; node: { id: string } | null } }[]) {
      const indicator = internal.find((candidate) => candidate.id === update.indicatorId)!;
      const period = (indicator.periods as (Period & { id: string })[]).find((candidate) => candidate.id === update.periodId)!;
      expect(update.subject).toMatchObject({ planTitle: '青森県DX推進プラン', indicatorName: indicator.name, target: period.target });
      expect(update.subject.node?.id ?? null).toBe(indicator.nodeId);
      expect(update.subject.periodLabel).toMatch(/^\d{4}（(令和|平成)\d+|元）年度/);
    }

    const published: Indicator[] = (await testApp().app.inject({ method: 'GET', url: `/api/v1/public/plans/${prefPlanId}/indicators` })).json().items;
    const submitted = internal.flatMap((indicator) => indicator.periods.filter((period) => period.latestUpdate?.status === 'submitted'));
    expect(submitted.length).toBeGreaterThan(0);
    for (const indicator of internal.filter((candidate) => candidate.kind === 'manual')) {
      const open = published.find((candidate) => candidate.id === indicator.id)!;
      for (const period of indicator.periods) {
        const shown = open.periods.find((candidate) => candidate.fiscalYear === period.fiscalYear && candidate.half === period.half)!;
        // The public sees the approved actual only: a value still waiting for approval never leaves the tenant.
        expect(shown.actual).toBe(period.actual);
        expect(shown).not.toHaveProperty('live');
        if (period.latestUpdate?.status === 'submitted') expect(shown.actual).toBeNull();
      }
    }
    for (const index of internal.filter((candidate) => candidate.kind === 'composite')) {
      const open = published.find((candidate) => candidate.id === index.id)!;
      expect(yearOf(open, 2024).actual).toBe(yearOf(index, 2024).actual);
      expect(yearOf(index, 2024).actual).not.toBeNull();
    }

    const reviews = (await testApp().app.inject({ method: 'GET', url: `/api/v1/public/plans/${prefPlanId}/reviews` })).json().items;
    expect(reviews.map((review: { fiscalYear: number; term: string }) => `${review.fiscalYear}:${review.term}`)).toEqual(['2024:annual', '2024:annual', '2024:annual']);
    const meetings = (await testApp().app.inject({ method: 'GET', url: `/api/v1/public/plans/${prefPlanId}/meetings` })).json().items;
    expect(meetings).toHaveLength(1);
    expect(meetings[0]).toMatchObject({ heldOn: '2023-06-07' });
    expect(meetings[0].opinions.map((opinion: { speaker: string }) => opinion.speaker)).toEqual(['委員', '委員']);
  });

  it('computes AOIT’s support count from the desk’s records, as the commission report counts it', async () => {
    const plans = (await deskAdmin.get('/api/v1/plans')).json().items;
    const strategy = plans.find((plan: { title: string }) => plan.title === 'AOITのDX戦略');
    const indicators: Indicator[] = (await deskAdmin.get(`/api/v1/plans/${strategy.id}/indicators`)).json().items;
    const supports = indicators.find((indicator) => indicator.metricKey === 'desk.supports')!;
    expect(supports).toMatchObject({ kind: 'computed', name: '年間100件以上の県内事業者への支援回数' });
    expect(supports.method).toContain('延べ109件');
    for (const fiscalYear of [2024, 2025]) {
      const report = (await deskAdmin.get(`/api/v1/reports/commission?fiscalYear=${fiscalYear}`)).json();
      const period = yearOf(supports, fiscalYear);
      expect(period.live).toBe(report.totals.supports);
      // A year that has ended was submitted by staff and approved by the reviewer: its actual is the count.
      if (`${fiscalYear + 1}-03-31` < japanToday()) expect(period.actual).toBe(report.totals.supports);
    }
  });

  it('reads nodes, indicators and periods as one JSON document with the same values as a plain select (jsonRows)', async () => {
    const db = testApp().database.db;
    let tenantId = '';
    for (const id of await allTenantIds(db)) {
      if ((await withTenant(db, id, (tx) => tx.select({ id: plan.id }).from(plan).where(eq(plan.id, prefPlanId)))).length > 0) tenantId = id;
    }
    await withTenant(db, tenantId, async (tx) => {
      const plain = await tx.select().from(indicator).where(eq(indicator.planId, prefPlanId)).orderBy(asc(indicator.position), asc(indicator.name), asc(indicator.id));
      const asJson = await listIndicators(tx, tenantId, prefPlanId);
      expect(asJson.length).toBeGreaterThan(20);
      expect(asJson).toEqual(plain);
      expect(asJson[0]!.updatedAt).toBeInstanceOf(Date);
      const nodes = await listNodes(tx, tenantId, prefPlanId);
      expect(nodes).toEqual(await tx.select().from(planNode).where(eq(planNode.planId, prefPlanId)).orderBy(asc(planNode.depth), asc(planNode.position), asc(planNode.title), asc(planNode.id)));
      const periods = await listPlanPeriods(tx, tenantId, prefPlanId);
      const plainPeriods = await tx
        .select({ id: indicatorPeriod.id, indicatorId: indicatorPeriod.indicatorId, fiscalYear: indicatorPeriod.fiscalYear, half: indicatorPeriod.half, target: indicatorPeriod.target, actual: indicatorPeriod.actual, actualUpdateId: indicatorPeriod.actualUpdateId, approvedAt: indicatorPeriod.approvedAt, lockedAt: indicatorPeriod.lockedAt, version: indicatorPeriod.version })
        .from(indicatorPeriod)
        .where(inArray(indicatorPeriod.indicatorId, plain.map((row) => row.id)));
      const byId = (rows: { id: string }[]) => [...rows].sort((a, b) => a.id.localeCompare(b.id));
      expect(periods.some((period) => period.approvedAt !== null && period.actual !== null)).toBe(true);
      expect(byId(periods)).toEqual(byId(plainPeriods));
      const one = plain[0]!.id;
      expect((await listPlanPeriods(tx, tenantId, prefPlanId, [one])).every((period) => period.indicatorId === one)).toBe(true);
      expect(await listPlanPeriods(tx, tenantId, prefPlanId, [])).toEqual([]);
    });
  });
});

