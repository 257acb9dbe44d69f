import { useQueryClient } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import { Button } from '../../components/Button';
import { ConfirmDialog } from '../../components/Dialog';
import { Badge, LoadError, Loading } from '../../components/Feedback';
import { Notice } from '../../components/Notice';
import { PageHeading } from '../../components/PageHeading';
import { DataTable, DetailList, bodyRowClass, colHeadClass, headRowClass, tdClass, thClass } from '../../components/Table';
import { ButtonLink, TextLink } from '../../components/TextLink';
import { AuditDiff } from '../../features/audit/AuditDiff';
import { type Company, companyKeys, useCompany, useCompanyHistory, useSetArchived } from '../../features/companies/companies.api';
import { formatCount, industryOf, orNotRecorded, placeOf } from '../../features/companies/company-labels';
import { SizeExplanation } from '../../features/companies/SizeExplanation';
import { currentLocale } from '../../i18n';
import { formatDateTime, formatLongDate } from '../../lib/dates';
import { errorMessage } from '../../lib/errors';
import { useFlash } from '../../lib/flash';

export function CompanyDetailPage() {
  const { t } = useTranslation();
  const { companyId } = useParams({ from: '/app/companies/$companyId' });
  const company = useCompany(companyId);
  const flash = useFlash();
  const title = company.data?.name ?? t('companies.detail.title');
  return (
    <>
      <TextLink to="/companies" className="mb-4 inline-block text-std-16N-170">
        {t('companies.backToList')}
      </TextLink>
      <PageHeading title={title}>
        {company.data ? (
          <>
            <span className="block text-std-16N-170 text-solid-gray-700">{t('companies.detail.title')}</span>
            {company.data.name}
          </>
        ) : (
          t('companies.detail.title')
        )}
      </PageHeading>
      {flash ? <Notice tone="success" title={flash} live="polite" className="mb-6" /> : null}
      {company.isPending ? <Loading /> : null}
      {company.isError ? <LoadError error={company.error} onRetry={() => void company.refetch()} /> : null}
      {company.data ? <CompanyDetail company={company.data} /> : null}
    </>
  );
}

