import { errorStatus, type ErrorCode, type FieldError } from '../../shared/errors';

/**
 * A coded, expected failure. Services throw it; one error handler (app.ts) turns it into the HTTP
 * status of its code and a translated message. Anything else is a bug: logged, answered with a
 * generic 500.
 */
export class AppError extends Error {
  override name = 'AppError';
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    readonly options: {
      fields?: Omit<FieldError, 'message'>[];
      details?: Record<string, unknown>;
      params?: Record<string, string | number>;
      /** Cookies to set even though the request failed (e.g. better-auth ending a two-factor challenge). */
      cookies?: string[];
    } = {},
  ) {
    super(code);
    this.status = errorStatus[code];
  }
}

export const notFound = () => new AppError('NOT_FOUND');

/** Thrown when the client's `version` is not the stored one: somebody else saved in between. */
export const versionConflict = (currentVersion: number) =>
  new AppError('VERSION_CONFLICT', { details: { currentVersion } });

/** A problem with one input field (`path`), before it is translated. */
export type FieldProblem = { path: string; code: string; params?: Record<string, string | number> };

/** Answers 400 with every field problem at once, when there are any. */
export function throwIfProblems(problems: FieldProblem[]): void {
  if (problems.length > 0) throw new AppError('VALIDATION_FAILED', { fields: problems });
}
