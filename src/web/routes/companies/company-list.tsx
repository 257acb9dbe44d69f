import { useNavigate, useSearch } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button';
import { Badge, LoadError, Loading } from '../../components/Feedback';
import { FormField, SelectInput, TextInput } from '../../components/FormField';
import { PageHeading } from '../../components/PageHeading';
import { ColumnHeaders, DataTable, bodyRowClass, tdClass, thClass } from '../../components/Table';
import { DateText } from '../../components/DateText';
import { ButtonLink, TextLink } from '../../components/TextLink';
import { type CompanyListParams, useCompanyList } from '../../features/companies/companies.api';
import { formatCount } from '../../features/companies/company-labels';
import { CsvExport } from '../../features/company-import/CsvExport';
import { JsicMajorOptions, JsicMiddleOptions, MunicipalityOptions, PrefectureOptions } from '../../features/reference/ReferenceOptions';
import { currentLocale } from '../../i18n';
import type { CompanySearch } from './company-search';

const PAGE_SIZE = 50;
const sizeClasses = ['small', 'sme', 'large', 'unknown'] as const;
const entityTypes = ['corporation', 'npo', 'sole_proprietor', 'prospective_founder', 'association', 'public_body'] as const;
const statuses = ['active', 'archived', 'all'] as const;
const sorts = ['name', '-name', '-updatedAt', 'updatedAt', '-employees', 'employees'] as const;

