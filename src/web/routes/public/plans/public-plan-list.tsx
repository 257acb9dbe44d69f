import { useTranslation } from 'react-i18next';
import { LoadError, Loading } from '../../../components/Feedback';
import { PageHeading } from '../../../components/PageHeading';
import { TextLink } from '../../../components/TextLink';
import { PlanPeriod, ProgressMeter } from '../../../features/plans/PlanParts';
import { usePublicPlans } from '../../../features/plans/public-plans.api';
import { currentLocale } from '../../../i18n';

/** The public plans of every organisation (no sign-in): who publishes it, its title, period and progress. */
export function PublicPlanListPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const plans = usePublicPlans();
  const items = plans.data?.items ?? [];
  return (
    <>
      <PageHeading title={t('plans.public.listTitle')} lead={t('plans.public.listLead')}>
        {t('plans.public.listTitle')}
      </PageHeading>
      {plans.isPending ? <Loading /> : null}
      {plans.isError ? <LoadError error={plans.error} onRetry={() => void plans.refetch()} /> : null}
      {plans.data && items.length === 0 ? <p className="text-std-16N-170">{t('plans.public.listEmpty')}</p> : null}
      <ul className="grid grid-cols-1 gap-4 lg:grid-cols-2">
        {items.map((plan) => (
          <li key={plan.id} className="rounded-12 border border-solid-gray-420 p-4 sm:p-6">
            <p className="text-std-16N-170 text-solid-gray-700">{plan.organisation}</p>
            <h2 className="mt-1 text-std-20B-150">
              <TextLink to="/open/plans/$planId" params={{ planId: plan.id }}>
                {locale === 'en' && plan.titleEn ? plan.titleEn : plan.title}
              </TextLink>
            </h2>
            {plan.edition ? <p className="mt-1 text-std-16N-170">{plan.edition}</p> : null}
            <p className="mt-1 text-std-16N-170">
              <span className="sr-only">{t('plans.layout.period')}: </span>
              <PlanPeriod startYear={plan.startYear} endYear={plan.endYear} />
            </p>
            <div className="mt-3 flex flex-wrap items-center gap-2 text-std-16N-170">
              <span>{t('plans.layout.progress')}</span>
              <ProgressMeter value={plan.progress} />
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}
