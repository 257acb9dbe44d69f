/**
 * `npm run bench`: the performance figures of the foundation issue, measured on this machine in one run.
 *
 *   1. company list and search endpoints at 20 concurrent clients (requests/s, p50, p99), on PGlite and on the
 *      PostgreSQL server, beside the same SQL run straight through the driver at the same concurrency;
 *   2. the time from `npm start` to a ready server on an existing data directory;
 *   3. the JavaScript transferred for the sign-in page and the company list;
 *   4. a 100,000-row CSV import and export: time and peak memory.
 *
 * Data: 100,000 synthetic companies across 20 tenants (bench/dataset.ts), kept in .tmp/bench between runs.
 * Options: BENCH_SECONDS (per measurement, default 10), BENCH_TARGETS (pglite,server), BENCH_SKIP (list of steps),
 * BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/tsumugi_bench). Results: bench/results/latest.{json,md}.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import { chromium } from 'playwright-core';
import * as schema from '../src/server/db/schema';
import type { Db } from '../src/server/db/client';
import { openDatabase } from '../src/server/db/client';
import { companyListQuery } from '../src/shared/schemas/company';
import { countCompanies, listCompanies } from '../src/server/modules/companies/companies.repository';
import { DEMO_PASSWORD } from '../src/server/seed/demo-data';
import { ensureDataset, type BenchTenant } from './dataset';
import { benchDesk } from './desk';
import { benchPlans } from './plans';
import { ensureServerDatabase, root, vacuumServerDatabase, signIn, startServer, stopServer, waitForHealth } from './server';
import { measureLoad, median } from './load';

const work = path.join(root, '.tmp/bench');
mkdirSync(work, { recursive: true });
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const targets = (process.env.BENCH_TARGETS ?? 'pglite,server').split(',');
const skip = new Set((process.env.BENCH_SKIP ?? '').split(',').filter(Boolean));
const serverAdminUrl = process.env.BENCH_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/tsumugi_bench';
const TENANTS = 20;
const PER_TENANT = 5000;
const CONCURRENCY = 20;
const SEARCH_TERM = '受発注'; // 3 characters: answered by the trigram index (it occurs in demo notes)
const results: Record<string, unknown> = { measuredAt: new Date().toISOString(), machine: machineLine(), seconds, concurrency: CONCURRENCY };
const log = (line: string) => console.log(line);

function machineLine() {
  const cpus = execFileSync('nproc').toString().trim();
  const memory = execFileSync('sh', ['-c', "free -g | awk '/Mem:/ {print $2}'"]).toString().trim();
  return `${cpus} cores, ${memory} GiB, Node ${process.version}`;
}

const TENANT_PLACEHOLDER = '00000000-0000-4000-8000-000000000000';

/**
 * The SQL the list endpoint runs for a query (page and count), captured from the repository code itself
 * with a placeholder tenant that each worker replaces with its own.
 */
async function captureListSql(query: string): Promise<{ sql: string; params: unknown[] }[]> {
  const captured: { sql: string; params: unknown[] }[] = [];
  const client = await PGlite.create();
  const recorder = drizzlePglite({ client, schema, logger: { logQuery: (sql, params) => captured.push({ sql, params }) } }) as unknown as Db;
  const parsed = companyListQuery.parse(Object.fromEntries(new URLSearchParams(query)));
  // The empty database has no tables: the statements fail after they are logged, which is all we need.
  await listCompanies(recorder, TENANT_PLACEHOLDER, parsed, null).catch(() => undefined);
  await countCompanies(recorder, TENANT_PLACEHOLDER, parsed).catch(() => undefined);
  await client.close();
  return captured;
}

const forTenant = (statements: { sql: string; params: unknown[] }[], tenantId: string) =>
  statements.map((statement) => ({ sql: statement.sql, params: statement.params.map((param) => (param === TENANT_PLACEHOLDER ? tenantId : param)) }));

