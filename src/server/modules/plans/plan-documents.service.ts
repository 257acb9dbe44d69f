import { randomUUID } from 'node:crypto';
import { fiscalYearOf } from '../../../shared/domain/fiscal-year';
import type { PlanImportResult } from '../../../shared/schemas/plan';
import type { Db } from '../../db/client';
import { recordAudits, type AuditChange } from '../../platform/audit/audit';
import { withActor, type Principal } from '../../platform/auth/actor';
import { assertCan } from '../../platform/auth/authorize';
import { translator } from '../../platform/i18n';
import { japanToday } from '../cases/case-rules';
import { findTenant } from '../tenants/tenants.repository';
import { annualReportDocument } from './documents/annual-report-docx';
import { annualReportWorkbook } from './documents/annual-report-xlsx';
import type { AnnualReportData, AnnualReportIndicator } from './documents/annual-report';
import { periodLabel, periodStanding } from './engine/periods';
import { computeDepths } from './engine/graph';
import * as indicators from './indicators.repository';
import { parseDecidimResultsCsv } from './interchange/decidim-csv';
import { nodesCsv, parseNodesCsv, parsePeriodsCsv, periodsCsv, resolveNodeImport, sortErrors, type RowError } from './interchange/plan-csv';
import { editablePlan, readablePlan } from './plan-access';
import { evaluateIndicators, loadTree, type EvaluatedIndicator } from './plan-figures';
import { planPolicy } from './plans.policy';
import { depthFirst } from './plans.presenter';
import * as plans from './plans.repository';
import type { NodeRow, PlanRow } from './plans.repository';
import { periodOfRound } from './reporting';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/**
 * The annual progress report (年次進捗報告), and the plan's tree and targets as CSV in and out. Reports and
 * exports are for the tenant (approved actuals only, as published); imports are for editors, check every row
 * first and write nothing when asked for a dry run.
 */
