import path from 'node:path';
import { z } from 'zod';

/**
 * The environment, parsed once at start. Nothing else in the code reads `process.env`:
 * every setting is declared (and documented) here, and a bad value stops the server with a
 * message that names the variable.
 */
const environmentSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1').describe('Interface to listen on; 0.0.0.0 behind a reverse proxy'),
  DATA_DIR: z.string().default('./data').describe('Where the embedded database and uploaded files live'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional()
    .describe('A PostgreSQL server (15 or later); without it the embedded PGlite database in DATA_DIR is used'),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10).describe('Connections to the PostgreSQL server'),
  PUBLIC_URL: z
    .string()
    .url()
    .optional()
    .describe('The URL users reach the app at (links in mail, allowed Origin); defaults to http://localhost:PORT'),
  AUTH_SECRET: z
    .string()
    .min(32, 'must be at least 32 characters')
    .optional()
    .describe('Signs session cookies; generated once and kept in DATA_DIR when not set'),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional()
    .describe('Mail server; without it mail stays in the outbox, readable by admins in the UI'),
  MAIL_FROM: z.string().default('Tsumugi <no-reply@tsumugi.invalid>'),
  SEED_DEMO: z
    .enum(['auto', 'always', 'never'])
    .default('auto')
    .describe('auto: seed demo data when the database has no tenant yet'),
  RATE_LIMIT_API_PER_MINUTE: z.coerce
    .number()
    .int()
    .min(1)
    .default(1200)
    .describe('API requests per minute per session (per client address when signed out)'),
  RATE_LIMIT_SIGN_IN_PER_MINUTE: z.coerce
    .number()
    .int()
    .min(1)
    .default(20)
    .describe('Sign-in, two-factor, reset and invitation attempts per minute per client address (offices share addresses)'),
  RATE_LIMIT_PUBLIC_INTAKE_PER_MINUTE: z.coerce
    .number()
    .int()
    .min(1)
    .default(30)
    .describe('Public consultation requests per minute per client address (a flood gets 429; a retried request is never duplicated)'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TRUST_PROXY: z
    .enum(['true', 'false'])
    .default('false')
    .transform((value) => value === 'true')
    .describe('Trust X-Forwarded-* headers (behind a reverse proxy)'),
});

export type Config = ReturnType<typeof parseConfig>;

/** Parses an environment into the app's configuration; throws a readable error on a bad value. */
export function parseConfig(environment: Record<string, string | undefined> = process.env) {
  const parsed = environmentSchema.safeParse(environment);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const env = parsed.data;
  const dataDir = path.resolve(env.DATA_DIR);
  const publicUrl = (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, '');
  return {
    environment: env.NODE_ENV,
    isProduction: env.NODE_ENV === 'production',
    port: env.PORT,
    host: env.HOST,
    dataDir,
    database: env.DATABASE_URL
      ? ({ kind: 'server', url: env.DATABASE_URL, poolSize: env.DATABASE_POOL_SIZE } as const)
      : ({ kind: 'embedded', directory: path.join(dataDir, 'pglite') } as const),
    publicUrl,
    authSecret: env.AUTH_SECRET,
    smtpUrl: env.SMTP_URL,
    mailFrom: env.MAIL_FROM,
    seedDemo: env.SEED_DEMO,
    logLevel: env.LOG_LEVEL,
    rateLimits: {
      apiPerMinute: env.RATE_LIMIT_API_PER_MINUTE,
      signInPerMinute: env.RATE_LIMIT_SIGN_IN_PER_MINUTE,
      publicIntakePerMinute: env.RATE_LIMIT_PUBLIC_INTAKE_PER_MINUTE,
    },
    trustProxy: env.TRUST_PROXY,
  };
}
