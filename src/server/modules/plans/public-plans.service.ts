import { sql } from 'drizzle-orm';
import { stringify } from 'csv-stringify/sync';
import type { z } from 'zod';
import { type publicIndicator, publicIndicatorList, publicMeetingList, publicNode, publicPlan, publicReviewList } from '../../../shared/schemas/plan';
import { APP_ROLE, type Db } from '../../db/client';
import { notFound } from '../../platform/errors';
import { encodedSize, encodeJson, type EncodedJson } from '../../platform/encoded-json';
import { createFigureCache } from '../../platform/figure-cache';
import { evaluateIndicators, loadTree } from './plan-figures';
import { depthFirst, presentIndicator, presentMethod, presentNode, presentReview } from './plans.presenter';
import * as indicators from './indicators.repository';
import * as repository from './plans.repository';
import type { PlanRow } from './plans.repository';
import { presentMeeting } from './reviews.service';
import { openDataSchema, OPEN_DATA_CSV_COLUMNS } from './open-data-schema';

type PublicPlanRow = PlanRow & { organisation: string };
type PublicIndicator = z.output<typeof publicIndicator>;
type PublicNode = z.output<typeof publicNode>;

/** A public plan's tree computed once per plan state: every node in full (depth-first), the plan's progress and explanation. */
interface PublicTree {
  nodes: PublicNode[];
  progress: number | null;
  explanation: z.output<typeof publicPlan>['explanation'];
  planIndicatorCount: number;
}

/**
 * The public 見える化 (ADR 0017): plans marked public, readable without signing in. Only approved values
 * (the period's approved actual; composite indices from approved parts), final reviews and public meetings
 * appear; live values, updates, owners and drafts never leave the tenant. Public reads are Japanese.
 *
 * The plan is found with app.public_lookup on (policy plan_public_lookup admits public plans only); everything
 * under it is then read as that plan's tenant under the usual isolation. The plan page's bodies (the plan
 * with its tree, a node's indicators) are cached serialised and gzipped (platform/encoded-json) per plan state
 * (its updated_at and version, touched by every change under it) for a minute at most, within 256 MB.
 */
