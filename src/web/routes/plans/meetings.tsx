import { useState } from 'react';
import { type UseFormReturn, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import {
  type MeetingCreateInput,
  type MeetingUpdateInput,
  type OpinionCreateInput,
  meetingCreateInput,
  meetingUpdateInput,
  opinionCreateInput,
} from '../../../shared/schemas/plan';
import { Button } from '../../components/Button';
import { DateText } from '../../components/DateText';
import { Badge, LoadError, Loading } from '../../components/Feedback';
import { Checkbox, FieldGroup, FormField, TextArea, TextInput } from '../../components/FormField';
import { Notice } from '../../components/Notice';
import { TextLink } from '../../components/TextLink';
import { FormDialog } from '../../components/FormDialog';
import { isConflict, runMutation, showServerError } from '../../features/plans/plan-errors';
import { nodeTitle } from '../../features/plans/plan-format';
import {
  type Meeting,
  type Opinion,
  type Plan,
  type PlanNode,
  useCreateMeeting,
  useCreateOpinion,
  useMeetings,
  usePlanTree,
  useUpdateMeeting,
  useUpdateOpinion,
} from '../../features/plans/plans.api';
import { japanToday } from '../../lib/dates';
import { schemaResolver } from '../../lib/form';
import { summaryItems, useFormFeedback } from '../../lib/use-form-feedback';
import { useLoadedPlan } from './plan-layout';

type Dialog = { kind: 'meeting' } | { kind: 'editMeeting'; meetingId: string } | { kind: 'opinion'; meeting: Meeting } | { kind: 'response'; opinion: Opinion } | null;

/**
 * 委員会: committee meetings on the plan, the opinions voiced there with the nodes they concern, and the
 * response to each (対応方針). Public meetings appear on the plan's public page.
 */
export function MeetingsPage() {
  const { t } = useTranslation();
  const { planId, plan } = useLoadedPlan();
  const meetings = useMeetings(planId);
  const tree = usePlanTree(planId);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [message, setMessage] = useState<string | null>(null);
  if (!plan) return null;
  const nodes = tree.data?.nodes ?? [];
  const canEdit = plan.abilities.edit;
  const saved = (text: string) => {
    setDialog(null);
    setMessage(text);
  };
  // The meeting being changed as last loaded: after a conflict, loading the latest gives the dialog its version.
  const editing = dialog?.kind === 'editMeeting' ? meetings.data?.items.find((meeting) => meeting.id === dialog.meetingId) : undefined;
  return (
    <>
      <p className="mb-6 max-w-4xl text-std-16N-170 text-solid-gray-700">{t('plans.meetings.lead')}</p>
      {message ? <Notice tone="success" title={message} live="polite" className="mb-6" /> : null}
      {canEdit ? (
        <Button variant="solid-fill" className="mb-8" onClick={() => setDialog({ kind: 'meeting' })}>
          {t('plans.meetings.add')}
        </Button>
      ) : null}
      {meetings.isPending ? <Loading /> : null}
      {meetings.isError ? <LoadError error={meetings.error} onRetry={() => void meetings.refetch()} /> : null}
      {meetings.data && meetings.data.items.length === 0 ? <p className="text-std-16N-170">{t('plans.meetings.empty')}</p> : null}
      <ol className="space-y-8">
        {meetings.data?.items.map((meeting) => (
          <li key={meeting.id}>
            <MeetingView
              plan={plan}
              meeting={meeting}
              nodes={nodes}
              canEdit={canEdit}
              onEdit={() => {
                setMessage(null);
                setDialog({ kind: 'editMeeting', meetingId: meeting.id });
              }}
              onAddOpinion={() => {
                setMessage(null);
                setDialog({ kind: 'opinion', meeting });
              }}
              onRespond={(opinion) => {
                setMessage(null);
                setDialog({ kind: 'response', opinion });
              }}
            />
          </li>
        ))}
      </ol>
      {dialog?.kind === 'meeting' ? <MeetingDialog plan={plan} onClose={() => setDialog(null)} onSaved={(meeting) => saved(t('plans.meetings.added', { title: meeting.title }))} /> : null}
      {editing ? (
        <MeetingEditDialog
          meeting={editing}
          onClose={() => setDialog(null)}
          onSaved={(meeting) => saved(t('plans.meetings.updated', { title: meeting.title }))}
          onReload={async () => (await meetings.refetch()).data?.items.find((meeting) => meeting.id === editing.id)}
        />
      ) : null}
      {dialog?.kind === 'opinion' ? <OpinionDialog meeting={dialog.meeting} nodes={nodes} onClose={() => setDialog(null)} onSaved={() => saved(t('plans.meetings.opinionAdded', { title: dialog.meeting.title }))} /> : null}
      {dialog?.kind === 'response' ? (
        <ResponseDialog
          // A newer version (after a conflict) starts the dialog afresh with what is saved now.
          key={dialog.opinion.version}
          opinion={dialog.opinion}
          onClose={() => setDialog(null)}
          onSaved={() => saved(t('plans.meetings.responseSaved'))}
          onReload={async () => {
            const latest = (await meetings.refetch()).data?.items.flatMap((meeting) => meeting.opinions).find((opinion) => opinion.id === dialog.opinion.id);
            setDialog(latest ? { kind: 'response', opinion: latest } : null);
          }}
        />
      ) : null}
    </>
  );
}

function MeetingView({
  plan,
  meeting,
  nodes,
  canEdit,
  onEdit,
  onAddOpinion,
  onRespond,
}: {
  plan: Plan;
  meeting: Meeting;
  nodes: PlanNode[];
  canEdit: boolean;
  onEdit: () => void;
  onAddOpinion: () => void;
  onRespond: (opinion: Opinion) => void;
}) {
  const { t } = useTranslation();
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const headingId = `meeting-${meeting.id}`;
  return (
    <section aria-labelledby={headingId} className="rounded-12 border border-solid-gray-420 p-4 sm:p-6">
      <h2 id={headingId} className="text-std-20B-150">
        {meeting.title}
      </h2>
      <p className="mt-1 flex flex-wrap items-center gap-3 text-std-16N-170 text-solid-gray-800">
        <DateText iso={meeting.heldOn} />
        {meeting.isPublic ? <Badge tone="success">{t('plans.meetings.public')}</Badge> : <Badge>{t('plans.meetings.private')}</Badge>}
      </p>
      {meeting.summary ? <p className="mt-3 whitespace-pre-wrap text-std-16N-170">{meeting.summary}</p> : null}
      {canEdit ? (
        <Button size="sm" className="mt-3" onClick={onEdit}>
          {t('plans.meetings.edit')}
          <span className="sr-only">: {meeting.title}</span>
        </Button>
      ) : null}
      <h3 className="mt-6 text-std-17B-170">{t('plans.meetings.opinions', { count: meeting.opinions.length })}</h3>
      {meeting.opinions.length === 0 ? <p className="mt-1 text-std-16N-170 text-solid-gray-700">{t('plans.meetings.noOpinions')}</p> : null}
      <ol className="mt-3 space-y-4">
        {meeting.opinions.map((opinion, index) => (
          <li key={opinion.id} className="rounded-8 bg-solid-gray-50 p-4">
            <p className="text-std-16B-170">
              {t('plans.meetings.opinionNumber', { n: index + 1 })}
              {opinion.speaker ? `（${opinion.speaker}）` : ''}
            </p>
            <p className="mt-1 whitespace-pre-wrap text-std-16N-170">{opinion.body}</p>
            {opinion.nodeIds.length > 0 ? (
              <p className="mt-2 text-std-16N-170">
                <span className="text-solid-gray-700">{t('plans.meetings.concerns')}: </span>
                {opinion.nodeIds.map((id, nodeIndex) => {
                  const node = byId.get(id);
                  return (
                    <span key={id}>
                      {nodeIndex > 0 ? '、' : ''}
                      {node ? (
                        <TextLink to="/plans/$planId/indicators" params={{ planId: plan.id }} search={{ nodeId: id }}>
                          {nodeTitle(node)}
                        </TextLink>
                      ) : (
                        t('plans.meetings.removedNode')
                      )}
                    </span>
                  );
                })}
              </p>
            ) : null}
            <div className="mt-3 border-l-4 border-blue-900 pl-3">
              <p className="text-std-16B-170">{t('plans.meetings.response')}</p>
              <p className="whitespace-pre-wrap text-std-16N-170">{opinion.response || t('plans.meetings.noResponse')}</p>
            </div>
            {canEdit ? (
              <Button size="sm" className="mt-3" onClick={() => onRespond(opinion)}>
                {opinion.response ? t('plans.meetings.editResponse') : t('plans.meetings.addResponse')}
                <span className="sr-only">: {t('plans.meetings.opinionNumber', { n: index + 1 })}</span>
              </Button>
            ) : null}
          </li>
        ))}
      </ol>
      {canEdit ? (
        <Button size="sm" className="mt-4" onClick={onAddOpinion}>
          {t('plans.meetings.addOpinion')}
          <span className="sr-only">: {meeting.title}</span>
        </Button>
      ) : null}
    </section>
  );
}

interface MeetingFormValues {
  title: string;
  heldOn: string;
  summary: string;
  isPublic: boolean;
}

function meetingLabels(t: ReturnType<typeof useTranslation>['t']): Record<string, string> {
  return { title: t('plans.meetings.title'), heldOn: t('plans.meetings.heldOn'), summary: t('plans.meetings.summary'), isPublic: t('plans.meetings.isPublic') };
}

/** The inputs of a meeting, new or changed. */
function MeetingFields<TOutput>({ form }: { form: UseFormReturn<MeetingFormValues, unknown, TOutput> }) {
  const { t } = useTranslation();
  const labels = meetingLabels(t);
  const { register, formState } = form;
  const { errors } = formState;
  return (
    <>
      <FormField name="title" label={labels.title} required support={t('plans.meetings.titleSupport')} error={errors.title?.message}>
        {(control) => <TextInput {...control} {...register('title')} />}
      </FormField>
      <FormField name="heldOn" label={labels.heldOn} required error={errors.heldOn?.message}>
        {(control) => <TextInput {...control} {...register('heldOn')} type="date" className="max-w-xs" />}
      </FormField>
      <FormField name="summary" label={labels.summary} error={errors.summary?.message}>
        {(control) => <TextArea {...control} {...register('summary')} rows={4} />}
      </FormField>
      <FieldGroup name="isPublic" legend={labels.isPublic} required={false} support={t('plans.meetings.isPublicSupport')}>
        <Checkbox {...register('isPublic')}>{t('plans.meetings.isPublicLabel')}</Checkbox>
      </FieldGroup>
    </>
  );
}

function MeetingDialog({ plan, onClose, onSaved }: { plan: Plan; onClose: () => void; onSaved: (meeting: Meeting) => void }) {
  const { t } = useTranslation();
  const create = useCreateMeeting(plan.id);
  const feedback = useFormFeedback();
  const form = useForm<MeetingFormValues, unknown, MeetingCreateInput>({
    resolver: schemaResolver<MeetingFormValues, MeetingCreateInput>(meetingCreateInput),
    defaultValues: { title: '', heldOn: japanToday(), summary: '', isPublic: false },
    shouldFocusError: false,
  });
  const labels = meetingLabels(t);
  const onSubmit = form.handleSubmit((values) => {
    feedback.reset();
    runMutation(create, values, { onSuccess: onSaved, onError: (error) => showServerError(feedback, error, form.setError, t, (path) => (path in labels ? path : null)) });
  }, feedback.onInvalid);
  return (
    <FormDialog
      isOpen
      onOpenChange={(open) => (open ? undefined : onClose())}
      title={t('plans.meetings.addTitle')}
      onSubmit={onSubmit}
      isSaving={create.isPending}
      submitLabel={t('plans.meetings.addSubmit')}
      summary={summaryItems(form.formState.errors, (name) => labels[name] ?? name)}
      formError={feedback.formError}
      attempt={feedback.attempt}
    >
      <MeetingFields form={form} />
    </FormDialog>
  );
}

function meetingToForm(meeting: Meeting): MeetingFormValues {
  return { title: meeting.title, heldOn: meeting.heldOn, summary: meeting.summary, isPublic: meeting.isPublic };
}

/**
 * Changes a meeting's title, date, summary or whether it is public. When somebody saved first, the latest
 * version can be loaded into the open dialog (replacing what was typed, as the notice says).
 */
function MeetingEditDialog({
  meeting,
  onClose,
  onSaved,
  onReload,
}: {
  meeting: Meeting;
  onClose: () => void;
  onSaved: (meeting: Meeting) => void;
  onReload: () => Promise<Meeting | undefined>;
}) {
  const { t } = useTranslation();
  const update = useUpdateMeeting();
  const feedback = useFormFeedback();
  const [conflict, setConflict] = useState(false);
  const form = useForm<MeetingFormValues, unknown, MeetingUpdateInput>({
    // The version of the meeting as shown: after loading the latest, the latest's.
    resolver: schemaResolver<MeetingFormValues, MeetingUpdateInput>(meetingUpdateInput, { toInput: (values) => ({ ...values, version: meeting.version }) }),
    defaultValues: meetingToForm(meeting),
    shouldFocusError: false,
  });
  const labels = meetingLabels(t);
  const onSubmit = form.handleSubmit((values) => {
    feedback.reset();
    setConflict(false);
    runMutation(
      update,
      { id: meeting.id, ...values },
      {
        onSuccess: onSaved,
        onError: (error) => {
          if (isConflict(error)) setConflict(true);
          else showServerError(feedback, error, form.setError, t, (path) => (path in labels ? path : null));
        },
      },
    );
  }, feedback.onInvalid);
  const reload = () =>
    void onReload().then((latest) => {
      if (latest) form.reset(meetingToForm(latest));
      setConflict(false);
      form.setFocus('title');
    });
  return (
    <FormDialog
      isOpen
      onOpenChange={(open) => (open ? undefined : onClose())}
      title={t('plans.meetings.editTitle')}
      onSubmit={onSubmit}
      isSaving={update.isPending}
      submitLabel={t('plans.meetings.editSubmit')}
      summary={summaryItems(form.formState.errors, (name) => labels[name] ?? name)}
      formError={feedback.formError}
      attempt={feedback.attempt}
      conflict={conflict}
      onReload={reload}
    >
      <MeetingFields form={form} />
    </FormDialog>
  );
}

interface OpinionFormValues {
  nodeIds: string[];
  speaker: string;
  body: string;
  response: string;
}

function OpinionDialog({ meeting, nodes, onClose, onSaved }: { meeting: Meeting; nodes: PlanNode[]; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const create = useCreateOpinion();
  const feedback = useFormFeedback();
  const form = useForm<OpinionFormValues, unknown, OpinionCreateInput>({
    resolver: schemaResolver<OpinionFormValues, OpinionCreateInput>(opinionCreateInput, { fieldOf: (path) => path.split('.')[0] ?? path }),
    defaultValues: { nodeIds: [], speaker: '', body: '', response: '' },
    shouldFocusError: false,
  });
  const { errors } = form.formState;
  const labels: Record<string, string> = { nodeIds: t('plans.meetings.nodes'), speaker: t('plans.meetings.speaker'), body: t('plans.meetings.body'), response: t('plans.meetings.response') };
  const onSubmit = form.handleSubmit((values) => {
    feedback.reset();
    runMutation(create, 
      { meetingId: meeting.id, ...values },
      {
        onSuccess: onSaved,
        onError: (error) =>
          showServerError(feedback, error, form.setError, t, (path) => {
            const head = path.split('.')[0] ?? '';
            return head in labels ? head : null;
          }),
      },
    );
  }, feedback.onInvalid);
  return (
    <FormDialog
      isOpen
      onOpenChange={(open) => (open ? undefined : onClose())}
      title={t('plans.meetings.opinionTitle', { title: meeting.title })}
      onSubmit={onSubmit}
      isSaving={create.isPending}
      submitLabel={t('plans.meetings.opinionSubmit')}
      summary={summaryItems(errors, (name) => labels[name] ?? name)}
      formError={feedback.formError}
      attempt={feedback.attempt}
    >
      <FormField name="speaker" label={labels.speaker} support={t('plans.meetings.speakerSupport')} error={errors.speaker?.message}>
        {(control) => <TextInput {...control} {...form.register('speaker')} className="max-w-md" />}
      </FormField>
      <FormField name="body" label={labels.body} required error={errors.body?.message}>
        {(control) => <TextArea {...control} {...form.register('body')} rows={4} />}
      </FormField>
      <FieldGroup name="nodeIds" legend={labels.nodes} required={false} support={t('plans.meetings.nodesSupport')} error={errors.nodeIds?.message}>
        {nodes.length === 0 ? <p className="text-std-16N-170">{t('plans.meetings.noNodes')}</p> : null}
        <div className="max-h-72 overflow-y-auto rounded-8 border border-solid-gray-420 px-3">
          {nodes.map((node) => (
            <Checkbox key={node.id} value={node.id} {...form.register('nodeIds')} className={node.depth > 0 ? 'ml-6' : ''}>
              {node.level} {nodeTitle(node)}
            </Checkbox>
          ))}
        </div>
      </FieldGroup>
      <FormField name="response" label={labels.response} support={t('plans.meetings.responseSupport')} error={errors.response?.message}>
        {(control) => <TextArea {...control} {...form.register('response')} rows={3} />}
      </FormField>
    </FormDialog>
  );
}

function ResponseDialog({ opinion, onClose, onSaved, onReload }: { opinion: Opinion; onClose: () => void; onSaved: () => void; onReload: () => Promise<void> }) {
  const { t } = useTranslation();
  const update = useUpdateOpinion();
  const feedback = useFormFeedback();
  const [conflict, setConflict] = useState(false);
  const form = useForm<{ response: string }>({ defaultValues: { response: opinion.response }, shouldFocusError: false });
  const { errors } = form.formState;
  const onSubmit = form.handleSubmit(({ response }) => {
    feedback.reset();
    runMutation(
      update,
      { id: opinion.id, version: opinion.version, response },
      {
        onSuccess: onSaved,
        onError: (error) => {
          if (isConflict(error)) setConflict(true);
          else showServerError(feedback, error, form.setError, t, (path) => (path === 'response' ? path : null));
        },
      },
    );
  });
  return (
    <FormDialog
      isOpen
      onOpenChange={(open) => (open ? undefined : onClose())}
      title={t('plans.meetings.responseTitle')}
      onSubmit={onSubmit}
      isSaving={update.isPending}
      submitLabel={t('plans.meetings.responseSubmit')}
      summary={summaryItems(errors, () => t('plans.meetings.response'))}
      formError={feedback.formError}
      attempt={feedback.attempt}
      conflict={conflict}
      onReload={() => void onReload()}
      lead={<p className="whitespace-pre-wrap rounded-8 bg-solid-gray-50 p-3 text-std-16N-170">{opinion.body}</p>}
    >
      <FormField name="response" label={t('plans.meetings.response')} support={t('plans.meetings.responseSupport')} error={errors.response?.message}>
        {(control) => <TextArea {...control} {...form.register('response')} rows={5} />}
      </FormField>
    </FormDialog>
  );
}
