import { Link, useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fiscalYearOf } from '../../../shared/domain/fiscal-year';
import { isApiError } from '../../api/client';
import { Button } from '../../components/Button';
import { ConflictNotice } from '../../components/ConflictNotice';
import { DateText } from '../../components/DateText';
import { ConfirmDialog } from '../../components/Dialog';
import { LoadError, Loading } from '../../components/Feedback';
import { Notice } from '../../components/Notice';
import { ColumnHeaders, DataTable, DetailList, bodyRowClass, tdClass, thClass } from '../../components/Table';
import { ButtonLink, TextLink } from '../../components/TextLink';
import { focusRing } from '../../components/styles';
import { ActualCell, PeriodLabel, TargetCell } from '../../features/plans/IndicatorCells';
import { TargetActualChart } from '../../features/plans/IndicatorChart';
import { AddMethodDialog } from '../../features/plans/IndicatorForm';
import { CompositeMethods, PeriodExplanation } from '../../features/plans/MethodViews';
import { DecisionForm, EvidenceSection, LockControls, ReportForm, TargetForm, UpdateHistory } from '../../features/plans/UpdateForms';
import { isConflict, runMutation } from '../../features/plans/plan-errors';
import {
  achievementText,
  aggregationLabel,
  directionLabel,
  formatPlain,
  formatValue,
  kindHelp,
  kindLabel,
  nodeTitle,
  periodicityLabel,
  planYearLabel,
  updateStatusLabel,
  yearsOf,
} from '../../features/plans/plan-format';
import {
  type IndicatorDetail,
  type IndicatorPeriod,
  type Plan,
  useDeleteIndicator,
  useIndicator,
  useMetricSources,
  usePeriodUpdates,
  usePlanIndicators,
} from '../../features/plans/plans.api';
import { useSession } from '../../features/session/session.api';
import { currentLocale } from '../../i18n';
import { formatDateTime } from '../../lib/dates';
import { errorMessage } from '../../lib/errors';
import { setFlash, useFlash } from '../../lib/flash';
import { useLoadedPlan } from './plan-layout';

/**
 * One indicator: its definition, target against actual per year (chart and table), every period with its
 * target (and the original when revised), approved actual, live value, 達成率, deadline, state and lock; the
 * chosen period's report, approval, target revision and history; the method versions of a composite index.
 */
export function IndicatorDetailPage() {
  const { t } = useTranslation();
  const { plan } = useLoadedPlan();
  const { indicatorId } = useParams({ from: '/app/plans/$planId/indicators/$indicatorId' });
  const indicator = useIndicator(indicatorId);
  const flash = useFlash();
  if (!plan) return null;
  if (indicator.isPending) return <Loading />;
  if (indicator.isError) {
    return isApiError(indicator.error) && indicator.error.status === 404 ? (
      <p className="text-std-16N-170">{t('plans.indicator.notFound')}</p>
    ) : (
      <LoadError error={indicator.error} onRetry={() => void indicator.refetch()} />
    );
  }
  return (
    <>
      {flash ? <Notice tone="success" title={flash} live="polite" className="mb-6" /> : null}
      <IndicatorView plan={plan} indicator={indicator.data} />
    </>
  );
}

function sortedPeriods(indicator: IndicatorDetail): IndicatorPeriod[] {
  return [...indicator.periods].sort((a, b) => a.fiscalYear - b.fiscalYear || (a.half ?? 0) - (b.half ?? 0));
}

