import { useSearch } from '@tanstack/react-router';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { newPasswordSchema } from '../../../shared/schemas/common';
import { Button } from '../../components/Button';
import { ErrorSummary } from '../../components/ErrorSummary';
import { FormField, TextInput } from '../../components/FormField';
import { Notice } from '../../components/Notice';
import { PageHeading } from '../../components/PageHeading';
import { TextLink } from '../../components/TextLink';
import { useConfirmPasswordReset } from '../../features/auth/auth.api';
import { schemaResolver } from '../../lib/form';
import { summaryItems, useFormFeedback } from '../../lib/use-form-feedback';
import { passwordSupport } from './password-rules';

/** The new password twice: the server's rule for the first, and the two must match. */
export const newPasswordForm = z
  .object({ newPassword: newPasswordSchema, confirmPassword: z.string() })
  .refine((values) => values.newPassword === values.confirmPassword, { path: ['confirmPassword'], message: 'password_mismatch' });

/** Reached from the link in the reset mail (/reset-password?token=…). */
export function ResetPasswordPage() {
  const { t } = useTranslation();
  const { token } = useSearch({ from: '/public/reset-password' });
  const confirm = useConfirmPasswordReset();
  const feedback = useFormFeedback();
  const form = useForm({ resolver: schemaResolver(newPasswordForm), defaultValues: { newPassword: '', confirmPassword: '' }, shouldFocusError: false });
  const { errors } = form.formState;
  const labels: Record<string, string> = { newPassword: t('password.new'), confirmPassword: t('password.confirm') };

  const submit = form.handleSubmit(
    (values) =>
      confirm.mutate(
        { token: token ?? '', newPassword: values.newPassword },
        { onError: (error) => feedback.onServerError(error, form.setError, t, (path) => (path === 'newPassword' ? path : null)) },
      ),
    feedback.onInvalid,
  );

  return (
    <>
      <PageHeading title={t('resetPassword.title')} lead={t('resetPassword.lead')}>
        {t('resetPassword.title')}
      </PageHeading>
      {!token ? (
        <Notice tone="error" title={t('resetPassword.noToken')}>
          <p>
            <TextLink to="/forgot-password">{t('resetPassword.requestAgain')}</TextLink>
          </p>
        </Notice>
      ) : confirm.isSuccess ? (
        <Notice tone="success" title={t('resetPassword.doneTitle')} live="polite">
          <p>
            <TextLink to="/sign-in" search={{}}>
              {t('resetPassword.signIn')}
            </TextLink>
          </p>
        </Notice>
      ) : (
        <>
          <ErrorSummary items={summaryItems(errors, (name) => labels[name] ?? name)} message={feedback.formError} focusKey={feedback.attempt} />
          <form noValidate onSubmit={submit} className="space-y-6">
            <FormField name="newPassword" label={labels.newPassword} required support={passwordSupport(t)} error={errors.newPassword?.message}>
              {(control) => <TextInput {...control} {...form.register('newPassword')} type="password" autoComplete="new-password" />}
            </FormField>
            <FormField name="confirmPassword" label={labels.confirmPassword} required error={errors.confirmPassword?.message}>
              {(control) => <TextInput {...control} {...form.register('confirmPassword')} type="password" autoComplete="new-password" />}
            </FormField>
            <Button type="submit" variant="solid-fill" size="lg" isBusy={confirm.isPending}>
              {t('resetPassword.submit')}
            </Button>
          </form>
          {feedback.formError ? (
            <p className="mt-6 text-std-16N-170">
              <TextLink to="/forgot-password">{t('resetPassword.requestAgain')}</TextLink>
            </p>
          ) : null}
        </>
      )}
    </>
  );
}
