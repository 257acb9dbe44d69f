import createClient, { type Middleware } from 'openapi-fetch';
import type { ErrorBody, FieldError } from '../../shared/errors';
import { currentLocale } from '../i18n';
import type { paths } from './schema';

/**
 * The one API client of the web app, typed from the OpenAPI document (src/web/api/schema.d.ts).
 * It adds what every request needs: the CSRF token on state-changing requests, the current tenant,
 * and the UI language (so the few server-worded messages match the screen).
 */

/** Filled from GET /auth/session; see features/session. */
const requestContext: { csrfToken: string | null; tenantId: string | null } = { csrfToken: null, tenantId: null };

export function setRequestContext(context: { csrfToken: string; tenantId: string | null }): void {
  requestContext.csrfToken = context.csrfToken;
  requestContext.tenantId = context.tenantId;
}

export function currentTenantId(): string | null {
  return requestContext.tenantId;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The headers the server expects on every API request. */
export function apiHeaders(method: string, headers: Headers = new Headers()): Headers {
  headers.set('Accept-Language', currentLocale());
  if (requestContext.tenantId) headers.set('X-Tenant-Id', requestContext.tenantId);
  if (!SAFE_METHODS.has(method.toUpperCase()) && requestContext.csrfToken) headers.set('X-CSRF-Token', requestContext.csrfToken);
  return headers;
}

/**
 * A page that changes something before anything read the session (the forgot-password form opened
 * from a mail) first fetches the CSRF token, which also sets its cookie.
 */
async function ensureCsrfToken(): Promise<void> {
  if (requestContext.csrfToken) return;
  const response = await fetch('/api/v1/auth/session', { credentials: 'same-origin', headers: { 'Accept-Language': currentLocale() } });
  if (response.ok) {
    const session = (await response.json()) as { csrfToken?: string };
    if (session.csrfToken) requestContext.csrfToken = session.csrfToken;
  }
}

const contextHeaders: Middleware = {
  async onRequest({ request }) {
    if (!SAFE_METHODS.has(request.method.toUpperCase())) await ensureCsrfToken();
    apiHeaders(request.method, request.headers);
    return request;
  },
};

export const api = createClient<paths>({ baseUrl: '', credentials: 'same-origin' });
api.use(contextHeaders);

/** A failed API call: the coded error body of the server, or a network failure (status 0). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: FieldError[];
  readonly details: Record<string, unknown>;
  /** The server's message (already in the UI language): used only where the code's wording needs values the body does not carry. */
  readonly serverMessage: string;

  constructor(status: number, body: Partial<ErrorBody['error']> | undefined) {
    super(body?.code ?? `HTTP_${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.code = body?.code ?? (status === 0 ? 'NETWORK' : 'INTERNAL');
    this.fields = body?.fields ?? [];
    this.details = body?.details ?? {};
    this.serverMessage = body?.message ?? '';
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

function errorFromBody(status: number, body: unknown): ApiError {
  const error = (body as Partial<ErrorBody> | undefined)?.error;
  return new ApiError(status, error);
}

/** Returns the data of an openapi-fetch call, or throws an ApiError carrying the server's code. */
export async function unwrap<D>(call: Promise<{ data?: D; error?: unknown; response: Response }>): Promise<D> {
  let result: { data?: D; error?: unknown; response: Response };
  try {
    result = await call;
  } catch {
    throw new ApiError(0, undefined);
  }
  if (!result.response.ok || result.error !== undefined) throw errorFromBody(result.response.status, result.error);
  return result.data as D;
}

/**
 * For the few endpoints that are not JSON in and out (file upload, CSV download): plain fetch with
 * the same headers and the same error handling.
 */
export async function rawApiFetch(path: string, init: RequestInit = {}): Promise<Response> {
  const method = init.method ?? 'GET';
  let response: Response;
  try {
    if (!SAFE_METHODS.has(method.toUpperCase())) await ensureCsrfToken();
    response = await fetch(path, { ...init, method, credentials: 'same-origin', headers: apiHeaders(method, new Headers(init.headers)) });
  } catch {
    throw new ApiError(0, undefined);
  }
  if (!response.ok) {
    const body: unknown = await response.json().catch(() => undefined);
    throw errorFromBody(response.status, body);
  }
  return response;
}

/** The JSON body type of an operation, from the OpenAPI document. */
export type JsonBody<P extends keyof paths, M extends 'post' | 'put' | 'patch'> = paths[P][M] extends {
  requestBody?: { content: { 'application/json': infer B } };
}
  ? B
  : never;
