import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../src/server/db/client';
import { issueFormToken } from '../src/server/modules/public-intake/form-token';
import { withTenant } from '../src/server/platform/tenancy';
import { sql } from 'drizzle-orm';
import { ensureDeskDataset, type DeskBenchTenant } from './desk-dataset';
import { measureLoad, measureRate } from './load';
import { BENCH_AUTH_SECRET, ensureServerDatabase, vacuumServerDatabase, root, signIn, startServer, stopServer, waitForHealth } from './server';

/**
 * The consultation desk's figures (issue 3), on the PostgreSQL server (50 tenants, 300,000 cases,
 * 1,000,000 activities) and on PGlite (one tenant, 50,000 cases):
 *   - the fiscal-year commission report of one tenant and the dashboard's KPI figures: p95;
 *   - Japanese search of 3+ characters over cases: p95;
 *   - the public intake at a fixed arrival rate: achieved requests/s and p99, then a count of what was stored;
 *   - on PGlite: p99 of a light endpoint while heavy reports run.
 */

const shapes = {
  server: { tenants: 50, companies: 2_000, cases: 6_000, activities: 20_000 },
  pglite: { tenants: 1, companies: 20_000, cases: 50_000, activities: 166_000 },
} as const;
const SEARCH = 'サーバー構成';
/** Which measurements to run (BENCH_DESK_STEPS=reports,search,light,intake; all by default). */
const steps = new Set((process.env.BENCH_DESK_STEPS ?? 'reports,search,light,intake').split(','));
const FISCAL_YEAR = 2025;

type Measured = Record<string, unknown>;

