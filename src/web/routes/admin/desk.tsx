import { type FormEvent, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { deskSettingsInput, themeInput } from '../../../shared/schemas/desk';
import { isApiError } from '../../api/client';
import { Button } from '../../components/Button';
import { ConflictNotice } from '../../components/ConflictNotice';
import { ModalDialog } from '../../components/Dialog';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Badge, LoadError, Loading } from '../../components/Feedback';
import { Checkbox, FieldGroup, FormField, TextArea, TextInput } from '../../components/FormField';
import { Notice } from '../../components/Notice';
import { PageHeading } from '../../components/PageHeading';
import { ColumnHeaders, DataTable, bodyRowClass, tdClass, thClass } from '../../components/Table';
import { linkStyle } from '../../components/styles';
import { type DeskSettings, type Theme, useAddTheme, useDeskSettings, useThemes, useUpdateDeskSettings, useUpdateTheme } from '../../features/desk/desk.api';
import { errorMessage } from '../../lib/errors';
import { schemaResolver } from '../../lib/form';
import { summaryItems, useFormFeedback } from '../../lib/use-form-feedback';

/** The desk's configuration (admins): the theme taxonomy and the public consultation form. */
export function DeskAdminPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeading title={t('deskAdmin.title')} lead={t('deskAdmin.lead')}>
        {t('deskAdmin.title')}
      </PageHeading>
      <PublicFormSettings />
      <Themes />
    </>
  );
}

// ---------------------------------------------------------------- themes