function IndicatorView({ plan, indicator }: { plan: Plan; indicator: IndicatorDetail }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const search = useSearch({ from: '/app/plans/$planId/indicators/$indicatorId' });
  const sources = useMetricSources(indicator.kind === 'computed');
  const source = sources.data?.items.find((item) => item.key === indicator.metricKey);
  const periods = sortedPeriods(indicator);
  const currentYear = fiscalYearOf(new Date());
  const fallback =
    periods.find((period) => period.fiscalYear === currentYear && period.half === (indicator.periodicity === 'half' ? 1 : null)) ??
    periods.find((period) => period.half === (indicator.periodicity === 'half' ? 1 : null)) ??
    periods[0];
  const selected = periods.find((period) => period.id === search.period) ?? fallback;
  const programmeId = typeof indicator.metricParams.programmeId === 'string' ? indicator.metricParams.programmeId : null;

  return (
    <>
      <h2 className="text-std-24B-150">
        {indicator.code ? <span className="mr-2 text-solid-gray-700">{indicator.code}</span> : null}
        {indicator.name}
      </h2>
      <p className="mt-1 mb-6 text-std-16N-170 text-solid-gray-700">
        {indicator.node ? (
          <>
            {t('plans.indicator.of')}{' '}
            <TextLink to="/plans/$planId/indicators" params={{ planId: plan.id }} search={{ nodeId: indicator.node.id }}>
              {nodeTitle(indicator.node)}
            </TextLink>
          </>
        ) : (
          t('plans.indicators.planLevel')
        )}
      </p>
      {indicator.abilities.edit ? <IndicatorActions plan={plan} indicator={indicator} /> : null}

      <section aria-labelledby="indicator-definition" className="max-w-5xl">
        <h3 id="indicator-definition" className="mb-3 text-std-20B-150">
          {t('plans.indicator.definition')}
        </h3>
        <DetailList
          items={[
            { label: t('plans.indicatorForm.kind'), value: `${kindLabel(t, indicator.kind)}: ${kindHelp(t, indicator.kind)}` },
            { label: t('plans.indicatorForm.unit'), value: indicator.unit || t('plans.report.noUnit') },
            { label: t('plans.indicatorForm.direction'), value: directionLabel(t, indicator.direction) },
            {
              label: t('plans.indicatorForm.periodicity'),
              value: indicator.periodicity === 'half' ? `${periodicityLabel(t, 'half')}（${aggregationLabel(t, indicator.yearAggregation)}）` : periodicityLabel(t, 'year'),
            },
            {
              label: t('plans.indicator.baseline'),
              value:
                indicator.baselineValue === null
                  ? t('plans.figures.noBaseline')
                  : `${formatValue(indicator.baselineValue, indicator.decimals, indicator.unit, locale)}${indicator.baselineYear ? `（${planYearLabel(indicator.baselineYear, locale)}）` : ''}`,
            },
            {
              label: t('plans.indicator.range'),
              value:
                indicator.minValue === null && indicator.maxValue === null
                  ? t('plans.indicator.noRange')
                  : t('plans.report.range', { min: indicator.minValue ?? '−∞', max: indicator.maxValue ?? '∞' }),
            },
            { label: t('plans.indicatorForm.decimals'), value: String(indicator.decimals) },
            { label: t('plans.indicatorForm.method'), value: <span className="whitespace-pre-wrap">{indicator.method || t('plans.indicator.notWritten')}</span> },
            { label: t('plans.indicatorForm.source'), value: indicator.source || t('plans.indicator.notWritten') },
            ...(indicator.kind === 'computed'
              ? [
                  {
                    label: t('plans.indicatorForm.metricKey'),
                    value: source ? (
                      <>
                        <span className="text-std-16B-170">{source.name}</span>
                        <span className="mt-1 block">{source.description}</span>
                      </>
                    ) : (
                      (indicator.metricKey ?? '—')
                    ),
                  },
                  { label: t('plans.indicatorForm.programme'), value: programmeId ? <ProgrammeLink id={programmeId} /> : t('plans.indicatorForm.defaultProgramme') },
                ]
              : []),
            { label: t('plans.indicatorForm.owners'), value: indicator.owners.length > 0 ? indicator.owners.map((owner) => owner.name).join(locale === 'ja' ? '、' : ', ') : t('plans.indicator.noOwners') },
            { label: t('plans.indicatorForm.weight'), value: formatPlain(indicator.weight, locale) },
          ]}
        />
      </section>

      <div className="mt-12 max-w-5xl">
        <TargetActualChart name={indicator.name} unit={indicator.unit} decimals={indicator.decimals} periods={periods} headingId="indicator-chart" />
      </div>

      <PeriodsTable plan={plan} indicator={indicator} periods={periods} selectedId={selected?.id ?? null} />

      {selected ? <PeriodPanel plan={plan} indicator={indicator} period={selected} sourceName={source?.name} /> : null}

      {indicator.kind === 'composite' ? (
        <section aria-labelledby="indicator-methods" className="mt-12 max-w-5xl">
          <h3 id="indicator-methods" className="mb-2 text-std-20B-150">
            {t('plans.method.title')}
          </h3>
          <p className="mb-4 text-std-16N-170 text-solid-gray-700">{t('plans.method.lead')}</p>
          {indicator.abilities.edit ? <AddMethod plan={plan} indicator={indicator} /> : null}
          <CompositeMethods methods={indicator.methods} headingLevel={4} />
        </section>
      ) : null}
    </>
  );
}

