import { useNavigate, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { fiscalYearOf } from '../../../shared/domain/fiscal-year';
import { type ReviewInput, reviewInput } from '../../../shared/schemas/plan';
import { Button } from '../../components/Button';
import { DateText } from '../../components/DateText';
import { LoadError, Loading } from '../../components/Feedback';
import { FieldGroup, FormField, Radio, TextArea } from '../../components/FormField';
import { Notice } from '../../components/Notice';
import { ColumnHeaders, DataTable, bodyRowClass, tdClass, thClass } from '../../components/Table';
import { ProgressMeter } from '../../features/plans/PlanParts';
import { PlanYearSelect } from '../../features/plans/PlanYearSelect';
import { FormDialog } from '../../components/FormDialog';
import { isConflict, runMutation, showServerError } from '../../features/plans/plan-errors';
import { defaultYearOf, nodeTitle, optionName, planYearLabel, reviewStatusLabel, termLabel, yearsOf } from '../../features/plans/plan-format';
import { type Plan, type PlanTree, type Review, type ReviewTerm, usePlanTree, useRecordReview, useReviews } from '../../features/plans/plans.api';
import { currentLocale } from '../../i18n';
import { schemaResolver } from '../../lib/form';
import { summaryItems, useFormFeedback } from '../../lib/use-form-feedback';
import { useLoadedPlan } from './plan-layout';

const terms: ReviewTerm[] = ['first_half', 'annual'];

interface Target {
  nodeId: string | null;
  title: string;
  review: Review | undefined;
}

/**
 * 評価: the half-year (上期) and annual review of the plan and of each node for a fiscal year: the grade on
 * the plan's scale and the comment, as a draft or final (only final reviews are published).
 */
export function ReviewsPage() {
  const { t } = useTranslation();
  const { planId, plan } = useLoadedPlan();
  const search = useSearch({ from: '/app/plans/$planId/reviews' });
  const navigate = useNavigate({ from: '/plans/$planId/reviews' });
  const tree = usePlanTree(planId);
  if (!plan) return null;
  const fiscalYear = search.fiscalYear ?? defaultYearOf(plan, fiscalYearOf(new Date()));
  const term = search.term ?? 'annual';
  return (
    <>
      <p className="mb-6 max-w-4xl text-std-16N-170 text-solid-gray-700">{t('plans.reviews.lead')}</p>
      <div className="mb-8 flex flex-wrap items-start gap-x-10 gap-y-4">
        <PlanYearSelect name="reviewYear" label={t('plans.reviews.fiscalYear')} years={yearsOf(plan)} value={fiscalYear} onChange={(year) => void navigate({ search: (prev) => ({ ...prev, fiscalYear: year }) })} />
        <FieldGroup name="reviewTerm" legend={t('plans.reviews.term')}>
          <div className="flex flex-wrap gap-x-6">
            {terms.map((value) => (
              <Radio key={value} name="reviewTerm" value={value} checked={term === value} onChange={() => void navigate({ search: (prev) => ({ ...prev, term: value }) })}>
                {termLabel(t, value)}
              </Radio>
            ))}
          </div>
        </FieldGroup>
      </div>
      {tree.isPending ? <Loading /> : null}
      {tree.isError ? <LoadError error={tree.error} onRetry={() => void tree.refetch()} /> : null}
      {tree.data ? <ReviewTable plan={plan} tree={tree.data} fiscalYear={fiscalYear} term={term} /> : null}
    </>
  );
}

function ReviewTable({ plan, tree, fiscalYear, term }: { plan: Plan; tree: PlanTree; fiscalYear: number; term: ReviewTerm }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const reviews = useReviews(plan.id, fiscalYear);
  const [editing, setEditing] = useState<Target | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const canRecord = plan.abilities.edit || plan.abilities.review;
  if (reviews.isPending) return <Loading />;
  if (reviews.isError) return <LoadError error={reviews.error} onRetry={() => void reviews.refetch()} />;
  const of = (nodeId: string | null) => reviews.data.items.find((review) => review.nodeId === nodeId && review.term === term);
  const rows: (Target & { depth: number; progress: number | null })[] = [
    { nodeId: null, title: t('plans.reviews.wholePlan'), review: of(null), depth: 0, progress: tree.progress },
    ...tree.nodes.map((node) => ({ nodeId: node.id, title: `${node.level} ${nodeTitle(node)}`, review: of(node.id), depth: node.depth + 1, progress: node.progress })),
  ];
  const caption = t('plans.reviews.caption', { year: planYearLabel(fiscalYear, locale), term: termLabel(t, term) });
  return (
    <>
      {message ? <Notice tone="success" title={message} live="polite" className="mb-6" /> : null}
      <DataTable caption={caption}>
        <ColumnHeaders
          columns={[
            t('plans.reviews.node'),
            t('plans.reviews.progress'),
            t('plans.reviews.grade'),
            t('plans.reviews.comment'),
            t('plans.reviews.status'),
            t('plans.reviews.reviewer'),
          ]}
        />
        <tbody>
          {rows.map((row) => (
            <tr key={row.nodeId ?? 'plan'} className={bodyRowClass}>
              <th scope="row" className={`${thClass} min-w-72 font-normal`} style={{ paddingInlineStart: `${1 + row.depth * 0.75}rem` }}>
                {row.title}
                {canRecord ? (
                  <div className="mt-2">
                    <Button
                      size="sm"
                      className="whitespace-nowrap"
                      onClick={() => {
                        setMessage(null);
                        setEditing(row);
                      }}
                    >
                      {row.review ? t('plans.reviews.edit') : t('plans.reviews.record')}
                      <span className="sr-only">: {row.title}</span>
                    </Button>
                  </div>
                ) : null}
              </th>
              <td className={tdClass}>
                <ProgressMeter value={row.progress} size="sm" />
              </td>
              <td className={`${tdClass} whitespace-nowrap`}>{row.review ? gradeName(plan, row.review, locale) : t('plans.reviews.notYet')}</td>
              <td className={`${tdClass} min-w-64 whitespace-pre-wrap`}>{row.review?.comment || '—'}</td>
              <td className={`${tdClass} whitespace-nowrap`}>{row.review ? reviewStatusLabel(t, row.review.status) : '—'}</td>
              <td className={`${tdClass} min-w-40`}>
                {row.review?.reviewedBy ? (
                  <>
                    {row.review.reviewedBy.name}
                    <span className="mt-1 block text-dns-14N-130 text-solid-gray-700">
                      <DateText iso={row.review.updatedAt} compact />
                    </span>
                  </>
                ) : (
                  '—'
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </DataTable>
      {editing ? (
        <ReviewDialog
          plan={plan}
          target={editing}
          fiscalYear={fiscalYear}
          term={term}
          onClose={() => setEditing(null)}
          onReload={async () => {
            const fresh = await reviews.refetch();
            setEditing(null);
            return fresh;
          }}
          onSaved={(review) => {
            setEditing(null);
            setMessage(t('plans.reviews.saved', { title: editing.title, grade: gradeName(plan, review, locale) }));
          }}
        />
      ) : null}
    </>
  );
}

function gradeName(plan: Plan, review: Review, locale: 'ja' | 'en'): string {
  const grade = plan.grades.find((candidate) => candidate.key === review.gradeKey);
  return grade ? optionName(grade, locale) : review.grade;
}

interface ReviewFormValues {
  gradeKey: string;
  comment: string;
  status: 'draft' | 'final';
}

function ReviewDialog({
  plan,
  target,
  fiscalYear,
  term,
  onClose,
  onSaved,
  onReload,
}: {
  plan: Plan;
  target: Target;
  fiscalYear: number;
  term: ReviewTerm;
  onClose: () => void;
  onSaved: (review: Review) => void;
  onReload: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const record = useRecordReview(plan.id);
  const feedback = useFormFeedback();
  const [conflict, setConflict] = useState(false);
  const existing = target.review;
  const form = useForm<ReviewFormValues, unknown, ReviewInput>({
    resolver: schemaResolver<ReviewFormValues, ReviewInput>(reviewInput, {
      toInput: (values) => ({ nodeId: target.nodeId, fiscalYear, term, gradeKey: values.gradeKey || undefined, comment: values.comment, status: values.status, version: existing?.version }),
    }),
    defaultValues: { gradeKey: existing?.gradeKey ?? '', comment: existing?.comment ?? '', status: existing?.status ?? 'draft' },
    shouldFocusError: false,
  });
  const { errors } = form.formState;
  const labels: Record<string, string> = { gradeKey: t('plans.reviews.grade'), comment: t('plans.reviews.comment'), status: t('plans.reviews.status') };
  const onSubmit = form.handleSubmit((values) => {
    feedback.reset();
    setConflict(false);
    runMutation(record, values, {
      onSuccess: onSaved,
      onError: (error) => {
        if (isConflict(error)) setConflict(true);
        else showServerError(feedback, error, form.setError, t, (path) => (path in labels ? path : null));
      },
    });
  }, feedback.onInvalid);
  return (
    <FormDialog
      isOpen
      onOpenChange={(open) => (open ? undefined : onClose())}
      title={t('plans.reviews.dialogTitle', { title: target.title, year: planYearLabel(fiscalYear, locale), term: termLabel(t, term) })}
      onSubmit={onSubmit}
      isSaving={record.isPending}
      submitLabel={t('plans.reviews.save')}
      summary={summaryItems(errors, (name) => labels[name] ?? name)}
      formError={feedback.formError}
      attempt={feedback.attempt}
      conflict={conflict}
      onReload={() => void onReload()}
    >
      <FieldGroup name="gradeKey" legend={labels.gradeKey} required support={t('plans.reviews.gradeSupport')} error={errors.gradeKey?.message}>
        {plan.grades.map((grade) => (
          <Radio key={grade.key} value={grade.key} {...form.register('gradeKey')}>
            {optionName(grade, locale)}
          </Radio>
        ))}
      </FieldGroup>
      <FormField name="comment" label={labels.comment} support={t('plans.reviews.commentSupport')} error={errors.comment?.message}>
        {(control) => <TextArea {...control} {...form.register('comment')} rows={5} />}
      </FormField>
      <FieldGroup name="status" legend={labels.status} required support={t('plans.reviews.statusSupport')} error={errors.status?.message}>
        <Radio value="draft" {...form.register('status')}>
          {reviewStatusLabel(t, 'draft')}
        </Radio>
        <Radio value="final" {...form.register('status')}>
          {reviewStatusLabel(t, 'final')}
        </Radio>
      </FieldGroup>
    </FormDialog>
  );
}
