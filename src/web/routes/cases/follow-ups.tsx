import { Link, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { DateText } from '../../components/DateText';
import { Badge, LoadError, Loading } from '../../components/Feedback';
import { PageHeading } from '../../components/PageHeading';
import { ColumnHeaders, DataTable, bodyRowClass, tdClass, thClass } from '../../components/Table';
import { focusRing } from '../../components/styles';
import { TextLink } from '../../components/TextLink';
import { useFollowUpsDue } from '../../features/cases/cases.api';
import { deskLabel } from '../../features/cases/desk-labels';
import { japanToday } from '../../lib/dates';

/** Follow-ups to do across the cases one may see: due soon or overdue, upcoming, or all. */
export function FollowUpsPage() {
  const { t } = useTranslation();
  const search = useSearch({ from: '/app/follow-ups' });
  const due = search.due ?? 'due';
  const list = useFollowUpsDue(due);
  const today = japanToday();
  const tabs = [
    { id: 'due', label: t('followUpList.due') },
    { id: 'upcoming', label: t('followUpList.upcoming') },
    { id: 'all', label: t('followUpList.all') },
  ] as const;
  return (
    <>
      <PageHeading title={t('followUpList.title')} lead={t('followUpList.lead')}>
        {t('followUpList.title')}
      </PageHeading>
      <nav aria-label={t('followUpList.tabs')} className="mb-6">
        <ul className="flex flex-wrap gap-1 border-b-2 border-solid-gray-420">
          {tabs.map((tab) => (
            <li key={tab.id}>
              <Link
                to="/follow-ups"
                search={tab.id === 'due' ? {} : { due: tab.id }}
                aria-current={due === tab.id ? 'page' : undefined}
                className={`-mb-0.5 flex min-h-11 items-center rounded-t-6 border-b-4 px-4 py-2 text-std-16N-170 hover:bg-solid-gray-50 hover:underline ${due === tab.id ? 'border-blue-900 font-bold text-blue-1000' : 'border-transparent'} ${focusRing}`}
              >
                {tab.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {list.isPending ? <Loading /> : null}
      {list.isError ? <LoadError error={list.error} onRetry={() => void list.refetch()} /> : null}
      {list.data && list.data.items.length === 0 ? <p className="py-6 text-std-16N-170">{t('followUpList.empty')}</p> : null}
      {list.data && list.data.items.length > 0 ? (
        <DataTable caption={t('followUpList.caption', { count: list.data.items.length })}>
          <ColumnHeaders columns={[t('followUps.dueOn'), t('cases.fields.receiptNumber'), t('cases.fields.title'), t('followUps.when'), t('followUps.status')]} />
          <tbody>
            {list.data.items.map((item) => {
              const overdue = item.status === 'scheduled' && item.dueOn < today;
              return (
                <tr key={item.id} className={bodyRowClass}>
                  <td className={tdClass}>
                    <DateText iso={item.dueOn} compact />
                    {overdue ? <span className="mt-1 block text-dns-14B-130 text-error-2">{t('followUps.overdue')}</span> : null}
                  </td>
                  <td className={`${tdClass} whitespace-nowrap tabular-nums`}>{item.case.receiptNumber}</td>
                  <th scope="row" className={`${thClass} min-w-64 font-normal`}>
                    <TextLink to="/cases/$caseId" params={{ caseId: item.case.id }} hash="follow-ups-heading" className="text-dns-16B-130">
                      {item.case.title}
                    </TextLink>
                    <span className="mt-1 block text-dns-14N-130 text-solid-gray-700">{item.case.companyName}</span>
                  </th>
                  <td className={`${tdClass} whitespace-nowrap`}>{t('followUps.monthsAfter', { count: item.monthsAfter })}</td>
                  <td className={tdClass}>
                    <Badge tone={item.status === 'done' ? 'success' : item.status === 'scheduled' ? 'info' : 'neutral'}>{deskLabel(t, 'followUpStatus', item.status)}</Badge>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </DataTable>
      ) : null}
    </>
  );
}