/**
 * Edit the definition (a page of its own) or delete the indicator, after a confirmation. The server refuses to
 * delete a part of a composite index and says which: that message shows here.
 */
function IndicatorActions({ plan, indicator }: { plan: Plan; indicator: IndicatorDetail }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const remove = useDeleteIndicator();
  const reload = useIndicator(indicator.id);
  const [confirming, setConfirming] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const onConfirm = () =>
    runMutation(
      remove,
      { id: indicator.id, version: indicator.version },
      {
        onSuccess: () => {
          setConfirming(false);
          setFlash(t('plans.indicatorDelete.deleted', { name: indicator.name }));
          void navigate({ to: '/plans/$planId/indicators', params: { planId: plan.id }, search: {} });
        },
        onError: (error) => {
          setConfirming(false);
          setFailure(error);
        },
      },
    );
  return (
    <div className="mb-10 max-w-5xl">
      <div className="flex flex-wrap items-center gap-4">
        <ButtonLink to="/plans/$planId/indicators/$indicatorId/edit" params={{ planId: plan.id, indicatorId: indicator.id }}>
          {t('plans.indicatorEdit.open')}
        </ButtonLink>
        <Button
          onClick={() => {
            setFailure(null);
            setConfirming(true);
          }}
        >
          {t('plans.indicatorDelete.open')}
        </Button>
      </div>
      {failure && isConflict(failure) ? (
        <ConflictNotice body={t('plans.indicatorDelete.conflictBody')} onReload={() => void reload.refetch().then(() => setFailure(null))} className="mt-4" />
      ) : failure ? (
        <Notice tone="error" title={t('plans.indicatorDelete.failed')} live="assertive" className="mt-4">
          <p>{errorMessage(t, failure)}</p>
        </Notice>
      ) : null}
      <ConfirmDialog
        isOpen={confirming}
        onOpenChange={setConfirming}
        tone="danger"
        title={t('plans.indicatorDelete.confirmTitle', { name: indicator.name })}
        confirmLabel={t('plans.indicatorDelete.confirm')}
        isBusy={remove.isPending}
        onConfirm={onConfirm}
      >
        <p>{t('plans.indicatorDelete.confirmBody')}</p>
      </ConfirmDialog>
    </div>
  );
}

/** A new version of a composite index's method, in a dialog; the versions listed below show it once saved. */
function AddMethod({ plan, indicator }: { plan: Plan; indicator: IndicatorDetail }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const planIndicators = usePlanIndicators(plan.id);
  const [adding, setAdding] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const others = (planIndicators.data?.items ?? []).filter((candidate) => candidate.id !== indicator.id);
  return (
    <div className="mb-6">
      {message ? <Notice tone="success" title={message} live="polite" className="mb-4" /> : null}
      <Button
        isBusy={adding && planIndicators.isPending}
        onClick={() => {
          setMessage(null);
          setAdding(true);
        }}
      >
        {t('plans.methodForm.open')}
      </Button>
      {planIndicators.isError ? <LoadError error={planIndicators.error} onRetry={() => void planIndicators.refetch()} /> : null}
      {adding && planIndicators.data ? (
        <AddMethodDialog
          indicator={indicator}
          years={yearsOf(plan)}
          indicators={others}
          onClose={() => setAdding(false)}
          onSaved={(saved) => {
            const added = saved.methods[0];
            setAdding(false);
            if (added) setMessage(t('plans.methodForm.added', { version: added.methodVersion, year: planYearLabel(added.effectiveFromYear, locale) }));
          }}
        />
      ) : null}
    </div>
  );
}

function ProgrammeLink({ id }: { id: string }) {
  const { t } = useTranslation();
  return (
    <TextLink to="/admin/programmes/$programmeId" params={{ programmeId: id }}>
      {t('plans.indicator.programmeLink')}
    </TextLink>
  );
}

