import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { passwordInput, twoFactorVerifyInput } from '../../shared/schemas/auth';
import { newPasswordSchema } from '../../shared/schemas/common';
import { Button } from '../components/Button';
import { ErrorSummary } from '../components/ErrorSummary';
import { Badge } from '../components/Feedback';
import { FieldGroup, FormField, Radio, TextInput } from '../components/FormField';
import { Notice } from '../components/Notice';
import { PageHeading } from '../components/PageHeading';
import { QrCode } from '../components/QrCode';
import { useChangePassword, useDisableTwoFactor, useEnableTwoFactor, useVerifyTwoFactor } from '../features/auth/auth.api';
import { useChangeLocale, useSession } from '../features/session/session.api';
import { currentLocale, isLocale } from '../i18n';
import { schemaResolver } from '../lib/form';
import { summaryItems, useFormFeedback } from '../lib/use-form-feedback';
import { passwordSupport } from './auth/password-rules';

export function SettingsPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeading title={t('settings.title')}>{t('settings.title')}</PageHeading>
      <div className="max-w-3xl space-y-12">
        <LanguageSection />
        <PasswordSection />
        <TwoFactorSection />
      </div>
    </>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="border-t border-solid-gray-420 pt-8">
      <h2 id={id} className="mb-4 text-std-24B-150">
        {title}
      </h2>
      {children}
    </section>
  );
}

function LanguageSection() {
  const { t } = useTranslation();
  const changeLocale = useChangeLocale();
  const locale = currentLocale();
  return (
    <Section id="language-heading" title={t('settings.language')}>
      <FieldGroup name="locale" legend={t('settings.languageLegend')} support={t('settings.languageSupport')}>
        <Radio name="locale" value="ja" lang="ja" checked={locale === 'ja'} onChange={(event) => isLocale(event.target.value) && changeLocale.mutate(event.target.value)}>
          日本語
        </Radio>
        <Radio name="locale" value="en" lang="en" checked={locale === 'en'} onChange={(event) => isLocale(event.target.value) && changeLocale.mutate(event.target.value)}>
          English
        </Radio>
      </FieldGroup>
    </Section>
  );
}

const passwordChangeForm = z
  .object({ currentPassword: z.string().min(1), newPassword: newPasswordSchema, confirmPassword: z.string() })
  .refine((values) => values.newPassword === values.confirmPassword, { path: ['confirmPassword'], message: 'password_mismatch' });

function PasswordSection() {
  const { t } = useTranslation();
  const change = useChangePassword();
  const feedback = useFormFeedback();
  const form = useForm({ resolver: schemaResolver(passwordChangeForm), defaultValues: { currentPassword: '', newPassword: '', confirmPassword: '' }, shouldFocusError: false });
  const { errors } = form.formState;
  const labels: Record<string, string> = { currentPassword: t('password.current'), newPassword: t('password.new'), confirmPassword: t('password.confirm') };
  const submit = form.handleSubmit(
    ({ currentPassword, newPassword }) =>
      change.mutate(
        { currentPassword, newPassword },
        {
          onSuccess: () => form.reset(),
          onError: (error) => feedback.onServerError(error, form.setError, t),
        },
      ),
    feedback.onInvalid,
  );
  return (
    <Section id="password-heading" title={t('settings.password')}>
      {change.isSuccess ? <Notice tone="success" live="polite" className="mb-6" title={t('settings.passwordChanged')} /> : null}
      <ErrorSummary items={summaryItems(errors, (name) => labels[name] ?? name)} message={feedback.formError} focusKey={feedback.attempt} />
      <form noValidate onSubmit={submit} className="space-y-6">
        <FormField name="currentPassword" label={labels.currentPassword} required error={errors.currentPassword?.message}>
          {(control) => <TextInput {...control} {...form.register('currentPassword')} type="password" autoComplete="current-password" className="max-w-md" />}
        </FormField>
        <FormField name="newPassword" label={labels.newPassword} required support={passwordSupport(t)} error={errors.newPassword?.message}>
          {(control) => <TextInput {...control} {...form.register('newPassword')} type="password" autoComplete="new-password" className="max-w-md" />}
        </FormField>
        <FormField name="confirmPassword" label={labels.confirmPassword} required error={errors.confirmPassword?.message}>
          {(control) => <TextInput {...control} {...form.register('confirmPassword')} type="password" autoComplete="new-password" className="max-w-md" />}
        </FormField>
        <p className="text-std-16N-170 text-solid-gray-700">{t('settings.passwordOtherSessions')}</p>
        <Button type="submit" variant="solid-fill" isBusy={change.isPending}>
          {t('settings.changePassword')}
        </Button>
      </form>
    </Section>
  );
}

function secretOf(totpUri: string): string {
  try {
    return new URL(totpUri).searchParams.get('secret') ?? '';
  } catch {
    return '';
  }
}

