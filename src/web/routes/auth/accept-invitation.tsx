import { useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams, useRouterState } from '@tanstack/react-router';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { newPasswordSchema, text } from '../../../shared/schemas/common';
import { Button } from '../../components/Button';
import { ErrorSummary } from '../../components/ErrorSummary';
import { LoadError, Loading } from '../../components/Feedback';
import { FormField, TextInput } from '../../components/FormField';
import { Notice } from '../../components/Notice';
import { PageHeading } from '../../components/PageHeading';
import { DetailList } from '../../components/Table';
import { TextLink } from '../../components/TextLink';
import { useAcceptInvitation, useInvitationPreview } from '../../features/members/members.api';
import { sessionQuery, useSession, useSwitchTenant } from '../../features/session/session.api';
import { formatDateTime } from '../../lib/dates';
import { schemaResolver } from '../../lib/form';
import { summaryItems, useFormFeedback } from '../../lib/use-form-feedback';
import { currentLocale } from '../../i18n';
import { passwordSupport } from './password-rules';

const newAccountForm = z
  .object({ name: text(100), password: newPasswordSchema, confirmPassword: z.string() })
  .refine((values) => values.password === values.confirmPassword, { path: ['confirmPassword'], message: 'password_mismatch' });

/** Reached from the invitation mail (/invitations/{tenantId}/{token}). */
export function AcceptInvitationPage() {
  const { t } = useTranslation();
  const { tenantId, token } = useParams({ from: '/public/invitations/$tenantId/$token' });
  const preview = useInvitationPreview(tenantId, token);
  const { data: session } = useSession();
  const locale = currentLocale();

  return (
    <>
      <PageHeading title={t('invitation.title')}>{t('invitation.title')}</PageHeading>
      {preview.isPending ? <Loading /> : null}
      {preview.isError ? <LoadError error={preview.error} /> : null}
      {preview.data ? (
        <>
          <DetailList
            items={[
              { label: t('invitation.organisation'), value: preview.data.tenantName },
              { label: t('invitation.email'), value: preview.data.email },
              { label: t('invitation.role'), value: t(`enums.role.${preview.data.role}`) },
              { label: t('invitation.expiresAt'), value: formatDateTime(preview.data.expiresAt, locale) },
            ]}
          />
          <div className="mt-8">
            {preview.data.hasAccount ? (
              <ExistingAccount tenantId={tenantId} token={token} invitedEmail={preview.data.email} signedInEmail={session?.user?.email ?? null} />
            ) : (
              <NewAccount tenantId={tenantId} token={token} />
            )}
          </div>
        </>
      ) : null}
    </>
  );
}

function ExistingAccount({ tenantId, token, invitedEmail, signedInEmail }: { tenantId: string; token: string; invitedEmail: string; signedInEmail: string | null }) {
  const { t } = useTranslation();
  const accept = useAcceptInvitation(tenantId, token);
  const switchTenant = useSwitchTenant();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const here = useRouterState({ select: (state) => state.location.href });
  const feedback = useFormFeedback();

  if (!signedInEmail) {
    return (
      <Notice tone="info" title={t('invitation.signInFirst')}>
        <p className="mt-2">
          <TextLink to="/sign-in" search={{ redirect: here }}>
            {t('invitation.signInToAccept')}
          </TextLink>
        </p>
      </Notice>
    );
  }
  if (signedInEmail !== invitedEmail) {
    return <Notice tone="warning" title={t('invitation.otherAccount', { email: signedInEmail, invited: invitedEmail })} />;
  }
  return (
    <>
      <ErrorSummary items={[]} message={feedback.formError} focusKey={feedback.attempt} />
      <Button
        variant="solid-fill"
        size="lg"
        isBusy={accept.isPending || switchTenant.isPending}
        onClick={() =>
          accept.mutate(
            {},
            {
              onSuccess: async () => {
                await queryClient.invalidateQueries({ queryKey: sessionQuery.queryKey });
                switchTenant.mutate(tenantId, { onSettled: () => void navigate({ to: '/companies' }) });
              },
              onError: (error) => feedback.onServerError(error, () => undefined, t),
            },
          )
        }
      >
        {t('invitation.accept')}
      </Button>
    </>
  );
}

function NewAccount({ tenantId, token }: { tenantId: string; token: string }) {
  const { t } = useTranslation();
  const accept = useAcceptInvitation(tenantId, token);
  const feedback = useFormFeedback();
  const form = useForm({ resolver: schemaResolver(newAccountForm), defaultValues: { name: '', password: '', confirmPassword: '' }, shouldFocusError: false });
  const { errors } = form.formState;
  const labels: Record<string, string> = { name: t('invitation.name'), password: t('password.new'), confirmPassword: t('password.confirm') };

  if (accept.isSuccess) {
    return (
      <Notice tone="success" title={t('invitation.createdTitle')} live="polite">
        <p className="mt-2">
          <TextLink to="/sign-in" search={{}}>
            {t('resetPassword.signIn')}
          </TextLink>
        </p>
      </Notice>
    );
  }

  const submit = form.handleSubmit(
    (values) => accept.mutate({ name: values.name, password: values.password }, { onError: (error) => feedback.onServerError(error, form.setError, t) }),
    feedback.onInvalid,
  );
  return (
    <>
      <h2 className="mb-4 text-std-20B-150">{t('invitation.newAccount')}</h2>
      <ErrorSummary items={summaryItems(errors, (name) => labels[name] ?? name)} message={feedback.formError} focusKey={feedback.attempt} />
      <form noValidate onSubmit={submit} className="space-y-6">
        <FormField name="name" label={labels.name} required support={t('invitation.nameSupport')} error={errors.name?.message}>
          {(control) => <TextInput {...control} {...form.register('name')} autoComplete="name" />}
        </FormField>
        <FormField name="password" label={labels.password} required support={passwordSupport(t)} error={errors.password?.message}>
          {(control) => <TextInput {...control} {...form.register('password')} type="password" autoComplete="new-password" />}
        </FormField>
        <FormField name="confirmPassword" label={labels.confirmPassword} required error={errors.confirmPassword?.message}>
          {(control) => <TextInput {...control} {...form.register('confirmPassword')} type="password" autoComplete="new-password" />}
        </FormField>
        <Button type="submit" variant="solid-fill" size="lg" isBusy={accept.isPending}>
          {t('invitation.createAndAccept')}
        </Button>
      </form>
    </>
  );
}
