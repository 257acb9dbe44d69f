import type { TFunction } from 'i18next';
import { type FieldErrors, type FieldValues, type Path, type Resolver, type UseFormSetError, set } from 'react-hook-form';
import type { z } from 'zod';
import { describeIssue } from '../../shared/validation';
import i18n from '../i18n';
import type { ApiError } from '../api/client';
import { fieldMessage } from './errors';

interface ResolverOptions<TValues> {
  /** Turns what the inputs hold (strings) into what the schema expects (numbers, nulls, arrays). */
  toInput?: (values: TValues) => unknown;
  /** The form field that shows a problem found at an API path (e.g. `tags.3` → `tags`). */
  fieldOf?: (path: string) => string;
}

/**
 * A react-hook-form resolver that validates with the same zod schema as the server and words every
 * problem from the same catalog (describeIssue → errors.json `field.<code>`), so a message reads the
 * same whether the browser or the server found it. On success the form gets the schema's output
 * (normalised text, numbers) and sends exactly that.
 */
export function schemaResolver<TValues extends FieldValues, TOutput>(
  schema: z.ZodType<TOutput>,
  options: ResolverOptions<TValues> = {},
): Resolver<TValues, unknown, TOutput> {
  return (values) => {
    const result = schema.safeParse(options.toInput ? options.toInput(values) : values);
    if (result.success) return { values: result.data, errors: {} };
    const errors: FieldErrors<TValues> = {};
    for (const issue of result.error.issues) {
      const described = describeIssue(issue);
      const field = options.fieldOf ? options.fieldOf(described.path) : described.path;
      // The first problem of a field is the one to fix first.
      if (hasError(errors, field)) continue;
      set(errors, field, { type: described.code, message: fieldMessage(i18n.t, described) });
    }
    return { values: {}, errors };
  };
}

function hasError(errors: object, path: string): boolean {
  let node: unknown = errors;
  for (const part of path.split('.')) {
    if (node === null || typeof node !== 'object') return false;
    node = (node as Record<string, unknown>)[part];
  }
  return node !== undefined;
}

/**
 * Shows the server's field problems next to the fields. Returns false when the error had none
 * (the caller then shows the general message).
 */
export function applyServerFieldErrors<TValues extends FieldValues>(
  error: ApiError,
  setError: UseFormSetError<TValues>,
  t: TFunction,
  fieldOf: (path: string) => string | null = (path) => path,
): boolean {
  let applied = false;
  for (const field of error.fields) {
    const name = fieldOf(field.path);
    if (!name) continue;
    setError(name as Path<TValues>, { type: field.code, message: fieldMessage(t, field) });
    applied = true;
  }
  return applied;
}

/** Every field error of a form, flattened to `path → message`, in form order (for the error summary). */
export function flattenErrors(errors: FieldErrors, prefix = ''): { name: string; message: string }[] {
  const out: { name: string; message: string }[] = [];
  for (const [key, value] of Object.entries(errors)) {
    if (!value || key === 'root') continue;
    const name = prefix ? `${prefix}.${key}` : key;
    if (typeof (value as { message?: unknown }).message === 'string') {
      out.push({ name, message: (value as { message: string }).message });
    } else if (typeof value === 'object') {
      out.push(...flattenErrors(value as FieldErrors, name));
    }
  }
  return out;
}

/** `contacts.0.email` → `field-contacts-0-email`: the id of the input, for labels and summary links. */
export function fieldId(name: string): string {
  return `field-${name.replace(/\./g, '-')}`;
}
