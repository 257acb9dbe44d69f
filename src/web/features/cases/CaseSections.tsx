import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { type AttachmentPurpose, attachmentPurposes, salesChanges } from '../../../shared/domain/desk';
import { activityCreateInput, activityUpdateInput, caseUpdateInput, followUpRecordInput, nextActionCreateInput } from '../../../shared/schemas/case';
import { isApiError } from '../../api/client';
import { Button } from '../../components/Button';
import { DateText } from '../../components/DateText';
import { ConfirmDialog } from '../../components/Dialog';
import { Badge, LoadError, Loading } from '../../components/Feedback';
import { FieldGroup, FormField, Radio, SelectInput, TextArea, TextInput } from '../../components/FormField';
import { Notice } from '../../components/Notice';
import { DataTable, ColumnHeaders, bodyRowClass, tdClass, thClass } from '../../components/Table';
import { TextLink } from '../../components/TextLink';
import { AuditDiff } from '../audit/AuditDiff';
import { currentTenantOf, useSession } from '../session/session.api';
import { currentLocale } from '../../i18n';
import { formatDateTime, japanToday } from '../../lib/dates';
import { errorMessage, fieldMessage } from '../../lib/errors';
import { schemaResolver } from '../../lib/form';
import { summaryItems, useFormFeedback } from '../../lib/use-form-feedback';
import { FormDialog } from '../../components/FormDialog';
import { ActivityFields, PainPointRows, PeopleFields } from './CaseFormParts';
import {
  type ActivityFormValues,
  type PainPointFormValues,
  type ParticipantFormValues,
  activityFieldOf,
  activityToForm,
  emptyActivity,
  painPointsToForm,
  toActivityInput,
  toNumber,
  toPainPointInput,
} from './case-form-values';
import {
  ATTACHMENT_ACCEPT,
  ATTACHMENT_LIMIT_BYTES,
  type Activity,
  type CaseDetail,
  type FollowUp,
  caseKeys,
  caseQuery,
  downloadAttachment,
  useActivities,
  useAddNextAction,
  useCaseHistory,
  useDeleteActivity,
  useDeleteAttachment,
  useRecordFollowUp,
  useSaveActivity,
  useUpdateCase,
  useUpdateNextAction,
  useUploadAttachment,
} from './cases.api';
import { deskLabel, formatMinutes } from './desk-labels';

function Section({ id, title, action, children }: { id: string; title: string; action?: ReactNode; children: ReactNode }) {
  return (
    <section aria-labelledby={`${id}-heading`} className="mt-12">
      <div className="mb-4 flex flex-wrap items-center justify-between gap-4 border-b border-solid-gray-420 pb-2">
        <h2 id={`${id}-heading`} className="text-std-24B-150">
          {title}
        </h2>
        {action}
      </div>
      {children}
    </section>
  );
}

function useRole() {
  const { data: session } = useSession();
  return session ? currentTenantOf(session)?.role : undefined;
}

/** Shared by the dialogs that PATCH the case: version, conflict and server errors. */
function useCaseEdit<TValues extends Record<string, unknown>>(detail: CaseDetail) {
  const update = useUpdateCase(detail.id);
  const feedback = useFormFeedback();
  const queryClient = useQueryClient();
  const [baseVersion, setBaseVersion] = useState(detail.version);
  const [conflict, setConflict] = useState(false);
  return {
    update,
    feedback,
    conflict,
    start: () => {
      setBaseVersion(detail.version);
      setConflict(false);
      feedback.reset();
    },
    save: (body: TValues, onSuccess: () => void, onFieldErrors: (error: unknown) => void) =>
      update.mutate({ ...body, version: baseVersion } as never, {
        onSuccess,
        onError: (error) => {
          if (isApiError(error) && error.code === 'VERSION_CONFLICT') {
            setConflict(true);
            return;
          }
          onFieldErrors(error);
        },
      }),
    reload: async () => {
      const fresh = await queryClient.fetchQuery({ ...caseQuery(detail.id), staleTime: 0 });
      setBaseVersion(fresh.version);
      setConflict(false);
      return fresh;
    },
  };
}

// ---------------------------------------------------------------- people

const peopleSchema = caseUpdateInput.pick({ coordinatorId: true, participants: true });
interface PeopleValues {
  coordinatorId: string;
  participants: ParticipantFormValues[];
  consentSharePartners: boolean;
}

function peopleToForm(detail: CaseDetail): PeopleValues {
  return {
    coordinatorId: detail.coordinator?.id ?? '',
    participants: detail.participants.map((participant) => ({ userId: participant.user.id, kind: participant.kind, roleLabel: participant.roleLabel ?? '' })),
    consentSharePartners: detail.consentSharePartners,
  };
}

