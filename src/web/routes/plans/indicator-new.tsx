import { useNavigate, useSearch } from '@tanstack/react-router';
import { useMemo } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { IndicatorCreateInput } from '../../../shared/schemas/plan';
import { Button } from '../../components/Button';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Loading } from '../../components/Feedback';
import { TextLink } from '../../components/TextLink';
import { type IndicatorFormValues, IndicatorFormFields, emptyIndicatorForm, indicatorFieldLabel, indicatorFieldOf, indicatorResolver } from '../../features/plans/IndicatorForm';
import { runMutation, showServerError } from '../../features/plans/plan-errors';
import { yearsOf } from '../../features/plans/plan-format';
import { type Plan, useCreateIndicator, useMetricSources, usePlanIndicators, usePlanPeople, usePlanTree } from '../../features/plans/plans.api';
import { useProgrammes } from '../../features/programmes/programmes.api';
import { currentLocale } from '../../i18n';
import { setFlash } from '../../lib/flash';
import { summaryItems, useFormFeedback } from '../../lib/use-form-feedback';
import { useLoadedPlan } from './plan-layout';

/** A new indicator of the plan (editors): manual, computed from the desk's records, or a composite index. */
export function IndicatorNewPage() {
  const { t } = useTranslation();
  const { planId, plan } = useLoadedPlan();
  const tree = usePlanTree(planId);
  const indicators = usePlanIndicators(planId);
  if (!plan) return null;
  if (!plan.abilities.edit) return <p className="text-std-16N-170">{t('plans.indicatorForm.notAllowed')}</p>;
  if (tree.isPending || indicators.isPending) return <Loading />;
  return <IndicatorNewForm plan={plan} nodes={tree.data?.nodes ?? []} indicators={indicators.data?.items ?? []} />;
}

function IndicatorNewForm({ plan, nodes, indicators }: { plan: Plan; nodes: NonNullable<ReturnType<typeof usePlanTree>['data']>['nodes']; indicators: NonNullable<ReturnType<typeof usePlanIndicators>['data']>['items'] }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const navigate = useNavigate();
  const search = useSearch({ from: '/app/plans/$planId/indicators/new' });
  const years = useMemo(() => yearsOf(plan), [plan]);
  const create = useCreateIndicator(plan.id);
  const feedback = useFormFeedback();
  const form = useForm<IndicatorFormValues, unknown, IndicatorCreateInput>({
    resolver: indicatorResolver(years),
    defaultValues: emptyIndicatorForm(years, search.nodeId),
    shouldFocusError: false,
  });
  const kind = useWatch({ control: form.control, name: 'kind' });
  const sources = useMetricSources(kind === 'computed');
  const programmes = useProgrammes('active');
  const people = usePlanPeople(true);

  const onSubmit = form.handleSubmit((values) => {
    feedback.reset();
    runMutation(create, values, {
      onSuccess: (indicator) => {
        setFlash(t('plans.indicatorForm.created', { name: indicator.name }));
        void navigate({ to: '/plans/$planId/indicators/$indicatorId', params: { planId: plan.id, indicatorId: indicator.id }, search: {} });
      },
      onError: (error) => showServerError(feedback, error, form.setError, t, indicatorFieldOf),
    });
  }, feedback.onInvalid);

  return (
    <form noValidate onSubmit={(event) => void onSubmit(event)} className="max-w-4xl">
      <h2 className="mb-2 text-std-24B-150">{t('plans.indicatorForm.title')}</h2>
      <p className="mb-8 text-std-16N-170 text-solid-gray-700">{t('plans.indicatorForm.lead')}</p>
      <ErrorSummary items={summaryItems(form.formState.errors, (name) => indicatorFieldLabel(t, name, years, locale))} message={feedback.formError} focusKey={feedback.attempt} />
      <IndicatorFormFields
        form={form}
        years={years}
        nodes={nodes}
        indicators={indicators}
        metricSources={sources.data?.items ?? null}
        programmes={programmes.isError ? null : (programmes.data?.items.map((programme) => ({ id: programme.id, name: programme.name })) ?? null)}
        people={people.data?.items ?? null}
      />
      <div className="mt-10 flex flex-wrap items-center gap-6">
        <Button type="submit" variant="solid-fill" size="lg" isBusy={create.isPending}>
          {t('plans.indicatorForm.submit')}
        </Button>
        <TextLink to="/plans/$planId/indicators" params={{ planId: plan.id }} search={{}}>
          {t('actions.cancel')}
        </TextLink>
      </div>
    </form>
  );
}
