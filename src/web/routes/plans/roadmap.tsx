import { useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { fiscalYearOf } from '../../../shared/domain/fiscal-year';
import { type MilestoneCreateInput, milestoneCreateInput } from '../../../shared/schemas/plan';
import { isApiError } from '../../api/client';
import { Button } from '../../components/Button';
import { DateText } from '../../components/DateText';
import { LoadError, Loading } from '../../components/Feedback';
import { FormField, SelectInput, TextArea, TextInput } from '../../components/FormField';
import { Notice } from '../../components/Notice';
import { DataTable, colHeadClass, tdClass, thClass } from '../../components/Table';
import { TextLink } from '../../components/TextLink';
import { FormDialog } from '../../components/FormDialog';
import { isConflict, runMutation, showServerError } from '../../features/plans/plan-errors';
import { nodeTitle, planYearLabel, yearsOf } from '../../features/plans/plan-format';
import { PlanYearOptions } from '../../features/plans/PlanYearSelect';
import { type Milestone, type Plan, type Roadmap, useCreateMilestone, usePlanTree, useRoadmap, useUpdateMilestone } from '../../features/plans/plans.api';
import { useCurrentRole, useSession } from '../../features/session/session.api';
import { currentLocale } from '../../i18n';
import { japanToday } from '../../lib/dates';
import { schemaResolver } from '../../lib/form';
import { summaryItems, useFormFeedback } from '../../lib/use-form-feedback';
import { useLoadedPlan } from './plan-layout';

type Row = Roadmap['rows'][number];

/**
 * The roadmap of an initiative as the committee draws it: its 取組 as rows, each with a 目標 row (milestones
 * planned for a year) and a 実績 row (milestones achieved in it), and a column per fiscal year (西暦 and 和暦).
 * Editors and the owners of a 取組 add milestones and record their achievement.
 */
export function RoadmapPage() {
  const { t } = useTranslation();
  const { plan } = useLoadedPlan();
  const { nodeId } = useParams({ from: '/app/plans/$planId/roadmap/$nodeId' });
  const roadmap = useRoadmap(nodeId);
  if (!plan) return null;
  if (roadmap.isPending) return <Loading />;
  if (roadmap.isError) {
    return isApiError(roadmap.error) && roadmap.error.status === 404 ? <p className="text-std-16N-170">{t('plans.roadmap.notFound')}</p> : <LoadError error={roadmap.error} onRetry={() => void roadmap.refetch()} />;
  }
  return <RoadmapView plan={plan} roadmap={roadmap.data} />;
}

type Dialog = { kind: 'add'; row: Row } | { kind: 'achieve'; milestone: Milestone; row: Row } | null;

function RoadmapView({ plan, roadmap }: { plan: Plan; roadmap: Roadmap }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const tree = usePlanTree(plan.id);
  const { data: session } = useSession();
  const role = useCurrentRole();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [message, setMessage] = useState<string | null>(null);
  const initiative = roadmap.initiative;
  const me = session?.user?.id;
  const canChange = (row: Row) => {
    if (plan.abilities.edit) return true;
    if (!me || role === 'viewer') return false;
    return tree.data?.nodes.find((node) => node.id === row.nodeId)?.owners.some((owner) => owner.id === me) ?? false;
  };
  const years = roadmap.years;
  return (
    <>
      <TextLink to="/plans/$planId/tree" params={{ planId: plan.id }} className="mb-4 inline-block text-std-16N-170">
        {t('plans.roadmap.backToTree')}
      </TextLink>
      <h2 className="mb-2 text-std-24B-150">{t('plans.roadmap.title', { title: nodeTitle(initiative) })}</h2>
      <p className="mb-6 max-w-4xl text-std-16N-170 text-solid-gray-700">{t('plans.roadmap.lead')}</p>
      {message ? <Notice tone="success" title={message} live="polite" className="mb-6" /> : null}
      {roadmap.rows.length === 0 ? (
        <p className="text-std-16N-170">{t('plans.roadmap.noRows')}</p>
      ) : (
        <>
          <dl className="mb-4 grid max-w-4xl grid-cols-1 gap-x-6 gap-y-1 text-std-16N-170 sm:grid-cols-[auto_1fr]">
            <dt className="text-std-16B-170">{t('plans.roadmap.field')}</dt>
            <dd>{initiative.field ?? t('plans.roadmap.none')}</dd>
            <dt className="text-std-16B-170">{t('plans.roadmap.division')}</dt>
            <dd>{initiative.division ?? t('plans.roadmap.none')}</dd>
            <dt className="text-std-16B-170">{t('plans.roadmap.initiative')}</dt>
            <dd>{nodeTitle(initiative)}</dd>
            <dt className="text-std-16B-170">{t('plans.roadmap.summary')}</dt>
            <dd className="whitespace-pre-wrap">{initiative.description || t('plans.roadmap.none')}</dd>
          </dl>
          <DataTable
            caption={t('plans.roadmap.caption', {
              field: initiative.field ?? t('plans.roadmap.none'),
              division: initiative.division ?? t('plans.roadmap.none'),
              title: nodeTitle(initiative),
            })}
          >
          <thead>
            <tr className="border-b border-black bg-solid-gray-100">
              <th scope="col" className={`${thClass} min-w-48`}>
                {t('plans.roadmap.row')}
              </th>
              <th scope="col" className={`${thClass} whitespace-nowrap`}>
                {t('plans.roadmap.kind')}
              </th>
              {years.map((year) => (
                <th key={year.fiscalYear} scope="col" className={`${colHeadClass} min-w-40`}>
                  {year.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {roadmap.rows.map((row) => (
              <RoadmapRows key={row.nodeId} row={row} years={years} canChange={canChange(row)} onAdd={() => setDialog({ kind: 'add', row })} onAchieve={(milestone) => setDialog({ kind: 'achieve', milestone, row })} />
            ))}
          </tbody>
          </DataTable>
        </>
      )}
      {dialog?.kind === 'add' ? (
        <AddMilestoneDialog
          plan={plan}
          row={dialog.row}
          years={[...new Set([...years.map((year) => year.fiscalYear), ...yearsOf(plan)])].sort((a, b) => a - b)}
          onClose={() => setDialog(null)}
          onSaved={(milestone) => {
            setDialog(null);
            setMessage(t('plans.roadmap.added', { title: milestone.title }));
          }}
        />
      ) : null}
      {dialog?.kind === 'achieve' ? (
        <AchieveDialog
          milestone={dialog.milestone}
          onClose={() => setDialog(null)}
          onSaved={(milestone) => {
            setDialog(null);
            setMessage(t('plans.roadmap.achievedDone', { title: milestone.title, date: milestone.achievedOn ?? '' }));
          }}
        />
      ) : null}
      <p className="mt-4 text-std-16N-170 text-solid-gray-700">{t('plans.roadmap.yearsNote', { first: planYearLabel(plan.startYear, locale), last: planYearLabel(plan.endYear, locale) })}</p>
    </>
  );
}

function RoadmapRows({ row, years, canChange, onAdd, onAchieve }: { row: Row; years: Roadmap['years']; canChange: boolean; onAdd: () => void; onAchieve: (milestone: Milestone) => void }) {
  const { t } = useTranslation();
  const title = nodeTitle(row);
  return (
    <>
      <tr className="border-b border-solid-gray-300">
        <th scope="row" rowSpan={2} className={`${thClass} min-w-56 border-b border-solid-gray-420 font-normal`}>
          <span className="text-dns-16B-130">{title}</span>
          {canChange ? (
            <Button size="sm" className="mt-3" onClick={onAdd}>
              {t('plans.roadmap.add')}
              <span className="sr-only">: {title}</span>
            </Button>
          ) : null}
        </th>
        <th scope="row" className={`${thClass} whitespace-nowrap bg-solid-gray-50`}>
          {t('plans.roadmap.target')}
        </th>
        {years.map((year, index) => (
          <td key={year.fiscalYear} className={tdClass}>
            <MilestoneList milestones={row.targets[index] ?? []} kind="target" canChange={canChange} onAchieve={onAchieve} />
          </td>
        ))}
      </tr>
      <tr className="border-b border-solid-gray-420">
        <th scope="row" className={`${thClass} whitespace-nowrap bg-solid-gray-50`}>
          {t('plans.roadmap.actual')}
        </th>
        {years.map((year, index) => (
          <td key={year.fiscalYear} className={tdClass}>
            <MilestoneList milestones={row.actuals[index] ?? []} kind="actual" canChange={false} onAchieve={onAchieve} />
          </td>
        ))}
      </tr>
    </>
  );
}

function MilestoneList({ milestones, kind, canChange, onAchieve }: { milestones: Milestone[]; kind: 'target' | 'actual'; canChange: boolean; onAchieve: (milestone: Milestone) => void }) {
  const { t } = useTranslation();
  if (milestones.length === 0) return <span className="sr-only">{t('plans.roadmap.empty')}</span>;
  return (
    <ul className="space-y-2">
      {milestones.map((milestone) => (
        <li key={milestone.id} className="flex flex-col gap-1">
          <span>・{milestone.title}</span>
          {kind === 'actual' && milestone.achievedOn ? (
            <span className="text-dns-14N-130 text-solid-gray-700">
              <DateText iso={milestone.achievedOn} compact />
            </span>
          ) : null}
          {kind === 'target' && milestone.achievedOn ? <span className="text-dns-14N-130 text-solid-gray-700">{t('plans.roadmap.alreadyAchieved')}</span> : null}
          {kind === 'target' && !milestone.achievedOn && canChange ? (
            <Button size="sm" variant="text" className="w-fit" onClick={() => onAchieve(milestone)}>
              {t('plans.roadmap.markAchieved')}
              <span className="sr-only">: {milestone.title}</span>
            </Button>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

interface MilestoneFormValues {
  title: string;
  plannedYear: string;
  achievedOn: string;
  note: string;
}

function AddMilestoneDialog({ plan, row, years, onClose, onSaved }: { plan: Plan; row: Row; years: number[]; onClose: () => void; onSaved: (milestone: Milestone) => void }) {
  const { t } = useTranslation();
  const create = useCreateMilestone();
  const feedback = useFormFeedback();
  const form = useForm<MilestoneFormValues, unknown, MilestoneCreateInput>({
    resolver: schemaResolver<MilestoneFormValues, MilestoneCreateInput>(milestoneCreateInput, {
      toInput: (values) => ({ title: values.title, plannedYear: values.plannedYear ? Number(values.plannedYear) : null, achievedOn: values.achievedOn || null, note: values.note }),
    }),
    defaultValues: { title: '', plannedYear: String(Math.max(plan.startYear, Math.min(plan.endYear, fiscalYearOf(new Date())))), achievedOn: '', note: '' },
    shouldFocusError: false,
  });
  const { errors } = form.formState;
  const labels: Record<string, string> = { title: t('plans.roadmap.milestoneTitle'), plannedYear: t('plans.roadmap.plannedYear'), achievedOn: t('plans.roadmap.achievedOn'), note: t('plans.roadmap.note') };
  const onSubmit = form.handleSubmit((values) => {
    feedback.reset();
    runMutation(create, { nodeId: row.nodeId, ...values }, { onSuccess: onSaved, onError: (error) => showServerError(feedback, error, form.setError, t, (path) => (path in labels ? path : null)) });
  }, feedback.onInvalid);
  return (
    <FormDialog
      isOpen
      onOpenChange={(open) => (open ? undefined : onClose())}
      title={t('plans.roadmap.addTitle', { title: nodeTitle(row) })}
      onSubmit={onSubmit}
      isSaving={create.isPending}
      submitLabel={t('plans.roadmap.addSubmit')}
      summary={summaryItems(errors, (name) => labels[name] ?? name)}
      formError={feedback.formError}
      attempt={feedback.attempt}
    >
      <FormField name="title" label={labels.title} required error={errors.title?.message}>
        {(control) => <TextInput {...control} {...form.register('title')} />}
      </FormField>
      <FormField name="plannedYear" label={labels.plannedYear} support={t('plans.roadmap.plannedYearSupport')} error={errors.plannedYear?.message}>
        {(control) => (
          <SelectInput {...control} {...form.register('plannedYear')}>
            <option value="">{t('plans.roadmap.noYear')}</option>
            <PlanYearOptions years={years} />
          </SelectInput>
        )}
      </FormField>
      <FormField name="achievedOn" label={labels.achievedOn} support={t('plans.roadmap.achievedOnSupport')} error={errors.achievedOn?.message}>
        {(control) => <TextInput {...control} {...form.register('achievedOn')} type="date" className="max-w-xs" />}
      </FormField>
      <FormField name="note" label={labels.note} error={errors.note?.message}>
        {(control) => <TextArea {...control} {...form.register('note')} rows={2} />}
      </FormField>
    </FormDialog>
  );
}

function AchieveDialog({ milestone, onClose, onSaved }: { milestone: Milestone; onClose: () => void; onSaved: (milestone: Milestone) => void }) {
  const { t } = useTranslation();
  const update = useUpdateMilestone();
  const feedback = useFormFeedback();
  const [conflict, setConflict] = useState(false);
  const form = useForm<{ achievedOn: string }>({ defaultValues: { achievedOn: japanToday() }, shouldFocusError: false });
  const { errors } = form.formState;
  const onSubmit = form.handleSubmit(({ achievedOn }) => {
    feedback.reset();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(achievedOn)) {
      form.setError('achievedOn', { message: t('plans.roadmap.dateRequired') });
      feedback.onInvalid();
      return;
    }
    runMutation(update, 
      { id: milestone.id, version: milestone.version, achievedOn },
      {
        onSuccess: onSaved,
        onError: (error) => {
          if (isConflict(error)) setConflict(true);
          else showServerError(feedback, error, form.setError, t, (path) => (path === 'achievedOn' ? path : null));
        },
      },
    );
  });
  return (
    <FormDialog
      isOpen
      onOpenChange={(open) => (open ? undefined : onClose())}
      title={t('plans.roadmap.achieveTitle', { title: milestone.title })}
      onSubmit={onSubmit}
      isSaving={update.isPending}
      submitLabel={t('plans.roadmap.achieveSubmit')}
      summary={summaryItems(errors, () => t('plans.roadmap.achievedOn'))}
      formError={feedback.formError}
      attempt={feedback.attempt}
      conflict={conflict}
      onReload={onClose}
    >
      <FormField name="achievedOn" label={t('plans.roadmap.achievedOn')} required support={t('plans.roadmap.achievedOnTodaySupport')} error={errors.achievedOn?.message}>
        {(control) => <TextInput {...control} {...form.register('achievedOn')} type="date" className="max-w-xs" />}
      </FormField>
    </FormDialog>
  );
}
