/**
 * One import of 100,000 activities (a desk moving in from kintone/Excel), in its own process so that its peak
 * memory is its own.
 *   tsx bench/activity-import-job.ts generate <rows> <file>          writes the CSV (a separate process)
 *   tsx bench/activity-import-job.ts <embedded|postgres://…> <file>  dry run + apply through the import service;
 *                                                                     prints one JSON line.
 * The tenant gets 2,000 companies and 2,000 cases first (受付番号 B1…B2000); the file's rows refer to them.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { stringify } from 'csv-stringify/sync';
import pino from 'pino';
import { openDatabase } from '../src/server/db/client';
import { tenant } from '../src/server/db/schema';
import { hashPassword } from '../src/server/platform/auth/auth-system';
import { withTenant } from '../src/server/platform/tenancy';
import { createCompanyService } from '../src/server/modules/companies/companies.service';
import { createCaseImportService } from '../src/server/modules/case-import/case-import.service';
import { insertCredentialUser, insertMembership } from '../src/server/modules/members/members.repository';

const CASES = 2_000;
const [target = 'embedded', argument = '100000', output = ''] = process.argv.slice(2);
if (target === 'generate') {
  writeFileSync(output, generateFile(Number(argument)));
  process.exit(0);
}
const file = readFileSync(argument);
const directory = path.join(tmpdir(), `tsumugi-bench-activities-${process.pid}`);
const database = await openDatabase(target === 'embedded' ? { kind: 'embedded', directory } : { kind: 'server', url: target });
const db = database.db;

let peakRss = 0;
let peakHeap = 0;
const sample = () => {
  const usage = process.memoryUsage();
  peakRss = Math.max(peakRss, usage.rss);
  peakHeap = Math.max(peakHeap, usage.heapUsed);
};
const sampler = setInterval(sample, 50);

const tenantId = randomUUID();
const userId = await withTenant(db, tenantId, async (tx) => {
  await tx.insert(tenant).values({ id: tenantId, slug: `imp-${tenantId.slice(0, 8)}`, name: '取り込みベンチ', kind: 'desk', prefectureCode: '02' });
  const id = await insertCredentialUser(tx, { name: 'ベンチ', email: `imp-${tenantId}@bench.example`, passwordHash: await hashPassword('x'.repeat(12)), locale: 'ja' });
  await insertMembership(tx, { tenantId, userId: id, role: 'admin' });
  await tx.execute(sql`
    INSERT INTO company (tenant_id, id, name, entity_type, size_class, search_text, name_sort, name_key)
    SELECT ${tenantId}::uuid, gen_random_uuid(), 'ベンチ商事' || g, 'corporation', 'sme', 'べんちしょうじ' || g, 'べんちしょうじ' || g, 'べんちしょうじ' || g
    FROM generate_series(1, ${CASES}) g`);
  await tx.execute(sql`
    INSERT INTO desk_case (tenant_id, id, receipt_number, fiscal_year, case_type, status, company_id, title, source, opened_on, search_text)
    SELECT ${tenantId}::uuid, gen_random_uuid(), 'B' || row_number() OVER (ORDER BY id), 2024, 'business', 'in_progress', id, '移行した相談', 'import', date '2024-04-01', ''
    FROM company WHERE tenant_id = ${tenantId}::uuid`);
  return id;
});
const principal = { userId, tenantId, locale: 'ja' as const };
const imports = createCaseImportService(db, createCompanyService(db), pino({ level: 'warn' }), database.maintain);
const memoryBefore = process.memoryUsage().rss;
peakRss = memoryBefore;

const upload = await imports.upload(principal, { kind: 'activities', fileName: 'activities.csv', bytes: file });
const dryRunStarted = performance.now();
const dryRun = await imports.dryRun(principal, upload.id, { mapping: upload.suggestedMapping, options: { createMissingCompanies: false } });
await imports.settle();
const dryRunSeconds = (performance.now() - dryRunStarted) / 1000;
const checked = await imports.get(principal, dryRun.id);
const dryRunPeak = peakRss;

peakRss = process.memoryUsage().rss;
peakHeap = 0;
const applyStarted = performance.now();
const applied = await imports.apply(principal, dryRun.id);
await imports.settle();
const applySeconds = (performance.now() - applyStarted) / 1000;
const finished = await imports.get(principal, applied.id);
clearInterval(sampler);
sample();
const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
await database.close();
rmSync(directory, { recursive: true, force: true });
console.log(
  JSON.stringify({
    target: target === 'embedded' ? 'PGlite' : 'PostgreSQL server',
    rows: finished.totalRows,
    fileMegabytes: +(file.length / 1024 / 1024).toFixed(1),
    memoryBeforeMb: mb(memoryBefore),
    dryRun: { seconds: +dryRunSeconds.toFixed(1), status: checked.status, rejected: checked.rejectedCount, peakRssMb: mb(dryRunPeak) },
    apply: { seconds: +applySeconds.toFixed(1), status: finished.status, created: finished.created, rejected: finished.rejectedCount, peakRssMb: mb(peakRss), peakHeapMb: mb(peakHeap) },
  }),
);
process.exit(0);

/** Activities as a kintone export would give them: Japanese headers, dates, channel labels, minutes, notes. */
function generateFile(rows: number): Buffer {
  const channels = ['来所', '訪問', 'オンライン', '電話', 'メール', '出張相談会'];
  const notes = ['初回ヒアリング。業務の流れを確認した。', 'ツールの候補を比較した。', '試行の結果を確認した。', '補助金の申請書を一緒に確認した。'];
  const header = ['受付番号', '対応日時', '相談方法', '相談時間（分）', '準備時間（分）', '移動時間（分）', '対応内容', '報告対象'];
  const start = Date.parse('2024-04-01T01:00:00Z');
  const span = Date.parse('2026-10-31T01:00:00Z') - start;
  const records = Array.from({ length: rows }, (_, index) => {
    const when = new Date(start + Math.floor((span * index) / rows));
    const tokyo = new Date(when.getTime() + 9 * 3_600_000).toISOString();
    return [
      `B${1 + (index % CASES)}`,
      `${tokyo.slice(0, 10).replace(/-/g, '/')} ${tokyo.slice(11, 16)}`,
      channels[index % channels.length]!,
      String([30, 45, 60, 90][index % 4]),
      String(index % 3 === 0 ? 15 : 0),
      String(index % 5 === 0 ? 60 : 0),
      notes[index % notes.length]!,
      index % 20 === 0 ? 'いいえ' : 'はい',
    ];
  });
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(stringify([header, ...records], { record_delimiter: '\r\n' }))]);
}
