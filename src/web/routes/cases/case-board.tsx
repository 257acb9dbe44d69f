import { useNavigate, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseStatus } from '../../../shared/domain/desk';
import { DateText } from '../../components/DateText';
import { LoadError, Loading } from '../../components/Feedback';
import { MenuButton } from '../../components/MenuButton';
import { Notice } from '../../components/Notice';
import { PageHeading } from '../../components/PageHeading';
import { ButtonLink, TextLink } from '../../components/TextLink';
import { StatusBadge } from '../../features/cases/CaseBadges';
import { CaseSearchForm, CaseViewTabs, LayoutSwitch, SavedViews } from '../../features/cases/CaseFilters';
import { type CaseSummary, useCaseBoard, useMoveCase } from '../../features/cases/cases.api';
import { deskLabel, themeName } from '../../features/cases/desk-labels';
import { formatCount } from '../../features/companies/company-labels';
import { currentLocale } from '../../i18n';
import { japanToday } from '../../lib/dates';
import { errorMessage } from '../../lib/errors';
import { CompleteDialog } from './case-detail';
import { type CaseSearch, toListParams } from './case-search';
import { useCanCreateCase } from './case-list';

const CARDS_PER_COLUMN = 20;

/**
 * The cases by status, one column per status. A card moves with its 「状態を変更」 menu (keyboard and
 * screen readers use it like any button list); the moves offered are the ones the server allows this person.
 */
export function CaseBoardPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const search = useSearch({ from: '/app/cases/board' });
  const navigate = useNavigate({ from: '/cases/board' });
  const board = useCaseBoard(toListParams({ ...search, status: undefined }, CARDS_PER_COLUMN));
  const canCreate = useCanCreateCase();
  const move = useMoveCase();
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const [completing, setCompleting] = useState<{ id: string; version: number; receiptNumber: string } | null>(null);
  const setSearch = (next: CaseSearch) => void navigate({ search: next });

  const moveCard = async (item: CaseSummary, to: CaseStatus) => {
    setMessage(null);
    try {
      // The card carries the version it was read at; if somebody changed the case since, the server answers 409.
      if (to === 'completed') {
        setCompleting({ id: item.id, version: item.version, receiptNumber: item.receiptNumber });
        return;
      }
      await move.mutateAsync({ id: item.id, version: item.version, to });
      setMessage({ tone: 'success', text: t('board.moved', { number: item.receiptNumber, status: deskLabel(t, 'caseStatus', to) }) });
    } catch (error) {
      setMessage({ tone: 'error', text: errorMessage(t, error) });
    }
  };

  return (
    <>
      <PageHeading title={t('board.title')} lead={t('board.lead')}>
        {t('board.title')}
      </PageHeading>
      <div className="mb-6 flex flex-wrap items-center justify-between gap-4">
        {canCreate ? (
          <ButtonLink to="/cases/new" variant="solid-fill">
            {t('cases.list.new')}
          </ButtonLink>
        ) : (
          <span />
        )}
        <LayoutSwitch search={search} layout="board" />
      </div>
      <CaseViewTabs search={search} layout="board" />
      <CaseSearchForm key={JSON.stringify(search)} search={search} onSearch={setSearch} showStatus={false} />
      <SavedViews search={search} layout="board" />
      <div aria-live="polite" className="mt-6">
        {message ? <Notice tone={message.tone} title={message.text} /> : null}
      </div>
      {board.isPending ? <Loading /> : null}
      {board.isError ? <LoadError error={board.error} onRetry={() => void board.refetch()} /> : null}
      {board.data ? (
        <div role="region" aria-label={t('board.region')} tabIndex={0} className="mt-6 overflow-x-auto pb-4 focus-visible:outline focus-visible:outline-4 focus-visible:outline-black">
          <div className="flex min-w-fit gap-4">
            {board.data.columns.map((column) => (
              <section key={column.status} aria-labelledby={`column-${column.status}`} className="w-72 shrink-0 rounded-12 border border-solid-gray-420 bg-solid-gray-50 p-3">
                <h2 id={`column-${column.status}`} className="mb-3 flex items-center justify-between gap-2 px-1 text-std-17B-170">
                  <span>{deskLabel(t, 'caseStatus', column.status)}</span>
                  <span className="text-dns-14N-130 text-solid-gray-700">{t('board.count', { count: column.total, formatted: formatCount(column.total, locale) })}</span>
                </h2>
                {column.items.length === 0 ? <p className="px-1 text-dns-14N-130 text-solid-gray-700">{t('board.empty')}</p> : null}
                <ul className="space-y-3">
                  {column.items.map((item) => (
                    <li key={item.id}>
                      <BoardCard item={item} onMove={(to) => void moveCard(item, to)} />
                    </li>
                  ))}
                </ul>
                {column.total > column.items.length ? (
                  <p className="mt-3 px-1 text-dns-14N-130">
                    <TextLink to="/cases" search={{ ...search, status: column.status }}>
                      {t('board.seeAll', { count: column.total })}
                    </TextLink>
                  </p>
                ) : null}
              </section>
            ))}
          </div>
        </div>
      ) : null}
      {completing ? (
        <CompleteDialog
          detail={completing}
          isOpen
          onOpenChange={(open) => !open && setCompleting(null)}
          onDone={() => setMessage({ tone: 'success', text: t('board.moved', { number: completing.receiptNumber, status: deskLabel(t, 'caseStatus', 'completed') }) })}
        />
      ) : null}
    </>
  );
}

function BoardCard({ item, onMove }: { item: CaseSummary; onMove: (to: CaseStatus) => void }) {
  const { t } = useTranslation();
  const overdue = item.nextDueOn !== null && item.nextDueOn < japanToday();
  return (
    <article aria-labelledby={`card-${item.id}`} className="rounded-8 border border-solid-gray-420 bg-white p-3 shadow-1">
      <p className="text-dns-14N-130 tabular-nums text-solid-gray-700">{item.receiptNumber}</p>
      <h3 id={`card-${item.id}`} className="mt-1 text-std-16B-170">
        <TextLink to="/cases/$caseId" params={{ caseId: item.id }}>
          {item.title}
        </TextLink>
      </h3>
      <p className="text-dns-14N-130 text-solid-gray-800">{item.company.name}</p>
      <p className="mt-1 text-dns-14N-130 text-solid-gray-700">
        {deskLabel(t, 'caseType', item.caseType)}
        {item.themes.length > 0 ? `／${item.themes.map(themeName).join('、')}` : ''}
      </p>
      <p className="mt-1 text-dns-14N-130">
        {t('cases.fields.coordinator')}: {item.coordinator?.name ?? t('cases.unassigned')}
      </p>
      {item.nextDueOn ? (
        <p className="mt-1 text-dns-14N-130">
          {t('cases.fields.nextDueOn')}: <DateText iso={item.nextDueOn} compact />
          {overdue ? <span className="ml-1 font-bold text-error-2">{t('cases.overdue')}</span> : null}
        </p>
      ) : null}
      <div className="mt-2 flex flex-wrap items-center justify-between gap-2">
        <StatusBadge status={item.status} />
        {item.allowedTransitions.length > 0 ? (
          <MenuButton
            label={
              <>
                {t('board.changeStatus')}
                <span className="sr-only">{t('board.ofCase', { number: item.receiptNumber })}</span>
              </>
            }
            items={item.allowedTransitions.map((to) => ({ id: to, label: t('caseDetail.moveTo', { status: deskLabel(t, 'caseStatus', to) }) }))}
            onAction={(id) => onMove(id as CaseStatus)}
          />
        ) : null}
      </div>
    </article>
  );
}
