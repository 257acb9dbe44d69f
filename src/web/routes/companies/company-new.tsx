import { useNavigate } from '@tanstack/react-router';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../components/PageHeading';
import { TextLink } from '../../components/TextLink';
import { useCreateCompany } from '../../features/companies/companies.api';
import { CompanyForm } from '../../features/companies/CompanyForm';
import { type CompanyOutput, companyFormResolver } from '../../features/companies/company-form-schema';
import { type CompanyFormValues, companyFieldOf, emptyCompanyForm } from '../../features/companies/company-form-values';
import { setFlash } from '../../lib/flash';
import { useFormFeedback } from '../../lib/use-form-feedback';

export function CompanyNewPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateCompany();
  const feedback = useFormFeedback();
  // Most companies a prefectural desk registers are in its own prefecture (青森県 for the demo desk) — but
  // the tenant does not say which, so nothing is preselected.
  const form = useForm<CompanyFormValues, unknown, CompanyOutput>({ resolver: companyFormResolver, defaultValues: emptyCompanyForm(), shouldFocusError: false });

  const submit = form.handleSubmit(
    (values) =>
      create.mutate(values, {
        onSuccess: (company) => {
          setFlash(t('companies.saved.created', { name: company.name }));
          void navigate({ to: '/companies/$companyId', params: { companyId: company.id } });
        },
        onError: (error) => feedback.onServerError(error, form.setError, t, companyFieldOf),
      }),
    feedback.onInvalid,
  );

  return (
    <>
      <TextLink to="/companies" className="mb-4 inline-block text-std-16N-170">
        {t('companies.backToList')}
      </TextLink>
      <PageHeading title={t('companies.new.title')}>{t('companies.new.title')}</PageHeading>
      <CompanyForm
        form={form}
        onSubmit={submit}
        isSaving={create.isPending}
        submitLabel={t('companies.new.submit')}
        formError={feedback.formError}
        attempt={feedback.attempt}
        cancel={<TextLink to="/companies">{t('actions.cancel')}</TextLink>}
      />
    </>
  );
}