export function PeopleSection({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const [isOpen, setOpen] = useState(false);
  const edit = useCaseEdit<{ coordinatorId: string | null; participants: unknown[] }>(detail);
  const form = useForm<PeopleValues, unknown, z.output<typeof peopleSchema>>({
    resolver: schemaResolver(peopleSchema, { toInput: (values: PeopleValues) => ({ coordinatorId: values.coordinatorId || null, participants: values.participants }) }),
    defaultValues: peopleToForm(detail),
    shouldFocusError: false,
  });
  const submit = form.handleSubmit(
    (values) =>
      edit.save(
        { coordinatorId: values.coordinatorId ?? null, participants: values.participants ?? [] },
        () => setOpen(false),
        (error) => edit.feedback.onServerError(error, form.setError, t),
      ),
    edit.feedback.onInvalid,
  );
  return (
    <Section
      id="people"
      title={t('caseDetail.people')}
      action={
        detail.abilities.assign ? (
          <Button
            size="sm"
            onClick={() => {
              form.reset(peopleToForm(detail));
              edit.start();
              setOpen(true);
            }}
          >
            {t('caseDetail.editPeople')}
          </Button>
        ) : null
      }
    >
      <DetailList2
        items={[
          { label: t('cases.fields.coordinator'), value: detail.coordinator?.name ?? t('cases.unassigned') },
          ...detail.participants.map((participant) => ({
            label: deskLabel(t, 'participantKind', participant.kind),
            value: `${participant.user.name}${participant.roleLabel ? `（${participant.roleLabel}）` : ''}`,
          })),
        ]}
      />
      <FormDialog
        isOpen={isOpen}
        onOpenChange={setOpen}
        title={t('caseDetail.editPeople')}
        onSubmit={submit}
        isSaving={edit.update.isPending}
        submitLabel={t('caseDetail.save')}
        summary={summaryItems(form.formState.errors, (name) => (name.startsWith('participants.') ? t('cases.form.participantN', { n: Number(name.split('.')[1]) + 1 }) : t('cases.fields.coordinator')))}
        formError={edit.feedback.formError}
        attempt={edit.feedback.attempt}
        conflictTitle={t('caseDetail.conflictTitle')}
        conflict={edit.conflict}
        onReload={() => void edit.reload().then((fresh) => form.reset(peopleToForm(fresh)))}
      >
        <PeopleFields form={form} />
      </FormDialog>
    </Section>
  );
}

function DetailList2({ items }: { items: { label: string; value: ReactNode }[] }) {
  return (
    <dl className="grid grid-cols-1 border-t border-solid-gray-420 sm:grid-cols-[minmax(10rem,16rem)_1fr]">
      {items.map((item, index) => (
        <div key={index} className="contents">
          <dt className="border-solid-gray-420 pt-3 text-std-16B-170 text-solid-gray-900 sm:border-b sm:py-3 sm:pr-4">{item.label}</dt>
          <dd className="border-b border-solid-gray-420 pb-3 text-std-16N-170 text-solid-gray-800 sm:py-3">{item.value}</dd>
        </div>
      ))}
    </dl>
  );
}

// ---------------------------------------------------------------- 「負」

const painSchema = caseUpdateInput.pick({ painPoints: true });

export function PainPointsSection({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const [isOpen, setOpen] = useState(false);
  const edit = useCaseEdit<{ painPoints: unknown[] }>(detail);
  const form = useForm<{ painPoints: PainPointFormValues[] }, unknown, z.output<typeof painSchema>>({
    resolver: schemaResolver(painSchema, { toInput: (values: { painPoints: PainPointFormValues[] }) => ({ painPoints: values.painPoints.map(toPainPointInput) }) }),
    defaultValues: { painPoints: painPointsToForm(detail) },
    shouldFocusError: false,
  });
  const submit = form.handleSubmit(
    (values) => edit.save({ painPoints: values.painPoints ?? [] }, () => setOpen(false), (error) => edit.feedback.onServerError(error, form.setError, t)),
    edit.feedback.onInvalid,
  );
  const totalHours = detail.painPoints.reduce((sum, point) => sum + (point.hoursLostPerMonth ?? 0), 0);
  return (
    <Section
      id="pain"
      title={t('painPoints.title')}
      action={
        detail.abilities.update ? (
          <Button
            size="sm"
            onClick={() => {
              form.reset({ painPoints: painPointsToForm(detail) });
              edit.start();
              setOpen(true);
            }}
          >
            {t('painPoints.edit')}
          </Button>
        ) : null
      }
    >
      <p className="mb-4 text-std-16N-170 text-solid-gray-700">{t('painPoints.lead')}</p>
      {detail.painPoints.length === 0 ? (
        <p className="text-std-16N-170">{t('painPoints.none')}</p>
      ) : (
        <DataTable caption={t('painPoints.caption', { hours: new Intl.NumberFormat(locale === 'en' ? 'en-US' : 'ja-JP').format(totalHours) })}>
          <ColumnHeaders columns={[t('painPoints.process'), t('painPoints.sufferer'), { label: t('painPoints.hoursLost'), end: true }, t('painPoints.severity'), t('painPoints.description')]} />
          <tbody>
            {detail.painPoints.map((point) => (
              <tr key={point.id} className={bodyRowClass}>
                <th scope="row" className={`${thClass} font-normal`}>
                  {point.process}
                </th>
                <td className={tdClass}>{point.sufferer ?? ''}</td>
                <td className={`${tdClass} text-end tabular-nums`}>{point.hoursLostPerMonth ?? ''}</td>
                <td className={tdClass}>
                  <Badge tone={point.severity === 'high' ? 'warning' : 'neutral'}>{deskLabel(t, 'severity', point.severity)}</Badge>
                </td>
                <td className={`${tdClass} whitespace-pre-wrap`}>{point.description ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
      <FormDialog
        isOpen={isOpen}
        onOpenChange={setOpen}
        title={t('painPoints.edit')}
        onSubmit={submit}
        isSaving={edit.update.isPending}
        submitLabel={t('caseDetail.save')}
        summary={summaryItems(form.formState.errors, (name) => t('painPoints.rowN', { n: Number(name.split('.')[1] ?? 0) + 1 }))}
        formError={edit.feedback.formError}
        attempt={edit.feedback.attempt}
        conflictTitle={t('caseDetail.conflictTitle')}
        conflict={edit.conflict}
        onReload={() => void edit.reload().then((fresh) => form.reset({ painPoints: painPointsToForm(fresh) }))}
      >
        <PainPointRows form={form} />
      </FormDialog>
    </Section>
  );
}

// ---------------------------------------------------------------- activities

type ActivityOutput = z.output<typeof activityCreateInput>;

export function ActivitiesSection({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const role = useRole();
  const { data: session } = useSession();
  const activities = useActivities(detail.id);
  const save = useSaveActivity(detail.id);
  const remove = useDeleteActivity(detail.id);
  const feedback = useFormFeedback();
  const [editing, setEditing] = useState<Activity | null | undefined>(undefined);
  const [toDelete, setToDelete] = useState<Activity | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const form = useForm<{ activity: ActivityFormValues }, unknown, ActivityOutput>({
    resolver: schemaResolver(activityCreateInput, { toInput: (values: { activity: ActivityFormValues }) => toActivityInput(values.activity), fieldOf: (path) => activityFieldOf(path) }),
    defaultValues: { activity: emptyActivity(session?.user?.id) },
    shouldFocusError: false,
  });
  const canDelete = role === 'admin' || role === 'staff';
  // Only desk staff can be 「対応したスタッフ」: an expert recording their own session starts with nobody ticked.
  const me = canDelete ? session?.user?.id : undefined;
  const open = (activity: Activity | null) => {
    form.reset({ activity: activity ? activityToForm(activity) : emptyActivity(me) });
    feedback.reset();
    save.reset();
    setSaved(null);
    setEditing(activity);
  };
  const submit = form.handleSubmit((values) => {
    const body = editing ? activityUpdateInput.parse({ ...values, version: editing.version }) : values;
    save.mutate(
      { activityId: editing?.id ?? null, body: body as never },
      {
        onSuccess: () => {
          setSaved(editing ? t('activity.updated') : t('activity.added'));
          setEditing(undefined);
        },
        onError: (error) => feedback.onServerError(error, form.setError, t, (path) => activityFieldOf(path)),
      },
    );
  }, feedback.onInvalid);
  const labels: Record<string, string> = {
    'activity.date': t('activity.date'),
    'activity.time': t('activity.time'),
    'activity.channel': t('activity.channel'),
    'activity.minutes': t('activity.minutes'),
    'activity.preparationMinutes': t('activity.preparationMinutes'),
    'activity.travelMinutes': t('activity.travelMinutes'),
    'activity.staffIds': t('activity.staff'),
    'activity.expertIds': t('activity.experts'),
    'activity.notes': t('activity.notes'),
  };
  const items = activities.data?.items ?? [];
  return (
    <Section
      id="activities"
      title={t('activity.title', { count: detail.activityCount })}
      action={
        detail.abilities.addActivity ? (
          <Button size="sm" variant="solid-fill" onClick={() => open(null)}>
            {t('activity.add')}
          </Button>
        ) : null
      }
    >
      <div aria-live="polite">{saved ? <Notice tone="success" title={saved} className="mb-4" /> : null}</div>
      {activities.isPending ? <Loading /> : null}
      {activities.isError ? <LoadError error={activities.error} onRetry={() => void activities.refetch()} /> : null}
      {activities.data && items.length === 0 ? <p className="text-std-16N-170">{t('activity.none')}</p> : null}
      {items.length > 0 ? (
        <ol className="space-y-4">
          {[...items].reverse().map((activity) => (
            <li key={activity.id} className="rounded-12 border border-solid-gray-420 p-4">
              <div className="flex flex-wrap items-start justify-between gap-3">
                <div>
                  <p className="text-std-16B-170">
                    <time dateTime={activity.occurredAt}>{formatDateTime(activity.occurredAt, locale)}</time>
                    {' — '}
                    {deskLabel(t, 'channel', activity.channel)}
                  </p>
                  <p className="text-std-16N-170 text-solid-gray-700">
                    {t('activity.summary', {
                      minutes: formatMinutes(t, activity.minutes),
                      preparation: formatMinutes(t, activity.preparationMinutes),
                      travel: formatMinutes(t, activity.travelMinutes),
                    })}
                  </p>
                  {activity.staff.length + activity.experts.length > 0 ? (
                    <p className="text-std-16N-170 text-solid-gray-700">
                      {t('activity.present', { names: [...activity.staff, ...activity.experts].map((person) => person.name).join('、') })}
                    </p>
                  ) : null}
                  {!activity.reportable ? (
                    <p className="mt-1">
                      <Badge>{t('activity.notReportable')}</Badge>
                    </p>
                  ) : null}
                </div>
                <div className="flex flex-wrap gap-2">
                  {detail.abilities.addActivity ? (
                    <Button size="sm" onClick={() => open(activity)}>
                      {t('activity.edit')}
                      <span className="sr-only">{t('activity.ofDate', { date: formatDateTime(activity.occurredAt, locale) })}</span>
                    </Button>
                  ) : null}
                  {canDelete ? (
                    <Button size="sm" variant="text" onClick={() => setToDelete(activity)}>
                      {t('activity.delete')}
                      <span className="sr-only">{t('activity.ofDate', { date: formatDateTime(activity.occurredAt, locale) })}</span>
                    </Button>
                  ) : null}
                </div>
              </div>
              {activity.notes ? <p className="mt-3 whitespace-pre-wrap text-std-16N-170">{activity.notes}</p> : null}
            </li>
          ))}
        </ol>
      ) : null}
      <FormDialog
        isOpen={editing !== undefined}
        onOpenChange={(isOpen) => !isOpen && setEditing(undefined)}
        title={editing ? t('activity.editTitle') : t('activity.addTitle')}
        onSubmit={submit}
        isSaving={save.isPending}
        submitLabel={editing ? t('caseDetail.save') : t('activity.addSubmit')}
        summary={summaryItems(form.formState.errors, (name) => labels[name] ?? name)}
        formError={feedback.formError}
        attempt={feedback.attempt}
        conflictTitle={t('caseDetail.conflictTitle')}
        conflict={isApiError(save.error) && save.error.code === 'VERSION_CONFLICT'}
        onReload={() => {
          void activities.refetch().then((result) => {
            const latest = result.data?.items.find((item) => item.id === editing?.id);
            if (latest) open(latest);
          });
        }}
      >
        <ActivityFields form={form} />
      </FormDialog>
      <ConfirmDialog
        isOpen={toDelete !== null}
        onOpenChange={(isOpen) => !isOpen && setToDelete(null)}
        title={t('activity.deleteTitle')}
        confirmLabel={t('activity.delete')}
        tone="danger"
        isBusy={remove.isPending}
        onConfirm={() => toDelete && remove.mutate({ activityId: toDelete.id, version: toDelete.version }, { onSuccess: () => setToDelete(null) })}
      >
        <p>{toDelete ? t('activity.deleteBody', { date: formatDateTime(toDelete.occurredAt, locale) }) : ''}</p>
        {remove.isError ? (
          <p role="alert" className="mt-4 text-dns-16N-130 text-error-2">
            ＊{errorMessage(t, remove.error)}
          </p>
        ) : null}
      </ConfirmDialog>
    </Section>
  );
}

// ---------------------------------------------------------------- next actions

export function NextActionsSection({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const add = useAddNextAction(detail.id);
  const update = useUpdateNextAction(detail.id);
  const feedback = useFormFeedback();
  const today = japanToday();
  const canWork = detail.abilities.addActivity;
  const form = useForm<{ title: string; dueOn: string; assigneeId: string }, unknown, z.output<typeof nextActionCreateInput>>({
    resolver: schemaResolver(nextActionCreateInput, { toInput: (values: { title: string; dueOn: string; assigneeId: string }) => ({ ...values, assigneeId: values.assigneeId || null }) }),
    defaultValues: { title: '', dueOn: '', assigneeId: detail.coordinator?.id ?? '' },
    shouldFocusError: false,
  });
  const { errors } = form.formState;
  const submit = form.handleSubmit(
    (values) =>
      add.mutate(values, {
        onSuccess: () => {
          form.reset({ title: '', dueOn: '', assigneeId: detail.coordinator?.id ?? '' });
          feedback.reset();
        },
        onError: (error) => feedback.onServerError(error, form.setError, t),
      }),
    feedback.onInvalid,
  );
  const open = detail.nextActions.filter((item) => !item.doneAt);
  const done = detail.nextActions.filter((item) => item.doneAt);
  const people = [detail.coordinator, ...detail.participants.filter((participant) => participant.kind === 'expert').map((participant) => participant.user)].filter(
    (person, index, all): person is NonNullable<typeof person> => person !== null && all.findIndex((other) => other?.id === person.id) === index,
  );
  return (
    <Section id="next-actions" title={t('nextActions.title')}>
      {open.length === 0 ? <p className="mb-4 text-std-16N-170">{t('nextActions.none')}</p> : null}
      {open.length > 0 ? (
        <ul className="mb-6 space-y-3">
          {open.map((item) => {
            const overdue = item.dueOn < today;
            return (
              <li key={item.id} className={`flex flex-wrap items-center justify-between gap-3 rounded-12 border p-4 ${overdue ? 'border-2 border-error-2 bg-red-50' : 'border-solid-gray-420'}`}>
                <div>
                  <p className="text-std-16B-170">{item.title}</p>
                  <p className="text-std-16N-170 text-solid-gray-800">
                    {t('nextActions.due')}: <DateText iso={item.dueOn} compact />
                    {overdue ? <span className="ml-2 font-bold text-error-2">{t('nextActions.overdue')}</span> : null}
                    {item.assignee ? <span className="ml-2">／ {item.assignee.name}</span> : null}
                  </p>
                </div>
                {canWork ? (
                  <Button size="sm" isBusy={update.isPending && update.variables?.itemId === item.id} onClick={() => update.mutate({ itemId: item.id, version: item.version, done: true })}>
                    {t('nextActions.markDone')}
                    <span className="sr-only">{t('nextActions.ofItem', { title: item.title })}</span>
                  </Button>
                ) : null}
              </li>
            );
          })}
        </ul>
      ) : null}
      {update.isError ? (
        <p role="alert" className="mb-4 text-dns-16N-130 text-error-2">
          ＊{errorMessage(t, update.error)}
        </p>
      ) : null}
      {done.length > 0 ? (
        <details className="mb-6">
          <summary className="inline-flex min-h-11 cursor-pointer items-center text-std-16B-170 text-blue-1000 underline focus-visible:bg-yellow-300 focus-visible:outline focus-visible:outline-4 focus-visible:outline-black">
            {t('nextActions.doneItems', { count: done.length })}
          </summary>
          <ul className="mt-2 list-disc space-y-1 pl-6 text-std-16N-170">
            {done.map((item) => (
              <li key={item.id}>
                {item.title}（{t('nextActions.doneOn', { date: formatDateTime(item.doneAt ?? '', currentLocale()) })}）
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {canWork ? (
        <form noValidate onSubmit={(event) => void submit(event)} aria-labelledby="next-action-add-heading" className="rounded-12 border border-solid-gray-420 bg-solid-gray-50 p-4 sm:p-6">
          <h3 id="next-action-add-heading" className="mb-4 text-std-17B-170">
            {t('nextActions.add')}
          </h3>
          {feedback.formError ? (
            <p role="alert" className="mb-4 text-dns-16N-130 text-error-2">
              ＊{feedback.formError}
            </p>
          ) : null}
          <div className="grid grid-cols-1 gap-6 md:grid-cols-[2fr_1fr_1fr]">
            <FormField name="nextTitle" label={t('nextActions.itemTitle')} required error={errors.title?.message}>
              {(control) => <TextInput {...control} {...form.register('title')} />}
            </FormField>
            <FormField name="dueOn" label={t('nextActions.due')} required error={errors.dueOn?.message}>
              {(control) => <TextInput {...control} {...form.register('dueOn')} type="date" />}
            </FormField>
            <FormField name="assigneeId" label={t('nextActions.assignee')} error={errors.assigneeId?.message}>
              {(control) => (
                <SelectInput {...control} {...form.register('assigneeId')}>
                  <option value="">{t('nextActions.noAssignee')}</option>
                  {people.map((person) => (
                    <option key={person.id} value={person.id}>
                      {person.name}
                    </option>
                  ))}
                </SelectInput>
              )}
            </FormField>
          </div>
          <Button type="submit" className="mt-4" isBusy={add.isPending}>
            {t('nextActions.addSubmit')}
          </Button>
        </form>
      ) : null}
    </Section>
  );
}

// ---------------------------------------------------------------- follow-ups

interface FollowUpValues {
  status: 'done' | 'skipped';
  recordedOn: string;
  toolAdopted: string;
  toolName: string;
  processDigitised: string;
  subsidyApplied: string;
  subsidyAdopted: string;
  dxCertified: string;
  hoursSavedPerMonth: string;
  salesChange: string;
  salesChangePercent: string;
  notes: string;
}
const emptyFollowUp: FollowUpValues = {
  status: 'done',
  recordedOn: '',
  toolAdopted: '',
  toolName: '',
  processDigitised: '',
  subsidyApplied: '',
  subsidyAdopted: '',
  dxCertified: '',
  hoursSavedPerMonth: '',
  salesChange: '',
  salesChangePercent: '',
  notes: '',
};
const yesNo = (value: string) => (value === 'yes' ? true : value === 'no' ? false : null);
const followUpSchema = followUpRecordInput.omit({ version: true });

export function FollowUpsSection({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const [recording, setRecording] = useState<FollowUp | null>(null);
  const record = useRecordFollowUp(detail.id);
  const feedback = useFormFeedback();
  const queryClient = useQueryClient();
  const today = japanToday();
  const form = useForm<FollowUpValues, unknown, z.output<typeof followUpSchema>>({
    resolver: schemaResolver(followUpSchema, {
      toInput: (values: FollowUpValues) => ({
        status: values.status,
        recordedOn: values.recordedOn || undefined,
        toolAdopted: yesNo(values.toolAdopted),
        toolName: values.toolName,
        processDigitised: yesNo(values.processDigitised),
        subsidyApplied: yesNo(values.subsidyApplied),
        subsidyAdopted: yesNo(values.subsidyAdopted),
        dxCertified: yesNo(values.dxCertified),
        hoursSavedPerMonth: toNumber(values.hoursSavedPerMonth, null),
        salesChange: values.salesChange || null,
        salesChangePercent: toNumber(values.salesChangePercent, null),
        notes: values.notes,
      }),
    }),
    defaultValues: emptyFollowUp,
    shouldFocusError: false,
  });
  const { errors } = form.formState;
  const submit = form.handleSubmit(
    (values) => {
      if (!recording) return;
      record.mutate(
        { itemId: recording.id, version: recording.version, ...values },
        {
          onSuccess: () => setRecording(null),
          onError: (error) => {
            if (isApiError(error) && error.code === 'VERSION_CONFLICT') void queryClient.invalidateQueries({ queryKey: caseKeys.detail(detail.id) });
            feedback.onServerError(error, form.setError, t);
          },
        },
      );
    },
    feedback.onInvalid,
  );
  const questions: { name: keyof FollowUpValues; label: string }[] = [
    { name: 'toolAdopted', label: t('followUps.toolAdopted') },
    { name: 'processDigitised', label: t('followUps.processDigitised') },
    { name: 'subsidyApplied', label: t('followUps.subsidyApplied') },
    { name: 'subsidyAdopted', label: t('followUps.subsidyAdopted') },
    { name: 'dxCertified', label: t('followUps.dxCertified') },
  ];
  const labels: Record<string, string> = Object.fromEntries([
    ...questions.map((question) => [question.name, question.label]),
    ['recordedOn', t('followUps.recordedOn')],
    ['toolName', t('followUps.toolName')],
    ['hoursSavedPerMonth', t('followUps.hoursSaved')],
    ['salesChange', t('followUps.salesChange')],
    ['salesChangePercent', t('followUps.salesChangePercent')],
    ['notes', t('followUps.notes')],
  ]);
  return (
    <Section id="follow-ups" title={t('followUps.sectionTitle')}>
      {detail.followUps.length === 0 ? (
        <p className="text-std-16N-170">{t('followUps.noneYet')}</p>
      ) : (
        <DataTable caption={t('followUps.caption')} captionHidden>
          <ColumnHeaders columns={[t('followUps.when'), t('followUps.dueOn'), t('followUps.status'), t('followUps.result'), t('followUps.actions')]} />
          <tbody>
            {detail.followUps.map((item) => {
              const overdue = item.status === 'scheduled' && item.dueOn < today;
              return (
                <tr key={item.id} className={bodyRowClass}>
                  <th scope="row" className={`${thClass} whitespace-nowrap font-normal`}>
                    {t('followUps.monthsAfter', { count: item.monthsAfter })}
                  </th>
                  <td className={tdClass}>
                    <DateText iso={item.dueOn} compact />
                    {overdue ? <span className="mt-1 block text-dns-14B-130 text-error-2">{t('followUps.overdue')}</span> : null}
                  </td>
                  <td className={tdClass}>
                    <Badge tone={item.status === 'done' ? 'success' : item.status === 'scheduled' ? 'info' : 'neutral'}>{deskLabel(t, 'followUpStatus', item.status)}</Badge>
                  </td>
                  <td className={`${tdClass} min-w-48`}>{item.status === 'done' ? <FollowUpResult item={item} /> : ''}</td>
                  <td className={tdClass}>
                    {item.status === 'scheduled' && detail.abilities.addActivity ? (
                      <Button
                        size="sm"
                        onClick={() => {
                          form.reset({ ...emptyFollowUp, recordedOn: today });
                          feedback.reset();
                          record.reset();
                          setRecording(item);
                        }}
                      >
                        {t('followUps.record')}
                        <span className="sr-only">{t('followUps.monthsAfter', { count: item.monthsAfter })}</span>
                      </Button>
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </DataTable>
      )}
      <FormDialog
        isOpen={recording !== null}
        onOpenChange={(isOpen) => !isOpen && setRecording(null)}
        title={recording ? t('followUps.recordTitle', { count: recording.monthsAfter }) : ''}
        onSubmit={submit}
        isSaving={record.isPending}
        submitLabel={t('followUps.recordSubmit')}
        summary={summaryItems(errors, (name) => labels[name] ?? name)}
        formError={feedback.formError}
        attempt={feedback.attempt}
      >
        <FieldGroup name="status" legend={t('followUps.outcome')} required>
          <div className="flex flex-wrap gap-x-6">
            <Radio value="done" {...form.register('status')}>
              {t('followUps.statusDone')}
            </Radio>
            <Radio value="skipped" {...form.register('status')}>
              {t('followUps.statusSkipped')}
            </Radio>
          </div>
        </FieldGroup>
        <FormField name="recordedOn" label={t('followUps.recordedOn')} error={errors.recordedOn?.message}>
          {(control) => <TextInput {...control} {...form.register('recordedOn')} type="date" className="max-w-56" />}
        </FormField>
        {questions.map((question) => (
          <FieldGroup key={question.name} name={question.name} legend={question.label} required={false}>
            <div className="flex flex-wrap gap-x-6">
              <Radio value="yes" {...form.register(question.name)}>
                {t('common.yes')}
              </Radio>
              <Radio value="no" {...form.register(question.name)}>
                {t('common.no')}
              </Radio>
              <Radio value="" {...form.register(question.name)}>
                {t('followUps.unknown')}
              </Radio>
            </div>
          </FieldGroup>
        ))}
        <FormField name="toolName" label={t('followUps.toolName')} support={t('followUps.toolNameSupport')} error={errors.toolName?.message}>
          {(control) => <TextInput {...control} {...form.register('toolName')} />}
        </FormField>
        <div className="grid grid-cols-1 gap-6 sm:grid-cols-3">
          <FormField name="hoursSavedPerMonth" label={t('followUps.hoursSaved')} error={errors.hoursSavedPerMonth?.message}>
            {(control) => <TextInput {...control} {...form.register('hoursSavedPerMonth')} inputMode="decimal" />}
          </FormField>
          <FormField name="salesChange" label={t('followUps.salesChange')} error={errors.salesChange?.message}>
            {(control) => (
              <SelectInput {...control} {...form.register('salesChange')}>
                <option value="">{t('common.notSelected')}</option>
                {salesChanges.map((change) => (
                  <option key={change} value={change}>
                    {deskLabel(t, 'salesChange', change)}
                  </option>
                ))}
              </SelectInput>
            )}
          </FormField>
          <FormField name="salesChangePercent" label={t('followUps.salesChangePercent')} error={errors.salesChangePercent?.message}>
            {(control) => <TextInput {...control} {...form.register('salesChangePercent')} inputMode="decimal" />}
          </FormField>
        </div>
        <FormField name="notes" label={t('followUps.notes')} error={errors.notes?.message}>
          {(control) => <TextArea {...control} {...form.register('notes')} rows={3} />}
        </FormField>
      </FormDialog>
    </Section>
  );
}

function FollowUpResult({ item }: { item: FollowUp }) {
  const { t } = useTranslation();
  const parts = [
    item.toolAdopted ? t('followUps.resultTool', { name: item.toolName ?? '' }) : null,
    item.processDigitised ? t('followUps.processDigitised') : null,
    item.subsidyAdopted ? t('followUps.subsidyAdopted') : item.subsidyApplied ? t('followUps.subsidyApplied') : null,
    item.dxCertified ? t('followUps.dxCertified') : null,
    item.hoursSavedPerMonth !== null ? t('followUps.resultHours', { hours: item.hoursSavedPerMonth }) : null,
    item.salesChange ? `${t('followUps.salesChange')}: ${deskLabel(t, 'salesChange', item.salesChange)}` : null,
  ].filter(Boolean);
  return <span className="text-dns-14N-130">{parts.join('／') || t('followUps.recordedNoDetail')}</span>;
}

// ---------------------------------------------------------------- attachments

export function AttachmentsSection({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const upload = useUploadAttachment(detail.id);
  const remove = useDeleteAttachment(detail.id);
  const [purpose, setPurpose] = useState<AttachmentPurpose>('other');
  const [fileError, setFileError] = useState<string | undefined>();
  const [toDelete, setToDelete] = useState<CaseDetail['attachments'][number] | null>(null);
  const [downloadError, setDownloadError] = useState<string | null>(null);
  const [uploaded, setUploaded] = useState<string | null>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const size = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setUploaded(null);
    const file = fileRef.current?.files?.[0];
    if (!file) {
      setFileError(t('attachments.chooseFile'));
      fileRef.current?.focus();
      return;
    }
    if (file.size > ATTACHMENT_LIMIT_BYTES) {
      setFileError(t('attachments.tooLarge'));
      fileRef.current?.focus();
      return;
    }
    setFileError(undefined);
    upload.mutate(
      { file, purpose },
      {
        onSuccess: () => {
          setUploaded(t('attachments.uploaded', { name: file.name }));
          if (fileRef.current) fileRef.current.value = '';
        },
        onError: (error) => {
          const field = isApiError(error) ? error.fields[0] : undefined;
          setFileError(field ? fieldMessage(t, field) : errorMessage(t, error));
          fileRef.current?.focus();
        },
      },
    );
  };
  return (
    <Section id="attachments" title={t('attachments.title')}>
      <div aria-live="polite">{uploaded ? <Notice tone="success" title={uploaded} className="mb-4" /> : null}</div>
      {detail.attachments.length === 0 ? (
        <p className="mb-6 text-std-16N-170">{t('attachments.none')}</p>
      ) : (
        <DataTable caption={t('attachments.caption')} captionHidden className="mb-6">
          <ColumnHeaders columns={[t('attachments.fileName'), t('attachments.purpose'), { label: t('attachments.size'), end: true }, t('attachments.uploadedAt'), t('attachments.actions')]} />
          <tbody>
            {detail.attachments.map((item) => (
              <tr key={item.id} className={bodyRowClass}>
                <th scope="row" className={`${thClass} break-all font-normal`}>
                  {item.fileName}
                </th>
                <td className={tdClass}>{deskLabel(t, 'attachmentPurpose', item.purpose)}</td>
                <td className={`${tdClass} text-end tabular-nums whitespace-nowrap`}>{size(item.sizeBytes)}</td>
                <td className={tdClass}>
                  {formatDateTime(item.uploadedAt, locale)}
                  {item.uploadedBy ? <span className="block text-dns-14N-130 text-solid-gray-700">{item.uploadedBy.name}</span> : null}
                </td>
                <td className={tdClass}>
                  <div className="flex flex-wrap gap-2">
                    <Button
                      size="sm"
                      onClick={() => {
                        setDownloadError(null);
                        downloadAttachment(detail.id, item.id, item.fileName).catch((error: unknown) => setDownloadError(errorMessage(t, error)));
                      }}
                    >
                      {t('attachments.download')}
                      <span className="sr-only">{item.fileName}</span>
                    </Button>
                    {detail.abilities.attach ? (
                      <Button size="sm" variant="text" onClick={() => setToDelete(item)}>
                        {t('attachments.delete')}
                        <span className="sr-only">{item.fileName}</span>
                      </Button>
                    ) : null}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
      {downloadError ? (
        <p role="alert" className="mb-4 text-dns-16N-130 text-error-2">
          ＊{downloadError}
        </p>
      ) : null}
      {detail.abilities.attach ? (
        <form noValidate onSubmit={submit} aria-labelledby="attach-heading" className="rounded-12 border border-solid-gray-420 bg-solid-gray-50 p-4 sm:p-6">
          <h3 id="attach-heading" className="mb-2 text-std-17B-170">
            {t('attachments.add')}
          </h3>
          <p className="mb-4 text-std-16N-170 text-solid-gray-700">{t('attachments.rules')}</p>
          <div className="grid grid-cols-1 gap-6 md:grid-cols-[1fr_2fr]">
            <FormField name="purpose" label={t('attachments.purpose')}>
              {(control) => (
                <SelectInput {...control} value={purpose} onChange={(event) => setPurpose(event.target.value as AttachmentPurpose)}>
                  {attachmentPurposes.map((value) => (
                    <option key={value} value={value}>
                      {deskLabel(t, 'attachmentPurpose', value)}
                    </option>
                  ))}
                </SelectInput>
              )}
            </FormField>
            <FormField name="file" label={t('attachments.file')} required support={t('attachments.fileSupport')} error={fileError}>
              {(control) => <input {...control} ref={fileRef} type="file" accept={ATTACHMENT_ACCEPT} className="min-h-14 w-full rounded-8 border border-solid-gray-600 bg-white px-4 py-3 text-std-16N-170 focus:outline focus:outline-4 focus:outline-black focus:ring-2 focus:ring-yellow-300" />}
            </FormField>
          </div>
          <Button type="submit" className="mt-4" isBusy={upload.isPending}>
            {t('attachments.upload')}
          </Button>
        </form>
      ) : null}
      <ConfirmDialog
        isOpen={toDelete !== null}
        onOpenChange={(isOpen) => !isOpen && setToDelete(null)}
        title={t('attachments.deleteTitle')}
        confirmLabel={t('attachments.delete')}
        tone="danger"
        isBusy={remove.isPending}
        onConfirm={() => toDelete && remove.mutate(toDelete.id, { onSuccess: () => setToDelete(null) })}
      >
        <p>{t('attachments.deleteBody', { name: toDelete?.fileName ?? '' })}</p>
        {remove.isError ? (
          <p role="alert" className="mt-4 text-dns-16N-130 text-error-2">
            ＊{errorMessage(t, remove.error)}
          </p>
        ) : null}
      </ConfirmDialog>
    </Section>
  );
}

// ---------------------------------------------------------------- history (admins)

export function HistorySection({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const history = useCaseHistory(caseId, true);
  return (
    <Section id="history" title={t('caseDetail.history')}>
      {history.isPending ? <Loading /> : null}
      {history.isError ? <LoadError error={history.error} /> : null}
      {history.data?.items.length === 0 ? <p className="text-std-16N-170">{t('audit.empty')}</p> : null}
      <ol className="space-y-4">
        {history.data?.items.slice(0, 5).map((event) => (
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
        <TextLink to="/admin/audit" search={{ entityType: 'case', entityId: caseId }}>
          {t('caseDetail.allHistory')}
        </TextLink>
      </p>
    </Section>
  );
}