export function createPlanDocumentService(db: Db, options: { now?: () => Date } = {}) {
  const now = options.now ?? (() => new Date());

  async function reportData(tx: Db, tenantId: string, plan: PlanRow & { organisation: string }, fiscalYear: number): Promise<AnnualReportData> {
    const { nodes, rollup } = await loadTree(tx, tenantId, plan);
    const evaluated = await evaluateIndicators(tx, tenantId, plan, { audience: 'public', locale: 'ja' });
    const reviews = await plans.listReviews(tx, tenantId, plan.id, { fiscalYear });
    const milestones = await plans.listPlanMilestones(tx, tenantId, plan.id);
    const narratives = await approvedNarratives(tx, tenantId, plan.id);
    const indicatorOf = (item: EvaluatedIndicator): AnnualReportIndicator => {
      const year = item.periods.find((period) => period.fiscalYear === fiscalYear && period.half === null) ?? null;
      const reported = periodOfRound(item, { fiscalYear, half: null }) ?? null;
      const actual = year?.actual ?? null;
      return {
        id: item.row.id,
        code: item.row.code,
        name: item.row.name,
        unit: item.row.unit,
        direction: item.row.direction as 'higher',
        decimals: item.row.decimals,
        baseline: { value: item.row.baselineValue, fiscalYear: item.row.baselineYear },
        target: year?.target ?? null,
        originalTarget: year?.originalTarget ?? null,
        actual,
        achievement: year?.achievement ?? null,
        status: periodStanding(actual, year?.target ?? null, item.row.direction as 'higher' | 'lower'),
        kind: item.row.kind as 'manual',
        method: item.row.method,
        source: item.row.source,
        narrative: reported ? (narratives.get(reported.id) ?? '') : '',
      };
    };
    const byNode = new Map<string | null, AnnualReportIndicator[]>();
    for (const item of evaluated) byNode.set(item.row.nodeId, [...(byNode.get(item.row.nodeId) ?? []), indicatorOf(item)]);
    const gradeName = (key: string) => plan.grades.find((grade) => grade.key === key)?.name ?? key;
    return {
      organisation: plan.organisation,
      planTitle: plan.title,
      edition: plan.edition,
      planPeriodLabel: `${periodLabel(plan.startYear, null, 'ja')}〜${periodLabel(plan.endYear, null, 'ja')}`,
      fiscalYear,
      fiscalYearLabel: periodLabel(fiscalYear, null, 'ja'),
      generatedOn: japanToday(now()),
      progress: rollup.plan.progress,
      grades: plan.grades.map((grade) => ({ key: grade.key, name: grade.name })),
      planIndicators: byNode.get(null) ?? [],
      sections: depthFirst(nodes).map((node) => ({
        nodeId: node.id,
        code: node.code,
        level: node.levelName ?? plan.levelNames[Math.min(node.depth, plan.levelNames.length - 1)] ?? '',
        depth: node.depth,
        title: node.title,
        division: node.division,
        progress: rollup.nodes.get(node.id)?.progress ?? null,
        reviews: reviews
          .filter((review) => review.nodeId === node.id && review.status === 'final')
          .map((review) => ({ term: review.term as 'annual', grade: gradeName(review.gradeKey), comment: review.comment })),
        indicators: byNode.get(node.id) ?? [],
        milestones: {
          planned: milestones.filter((milestone) => milestone.nodeId === node.id && milestone.plannedYear === fiscalYear).map((milestone) => milestone.title),
          achieved: milestones.filter((milestone) => milestone.nodeId === node.id && milestone.achievedOn && fiscalYearOf(milestone.achievedOn) === fiscalYear).map((milestone) => milestone.title),
        },
      })),
    };
  }

  return {
    async annualReport(principal: Principal, planId: string, fiscalYear: number, format: 'xlsx' | 'docx') {
      return withActor(db, principal, async (tx, actor) => {
        const plan = await readablePlan(tx, actor, planId);
        assertCan(actor.role !== 'partner');
        const organisation = await tenantName(tx, actor.tenantId);
        const data = await reportData(tx, actor.tenantId, { ...plan, organisation }, fiscalYear);
        const bytes = format === 'xlsx' ? await annualReportWorkbook(data) : await annualReportDocument(data);
        const name = `${plan.title}_${data.fiscalYearLabel}_年次進捗報告.${format}`;
        return { fileName: name, asciiName: `annual-report-${fiscalYear}.${format}`, mediaType: format === 'xlsx' ? XLSX : DOCX, bytes };
      });
    },

    /** The report's data (the printable page renders it), in the same shape the files use. */
    async annualReportData(principal: Principal, planId: string, fiscalYear: number) {
      return withActor(db, principal, async (tx, actor) => {
        const plan = await readablePlan(tx, actor, planId);
        assertCan(actor.role !== 'partner');
        return reportData(tx, actor.tenantId, { ...plan, organisation: await tenantName(tx, actor.tenantId) }, fiscalYear);
      });
    },

    async exportCsv(principal: Principal, planId: string, kind: 'nodes' | 'periods') {
      return withActor(db, principal, async (tx, actor) => {
        const plan = await readablePlan(tx, actor, planId);
        assertCan(planPolicy.canReadAll(actor));
        if (kind === 'nodes') {
          const nodes = depthFirst(await plans.listNodes(tx, actor.tenantId, planId));
          const byId = new Map(nodes.map((node) => [node.id, node]));
          const bytes = nodesCsv(
            nodes.map((node) => ({
              id: node.id,
              externalId: node.externalId,
              parentId: node.parentId,
              parentExternalId: node.parentId ? (byId.get(node.parentId)?.externalId ?? null) : null,
              code: node.code,
              levelName: node.levelName,
              title: node.title,
              titleEn: node.titleEn,
              description: node.description,
              division: node.division,
              statusKey: node.statusKey,
              progress: node.progress,
              weight: node.weight,
              startsOn: node.startsOn,
              endsOn: node.endsOn,
              position: node.position,
            })),
          );
          return { fileName: `${plan.title}_施策体系.csv`, asciiName: 'plan-nodes.csv', mediaType: 'text/csv; charset=utf-8', bytes };
        }
        const evaluated = await evaluateIndicators(tx, actor.tenantId, plan, { audience: 'internal', locale: 'ja' });
        const bytes = periodsCsv(
          evaluated.flatMap((item) =>
            item.periods.map((period) => ({
              indicatorId: item.row.id,
              indicatorExternalId: item.row.externalId,
              indicatorName: item.row.name,
              unit: item.row.unit,
              fiscalYear: period.fiscalYear,
              half: period.half,
              target: period.target,
              actual: period.actual,
              status: item.row.kind === 'composite' ? 'computed' : period.approvedAt ? 'approved' : ((period.latestUpdate?.status as 'draft' | undefined) ?? 'not_started'),
            })),
          ),
        );
        return { fileName: `${plan.title}_指標の期間.csv`, asciiName: 'plan-periods.csv', mediaType: 'text/csv; charset=utf-8', bytes };
      });
    },

    async importCsv(principal: Principal, planId: string, kind: 'nodes' | 'periods' | 'decidim', file: { fileName: string; bytes: Buffer }, dryRun: boolean): Promise<PlanImportResult> {
      return withActor(db, principal, async (tx, actor) => {
        const plan = await editablePlan(tx, actor, planId);
        const t = translator(actor.locale, 'errors');
        const message = (error: RowError) => t(`field.${error.code}`, { defaultValue: t('field.invalid') });
        const result = (created: number, updated: number, unchanged: number, errors: RowError[]): PlanImportResult => ({
          dryRun,
          created,
          updated,
          unchanged,
          errors: sortErrors(errors).map((error) => ({ line: error.line, column: error.column, code: error.code, message: message(error), ...(error.value !== undefined ? { value: error.value } : {}) })),
        });
        if (kind === 'periods') {
          const parsed = parsePeriodsCsv(file.bytes);
          const rows = await indicators.listIndicators(tx, actor.tenantId, planId);
          const periods = await indicators.listPlanPeriods(tx, actor.tenantId, planId);
          const byExternal = new Map(rows.flatMap((row) => (row.externalId ? [[row.externalId, row.id] as const] : [])));
          const known = new Set(rows.map((row) => row.id));
          const errors = [...parsed.errors];
          const changes: { periodId: string; target: number | null; before: number | null }[] = [];
          let unchanged = 0;
          for (const row of parsed.rows) {
            const indicatorId = row.indicatorId && known.has(row.indicatorId) ? row.indicatorId : row.indicatorExternalId ? byExternal.get(row.indicatorExternalId) : undefined;
            if (!indicatorId) {
              errors.push({ line: row.line, column: '指標ID', code: 'unknown_indicator' });
              continue;
            }
            const period = periods.find((candidate) => candidate.indicatorId === indicatorId && candidate.fiscalYear === row.fiscalYear && candidate.half === row.half);
            if (!period) {
              errors.push({ line: row.line, column: '年度', code: 'unknown_period' });
              continue;
            }
            if (!row.targetGiven || row.target === period.target) {
              unchanged += 1;
              continue;
            }
            if (period.lockedAt) {
              errors.push({ line: row.line, column: '目標', code: 'period_locked' });
              continue;
            }
            changes.push({ periodId: period.id, target: row.target, before: period.target });
          }
          if (!dryRun && errors.length === 0) {
            for (const change of changes) {
              await indicators.updatePeriod(tx, actor.tenantId, change.periodId, null, { target: change.target });
              await indicators.insertRevision(tx, { tenantId: actor.tenantId, id: randomUUID(), periodId: change.periodId, target: change.target, reason: file.fileName, revisedBy: actor.userId });
            }
            await recordAudits(tx, actor, changes.map((change) => ({ action: 'indicator_target.revised', entityType: 'indicator_period', entityId: change.periodId, before: { target: change.before }, after: { target: change.target, source: 'import' } })));
            if (changes.length > 0) await plans.touchPlan(tx, actor.tenantId, planId);
          }
          return result(0, errors.length === 0 ? changes.length : 0, unchanged, errors);
        }

        const parsed = kind === 'decidim' ? parseDecidimResultsCsv(file.bytes) : parseNodesCsv(file.bytes);
        const existing = await plans.listNodes(tx, actor.tenantId, planId);
        const plan_ = resolveNodeImport(parsed.rows, existing.map(existingOf));
        const errors = [...parsed.errors, ...plan_.errors, ...statusErrors(plan, plan_)];
        const updates = plan_.updates.filter((update) => update.changed);
        const unchanged = plan_.updates.length - updates.length;
        if (errors.length > 0 || dryRun) return result(errors.length > 0 ? 0 : plan_.creates.length, errors.length > 0 ? 0 : updates.length, unchanged, errors);
        await plans.lockTree(tx, actor.tenantId, planId);
        await applyNodeImport(tx, actor.tenantId, plan, existing, plan_.creates, updates, async (audits) => recordAudits(tx, actor, audits));
        return result(plan_.creates.length, updates.length, unchanged, []);
      });
    },
  };
}

