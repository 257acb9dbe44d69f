import { useNavigate, useParams } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import { Button } from '../../components/Button';
import { LoadError, Loading } from '../../components/Feedback';
import { Notice } from '../../components/Notice';
import { PageHeading } from '../../components/PageHeading';
import { TextLink } from '../../components/TextLink';
import { type Company, useCompany, useUpdateCompany } from '../../features/companies/companies.api';
import { CompanyForm } from '../../features/companies/CompanyForm';
import { type CompanyOutput, companyFormResolver } from '../../features/companies/company-form-schema';
import { type CompanyFormValues, companyFieldOf, companyToForm } from '../../features/companies/company-form-values';
import { setFlash } from '../../lib/flash';
import { useFormFeedback } from '../../lib/use-form-feedback';

export function CompanyEditPage() {
  const { t } = useTranslation();
  const { companyId } = useParams({ from: '/app/companies/$companyId/edit' });
  const company = useCompany(companyId);
  return (
    <>
      <TextLink to="/companies/$companyId" params={{ companyId }} className="mb-4 inline-block text-std-16N-170">
        {t('companies.backToDetail')}
      </TextLink>
      <PageHeading title={t('companies.edit.title')}>
        {t('companies.edit.title')}
        {company.data ? <span className="mt-1 block text-std-20N-150 text-solid-gray-700">{company.data.name}</span> : null}
      </PageHeading>
      {company.isPending ? <Loading /> : null}
      {company.isError ? <LoadError error={company.error} onRetry={() => void company.refetch()} /> : null}
      {company.data ? <EditForm company={company.data} onReload={() => company.refetch()} /> : null}
    </>
  );
}

function EditForm({ company, onReload }: { company: Company; onReload: () => Promise<{ data?: Company }> }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const update = useUpdateCompany(company.id);
  const feedback = useFormFeedback();
  // The version this form was loaded from: sent with the change so a concurrent save is detected.
  const [baseVersion, setBaseVersion] = useState(company.version);
  const [conflict, setConflict] = useState(false);
  const form = useForm<CompanyFormValues, unknown, CompanyOutput>({ resolver: companyFormResolver, defaultValues: companyToForm(company), shouldFocusError: false });

  useEffect(() => {
    if (conflict) document.getElementById('conflict-notice')?.focus();
  }, [conflict]);

  const submit = form.handleSubmit(
    (values) =>
      update.mutate(
        { ...values, version: baseVersion },
        {
          onSuccess: (saved) => {
            setFlash(t('companies.saved.updated'));
            void navigate({ to: '/companies/$companyId', params: { companyId: saved.id } });
          },
          onError: (error) => {
            if (isApiError(error) && error.code === 'VERSION_CONFLICT') {
              setConflict(true);
              return;
            }
            feedback.onServerError(error, form.setError, t, companyFieldOf);
          },
        },
      ),
    feedback.onInvalid,
  );

  const reload = async () => {
    // Loads the latest saved version into the form; what was typed here is replaced (the notice says so).
    const latest = (await onReload()).data ?? company;
    form.reset(companyToForm(latest));
    setBaseVersion(latest.version);
    setConflict(false);
  };

  return (
    <CompanyForm
      form={form}
      onSubmit={submit}
      isSaving={update.isPending}
      submitLabel={t('companies.edit.submit')}
      formError={feedback.formError}
      attempt={feedback.attempt}
      excludeId={company.id}
      cancel={
        <TextLink to="/companies/$companyId" params={{ companyId: company.id }}>
          {t('actions.cancel')}
        </TextLink>
      }
      banner={
        conflict ? (
          <div id="conflict-notice" tabIndex={-1} className="mb-8 outline-none">
            <Notice tone="error" title={t('companies.edit.conflictTitle')} live="assertive">
              <p>{t('companies.edit.conflictBody')}</p>
              <div className="mt-4 flex flex-wrap gap-4">
                <Button variant="solid-fill" size="sm" onClick={() => void reload()}>
                  {t('companies.edit.reload')}
                </Button>
                <TextLink to="/companies/$companyId" params={{ companyId: company.id }} target="_blank">
                  {t('companies.edit.viewLatest')}
                  <span className="sr-only">{t('common.opensInNewTab')}</span>
                </TextLink>
              </div>
            </Notice>
          </div>
        ) : null
      }
    />
  );
}