export async function benchDesk(target: 'pglite' | 'server', options: { seconds: number; adminUrl: string; log: (line: string) => void }): Promise<Measured> {
  const { log, seconds } = options;
  const shape = shapes[target];
  log(`\n## Desk on ${target === 'pglite' ? 'PGlite' : 'the PostgreSQL server'}: ${shape.tenants} tenant(s) × ${shape.cases} cases, ${shape.activities} activities`);
  const work = path.join(root, '.tmp/bench-desk');
  mkdirSync(work, { recursive: true });
  const serverUrl = process.env.BENCH_DESK_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/tsumugi_bench_desk';
  if (target === 'server') await ensureServerDatabase(options.adminUrl, serverUrl);
  const database = await openDatabase(target === 'server' ? { kind: 'server', url: serverUrl } : { kind: 'embedded', directory: path.join(work, 'pglite') });
  const tenants: DeskBenchTenant[] = await ensureDeskDataset(database.db, shape, log);
  await database.maintain();
  await database.close();
  if (target === 'server') await vacuumServerDatabase(serverUrl);

  const port = target === 'pglite' ? 3911 : 3912;
  const baseUrl = `http://127.0.0.1:${port}`;
  const environment: Record<string, string> = { PORT: String(port), PUBLIC_URL: baseUrl, DATA_DIR: work };
  const server = startServer(target === 'pglite' ? environment : { ...environment, DATABASE_URL: serverUrl });
  await waitForHealth(baseUrl, server);
  const measured: Measured = {};
  try {
    const clients = await Promise.all(tenants.slice(0, 10).map((entry) => signIn(baseUrl, entry.email)));
    const get = async (worker: number, url: string) => {
      const response = await fetch(`${baseUrl}${url}`, { headers: clients[worker % clients.length]! });
      if (response.status !== 200) throw new Error(`${response.status} ${url}`);
      await response.arrayBuffer();
    };
    const single = async (name: string, url: string, concurrency = 1) => {
      const result = await measureLoad({ concurrency, durationMs: seconds * 1000, request: (worker) => get(worker, url) });
      measured[name] = { url, concurrency, ...result };
      log(`${name}: p50 ${result.p50.toFixed(1)} ms, p95 ${result.p95.toFixed(1)} ms, p99 ${result.p99.toFixed(1)} ms at ${concurrency} client(s) (${result.rps.toFixed(0)} req/s, ${result.errors} errors)`);
    };
    if (steps.has('reports')) {
      await single('commissionReport', `/api/v1/reports/commission?fiscalYear=${FISCAL_YEAR}`);
      await single('dashboardKpis', `/api/v1/reports/dashboard?fiscalYear=${FISCAL_YEAR}`);
    }
    // The same after every change: an activity is recorded before each timed request, so no figure comes from the cache.
    const caseId = ((await (await fetch(`${baseUrl}/api/v1/cases?limit=1`, { headers: clients[0]! })).json()) as { items: { id: string }[] }).items[0]!.id;
    /** A real change (a short, non-reportable phone call recorded on a case): the figures' cache no longer applies. */
    const recordChange = async () => {
      const write = await fetch(`${baseUrl}/api/v1/cases/${caseId}/activities`, {
        method: 'POST',
        headers: { ...clients[0]!, 'content-type': 'application/json' },
        body: JSON.stringify({ occurredAt: new Date(Date.now() - 60_000).toISOString(), channel: 'phone', minutes: 5, reportable: false }),
      });
      if (write.status !== 201) throw new Error(`activity ${write.status} ${await write.text()}`);
    };
    const afterChange = async (name: string, url: string) => {
      const latencies: number[] = [];
      const end = performance.now() + seconds * 1000;
      while (performance.now() < end) {
        await recordChange();
        const before = performance.now();
        await get(0, url);
        latencies.push(performance.now() - before);
      }
      latencies.sort((a, b) => a - b);
      const q = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))]!;
      measured[name] = { url, requests: latencies.length, p50: q(0.5), p95: q(0.95), p99: q(0.99) };
      log(`${name} (after a change, uncached): p50 ${q(0.5).toFixed(1)} ms, p95 ${q(0.95).toFixed(1)} ms over ${latencies.length} requests`);
    };
    if (steps.has('reports')) {
      await afterChange('commissionReportAfterChange', `/api/v1/reports/commission?fiscalYear=${FISCAL_YEAR}`);
      await afterChange('dashboardKpisAfterChange', `/api/v1/reports/dashboard?fiscalYear=${FISCAL_YEAR}`);
    }
    if (steps.has('search')) {
      await single('caseSearch', `/api/v1/cases?q=${encodeURIComponent(SEARCH)}&limit=50`);
      await single('caseSearchConcurrent', `/api/v1/cases?q=${encodeURIComponent(SEARCH)}&limit=50`, 10);
    }

    if (target === 'pglite' && steps.has('light')) {
      // Two clients recompute the commission report over and over (each after a change, so never from the cache)
      // while a third reads a light endpoint: how long does the light one wait behind the heavy ones?
      let stop = false;
      const heavy = [0, 1].map(async () => {
        while (!stop) {
          await recordChange().catch(() => undefined);
          await get(0, `/api/v1/reports/commission?fiscalYear=${FISCAL_YEAR}`).catch(() => undefined);
        }
      });
      const light = await measureLoad({ concurrency: 1, durationMs: seconds * 1000, request: (worker) => get(worker, '/api/v1/desk/themes') });
      stop = true;
      await Promise.all(heavy);
      measured.lightDuringReports = { url: '/api/v1/desk/themes', ...light };
      log(`light endpoint while uncached reports run: p50 ${light.p50.toFixed(1)} ms, p99 ${light.p99.toFixed(1)} ms`);
    }

    // Public intake at a fixed rate across the tenants' forms, each request with its own form token.
    if (!steps.has('intake')) return measured;
    const rate = Number(process.env.BENCH_INTAKE_RATE ?? 200);
    const receipts: string[] = [];
    const failures = new Map<string, number>();
    const failure = (key: string) => failures.set(key, (failures.get(key) ?? 0) + 1);
    const startedAt = new Date();
    const intakeRequest = async (index: number) => {
      const entry = tenants[index % tenants.length]!;
      const response = await fetch(`${baseUrl}/api/v1/public/desks/${entry.slug}/consultations`, {
        method: 'POST',
        signal: AbortSignal.timeout(60_000),
        headers: { 'content-type': 'application/json', origin: baseUrl },
        body: JSON.stringify({
          formToken: issueFormToken(BENCH_AUTH_SECRET, entry.tenantId, Date.now() - 10_000),
          website: '',
          entityType: 'corporation',
          companyName: `株式会社ベンチ依頼${index}`,
          contactName: `依頼 太郎${index}`,
          email: `request-${index}@bench.example`,
          themeIds: [],
          troubles: '受発注のFAXをやめたい。',
          preferredChannel: 'online',
          consentTerms: true,
        }),
      });
      if (response.status !== 201) {
        failure(`HTTP ${response.status}`);
        throw new Error(String(response.status));
      }
      receipts.push(`${entry.slug}:${((await response.json()) as { receiptNumber: string }).receiptNumber}`);
    };
    const intake = await measureRate({
      ratePerSecond: rate,
      durationMs: seconds * 1000,
      request: (index) =>
        intakeRequest(index).catch((error: unknown) => {
          if (!/^\d+$/.test((error as Error).message)) failure(String((error as Error & { cause?: unknown }).cause ?? (error as Error).message).slice(0, 80));
          throw error;
        }),
    });
    measured.publicIntake = { offeredPerSecond: rate, ...intake, receipts: receipts.length, distinctReceipts: new Set(receipts).size, failures: Object.fromEntries(failures) };
    log(
      `public intake at ${rate}/s offered: ${intake.rps.toFixed(0)} req/s completed, p50 ${intake.p50.toFixed(1)} ms, p99 ${intake.p99.toFixed(1)} ms, ` +
        `${intake.errors} errors ${JSON.stringify(Object.fromEntries(failures))}; ${receipts.length} receipts, ${new Set(receipts).size} distinct`,
    );
    (measured as { startedAt?: Date }).startedAt = startedAt;
  } finally {
    await stopServer(server);
  }
  // What was stored (read after the server stopped: PGlite has one owner at a time): every 201 is one case, none twice.
  const startedAt = (measured as { startedAt?: Date }).startedAt;
  delete (measured as { startedAt?: Date }).startedAt;
  if (startedAt) {
    const check = await openDatabase(target === 'server' ? { kind: 'server', url: serverUrl } : { kind: 'embedded', directory: path.join(work, 'pglite') });
    let stored = 0;
    for (const entry of tenants) {
      stored += await withTenant(check.db, entry.tenantId, async (tx) => {
        const result = (await tx.execute(sql`SELECT count(*)::int AS n FROM desk_case WHERE source = 'public' AND created_at >= ${startedAt.toISOString()}::timestamptz`)) as unknown as
          | { rows: { n: number }[] }
          | { n: number }[];
        return Number(('rows' in result ? result.rows : result)[0]!.n);
      });
    }
    await check.close();
    (measured.publicIntake as Record<string, unknown>).storedCases = stored;
    log(`public intake: ${stored} cases stored for ${(measured.publicIntake as { receipts: number }).receipts} receipts`);
  }
  return measured;
}