async function benchTarget(target: 'pglite' | 'server') {
  const label = target === 'pglite' ? 'PGlite' : 'PostgreSQL server';
  log(`\n## ${label}`);
  const dataDir = path.join(work, 'pglite'); // the server's embedded directory is DATA_DIR/pglite
  if (target === 'server') await ensureServerDatabase(serverAdminUrl, serverUrl);
  const database = await openDatabase(target === 'server' ? { kind: 'server', url: serverUrl } : { kind: 'embedded', directory: dataDir });
  log(`dataset: ${TENANTS} tenants × ${PER_TENANT} companies`);
  const tenants: BenchTenant[] = await ensureDataset(database.db, TENANTS, PER_TENANT, log);
  await database.maintain();
  await database.close();
  if (target === 'server') await vacuumServerDatabase(serverUrl);

  const port = target === 'pglite' ? 3901 : 3902;
  const baseUrl = `http://127.0.0.1:${port}`;
  const environment: Record<string, string> = { PORT: String(port), PUBLIC_URL: baseUrl, DATA_DIR: work };
  const server = startServer(target === 'pglite' ? environment : { ...environment, DATABASE_URL: serverUrl });
  await waitForHealth(baseUrl, server);
  const clients = await Promise.all(tenants.map((entry) => signIn(baseUrl, entry.email)));
  const endpoints = { list: 'limit=50', search: `q=${encodeURIComponent(SEARCH_TERM)}&limit=50` };
  const measured: Record<string, unknown> = {};
  for (const [name, query] of Object.entries(endpoints)) {
    const httpResult = await measureLoad({
      concurrency: CONCURRENCY,
      durationMs: seconds * 1000,
      request: async (worker) => {
        const response = await fetch(`${baseUrl}/api/v1/companies?${query}`, { headers: clients[worker % clients.length]! });
        if (response.status !== 200) throw new Error(String(response.status));
        await response.arrayBuffer();
      },
    });
    measured[name] = { endpoint: httpResult };
    log(`${name} endpoint: ${httpResult.rps.toFixed(0)} req/s, p50 ${httpResult.p50.toFixed(1)} ms, p99 ${httpResult.p99.toFixed(1)} ms (${httpResult.errors} errors)`);
  }
  await stopServer(server);

  // The same SQL straight through the driver, at the same concurrency and pool size.
  const captured = { list: await captureListSql(endpoints.list), search: await captureListSql(endpoints.search) };
  const statements = tenants.map((entry) => ({ list: forTenant(captured.list, entry.tenantId), search: forTenant(captured.search, entry.tenantId) }));
  let run: (sql: string, params: unknown[]) => Promise<unknown>;
  let close: () => Promise<void>;
  if (target === 'pglite') {
    const client = await PGlite.create({ dataDir, extensions: { pg_trgm } });
    run = (sql, params) => client.query(sql, params);
    close = () => client.close();
  } else {
    const pool = new pg.Pool({ connectionString: serverUrl, max: 10 });
    run = (sql, params) => pool.query(sql, params);
    close = () => pool.end();
  }
  for (const name of ['list', 'search'] as const) {
    const driverResult = await measureLoad({
      concurrency: CONCURRENCY,
      durationMs: seconds * 1000,
      request: async (worker) => {
        for (const statement of statements[worker % statements.length]![name]) await run(statement.sql, statement.params);
      },
    });
    const entry = measured[name] as { endpoint: { rps: number }; driver?: unknown; ratio?: number };
    entry.driver = driverResult;
    entry.ratio = +(entry.endpoint.rps / driverResult.rps).toFixed(2);
    log(`${name} driver:   ${driverResult.rps.toFixed(0)} req/s, p50 ${driverResult.p50.toFixed(1)} ms, p99 ${driverResult.p99.toFixed(1)} ms → endpoint/driver ${entry.ratio}`);
  }
  await close();
  results[target] = measured;
}

async function benchStartup() {
  log('\n## npm start → ready, on an existing data directory');
  const measurements: Record<string, number[]> = { demo: [], bench: [] };
  const homes = { demo: path.join(work, 'demo-home'), bench: work };
  for (const [name, home] of Object.entries(homes)) {
    if (name === 'demo' && !existsSync(path.join(home, 'pglite'))) {
      const first = startServer({ PORT: '3903', DATA_DIR: home, SEED_DEMO: 'auto', PUBLIC_URL: 'http://127.0.0.1:3903' }, [path.join(root, 'scripts/start.mjs')]);
      await waitForHealth('http://127.0.0.1:3903', first);
      await stopServer(first);
    }
    for (let attempt = 0; attempt < 5; attempt++) {
      const child = startServer({ PORT: '3903', DATA_DIR: home, PUBLIC_URL: 'http://127.0.0.1:3903' }, [path.join(root, 'scripts/start.mjs')]);
      measurements[name]!.push(await waitForHealth('http://127.0.0.1:3903', child));
      await stopServer(child);
    }
    log(`${name === 'demo' ? 'demo data (230 companies)' : `bench data (${TENANTS * PER_TENANT} companies)`}: median ${(median(measurements[name]!) / 1000).toFixed(2)} s of ${measurements[name]!.map((ms) => (ms / 1000).toFixed(2)).join(', ')}`);
  }
  results.startup = Object.fromEntries(Object.entries(measurements).map(([name, values]) => [name, { medianSeconds: +(median(values) / 1000).toFixed(2), runs: values.map((ms) => +(ms / 1000).toFixed(2)) }]));
}