/** The company register: search, filters in the URL, keyset pages. */
export function CompanyListPage() {
  const { t } = useTranslation();
  const search = useSearch({ from: '/app/companies' });
  const navigate = useNavigate({ from: '/companies' });
  const locale = currentLocale();

  // Keyset paging: the cursors of the pages before this one, reset whenever the filters change.
  const searchKey = JSON.stringify(search);
  const [paging, setPaging] = useState<{ key: string; previous: (string | undefined)[]; cursor: string | undefined }>({ key: searchKey, previous: [], cursor: undefined });
  const page = paging.key === searchKey ? paging : { key: searchKey, previous: [], cursor: undefined };

  const params: CompanyListParams = { ...search, cursor: page.cursor, limit: PAGE_SIZE };
  const list = useCompanyList(params);
  const data = list.data;
  const first = page.previous.length * PAGE_SIZE + 1;
  const last = page.previous.length * PAGE_SIZE + (data?.items.length ?? 0);

  const setSearch = (next: CompanySearch) => void navigate({ search: next });

  return (
    <>
      <PageHeading title={t('companies.list.title')} lead={t('companies.list.lead')}>
        {t('companies.list.title')}
      </PageHeading>

      <div className="mb-6 flex flex-wrap items-center gap-4">
        {data?.abilities.create ? (
          <ButtonLink to="/companies/new" variant="solid-fill">
            {t('companies.list.new')}
          </ButtonLink>
        ) : null}
        {data?.abilities.import ? <ButtonLink to="/companies/import">{t('companies.list.import')}</ButtonLink> : null}
      </div>

      <SearchForm key={searchKey} search={search} onSearch={setSearch} />

      <div className="mt-8 flex flex-wrap items-end justify-between gap-4 border-b border-solid-gray-420 pb-4">
        <p role="status" className="text-std-20B-150 text-solid-gray-900">
          {data ? t('companies.list.total', { count: data.total, formatted: formatCount(data.total, locale) }) : ''}
        </p>
        <div className="flex flex-wrap items-end gap-4">
          <FormField name="sort" label={t('companies.list.sort')}>
            {(control) => (
              <SelectInput {...control} value={search.sort ?? 'name'} onChange={(event) => setSearch({ ...search, sort: event.target.value as CompanySearch['sort'] })}>
                {sorts.map((sort) => (
                  <option key={sort} value={sort}>
                    {t(`companies.sort.${sort}`)}
                  </option>
                ))}
              </SelectInput>
            )}
          </FormField>
          {data?.abilities.export ? <CsvExport filters={search} /> : null}
        </div>
      </div>

      {list.isPending ? <Loading /> : null}
      {list.isError ? <LoadError error={list.error} onRetry={() => void list.refetch()} /> : null}
      {data && data.items.length === 0 ? <p className="py-8 text-std-16N-170">{t('companies.list.empty')}</p> : null}
      {data && data.items.length > 0 ? (
        <>
          <DataTable caption={t('companies.list.caption', { first, last, total: formatCount(data.total, locale) })} className="mt-6">
            <ColumnHeaders
              columns={[
                t('company.name'),
                t('company.entityType'),
                t('company.place'),
                t('company.industry'),
                { label: t('company.employees'), end: true },
                t('company.sizeClass'),
                t('company.updatedAt'),
              ]}
            />
            <tbody>
              {data.items.map((company) => (
                <tr key={company.id} className={bodyRowClass}>
                  <th scope="row" className={`${thClass} min-w-48 font-normal`}>
                    <TextLink to="/companies/$companyId" params={{ companyId: company.id }} className="text-dns-16B-130">
                      {company.name}
                    </TextLink>
                    {company.nameKana ? <span className="mt-1 block text-dns-14N-130 text-solid-gray-700">{company.nameKana}</span> : null}
                    {company.archivedAt ? (
                      <span className="mt-1 block">
                        <Badge tone="warning">{t('enums.status.archived')}</Badge>
                      </span>
                    ) : null}
                  </th>
                  <td className={`${tdClass} min-w-24`}>{t(`enums.entityType.${company.entityType}`)}</td>
                  <td className={tdClass}>
                    {/* The municipality first (what a desk looks for), the prefecture below: names never break mid-word. */}
                    <span className="whitespace-nowrap">{company.municipality?.name ?? company.prefecture?.name ?? ''}</span>
                    {company.municipality && company.prefecture ? (
                      <span className="block whitespace-nowrap text-dns-14N-130 text-solid-gray-700">{company.prefecture.name}</span>
                    ) : null}
                  </td>
                  <td className={`${tdClass} min-w-40`}>{company.jsicMajor ? `${company.jsicMajor.name}` : ''}{company.jsicMiddle ? <span className="block text-dns-14N-130 text-solid-gray-700">{company.jsicMiddle.name}</span> : null}</td>
                  <td className={`${tdClass} text-end tabular-nums`}>{formatCount(company.employees, locale)}</td>
                  <td className={`${tdClass} whitespace-nowrap`}>{t(`enums.sizeClass.${company.sizeClass}`)}</td>
                  <td className={tdClass}>
                    <DateText iso={company.updatedAt} compact />
                  </td>
                </tr>
              ))}
            </tbody>
          </DataTable>
          <nav aria-label={t('companies.list.pagination')} className="mt-6 flex flex-wrap items-center gap-4">
            <Button
              aria-disabled={page.previous.length === 0}
              onClick={() => setPaging({ key: searchKey, previous: page.previous.slice(0, -1), cursor: page.previous[page.previous.length - 1] })}
            >
              {t('companies.list.previous')}
            </Button>
            <Button aria-disabled={!data.nextCursor} onClick={() => data.nextCursor && setPaging({ key: searchKey, previous: [...page.previous, page.cursor], cursor: data.nextCursor })}>
              {t('companies.list.next')}
            </Button>
            <span className="text-std-16N-170 text-solid-gray-700">{t('companies.list.range', { first, last, total: formatCount(data.total, locale) })}</span>
          </nav>
        </>
      ) : null}
    </>
  );
}

