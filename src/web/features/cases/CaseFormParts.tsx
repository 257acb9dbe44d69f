import { type FieldValues, type Path, type UseFormReturn, useFieldArray, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { activityChannels, painSeverities } from '../../../shared/domain/desk';
import { Button } from '../../components/Button';
import { Checkbox, FieldGroup, FormField, Radio, SelectInput, TextArea, TextInput } from '../../components/FormField';
import { useDeskPeople, useThemes } from '../desk/desk.api';
import { type ActivityFormValues, type PainPointFormValues, type ParticipantFormValues, emptyPainPoint } from './case-form-values';
import { deskLabel, themeName } from './desk-labels';

/*
 * Parts shared by the intake (/cases/new) and the case page's dialogs. Each part works on any form
 * that has its fields under the same names (`activity.*`, `painPoints`, `participants`, `themeIds`).
 */

type WithActivity = { activity: ActivityFormValues };
type WithPainPoints = { painPoints: PainPointFormValues[] };
type WithParticipants = { participants: ParticipantFormValues[] };

/** An error message at a dotted path of react-hook-form's error tree. */
function errorAt(errors: unknown, path: string): string | undefined {
  let node: unknown = errors;
  for (const part of path.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  const message = (node as { message?: unknown } | undefined)?.message;
  return typeof message === 'string' ? message : undefined;
}

/** The date and time (Japan), channel, minutes, people present, notes and 「報告に含める」 of an activity. */
export function ActivityFields<T extends FieldValues, O>({ form: anyForm }: { form: UseFormReturn<T, unknown, O> }) {
  const { t } = useTranslation();
  const form = anyForm as unknown as UseFormReturn<WithActivity>;
  const { register, formState } = form;
  const { errors } = formState;
  const people = useDeskPeople();
  const staff = people.data?.items.filter((person) => person.role === 'admin' || person.role === 'staff') ?? [];
  const experts = people.data?.items.filter((person) => person.role === 'expert') ?? [];
  const err = (name: string) => errorAt(errors, `activity.${name}`);
  return (
    <div className="space-y-6">
      <div className="grid grid-cols-1 gap-6 sm:grid-cols-2">
        <FormField name="activity.date" label={t('activity.date')} required support={t('activity.dateSupport')} error={err('date')}>
          {(control) => <TextInput {...control} {...register('activity.date')} type="date" className="max-w-56" />}
        </FormField>
        <FormField name="activity.time" label={t('activity.time')} required support={t('activity.timeSupport')} error={err('time')}>
          {(control) => <TextInput {...control} {...register('activity.time')} type="time" step={300} className="max-w-40" />}
        </FormField>
      </div>
      <FieldGroup name="activity.channel" legend={t('activity.channel')} required error={err('channel')}>
        <div className="grid grid-cols-2 gap-x-6 sm:grid-cols-3">
          {activityChannels.map((channel) => (
            <Radio key={channel} value={channel} {...register('activity.channel')} aria-invalid={err('channel') ? true : undefined}>
              {deskLabel(t, 'channel', channel)}
            </Radio>
          ))}
        </div>
      </FieldGroup>
      <div className="grid grid-cols-1 gap-6 sm:grid-cols-3">
        <FormField name="activity.minutes" label={t('activity.minutes')} required support={t('activity.minutesSupport')} error={err('minutes')}>
          {(control) => <TextInput {...control} {...register('activity.minutes')} inputMode="numeric" className="max-w-32" />}
        </FormField>
        <FormField name="activity.preparationMinutes" label={t('activity.preparationMinutes')} support={t('activity.minutesSupport')} error={err('preparationMinutes')}>
          {(control) => <TextInput {...control} {...register('activity.preparationMinutes')} inputMode="numeric" className="max-w-32" />}
        </FormField>
        <FormField name="activity.travelMinutes" label={t('activity.travelMinutes')} support={t('activity.minutesSupport')} error={err('travelMinutes')}>
          {(control) => <TextInput {...control} {...register('activity.travelMinutes')} inputMode="numeric" className="max-w-32" />}
        </FormField>
      </div>
      <div className="grid grid-cols-1 gap-6 sm:grid-cols-2">
        <FieldGroup name="activity.staffIds" legend={t('activity.staff')} required={false} error={err('staffIds')}>
          {staff.length === 0 ? <p className="text-std-16N-170 text-solid-gray-700">{t('activity.nobody')}</p> : null}
          {staff.map((person) => (
            <Checkbox key={person.id} value={person.id} {...register('activity.staffIds')}>
              {person.name}
            </Checkbox>
          ))}
        </FieldGroup>
        <FieldGroup name="activity.expertIds" legend={t('activity.experts')} required={false} error={err('expertIds')}>
          {experts.length === 0 ? <p className="text-std-16N-170 text-solid-gray-700">{t('activity.nobody')}</p> : null}
          {experts.map((person) => (
            <Checkbox key={person.id} value={person.id} {...register('activity.expertIds')}>
              {person.name}
            </Checkbox>
          ))}
        </FieldGroup>
      </div>
      <FormField name="activity.notes" label={t('activity.notes')} support={t('activity.notesSupport')} error={err('notes')}>
        {(control) => <TextArea {...control} {...register('activity.notes')} rows={4} />}
      </FormField>
      <FieldGroup name="activity.reportable" legend={t('activity.reportableLegend')} required={false} support={t('activity.reportableSupport')}>
        <Checkbox {...register('activity.reportable')}>{t('activity.reportable')}</Checkbox>
      </FieldGroup>
    </div>
  );
}

/** The 「負」 inventory as repeatable rows: process, who suffers, hours lost per month, severity 小/中/大. */
export function PainPointRows<T extends FieldValues, O>({ form: anyForm }: { form: UseFormReturn<T, unknown, O> }) {
  const { t } = useTranslation();
  const form = anyForm as unknown as UseFormReturn<WithPainPoints>;
  const { control, register, formState } = form;
  const { fields, append, remove } = useFieldArray({ control, name: 'painPoints' });
  const err = (index: number, name: string) => errorAt(formState.errors, `painPoints.${index}.${name}`);
  return (
    <FieldGroup name="painPoints" legend={t('painPoints.legend')} support={t('painPoints.support')}>
      {fields.length === 0 ? <p className="mb-4 text-std-16N-170 text-solid-gray-700">{t('painPoints.none')}</p> : null}
      <div className="space-y-6">
        {fields.map((field, index) => (
          <fieldset key={field.id} className="rounded-12 border border-solid-gray-420 p-4 sm:p-6">
            <legend className="px-2 text-std-17B-170">{t('painPoints.rowN', { n: index + 1 })}</legend>
            <div className="grid grid-cols-1 gap-6 sm:grid-cols-2">
              <FormField name={`painPoints.${index}.process`} label={t('painPoints.process')} required support={t('painPoints.processSupport')} error={err(index, 'process')}>
                {(control) => <TextInput {...control} {...register(`painPoints.${index}.process`)} />}
              </FormField>
              <FormField name={`painPoints.${index}.sufferer`} label={t('painPoints.sufferer')} support={t('painPoints.suffererSupport')} error={err(index, 'sufferer')}>
                {(control) => <TextInput {...control} {...register(`painPoints.${index}.sufferer`)} />}
              </FormField>
              <FormField name={`painPoints.${index}.hoursLostPerMonth`} label={t('painPoints.hoursLost')} support={t('painPoints.hoursLostSupport')} error={err(index, 'hoursLostPerMonth')}>
                {(control) => <TextInput {...control} {...register(`painPoints.${index}.hoursLostPerMonth`)} inputMode="decimal" className="max-w-40" />}
              </FormField>
              <FieldGroup name={`painPoints.${index}.severity`} legend={t('painPoints.severity')} required error={err(index, 'severity')}>
                <div className="flex flex-wrap gap-x-6">
                  {painSeverities.map((severity) => (
                    <Radio key={severity} value={severity} {...register(`painPoints.${index}.severity`)}>
                      {deskLabel(t, 'severity', severity)}
                    </Radio>
                  ))}
                </div>
              </FieldGroup>
            </div>
            <FormField name={`painPoints.${index}.description`} label={t('painPoints.description')} error={err(index, 'description')} className="mt-6">
              {(control) => <TextArea {...control} {...register(`painPoints.${index}.description`)} rows={2} />}
            </FormField>
            <Button variant="text" size="sm" className="mt-4" onClick={() => remove(index)}>
              {t('painPoints.remove', { n: index + 1 })}
            </Button>
          </fieldset>
        ))}
      </div>
      <Button className="mt-4" onClick={() => append({ ...emptyPainPoint }, { shouldFocus: true, focusName: `painPoints.${fields.length}.process` })}>
        {t('painPoints.add')}
      </Button>
    </FieldGroup>
  );
}

/** The desk's themes as checkboxes (archived ones only when already chosen). */
export function ThemeCheckboxes<T extends FieldValues, O>({ form, chosen = [] }: { form: UseFormReturn<T, unknown, O>; chosen?: string[] }) {
  const { t } = useTranslation();
  const themes = useThemes();
  const error = errorAt(form.formState.errors, 'themeIds');
  const offered = themes.data?.items.filter((theme) => !theme.archived || chosen.includes(theme.id)) ?? [];
  return (
    <FieldGroup name="themeIds" legend={t('cases.fields.themes')} required={false} support={t('cases.form.themesSupport')} error={error}>
      {themes.data && offered.length === 0 ? <p className="text-std-16N-170 text-solid-gray-700">{t('cases.form.noThemes')}</p> : null}
      <div className="grid grid-cols-1 gap-x-6 sm:grid-cols-2 lg:grid-cols-3">
        {offered.map((theme) => (
          <Checkbox key={theme.id} value={theme.id} {...form.register('themeIds' as Path<T>)}>
            {themeName(theme)}
          </Checkbox>
        ))}
      </div>
    </FieldGroup>
  );
}

/** The coordinator and the experts/partners on a case with their role labels. */
export function PeopleFields<T extends FieldValues, O>({ form: anyForm }: { form: UseFormReturn<T, unknown, O> }) {
  const { t } = useTranslation();
  const form = anyForm as unknown as UseFormReturn<WithParticipants & { coordinatorId: string; consentSharePartners: boolean }>;
  const { control, register, formState } = form;
  const { fields, append, remove } = useFieldArray({ control, name: 'participants' });
  const kinds = useWatch({ control, name: 'participants' });
  const consent = useWatch({ control, name: 'consentSharePartners' });
  const people = useDeskPeople();
  const all = people.data?.items ?? [];
  const coordinators = all.filter((person) => person.role !== 'partner');
  const err = (name: string) => errorAt(formState.errors, name);
  return (
    <div className="space-y-6">
      <FormField name="coordinatorId" label={t('cases.fields.coordinator')} support={t('cases.form.coordinatorSupport')} error={err('coordinatorId')}>
        {(fieldControl) => (
          <SelectInput {...fieldControl} {...register('coordinatorId')} className="max-w-md">
            <option value="">{t('cases.form.noCoordinator')}</option>
            {coordinators.map((person) => (
              <option key={person.id} value={person.id}>
                {person.name}（{t(`enums.role.${person.role}`)}）
              </option>
            ))}
          </SelectInput>
        )}
      </FormField>
      <FieldGroup name="participants" legend={t('cases.fields.participants')} support={t('cases.form.participantsSupport')} error={err('participants')}>
        {fields.length === 0 ? <p className="mb-4 text-std-16N-170 text-solid-gray-700">{t('cases.form.noParticipants')}</p> : null}
        <div className="space-y-4">
          {fields.map((field, index) => {
            const kind = kinds?.[index]?.kind ?? 'expert';
            const choices = all.filter((person) => (kind === 'partner' ? person.role === 'partner' : person.role !== 'partner'));
            return (
              <fieldset key={field.id} className="rounded-12 border border-solid-gray-420 p-4">
                <legend className="px-2 text-std-16B-170">{t('cases.form.participantN', { n: index + 1 })}</legend>
                <div className="grid grid-cols-1 gap-6 sm:grid-cols-3">
                  <FormField name={`participants.${index}.kind`} label={t('cases.form.participantKind')} error={err(`participants.${index}.kind`)}>
                    {(fieldControl) => (
                      <SelectInput {...fieldControl} {...register(`participants.${index}.kind`)}>
                        <option value="expert">{deskLabel(t, 'participantKind', 'expert')}</option>
                        <option value="partner">{deskLabel(t, 'participantKind', 'partner')}</option>
                      </SelectInput>
                    )}
                  </FormField>
                  <FormField name={`participants.${index}.userId`} label={t('cases.form.participantPerson')} required error={err(`participants.${index}.userId`)}>
                    {(fieldControl) => (
                      <SelectInput {...fieldControl} {...register(`participants.${index}.userId`)}>
                        <option value="">{t('common.notSelected')}</option>
                        {choices.map((person) => (
                          <option key={person.id} value={person.id}>
                            {person.name}（{t(`enums.role.${person.role}`)}）
                          </option>
                        ))}
                      </SelectInput>
                    )}
                  </FormField>
                  <FormField name={`participants.${index}.roleLabel`} label={t('cases.form.roleLabel')} support={t('cases.form.roleLabelSupport')} error={err(`participants.${index}.roleLabel`)}>
                    {(fieldControl) => <TextInput {...fieldControl} {...register(`participants.${index}.roleLabel`)} />}
                  </FormField>
                </div>
                {kind === 'partner' && !consent ? <p className="mt-3 text-dns-16N-130 text-solid-gray-800">{t('cases.form.partnerNeedsConsent')}</p> : null}
                <Button variant="text" size="sm" className="mt-3" onClick={() => remove(index)}>
                  {t('cases.form.removeParticipant', { n: index + 1 })}
                </Button>
              </fieldset>
            );
          })}
        </div>
        <Button className="mt-4" onClick={() => append({ userId: '', kind: 'expert', roleLabel: '' }, { shouldFocus: true, focusName: `participants.${fields.length}.kind` })}>
          {t('cases.form.addParticipant')}
        </Button>
      </FieldGroup>
    </div>
  );
}
