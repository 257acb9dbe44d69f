import { useNavigate, useParams } from '@tanstack/react-router';
import { useMemo, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { IndicatorUpdateInput } from '../../../shared/schemas/plan';
import { isApiError } from '../../api/client';
import { Button } from '../../components/Button';
import { ConflictNotice } from '../../components/ConflictNotice';
import { ErrorSummary } from '../../components/ErrorSummary';
import { LoadError, Loading } from '../../components/Feedback';
import { TextLink } from '../../components/TextLink';
import { type IndicatorFormValues, IndicatorFormFields, indicatorFieldLabel, indicatorFieldOf, indicatorToForm, indicatorUpdateResolver } from '../../features/plans/IndicatorForm';
import { isConflict, runMutation, showServerError } from '../../features/plans/plan-errors';
import { yearsOf } from '../../features/plans/plan-format';
import { type IndicatorDetail, type Plan, type PlanNode, useIndicator, useMetricSources, usePlanPeople, usePlanTree, useUpdateIndicator } from '../../features/plans/plans.api';
import { useProgrammes } from '../../features/programmes/programmes.api';
import { currentLocale } from '../../i18n';
import { setFlash } from '../../lib/flash';
import { summaryItems, useFormFeedback } from '../../lib/use-form-feedback';
import { useLoadedPlan } from './plan-layout';

/**
 * Changes an indicator's definition (editors): its item, name, unit, direction, periods, range, baseline, method
 * and source, owners and weight. The kind stays; targets are revised per period and a composite index's method
 * gets a new version, both on the indicator's page. A save over somebody else's newer version is refused, with
 * a way to load theirs.
 */
export function IndicatorEditPage() {
  const { t } = useTranslation();
  const { planId, plan } = useLoadedPlan();
  const { indicatorId } = useParams({ from: '/app/plans/$planId/indicators/$indicatorId/edit' });
  const indicator = useIndicator(indicatorId);
  const tree = usePlanTree(planId);
  const headingRef = useRef<HTMLHeadingElement>(null);
  if (!plan) return null;
  if (indicator.isPending || tree.isPending) return <Loading />;
  if (indicator.isError) {
    return isApiError(indicator.error) && indicator.error.status === 404 ? (
      <p className="text-std-16N-170">{t('plans.indicator.notFound')}</p>
    ) : (
      <LoadError error={indicator.error} onRetry={() => void indicator.refetch()} />
    );
  }
  const current = indicator.data;
  if (!current.abilities.edit) return <p className="text-std-16N-170">{t('plans.indicatorEdit.notAllowed')}</p>;
  return (
    <div className="max-w-4xl">
      <h2 ref={headingRef} tabIndex={-1} className="mb-2 text-std-24B-150 outline-none focus-visible:outline focus-visible:outline-4 focus-visible:outline-black">
        {t('plans.indicatorEdit.title', { name: current.name })}
      </h2>
      <p className="mb-8 text-std-16N-170 text-solid-gray-700">{current.kind === 'composite' ? t('plans.indicatorEdit.leadComposite') : t('plans.indicatorEdit.lead')}</p>
      {/* A new version (someone else's, loaded after a conflict) starts the form afresh. */}
      <IndicatorEditForm
        key={current.version}
        plan={plan}
        indicator={current}
        nodes={tree.data?.nodes ?? []}
        onReload={() => void indicator.refetch().then(() => headingRef.current?.focus())}
      />
    </div>
  );
}

function IndicatorEditForm({ plan, indicator, nodes, onReload }: { plan: Plan; indicator: IndicatorDetail; nodes: PlanNode[]; onReload: () => void }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const navigate = useNavigate();
  const years = useMemo(() => yearsOf(plan), [plan]);
  const update = useUpdateIndicator(indicator.id);
  const feedback = useFormFeedback();
  const [conflict, setConflict] = useState(false);
  const form = useForm<IndicatorFormValues, unknown, IndicatorUpdateInput>({
    resolver: indicatorUpdateResolver(indicator.version),
    defaultValues: indicatorToForm(indicator),
    shouldFocusError: false,
  });
  const sources = useMetricSources(indicator.kind === 'computed');
  const programmes = useProgrammes('active');
  const people = usePlanPeople(true);
  const indicatorPage = { to: '/plans/$planId/indicators/$indicatorId', params: { planId: plan.id, indicatorId: indicator.id }, search: {} } as const;

  const onSubmit = form.handleSubmit((values) => {
    feedback.reset();
    setConflict(false);
    runMutation(update, values, {
      onSuccess: (saved) => {
        setFlash(t('plans.indicatorEdit.saved', { name: saved.name }));
        void navigate(indicatorPage);
      },
      onError: (error) => {
        if (isConflict(error)) setConflict(true);
        else showServerError(feedback, error, form.setError, t, indicatorFieldOf);
      },
    });
  }, feedback.onInvalid);

  return (
    <form noValidate onSubmit={(event) => void onSubmit(event)}>
      {conflict ? <ConflictNotice onReload={onReload} /> : null}
      <ErrorSummary items={summaryItems(form.formState.errors, (name) => indicatorFieldLabel(t, name, years, locale))} message={conflict ? undefined : feedback.formError} focusKey={feedback.attempt} />
      <IndicatorFormFields
        form={form}
        mode="edit"
        years={years}
        nodes={nodes}
        indicators={[]}
        metricSources={sources.data?.items ?? null}
        programmes={programmes.isError ? null : (programmes.data?.items.map((programme) => ({ id: programme.id, name: programme.name })) ?? null)}
        people={people.data?.items ?? null}
      />
      <div className="mt-10 flex flex-wrap items-center gap-6">
        <Button type="submit" variant="solid-fill" size="lg" isBusy={update.isPending}>
          {t('plans.indicatorEdit.submit')}
        </Button>
        <TextLink {...indicatorPage}>{t('actions.cancel')}</TextLink>
      </div>
    </form>
  );
}
