import { useNavigate, useSearch } from '@tanstack/react-router';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { fiscalYearOf } from '../../../shared/domain/fiscal-year';
import { LoadError, Loading } from '../../components/Feedback';
import { FormField, SelectInput } from '../../components/FormField';
import { ColumnHeaders, DataTable, bodyRowClass, tdClass, thClass } from '../../components/Table';
import { ButtonLink, TextLink } from '../../components/TextLink';
import { ActualCell, TargetCell } from '../../features/plans/IndicatorCells';
import { PlanYearSelect } from '../../features/plans/PlanYearSelect';
import {
  achievementText,
  defaultYearOf,
  directionLabel,
  formatValue,
  kindLabel,
  nodeTitle,
  planYearLabel,
  updateStatusLabel,
  yearsOf,
} from '../../features/plans/plan-format';
import { type IndicatorSummary, type PlanNode, usePlanIndicators, usePlanTree } from '../../features/plans/plans.api';
import { currentLocale } from '../../i18n';
import { useFlash } from '../../lib/flash';
import { Notice } from '../../components/Notice';
import { useLoadedPlan } from './plan-layout';

/** 指標: every indicator of the plan by node, with the chosen year's target, approved actual, live value and 達成率. */
export function IndicatorListPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { planId, plan } = useLoadedPlan();
  const search = useSearch({ from: '/app/plans/$planId/indicators' });
  const navigate = useNavigate({ from: '/plans/$planId/indicators' });
  const indicators = usePlanIndicators(planId);
  const tree = usePlanTree(planId);
  const flash = useFlash();
  if (!plan) return null;
  const fiscalYear = search.fiscalYear ?? defaultYearOf(plan, fiscalYearOf(new Date()));
  const nodes = tree.data?.nodes ?? [];
  const items = indicators.data?.items ?? [];
  const groups: { node: PlanNode | null; items: IndicatorSummary[] }[] = [];
  const visibleNodes: (PlanNode | null)[] = search.nodeId ? nodes.filter((node) => node.id === search.nodeId) : [null, ...nodes];
  for (const node of visibleNodes) {
    const list = items.filter((item) => item.nodeId === (node?.id ?? null));
    if (list.length > 0) groups.push({ node, items: list });
  }
  const chosen = search.nodeId ? nodes.find((node) => node.id === search.nodeId) : undefined;
  return (
    <>
      {flash ? <Notice tone="success" title={flash} live="polite" className="mb-6" /> : null}
      <p className="mb-6 max-w-4xl text-std-16N-170 text-solid-gray-700">{t('plans.indicators.lead')}</p>
      <div className="mb-8 flex flex-wrap items-end gap-x-6 gap-y-4">
        <PlanYearSelect name="indicatorYear" label={t('plans.indicators.year')} years={yearsOf(plan)} value={fiscalYear} onChange={(year) => void navigate({ search: (prev) => ({ ...prev, fiscalYear: year }) })} />
        <FormField name="indicatorNode" label={t('plans.indicators.node')}>
          {(control) => (
            <SelectInput
              {...control}
              value={search.nodeId ?? ''}
              onChange={(event) => void navigate({ search: (prev) => ({ ...prev, nodeId: event.target.value || undefined }) })}
              className="w-auto min-w-64 max-w-full"
            >
              <option value="">{t('plans.indicators.allNodes')}</option>
              {nodes.map((node) => (
                <option key={node.id} value={node.id}>
                  {`${'　'.repeat(node.depth)}${nodeTitle(node)}`}
                </option>
              ))}
            </SelectInput>
          )}
        </FormField>
        {plan.abilities.edit ? (
          <ButtonLink to="/plans/$planId/indicators/new" params={{ planId }} search={{ nodeId: search.nodeId }} variant="solid-fill">
            {t('plans.indicators.new')}
          </ButtonLink>
        ) : null}
      </div>
      {indicators.isPending || tree.isPending ? <Loading /> : null}
      {indicators.isError ? <LoadError error={indicators.error} onRetry={() => void indicators.refetch()} /> : null}
      {indicators.data && tree.data && groups.length === 0 ? (
        <p className="text-std-16N-170">{chosen ? t('plans.indicators.emptyNode', { node: nodeTitle(chosen) }) : t('plans.indicators.empty')}</p>
      ) : null}
      <div className="space-y-10">
        {groups.map((group) => (
          <section key={group.node?.id ?? 'plan'} aria-labelledby={`indicators-${group.node?.id ?? 'plan'}`}>
            <h2 id={`indicators-${group.node?.id ?? 'plan'}`} className="mb-3 text-std-20B-150">
              {group.node ? (
                <>
                  <span className="mr-2 text-std-16N-170 text-solid-gray-700">{group.node.level}</span>
                  {nodeTitle(group.node)}
                </>
              ) : (
                t('plans.indicators.planLevel')
              )}
            </h2>
            <IndicatorTable planId={planId} items={group.items} fiscalYear={fiscalYear} caption={t('plans.indicators.caption', { node: group.node ? nodeTitle(group.node) : t('plans.indicators.planLevel'), year: planYearLabel(fiscalYear, locale) })} />
          </section>
        ))}
      </div>
    </>
  );
}

