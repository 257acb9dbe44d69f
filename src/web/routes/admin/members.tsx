import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { invitationInput } from '../../../shared/schemas/members';
import { roles } from '../../../shared/roles';
import { Button } from '../../components/Button';
import { ConfirmDialog } from '../../components/Dialog';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Badge, LoadError, Loading } from '../../components/Feedback';
import { FormField, SelectInput, TextInput } from '../../components/FormField';
import { Notice } from '../../components/Notice';
import { PageHeading } from '../../components/PageHeading';
import { ColumnHeaders, DataTable, bodyRowClass, tdClass, thClass } from '../../components/Table';
import { type Invitation, type Member, type Role, useChangeRole, useInvitations, useInvite, useMembers, useRemoveMember, useRevokeInvitation } from '../../features/members/members.api';
import { useSession } from '../../features/session/session.api';
import { currentLocale } from '../../i18n';
import { DateText } from '../../components/DateText';
import { formatDateTime } from '../../lib/dates';
import { errorMessage } from '../../lib/errors';
import { schemaResolver } from '../../lib/form';
import { summaryItems, useFormFeedback } from '../../lib/use-form-feedback';

export function MembersPage() {
  const { t } = useTranslation();
  const members = useMembers();
  return (
    <>
      <PageHeading title={t('members.title')} lead={t('members.lead')}>
        {t('members.title')}
      </PageHeading>
      <section aria-labelledby="members-heading">
        <h2 id="members-heading" className="mb-4 text-std-24B-150">
          {t('members.listTitle')}
        </h2>
        {members.isPending ? <Loading /> : null}
        {members.isError ? <LoadError error={members.error} onRetry={() => void members.refetch()} /> : null}
        {members.data ? <MemberTable members={members.data.items} canChangeRoles={members.data.abilities.changeRoles} /> : null}
      </section>
      {members.data?.abilities.invite ? (
        <>
          <InviteSection />
          <PendingInvitations />
        </>
      ) : null}
    </>
  );
}

function MemberTable({ members, canChangeRoles }: { members: Member[]; canChangeRoles: boolean }) {
  const { t } = useTranslation();
  const { data: session } = useSession();
  const changeRole = useChangeRole();
  const remove = useRemoveMember();
  const [removing, setRemoving] = useState<Member | null>(null);
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);

  return (
    <>
      {message ? <Notice tone={message.tone} live={message.tone === 'error' ? 'assertive' : 'polite'} title={message.text} className="mb-4" /> : null}
      <DataTable caption={t('members.caption', { count: members.length })}>
        <ColumnHeaders
          columns={[t('members.name'), t('members.email'), t('members.role'), t('members.twoFactor'), t('members.joinedAt'), ...(canChangeRoles ? [t('members.actions')] : [])]}
        />
        <tbody>
          {members.map((member) => {
            const isSelf = member.userId === session?.user?.id;
            return (
              <tr key={member.userId} className={bodyRowClass}>
                <th scope="row" className={`${thClass} font-normal`}>
                  {member.name}
                  {isSelf ? <span className="ml-2 text-dns-14N-130 text-solid-gray-700">{t('members.you')}</span> : null}
                </th>
                <td className={`${tdClass} break-all`}>{member.email}</td>
                <td className={tdClass}>
                  {canChangeRoles ? (
                    <SelectInput
                      aria-label={t('members.roleOf', { name: member.name })}
                      value={member.role}
                      className="min-w-48"
                      onChange={(event) =>
                        changeRole.mutate(
                          { userId: member.userId, role: event.target.value as Role, version: member.version },
                          {
                            onSuccess: () => setMessage({ tone: 'success', text: t('members.roleChanged', { name: member.name, role: t(`enums.role.${event.target.value}`) }) }),
                            onError: (error) => setMessage({ tone: 'error', text: errorMessage(t, error) }),
                          },
                        )
                      }
                    >
                      {roles.map((role) => (
                        <option key={role} value={role}>
                          {t(`enums.role.${role}`)}
                        </option>
                      ))}
                    </SelectInput>
                  ) : (
                    t(`enums.role.${member.role}`)
                  )}
                </td>
                <td className={tdClass}>{member.twoFactorEnabled ? <Badge tone="success">{t('settings.on')}</Badge> : <Badge>{t('settings.off')}</Badge>}</td>
                <td className={tdClass}>
                  <DateText iso={member.joinedAt} compact />
                </td>
                {canChangeRoles ? (
                  <td className={tdClass}>
                    <Button variant="text" size="sm" onClick={() => setRemoving(member)}>
                      {t('members.remove')}
                      <span className="sr-only">: {member.name}</span>
                    </Button>
                  </td>
                ) : null}
              </tr>
            );
          })}
        </tbody>
      </DataTable>
      <p className="mt-2 text-std-16N-170 text-solid-gray-700">{t('members.rolesHelp')}</p>
      <ConfirmDialog
        isOpen={removing !== null}
        onOpenChange={(open) => !open && setRemoving(null)}
        title={t('members.removeTitle')}
        confirmLabel={t('members.remove')}
        tone="danger"
        isBusy={remove.isPending}
        onConfirm={() =>
          removing &&
          remove.mutate(
            { userId: removing.userId, version: removing.version },
            {
              onSuccess: () => {
                setMessage({ tone: 'success', text: t('members.removed', { name: removing.name }) });
                setRemoving(null);
              },
              onError: (error) => {
                setMessage({ tone: 'error', text: errorMessage(t, error) });
                setRemoving(null);
              },
            },
          )
        }
      >
        <p>{t('members.removeBody', { name: removing?.name ?? '' })}</p>
      </ConfirmDialog>
    </>
  );
}

