import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError, Loading } from '../../components/Feedback';
import { Notice } from '../../components/Notice';
import { PageHeading } from '../../components/PageHeading';
import { DetailList } from '../../components/Table';
import { TextLink } from '../../components/TextLink';
import { DecisionForm, EvidenceSection } from '../../features/plans/UpdateForms';
import { formatValue, periodLabel } from '../../features/plans/plan-format';
import { type IndicatorDetail, type IndicatorUpdate, useIndicatorsById, usePlans, useUpdateQueue } from '../../features/plans/plans.api';
import { currentLocale } from '../../i18n';
import { formatDateTime } from '../../lib/dates';

/**
 * 実績の承認: updates submitted across the tenant's plans, oldest first, each with its value, narrative and
 * evidence; reviewers approve or return them here. One's own submissions wait for somebody else.
 */
export function UpdateQueuePage() {
  const { t } = useTranslation();
  const queue = useUpdateQueue('submitted');
  const plans = usePlans();
  const items = [...(queue.data?.items ?? [])].sort((a, b) => (a.submittedAt ?? '').localeCompare(b.submittedAt ?? ''));
  const indicatorIds = [...new Set(items.map((item) => item.indicatorId))];
  const indicators = useIndicatorsById(indicatorIds);
  const byId = new Map(indicators.flatMap((query) => (query.data ? [[query.data.id, query.data] as const] : [])));
  const planTitle = new Map((plans.data?.items ?? []).map((plan) => [plan.id, plan.title]));
  const [message, setMessage] = useState<string | null>(null);
  return (
    <>
      <PageHeading title={t('plans.queue.title')} lead={t('plans.queue.lead')}>
        {t('plans.queue.title')}
      </PageHeading>
      {message ? <Notice tone="success" title={message} live="polite" className="mb-6" /> : null}
      {queue.isPending ? <Loading /> : null}
      {queue.isError ? <LoadError error={queue.error} onRetry={() => void queue.refetch()} /> : null}
      {queue.data && items.length === 0 ? <p className="text-std-16N-170">{t('plans.queue.empty')}</p> : null}
      {items.length > 0 ? <p className="mb-6 text-std-16N-170">{t('plans.queue.count', { count: items.length })}</p> : null}
      <ol className="space-y-8">
        {items.map((update) => (
          <li key={update.id}>
            <QueueItem update={update} indicator={byId.get(update.indicatorId)} planTitle={(id) => planTitle.get(id)} onDone={setMessage} />
          </li>
        ))}
      </ol>
    </>
  );
}

function QueueItem({ update, indicator, planTitle, onDone }: { update: IndicatorUpdate; indicator: IndicatorDetail | undefined; planTitle: (id: string) => string | undefined; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const label = indicator?.periods.find((period) => period.id === update.periodId)?.label ?? periodLabel(update.fiscalYear, update.half, locale);
  const headingId = `queue-${update.id}`;
  const name = indicator?.name ?? t('status.loading');
  return (
    <section aria-labelledby={headingId} className="max-w-4xl rounded-12 border border-solid-gray-420 p-4 sm:p-6">
      <h2 id={headingId} className="text-std-20B-150">
        {indicator ? (
          <TextLink to="/plans/$planId/indicators/$indicatorId" params={{ planId: indicator.planId, indicatorId: indicator.id }} search={{ period: update.periodId }}>
            {name}
          </TextLink>
        ) : (
          name
        )}
        <span className="mt-1 block text-std-17N-170 text-solid-gray-800">{label}</span>
      </h2>
      <div className="mt-4">
        <DetailList
          items={[
            { label: t('plans.queue.plan'), value: indicator ? (planTitle(indicator.planId) ?? '—') : '—' },
            { label: t('plans.queue.node'), value: indicator?.node ? `${indicator.node.code ? `${indicator.node.code} ` : ''}${indicator.node.title}` : t('plans.indicators.planLevel') },
            { label: t('plans.queue.value'), value: <span className="text-std-17B-170 tabular-nums">{formatValue(update.value, indicator?.decimals ?? 6, indicator?.unit ?? '', locale)}</span> },
            {
              label: t('plans.queue.target'),
              value: (() => {
                const period = indicator?.periods.find((candidate) => candidate.id === update.periodId);
                return period?.target === null || period?.target === undefined ? t('plans.figures.noTarget') : formatValue(period.target, indicator?.decimals ?? 6, indicator?.unit ?? '', locale);
              })(),
            },
            { label: t('plans.queue.narrative'), value: <span className="whitespace-pre-wrap">{update.narrative || '—'}</span> },
            {
              label: t('plans.queue.submitted'),
              value: `${update.submittedBy?.name ?? t('plans.history.someone')}${update.submittedAt ? `（${formatDateTime(update.submittedAt, locale)}）` : ''}`,
            },
          ]}
        />
      </div>
      <EvidenceSection update={update} canChange={false} headingLevel={3} />
      <div className="mt-6">
        {update.abilities.decide ? (
          <DecisionForm update={update} label={`${name} ${label}`} onDone={onDone} />
        ) : (
          <p className="text-std-16B-170">{t('plans.queue.cannotDecide')}</p>
        )}
      </div>
    </section>
  );
}
