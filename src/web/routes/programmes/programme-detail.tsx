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
import { DetailList } from '../../components/Table';
import { ButtonLink, TextLink } from '../../components/TextLink';
import { deskLabel } from '../../features/cases/desk-labels';
import { CountingRules, listOf } from '../../features/programmes/CountingRules';
import { formatPeriod, formatTarget, programmeErrorMessage, programmeYear } from '../../features/programmes/programme-labels';
import { type Programme, programmeKeys, useArchiveProgramme, useProgramme } from '../../features/programmes/programmes.api';
import { currentLocale } from '../../i18n';
import { formatDateTime } from '../../lib/dates';
import { useFlash } from '../../lib/flash';

/** One programme: its counting rules in words and as set, and (for admins) edit, archive and restore. */
export function ProgrammeDetailPage() {
  const { t } = useTranslation();
  const { programmeId } = useParams({ from: '/app/admin/programmes/$programmeId' });
  const programme = useProgramme(programmeId);
  const flash = useFlash();
  const title = programme.data?.name ?? t('programmes.detailTitle');
  return (
    <>
      <TextLink to="/admin/programmes" search={{}} className="mb-4 inline-block text-std-16N-170">
        {t('programmes.backToList')}
      </TextLink>
      <PageHeading title={title}>
        {programme.data ? (
          <>
            <span className="block text-std-16N-170 text-solid-gray-700">{t('programmes.detailTitle')}</span>
            {programme.data.name}
          </>
        ) : (
          t('programmes.detailTitle')
        )}
      </PageHeading>
      {flash ? <Notice tone="success" title={flash} live="polite" className="mb-6" /> : null}
      {programme.isPending ? <Loading /> : null}
      {programme.isError ? <LoadError error={programme.error} onRetry={() => void programme.refetch()} /> : null}
      {programme.data ? <ProgrammeView programme={programme.data} /> : null}
    </>
  );
}

function ProgrammeView({ programme }: { programme: Programme }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const isArchived = programme.archivedAt !== null;
  const channels = programme.countedChannels.map((code) => deskLabel(t, 'channel', code));
  const types = programme.countedCaseTypes.map((code) => deskLabel(t, 'caseType', code));
  return (
    <>
      <div className="-mt-4 mb-6 flex flex-wrap items-center gap-3">
        <span className="text-std-16N-170">{programmeYear(programme.fiscalYear, locale)}</span>
        {programme.isDefault ? <Badge tone="info">{t('programmes.default')}</Badge> : null}
        {isArchived ? <Badge tone="warning">{t('programmes.status.archivedOne')}</Badge> : null}
      </div>
      {isArchived && programme.archivedAt ? (
        <Notice tone="warning" title={t('programmes.archivedTitle')} className="mb-6">
          <p>{t('programmes.archivedBody', { date: formatDateTime(programme.archivedAt, locale) })}</p>
        </Notice>
      ) : null}
      <div className="mb-8 flex flex-wrap items-center gap-4">
        {programme.abilities.update ? (
          <ButtonLink to="/admin/programmes/$programmeId/edit" params={{ programmeId: programme.id }} variant="solid-fill">
            {t('programmes.edit')}
          </ButtonLink>
        ) : null}
        <ButtonLink to="/reports/commission" search={{ programmeId: programme.id }}>
          {t('programmes.openReport')}
        </ButtonLink>
        <ArchiveAction programme={programme} />
      </div>

      <div className="max-w-4xl">
        <CountingRules
          headingLevel={2}
          rules={{ ...programme, isArchived }}
        />
      </div>

      <section aria-labelledby="programme-settings-heading" className="mt-10 max-w-4xl">
        <h2 id="programme-settings-heading" className="mb-4 text-std-24B-150">
          {t('programmes.settingsTitle')}
        </h2>
        <DetailList
          items={[
            { label: t('programmeForm.name'), value: programme.name },
            { label: t('programmeForm.commissioner'), value: programme.commissioner ?? t('common.notRecorded') },
            { label: t('programmes.fields.fiscalYear'), value: programmeYear(programme.fiscalYear, locale) },
            { label: t('programmes.fields.period'), value: formatPeriod(t, programme.startsOn, programme.endsOn, locale) },
            { label: t('programmeForm.supportTarget'), value: formatTarget(t, programme.supportTarget, 'supports', locale) },
            { label: t('programmeForm.companyTarget'), value: formatTarget(t, programme.companyTarget, 'companies', locale) },
            { label: t('programmeForm.countedChannels'), value: listOf(channels, locale) },
            { label: t('programmeForm.countedCaseTypes'), value: listOf(types, locale) },
            { label: t('programmeForm.minimumMinutes'), value: t('programmes.minutes', { count: programme.minimumMinutes }) },
            { label: t('programmeForm.minutesBasis'), value: deskLabel(t, 'minutesBasis', programme.minutesBasis) },
            { label: t('programmeForm.companyIdentity'), value: deskLabel(t, 'companyIdentity', programme.companyIdentity) },
            { label: t('programmeForm.suppressionThreshold'), value: t('programmes.threshold', { threshold: programme.suppressionThreshold }) },
            { label: t('programmeForm.isDefault'), value: programme.isDefault ? t('common.yes') : t('common.no') },
            { label: t('programmeForm.notes'), value: <span className="whitespace-pre-wrap">{programme.notes ?? t('common.notRecorded')}</span> },
            { label: t('programmes.fields.updatedAt'), value: formatDateTime(programme.updatedAt, locale) },
          ]}
        />
      </section>
    </>
  );
}

/** Archive (the programme still reports what was attributed to it, but is nobody's default) or restore. */
function ArchiveAction({ programme }: { programme: Programme }) {
  const { t } = useTranslation();
  const setArchived = useArchiveProgramme(programme.id);
  const queryClient = useQueryClient();
  const [isOpen, setOpen] = useState(false);
  const isArchived = programme.archivedAt !== null;
  const canChange = isArchived ? programme.abilities.restore : programme.abilities.archive;
  const conflict = isApiError(setArchived.error) && setArchived.error.code === 'VERSION_CONFLICT';
  if (!canChange) return null;
  return (
    <>
      <Button
        variant={isArchived ? 'outline' : 'text'}
        onClick={() => {
          setArchived.reset();
          setOpen(true);
        }}
      >
        {isArchived ? t('programmes.restore') : t('programmes.archive')}
      </Button>
      <ConfirmDialog
        isOpen={isOpen}
        onOpenChange={setOpen}
        title={isArchived ? t('programmes.restoreTitle') : t('programmes.archiveTitle')}
        confirmLabel={isArchived ? t('programmes.restore') : t('programmes.archive')}
        tone={isArchived ? 'primary' : 'danger'}
        isBusy={setArchived.isPending}
        onConfirm={() =>
          setArchived.mutate(
            { archived: !isArchived, version: programme.version },
            {
              onSuccess: () => setOpen(false),
              onError: (error) => {
                if (isApiError(error) && error.code === 'VERSION_CONFLICT') void queryClient.invalidateQueries({ queryKey: programmeKeys.detail(programme.id) });
              },
            },
          )
        }
      >
        <p>{isArchived ? t('programmes.restoreBody', { name: programme.name }) : t('programmes.archiveBody', { name: programme.name })}</p>
        {setArchived.isError ? (
          <p role="alert" className="mt-4 text-dns-16N-130 text-error-2">
            ＊{programmeErrorMessage(t, setArchived.error)}
            {conflict ? ` ${t('programmes.conflictReloaded')}` : ''}
          </p>
        ) : null}
      </ConfirmDialog>
    </>
  );
}
