import { useNavigate, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Badge, LoadError, Loading } from '../../components/Feedback';
import { FormField, SelectInput } from '../../components/FormField';
import { PageHeading } from '../../components/PageHeading';
import { ColumnHeaders, DataTable, bodyRowClass, tdClass, thClass } from '../../components/Table';
import { ButtonLink, TextLink } from '../../components/TextLink';
import { DateText } from '../../components/DateText';
import { formatTarget, programmeYear } from '../../features/programmes/programme-labels';
import { type ProgrammeStatusFilter, useProgrammes } from '../../features/programmes/programmes.api';
import { currentLocale } from '../../i18n';
import { useFlash } from '../../lib/flash';
import { Notice } from '../../components/Notice';

const statuses: ProgrammeStatusFilter[] = ['active', 'archived', 'all'];

/** Funding programmes (委託事業): periods, targets and which one is the default. Admins edit; staff and viewers read. */
export function ProgrammeListPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const search = useSearch({ from: '/app/admin/programmes' });
  const navigate = useNavigate({ from: '/admin/programmes' });
  const status = search.status ?? 'active';
  const list = useProgrammes(status);
  const flash = useFlash();
  const items = list.data?.items ?? [];
  const statusLabels: Record<ProgrammeStatusFilter, string> = {
    active: t('programmes.status.active'),
    archived: t('programmes.status.archived'),
    all: t('programmes.status.all'),
  };
  return (
    <>
      <PageHeading title={t('programmes.title')} lead={t('programmes.lead')}>
        {t('programmes.title')}
      </PageHeading>
      {flash ? <Notice tone="success" title={flash} live="polite" className="mb-6" /> : null}
      <div className="mb-6 flex flex-wrap items-end justify-between gap-4">
        {list.data?.abilities.create ? (
          <ButtonLink to="/admin/programmes/new" variant="solid-fill">
            {t('programmes.new')}
          </ButtonLink>
        ) : (
          <span />
        )}
        <FormField name="programmeStatus" label={t('programmes.statusFilter')}>
          {(control) => (
            <SelectInput {...control} value={status} onChange={(event) => void navigate({ search: { status: event.target.value as ProgrammeStatusFilter } })}>
              {statuses.map((value) => (
                <option key={value} value={value}>
                  {statusLabels[value]}
                </option>
              ))}
            </SelectInput>
          )}
        </FormField>
      </div>
      {list.isPending ? <Loading /> : null}
      {list.isError ? <LoadError error={list.error} onRetry={() => void list.refetch()} /> : null}
      {list.data && items.length === 0 ? <p className="py-8 text-std-16N-170">{t('programmes.empty')}</p> : null}
      {items.length > 0 ? (
        <DataTable caption={t('programmes.caption', { count: items.length, status: statusLabels[status] })}>
          <ColumnHeaders
            columns={[
              t('programmes.fields.name'),
              t('programmes.fields.fiscalYear'),
              t('programmes.fields.period'),
              t('programmes.fields.targets'),
              t('programmes.fields.isDefault'),
              t('programmes.fields.state'),
            ]}
          />
          <tbody>
            {items.map((programme) => (
              <tr key={programme.id} className={bodyRowClass}>
                <th scope="row" className={`${thClass} min-w-64 font-normal`}>
                  <TextLink to="/admin/programmes/$programmeId" params={{ programmeId: programme.id }} className="text-dns-16B-130">
                    {programme.name}
                  </TextLink>
                  {programme.commissioner ? <span className="mt-1 block text-dns-14N-130 text-solid-gray-700">{programme.commissioner}</span> : null}
                </th>
                <td className={`${tdClass} whitespace-nowrap`}>{programmeYear(programme.fiscalYear, locale)}</td>
                <td className={tdClass}>
                  <DateText iso={programme.startsOn} />
                  <span className="my-1 block" aria-hidden="true">
                    〜
                  </span>
                  <span className="sr-only">{t('programmes.until')}</span>
                  <DateText iso={programme.endsOn} />
                </td>
                <td className={`${tdClass} whitespace-nowrap`}>
                  <span className="block">
                    {t('programmes.fields.supportTarget')}: <span className="tabular-nums">{formatTarget(t, programme.supportTarget, 'supports', locale)}</span>
                  </span>
                  <span className="block">
                    {t('programmes.fields.companyTarget')}: <span className="tabular-nums">{formatTarget(t, programme.companyTarget, 'companies', locale)}</span>
                  </span>
                </td>
                <td className={tdClass}>{programme.isDefault ? <Badge tone="info">{t('programmes.default')}</Badge> : t('programmes.notDefault')}</td>
                <td className={tdClass}>{programme.archivedAt ? <Badge tone="warning">{t('programmes.status.archivedOne')}</Badge> : <Badge tone="success">{t('programmes.status.activeOne')}</Badge>}</td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      ) : null}
    </>
  );
}