async function benchJavaScript() {
  log('\n## JavaScript transferred');
  const home = path.join(work, 'demo-home');
  const child = startServer({ PORT: '3904', DATA_DIR: home, SEED_DEMO: 'auto', PUBLIC_URL: 'http://127.0.0.1:3904' });
  await waitForHealth('http://127.0.0.1:3904', child);
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const pages: Record<string, { transferredKb: number; gzipKb: number; files: number }> = {};
  async function measure(name: string, url: string, signInFirst: boolean) {
    const context = await browser.newContext();
    if (signInFirst) {
      const headers = await signIn('http://127.0.0.1:3904', 'staff@aomori.demo.example', DEMO_PASSWORD);
      const [pair] = headers.cookie!.split('; ').filter((part) => part.includes('session_token'));
      const [cookieName, value] = pair!.split('=');
      await context.addCookies([{ name: cookieName!, value: value!, url: 'http://127.0.0.1:3904' }]);
    }
    const page = await context.newPage();
    const scripts: { url: string; bytes: number }[] = [];
    page.on('requestfinished', async (request) => {
      if (request.resourceType() !== 'script') return;
      const sizes = await request.sizes();
      scripts.push({ url: request.url(), bytes: sizes.responseBodySize + sizes.responseHeadersSize });
    });
    await page.goto(url, { waitUntil: 'networkidle' });
    const gzip = scripts.reduce((sum, script) => {
      const file = path.join(root, 'dist/web', new URL(script.url).pathname);
      return sum + (existsSync(file) ? gzipSync(readFileSync(file), { level: 9 }).length : 0);
    }, 0);
    pages[name] = { transferredKb: +(scripts.reduce((sum, script) => sum + script.bytes, 0) / 1024).toFixed(1), gzipKb: +(gzip / 1024).toFixed(1), files: scripts.length };
    log(`${name}: ${pages[name]!.transferredKb} KB transferred (as served, gzip over http), ${pages[name]!.gzipKb} KB at gzip -9, ${scripts.length} files`);
    await context.close();
  }
  await measure('sign-in page', 'http://127.0.0.1:3904/sign-in', false);
  await measure('company list', 'http://127.0.0.1:3904/companies', true);
  await browser.close();
  await stopServer(child);
  results.javascript = pages;
}

function benchCsv(target: 'pglite' | 'server') {
  log(`\n## 100,000-row CSV import and export (${target === 'pglite' ? 'PGlite' : 'PostgreSQL server'})`);
  const file = path.join(work, 'companies-100000.csv');
  const job = (...args: string[]) => execFileSync(process.execPath, ['--import', 'tsx', path.join(root, 'bench/csv-job.ts'), ...args], { cwd: root, maxBuffer: 10 * 1024 * 1024 }).toString();
  if (!existsSync(file)) job('generate', '100000', file);
  const measured = JSON.parse(job(target === 'pglite' ? 'embedded' : serverUrl, file).trim().split('\n').at(-1)!);
  // The same job with V8's heap capped at 256 MB: what the import needs, rather than what V8 lets garbage grow to.
  const capped = JSON.parse(
    execFileSync(process.execPath, ['--max-old-space-size=256', '--import', 'tsx', path.join(root, 'bench/csv-job.ts'), target === 'pglite' ? 'embedded' : serverUrl, file], { cwd: root, maxBuffer: 10 * 1024 * 1024 })
      .toString()
      .trim()
      .split('\n')
      .at(-1)!,
  );
  measured.withHeapCappedAt256Mb = capped;
  log(
    `import ${measured.importSeconds} s (${measured.created} created, ${measured.rejected} rejected), export ${measured.exportSeconds} s; ` +
      `process before ${measured.memoryBeforeImportMb} MB RSS; import peak ${measured.import.peakRssMb} MB RSS (JS heap ${measured.import.peakHeapMb} MB); ` +
      `export peak ${measured.export.peakRssMb} MB RSS (JS heap ${measured.export.peakHeapMb} MB)`,
  );
  log(`with a 256 MB heap: import ${capped.importSeconds} s, peak ${capped.import.peakRssMb} MB RSS; export ${capped.exportSeconds} s, peak ${capped.export.peakRssMb} MB RSS`);
  results[`csv_${target}`] = measured;
}