/** The state of reporting for a year period, in words. */
function reportState(t: TFunction, item: IndicatorSummary, period: IndicatorSummary['periods'][number] | undefined): string {
  if (item.kind === 'composite') return t('plans.indicators.fromComponents');
  if (item.periodicity === 'half') return t('plans.indicators.byHalves');
  if (!period?.latestUpdate) return item.kind === 'computed' ? t('plans.reportingState.computed') : t('plans.reportingState.not_started');
  return updateStatusLabel(t, period.latestUpdate.status);
}

function IndicatorTable({ planId, items, fiscalYear, caption }: { planId: string; items: IndicatorSummary[]; fiscalYear: number; caption: string }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <DataTable caption={caption} captionHidden>
      <ColumnHeaders
        columns={[
          t('plans.indicators.columns.name'),
          t('plans.indicators.columns.kind'),
          t('plans.indicators.columns.baseline'),
          { label: t('plans.indicators.columns.target'), end: true },
          { label: t('plans.indicators.columns.actual'), end: true },
          { label: t('plans.indicators.columns.live'), end: true },
          { label: t('plans.indicators.columns.achievement'), end: true },
          t('plans.indicators.columns.state'),
        ]}
      />
      <tbody>
        {items.map((item) => {
          const period = item.periods.find((candidate) => candidate.fiscalYear === fiscalYear && candidate.half === null);
          const showLive = period && period.live !== null && period.live !== period.actual;
          return (
            <tr key={item.id} className={bodyRowClass}>
              <th scope="row" className={`${thClass} min-w-64 font-normal`}>
                <TextLink to="/plans/$planId/indicators/$indicatorId" params={{ planId, indicatorId: item.id }} search={{ period: period?.id }} className="text-dns-16B-130">
                  {item.code ? `${item.code} ` : ''}
                  {item.name}
                </TextLink>
                {item.unit ? <span className="mt-1 block text-dns-14N-130 text-solid-gray-700">{t('plans.indicators.unit', { unit: item.unit })}</span> : null}
              </th>
              <td className={`${tdClass} whitespace-nowrap`}>
                {kindLabel(t, item.kind)}
                <span className="mt-1 block text-dns-14N-130 text-solid-gray-700">{directionLabel(t, item.direction)}</span>
              </td>
              <td className={`${tdClass} min-w-32`}>
                {item.baselineValue === null ? (
                  t('plans.figures.noBaseline')
                ) : (
                  <>
                    <span className="tabular-nums">{formatValue(item.baselineValue, item.decimals, item.unit, locale)}</span>
                    {item.baselineYear ? <span className="mt-1 block text-dns-14N-130 whitespace-nowrap text-solid-gray-700">{planYearLabel(item.baselineYear, locale)}</span> : null}
                  </>
                )}
              </td>
              <td className={`${tdClass} text-end whitespace-nowrap`}>{period ? <TargetCell period={period} decimals={item.decimals} unit={item.unit} /> : t('plans.figures.noPeriod')}</td>
              <td className={`${tdClass} text-end whitespace-nowrap`}>{period ? <ActualCell actual={period.actual} decimals={item.decimals} unit={item.unit} /> : '—'}</td>
              <td className={`${tdClass} text-end whitespace-nowrap`}>
                {showLive ? (
                  <>
                    <span className="tabular-nums">{formatValue(period.live, item.decimals, item.unit, locale)}</span>
                    <span className="mt-1 block text-dns-14N-130 text-solid-gray-700">{t('plans.figures.liveMark')}</span>
                  </>
                ) : (
                  t('plans.figures.noLive')
                )}
              </td>
              <td className={`${tdClass} text-end whitespace-nowrap tabular-nums`}>{period ? achievementText(t, period.achievement, locale) : '—'}</td>
              <td className={`${tdClass} min-w-28`}>
                {reportState(t, item, period)}
                {period?.locked ? <span className="mt-1 block text-dns-14N-130 text-solid-gray-700">{t('plans.indicators.locked')}</span> : null}
              </td>
            </tr>
          );
        })}
      </tbody>
    </DataTable>
  );
}
