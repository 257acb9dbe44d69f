import type { TFunction } from 'i18next';
import { useState } from 'react';
import type { FieldErrors, FieldValues, UseFormSetError } from 'react-hook-form';
import { isApiError } from '../api/client';
import { errorMessage } from './errors';
import { applyServerFieldErrors, flattenErrors } from './form';
import type { SummaryItem } from '../components/ErrorSummary';

/**
 * What a form shows after a failed submit: the list of field problems and/or one message for the
 * whole form, and a counter that moves focus to the summary on every failed attempt.
 */
export function useFormFeedback() {
  const [attempt, setAttempt] = useState(0);
  const [formError, setFormError] = useState<string | undefined>();
  return {
    attempt,
    formError,
    /** Client-side validation failed (react-hook-form's onInvalid). */
    onInvalid: () => {
      setFormError(undefined);
      setAttempt((value) => value + 1);
    },
    /** The server refused: field problems go next to the fields, anything else becomes the form's message. */
    onServerError<TValues extends FieldValues>(error: unknown, setError: UseFormSetError<TValues>, t: TFunction, fieldOf?: (path: string) => string | null) {
      const appliedToFields = isApiError(error) && applyServerFieldErrors(error, setError, t, fieldOf);
      setFormError(appliedToFields ? undefined : errorMessage(t, error));
      setAttempt((value) => value + 1);
    },
    setFormError: (message: string | undefined) => {
      setFormError(message);
      if (message) setAttempt((value) => value + 1);
    },
    reset: () => setFormError(undefined),
  };
}

/** The summary entries of a form's current errors, labelled for people. */
export function summaryItems(errors: FieldErrors, labelOf: (name: string) => string): SummaryItem[] {
  return flattenErrors(errors).map(({ name, message }) => ({ name, message, label: labelOf(name) }));
}
