import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { z } from 'zod';
import { indicatorList, planTree } from '../src/shared/schemas/plan';
import { openDatabase, type Db } from '../src/server/db/client';
import type { Principal } from '../src/server/platform/auth/actor';
import { withTenant } from '../src/server/platform/tenancy';
import { periodRange } from '../src/server/modules/plans/engine/periods';
import * as indicatorRepository from '../src/server/modules/plans/indicators.repository';
import { createIndicatorService } from '../src/server/modules/plans/indicators.service';
import { computeMetric } from '../src/server/modules/plans/metric-sources';
import { evaluateIndicators, rollupOf } from '../src/server/modules/plans/plan-figures';
import * as planRepository from '../src/server/modules/plans/plans.repository';
import { createPlanService } from '../src/server/modules/plans/plans.service';
import { createPublicPlanService } from '../src/server/modules/plans/public-plans.service';
import { ensurePlansDataset, type PlansBenchDataset } from './plans-dataset';
import { measureLoad, median } from './load';
import { benchLighthouse } from './lighthouse';
import { ensureServerDatabase, root, signIn, startServer, stopServer, vacuumServerDatabase, waitForHealth } from './server';

/**
 * The plans module's figures (issue 4), on the PostgreSQL server and on PGlite, over one public plan of ten
 * fiscal years with 2,000 nodes and 5,000 indicators × 10 periods (bench/plans-dataset.ts):
 *   - the public plan page's API (GET /api/v1/public/plans/{id} and …/indicators, no sign-in), repeated (the
 *     service caches the figures per plan state) and after a change (a node's title is changed through the API
 *     before each timed request, so the cache cannot answer): p50/p95 (aim: p95 < 100 ms on the server);
 *   - recomputing every roll-up and index: the signed-in GET /api/v1/plans/{id}/tree and …/indicators (uncached,
 *     they compute everything), median of BENCH_PLANS_RUNS runs; and the same in this process, split into SQL,
 *     computation and the response's serialisation (zod encode + JSON.stringify, what the server does) (aim: < 1 s);
 *   - Lighthouse (performance, accessibility; desktop and mobile) on the public page /open/plans/{id} (by default
 *     with the server only: BENCH_PLANS_LIGHTHOUSE).
 * BENCH_PLANS_STEPS=compute,api,lighthouse picks the measurements (all by default).
 */

const steps = new Set((process.env.BENCH_PLANS_STEPS ?? 'compute,api,lighthouse').split(','));
/** Timed runs of each uncached request over HTTP; the in-process split takes half as many (it repeats every part). */
const RUNS = Number(process.env.BENCH_PLANS_RUNS ?? 10);
const IN_PROCESS_RUNS = Math.max(1, Math.ceil(RUNS / 2));
/**
 * Where Lighthouse runs: the page and its scores are the web app's, the same on either database (the API's
 * latency on each is measured above), and a heavy page takes minutes per run; BENCH_PLANS_LIGHTHOUSE=pglite,server for both.
 */
const LIGHTHOUSE_TARGETS = new Set((process.env.BENCH_PLANS_LIGHTHOUSE ?? 'server').split(','));

type Measured = Record<string, unknown>;

const ms = (value: number) => +value.toFixed(1);
function summary(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const q = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
  return { runs: sorted.length, median: ms(median(sorted)), p95: ms(q(0.95)), min: ms(sorted[0]!), max: ms(sorted.at(-1)!) };
}
const line = (result: { median: number; p95?: number; min: number; max: number; runs: number }) =>
  `median ${result.median} ms (min ${result.min}, max ${result.max}, ${result.runs} runs)`;

async function time<T>(work: () => Promise<T>): Promise<[number, T]> {
  const started = performance.now();
  const value = await work();
  return [performance.now() - started, value];
}