/** 100,000 activities imported from a kintone-like CSV (dry run, then apply), in a process of its own; also with a 256 MB heap. */
async function benchActivityImport(target: 'pglite' | 'server') {
  if (target === 'server') await ensureServerDatabase(serverAdminUrl, serverUrl);
  log(`\n## 100,000-activity import (${target === 'pglite' ? 'PGlite' : 'PostgreSQL server'})`);
  const file = path.join(work, 'activities-100000.csv');
  const script = path.join(root, 'bench/activity-import-job.ts');
  const database = target === 'pglite' ? 'embedded' : serverUrl;
  const run = (...flags: string[]) =>
    JSON.parse(execFileSync(process.execPath, [...flags, '--import', 'tsx', script, database, file], { cwd: root, maxBuffer: 10 * 1024 * 1024 }).toString().trim().split('\n').at(-1)!);
  if (!existsSync(file)) execFileSync(process.execPath, ['--import', 'tsx', script, 'generate', '100000', file], { cwd: root });
  const measured = run();
  measured.withHeapCappedAt256Mb = run('--max-old-space-size=256');
  log(
    `dry run ${measured.dryRun.seconds} s (peak ${measured.dryRun.peakRssMb} MB RSS); apply ${measured.apply.seconds} s, ${measured.apply.created} created, ` +
      `peak ${measured.apply.peakRssMb} MB RSS (JS heap ${measured.apply.peakHeapMb} MB; ${measured.memoryBeforeMb} MB before the import)`,
  );
  const capped = measured.withHeapCappedAt256Mb;
  log(`with a 256 MB heap: dry run ${capped.dryRun.seconds} s, apply ${capped.apply.seconds} s, peak ${capped.apply.peakRssMb} MB RSS`);
  results[`activities_${target}`] = measured;
}

log('building…');
execFileSync('npm', ['run', 'build:server'], { cwd: root, stdio: 'inherit' });
if (!skip.has('javascript') || !skip.has('startup')) execFileSync('npm', ['run', 'build:web'], { cwd: root, stdio: 'inherit' });
else if (targets.some((target) => !skip.has(`plans-${target}`)) && (process.env.BENCH_PLANS_STEPS ?? 'lighthouse').includes('lighthouse')) {
  // Lighthouse needs the web bundle; a failing web build leaves the last one (or none: the step says so).
  try {
    execFileSync('npm', ['run', 'build:web'], { cwd: root, stdio: 'inherit' });
  } catch {
    log('the web build failed: Lighthouse runs on the previous dist/web, if any');
  }
}
for (const target of targets as ('pglite' | 'server')[]) if (!skip.has(`http-${target}`)) await benchTarget(target);
if (!skip.has('startup')) await benchStartup();
if (!skip.has('javascript')) await benchJavaScript();
for (const target of targets as ('pglite' | 'server')[]) if (!skip.has(`csv-${target}`)) benchCsv(target);
for (const target of targets as ('pglite' | 'server')[]) if (!skip.has(`activities-${target}`)) await benchActivityImport(target);
for (const target of targets as ('pglite' | 'server')[]) {
  if (!skip.has(`desk-${target}`)) results[`desk_${target}`] = await benchDesk(target, { seconds, adminUrl: serverAdminUrl, log });
}
for (const target of targets as ('pglite' | 'server')[]) {
  if (!skip.has(`plans-${target}`)) results[`plans_${target}`] = await benchPlans(target, { seconds, adminUrl: serverAdminUrl, log });
}

// Steps skipped in this run keep their previous figures (each step records when it was measured).
mkdirSync(path.join(root, 'bench/results'), { recursive: true });
const resultsFile = path.join(root, 'bench/results/latest.json');
const previous = existsSync(resultsFile) ? (JSON.parse(readFileSync(resultsFile, 'utf8')) as Record<string, unknown>) : {};
const stamped = Object.fromEntries(
  Object.entries(results).map(([key, value]) => [key, value && typeof value === 'object' && !Array.isArray(value) ? { measuredAt: results.measuredAt, ...value } : value]),
);
writeFileSync(resultsFile, JSON.stringify({ ...previous, ...stamped }, null, 2) + '\n');
log('\nwrote bench/results/latest.json');
