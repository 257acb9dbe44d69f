import type { z } from 'zod';
import type { PeriodHalf } from '../../../shared/domain/plans';
import type { reportingStatus } from '../../../shared/schemas/plan';
import type { Db } from '../../db/client';
import { periodDueOn } from './engine/periods';
import type { EvaluatedIndicator, EvaluatedPeriod } from './plan-figures';
import { peopleNames } from './plan-access';
import * as plans from './plans.repository';
import type { PlanRow } from './plans.repository';

type ReportingStatus = z.output<typeof reportingStatus>;
type ItemStatus = ReportingStatus['items'][number]['status'];

/**
 * Who has reported for a reporting round, and who has not. A round is a fiscal year's 上期 (half 1) or its
 * year end (half 2 / the year): yearly indicators report at year end, half-yearly ones at each half. Composite
 * indicators follow from their parts ('computed'); computed ones still need their value submitted and approved
 * before it is published.
 */
export function periodOfRound(indicator: EvaluatedIndicator, round: { fiscalYear: number; half: PeriodHalf }): EvaluatedPeriod | null | undefined {
  const { row, periods } = indicator;
  if (row.periodicity === 'half') {
    const half = round.half ?? 2;
    return periods.find((period) => period.fiscalYear === round.fiscalYear && period.half === half) ?? null;
  }
  // Yearly indicators are not asked for at 上期.
  if (round.half === 1) return undefined;
  return periods.find((period) => period.fiscalYear === round.fiscalYear && period.half === null) ?? null;
}

function statusOf(indicator: EvaluatedIndicator, period: EvaluatedPeriod | null): ItemStatus {
  if (indicator.row.kind === 'composite') return 'computed';
  if (period?.approvedAt && period.latestUpdate?.status !== 'submitted') return 'approved';
  return (period?.latestUpdate?.status as ItemStatus | undefined) ?? 'not_started';
}

function roundItems(plan: PlanRow, evaluated: EvaluatedIndicator[], round: { fiscalYear: number; half: PeriodHalf }, today: string) {
  const dueOn = periodDueOn({ fiscalYear: round.fiscalYear, half: round.half === 1 ? 1 : null }, plan);
  const items = evaluated.flatMap((indicator) => {
    const period = periodOfRound(indicator, round);
    if (period === undefined) return [];
    const status = statusOf(indicator, period);
    return [{ indicator, period, status, overdue: dueOn < today && (status === 'not_started' || status === 'draft' || status === 'returned') }];
  });
  return { dueOn, items };
}

function countsOf(items: { status: ItemStatus }[]) {
  const counts = { notStarted: 0, draft: 0, submitted: 0, returned: 0, approved: 0, computed: 0 };
  for (const { status } of items) counts[status === 'not_started' ? 'notStarted' : status] += 1;
  return counts;
}

export function reportingCounts(plan: PlanRow, evaluated: EvaluatedIndicator[], round: { fiscalYear: number; half: PeriodHalf }, today: string) {
  return countsOf(roundItems(plan, evaluated, round, today).items);
}

export async function reportingStatusOf(
  tx: Db,
  tenantId: string,
  plan: PlanRow,
  evaluated: EvaluatedIndicator[],
  round: { fiscalYear: number; half: PeriodHalf },
  today: string,
): Promise<ReportingStatus> {
  const { dueOn, items } = roundItems(plan, evaluated, round, today);
  const nodes = new Map((await plans.listNodes(tx, tenantId, plan.id)).map((node) => [node.id, node]));
  const ownersOf = (indicator: EvaluatedIndicator) =>
    indicator.row.ownerIds.length > 0 ? indicator.row.ownerIds : indicator.row.nodeId ? (nodes.get(indicator.row.nodeId)?.ownerIds ?? []) : [];
  const people = await peopleNames(tx, items.flatMap(({ indicator }) => ownersOf(indicator)));
  return {
    fiscalYear: round.fiscalYear,
    half: round.half,
    dueOn,
    counts: countsOf(items),
    items: items.map(({ indicator, period, status, overdue }) => {
      const node = indicator.row.nodeId ? nodes.get(indicator.row.nodeId) : undefined;
      return {
        indicatorId: indicator.row.id,
        indicatorName: indicator.row.name,
        periodId: period?.id ?? null,
        node: node ? { id: node.id, title: node.title, code: node.code } : null,
        owners: ownersOf(indicator).map((id) => ({ id, name: people.get(id) ?? '' })),
        status,
        overdue,
      };
    }),
  };
}