/** Statuses named in the file must be in the plan's list; Decidim's are added to it as they come. */
function statusErrors(plan: PlanRow, importPlan: ReturnType<typeof resolveNodeImport>): RowError[] {
  const known = new Set(plan.statuses.map((status) => status.key));
  const rows = [...importPlan.creates, ...importPlan.updates];
  return rows.flatMap((row) => {
    const key = row.fields.statusKey;
    return key && !known.has(key) && !key.startsWith('decidim-') ? [{ line: row.line, column: '状況', code: 'unknown_status', value: key }] : [];
  });
}

function existingOf(node: NodeRow) {
  return {
    id: node.id,
    externalId: node.externalId,
    parentId: node.parentId,
    code: node.code,
    levelName: node.levelName,
    title: node.title,
    titleEn: node.titleEn,
    description: node.description,
    division: node.division,
    statusKey: node.statusKey,
    progress: node.progress,
    weight: node.weight,
    startsOn: node.startsOn,
    endsOn: node.endsOn,
    position: node.position,
  };
}

async function applyNodeImport(
  tx: Db,
  tenantId: string,
  plan: PlanRow,
  existing: NodeRow[],
  creates: ReturnType<typeof resolveNodeImport>['creates'],
  updates: ReturnType<typeof resolveNodeImport>['updates'],
  audit: (changes: AuditChange[]) => Promise<void>,
) {
  // Decidim statuses the plan does not know yet join its list (key decidim-<id>, named after the id).
  const newStatuses = [...new Set([...creates, ...updates].map((row) => row.fields.statusKey).filter((key): key is string => !!key && !plan.statuses.some((status) => status.key === key)))];
  if (newStatuses.length > 0) {
    await plans.updatePlan(tx, tenantId, plan.id, plan.version, { statuses: [...plan.statuses, ...newStatuses.map((key) => ({ key, name: key.replace(/^decidim-/, 'Decidim '), nameEn: null, progress: 0 }))] });
  }
  // Depths follow the tree after the import.
  const links = new Map(existing.map((node) => [node.id, { id: node.id, parentId: node.parentId }]));
  for (const create of creates) links.set(create.id, { id: create.id, parentId: create.parentId });
  for (const update of updates) links.set(update.id, { id: update.id, parentId: update.parentId });
  const depths = computeDepths([...links.values()]);
  const positions = new Map<string | null, number>();
  const nextPosition = (parentId: string | null) => {
    const current = positions.get(parentId) ?? Math.max(-1, ...existing.filter((node) => node.parentId === parentId).map((node) => node.position)) + 1;
    positions.set(parentId, current + 1);
    return current;
  };
  const rows = creates.map((create) => ({
    tenantId,
    id: create.id,
    planId: plan.id,
    parentId: create.parentId,
    depth: depths.get(create.id) ?? 0,
    position: create.fields.position ?? nextPosition(create.parentId),
    code: create.fields.code,
    levelName: create.fields.levelName,
    title: create.fields.title,
    titleEn: create.fields.titleEn,
    description: create.fields.description,
    division: create.fields.division,
    statusKey: create.fields.statusKey,
    progress: create.fields.progress,
    weight: create.fields.weight,
    startsOn: create.fields.startsOn,
    endsOn: create.fields.endsOn,
    externalId: create.externalId,
  }));
  // Parents first: insert in the planned order, children may point at rows created just before them.
  for (const row of rows) await plans.insertNodes(tx, [row]);
  const before = new Map(existing.map((node) => [node.id, node]));
  for (const update of updates) {
    const current = before.get(update.id)!;
    const { position, ...fields } = update.fields;
    await plans.updateNode(tx, tenantId, update.id, current.version, {
      ...fields,
      ...(position !== undefined && position !== null ? { position } : {}),
      parentId: update.parentId,
      externalId: update.externalId,
      depth: depths.get(update.id) ?? current.depth,
    });
  }
  await plans.setDepths(tx, tenantId, [...depths].map(([id, depth]) => ({ id, depth })));
  await plans.touchPlan(tx, tenantId, plan.id);
  await audit([
    ...rows.map((row) => ({ action: 'plan_node.imported', entityType: 'plan_node', entityId: row.id, after: row })),
    ...updates.map((update) => ({ action: 'plan_node.imported', entityType: 'plan_node', entityId: update.id, before: existingOf(before.get(update.id)!), after: { ...update.fields, parentId: update.parentId } })),
  ]);
}

/** The narratives of approved updates by period (the annual report quotes them). */
async function approvedNarratives(tx: Db, tenantId: string, planId: string): Promise<Map<string, string>> {
  const updates = await indicators.listUpdates(tx, tenantId, { planId, status: 'approved', limit: 100_000 });
  const periods = await indicators.listPlanPeriods(tx, tenantId, planId);
  const byId = new Map(updates.map((update) => [update.id, update]));
  return new Map(periods.flatMap((period) => (period.actualUpdateId && byId.has(period.actualUpdateId) ? [[period.id, byId.get(period.actualUpdateId)!.narrative] as const] : [])));
}

async function tenantName(tx: Db, tenantId: string): Promise<string> {
  return (await findTenant(tx, tenantId))?.name ?? '';
}
