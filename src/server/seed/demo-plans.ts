import { randomUUID } from 'node:crypto';
import { planYears } from '../../shared/domain/plans';
import {
  indicatorCreateInput,
  meetingCreateInput,
  milestoneCreateInput,
  nodeCreateInput,
  nodeUpdateInput,
  opinionCreateInput,
  planCreateInput,
  reviewInput,
  updateCreateInput,
} from '../../shared/schemas/plan';
import type { Db } from '../db/client';
import type { Principal } from '../platform/auth/actor';
import { japanToday } from '../modules/cases/case-rules';
import { periodRange } from '../modules/plans/engine/periods';
import { createIndicatorService } from '../modules/plans/indicators.service';
import { nodesCsv, type NodeCsvRow } from '../modules/plans/interchange/plan-csv';
import { createPlanDocumentService } from '../modules/plans/plan-documents.service';
import { createPlanService } from '../modules/plans/plans.service';
import { createReviewService } from '../modules/plans/reviews.service';
import { createUpdateService } from '../modules/plans/updates.service';
import { generator } from './demo-data';
import {
  AOIT_ADMIN,
  AOIT_REVIEWER,
  aoitKpis,
  aoitStrategy,
  basicGoals,
  committeeMeeting,
  DEMO_NOTE,
  fieldKpis,
  foundationBranch,
  kpiExplanation,
  PREF_ADMIN,
  PREF_REVIEWER,
  prefectureFields,
  prefecturePlan,
  reviews,
  roadmaps,
} from './demo-plans-data';

/**
 * The plans demo (data in demo-plans-data.ts): 青森県DX推進プラン in the prefecture's tenant, and AOITのDX戦略
 * in the desk's tenant, whose support count is computed from the desk's demo records. Everything goes through
 * the plans services as the people of the demo, so the audit trail and the update workflow (submitted by an
 * owner, approved by a reviewer) look as they would after real use. The prefecture's tree (about 90 nodes)
 * comes in as one CSV import, as a division would load its 施策体系 from a spreadsheet: node by node it
 * would add seconds to the first start. Actuals are reported only for periods that have ended, and roadmap
 * milestones are achieved only on days already past.
 */

type Services = {
  plans: ReturnType<typeof createPlanService>;
  documents: ReturnType<typeof createPlanDocumentService>;
  indicators: ReturnType<typeof createIndicatorService>;
  updates: ReturnType<typeof createUpdateService>;
  reviews: ReturnType<typeof createReviewService>;
};

type As = (email: string) => Principal;

interface PeriodRef {
  id: string;
  fiscalYear: number;
  half: 1 | 2 | null;
}

/**
 * Seeds both plans. `tenants` are the prefecture's and the desk's tenant IDs; `userIds` maps the demo users'
 * e-mails to their IDs; `publicUrl` goes into the links of the notification mails the workflow writes.
 */
export async function seedDemoPlans(
  db: Db,
  tenants: { pref: string; aomori: string },
  userIds: ReadonlyMap<string, string>,
  options: { publicUrl?: string } = {},
): Promise<void> {
  const services: Services = {
    plans: createPlanService(db),
    documents: createPlanDocumentService(db),
    indicators: createIndicatorService(db),
    updates: createUpdateService(db, { publicUrl: options.publicUrl ?? 'http://localhost:3000' }),
    reviews: createReviewService(db),
  };
  const today = japanToday();
  await seedPrefecturePlan(services, principals(tenants.pref, userIds), today);
  await seedAoitStrategy(services, principals(tenants.aomori, userIds), today);
}

function principals(tenantId: string, userIds: ReadonlyMap<string, string>): As {
  return (email) => {
    const userId = userIds.get(email);
    if (!userId) throw new Error(`the demo user ${email} is missing`);
    return { userId, tenantId, locale: 'ja' };
  };
}

const hasEnded = (fiscalYear: number, half: 1 | 2 | null, today: string) => periodRange(fiscalYear, half).to < today;

/** Reports an actual (submitted by `submitter`) and, when the demo says so, has the reviewer approve it. */
async function reportActual(
  services: Services,
  periods: readonly PeriodRef[],
  actual: { fiscalYear: number; half?: 1 | 2; value: number | null; approved: boolean },
  people: { submitter: Principal; reviewer: Principal },
  narrative: string,
): Promise<void> {
  const period = periods.find((candidate) => candidate.fiscalYear === actual.fiscalYear && candidate.half === (actual.half ?? null));
  if (!period) throw new Error(`no period ${actual.fiscalYear}/${actual.half ?? 'year'} for a demo actual`);
  const update = await services.updates.create(people.submitter, period.id, updateCreateInput.parse({ value: actual.value, narrative, submit: true }));
  if (actual.approved) await services.updates.decide(people.reviewer, update.id, 'approve', { version: update.version, comment: '【デモ】内容を確認し、承認しました。' });
}

