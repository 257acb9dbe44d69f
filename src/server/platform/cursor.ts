import { AppError } from './errors';

/** Where a keyset page ends: the last row's sort key (as PostgreSQL text) and its id (ADR 0005). */
export interface CursorPosition {
  value: string;
  id: string;
}

/** The opaque `nextCursor` of a list page. */
export function encodeCursor(position: CursorPosition): string {
  return Buffer.from(JSON.stringify([position.value, position.id])).toString('base64url');
}

/** Reads a `cursor` query parameter; a malformed one is a 400 on `cursor`. */
export function decodeCursor(cursor: string | undefined): CursorPosition | null {
  if (!cursor) return null;
  try {
    const [value, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [unknown, unknown];
    if (typeof value === 'string' && typeof id === 'string' && /^[0-9a-f-]{36}$/.test(id)) return { value, id };
  } catch {
    // fall through to the validation error below
  }
  throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'cursor', code: 'invalid' }] });
}