/** The revisions of a period's target: what, why, who and when. */
function RevisionDetails({ indicator, period }: { indicator: IndicatorDetail; period: IndicatorPeriod }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const revisions = indicator.revisions.filter((revision) => revision.periodId === period.id);
  if (revisions.length < 2 && !period.targetRevised) return null;
  return (
    <details className="mt-1 text-start">
      <summary className="w-fit cursor-pointer rounded-4 text-dns-14N-130 text-blue-1000 underline focus-visible:bg-yellow-300 focus-visible:outline focus-visible:outline-4 focus-visible:outline-black">
        {t('plans.target.history', { count: revisions.length })}
      </summary>
      <ol className="mt-2 min-w-56 space-y-2 text-dns-14N-130">
        {revisions.map((revision, index) => (
          <li key={index} className="border-l-2 border-solid-gray-420 pl-2">
            <span className="text-dns-14B-130">{revision.target === null ? t('plans.figures.noTarget') : formatValue(revision.target, indicator.decimals, indicator.unit, locale)}</span>
            <span className="block">{revision.reason || (index === 0 ? t('plans.target.firstTarget') : t('plans.target.noReason'))}</span>
            <span className="block text-solid-gray-700">
              {formatDateTime(revision.revisedAt, locale)}
              {revision.revisedBy ? ` ${revision.revisedBy.name}` : ''}
            </span>
          </li>
        ))}
      </ol>
    </details>
  );
}

function stateOf(t: ReturnType<typeof useTranslation>['t'], indicator: IndicatorDetail, period: IndicatorPeriod): string {
  if (indicator.kind === 'composite') return t('plans.indicators.fromComponents');
  if (indicator.periodicity === 'half' && period.half === null) return t('plans.indicators.byHalves');
  if (period.latestUpdate) return updateStatusLabel(t, period.latestUpdate.status);
  return indicator.kind === 'computed' ? t('plans.reportingState.computed') : t('plans.reportingState.not_started');
}

