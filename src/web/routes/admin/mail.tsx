import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button';
import { ModalDialog } from '../../components/Dialog';
import { Badge, LoadError, Loading } from '../../components/Feedback';
import { Notice } from '../../components/Notice';
import { PageHeading } from '../../components/PageHeading';
import { ColumnHeaders, DataTable, DetailList, bodyRowClass, tdClass, thClass } from '../../components/Table';
import { type MailMessage, useMailMessages } from '../../features/mail/mail.api';
import { currentLocale } from '../../i18n';
import { formatDateTime } from '../../lib/dates';

const statusTone = { pending: 'info', held: 'warning', sent: 'success', failed: 'warning' } as const;

/** The outbox: where mail waits when no SMTP server is configured (invitations, reset links). */
export function MailOutboxPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const cursor = cursors[cursors.length - 1];
  const mail = useMailMessages(cursor);
  const [reading, setReading] = useState<MailMessage | null>(null);
  return (
    <>
      <PageHeading title={t('mail.title')} lead={t('mail.lead')}>
        {t('mail.title')}
      </PageHeading>
      {mail.data ? (
        mail.data.smtpConfigured ? (
          <Notice tone="info" className="mb-6" title={t('mail.smtpOn')} />
        ) : (
          <Notice tone="warning" className="mb-6" title={t('mail.smtpOffTitle')}>
            <p>{t('mail.smtpOffBody')}</p>
          </Notice>
        )
      ) : null}
      {mail.isPending ? <Loading /> : null}
      {mail.isError ? <LoadError error={mail.error} onRetry={() => void mail.refetch()} /> : null}
      {mail.data?.items.length === 0 ? <p className="text-std-16N-170">{t('mail.empty')}</p> : null}
      {mail.data && mail.data.items.length > 0 ? (
        <>
          <DataTable caption={t('mail.caption')}>
            <ColumnHeaders columns={[t('mail.subject'), t('mail.to'), t('mail.status'), t('mail.createdAt'), t('members.actions')]} />
            <tbody>
              {mail.data.items.map((message) => (
                <tr key={message.id} className={bodyRowClass}>
                  <th scope="row" className={`${thClass} font-normal`}>
                    {message.subject}
                  </th>
                  <td className={`${tdClass} break-all`}>{message.to}</td>
                  <td className={tdClass}>
                    <Badge tone={statusTone[message.status]}>{t(`enums.mailStatus.${message.status}`)}</Badge>
                  </td>
                  <td className={`${tdClass} min-w-48`}>{formatDateTime(message.createdAt, locale)}</td>
                  <td className={tdClass}>
                    <Button size="sm" onClick={() => setReading(message)}>
                      {t('mail.read')}
                      <span className="sr-only">: {message.subject}</span>
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </DataTable>
          <nav aria-label={t('companies.list.pagination')} className="mt-6 flex flex-wrap gap-4">
            <Button aria-disabled={cursors.length < 2} onClick={() => setCursors(cursors.slice(0, -1))}>
              {t('audit.newer')}
            </Button>
            <Button aria-disabled={!mail.data.nextCursor} onClick={() => mail.data?.nextCursor && setCursors([...cursors, mail.data.nextCursor])}>
              {t('audit.older')}
            </Button>
          </nav>
        </>
      ) : null}
      <ModalDialog isOpen={reading !== null} onOpenChange={(open) => !open && setReading(null)} title={reading?.subject ?? ''} wide>
        {reading ? (
          <>
            <DetailList
              items={[
                { label: t('mail.to'), value: reading.to },
                { label: t('mail.status'), value: t(`enums.mailStatus.${reading.status}`) },
                { label: t('mail.createdAt'), value: formatDateTime(reading.createdAt, locale) },
                { label: t('mail.sentAt'), value: reading.sentAt ? formatDateTime(reading.sentAt, locale) : t('mail.notSent') },
              ]}
            />
            <h3 className="mt-6 mb-2 text-std-17B-170">{t('mail.body')}</h3>
            <pre className="rounded-8 border border-solid-gray-420 bg-solid-gray-50 p-4 font-sans text-std-16N-170 whitespace-pre-wrap break-all">{reading.bodyText}</pre>
            <div className="mt-6 flex justify-end">
              <Button variant="solid-fill" onClick={() => setReading(null)}>
                {t('actions.close')}
              </Button>
            </div>
          </>
        ) : null}
      </ModalDialog>
    </>
  );
}
