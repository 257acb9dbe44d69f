import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Config } from '../../config';

/**
 * The secret that signs session cookies and encrypts two-factor secrets. Set AUTH_SECRET in
 * production (and keep it: changing it invalidates sessions and two-factor enrolments). Without it,
 * one is generated on first start and kept in DATA_DIR, so `npm start` needs no configuration.
 */
export async function loadAuthSecret(config: Config): Promise<string> {
  if (config.authSecret) return config.authSecret;
  if (config.isProduction) throw new Error('AUTH_SECRET must be set in production (at least 32 random characters).');
  const file = path.join(config.dataDir, 'auth-secret');
  try {
    const stored = (await readFile(file, 'utf8')).trim();
    if (stored.length >= 32) return stored;
  } catch {
    // not there yet: create it below
  }
  const secret = randomBytes(32).toString('base64url');
  await mkdir(config.dataDir, { recursive: true });
  await writeFile(file, secret + '\n', { mode: 0o600 });
  return secret;
}
