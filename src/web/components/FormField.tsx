import type { ComponentProps, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldId } from '../lib/form';
import { inputClass } from './styles';

export interface FieldControlProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
  'aria-required'?: true;
}

/** 「※必須」 (red) or 「任意」 next to a label, as DADS forms do. */
export function RequirementBadge({ required }: { required: boolean }) {
  const { t } = useTranslation();
  return required ? (
    <span className="ml-2 text-dns-16N-130 text-error-2">{t('form.required')}</span>
  ) : (
    <span className="ml-2 text-dns-16N-130 text-solid-gray-700">{t('form.optional')}</span>
  );
}

/** The red error line under a field; DADS starts it with 「＊」. */
export function ErrorText({ id, children }: { id: string; children: ReactNode }) {
  return (
    <p id={id} className="mt-2 text-dns-16N-130 text-error-2">
      ＊{children}
    </p>
  );
}

/**
 * Label, requirement badge, support text and error of one control (DADS form-control-label). The
 * control gets the ids it needs: aria-describedby names the support and error texts, aria-invalid
 * marks a field with an error. Support text replaces placeholders, which DADS forbids.
 */
export function FormField({
  name,
  label,
  required = false,
  support,
  error,
  children,
  className = '',
}: {
  name: string;
  label: ReactNode;
  required?: boolean;
  support?: ReactNode;
  error?: string;
  children: (control: FieldControlProps) => ReactNode;
  className?: string;
}) {
  const id = fieldId(name);
  const supportId = support ? `${id}-support` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [supportId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`flex flex-col ${className}`}>
      <label htmlFor={id} className="w-fit text-std-17B-170 text-solid-gray-900">
        {label}
        <RequirementBadge required={required} />
      </label>
      {support ? (
        <p id={supportId} className="mb-2 text-std-16N-170 text-solid-gray-700">
          {support}
        </p>
      ) : (
        <span className="mb-2" />
      )}
      {children({ id, 'aria-describedby': describedBy, 'aria-invalid': error ? true : undefined, 'aria-required': required ? true : undefined })}
      {error && errorId ? <ErrorText id={errorId}>{error}</ErrorText> : null}
    </div>
  );
}

/**
 * A group of controls under one legend (radio buttons, a contact row). aria-describedby on the
 * fieldset carries the group's support and error texts.
 */
export function FieldGroup({
  name,
  legend,
  required,
  support,
  error,
  children,
  className = '',
  legendClassName = 'text-std-17B-170',
}: {
  name: string;
  legend: ReactNode;
  required?: boolean;
  support?: ReactNode;
  error?: string;
  children: ReactNode;
  className?: string;
  legendClassName?: string;
}) {
  const id = fieldId(name);
  const supportId = support ? `${id}-support` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <fieldset id={id} tabIndex={-1} aria-describedby={[supportId, errorId].filter(Boolean).join(' ') || undefined} className={`min-w-0 ${className}`}>
      <legend className={`text-solid-gray-900 ${legendClassName}`}>
        {legend}
        {required === undefined ? null : <RequirementBadge required={required} />}
      </legend>
      {support ? (
        <p id={supportId} className="mt-1 text-std-16N-170 text-solid-gray-700">
          {support}
        </p>
      ) : null}
      {error && errorId ? <ErrorText id={errorId}>{error}</ErrorText> : null}
      <div className="mt-3">{children}</div>
    </fieldset>
  );
}

type InputProps = Omit<ComponentProps<'input'>, 'placeholder'> & { placeholder?: never };

/** DADS text input (no placeholder: use support text). */
export function TextInput({ className = '', ...props }: InputProps) {
  return <input {...props} className={`${inputClass} ${className}`} />;
}

export function TextArea({ className = '', ...props }: Omit<ComponentProps<'textarea'>, 'placeholder'>) {
  return (
    <textarea
      {...props}
      className={`w-full rounded-8 border border-solid-gray-600 bg-white px-4 py-3 text-std-16N-170 text-solid-gray-800 hover:border-black aria-[invalid=true]:border-error-1 focus:outline focus:outline-4 focus:outline-black focus:outline-offset-[calc(2/16*1rem)] focus:ring-[calc(2/16*1rem)] focus:ring-yellow-300 ${className}`}
    />
  );
}

/** DADS select: a native <select> (keyboard and screen readers know it) with the DADS look. */
export function SelectInput({ className = '', children, ...props }: ComponentProps<'select'>) {
  return (
    <div className={`relative ${className}`}>
      <select
        {...props}
        className="min-h-14 w-full appearance-none rounded-8 border border-solid-gray-600 bg-white py-3 pr-12 pl-4 text-oln-16N-100 text-solid-gray-800 hover:border-black aria-[invalid=true]:border-error-1 focus:outline focus:outline-4 focus:outline-black focus:outline-offset-[calc(2/16*1rem)] focus:ring-[calc(2/16*1rem)] focus:ring-yellow-300 forced-colors:appearance-auto"
      >
        {children}
      </select>
      <svg aria-hidden="true" viewBox="0 0 16 16" className="pointer-events-none absolute top-1/2 right-4 size-4 -translate-y-1/2 text-solid-gray-900 forced-colors:hidden" fill="currentColor">
        <path d="M8 11.5 2.5 6l1-1L8 9.5 12.5 5l1 1L8 11.5Z" />
      </svg>
    </div>
  );
}

type ChoiceProps = Omit<ComponentProps<'input'>, 'type'> & { children: ReactNode };

/** A DADS checkbox or radio button with its label; a 44px tall row so the target is large enough. */
function Choice({ type, children, className = '', ...props }: ChoiceProps & { type: 'checkbox' | 'radio' }) {
  return (
    <label className={`flex min-h-11 w-fit items-start gap-3 py-2 text-std-16N-170 text-solid-gray-900 ${className}`}>
      <input
        {...props}
        type={type}
        className="mt-0.5 size-6 shrink-0 accent-blue-900 focus-visible:outline focus-visible:outline-4 focus-visible:outline-black focus-visible:outline-offset-[calc(2/16*1rem)] focus-visible:ring-[calc(2/16*1rem)] focus-visible:ring-yellow-300"
      />
      <span>{children}</span>
    </label>
  );
}

export const Checkbox = (props: ChoiceProps) => <Choice type="checkbox" {...props} />;
export const Radio = (props: ChoiceProps) => <Choice type="radio" {...props} />;