function InviteSection() {
  const { t } = useTranslation();
  const invite = useInvite();
  const feedback = useFormFeedback();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const form = useForm({ resolver: schemaResolver(invitationInput), defaultValues: { email: '', role: 'staff' as Role }, shouldFocusError: false });
  const { errors } = form.formState;
  const labels: Record<string, string> = { email: t('members.inviteEmail'), role: t('members.role') };
  const submit = form.handleSubmit(
    (values) =>
      invite.mutate(values, {
        onSuccess: (created) => {
          setSentTo(created.email);
          form.reset();
        },
        onError: (error) => feedback.onServerError(error, form.setError, t),
      }),
    feedback.onInvalid,
  );
  return (
    <section aria-labelledby="invite-heading" className="mt-12 max-w-3xl">
      <h2 id="invite-heading" className="mb-4 text-std-24B-150">
        {t('members.inviteTitle')}
      </h2>
      <p className="mb-6 text-std-16N-170 text-solid-gray-700">{t('members.inviteLead')}</p>
      {sentTo ? <Notice tone="success" live="polite" className="mb-6" title={t('members.invited', { email: sentTo })} /> : null}
      <ErrorSummary items={summaryItems(errors, (name) => labels[name] ?? name)} message={feedback.formError} focusKey={feedback.attempt} />
      <form noValidate onSubmit={submit} className="grid grid-cols-1 gap-6 sm:grid-cols-[2fr_1fr]">
        <FormField name="email" label={labels.email} required error={errors.email?.message}>
          {(control) => <TextInput {...control} {...form.register('email')} type="email" autoComplete="off" inputMode="email" />}
        </FormField>
        <FormField name="role" label={labels.role} required error={errors.role?.message}>
          {(control) => (
            <SelectInput {...control} {...form.register('role')}>
              {roles.map((role) => (
                <option key={role} value={role}>
                  {t(`enums.role.${role}`)}
                </option>
              ))}
            </SelectInput>
          )}
        </FormField>
        <div>
          <Button type="submit" variant="solid-fill" isBusy={invite.isPending}>
            {t('members.sendInvitation')}
          </Button>
        </div>
      </form>
    </section>
  );
}

function PendingInvitations() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const invitations = useInvitations();
  const revoke = useRevokeInvitation();
  const [revoking, setRevoking] = useState<Invitation | null>(null);
  return (
    <section aria-labelledby="pending-heading" className="mt-12">
      <h2 id="pending-heading" className="mb-4 text-std-24B-150">
        {t('members.pendingTitle')}
      </h2>
      {invitations.isPending ? <Loading /> : null}
      {invitations.isError ? <LoadError error={invitations.error} /> : null}
      {invitations.data?.items.length === 0 ? <p className="text-std-16N-170">{t('members.noPending')}</p> : null}
      {invitations.data && invitations.data.items.length > 0 ? (
        <DataTable caption={t('members.pendingCaption')} captionHidden>
          <ColumnHeaders columns={[t('members.email'), t('members.role'), t('members.invitedBy'), t('members.expiresAt'), t('members.actions')]} />
          <tbody>
            {invitations.data.items.map((invitation) => (
              <tr key={invitation.id} className={bodyRowClass}>
                <th scope="row" className={`${thClass} font-normal break-all`}>
                  {invitation.email}
                </th>
                <td className={tdClass}>{t(`enums.role.${invitation.role}`)}</td>
                <td className={tdClass}>{invitation.invitedBy ?? ''}</td>
                <td className={tdClass}>{formatDateTime(invitation.expiresAt, locale)}</td>
                <td className={tdClass}>
                  <Button variant="text" size="sm" onClick={() => setRevoking(invitation)}>
                    {t('members.revoke')}
                    <span className="sr-only">: {invitation.email}</span>
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      ) : null}
      <ConfirmDialog
        isOpen={revoking !== null}
        onOpenChange={(open) => !open && setRevoking(null)}
        title={t('members.revokeTitle')}
        confirmLabel={t('members.revoke')}
        tone="danger"
        isBusy={revoke.isPending}
        onConfirm={() => revoking && revoke.mutate(revoking.id, { onSettled: () => setRevoking(null) })}
      >
        <p>{t('members.revokeBody', { email: revoking?.email ?? '' })}</p>
      </ConfirmDialog>
    </section>
  );
}