/** The search box and the filters; applied on submit so the list does not jump while typing. */
function SearchForm({ search, onSearch }: { search: CompanySearch; onSearch: (search: CompanySearch) => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<CompanySearch>(search);
  const hasFilters = Object.keys(search).some((key) => key !== 'sort');
  const set = (patch: CompanySearch) => setDraft((current) => ({ ...current, ...patch }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const cleaned = Object.fromEntries(Object.entries(draft).filter(([, value]) => value !== undefined && value !== '')) as CompanySearch;
    onSearch(cleaned);
  };

  return (
    <form role="search" aria-label={t('companies.search.label')} onSubmit={submit} className="rounded-12 border border-solid-gray-420 bg-solid-gray-50 p-4 sm:p-6">
      <div className="flex flex-wrap items-end gap-4">
        <FormField name="q" label={t('companies.search.keyword')} support={t('companies.search.keywordSupport')} className="min-w-64 flex-1">
          {(control) => <TextInput {...control} type="search" value={draft.q ?? ''} onChange={(event) => set({ q: event.target.value })} />}
        </FormField>
        <Button type="submit" variant="solid-fill">
          {t('companies.search.submit')}
        </Button>
      </div>
      <details className="group mt-4" open={hasFilters}>
        <summary className="inline-flex min-h-11 cursor-pointer items-center rounded-4 text-std-16B-170 text-blue-1000 underline underline-offset-[calc(3/16*1rem)] focus-visible:bg-yellow-300 focus-visible:outline focus-visible:outline-4 focus-visible:outline-black">
          {t('companies.search.filters')}
        </summary>
        <div className="mt-4 grid grid-cols-1 gap-6 md:grid-cols-2 xl:grid-cols-3">
          <FormField name="jsicMajor" label={t('company.jsicMajor')}>
            {(control) => (
              <SelectInput {...control} value={draft.jsicMajor ?? ''} onChange={(event) => set({ jsicMajor: event.target.value || undefined, jsicMiddle: undefined })}>
                <option value="">{t('common.any')}</option>
                <JsicMajorOptions />
              </SelectInput>
            )}
          </FormField>
          <FormField name="jsicMiddle" label={t('company.jsicMiddle')} support={draft.jsicMajor ? undefined : t('companies.search.chooseMajorFirst')}>
            {(control) => (
              <SelectInput {...control} value={draft.jsicMiddle ?? ''} disabled={!draft.jsicMajor} onChange={(event) => set({ jsicMiddle: event.target.value || undefined })}>
                <option value="">{t('common.any')}</option>
                <JsicMiddleOptions majorCode={draft.jsicMajor} />
              </SelectInput>
            )}
          </FormField>
          <FormField name="entityType" label={t('company.entityType')}>
            {(control) => (
              <SelectInput {...control} value={draft.entityType ?? ''} onChange={(event) => set({ entityType: (event.target.value || undefined) as CompanySearch['entityType'] })}>
                <option value="">{t('common.any')}</option>
                {entityTypes.map((type) => (
                  <option key={type} value={type}>
                    {t(`enums.entityType.${type}`)}
                  </option>
                ))}
              </SelectInput>
            )}
          </FormField>
          <FormField name="prefectureCode" label={t('company.prefecture')}>
            {(control) => (
              <SelectInput {...control} value={draft.prefectureCode ?? ''} onChange={(event) => set({ prefectureCode: event.target.value || undefined, municipalityCode: undefined })}>
                <option value="">{t('common.any')}</option>
                <PrefectureOptions />
              </SelectInput>
            )}
          </FormField>
          <FormField name="municipalityCode" label={t('company.municipality')} support={draft.prefectureCode ? undefined : t('companies.search.choosePrefectureFirst')}>
            {(control) => (
              <SelectInput {...control} value={draft.municipalityCode ?? ''} disabled={!draft.prefectureCode} onChange={(event) => set({ municipalityCode: event.target.value || undefined })}>
                <option value="">{t('common.any')}</option>
                <MunicipalityOptions prefectureCode={draft.prefectureCode} />
              </SelectInput>
            )}
          </FormField>
          <FormField name="sizeClass" label={t('company.sizeClass')}>
            {(control) => (
              <SelectInput {...control} value={draft.sizeClass ?? ''} onChange={(event) => set({ sizeClass: (event.target.value || undefined) as CompanySearch['sizeClass'] })}>
                <option value="">{t('common.any')}</option>
                {sizeClasses.map((size) => (
                  <option key={size} value={size}>
                    {t(`enums.sizeClass.${size}`)}
                  </option>
                ))}
              </SelectInput>
            )}
          </FormField>
          <FormField name="tag" label={t('company.tag')} support={t('companies.search.tagSupport')}>
            {(control) => <TextInput {...control} value={draft.tag ?? ''} onChange={(event) => set({ tag: event.target.value })} />}
          </FormField>
          <FormField name="status" label={t('company.status')}>
            {(control) => (
              <SelectInput {...control} value={draft.status ?? 'active'} onChange={(event) => set({ status: event.target.value as CompanySearch['status'] })}>
                {statuses.map((status) => (
                  <option key={status} value={status}>
                    {t(`enums.status.${status}`)}
                  </option>
                ))}
              </SelectInput>
            )}
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
              onSearch(search.sort ? { sort: search.sort } : {});
            }}
          >
            {t('companies.search.clear')}
          </Button>
        </div>
      </details>
    </form>
  );
}