/** What the server's response serialiser does (fastify-type-provider-zod): encode with the route's schema, then stringify. */
function serialise(schema: z.ZodType, body: unknown): [number, number] {
  const started = performance.now();
  const result = z.safeEncode(schema, body);
  if (result.error) throw new Error(`response does not match its schema: ${result.error.message.slice(0, 300)}`);
  const text = JSON.stringify(result.data);
  return [performance.now() - started, Buffer.byteLength(text)];
}

export async function benchPlans(target: 'pglite' | 'server', options: { seconds: number; adminUrl: string; log: (line: string) => void }): Promise<Measured> {
  const { log, seconds } = options;
  const work = path.join(root, '.tmp/bench-plans');
  mkdirSync(work, { recursive: true });
  const dataDir = path.join(work, 'pglite'); // the server's embedded directory is DATA_DIR/pglite
  const serverUrl = process.env.BENCH_PLANS_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/tsumugi_bench_plans';
  log(`\n## Plans on ${target === 'pglite' ? 'PGlite' : 'the PostgreSQL server'}: one public plan, 2,000 nodes, 5,000 indicators × 10 fiscal years`);
  if (target === 'server') await ensureServerDatabase(options.adminUrl, serverUrl);
  const database = await openDatabase(target === 'server' ? { kind: 'server', url: serverUrl } : { kind: 'embedded', directory: dataDir });
  const dataset = await ensurePlansDataset(database.db, log);
  await database.maintain();
  await database.close();
  if (target === 'server') await vacuumServerDatabase(serverUrl);
  else if (dataset.createdSeconds !== null) await vacuumPglite(dataDir);
  const measured: Measured = { dataset: { ...dataset.counts, createdSeconds: dataset.createdSeconds } };
  if (dataset.createdSeconds === null) log(`dataset reused: ${JSON.stringify(dataset.counts)}`);

  // In this process, before the server starts (PGlite has one owner at a time).
  if (steps.has('compute')) {
    const compute = await openDatabase(target === 'server' ? { kind: 'server', url: serverUrl } : { kind: 'embedded', directory: dataDir });
    try {
      measured.inProcess = await measureInProcess(compute.db, dataset, log);
    } finally {
      await compute.close();
    }
  }
  const lighthouse = steps.has('lighthouse') && LIGHTHOUSE_TARGETS.has(target);
  if (!steps.has('api') && !lighthouse) return measured;

  const port = target === 'pglite' ? 3921 : 3922;
  const baseUrl = `http://127.0.0.1:${port}`;
  const environment: Record<string, string> = { PORT: String(port), PUBLIC_URL: baseUrl, DATA_DIR: work };
  const server = startServer(target === 'pglite' ? environment : { ...environment, DATABASE_URL: serverUrl });
  await waitForHealth(baseUrl, server);
  try {
    if (steps.has('api')) measured.api = await measureApi(baseUrl, dataset, seconds, log);
    if (lighthouse && !existsSync(path.join(root, 'dist/web/index.html'))) {
      measured.lighthouse = { error: 'no web build (dist/web): npm run build:web failed or was not run' };
      log('Lighthouse skipped: no web build in dist/web');
    } else if (lighthouse) measured.lighthouse = await benchLighthouse(`${baseUrl}/open/plans/${dataset.planId}`, `/api/v1/public/plans/${dataset.planId}`, { reportDir: work, label: target, log });
  } finally {
    await stopServer(server);
  }
  return measured;
}

/** PGlite has no autovacuum and Database.maintain only analyses: a fresh dataset is vacuumed once, as its owner. */
async function vacuumPglite(dataDir: string) {
  const client = await PGlite.create({ dataDir, extensions: { pg_trgm } });
  await client.exec('VACUUM (ANALYZE)');
  await client.close();
}

/**
 * The whole plan's figures computed in this process through the services the routes call (uncached), each
 * `IN_PROCESS_RUNS` times after a warm-up, and split up: the SQL the indicator figures read, the computed indicators' metric
 * queries, the computation (what is left), the roll-up alone, and serialising the response as the server does.
 */