function Themes() {
  const { t } = useTranslation();
  const themes = useThemes();
  const update = useUpdateTheme();
  const [renaming, setRenaming] = useState<Theme | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const items = [...(themes.data?.items ?? [])].sort((a, b) => a.position - b.position || a.name.localeCompare(b.name, 'ja'));

  /** Moves a theme up or down by giving every theme its place in the new order (positions may have gaps or ties). */
  const reorder = async (index: number, offset: -1 | 1) => {
    const order = [...items];
    const [moved] = order.splice(index, 1);
    if (!moved) return;
    order.splice(index + offset, 0, moved);
    setMessage(null);
    try {
      for (const [position, theme] of order.entries()) {
        if (theme.position !== position * 10) await update.mutateAsync({ id: theme.id, version: theme.version, position: position * 10 });
      }
      setMessage(t('deskAdmin.themes.moved', { name: moved.name }));
    } catch (error) {
      setMessage(errorMessage(t, error));
    }
  };

  return (
    <section aria-labelledby="themes-heading" className="mt-12">
      <h2 id="themes-heading" className="mb-2 text-std-24B-150">
        {t('deskAdmin.themes.title')}
      </h2>
      <p className="mb-6 text-std-16N-170 text-solid-gray-700">{t('deskAdmin.themes.lead')}</p>
      <div aria-live="polite">{message ? <Notice tone="info" title={message} className="mb-4" /> : null}</div>
      {themes.isPending ? <Loading /> : null}
      {themes.isError ? <LoadError error={themes.error} onRetry={() => void themes.refetch()} /> : null}
      {themes.data && items.length === 0 ? <p className="mb-6 text-std-16N-170">{t('deskAdmin.themes.empty')}</p> : null}
      {items.length > 0 ? (
        <DataTable caption={t('deskAdmin.themes.caption')} captionHidden className="mb-8">
          <ColumnHeaders columns={[t('deskAdmin.themes.order'), t('deskAdmin.themes.name'), t('deskAdmin.themes.nameEn'), { label: t('deskAdmin.themes.caseCount'), end: true }, t('deskAdmin.themes.state'), t('deskAdmin.themes.actions')]} />
          <tbody>
            {items.map((theme, index) => (
              <tr key={theme.id} className={bodyRowClass}>
                <td className={`${tdClass} tabular-nums`}>{index + 1}</td>
                <th scope="row" className={`${thClass} font-normal`}>
                  {theme.name}
                </th>
                <td className={tdClass}>{theme.nameEn ?? ''}</td>
                <td className={`${tdClass} text-end tabular-nums`}>{theme.caseCount}</td>
                <td className={tdClass}>{theme.archived ? <Badge tone="warning">{t('deskAdmin.themes.archived')}</Badge> : <Badge tone="success">{t('deskAdmin.themes.inUse')}</Badge>}</td>
                <td className={tdClass}>
                  <div className="flex flex-wrap gap-2">
                    <Button size="sm" variant="text" aria-disabled={index === 0} onClick={() => void reorder(index, -1)}>
                      {t('deskAdmin.themes.up')}
                      <span className="sr-only">{theme.name}</span>
                    </Button>
                    <Button size="sm" variant="text" aria-disabled={index === items.length - 1} onClick={() => void reorder(index, 1)}>
                      {t('deskAdmin.themes.down')}
                      <span className="sr-only">{theme.name}</span>
                    </Button>
                    <Button size="sm" onClick={() => setRenaming(theme)}>
                      {t('deskAdmin.themes.rename')}
                      <span className="sr-only">{theme.name}</span>
                    </Button>
                    <Button
                      size="sm"
                      variant="text"
                      onClick={() =>
                        update.mutate(
                          { id: theme.id, version: theme.version, archived: !theme.archived },
                          {
                            onSuccess: () => setMessage(theme.archived ? t('deskAdmin.themes.restored', { name: theme.name }) : t('deskAdmin.themes.archivedDone', { name: theme.name })),
                            onError: (error) => setMessage(errorMessage(t, error)),
                          },
                        )
                      }
                    >
                      {theme.archived ? t('deskAdmin.themes.restore') : t('deskAdmin.themes.archive')}
                      <span className="sr-only">{theme.name}</span>
                    </Button>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      ) : null}
      <AddTheme nextPosition={items.length * 10} />
      {renaming ? <RenameTheme theme={renaming} onClose={() => setRenaming(null)} /> : null}
    </section>
  );
}

type ThemeValues = { name: string; nameEn: string };

function AddTheme({ nextPosition }: { nextPosition: number }) {
  const { t } = useTranslation();
  const add = useAddTheme();
  const feedback = useFormFeedback();
  const [added, setAdded] = useState<string | null>(null);
  const form = useForm<ThemeValues, unknown, z.output<typeof themeInput>>({ resolver: schemaResolver(themeInput), defaultValues: { name: '', nameEn: '' }, shouldFocusError: false });
  const { errors } = form.formState;
  const submit = form.handleSubmit(
    (values) =>
      add.mutate(
        { ...values, position: nextPosition },
        {
          onSuccess: (theme) => {
            setAdded(t('deskAdmin.themes.added', { name: theme.name }));
            form.reset({ name: '', nameEn: '' });
            feedback.reset();
          },
          onError: (error) => feedback.onServerError(error, form.setError, t),
        },
      ),
    feedback.onInvalid,
  );
  const labels: Record<string, string> = { name: t('deskAdmin.themes.name'), nameEn: t('deskAdmin.themes.nameEn') };
  return (
    <form noValidate onSubmit={(event) => void submit(event)} aria-labelledby="add-theme-heading" className="rounded-12 border border-solid-gray-420 bg-solid-gray-50 p-4 sm:p-6">
      <h3 id="add-theme-heading" className="mb-4 text-std-20B-150">
        {t('deskAdmin.themes.add')}
      </h3>
      <ErrorSummary items={summaryItems(errors, (name) => labels[name] ?? name)} message={feedback.formError} focusKey={feedback.attempt} />
      <div className="grid grid-cols-1 gap-6 md:grid-cols-2">
        <FormField name="name" label={t('deskAdmin.themes.name')} required support={t('deskAdmin.themes.nameSupport')} error={errors.name?.message}>
          {(control) => <TextInput {...control} {...form.register('name')} />}
        </FormField>
        <FormField name="nameEn" label={t('deskAdmin.themes.nameEn')} support={t('deskAdmin.themes.nameEnSupport')} error={errors.nameEn?.message}>
          {(control) => <TextInput {...control} {...form.register('nameEn')} lang="en" />}
        </FormField>
      </div>
      <Button type="submit" variant="solid-fill" className="mt-4" isBusy={add.isPending}>
        {t('deskAdmin.themes.addSubmit')}
      </Button>
      <div aria-live="polite">{added ? <Notice tone="success" title={added} className="mt-4" /> : null}</div>
    </form>
  );
}

function RenameTheme({ theme, onClose }: { theme: Theme; onClose: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateTheme();
  const [name, setName] = useState(theme.name);
  const [nameEn, setNameEn] = useState(theme.nameEn ?? '');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    update.mutate({ id: theme.id, version: theme.version, name, nameEn }, { onSuccess: onClose });
  };
  const nameError = isApiError(update.error) ? update.error.fields.find((field) => field.path === 'name') : undefined;
  return (
    <ModalDialog isOpen onOpenChange={(open) => !open && onClose()} title={t('deskAdmin.themes.renameTitle', { name: theme.name })}>
      <form noValidate onSubmit={submit} className="space-y-6">
        {update.isError ? (
          <p role="alert" className="text-dns-16N-130 text-error-2">
            ＊{errorMessage(t, update.error)}
          </p>
        ) : null}
        <FormField name="renameName" label={t('deskAdmin.themes.name')} required error={nameError ? errorMessage(t, update.error) : undefined}>
          {(control) => <TextInput {...control} value={name} onChange={(event) => setName(event.target.value)} />}
        </FormField>
        <FormField name="renameNameEn" label={t('deskAdmin.themes.nameEn')}>
          {(control) => <TextInput {...control} value={nameEn} lang="en" onChange={(event) => setNameEn(event.target.value)} />}
        </FormField>
        <div className="flex flex-wrap justify-end gap-4">
          <Button onClick={onClose}>{t('actions.cancel')}</Button>
          <Button type="submit" variant="solid-fill" isBusy={update.isPending}>
            {t('caseDetail.save')}
          </Button>
        </div>
      </form>
    </ModalDialog>
  );
}

// ---------------------------------------------------------------- the public form

type SettingsValues = { intakeEnabled: boolean; termsText: string; notifyAddress: string; followUpMonths: string };

function toSettingsForm(settings: DeskSettings): SettingsValues {
  return { intakeEnabled: settings.intakeEnabled, termsText: settings.termsText, notifyAddress: settings.notifyAddress ?? '', followUpMonths: settings.followUpMonths.join(', ') };
}

function PublicFormSettings() {
  const { t } = useTranslation();
  const settings = useDeskSettings();
  // Kept here: a save changes the version, which renews the form below.
  const [saved, setSaved] = useState(false);
  return (
    <section aria-labelledby="public-form-heading">
      <h2 id="public-form-heading" className="mb-2 text-std-24B-150">
        {t('deskAdmin.form.title')}
      </h2>
      {settings.isPending ? <Loading /> : null}
      {settings.isError ? <LoadError error={settings.error} onRetry={() => void settings.refetch()} /> : null}
      {settings.data ? <SettingsForm key={settings.data.version} settings={settings.data} onReload={() => void settings.refetch()} saved={saved} setSaved={setSaved} /> : null}
    </section>
  );
}

const settingsSchema = deskSettingsInput.omit({ version: true });

function SettingsForm({ settings, onReload, saved, setSaved }: { settings: DeskSettings; onReload: () => void; saved: boolean; setSaved: (saved: boolean) => void }) {
  const { t } = useTranslation();
  const update = useUpdateDeskSettings();
  const feedback = useFormFeedback();
  const [copied, setCopied] = useState(false);
  const [conflict, setConflict] = useState(false);
  const form = useForm<SettingsValues, unknown, z.output<typeof settingsSchema>>({
    resolver: schemaResolver(settingsSchema, {
      toInput: (values: SettingsValues) => ({
        ...values,
        followUpMonths: values.followUpMonths
          .normalize('NFKC')
          .split(/[,、\s]+/)
          .filter(Boolean)
          .map((value) => (/^\d+$/.test(value) ? Number(value) : value)),
      }),
      fieldOf: (path) => (path.startsWith('followUpMonths.') ? 'followUpMonths' : path),
    }),
    defaultValues: toSettingsForm(settings),
    shouldFocusError: false,
  });
  const { errors } = form.formState;
  const url = `${window.location.origin}${settings.publicIntakePath}`;
  const submit = form.handleSubmit(
    (values) =>
      update.mutate(
        { ...values, version: settings.version },
        {
          onSuccess: () => setSaved(true),
          onError: (error) => {
            if (isApiError(error) && error.code === 'VERSION_CONFLICT') {
              setConflict(true);
              return;
            }
            feedback.onServerError(error, form.setError, t, (path) => (path.startsWith('followUpMonths.') ? 'followUpMonths' : path));
          },
        },
      ),
    () => {
      setSaved(false);
      feedback.onInvalid();
    },
  );
  const labels: Record<string, string> = {
    termsText: t('deskAdmin.form.termsText'),
    notifyAddress: t('deskAdmin.form.notifyAddress'),
    followUpMonths: t('deskAdmin.form.followUpMonths'),
  };
  return (
    <>
      <div className="mb-6 rounded-12 border border-solid-gray-420 bg-solid-gray-50 p-4 sm:p-6">
        <p className="text-std-17B-170">{t('deskAdmin.form.url')}</p>
        <p className="mt-1 flex flex-wrap items-center gap-3">
          <a href={settings.publicIntakePath} target="_blank" rel="noreferrer" className={`${linkStyle} break-all text-std-16N-170`}>
            {url}
            <span className="sr-only">{t('common.opensInNewTab')}</span>
          </a>
          <Button
            size="sm"
            onClick={() => {
              void navigator.clipboard?.writeText(url).then(() => setCopied(true));
            }}
          >
            {t('deskAdmin.form.copy')}
          </Button>
        </p>
        <div aria-live="polite">{copied ? <p className="mt-2 text-std-16N-170">{t('deskAdmin.form.copied')}</p> : null}</div>
        <p className="mt-2 text-std-16N-170">
          {t('deskAdmin.form.state')}: {settings.intakeEnabled ? <Badge tone="success">{t('deskAdmin.form.open')}</Badge> : <Badge>{t('deskAdmin.form.closed')}</Badge>}
        </p>
      </div>
      <form noValidate onSubmit={(event) => void submit(event)} className="max-w-3xl space-y-6">
        {conflict ? <ConflictNotice title={t('deskAdmin.form.conflictTitle')} body={t('deskAdmin.form.conflictBody')} onReload={onReload} className="" /> : null}
        <ErrorSummary items={summaryItems(errors, (name) => labels[name] ?? name)} message={feedback.formError} focusKey={feedback.attempt} />
        <div aria-live="polite">{saved ? <Notice tone="success" title={t('deskAdmin.form.saved')} /> : null}</div>
        <FieldGroup name="intakeEnabled" legend={t('deskAdmin.form.enabledLegend')} required={false}>
          <Checkbox {...form.register('intakeEnabled')}>{t('deskAdmin.form.enabled')}</Checkbox>
        </FieldGroup>
        <FormField name="termsText" label={t('deskAdmin.form.termsText')} support={t('deskAdmin.form.termsTextSupport')} error={errors.termsText?.message}>
          {(control) => <TextArea {...control} {...form.register('termsText')} rows={8} />}
        </FormField>
        <FormField name="notifyAddress" label={t('deskAdmin.form.notifyAddress')} support={t('deskAdmin.form.notifyAddressSupport')} error={errors.notifyAddress?.message}>
          {(control) => <TextInput {...control} {...form.register('notifyAddress')} type="email" className="max-w-xl" />}
        </FormField>
        <FormField name="followUpMonths" label={t('deskAdmin.form.followUpMonths')} support={t('deskAdmin.form.followUpMonthsSupport')} error={errors.followUpMonths?.message}>
          {(control) => <TextInput {...control} {...form.register('followUpMonths')} inputMode="numeric" className="max-w-xs" />}
        </FormField>
        <Button type="submit" variant="solid-fill" isBusy={update.isPending}>
          {t('deskAdmin.form.save')}
        </Button>
      </form>
    </>
  );
}
