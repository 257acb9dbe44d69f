import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';

/**
 * The public form's token: which desk, when the form was served, and a one-time submission ID, signed.
 * - Time trap: a form sent back within MIN_FILL_MS was not filled in by a person.
 * - Idempotency: the submission ID is stored with the case, so a retried POST (a double click, a lost
 *   response) returns the same receipt instead of a second case.
 * No third-party service (CAPTCHA) is involved: users sit in closed networks.
 */
export const MIN_FILL_MS = 3_000;
export const MAX_AGE_MS = 24 * 60 * 60 * 1000;

interface TokenBody {
  tenantId: string;
  issuedAt: number;
  submissionId: string;
}

function sign(secret: string, payload: string): string {
  return createHmac('sha256', secret).update(`public-intake:${payload}`).digest('base64url');
}

export function issueFormToken(secret: string, tenantId: string, now = Date.now()): string {
  const payload = Buffer.from(JSON.stringify({ tenantId, issuedAt: now, submissionId: randomUUID() } satisfies TokenBody)).toString('base64url');
  return `${payload}.${sign(secret, payload)}`;
}

export type TokenCheck = { ok: true; submissionId: string } | { ok: false; reason: 'invalid' | 'expired' | 'too_fast' };

export function checkFormToken(secret: string, token: string, tenantId: string, now = Date.now()): TokenCheck {
  const [payload = '', signature = ''] = token.split('.');
  const expected = Buffer.from(sign(secret, payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'invalid' };
  let body: TokenBody;
  try {
    body = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as TokenBody;
  } catch {
    return { ok: false, reason: 'invalid' };
  }
  if (body.tenantId !== tenantId) return { ok: false, reason: 'invalid' };
  if (now - body.issuedAt > MAX_AGE_MS) return { ok: false, reason: 'expired' };
  if (now - body.issuedAt < MIN_FILL_MS) return { ok: false, reason: 'too_fast' };
  return { ok: true, submissionId: body.submissionId };
}
