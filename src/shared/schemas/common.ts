import { z } from 'zod';
import { normalizeJa } from '../domain/japanese-text';

/**
 * Building blocks for API schemas. Short text (names, titles, codes) is NFKC-normalised on the way in
 * (full-width digits, half-width katakana and stray spaces are what Japanese forms and CSV files are full
 * of); prose keeps its typography (see optionalLongText). Custom rule violations carry a snake_case code as
 * their message (see shared/validation.ts).
 */

/** Required text: normalised, 1..max characters. */
export const text = (max: number) => z.string().transform(normalizeJa).pipe(z.string().min(1).max(max));

/** Optional text: empty or blank input becomes null. */
export const optionalText = (max: number) =>
  z
    .string()
    .nullish()
    .transform((value) => {
      const normalized = value == null ? '' : normalizeJa(value);
      return normalized === '' ? null : normalized;
    })
    .pipe(z.string().max(max).nullable());

/**
 * Multi-line prose (notes, narratives, comments, opinions): line breaks unified, trailing spaces dropped, and
 * only canonical normalisation (NFC). NFKC would rewrite the writer's typography (「（」→「(」, 「…」→「...」,
 * 「①」→「1」, 「～」→「~」), which official Japanese prose uses on purpose; search folds those variants in its
 * own index text (toSearchText), so nothing is lost for finding (ADR 0018).
 */
export const optionalLongText = (max: number) =>
  z
    .string()
    .nullish()
    .transform((value) => {
      const normalized = (value ?? '')
        .normalize('NFC')
        .replace(/\r\n?/g, '\n')
        .split('\n')
        .map((line) => line.replace(/[ \t\u3000]+$/u, ''))
        .join('\n')
        .trim();
      return normalized === '' ? null : normalized;
    })
    .pipe(z.string().max(max).nullable());

export const optionalEmail = z
  .string()
  .nullish()
  .transform((value) => {
    const normalized = (value ?? '').normalize('NFKC').trim().toLowerCase();
    return normalized === '' ? null : normalized;
  })
  .pipe(z.email().max(254).nullable());

export const optionalPhone = z
  .string()
  .nullish()
  .transform((value) => {
    const normalized = (value ?? '').normalize('NFKC').replace(/[\s‐‑‒–—―−ー]/g, '-').trim();
    return normalized === '' ? null : normalized;
  })
  .pipe(z.string().regex(/^\+?[0-9][0-9-]{5,18}[0-9]$/, 'phone_format').nullable());

export const uuid = z.uuid();
export const isoDateTime = z.iso.datetime({ offset: true });

/** Optimistic locking: the version the client last read. */
export const version = z.int().min(1).describe('The version you last read; a stale version is answered with 409 VERSION_CONFLICT');

export const paginationLimit = z.coerce.number().int().min(1).max(100).default(50);

export const errorBodySchema = z
  .object({
    error: z.object({
      code: z.string().describe('Stable error code, e.g. VALIDATION_FAILED, NOT_FOUND, VERSION_CONFLICT'),
      message: z.string().describe('A translated message (Accept-Language: ja by default, en)'),
      fields: z.array(
        z.object({
          path: z.string(),
          code: z.string(),
          message: z.string(),
          params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
        }),
      ),
      details: z.record(z.string(), z.unknown()).optional(),
    }),
  })
  .meta({ id: 'ErrorBody' });

/** The error responses a route may answer, for the OpenAPI document. */
export function errorResponses<const S extends readonly (400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429)[]>(...statuses: S) {
  return Object.fromEntries(statuses.map((status) => [status, errorBodySchema])) as { [K in S[number]]: typeof errorBodySchema };
}

/** New passwords: 12–256 characters (the server enforces the same limits). */
export const PASSWORD_MIN_LENGTH = 12;
export const newPasswordSchema = z.string().min(PASSWORD_MIN_LENGTH, 'password_too_short').max(256);
