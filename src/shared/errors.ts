/**
 * Error codes of the API. The server answers `{ error: { code, message, fields } }`; the message is
 * translated from the code (src/shared/i18n/<locale>/errors.json), and the web app translates the
 * code itself, so no UI ever shows an internal message.
 */
export const errorStatus = {
  VALIDATION_FAILED: 400,
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  TWO_FACTOR_REQUIRED: 401,
  INVALID_TWO_FACTOR_CODE: 401,
  CSRF_REJECTED: 403,
  FORBIDDEN: 403,
  TENANT_REQUIRED: 403,
  NOT_FOUND: 404,
  VERSION_CONFLICT: 409,
  DUPLICATE: 409,
  ALREADY_MEMBER: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UNPROCESSABLE: 422,
  INVALID_TOKEN: 422,
  LAST_ADMIN: 422,
  FORM_EXPIRED: 422,
  INTAKE_CLOSED: 404,
  NO_DEFAULT_PROGRAMME: 404,
  FORM_TOO_FAST: 422,
  TREE_CYCLE: 422,
  INDICATOR_CYCLE: 422,
  PERIOD_LOCKED: 422,
  SELF_APPROVAL: 403,
  INVALID_TRANSITION: 422,
  COMPONENT_IN_USE: 422,
  ACCOUNT_LOCKED: 429,
  RATE_LIMITED: 429,
  INTERNAL: 500,
} as const;

export type ErrorCode = keyof typeof errorStatus;

/** A field-level problem: `path` names the input field (e.g. "contacts.0.email"). */
export interface FieldError {
  path: string;
  code: string;
  message: string;
  params?: Record<string, string | number>;
}

export interface ErrorBody {
  error: { code: ErrorCode; message: string; fields: FieldError[]; details?: Record<string, unknown> };
}
