import { useNavigate, useSearch } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button';
import { LoadError, Loading } from '../../components/Feedback';
import { FormField, TextInput } from '../../components/FormField';
import { PageHeading } from '../../components/PageHeading';
import { TextLink } from '../../components/TextLink';
import { AuditDiff } from '../../features/audit/AuditDiff';
import { type AuditEvent, useAuditEvents } from '../../features/audit/audit.api';
import { currentLocale } from '../../i18n';
import { formatDateTime } from '../../lib/dates';

type AuditSearch = { entityType?: string; entityId?: string; action?: string };

/** Who changed what and when, newest first (admins). */
export function AuditLogPage() {
  const { t } = useTranslation();
  const search = useSearch({ from: '/app/admin/audit' });
  const navigate = useNavigate({ from: '/admin/audit' });
  const searchKey = JSON.stringify(search);
  const [paging, setPaging] = useState<{ key: string; previous: (number | undefined)[]; cursor: number | undefined }>({ key: searchKey, previous: [], cursor: undefined });
  const page = paging.key === searchKey ? paging : { key: searchKey, previous: [], cursor: undefined };
  const events = useAuditEvents({ ...search, cursor: page.cursor, limit: 30 });

  return (
    <>
      <PageHeading title={t('audit.title')} lead={t('audit.lead')}>
        {t('audit.title')}
      </PageHeading>
      <AuditFilters key={searchKey} search={search} onSearch={(next) => void navigate({ search: next })} />
      <div className="mt-8">
        {events.isPending ? <Loading /> : null}
        {events.isError ? <LoadError error={events.error} onRetry={() => void events.refetch()} /> : null}
        {events.data?.items.length === 0 ? <p className="text-std-16N-170">{t('audit.empty')}</p> : null}
        {events.data && events.data.items.length > 0 ? (
          <>
            <h2 className="sr-only">{t('audit.results')}</h2>
            <ol className="space-y-4">
              {events.data.items.map((event) => (
                <AuditEntry key={event.id} event={event} />
              ))}
            </ol>
            <nav aria-label={t('companies.list.pagination')} className="mt-6 flex flex-wrap gap-4">
              <Button
                aria-disabled={page.previous.length === 0}
                onClick={() => setPaging({ key: searchKey, previous: page.previous.slice(0, -1), cursor: page.previous[page.previous.length - 1] })}
              >
                {t('audit.newer')}
              </Button>
              <Button
                aria-disabled={!events.data.nextCursor}
                onClick={() => events.data?.nextCursor && setPaging({ key: searchKey, previous: [...page.previous, page.cursor], cursor: events.data.nextCursor })}
              >
                {t('audit.older')}
              </Button>
            </nav>
          </>
        ) : null}
      </div>
    </>
  );
}

function AuditEntry({ event }: { event: AuditEvent }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <li className="rounded-12 border border-solid-gray-420 p-4 sm:p-6">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <p className="text-std-17B-170">
          {t(`enums.auditAction.${event.action}`, { defaultValue: event.action })}
          <span className="ml-2 text-std-16N-170 text-solid-gray-700">— {event.actor?.name ?? t('audit.system')}</span>
        </p>
        <p className="text-std-16N-170 text-solid-gray-700">
          <time dateTime={event.occurredAt}>{formatDateTime(event.occurredAt, locale)}</time>
        </p>
      </div>
      <p className="mt-1 text-std-16N-170">
        {t('audit.target')}: {t(`enums.entityType_audit.${event.entityType}`, { defaultValue: event.entityType })}{' '}
        {event.entityType === 'company' ? (
          <TextLink to="/companies/$companyId" params={{ companyId: event.entityId }}>
            {t('audit.openCompany')}
          </TextLink>
        ) : (
          <span className="font-mono text-mono-14N-150 break-all">{event.entityId}</span>
        )}
      </p>
      <details className="mt-3">
        <summary className="inline-flex min-h-11 cursor-pointer items-center rounded-4 text-std-16N-170 text-blue-1000 underline underline-offset-[calc(3/16*1rem)] focus-visible:bg-yellow-300 focus-visible:outline focus-visible:outline-4 focus-visible:outline-black">
          {t('audit.showChanges')}
        </summary>
        <div className="mt-3">
          <AuditDiff before={event.before} after={event.after} caption={t('audit.diffCaption', { id: event.id })} />
        </div>
      </details>
    </li>
  );
}

function AuditFilters({ search, onSearch }: { search: AuditSearch; onSearch: (search: AuditSearch) => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<AuditSearch>(search);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSearch(Object.fromEntries(Object.entries(draft).filter(([, value]) => value)) as AuditSearch);
  };
  return (
    <form role="search" aria-label={t('audit.filters')} onSubmit={submit} className="rounded-12 border border-solid-gray-420 bg-solid-gray-50 p-4 sm:p-6">
      <div className="grid grid-cols-1 gap-6 md:grid-cols-3">
        <FormField name="entityType" label={t('audit.entityType')} support={t('audit.entityTypeSupport')}>
          {(control) => <TextInput {...control} value={draft.entityType ?? ''} onChange={(event) => setDraft({ ...draft, entityType: event.target.value })} />}
        </FormField>
        <FormField name="entityId" label={t('audit.entityId')}>
          {(control) => <TextInput {...control} value={draft.entityId ?? ''} onChange={(event) => setDraft({ ...draft, entityId: event.target.value })} />}
        </FormField>
        <FormField name="action" label={t('audit.action')} support={t('audit.actionSupport')}>
          {(control) => <TextInput {...control} value={draft.action ?? ''} onChange={(event) => setDraft({ ...draft, action: event.target.value })} />}
        </FormField>
      </div>
      <div className="mt-6 flex flex-wrap gap-4">
        <Button type="submit" variant="solid-fill">
          {t('companies.search.apply')}
        </Button>
        <Button
          variant="text"
          onClick={() => {
            setDraft({});
            onSearch({});
          }}
        >
          {t('companies.search.clear')}
        </Button>
      </div>
    </form>
  );
}