async function measureInProcess(db: Db, dataset: PlansBenchDataset, log: (line: string) => void) {
  log(`in-process (${IN_PROCESS_RUNS} runs each, after a warm-up):`);
  const principal: Principal = { userId: dataset.userId, tenantId: dataset.tenantId, locale: 'ja' };
  const plans = createPlanService(db);
  const indicators = createIndicatorService(db);
  const { tenantId, planId } = dataset;
  const samples: Record<string, number[]> = {};
  const add = (name: string, value: number) => (samples[name] ??= []).push(value);
  const bytes: Record<string, number> = {};
  for (let run = 0; run <= IN_PROCESS_RUNS; run++) {
    const keep = run > 0; // run 0 warms up
    const record = (name: string, value: number) => keep && add(name, value);

    // The services as the routes call them, and serialising their answers.
    const [treeMs, tree] = await time(() => plans.tree(principal, planId));
    const [treeSerialiseMs, treeBytes] = serialise(planTree, tree);
    const [listMs, list] = await time(() => indicators.list(principal, planId));
    const [listSerialiseMs, listBytes] = serialise(indicatorList, list);
    // A fresh public service each time: its figure cache starts empty, as after a change.
    // The public service answers serialised and gzipped bodies (computed, encoded and zipped here).
    const [publicPlanMs, publicBody] = await time(() => createPublicPlanService(db).get(planId));
    const [publicIndicatorsMs, publicIndicators] = await time(() => createPublicPlanService(db).indicators(planId));
    Object.assign(bytes, {
      tree: treeBytes,
      indicators: listBytes,
      publicPlan: publicBody.json.length,
      publicPlanGzip: publicBody.gzip.length,
      publicIndicators: publicIndicators.json.length,
      publicIndicatorsGzip: publicIndicators.gzip.length,
    });
    record('tree.service', treeMs);
    record('tree.serialise', treeSerialiseMs);
    record('indicators.service', listMs);
    record('indicators.serialise', listSerialiseMs);
    record('publicPlan.service', publicPlanMs);
    record('publicIndicators.service', publicIndicatorsMs);

    // The parts: SQL reads, metric queries, computation.
    await withTenant(db, tenantId, async (tx) => {
      const plan = (await planRepository.findPlan(tx, tenantId, planId))!;
      const [nodesMs, nodes] = await time(() => planRepository.listNodes(tx, tenantId, planId));
      const [rollupMs] = await time(async () => rollupOf(plan, nodes));
      record('rollup.sqlNodes', nodesMs);
      record('rollup.compute', rollupMs);
      // One statement at a time, as evaluateIndicators reads (one connection; pg 9 refuses overlapping queries).
      const reads = async (internal: boolean) => {
        const rows = await indicatorRepository.listIndicators(tx, tenantId, planId);
        await indicatorRepository.listPlanPeriods(tx, tenantId, planId);
        await indicatorRepository.listPlanMethods(tx, tenantId, planId);
        await indicatorRepository.originalTargets(tx, tenantId, planId);
        if (internal) await indicatorRepository.latestUpdates(tx, tenantId, planId);
        return [rows] as const;
      };
      const [readsMs, [rows]] = await time(() => reads(true));
      record('indicators.sqlReads', readsMs);
      // Each statement alone (they run one after another on one connection anyway).
      for (const [name, read] of [
        ['listIndicators', () => indicatorRepository.listIndicators(tx, tenantId, planId)],
        ['listPlanPeriods', () => indicatorRepository.listPlanPeriods(tx, tenantId, planId)],
        ['listPlanMethods', () => indicatorRepository.listPlanMethods(tx, tenantId, planId)],
        ['originalTargets', () => indicatorRepository.originalTargets(tx, tenantId, planId)],
        ['latestUpdates', () => indicatorRepository.latestUpdates(tx, tenantId, planId)],
      ] as const) {
        const [readMs] = await time(read as () => Promise<unknown>);
        record(`sql.${name}`, readMs);
      }
      const computed = rows.filter((row) => row.kind === 'computed' && row.metricKey);
      const [metricsMs] = await time(async () => {
        for (const row of computed) {
          for (let year = plan.startYear; year <= plan.endYear; year++) await computeMetric(tx, tenantId, row.metricKey!, row.metricParams, periodRange(year, null));
        }
      });
      record('indicators.sqlMetrics', metricsMs);
      const [internalMs] = await time(() => evaluateIndicators(tx, tenantId, plan, { audience: 'internal', locale: 'ja' }));
      record('indicators.evaluateInternal', internalMs);
      record('indicators.computeInternal', internalMs - readsMs - metricsMs);
      const [publicReadsMs] = await time(() => reads(false));
      const [publicMs] = await time(() => evaluateIndicators(tx, tenantId, plan, { audience: 'public', locale: 'ja' }));
      record('indicators.evaluatePublic', publicMs);
      record('indicators.computePublic', publicMs - publicReadsMs);
    });
  }
  const result = Object.fromEntries(Object.entries(samples).map(([name, values]) => [name, summary(values)]));
  const get = (name: string) => result[name]!;
  log(`  GET /plans/{id}/tree service: ${line(get('tree.service'))}; serialising ${get('tree.serialise').median} ms (${(bytes.tree! / 1e6).toFixed(2)} MB)`);
  log(`    the roll-up alone: nodes SQL ${get('rollup.sqlNodes').median} ms, rollupTree ${get('rollup.compute').median} ms`);
  log(`  GET /plans/{id}/indicators service: ${line(get('indicators.service'))}; serialising ${get('indicators.serialise').median} ms (${(bytes.indicators! / 1e6).toFixed(2)} MB)`);
  log(
    `    evaluateIndicators (internal) ${get('indicators.evaluateInternal').median} ms = SQL reads ${get('indicators.sqlReads').median} ms ` +
      `+ metric queries ${get('indicators.sqlMetrics').median} ms + computation ~${get('indicators.computeInternal').median} ms`,
  );
  log(
    `    SQL each: ${['listIndicators', 'listPlanPeriods', 'listPlanMethods', 'originalTargets', 'latestUpdates'].map((name) => `${name} ${get(`sql.${name}`).median} ms`).join(', ')}`,
  );
  log(`    evaluateIndicators (public) ${get('indicators.evaluatePublic').median} ms, of which computation ~${get('indicators.computePublic').median} ms`);
  const megabytes = (value: number | undefined) => `${((value ?? 0) / 1e6).toFixed(2)} MB`;
  log(`  public plan (uncached, serialised and gzipped) service: ${line(get('publicPlan.service'))}; ${megabytes(bytes.publicPlan)}, gzip ${megabytes(bytes.publicPlanGzip)}`);
  log(`  public indicators (uncached, serialised and gzipped) service: ${line(get('publicIndicators.service'))}; ${megabytes(bytes.publicIndicators)}, gzip ${megabytes(bytes.publicIndicatorsGzip)}`);
  return { ...result, responseBytes: bytes };
}