/** Two-factor sign-in: enrol (QR code, secret, backup codes, confirm with a code) or turn it off. */
function TwoFactorSection() {
  const { t } = useTranslation();
  const { data: session } = useSession();
  const enabled = session?.user?.twoFactorEnabled ?? false;
  const enable = useEnableTwoFactor();
  const [confirmed, setConfirmed] = useState(false);
  return (
    <Section id="two-factor-heading" title={t('settings.twoFactor')}>
      <p className="mb-4 text-std-16N-170">
        {t('settings.twoFactorStatus')}: {enabled ? <Badge tone="success">{t('settings.on')}</Badge> : <Badge>{t('settings.off')}</Badge>}
      </p>
      <p className="mb-6 text-std-16N-170 text-solid-gray-700">{t('settings.twoFactorLead')}</p>
      {confirmed ? <Notice tone="success" live="polite" className="mb-6" title={t('settings.twoFactorEnabled')} /> : null}
      {enabled && !enable.data ? (
        <DisableTwoFactor />
      ) : enable.data && !confirmed ? (
        <Enrolment totpUri={enable.data.totpUri} backupCodes={enable.data.backupCodes} onConfirmed={() => setConfirmed(true)} />
      ) : !enabled ? (
        <PasswordGate
          submitLabel={t('settings.startEnrolment')}
          isBusy={enable.isPending}
          onSubmit={(password, onError) => enable.mutate({ password }, { onError })}
        />
      ) : null}
    </Section>
  );
}

/** Asks for the password before a security change (enrol or disable two-factor). */
function PasswordGate({ submitLabel, isBusy, onSubmit, danger }: { submitLabel: string; isBusy: boolean; onSubmit: (password: string, onError: (error: unknown) => void) => void; danger?: boolean }) {
  const { t } = useTranslation();
  const feedback = useFormFeedback();
  const form = useForm({ resolver: schemaResolver(passwordInput), defaultValues: { password: '' }, shouldFocusError: false });
  const { errors } = form.formState;
  const submit = form.handleSubmit((values) => onSubmit(values.password, (error) => feedback.onServerError(error, form.setError, t)), feedback.onInvalid);
  return (
    <>
      <ErrorSummary items={summaryItems(errors, () => t('password.current'))} message={feedback.formError} focusKey={feedback.attempt} />
      <form noValidate onSubmit={submit} className="space-y-6">
        <FormField name="password" label={t('password.current')} required support={t('settings.passwordToConfirm')} error={errors.password?.message}>
          {(control) => <TextInput {...control} {...form.register('password')} type="password" autoComplete="current-password" className="max-w-md" />}
        </FormField>
        <Button type="submit" variant={danger ? 'danger' : 'solid-fill'} isBusy={isBusy}>
          {submitLabel}
        </Button>
      </form>
    </>
  );
}

function Enrolment({ totpUri, backupCodes, onConfirmed }: { totpUri: string; backupCodes: string[]; onConfirmed: () => void }) {
  const { t } = useTranslation();
  const verify = useVerifyTwoFactor();
  const feedback = useFormFeedback();
  const form = useForm({ resolver: schemaResolver(twoFactorVerifyInput), defaultValues: { code: '' }, shouldFocusError: false });
  const { errors } = form.formState;
  const secret = secretOf(totpUri);
  const submit = form.handleSubmit((values) => verify.mutate(values, { onSuccess: onConfirmed, onError: (error) => feedback.onServerError(error, form.setError, t) }), feedback.onInvalid);
  return (
    <ol className="space-y-8">
      <li>
        <h3 className="mb-2 text-std-20B-150">{t('settings.enrolStep1')}</h3>
        <p className="mb-4 text-std-16N-170">{t('settings.enrolStep1Body')}</p>
        <div className="inline-block rounded-8 border border-solid-gray-420 bg-white p-2">
          <QrCode value={totpUri} label={t('settings.qrLabel')} />
        </div>
        <p className="mt-4 text-std-16N-170">{t('settings.manualEntry')}</p>
        <p className="mt-1 rounded-8 bg-solid-gray-50 p-3 font-mono text-mono-16N-150 break-all select-all">{secret}</p>
      </li>
      <li>
        <h3 className="mb-2 text-std-20B-150">{t('settings.enrolStep2')}</h3>
        <p className="mb-4 text-std-16N-170">{t('settings.backupCodesBody')}</p>
        <ul aria-label={t('settings.backupCodes')} className="grid max-w-md grid-cols-2 gap-2 rounded-8 bg-solid-gray-50 p-4 font-mono text-mono-16N-150">
          {backupCodes.map((code) => (
            <li key={code}>{code}</li>
          ))}
        </ul>
      </li>
      <li>
        <h3 className="mb-2 text-std-20B-150">{t('settings.enrolStep3')}</h3>
        <ErrorSummary items={summaryItems(errors, () => t('signIn.code'))} message={feedback.formError} focusKey={feedback.attempt} />
        <form noValidate onSubmit={submit} className="space-y-6">
          <FormField name="enrolCode" label={t('signIn.code')} required support={t('settings.enrolCodeSupport')} error={errors.code?.message}>
            {(control) => <TextInput {...control} {...form.register('code')} autoComplete="one-time-code" inputMode="numeric" className="max-w-xs" />}
          </FormField>
          <Button type="submit" variant="solid-fill" isBusy={verify.isPending}>
            {t('settings.confirmEnrolment')}
          </Button>
        </form>
      </li>
    </ol>
  );
}

function DisableTwoFactor() {
  const { t } = useTranslation();
  const disable = useDisableTwoFactor();
  return (
    <>
      {disable.isSuccess ? <Notice tone="success" live="polite" className="mb-6" title={t('settings.twoFactorDisabled')} /> : null}
      <h3 className="mb-2 text-std-20B-150">{t('settings.disableTitle')}</h3>
      <p className="mb-4 text-std-16N-170 text-solid-gray-700">{t('settings.disableBody')}</p>
      <PasswordGate danger submitLabel={t('settings.disable')} isBusy={disable.isPending} onSubmit={(password, onError) => disable.mutate({ password }, { onError })} />
    </>
  );
}
