import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { passwordResetRequestInput } from '../../../shared/schemas/auth';
import { Button } from '../../components/Button';
import { ErrorSummary } from '../../components/ErrorSummary';
import { FormField, TextInput } from '../../components/FormField';
import { Notice } from '../../components/Notice';
import { PageHeading } from '../../components/PageHeading';
import { TextLink } from '../../components/TextLink';
import { useRequestPasswordReset } from '../../features/auth/auth.api';
import { schemaResolver } from '../../lib/form';
import { summaryItems, useFormFeedback } from '../../lib/use-form-feedback';

export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const request = useRequestPasswordReset();
  const feedback = useFormFeedback();
  const form = useForm({ resolver: schemaResolver(passwordResetRequestInput), defaultValues: { email: '' }, shouldFocusError: false });
  const { errors } = form.formState;

  const submit = form.handleSubmit(
    (values) => request.mutate(values, { onError: (error) => feedback.onServerError(error, form.setError, t) }),
    feedback.onInvalid,
  );

  return (
    <>
      <PageHeading title={t('forgotPassword.title')} lead={t('forgotPassword.lead')}>
        {t('forgotPassword.title')}
      </PageHeading>
      {request.isSuccess ? (
        // The same answer whether or not the address has an account (no account discovery).
        <Notice tone="success" title={t('forgotPassword.sentTitle')} live="polite">
          <p>{t('forgotPassword.sentBody')}</p>
        </Notice>
      ) : (
        <>
          <ErrorSummary items={summaryItems(errors, () => t('signIn.email'))} message={feedback.formError} focusKey={feedback.attempt} />
          <form noValidate onSubmit={submit} className="space-y-6">
            <FormField name="email" label={t('signIn.email')} required support={t('forgotPassword.emailSupport')} error={errors.email?.message}>
              {(control) => <TextInput {...control} {...form.register('email')} type="email" autoComplete="email" inputMode="email" />}
            </FormField>
            <Button type="submit" variant="solid-fill" size="lg" isBusy={request.isPending}>
              {t('forgotPassword.submit')}
            </Button>
          </form>
        </>
      )}
      <p className="mt-8 text-std-16N-170">
        <TextLink to="/sign-in" search={{}}>
          {t('forgotPassword.backToSignIn')}
        </TextLink>
      </p>
    </>
  );
}