/** The HTTP figures against the built server in its own process. */
async function measureApi(baseUrl: string, dataset: PlansBenchDataset, seconds: number, log: (line: string) => void) {
  const measured: Measured = {};
  const admin = await signIn(baseUrl, dataset.email);
  const publicPlanUrl = `/api/v1/public/plans/${dataset.planId}`;
  const publicIndicatorsUrl = `${publicPlanUrl}/indicators`;
  const sizes: Record<string, number> = {};
  const get = async (url: string, headers: Record<string, string> = {}) => {
    const response = await fetch(`${baseUrl}${url}`, { headers });
    if (response.status !== 200) throw new Error(`${response.status} ${url}: ${(await response.text()).slice(0, 200)}`);
    const body = await response.arrayBuffer();
    sizes[url] = body.byteLength;
    return body;
  };

  // Recomputing everything, signed in: the tree (roll-up) and the indicators (every period, every index). Uncached.
  let nodeVersion = 0;
  for (const [name, url] of [
    ['tree', `/api/v1/plans/${dataset.planId}/tree`],
    ['indicators', `/api/v1/plans/${dataset.planId}/indicators`],
  ] as const) {
    const latencies: number[] = [];
    for (let run = 0; run <= RUNS; run++) {
      const before = performance.now();
      const body = await get(url, admin);
      if (run > 0) latencies.push(performance.now() - before);
      if (name === 'tree' && run === 0) {
        const tree = JSON.parse(Buffer.from(body).toString()) as { nodes: { id: string; version: number }[] };
        nodeVersion = tree.nodes.find((node) => node.id === dataset.nodeId)!.version;
      }
    }
    measured[name] = { url, bytes: sizes[url], ...summary(latencies) };
    log(`${name} (signed in, uncached): ${line(summary(latencies))}, ${(sizes[url]! / 1e6).toFixed(2)} MB`);
  }

  // The public page's API, repeated: the figures come from the service's cache after the first request.
  for (const [name, url] of [
    ['publicPlan', publicPlanUrl],
    ['publicNodeIndicators', `${publicIndicatorsUrl}?nodeId=${dataset.nodeId}`],
    ['publicIndicators', publicIndicatorsUrl],
  ] as const) {
    const result = await measureLoad({ concurrency: 1, durationMs: seconds * 1000, request: async () => void (await get(url)) });
    measured[name] = { url, bytes: sizes[url], concurrency: 1, ...result };
    log(`${name} (repeated): p50 ${result.p50.toFixed(1)} ms, p95 ${result.p95.toFixed(1)} ms, p99 ${result.p99.toFixed(1)} ms over ${result.requests} requests (${result.errors} errors), ${(sizes[url]! / 1e6).toFixed(2)} MB`);
  }

  // The same after every change: a node's title is changed through the API before each timed request (the
  // plan's stamp moves), so the figures are computed afresh each time.
  let change = 0;
  const recordChange = async () => {
    const response = await fetch(`${baseUrl}/api/v1/plan-nodes/${dataset.nodeId}`, {
      method: 'PATCH',
      headers: { ...admin, 'content-type': 'application/json' },
      body: JSON.stringify({ version: nodeVersion, title: `ベンチ変更の取組 ${++change}` }),
    });
    if (response.status !== 200) throw new Error(`node change ${response.status} ${await response.text()}`);
    nodeVersion = ((await response.json()) as { version: number }).version;
  };
  const changeTimes: number[] = [];
  for (const [name, url] of [
    ['publicPlanAfterChange', publicPlanUrl],
    ['publicIndicatorsAfterChange', publicIndicatorsUrl],
  ] as const) {
    const latencies: number[] = [];
    const end = performance.now() + seconds * 1000;
    // At least 10 requests, at most the time allowed (or 60 s when each is slow).
    const hardEnd = performance.now() + Math.max(60, seconds) * 1000;
    while ((performance.now() < end || latencies.length < 10) && performance.now() < hardEnd) {
      const [changeMs] = await time(recordChange);
      changeTimes.push(changeMs);
      const before = performance.now();
      await get(url);
      latencies.push(performance.now() - before);
    }
    latencies.sort((a, b) => a - b);
    const q = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))]!;
    measured[name] = { url, requests: latencies.length, p50: q(0.5), p95: q(0.95), p99: q(0.99), max: latencies.at(-1) };
    log(`${name} (after a change, uncached): p50 ${q(0.5).toFixed(1)} ms, p95 ${q(0.95).toFixed(1)} ms over ${latencies.length} requests`);
  }
  measured.nodeChange = { url: '/api/v1/plan-nodes/{id} (PATCH title)', ...summary(changeTimes) };
  log(`the change itself (PATCH a node's title): ${line(summary(changeTimes))}`);
  return measured;
}
