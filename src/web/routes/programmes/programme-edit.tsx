import { useNavigate, useParams } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { ProgrammeCreateInput } from '../../../shared/schemas/programme';
import { isApiError } from '../../api/client';
import { ConflictNotice } from '../../components/ConflictNotice';
import { LoadError, Loading } from '../../components/Feedback';
import { Notice } from '../../components/Notice';
import { PageHeading } from '../../components/PageHeading';
import { TextLink } from '../../components/TextLink';
import { type ProgrammeFormValues, ProgrammeFormFields, programmeFieldOf, programmeFormResolver, programmeToForm, emptyProgramme } from '../../features/programmes/ProgrammeForm';
import { programmeErrorMessage } from '../../features/programmes/programme-labels';
import { type Programme, useCreateProgramme, useProgramme, useUpdateProgramme } from '../../features/programmes/programmes.api';
import { fiscalYearOf } from '../../../shared/domain/fiscal-year';
import { errorText } from '../../lib/errors';
import { setFlash } from '../../lib/flash';
import { useFormFeedback } from '../../lib/use-form-feedback';
import { useCurrentRole } from '../../features/session/session.api';
import type { UseFormSetError } from 'react-hook-form';
import type { TFunction } from 'i18next';

/**
 * The server's answer to a refused save: the overlap of two defaults goes next to 「既定の委託事業」 with the
 * other programme's name; other field problems next to their fields; the rest on top of the form.
 */
function showServerError(error: unknown, setError: UseFormSetError<ProgrammeFormValues>, t: TFunction, feedback: ReturnType<typeof useFormFeedback>) {
  if (isApiError(error) && error.details.reason === 'default_overlap') {
    setError('isDefault', { type: 'default_overlap', message: programmeErrorMessage(t, error) });
    feedback.onInvalid();
    return;
  }
  if (isApiError(error) && error.details.reason === 'archived') {
    feedback.setFormError(programmeErrorMessage(t, error));
    return;
  }
  feedback.onServerError(error, setError, t, programmeFieldOf);
}

export function ProgrammeNewPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const role = useCurrentRole();
  const create = useCreateProgramme();
  const feedback = useFormFeedback();
  const form = useForm<ProgrammeFormValues, unknown, ProgrammeCreateInput>({
    resolver: programmeFormResolver,
    defaultValues: emptyProgramme(fiscalYearOf(new Date())),
    shouldFocusError: false,
  });
  const submit = form.handleSubmit(
    (values) =>
      create.mutate(values, {
        onSuccess: (saved) => {
          setFlash(t('programmes.created', { name: saved.name }));
          void navigate({ to: '/admin/programmes/$programmeId', params: { programmeId: saved.id } });
        },
        onError: (error) => showServerError(error, form.setError, t, feedback),
      }),
    feedback.onInvalid,
  );
  return (
    <>
      <TextLink to="/admin/programmes" search={{}} className="mb-4 inline-block text-std-16N-170">
        {t('programmes.backToList')}
      </TextLink>
      <PageHeading title={t('programmes.newTitle')} lead={t('programmes.newLead')}>
        {t('programmes.newTitle')}
      </PageHeading>
      {role !== 'admin' ? (
        <Notice tone="warning" title={errorText(t, 'FORBIDDEN')} />
      ) : (
        <ProgrammeFormFields
          form={form}
          onSubmit={submit}
          isSaving={create.isPending}
          submitLabel={t('programmes.createSubmit')}
          formError={feedback.formError}
          attempt={feedback.attempt}
          cancel={
            <TextLink to="/admin/programmes" search={{}}>
              {t('actions.cancel')}
            </TextLink>
          }
        />
      )}
    </>
  );
}

export function ProgrammeEditPage() {
  const { t } = useTranslation();
  const { programmeId } = useParams({ from: '/app/admin/programmes/$programmeId/edit' });
  const programme = useProgramme(programmeId);
  return (
    <>
      <TextLink to="/admin/programmes/$programmeId" params={{ programmeId }} className="mb-4 inline-block text-std-16N-170">
        {t('programmes.backToDetail')}
      </TextLink>
      <PageHeading title={t('programmes.editTitle')}>
        {t('programmes.editTitle')}
        {programme.data ? <span className="mt-1 block text-std-20N-150 text-solid-gray-700">{programme.data.name}</span> : null}
      </PageHeading>
      {programme.isPending ? <Loading /> : null}
      {programme.isError ? <LoadError error={programme.error} onRetry={() => void programme.refetch()} /> : null}
      {programme.data && !programme.data.abilities.update ? <Notice tone="warning" title={programme.data.archivedAt ? t('programmes.archivedNoEdit') : errorText(t, 'FORBIDDEN')} /> : null}
      {programme.data?.abilities.update ? <EditForm programme={programme.data} onReload={() => programme.refetch()} /> : null}
    </>
  );
}

function EditForm({ programme, onReload }: { programme: Programme; onReload: () => Promise<{ data?: Programme }> }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const update = useUpdateProgramme(programme.id);
  const feedback = useFormFeedback();
  // The version this form was loaded from: sent with the change so a concurrent save is detected (409).
  const [baseVersion, setBaseVersion] = useState(programme.version);
  const [conflict, setConflict] = useState(false);
  const form = useForm<ProgrammeFormValues, unknown, ProgrammeCreateInput>({ resolver: programmeFormResolver, defaultValues: programmeToForm(programme), shouldFocusError: false });

  useEffect(() => {
    if (conflict) document.getElementById('conflict-notice')?.focus();
  }, [conflict]);

  const submit = form.handleSubmit(
    (values) =>
      update.mutate(
        { ...values, version: baseVersion },
        {
          onSuccess: (saved) => {
            setFlash(t('programmes.updated', { name: saved.name }));
            void navigate({ to: '/admin/programmes/$programmeId', params: { programmeId: saved.id } });
          },
          onError: (error) => {
            if (isApiError(error) && error.code === 'VERSION_CONFLICT') {
              setConflict(true);
              return;
            }
            showServerError(error, form.setError, t, feedback);
          },
        },
      ),
    feedback.onInvalid,
  );

  const reload = async () => {
    // Loads the latest saved version into the form; what was typed here is replaced (the notice says so).
    const latest = (await onReload()).data ?? programme;
    form.reset(programmeToForm(latest));
    setBaseVersion(latest.version);
    setConflict(false);
  };

  return (
    <ProgrammeFormFields
      form={form}
      onSubmit={submit}
      isSaving={update.isPending}
      submitLabel={t('programmes.saveSubmit')}
      formError={feedback.formError}
      attempt={feedback.attempt}
      cancel={
        <TextLink to="/admin/programmes/$programmeId" params={{ programmeId: programme.id }}>
          {t('actions.cancel')}
        </TextLink>
      }
      banner={
        conflict ? (
          <div id="conflict-notice" tabIndex={-1} className="mb-8 outline-none">
            <ConflictNotice title={t('programmes.conflictTitle')} body={t('programmes.conflictBody')} onReload={() => void reload()} className="" />
          </div>
        ) : null
      }
    />
  );
}