export function createPublicPlanService(db: Db) {
  const cache = createFigureCache({ maxEntries: 5_000, ttlMs: 60_000, maxBytes: 256 * 1024 * 1024, sizeOf: encodedSize });
  /** The computed trees the bodies are made from (a 2,000-node tree is ~10 MB of objects): a few plans at a time. */
  const trees = createFigureCache({ maxEntries: 8, ttlMs: 60_000 });

  async function withPublicPlan<T>(id: string | null, work: (tx: Db, plan: PublicPlanRow | null) => Promise<T>): Promise<T> {
    return db.transaction(async (transaction) => {
      const tx = transaction as unknown as Db;
      await tx.execute(sql`SELECT set_config('role', ${APP_ROLE}, true), set_config('app.user_id', '', true), set_config('app.public_lookup', 'on', true)`);
      if (id === null) return work(tx, null);
      const plan = await repository.findPublicPlan(tx, id);
      await tx.execute(sql`SELECT set_config('app.public_lookup', '', true), set_config('app.tenant_id', ${plan?.tenantId ?? ''}, true)`);
      if (!plan) throw notFound();
      return work(tx, plan);
    });
  }

  const stampOf = (plan: PlanRow) => `${plan.id}|${plan.updatedAt.toISOString()}|${plan.version}`;

  function summaryOf(plan: PublicPlanRow, progress: number | null) {
    return {
      id: plan.id,
      organisation: plan.organisation,
      title: plan.title,
      titleEn: plan.titleEn,
      edition: plan.edition,
      startYear: plan.startYear,
      endYear: plan.endYear,
      progress,
      publishedAt: plan.publishedAt?.toISOString() ?? null,
    };
  }

  function treeOf(tx: Db, plan: PublicPlanRow): Promise<PublicTree> {
    return trees.getOrCompute(`tree|${stampOf(plan)}`, async () => {
      const { nodes, rollup } = await loadTree(tx, plan.tenantId, plan);
      const indicatorIds = await repository.indicatorIdsByNode(tx, plan.tenantId, plan.id);
      const none = new Map<string, string>();
      return {
        nodes: depthFirst(nodes).map((node) => {
          const { owners: _owners, version: _version, externalId: _external, ...rest } = presentNode(node, plan, rollup, none, indicatorIds.get(node.id) ?? []);
          return rest;
        }),
        progress: rollup.plan.progress,
        explanation: rollup.plan.explanation,
        planIndicatorCount: indicatorIds.get(null)?.length ?? 0,
      };
    });
  }

  function planOf(plan: PublicPlanRow, progress: number | null): z.output<typeof publicPlan>['plan'] {
    return {
      ...summaryOf(plan, progress),
      description: plan.description,
      levelNames: plan.levelNames,
      levelNamesEn: plan.levelNamesEn,
      rollupMethod: plan.rollupMethod as 'average',
      statuses: plan.statuses.map((status) => ({ key: status.key, name: status.name, nameEn: status.nameEn ?? null, progress: status.progress })),
      grades: plan.grades.map((grade) => ({ key: grade.key, name: grade.name, nameEn: grade.nameEn ?? null })),
    };
  }

  /**
   * The plan page's body, serialised once per plan state, with the plan's progress for the list of plans. Its
   * tree carries what the tree shows (a 2,000-node plan: 0.6 MB instead of 1.9 MB in full); a node in full is
   * its own answer (nodeBody).
   */
  function cachedPlan(tx: Db, plan: PublicPlanRow): Promise<EncodedJson & { progress: number | null }> {
    return cache.getOrCompute(`plan|${stampOf(plan)}`, async () => {
      const tree = await treeOf(tx, plan);
      const body: z.output<typeof publicPlan> = {
        plan: planOf(plan, tree.progress),
        nodes: tree.nodes.map((node) => ({
          id: node.id,
          parentId: node.parentId,
          depth: node.depth,
          position: node.position,
          code: node.code,
          level: node.level,
          title: node.title,
          titleEn: node.titleEn,
          division: node.division,
          statusKey: node.statusKey,
          weight: node.weight,
          progress: node.progress,
          indicatorCount: node.indicatorIds.length,
        })),
        planIndicatorCount: tree.planIndicatorCount,
        explanation: tree.explanation,
      };
      return { ...(await encodeJson(publicPlan, body)), progress: tree.progress };
    });
  }

  function nodeBody(tx: Db, plan: PublicPlanRow, nodeId: string): Promise<EncodedJson> {
    return cache.getOrCompute(`node|${stampOf(plan)}|${nodeId}`, async () => {
      const node = (await treeOf(tx, plan)).nodes.find((candidate) => candidate.id === nodeId);
      if (!node) throw notFound();
      return encodeJson(publicNode, node);
    });
  }

  /** The plan's indicators, or one node's ('plan': those of the plan itself). */
  async function indicatorBodies(tx: Db, plan: PublicPlanRow, nodeId?: string): Promise<PublicIndicator[]> {
    const ids = nodeId === undefined ? undefined : await indicatorsOfNode(tx, plan, nodeId === 'plan' ? null : nodeId);
    const evaluated = await evaluateIndicators(tx, plan.tenantId, plan, { audience: 'public', locale: 'ja', indicatorIds: ids });
    const methods = await indicators.listPlanMethods(tx, plan.tenantId, plan.id);
    const names = new Map(evaluated.map(({ row }) => [row.id, row.name]));
    const none = new Map<string, string>();
    return evaluated.map((item) => {
      const { owners: _owners, version: _version, metricParams: _params, periods, ...rest } = presentIndicator(item, none);
      return {
        ...rest,
        periods: periods.map(({ live: _live, latestUpdate: _latest, dueOn: _due, version: _v, ...period }) => period),
        methods: methods
          .filter((method) => method.indicatorId === item.row.id)
          .map((method) => {
            const { createdBy: _by, ...body } = presentMethod(method, names, none);
            return body;
          }),
      };
    });
  }

  async function indicatorsOfNode(tx: Db, plan: PublicPlanRow, nodeId: string | null): Promise<string[]> {
    return (await repository.indicatorIdsByNode(tx, plan.tenantId, plan.id)).get(nodeId) ?? [];
  }

  return {
    async list() {
      return withPublicPlan(null, async (tx) => {
        const rows = await repository.listPublicPlans(tx);
        const items = [];
        for (const plan of rows) {
          await tx.execute(sql`SELECT set_config('app.tenant_id', ${plan.tenantId}, true)`);
          items.push(summaryOf(plan, (await cachedPlan(tx, plan)).progress));
        }
        return { items };
      });
    },

    /** The plan with its tree and progress, serialised (send with sendEncodedJson). */
    get: (id: string): Promise<EncodedJson> => withPublicPlan(id, (tx, plan) => cachedPlan(tx, plan!)),

    /** One node in full: description, dates, indicators, how its progress is computed. */
    node: (id: string, nodeId: string): Promise<EncodedJson> => withPublicPlan(id, (tx, plan) => nodeBody(tx, plan!, nodeId)),

    /** The plan's indicators, or one node's ('plan': the plan's own), serialised. A large plan's page asks per node. */
    indicators: (id: string, nodeId?: string): Promise<EncodedJson> =>
      withPublicPlan(id, (tx, plan) =>
        cache.getOrCompute(`indicators|${stampOf(plan!)}|${nodeId ?? '*'}`, async () => encodeJson(publicIndicatorList, { items: await indicatorBodies(tx, plan!, nodeId) })),
      ),

    /** Final reviews, serialised. */
    reviews: (id: string): Promise<EncodedJson> =>
      withPublicPlan(id, (tx, plan) =>
        cache.getOrCompute(`reviews|${stampOf(plan!)}`, async () => {
          const rows = await repository.listReviews(tx, plan!.tenantId, plan!.id, { finalOnly: true });
          const items = rows.map((row) => {
            const { reviewedBy: _by, status: _status, version: _version, ...rest } = presentReview(row, plan!, new Map());
            return rest;
          });
          return encodeJson(publicReviewList, { items });
        }),
      ),

    /** Public meetings with their opinions, serialised. */
    meetings: (id: string): Promise<EncodedJson> =>
      withPublicPlan(id, (tx, plan) =>
        cache.getOrCompute(`meetings|${stampOf(plan!)}`, async () => {
          const rows = await repository.listMeetings(tx, plan!.tenantId, plan!.id, { publicOnly: true });
          const opinions = await repository.listOpinions(tx, plan!.tenantId, rows.map((row) => row.id));
          const items = rows.map((row) => {
            const { version: _version, opinions: list, ...rest } = presentMeeting(row, opinions);
            return { ...rest, opinions: list.map(({ version: _v, ...opinion }) => opinion) };
          });
          return encodeJson(publicMeetingList, { items });
        }),
      ),

    /** Open data: one row per indicator period (CSV, UTF-8 with BOM), or the whole plan (JSON); approved values only. */
    openData: (id: string, format: 'csv' | 'json') =>
      withPublicPlan(id, async (tx, plan) => {
        const tree = await treeOf(tx, plan!);
        const body = { plan: planOf(plan!, tree.progress), nodes: tree.nodes, planIndicatorCount: tree.planIndicatorCount, explanation: tree.explanation };
        const items = await indicatorBodies(tx, plan!);
        const baseName = `plan-${plan!.id}`;
        if (format === 'json') {
          const document = { schema: '/api/v1/public/open-data/schema', schemaVersion: 1, organisation: plan!.organisation, ...body, indicators: items };
          return { fileName: `${plan!.title}.json`, asciiName: `${baseName}.json`, mediaType: 'application/json; charset=utf-8', bytes: Buffer.from(JSON.stringify(document, null, 2)) };
        }
        const nodes = new Map(body.nodes.map((node) => [node.id, node]));
        const rows = items.flatMap((item) =>
          item.periods.map((period) => {
            const node = item.nodeId ? nodes.get(item.nodeId) : undefined;
            const record: Record<(typeof OPEN_DATA_CSV_COLUMNS)[number]['key'], string | number | null> = {
              plan_id: plan!.id,
              plan_title: plan!.title,
              organisation: plan!.organisation,
              node_id: node?.id ?? null,
              node_code: node?.code ?? null,
              node_level: node?.level ?? null,
              node_title: node?.title ?? null,
              indicator_id: item.id,
              indicator_code: item.code,
              indicator_name: item.name,
              unit: item.unit,
              direction: item.direction,
              kind: item.kind,
              fiscal_year: period.fiscalYear,
              half: period.half,
              period_label: period.label,
              target: period.target,
              original_target: period.originalTarget,
              actual: period.actual,
              achievement_percent: period.achievement === null ? null : Math.round(period.achievement * 10) / 10,
              approved_at: period.approvedAt,
            };
            return OPEN_DATA_CSV_COLUMNS.map((column) => record[column.key] ?? '');
          }),
        );
        const csv = stringify([OPEN_DATA_CSV_COLUMNS.map((column) => column.key), ...rows], { record_delimiter: '\r\n' });
        return { fileName: `${plan!.title}.csv`, asciiName: `${baseName}.csv`, mediaType: 'text/csv; charset=utf-8', bytes: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv)]) };
      }),

    openDataSchema,
  };
}

export type PublicPlanService = ReturnType<typeof createPublicPlanService>;