async function seedPrefecturePlan(services: Services, as: As, today: string): Promise<void> {
  const admin = as(PREF_ADMIN);
  const reviewer = as(PREF_REVIEWER);
  const plan = await services.plans.create(
    admin,
    planCreateInput.parse({ ...prefecturePlan, levelNames: [...prefecturePlan.levelNames], levelNamesEn: [...prefecturePlan.levelNamesEn], rollupMethod: 'average', reviewerIds: [reviewer.userId] }),
  );
  const nodeIds = await importTree(services, admin, as, plan.id, prefectureTree());
  const node = (code: string) => {
    const id = nodeIds.get(code);
    if (!id) throw new Error(`no demo node ${code}`);
    return id;
  };
  for (const roadmap of roadmaps) {
    for (const [rowIndex, row] of roadmap.rows.entries()) {
      for (const [position, milestone] of row.milestones.entries()) {
        await services.plans.createMilestone(
          admin,
          node(`${roadmap.code}-${rowIndex + 1}`),
          milestoneCreateInput.parse({
            title: milestone.title,
            plannedYear: milestone.plannedYear,
            achievedOn: milestone.achievedOn && milestone.achievedOn <= today ? milestone.achievedOn : null,
            note: milestone.note ?? null,
            position,
          }),
        );
      }
    }
  }

  // 基本目標: plan-level indicators; the seed gives their names and sources, the numbers are demo.
  let position = 0;
  for (const goal of basicGoals) {
    const created = await services.indicators.create(
      admin,
      plan.id,
      indicatorCreateInput.parse({
        kind: 'manual',
        nodeId: null,
        position: (position += 10),
        code: goal.code,
        name: goal.name,
        unit: goal.unit,
        decimals: goal.decimals,
        minValue: 0,
        maxValue: goal.maxValue,
        baselineValue: goal.baseline?.value ?? null,
        baselineYear: goal.baseline?.fiscalYear ?? null,
        method: goal.method,
        source: goal.source,
        ownerIds: [admin.userId],
        targets: [{ fiscalYear: prefecturePlan.endYear, target: goal.target2028 }],
      }),
    );
    for (const actual of goal.actuals) {
      if (hasEnded(actual.fiscalYear, null, today)) await reportActual(services, created.periods, actual, { submitter: admin, reviewer }, `【デモ】${goal.source}による実績（デモ用の値）。`);
    }
  }

  // KPIs: composite indices on their field, each made of demo 中間指標 on the areas they measure.
  const years = planYears(prefecturePlan.startYear, prefecturePlan.endYear);
  for (const kpi of fieldKpis) {
    const field = prefectureFields[kpi.field]!;
    const owner = as(field.owner ?? PREF_ADMIN);
    const components: { indicatorId: string; weight: number }[] = [];
    const kpiPosition = (position += 100);
    for (const [index, part] of kpi.parts.entries()) {
      const byHalf = part.firstHalfTargets !== undefined;
      const targets = years.flatMap((fiscalYear, yearIndex) => [
        { fiscalYear, half: null, target: part.targets[yearIndex]! },
        ...(byHalf ? [{ fiscalYear, half: 1, target: part.firstHalfTargets![yearIndex]! }, { fiscalYear, half: 2, target: part.targets[yearIndex]! }] : []),
      ]);
      const created = await services.indicators.create(
        admin,
        plan.id,
        indicatorCreateInput.parse({
          kind: 'manual',
          nodeId: node(part.area),
          position: kpiPosition + index + 1,
          code: part.code,
          name: part.name,
          unit: part.unit,
          direction: part.direction,
          decimals: part.decimals,
          periodicity: byHalf ? 'half' : 'year',
          // A stock reported by half: the year's value is the 下期's (else the 上期's so far).
          yearAggregation: byHalf ? 'last' : 'sum',
          minValue: 0,
          maxValue: part.maxValue,
          baselineValue: part.baseline?.value ?? null,
          baselineYear: part.baseline?.fiscalYear ?? null,
          method: [
            `KPI「${kpi.name}」の中間指標（デモ用）。プランは中間指標を示していません。`,
            part.baseline ? `${part.baseline.note}目標値・実績値はデモ用の仮の値です。` : `${DEMO_NOTE}実績値もデモ用です。`,
            byHalf ? '半期ごとに報告する累計値で、年度の値は下期末（下期の報告がなければ上期末）の値です。' : '',
          ].join(''),
          source: 'デモ用の中間指標（出典なし）',
          ownerIds: [owner.userId],
          targets,
        }),
      );
      components.push({ indicatorId: created.id, weight: part.weight });
      for (const actual of part.actuals) {
        if (!hasEnded(actual.fiscalYear, actual.half ?? null, today)) continue;
        await reportActual(services, created.periods, actual, { submitter: owner, reviewer }, '【デモ】担当課の集計による実績（デモ用の値）。');
      }
    }
    await services.indicators.create(
      admin,
      plan.id,
      indicatorCreateInput.parse({
        kind: 'composite',
        nodeId: node(String(kpi.field + 1)),
        position: kpiPosition,
        code: kpi.code,
        name: kpi.name,
        unit: '点',
        decimals: 1,
        minValue: 0,
        maxValue: 100,
        method: '中間指標ごとの達成率（上限100）を重み付けして平均した指数です（100＝すべての中間指標が目標を達成）。組み立て方は算出方法（第1版）にあります。中間指標・重み・目標値はデモ用の設定です。',
        source: '中間指標から算出',
        ownerIds: [owner.userId],
        targets: years.map((fiscalYear) => ({ fiscalYear, target: 100 })),
        compositeMethod: { effectiveFromYear: prefecturePlan.startYear, normalisation: 'target_share', capAt: 100, missing: 'renormalise', components, explanation: kpiExplanation(kpi) },
      }),
    );
  }

  for (const review of reviews) {
    await services.reviews.record(
      reviewer,
      plan.id,
      reviewInput.parse({ nodeId: node(String(review.field + 1)), fiscalYear: review.fiscalYear, term: review.term, gradeKey: review.gradeKey, comment: review.comment, status: review.status }),
    );
  }

  const meeting = await services.reviews.createMeeting(
    admin,
    plan.id,
    meetingCreateInput.parse({ title: committeeMeeting.title, heldOn: committeeMeeting.heldOn, summary: committeeMeeting.summary, isPublic: true }),
  );
  for (const opinion of committeeMeeting.opinions) {
    await services.reviews.createOpinion(
      admin,
      meeting.id,
      opinionCreateInput.parse({ speaker: opinion.speaker, body: opinion.body, response: opinion.response, nodeIds: opinion.nodes.map(node) }),
    );
  }

  const current = await services.plans.get(admin, plan.id);
  await services.plans.setVisibility(admin, plan.id, current.version, 'public');
}

