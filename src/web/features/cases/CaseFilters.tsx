import { Link, useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { caseStatuses, caseTypes } from '../../../shared/domain/desk';
import { Button } from '../../components/Button';
import { ConfirmDialog } from '../../components/Dialog';
import { Checkbox, FieldGroup, FormField, SelectInput, TextInput } from '../../components/FormField';
import { Notice } from '../../components/Notice';
import { focusRing } from '../../components/styles';
import { errorMessage } from '../../lib/errors';
import { type CaseSearch, caseSearchFromQuery, caseSearchToQuery } from '../../routes/cases/case-search';
import { useDeskPeople, useThemes } from '../desk/desk.api';
import { type SavedCaseView, useDeleteView, useSaveView, useSavedViews } from './cases.api';
import { deskLabel, themeName } from './desk-labels';

type Layout = 'list' | 'board';

/** The built-in views (すべて / 自分の担当 / 未割当 / 期限切れ / フォローアップ予定) as a row of links; the current one is marked. */
export function CaseViewTabs({ search, layout }: { search: CaseSearch; layout: Layout }) {
  const { t } = useTranslation();
  const views = [
    { id: 'all', label: t('cases.views.all') },
    { id: 'mine', label: t('cases.views.mine') },
    { id: 'unassigned', label: t('cases.views.unassigned') },
    { id: 'overdue', label: t('cases.views.overdue') },
    { id: 'follow_ups_due', label: t('cases.views.followUpsDue') },
  ] as const;
  const current = search.view ?? 'all';
  const to = layout === 'board' ? '/cases/board' : '/cases';
  return (
    <nav aria-label={t('cases.views.label')} className="mb-6 overflow-x-auto">
      <ul className="flex min-w-fit gap-1 border-b-2 border-solid-gray-420">
        {views.map((view) => {
          const isCurrent = current === view.id;
          return (
            <li key={view.id}>
              <Link
                to={to}
                search={{ ...search, view: view.id === 'all' ? undefined : view.id }}
                aria-current={isCurrent ? 'page' : undefined}
                className={`-mb-0.5 flex min-h-11 items-center whitespace-nowrap rounded-t-6 border-b-4 px-4 py-2 text-std-16N-170 underline-offset-[calc(3/16*1rem)] hover:bg-solid-gray-50 hover:underline ${
                  isCurrent ? 'border-blue-900 font-bold text-blue-1000' : 'border-transparent text-solid-gray-800'
                } ${focusRing}`}
              >
                {view.label}
                {isCurrent ? <span className="sr-only">{t('cases.views.current')}</span> : null}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

/** 一覧 / ボード: the same filters shown as a table or as columns by status. */
export function LayoutSwitch({ search, layout }: { search: CaseSearch; layout: Layout }) {
  const { t } = useTranslation();
  const item = (id: Layout, label: string) => (
    <Link
      to={id === 'board' ? '/cases/board' : '/cases'}
      search={search}
      aria-current={layout === id ? 'page' : undefined}
      className={`inline-flex min-h-11 items-center border border-blue-900 px-4 py-2 text-oln-16B-100 first:rounded-l-8 last:rounded-r-8 ${
        layout === id ? 'bg-blue-900 text-white' : 'bg-white text-blue-900 underline hover:bg-blue-50'
      } ${focusRing}`}
    >
      {layout === id ? <span aria-hidden="true">✓ </span> : null}
      {label}
    </Link>
  );
  return (
    <nav aria-label={t('cases.layout.label')} className="flex">
      {item('list', t('cases.layout.list'))}
      {item('board', t('cases.layout.board'))}
    </nav>
  );
}

/** The search box and the filters; applied on submit so the list does not jump while typing. */
export function CaseSearchForm({ search, onSearch, showStatus = true }: { search: CaseSearch; onSearch: (search: CaseSearch) => void; showStatus?: boolean }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<CaseSearch>(search);
  const themes = useThemes();
  const people = useDeskPeople();
  const hasFilters = Boolean(search.status || search.caseType || search.themeId || search.coordinatorId);
  const set = (patch: Partial<CaseSearch>) => setDraft((current) => ({ ...current, ...patch }));
  const statuses = draft.status ? draft.status.split(',') : [];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const cleaned = Object.fromEntries(Object.entries(draft).filter(([, value]) => value !== undefined && value !== '')) as CaseSearch;
    onSearch(cleaned);
  };

  return (
    <form role="search" aria-label={t('cases.search.label')} onSubmit={submit} className="rounded-12 border border-solid-gray-420 bg-solid-gray-50 p-4 sm:p-6">
      <div className="flex flex-wrap items-end gap-4">
        <FormField name="q" label={t('cases.search.keyword')} support={t('cases.search.keywordSupport')} className="min-w-64 flex-1">
          {(control) => <TextInput {...control} type="search" value={draft.q ?? ''} onChange={(event) => set({ q: event.target.value })} />}
        </FormField>
        <Button type="submit" variant="solid-fill">
          {t('cases.search.submit')}
        </Button>
      </div>
      <details className="mt-4" open={hasFilters}>
        <summary className="inline-flex min-h-11 cursor-pointer items-center rounded-4 text-std-16B-170 text-blue-1000 underline underline-offset-[calc(3/16*1rem)] focus-visible:bg-yellow-300 focus-visible:outline focus-visible:outline-4 focus-visible:outline-black">
          {t('cases.search.filters')}
        </summary>
        <div className="mt-4 grid grid-cols-1 gap-6 md:grid-cols-3">
          <FormField name="caseType" label={t('cases.fields.caseType')}>
            {(control) => (
              <SelectInput {...control} value={draft.caseType ?? ''} onChange={(event) => set({ caseType: (event.target.value || undefined) as CaseSearch['caseType'] })}>
                <option value="">{t('common.any')}</option>
                {caseTypes.map((type) => (
                  <option key={type} value={type}>
                    {deskLabel(t, 'caseType', type)}
                  </option>
                ))}
              </SelectInput>
            )}
          </FormField>
          <FormField name="themeId" label={t('cases.fields.theme')}>
            {(control) => (
              <SelectInput {...control} value={draft.themeId ?? ''} onChange={(event) => set({ themeId: event.target.value || undefined })}>
                <option value="">{t('common.any')}</option>
                {themes.data?.items.map((theme) => (
                  <option key={theme.id} value={theme.id}>
                    {themeName(theme)}
                    {theme.archived ? t('cases.search.archivedSuffix') : ''}
                  </option>
                ))}
              </SelectInput>
            )}
          </FormField>
          <FormField name="coordinatorId" label={t('cases.fields.coordinator')}>
            {(control) => (
              <SelectInput {...control} value={draft.coordinatorId ?? ''} onChange={(event) => set({ coordinatorId: event.target.value || undefined })}>
                <option value="">{t('common.any')}</option>
                {people.data?.items
                  .filter((person) => person.role !== 'partner')
                  .map((person) => (
                    <option key={person.id} value={person.id}>
                      {person.name}
                    </option>
                  ))}
              </SelectInput>
            )}
          </FormField>
        </div>
        {showStatus ? (
          <FieldGroup name="status" legend={t('cases.fields.status')} support={t('cases.search.statusSupport')} className="mt-6">
            <div className="flex flex-wrap gap-x-6">
              {caseStatuses.map((status) => (
                <Checkbox
                  key={status}
                  checked={statuses.includes(status)}
                  onChange={(event) => {
                    const next = event.target.checked ? [...statuses, status] : statuses.filter((value) => value !== status);
                    set({ status: caseStatuses.filter((value) => next.includes(value)).join(',') || undefined });
                  }}
                >
                  {deskLabel(t, 'caseStatus', status)}
                </Checkbox>
              ))}
            </div>
          </FieldGroup>
        ) : null}
        <div className="mt-6 flex flex-wrap gap-4">
          <Button type="submit" variant="solid-fill">
            {t('cases.search.apply')}
          </Button>
          <Button
            variant="text"
            onClick={() => {
              const kept: CaseSearch = { ...(search.view ? { view: search.view } : {}), ...(search.sort ? { sort: search.sort } : {}) };
              setDraft(kept);
              onSearch(kept);
            }}
          >
            {t('cases.search.clear')}
          </Button>
        </div>
      </details>
    </form>
  );
}

/** Saved views: the current filters under a name, to open again with one click. */
export function SavedViews({ search, layout }: { search: CaseSearch; layout: Layout }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const views = useSavedViews();
  const save = useSaveView();
  const remove = useDeleteView();
  const [name, setName] = useState('');
  const [nameError, setNameError] = useState<string | undefined>();
  const [saved, setSaved] = useState<string | null>(null);
  const [toDelete, setToDelete] = useState<SavedCaseView | null>(null);
  const query = caseSearchToQuery(search);
  const to = layout === 'board' ? '/cases/board' : '/cases';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(null);
    if (!name.trim()) {
      setNameError(t('cases.savedViews.nameRequired'));
      document.getElementById('field-viewName')?.focus();
      return;
    }
    setNameError(undefined);
    save.mutate(
      { name: name.trim(), query },
      {
        onSuccess: (view) => {
          setSaved(t('cases.savedViews.saved', { name: view.name }));
          setName('');
        },
      },
    );
  };

  return (
    <section aria-labelledby="saved-views-heading" className="mt-6 rounded-12 border border-solid-gray-420 p-4 sm:p-6">
      <h2 id="saved-views-heading" className="text-std-20B-150">
        {t('cases.savedViews.title')}
      </h2>
      {views.isError ? <p className="mt-2 text-std-16N-170 text-solid-gray-700">{t('cases.savedViews.unavailable')}</p> : null}
      {views.data && views.data.items.length === 0 ? <p className="mt-2 text-std-16N-170 text-solid-gray-700">{t('cases.savedViews.empty')}</p> : null}
      {views.data && views.data.items.length > 0 ? (
        <ul className="mt-3 flex flex-wrap gap-3">
          {views.data.items.map((view) => {
            const isCurrent = view.query === query;
            return (
              <li key={view.id} className={`flex items-center gap-1 rounded-8 border py-1 pr-1 pl-3 ${isCurrent ? 'border-blue-900 bg-blue-50' : 'border-solid-gray-420'}`}>
                <Link
                  to={to}
                  search={caseSearchFromQuery(view.query)}
                  aria-current={isCurrent ? 'true' : undefined}
                  className={`inline-flex min-h-11 items-center rounded-4 px-1 text-std-16N-170 text-blue-1000 underline underline-offset-[calc(3/16*1rem)] ${isCurrent ? 'font-bold' : ''} ${focusRing}`}
                >
                  {isCurrent ? <span aria-hidden="true">✓ </span> : null}
                  {view.name}
                </Link>
                <Button variant="text" size="sm" className="min-w-11" aria-label={t('cases.savedViews.delete', { name: view.name })} onClick={() => setToDelete(view)}>
                  <span aria-hidden="true">✕</span>
                </Button>
              </li>
            );
          })}
        </ul>
      ) : null}
      {views.isError ? null : (
        <form onSubmit={submit} className="mt-4 flex flex-wrap items-end gap-4" aria-label={t('cases.savedViews.saveLabel')}>
          <FormField name="viewName" label={t('cases.savedViews.name')} support={t('cases.savedViews.nameSupport')} error={nameError} className="min-w-64 flex-1">
            {(control) => <TextInput {...control} value={name} maxLength={50} onChange={(event) => setName(event.target.value)} />}
          </FormField>
          <Button type="submit" isBusy={save.isPending}>
            {t('cases.savedViews.save')}
          </Button>
        </form>
      )}
      {save.isError ? (
        <p role="alert" className="mt-2 text-dns-16N-130 text-error-2">
          ＊{errorMessage(t, save.error)}
        </p>
      ) : null}
      {saved ? <Notice tone="success" title={saved} live="polite" className="mt-4" /> : null}
      <ConfirmDialog
        isOpen={toDelete !== null}
        onOpenChange={(open) => !open && setToDelete(null)}
        title={t('cases.savedViews.deleteTitle')}
        confirmLabel={t('cases.savedViews.deleteConfirm')}
        tone="danger"
        isBusy={remove.isPending}
        onConfirm={() =>
          toDelete &&
          remove.mutate(toDelete.id, {
            onSuccess: () => {
              setToDelete(null);
              if (toDelete.query === query) void navigate({ to, search });
            },
          })
        }
      >
        <p>{t('cases.savedViews.deleteBody', { name: toDelete?.name ?? '' })}</p>
      </ConfirmDialog>
    </section>
  );
}
