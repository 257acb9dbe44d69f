import { useRouter, useSearch } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { signInInput, twoFactorVerifyInput } from '../../../shared/schemas/auth';
import { Button } from '../../components/Button';
import { ErrorSummary } from '../../components/ErrorSummary';
import { FormField, TextInput } from '../../components/FormField';
import { PageHeading } from '../../components/PageHeading';
import { TextLink } from '../../components/TextLink';
import { useSignIn, useVerifyTwoFactor } from '../../features/auth/auth.api';
import { useSession } from '../../features/session/session.api';
import { schemaResolver } from '../../lib/form';
import { summaryItems, useFormFeedback } from '../../lib/use-form-feedback';

/** Sign-in: e-mail and password, then (when the account has it) the authenticator code. */
export function SignInPage() {
  const { redirect } = useSearch({ from: '/public/sign-in' });
  const router = useRouter();
  const { data: session } = useSession();
  const [step, setStep] = useState<'password' | 'code'>('password');
  // `redirect` is the path (with its query) the person wanted before being asked to sign in.
  const destination = redirect ?? '/';
  const done = () => router.history.push(destination);
  const isSignedIn = Boolean(session?.user);

  useEffect(() => {
    if (isSignedIn && step === 'password') router.history.replace(destination);
  }, [isSignedIn, step, router, destination]);

  return step === 'password' ? <PasswordStep onSignedIn={done} onCodeRequired={() => setStep('code')} /> : <CodeStep onSignedIn={done} onBack={() => setStep('password')} />;
}

function PasswordStep({ onSignedIn, onCodeRequired }: { onSignedIn: () => void; onCodeRequired: () => void }) {
  const { t } = useTranslation();
  const signIn = useSignIn();
  const feedback = useFormFeedback();
  const form = useForm({ resolver: schemaResolver(signInInput), defaultValues: { email: '', password: '' }, shouldFocusError: false });
  const { errors } = form.formState;
  const labels: Record<string, string> = { email: t('signIn.email'), password: t('signIn.password') };

  const submit = form.handleSubmit(
    (values) =>
      signIn.mutate(values, {
        onSuccess: (result) => (result.status === 'two_factor_required' ? onCodeRequired() : onSignedIn()),
        onError: (error) => feedback.onServerError(error, form.setError, t),
      }),
    feedback.onInvalid,
  );

  return (
    <>
      <PageHeading title={t('signIn.title')} lead={t('signIn.lead')}>
        {t('signIn.title')}
      </PageHeading>
      <ErrorSummary items={summaryItems(errors, (name) => labels[name] ?? name)} message={feedback.formError} focusKey={feedback.attempt} />
      <form noValidate onSubmit={submit} className="space-y-6">
        <FormField name="email" label={labels.email} required error={errors.email?.message}>
          {(control) => <TextInput {...control} {...form.register('email')} type="email" autoComplete="username" inputMode="email" />}
        </FormField>
        <FormField name="password" label={labels.password} required error={errors.password?.message}>
          {(control) => <TextInput {...control} {...form.register('password')} type="password" autoComplete="current-password" />}
        </FormField>
        <Button type="submit" variant="solid-fill" size="lg" isBusy={signIn.isPending} className="w-full">
          {t('signIn.submit')}
        </Button>
      </form>
      <p className="mt-8 text-std-16N-170">
        <TextLink to="/forgot-password">{t('signIn.forgotPassword')}</TextLink>
      </p>
    </>
  );
}

function CodeStep({ onSignedIn, onBack }: { onSignedIn: () => void; onBack: () => void }) {
  const { t } = useTranslation();
  const verify = useVerifyTwoFactor();
  const feedback = useFormFeedback();
  const form = useForm({ resolver: schemaResolver(twoFactorVerifyInput), defaultValues: { code: '' }, shouldFocusError: false });
  const { errors } = form.formState;

  const submit = form.handleSubmit(
    (values) => verify.mutate(values, { onSuccess: onSignedIn, onError: (error) => feedback.onServerError(error, form.setError, t) }),
    feedback.onInvalid,
  );

  return (
    <>
      <PageHeading title={t('signIn.codeTitle')} lead={t('signIn.codeLead')}>
        {t('signIn.codeTitle')}
      </PageHeading>
      <ErrorSummary items={summaryItems(errors, () => t('signIn.code'))} message={feedback.formError} focusKey={feedback.attempt} />
      <form noValidate onSubmit={submit} className="space-y-6">
        <FormField name="code" label={t('signIn.code')} required support={t('signIn.codeSupport')} error={errors.code?.message}>
          {(control) => <TextInput {...control} {...form.register('code')} autoComplete="one-time-code" spellCheck={false} className="max-w-xs" />}
        </FormField>
        <div className="flex flex-wrap gap-4">
          <Button type="submit" variant="solid-fill" size="lg" isBusy={verify.isPending}>
            {t('signIn.verify')}
          </Button>
          <Button variant="text" size="lg" onClick={onBack}>
            {t('signIn.back')}
          </Button>
        </div>
      </form>
    </>
  );
}
