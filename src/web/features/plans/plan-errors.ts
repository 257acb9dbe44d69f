import type { TFunction } from 'i18next';
import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { isApiError } from '../../api/client';
import { errorMessage, fieldMessage } from '../../lib/errors';
import type { useFormFeedback } from '../../lib/use-form-feedback';

type Feedback = ReturnType<typeof useFormFeedback>;

/**
 * Shows a refused request in a form: each field problem next to its field (where the form has that field),
 * problems about something the form has no field for (`period`, `indicator`) and a specific code's message
 * (TREE_CYCLE, PERIOD_LOCKED, SELF_APPROVAL) as the message of the error summary.
 */
export function showServerError<TValues extends FieldValues>(
  feedback: Feedback,
  error: unknown,
  setError: UseFormSetError<TValues>,
  t: TFunction,
  fieldOf: (path: string) => string | null = (path) => path,
): void {
  if (!isApiError(error) || error.fields.length === 0) {
    feedback.setFormError(errorMessage(t, error));
    return;
  }
  const elsewhere: string[] = [];
  for (const field of error.fields) {
    const name = fieldOf(field.path);
    if (name) setError(name as Path<TValues>, { type: field.code, message: fieldMessage(t, field) });
    else elsewhere.push(fieldMessage(t, field));
  }
  // The generic 「入力内容を確認してください」 adds nothing to the list; a specific code says what happened.
  const codeMessage = error.code === 'VALIDATION_FAILED' ? null : errorMessage(t, error);
  const message = [codeMessage, ...elsewhere].filter(Boolean).join(' ');
  if (message) feedback.setFormError(message);
  else feedback.onInvalid();
}

/** True for a stale version (somebody saved first): the form offers to load the latest. */
export function isConflict(error: unknown): boolean {
  return isApiError(error) && error.code === 'VERSION_CONFLICT';
}

/**
 * Like `mutation.mutate(variables, callbacks)`, but the callbacks run even when the calling component was
 * replaced meanwhile: a save that changes a version re-keys its form, and a decision removes its card from
 * the queue, before TanStack Query would call callbacks given to `mutate`.
 */
export function runMutation<TData, TVariables>(
  mutation: { mutateAsync: (variables: TVariables) => Promise<TData> },
  variables: TVariables,
  callbacks: { onSuccess?: (data: TData) => void; onError?: (error: unknown) => void } = {},
): void {
  mutation.mutateAsync(variables).then(
    (data) => callbacks.onSuccess?.(data),
    (error: unknown) => callbacks.onError?.(error),
  );
}
