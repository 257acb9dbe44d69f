import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError, Loading } from '../../components/Feedback';
import { Notice } from '../../components/Notice';
import { PageHeading } from '../../components/PageHeading';
import { DetailList } from '../../components/Table';
import { TextLink } from '../../components/TextLink';
import { DecisionForm, EvidenceSection } from '../../features/plans/UpdateForms';
import { formatValue } from '../../features/plans/plan-format';
import { type QueuedUpdate, useUpdateQueue } from '../../features/plans/plans.api';
import { currentLocale } from '../../i18n';
import { formatDateTime } from '../../lib/dates';

/**
 * 実績の承認: updates submitted across the tenant's plans, oldest first, each with its value, narrative and
 * evidence; reviewers approve or return them here. One's own submissions wait for somebody else.
 */
export function UpdateQueuePage() {
  const { t } = useTranslation();
  const queue = useUpdateQueue('submitted');
  const items = [...(queue.data?.items ?? [])].sort((a, b) => (a.submittedAt ?? '').localeCompare(b.submittedAt ?? ''));
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
            <QueueItem update={update} onDone={setMessage} />
          </li>
        ))}
      </ol>
    </>
  );
}

function QueueItem({ update, onDone }: { update: QueuedUpdate; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { subject } = update;
  const headingId = `queue-${update.id}`;
  const name = subject.indicatorName;
  const label = subject.periodLabel;
  const figure = (value: number) => formatValue(value, subject.decimals, subject.unit, locale);
  return (
    <section aria-labelledby={headingId} className="max-w-4xl rounded-12 border border-solid-gray-420 p-4 sm:p-6">
      <h2 id={headingId} className="text-std-20B-150">
        <TextLink to="/plans/$planId/indicators/$indicatorId" params={{ planId: subject.planId, indicatorId: update.indicatorId }} search={{ period: update.periodId }}>
          {name}
        </TextLink>
        <span className="mt-1 block text-std-17N-170 text-solid-gray-800">{label}</span>
      </h2>
      <div className="mt-4">
        <DetailList
          items={[
            { label: t('plans.queue.plan'), value: subject.planTitle },
            { label: t('plans.queue.node'), value: subject.node ? `${subject.node.code ? `${subject.node.code} ` : ''}${subject.node.title}` : t('plans.indicators.planLevel') },
            { label: t('plans.queue.value'), value: <span className="text-std-17B-170 tabular-nums">{update.value === null ? '—' : figure(update.value)}</span> },
            { label: t('plans.queue.target'), value: subject.target === null ? t('plans.figures.noTarget') : figure(subject.target) },
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
