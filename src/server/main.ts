import { parseConfig } from './config';
import { buildApp } from './app';
import { openDatabase } from './db/client';
import { createAuthSystem } from './platform/auth/auth-system';
import { loadAuthSecret } from './platform/auth/secret';
import { createPasswordResetMail } from './platform/mail/password-reset';
import { isEmptyDatabase, seedDemo } from './seed/seed';
import { DEMO_PASSWORD, demoUsers } from './seed/demo-data';
import { sendDueReminders } from './modules/cases/reminders';
import { sendReportReminders } from './modules/plans/plan-reminders';

/** config → database → app → listen, with a graceful shutdown. */
async function main() {
  const startedAt = performance.now();
  const config = parseConfig();
  const database = await openDatabase(
    config.database.kind === 'server' ? { kind: 'server', url: config.database.url } : { kind: 'embedded', directory: config.database.directory },
    { maxConnections: config.database.kind === 'server' ? config.database.poolSize : undefined },
  );
  const secret = await loadAuthSecret(config);
  const mail = createPasswordResetMail(config, database.db);
  const auth = createAuthSystem(config, database.db, { secret, onPasswordReset: mail.enqueue });

  const shouldSeed = config.seedDemo === 'always' || (config.seedDemo === 'auto' && (await isEmptyDatabase(database.db)));
  if (shouldSeed) await seedDemo(database.db, { publicUrl: config.publicUrl });

  if (shouldSeed) await database.maintain();
  const app = await buildApp({ config, database, auth: { auth, secret } });
  mail.onEnqueued(() => void app.mailer.deliverPending());
  const deliveryTimer = setInterval(() => void app.mailer.deliverPending(), 60_000);
  // The embedded database has no autovacuum: refresh its statistics soon after start and every few hours.
  const maintain = () => database.maintain().catch((error: unknown) => app.log.warn({ err: error }, 'database maintenance failed'));
  const firstMaintenance = setTimeout(maintain, 30_000);
  const maintenanceTimer = setInterval(maintain, 6 * 60 * 60 * 1000);
  // Next actions, follow-ups and plan actuals falling due: checked hourly, each reminded once.
  const remind = () =>
    Promise.all([sendDueReminders(database.db, config.publicUrl), sendReportReminders(database.db, config.publicUrl)])
      .then(([cases, plans]) => (cases + plans > 0 ? app.mailer.deliverPending() : undefined))
      .catch((error: unknown) => app.log.warn({ err: error }, 'reminders failed'));
  const reminderTimer = setInterval(remind, 60 * 60 * 1000);

  await app.listen({ port: config.port, host: config.host });
  const seconds = ((performance.now() - startedAt) / 1000).toFixed(1);
  const lines = [
    '',
    `  Tsumugi (つむぎ) is ready in ${seconds} s: ${config.publicUrl}`,
    `  Database: ${database.kind === 'embedded' ? `embedded PostgreSQL (PGlite) in ${config.database.kind === 'embedded' ? config.database.directory : ''}` : 'PostgreSQL server'}`,
  ];
  if (shouldSeed || config.seedDemo !== 'never') {
    lines.push(`  Demo accounts (password: ${DEMO_PASSWORD}):`);
    for (const user of demoUsers) lines.push(`    ${user.email.padEnd(30)} ${user.description}`);
  }
  console.log(lines.join('\n') + '\n');

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    clearInterval(deliveryTimer);
    clearTimeout(firstMaintenance);
    clearInterval(maintenanceTimer);
    clearInterval(reminderTimer);
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