interface TreeRow {
  code: string;
  parentCode: string | null;
  title: string;
  levelName?: string;
  description?: string;
  division?: string | null;
  statusKey?: string;
  startsOn?: string;
  endsOn?: string;
  /** The node's owner (by e-mail): set after the import, which carries no owners. */
  owner?: string | null;
}

/** The prefecture's tree, parents first: 3 fields, 14 areas, 54 取組方針 (statuses are demo), the foundations and the 事業 of the roadmaps. */
function prefectureTree(): TreeRow[] {
  const random = generator(2094);
  const rows: TreeRow[] = [];
  for (const [fieldIndex, field] of prefectureFields.entries()) {
    const fieldCode = String(fieldIndex + 1);
    rows.push({ code: fieldCode, parentCode: null, title: field.title, description: field.description, owner: field.owner });
    for (const [areaIndex, area] of field.areas.entries()) {
      const areaCode = `${fieldCode}-${areaIndex + 1}`;
      rows.push({ code: areaCode, parentCode: fieldCode, title: area.title });
      for (const [policyIndex, policy] of area.policies.entries()) {
        const statusKey = random.weighted([['in_progress', 70], ['not_started', 12], ['done', 10], ['on_hold', 8]] as const);
        rows.push({ code: `${areaCode}-${policyIndex + 1}`, parentCode: areaCode, title: policy, statusKey });
      }
    }
  }
  const foundationCode = String(prefectureFields.length + 1);
  rows.push({ code: foundationCode, parentCode: null, levelName: foundationBranch.levelName, title: foundationBranch.title, description: foundationBranch.description });
  for (const [index, item] of foundationBranch.items.entries()) {
    rows.push({ code: `${foundationCode}-${index + 1}`, parentCode: foundationCode, levelName: foundationBranch.itemLevelName, title: item.title, description: item.description, statusKey: 'in_progress' });
  }
  for (const roadmap of roadmaps) {
    rows.push({
      code: roadmap.code,
      parentCode: roadmap.parent,
      levelName: roadmap.levelNames?.initiative,
      title: roadmap.title,
      description: roadmap.description,
      division: roadmap.division,
      startsOn: roadmap.startsOn,
      endsOn: roadmap.endsOn,
      owner: roadmap.owner,
    });
    roadmap.rows.forEach((row, index) => {
      rows.push({ code: `${roadmap.code}-${index + 1}`, parentCode: roadmap.code, levelName: roadmap.levelNames?.row, title: row.title, statusKey: row.statusKey });
    });
  }
  return rows;
}

