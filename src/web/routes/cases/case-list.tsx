import { useNavigate, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { caseSorts } from '../../../shared/schemas/case';
import { Button } from '../../components/Button';
import { DateText } from '../../components/DateText';
import { LoadError, Loading } from '../../components/Feedback';
import { FormField, SelectInput } from '../../components/FormField';
import { PageHeading } from '../../components/PageHeading';
import { ColumnHeaders, DataTable, bodyRowClass, tdClass, thClass } from '../../components/Table';
import { ButtonLink, TextLink } from '../../components/TextLink';
import { CaseCsvExport } from '../../features/case-import/CaseCsvExport';
import { StatusBadge } from '../../features/cases/CaseBadges';
import { CaseSearchForm, CaseViewTabs, LayoutSwitch, SavedViews } from '../../features/cases/CaseFilters';
import { type CaseSummary, useCaseList } from '../../features/cases/cases.api';
import { deskLabel, themeName } from '../../features/cases/desk-labels';
import { formatCount } from '../../features/companies/company-labels';
import { currentTenantOf, useSession } from '../../features/session/session.api';
import { currentLocale } from '../../i18n';
import { japanToday } from '../../lib/dates';
import { type CaseSearch, toListParams } from './case-search';

const PAGE_SIZE = 50;

/** Whether the signed-in person may open cases (admins and staff; the server decides again). */
export function useCanCreateCase(): boolean {
  const { data: session } = useSession();
  const role = session ? currentTenantOf(session)?.role : undefined;
  return role === 'admin' || role === 'staff';
}

export function CaseListPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const search = useSearch({ from: '/app/cases' });
  const navigate = useNavigate({ from: '/cases' });
  const list = useCaseList(toListParams(search, PAGE_SIZE));
  const canCreate = useCanCreateCase();
  const [exportOpen, setExportOpen] = useState(false);
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  const total = list.data?.pages[0]?.total ?? 0;
  const setSearch = (next: CaseSearch) => void navigate({ search: next });
  const sortLabels: Record<(typeof caseSorts)[number], string> = {
    '-updatedAt': t('cases.sort.updatedDesc'),
    updatedAt: t('cases.sort.updatedAsc'),
    '-openedOn': t('cases.sort.openedDesc'),
    openedOn: t('cases.sort.openedAsc'),
    '-receiptNumber': t('cases.sort.receiptDesc'),
    receiptNumber: t('cases.sort.receiptAsc'),
  };

  return (
    <>
      <PageHeading title={t('cases.list.title')} lead={t('cases.list.lead')}>
        {t('cases.list.title')}
      </PageHeading>
      <div className="mb-6 flex flex-wrap items-center justify-between gap-4">
        <div className="flex flex-wrap gap-4">
          {canCreate ? (
            <ButtonLink to="/cases/new" variant="solid-fill">
              {t('cases.list.new')}
            </ButtonLink>
          ) : null}
          <ButtonLink to="/follow-ups">{t('cases.list.followUps')}</ButtonLink>
          {canCreate ? <ButtonLink to="/cases/import">{t('cases.list.import')}</ButtonLink> : null}
          {canCreate ? (
            <Button aria-expanded={exportOpen} aria-controls="case-csv-export" onClick={() => setExportOpen((open) => !open)}>
              {t('cases.list.export')}
              <svg aria-hidden="true" viewBox="0 0 16 16" className={`size-4 ${exportOpen ? 'rotate-180' : ''}`} fill="currentColor">
                <path d="M8 11.5 2.5 6l1-1L8 9.5 12.5 5l1 1L8 11.5Z" />
              </svg>
            </Button>
          ) : null}
        </div>
        <LayoutSwitch search={search} layout="list" />
      </div>
      {canCreate ? <CaseCsvExport id="case-csv-export" hidden={!exportOpen} /> : null}
      <CaseViewTabs search={search} layout="list" />
      <CaseSearchForm key={JSON.stringify(search)} search={search} onSearch={setSearch} />
      <SavedViews search={search} layout="list" />

      <div className="mt-8 flex flex-wrap items-end justify-between gap-4 border-b border-solid-gray-420 pb-4">
        <p role="status" className="text-std-20B-150 text-solid-gray-900">
          {list.data ? t('cases.list.total', { count: total, formatted: formatCount(total, locale) }) : ''}
        </p>
        <FormField name="sort" label={t('cases.list.sort')}>
          {(control) => (
            <SelectInput {...control} value={search.sort ?? '-updatedAt'} onChange={(event) => setSearch({ ...search, sort: event.target.value as CaseSearch['sort'] })}>
              {caseSorts.map((sort) => (
                <option key={sort} value={sort}>
                  {sortLabels[sort]}
                </option>
              ))}
            </SelectInput>
          )}
        </FormField>
      </div>

      {list.isPending ? <Loading /> : null}
      {list.isError ? <LoadError error={list.error} onRetry={() => void list.refetch()} /> : null}
      {list.data && items.length === 0 ? <p className="py-8 text-std-16N-170">{t('cases.list.empty')}</p> : null}
      {items.length > 0 ? (
        <>
          <CaseTable items={items} caption={t('cases.list.caption', { shown: formatCount(items.length, locale), total: formatCount(total, locale) })} />
          <div className="mt-6 flex flex-wrap items-center gap-4">
            {list.hasNextPage ? (
              <Button isBusy={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
                {t('cases.list.more')}
              </Button>
            ) : null}
            <span className="text-std-16N-170 text-solid-gray-700">{t('cases.list.shown', { shown: formatCount(items.length, locale), total: formatCount(total, locale) })}</span>
          </div>
        </>
      ) : null}
    </>
  );
}

function CaseTable({ items, caption }: { items: CaseSummary[]; caption: string }) {
  const { t } = useTranslation();
  const today = japanToday();
  return (
    <DataTable caption={caption} className="mt-6">
      <ColumnHeaders
        columns={[
          t('cases.fields.receiptNumber'),
          t('cases.fields.title'),
          t('cases.fields.status'),
          t('cases.fields.caseType'),
          t('cases.fields.coordinator'),
          t('cases.fields.nextDueOn'),
          t('cases.fields.openedOn'),
          t('cases.fields.updatedAt'),
        ]}
      />
      <tbody>
        {items.map((item) => {
          const overdue = item.nextDueOn !== null && item.nextDueOn < today;
          return (
            <tr key={item.id} className={bodyRowClass}>
              <td className={`${tdClass} whitespace-nowrap tabular-nums`}>{item.receiptNumber}</td>
              <th scope="row" className={`${thClass} min-w-64 font-normal`}>
                <TextLink to="/cases/$caseId" params={{ caseId: item.id }} className="text-dns-16B-130">
                  {item.title}
                </TextLink>
                <span className="mt-1 block text-dns-14N-130 text-solid-gray-700">{item.company.name}</span>
                {item.themes.length > 0 ? <span className="mt-1 block text-dns-14N-130 text-solid-gray-700">{item.themes.map(themeName).join('、')}</span> : null}
              </th>
              <td className={tdClass}>
                <StatusBadge status={item.status} />
              </td>
              <td className={`${tdClass} whitespace-nowrap`}>{deskLabel(t, 'caseType', item.caseType)}</td>
              <td className={`${tdClass} whitespace-nowrap`}>{item.coordinator?.name ?? <span className="text-solid-gray-700">{t('cases.unassigned')}</span>}</td>
              <td className={tdClass}>
                {item.nextDueOn ? (
                  <>
                    <DateText iso={item.nextDueOn} compact />
                    {overdue ? <span className="mt-1 block text-dns-14B-130 text-error-2">{t('cases.overdue')}</span> : null}
                  </>
                ) : (
                  ''
                )}
              </td>
              <td className={tdClass}>
                <DateText iso={item.openedOn} compact />
              </td>
              <td className={tdClass}>
                <DateText iso={item.updatedAt} compact />
              </td>
            </tr>
          );
        })}
      </tbody>
    </DataTable>
  );
}