function PeriodsTable({ plan, indicator, periods, selectedId }: { plan: Plan; indicator: IndicatorDetail; periods: IndicatorPeriod[]; selectedId: string | null }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <section aria-labelledby="indicator-periods" className="mt-12">
      <h3 id="indicator-periods" className="mb-2 text-std-20B-150">
        {t('plans.periods.title')}
      </h3>
      <p className="mb-4 max-w-4xl text-std-16N-170 text-solid-gray-700">{t('plans.periods.lead')}</p>
      <DataTable caption={t('plans.periods.caption', { name: indicator.name })} captionHidden>
        <ColumnHeaders
          columns={[
            t('plans.periods.period'),
            { label: t('plans.indicators.columns.target'), end: true },
            { label: t('plans.indicators.columns.actual'), end: true },
            { label: t('plans.indicators.columns.live'), end: true },
            { label: t('plans.indicators.columns.achievement'), end: true },
            t('plans.periods.due'),
            t('plans.indicators.columns.state'),
          ]}
        />
        <tbody>
          {periods.map((period) => {
            const isSelected = period.id === selectedId;
            const showLive = period.live !== null && period.live !== period.actual;
            return (
              <tr key={period.id} className={`${bodyRowClass} ${isSelected ? 'bg-blue-50' : ''}`}>
                <th scope="row" className={`${thClass} min-w-56 font-normal ${period.half !== null ? 'pl-8' : ''}`}>
                  <PeriodLabel fiscalYear={period.fiscalYear} half={period.half} />
                  <span className="mt-1 block">
                    {isSelected ? (
                      <span className="text-dns-14B-130 whitespace-nowrap">{t('plans.periods.shown')}</span>
                    ) : (
                      <Link
                        to="/plans/$planId/indicators/$indicatorId"
                        params={{ planId: plan.id, indicatorId: indicator.id }}
                        search={{ period: period.id }}
                        replace
                        resetScroll={false}
                        className={`inline-flex min-h-11 items-center text-dns-16N-130 text-blue-1000 underline whitespace-nowrap ${focusRing}`}
                      >
                        {t('plans.periods.choose')}
                        <span className="sr-only">: {period.label}</span>
                      </Link>
                    )}
                  </span>
                </th>
                <td className={`${tdClass} min-w-32 text-end whitespace-nowrap`}>
                  <TargetCell period={period} decimals={indicator.decimals} unit={indicator.unit} />
                  <RevisionDetails indicator={indicator} period={period} />
                </td>
                <td className={`${tdClass} text-end whitespace-nowrap`}>
                  <ActualCell actual={period.actual} decimals={indicator.decimals} unit={indicator.unit} />
                  {period.approvedAt ? (
                    <span className="mt-1 block text-dns-14N-130 whitespace-nowrap text-solid-gray-700">
                      {t('plans.periods.approvedOn')} <DateText iso={period.approvedAt} compact />
                    </span>
                  ) : null}
                </td>
                <td className={`${tdClass} text-end`}>
                  {showLive ? (
                    <>
                      <span className="tabular-nums">{formatValue(period.live, indicator.decimals, indicator.unit, locale)}</span>
                      <span className="mt-1 block text-dns-14N-130 text-solid-gray-700">{t('plans.figures.liveMark')}</span>
                    </>
                  ) : (
                    t('plans.figures.noLive')
                  )}
                </td>
                <td className={`${tdClass} text-end whitespace-nowrap tabular-nums`}>{achievementText(t, period.achievement, locale)}</td>
                <td className={tdClass}>{period.dueOn ? <DateText iso={period.dueOn} compact /> : '—'}</td>
                <td className={`${tdClass} min-w-28`}>
                  {stateOf(t, indicator, period)}
                  {period.locked ? <span className="mt-1 block text-dns-14B-130">{t('plans.periods.locked')}</span> : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </DataTable>
    </section>
  );
}

/** The chosen period: how its value was obtained, reporting and approval, target revision, lock and history. */
function PeriodPanel({ plan, indicator, period, sourceName }: { plan: Plan; indicator: IndicatorDetail; period: IndicatorPeriod; sourceName?: string }) {
  const { t } = useTranslation();
  const { data: session } = useSession();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const updates = usePeriodUpdates(period.id);
  const [message, setMessage] = useState<string | null>(null);
  const first = useRef(true);
  useEffect(() => {
    // When another period is chosen from the table, focus moves to its panel (not on the first load).
    if (first.current) {
      first.current = false;
      return;
    }
    setMessage(null);
    headingRef.current?.focus();
  }, [period.id]);

  const items = updates.data?.items ?? [];
  const open = items.find((update) => update.status === 'draft' || update.status === 'returned' || update.status === 'submitted') ?? null;
  const reportable = indicator.kind !== 'composite' && !(indicator.periodicity === 'half' && period.half === null) && !(indicator.periodicity === 'year' && period.half !== null);
  const halves = indicator.periods.filter((candidate) => candidate.fiscalYear === period.fiscalYear && candidate.half !== null);
  const done = (text: string) => setMessage(text);
  const me = session?.user?.id;

  return (
    <section aria-labelledby="period-panel" className="mt-12 max-w-5xl rounded-12 border-2 border-blue-900 p-4 sm:p-6">
      <h3 id="period-panel" ref={headingRef} tabIndex={-1} className="text-std-20B-150 outline-none focus-visible:outline focus-visible:outline-4 focus-visible:outline-black">
        {t('plans.panel.title', { period: period.label })}
      </h3>
      {message ? <Notice tone="success" title={message} live="polite" className="mt-4" /> : null}

      {period.explanation ? (
        <section aria-labelledby="period-explanation" className="mt-6">
          <h4 id="period-explanation" className="mb-2 text-std-17B-170">
            {t('plans.panel.howComputed')}
          </h4>
          <PeriodExplanation explanation={period.explanation} decimals={indicator.decimals} unit={indicator.unit} periodLabel={period.label} sourceName={sourceName} />
        </section>
      ) : null}

      <section aria-labelledby="period-report" className="mt-8">
        <h4 id="period-report" className="mb-3 text-std-17B-170">
          {t('plans.panel.report')}
        </h4>
        {!reportable ? (
          <div className="text-std-16N-170">
            {indicator.kind === 'composite' ? <p>{t('plans.panel.compositeNoReport')}</p> : null}
            {indicator.periodicity === 'half' && period.half === null ? (
              <>
                <p>{t('plans.panel.reportHalves')}</p>
                <ul className="mt-2 flex flex-wrap gap-6">
                  {halves.map((half) => (
                    <li key={half.id}>
                      <TextLink to="/plans/$planId/indicators/$indicatorId" params={{ planId: plan.id, indicatorId: indicator.id }} search={{ period: half.id }} replace resetScroll={false}>
                        {half.label}
                      </TextLink>
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </div>
        ) : period.locked ? (
          <Notice tone="info" title={t('plans.panel.lockedTitle')}>
            <p>{t('plans.panel.lockedBody')}</p>
          </Notice>
        ) : updates.isPending ? (
          <p className="text-std-16N-170">{t('status.loading')}</p>
        ) : open?.status === 'submitted' ? (
          <div className="space-y-4 text-std-16N-170">
            <p>
              {t('plans.panel.waiting', {
                value: formatValue(open.value, indicator.decimals, indicator.unit, currentLocale()),
                name: open.submittedBy?.name ?? t('plans.history.someone'),
                date: open.submittedAt ? formatDateTime(open.submittedAt, currentLocale()) : '',
              })}
            </p>
            {open.narrative ? <p className="whitespace-pre-wrap rounded-8 bg-solid-gray-50 p-3">{open.narrative}</p> : null}
            {open.abilities.decide ? (
              <DecisionForm update={open} label={period.label} onDone={done} />
            ) : open.submittedBy?.id === me && indicator.abilities.review ? (
              <p className="text-std-16B-170">{t('plans.panel.ownSubmission')}</p>
            ) : null}
            <EvidenceSection update={open} canChange={false} headingLevel={5} />
          </div>
        ) : open && open.abilities.edit ? (
          <>
            <p className="mb-4 text-std-16N-170">{open.status === 'draft' ? t('plans.panel.draftLead') : t('plans.panel.returnedLead')}</p>
            <ReportForm key={`${open.id}-${open.version}`} indicator={indicator} period={period} update={open} onDone={done} />
            <EvidenceSection update={open} canChange headingLevel={5} />
          </>
        ) : open ? (
          <p className="text-std-16N-170">{t('plans.panel.openByOthers', { status: updateStatusLabel(t, open.status) })}</p>
        ) : indicator.abilities.submit ? (
          <>
            <p className="mb-4 text-std-16N-170">{period.actual === null ? t('plans.panel.newLead') : t('plans.panel.correctionLead')}</p>
            <ReportForm key={`new-${period.id}-${items.length}`} indicator={indicator} period={period} update={null} onDone={done} />
          </>
        ) : (
          <p className="text-std-16N-170">{t('plans.panel.cannotReport')}</p>
        )}
      </section>

      {indicator.abilities.edit && !period.locked ? (
        <section aria-labelledby="period-target" className="mt-10">
          <h4 id="period-target" className="mb-3 text-std-17B-170">
            {t('plans.target.title')}
          </h4>
          <TargetForm key={`${period.id}-${period.version}`} indicator={indicator} period={period} onDone={done} />
        </section>
      ) : null}

      {indicator.abilities.edit ? (
        <section aria-labelledby="period-lock" className="mt-10">
          <h4 id="period-lock" className="mb-3 text-std-17B-170">
            {t('plans.lock.title')}
          </h4>
          <LockControls period={period} canLock={indicator.abilities.edit} canUnlock={indicator.abilities.unlock} onDone={done} />
        </section>
      ) : null}

      <section aria-labelledby="period-history" className="mt-10">
        <h4 id="period-history" className="mb-3 text-std-17B-170">
          {t('plans.history.title')}
        </h4>
        {updates.isError ? <LoadError error={updates.error} onRetry={() => void updates.refetch()} /> : null}
        {updates.data ? <UpdateHistory updates={items} indicator={indicator} periodLabel={period.label} /> : null}
      </section>
      <p className="mt-6 text-std-16N-170">
        <TextLink to="/plans/$planId/indicators" params={{ planId: plan.id }} search={{ fiscalYear: period.fiscalYear }}>
          {t('plans.panel.backToList')}
        </TextLink>
      </p>
    </section>
  );
}
