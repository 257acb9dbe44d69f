import { useNavigate } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { fiscalYearOf } from '../../../shared/domain/fiscal-year';
import type { PlanCreateInput } from '../../../shared/schemas/plan';
import { Button } from '../../components/Button';
import { ErrorSummary } from '../../components/ErrorSummary';
import { LoadError, Loading } from '../../components/Feedback';
import { Notice } from '../../components/Notice';
import { PageHeading } from '../../components/PageHeading';
import { ColumnHeaders, DataTable, bodyRowClass, tdClass, thClass } from '../../components/Table';
import { TextLink } from '../../components/TextLink';
import { type PlanFormValues, PlanFormFields, emptyPlanForm, planCreateResolver, planFieldLabel, planFieldOf } from '../../features/plans/PlanForm';
import { PlanPeriod, ProgressMeter, VisibilityBadge } from '../../features/plans/PlanParts';
import { runMutation, showServerError } from '../../features/plans/plan-errors';
import { useCreatePlan, usePlans } from '../../features/plans/plans.api';
import { setFlash, useFlash } from '../../lib/flash';
import { summaryItems, useFormFeedback } from '../../lib/use-form-feedback';

/**
 * 計画・指標: the tenant's plans with their period, whether they are public and how far along they are;
 * those who may create plans get the form to start one.
 */
export function PlanListPage() {
  const { t } = useTranslation();
  const plans = usePlans();
  const flash = useFlash();
  const items = plans.data?.items ?? [];
  const [isCreating, setCreating] = useState(false);
  return (
    <>
      <PageHeading title={t('plans.list.title')} lead={t('plans.list.lead')}>
        {t('plans.list.title')}
      </PageHeading>
      {flash ? <Notice tone="success" title={flash} live="polite" className="mb-6" /> : null}
      {plans.isPending ? <Loading /> : null}
      {plans.isError ? <LoadError error={plans.error} onRetry={() => void plans.refetch()} /> : null}
      {plans.data && items.length === 0 ? <p className="mb-8 text-std-16N-170">{t('plans.list.empty')}</p> : null}
      {items.length > 0 ? (
        <DataTable caption={t('plans.list.caption', { count: items.length })} className="mb-10">
          <ColumnHeaders columns={[t('plans.list.columns.title'), t('plans.list.columns.period'), t('plans.list.columns.visibility'), t('plans.list.columns.progress'), t('plans.list.columns.size')]} />
          <tbody>
            {items.map((plan) => (
              <tr key={plan.id} className={bodyRowClass}>
                <th scope="row" className={`${thClass} min-w-64 font-normal`}>
                  <TextLink to="/plans/$planId" params={{ planId: plan.id }} search={{}} className="text-dns-16B-130">
                    {plan.title}
                  </TextLink>
                  {plan.edition ? <span className="mt-1 block text-dns-14N-130 text-solid-gray-700">{plan.edition}</span> : null}
                </th>
                <td className={`${tdClass} min-w-44`}>
                  <PlanPeriod startYear={plan.startYear} endYear={plan.endYear} />
                </td>
                <td className={tdClass}>
                  <VisibilityBadge visibility={plan.visibility} />
                </td>
                <td className={tdClass}>
                  <ProgressMeter value={plan.progress} label={t('plans.list.columns.progress')} size="sm" />
                </td>
                <td className={`${tdClass} whitespace-nowrap`}>{t('plans.list.size', { nodes: plan.nodeCount, indicators: plan.indicatorCount })}</td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      ) : null}
      {plans.data?.abilities.create ? (
        <section aria-labelledby="new-plan-heading" className="max-w-3xl">
          <h2 id="new-plan-heading" className="mb-4 text-std-24B-150">
            {t('plans.create.title')}
          </h2>
          {isCreating ? (
            <CreatePlanForm onCancel={() => setCreating(false)} />
          ) : (
            <>
              <p className="mb-4 text-std-16N-170 text-solid-gray-700">{t('plans.create.lead')}</p>
              <Button variant="solid-fill" onClick={() => setCreating(true)}>
                {t('plans.create.open')}
              </Button>
            </>
          )}
        </section>
      ) : null}
    </>
  );
}

function CreatePlanForm({ onCancel }: { onCancel: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreatePlan();
  const feedback = useFormFeedback();
  const currentYear = fiscalYearOf(new Date());
  const form = useForm<PlanFormValues, unknown, PlanCreateInput>({ resolver: planCreateResolver, defaultValues: emptyPlanForm(currentYear), shouldFocusError: false });
  useEffect(() => form.setFocus('title'), [form]);
  const onSubmit = form.handleSubmit((values) => {
    feedback.reset();
    runMutation(create, values, {
      onSuccess: (plan) => {
        setFlash(t('plans.create.done', { title: plan.title }));
        void navigate({ to: '/plans/$planId/tree', params: { planId: plan.id } });
      },
      onError: (error) => showServerError(feedback, error, form.setError, t, planFieldOf),
    });
  }, feedback.onInvalid);
  return (
    <form noValidate onSubmit={(event) => void onSubmit(event)} className="rounded-12 border border-solid-gray-420 p-4 sm:p-6">
      <ErrorSummary items={summaryItems(form.formState.errors, (name) => planFieldLabel(t, name))} message={feedback.formError} focusKey={feedback.attempt} />
      <PlanFormFields form={form} mode="create" currentYear={currentYear} />
      <p className="mb-6 text-std-16N-170 text-solid-gray-700">{t('plans.create.afterwards')}</p>
      <div className="flex flex-wrap gap-4">
        <Button type="submit" variant="solid-fill" size="lg" isBusy={create.isPending}>
          {t('plans.create.submit')}
        </Button>
        <Button variant="outline" size="lg" onClick={onCancel}>
          {t('actions.cancel')}
        </Button>
      </div>
    </form>
  );
}