/** Imports the tree as our node CSV (rows name their parent by the file's own IDs), then sets the owners; returns node IDs by code. */
async function importTree(services: Services, admin: Principal, as: As, planId: string, rows: TreeRow[]): Promise<Map<string, string>> {
  const fileIds = new Map(rows.map((row) => [row.code, randomUUID()]));
  const positions = new Map<string | null, number>();
  const csvRows = rows.map((row): NodeCsvRow => {
    const position = positions.get(row.parentCode) ?? 0;
    positions.set(row.parentCode, position + 1);
    return {
      id: fileIds.get(row.code)!,
      externalId: null,
      parentId: row.parentCode ? fileIds.get(row.parentCode)! : null,
      parentExternalId: null,
      code: row.code,
      levelName: row.levelName ?? null,
      title: row.title,
      titleEn: null,
      description: row.description ?? '',
      division: row.division ?? null,
      statusKey: row.statusKey ?? null,
      progress: null,
      weight: 1,
      startsOn: row.startsOn ?? null,
      endsOn: row.endsOn ?? null,
      position,
    };
  });
  const result = await services.documents.importCsv(admin, planId, 'nodes', { fileName: '青森県DX推進プラン_施策体系（デモ）.csv', bytes: nodesCsv(csvRows) }, false);
  if (result.errors.length > 0 || result.created !== rows.length) throw new Error(`the demo tree did not import: ${JSON.stringify(result.errors.slice(0, 5))}`);
  const tree = await services.plans.tree(admin, planId);
  const nodes = new Map(tree.nodes.flatMap((node) => (node.code ? [[node.code, node] as const] : [])));
  for (const row of rows) {
    if (!row.owner) continue;
    const node = nodes.get(row.code)!;
    await services.plans.updateNode(admin, node.id, nodeUpdateInput.parse({ version: node.version, ownerIds: [as(row.owner).userId] }));
  }
  return new Map([...nodes].map(([code, node]) => [code, node.id]));
}

async function seedAoitStrategy(services: Services, as: As, today: string): Promise<void> {
  const admin = as(AOIT_ADMIN);
  const reviewer = as(AOIT_REVIEWER);
  const plan = await services.plans.create(
    admin,
    planCreateInput.parse({ ...aoitStrategy, levelNames: [...aoitStrategy.levelNames], levelNamesEn: [...aoitStrategy.levelNamesEn], rollupMethod: 'average', reviewerIds: [reviewer.userId] }),
  );
  const years = planYears(aoitStrategy.startYear, aoitStrategy.endYear);
  for (const [index, kpi] of aoitKpis.entries()) {
    const code = String(index + 1);
    const owner = as(kpi.owner);
    const node = await services.plans.createNode(
      admin,
      plan.id,
      nodeCreateInput.parse({ code, title: kpi.area, description: kpi.areaDescription, ownerIds: [owner.userId], statusKey: 'in_progress' }),
    );
    const indicator = await services.indicators.create(
      admin,
      plan.id,
      indicatorCreateInput.parse({
        kind: kpi.computed ? 'computed' : 'manual',
        nodeId: node.id,
        code: `KPI${code}`,
        name: kpi.name,
        unit: kpi.unit,
        minValue: 0,
        method: kpi.method,
        source: kpi.source,
        // No programmeId: the default programme of each date (the desk's yearly commissions).
        metricKey: kpi.computed ? 'desk.supports' : null,
        ownerIds: [owner.userId],
        targets: years.map((fiscalYear) => ({ fiscalYear, target: kpi.target })),
      }),
    );
    const submitter = as(kpi.submitter);
    if (kpi.computed) {
      // 令和6年度 (the seed reports its actual, 延べ109件) and 令和7年度: submitted from the desk's records and approved.
      for (const fiscalYear of [aoitStrategy.startYear, aoitStrategy.startYear + 1]) {
        if (!hasEnded(fiscalYear, null, today)) continue;
        await reportActual(
          services,
          indicator.periods,
          { fiscalYear, value: null, approved: true },
          { submitter, reviewer },
          '相談窓口の対応記録から集計した値です（デモの相談記録による）。',
        );
      }
      continue;
    }
    for (const actual of kpi.actuals) {
      if (hasEnded(actual.fiscalYear, null, today)) await reportActual(services, indicator.periods, actual, { submitter, reviewer }, '【デモ】実績（デモ用の値）。');
    }
  }
  const current = await services.plans.get(admin, plan.id);
  await services.plans.setVisibility(admin, plan.id, current.version, 'public');
}