function CompanyDetail({ company }: { company: Company }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const isArchived = company.archivedAt !== null;
  return (
    <>
      {company.nameKana ? <p className="-mt-6 mb-6 text-std-16N-170 text-solid-gray-700">{company.nameKana}</p> : null}
      {isArchived && company.archivedAt ? (
        <Notice tone="warning" title={t('companies.detail.archivedTitle')} className="mb-6">
          <p>{t('companies.detail.archivedBody', { date: formatDateTime(company.archivedAt, locale) })}</p>
        </Notice>
      ) : null}
      <StateActions company={company} />

      <section aria-labelledby="basic-heading" className="mt-8">
        <h2 id="basic-heading" className="mb-4 text-std-24B-150">
          {t('companyForm.sections.basic')}
        </h2>
        <DetailList
          items={[
            { label: t('company.entityType'), value: t(`enums.entityType.${company.entityType}`) },
            { label: t('company.corporateNumber'), value: <span className="tabular-nums">{orNotRecorded(t, company.corporateNumber)}</span> },
            {
              label: t('company.representative'),
              value: orNotRecorded(t, [company.representativeTitle, company.representativeName].filter(Boolean).join(' ')),
            },
            { label: t('company.postalCode'), value: orNotRecorded(t, company.postalCode ? `〒${company.postalCode}` : null) },
            { label: t('company.address'), value: orNotRecorded(t, [placeOf(company), company.addressLine].filter(Boolean).join(' ')) },
            { label: t('company.industry'), value: orNotRecorded(t, industryOf(company)) },
            { label: t('company.employees'), value: company.employees === null ? t('common.notRecorded') : t('companies.detail.people', { count: company.employees, formatted: formatCount(company.employees, locale) }) },
            { label: t('company.capitalYen'), value: company.capitalYen === null ? t('common.notRecorded') : t('companies.detail.yen', { formatted: formatCount(company.capitalYen, locale) }) },
            {
              label: t('company.sizeClass'),
              value: (
                <>
                  <span className="text-std-16B-170">{t(`enums.sizeClass.${company.sizeClass}`)}</span>
                  <SizeExplanation company={company} />
                </>
              ),
            },
            {
              label: t('company.tags'),
              value:
                company.tags.length === 0 ? (
                  t('common.notRecorded')
                ) : (
                  <ul className="flex flex-wrap gap-2">
                    {company.tags.map((tag) => (
                      <li key={tag}>
                        <Badge tone="info">{tag}</Badge>
                      </li>
                    ))}
                  </ul>
                ),
            },
            { label: t('company.notes'), value: <span className="whitespace-pre-wrap">{orNotRecorded(t, company.notes)}</span> },
            {
              label: t('company.consent'),
              value: company.consentShareWithPartners
                ? t('companies.detail.consentGiven', { date: company.consentRecordedAt ? formatLongDate(company.consentRecordedAt, locale) : '' })
                : t('companies.detail.consentNotGiven'),
            },
            { label: t('company.createdAt'), value: formatDateTime(company.createdAt, locale) },
            { label: t('company.updatedAt'), value: formatDateTime(company.updatedAt, locale) },
          ]}
        />
      </section>

      <section aria-labelledby="contacts-heading" className="mt-10">
        <h2 id="contacts-heading" className="mb-4 text-std-24B-150">
          {t('companyForm.sections.contacts')}
        </h2>
        {company.contacts.length === 0 ? (
          <p className="text-std-16N-170 text-solid-gray-700">{t('companyForm.noContacts')}</p>
        ) : (
          <DataTable caption={t('companies.detail.contactsCaption', { name: company.name })} captionHidden>
            <thead>
              <tr className={headRowClass}>
                {(['name', 'role', 'email', 'phone'] as const).map((key) => (
                  <th key={key} scope="col" className={colHeadClass}>
                    {t(`contact.${key}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {company.contacts.map((contact) => (
                <tr key={contact.id} className={bodyRowClass}>
                  <th scope="row" className={`${thClass} font-normal`}>
                    {contact.name}
                    {contact.nameKana ? <span className="block text-dns-14N-130 text-solid-gray-700">{contact.nameKana}</span> : null}
                    {contact.isPrimary ? (
                      <span className="mt-1 block">
                        <Badge tone="success">{t('contact.isPrimary')}</Badge>
                      </span>
                    ) : null}
                  </th>
                  <td className={tdClass}>{contact.role ?? ''}</td>
                  <td className={`${tdClass} break-all`}>{contact.email ?? ''}</td>
                  <td className={`${tdClass} tabular-nums`}>{contact.phone ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        )}
      </section>

      <section aria-labelledby="external-heading" className="mt-10">
        <h2 id="external-heading" className="mb-4 text-std-24B-150">
          {t('company.externalIds')}
        </h2>
        {company.externalIds.length === 0 ? (
          <p className="text-std-16N-170 text-solid-gray-700">{t('companies.detail.noExternalIds')}</p>
        ) : (
          <DetailList items={company.externalIds.map((externalId) => ({ label: externalId.system, value: externalId.value }))} />
        )}
      </section>

      {company.abilities.viewAudit ? <History companyId={company.id} /> : null}
    </>
  );
}

/** Edit, archive and restore, as the server's abilities allow. */
function StateActions({ company }: { company: Company }) {
  const { t } = useTranslation();
  const setArchived = useSetArchived(company.id);
  const queryClient = useQueryClient();
  const [isOpen, setOpen] = useState(false);
  const isArchived = company.archivedAt !== null;
  const canChangeState = isArchived ? company.abilities.restore : company.abilities.archive;
  const conflict = isApiError(setArchived.error) && setArchived.error.code === 'VERSION_CONFLICT';
  return (
    <div className="flex flex-wrap items-center gap-4">
      {company.abilities.update && !isArchived ? (
        <ButtonLink to="/companies/$companyId/edit" params={{ companyId: company.id }} variant="solid-fill">
          {t('companies.detail.edit')}
        </ButtonLink>
      ) : null}
      {canChangeState ? (
        <Button
          variant={isArchived ? 'outline' : 'text'}
          onClick={() => {
            setArchived.reset();
            setOpen(true);
          }}
        >
          {isArchived ? t('companies.detail.restore') : t('companies.detail.archive')}
        </Button>
      ) : null}
      <ConfirmDialog
        isOpen={isOpen}
        onOpenChange={setOpen}
        title={isArchived ? t('companies.detail.restoreTitle') : t('companies.detail.archiveTitle')}
        confirmLabel={isArchived ? t('companies.detail.restore') : t('companies.detail.archive')}
        tone={isArchived ? 'primary' : 'danger'}
        isBusy={setArchived.isPending}
        onConfirm={() =>
          setArchived.mutate(
            { archived: !isArchived, version: company.version },
            {
              onSuccess: () => setOpen(false),
              // Someone saved first: show their version so the next try starts from it.
              onError: (error) => {
                if (isApiError(error) && error.code === 'VERSION_CONFLICT') void queryClient.invalidateQueries({ queryKey: companyKeys.detail(company.id) });
              },
            },
          )
        }
      >
        <p>{isArchived ? t('companies.detail.restoreBody', { name: company.name }) : t('companies.detail.archiveBody', { name: company.name })}</p>
        {setArchived.isError ? (
          <p role="alert" className="mt-4 text-dns-16N-130 text-error-2">
            ＊{errorMessage(t, setArchived.error)}
            {conflict ? ` ${t('companies.detail.conflictReloaded')}` : ''}
          </p>
        ) : null}
      </ConfirmDialog>
    </div>
  );
}

function History({ companyId }: { companyId: string }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const history = useCompanyHistory(companyId, true);
  return (
    <section aria-labelledby="history-heading" className="mt-10">
      <h2 id="history-heading" className="mb-4 text-std-24B-150">
        {t('companies.detail.history')}
      </h2>
      {history.isPending ? <Loading /> : null}
      {history.isError ? <LoadError error={history.error} /> : null}
      {history.data?.items.length === 0 ? <p className="text-std-16N-170">{t('audit.empty')}</p> : null}
      <ol className="space-y-6">
        {history.data?.items.map((event) => (
          <li key={event.id} className="rounded-12 border border-solid-gray-420 p-4">
            <p className="text-std-16B-170">
              {t(`enums.auditAction.${event.action}`, { defaultValue: event.action })} — {event.actor?.name ?? t('audit.system')}
            </p>
            <p className="mb-3 text-std-16N-170 text-solid-gray-700">
              <time dateTime={event.occurredAt}>{formatDateTime(event.occurredAt, locale)}</time>
            </p>
            <AuditDiff before={event.before} after={event.after} caption={t('audit.diffCaption', { id: event.id })} />
          </li>
        ))}
      </ol>
      <p className="mt-4 text-std-16N-170">
        <TextLink to="/admin/audit" search={{ entityType: 'company', entityId: companyId }}>
          {t('companies.detail.allHistory')}
        </TextLink>
      </p>
    </section>
  );
}
