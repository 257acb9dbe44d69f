/**
 * One 100,000-row register import and export, in its own process so that its peak memory is its own.
 *   tsx bench/csv-job.ts generate <rows> <file>            writes the file (a separate process, so the
 *                                                          generator's memory is not counted)
 *   tsx bench/csv-job.ts <embedded|postgres://…> <file>    imports and exports it; prints one JSON line.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import pino from 'pino';
import { openDatabase } from '../src/server/db/client';
import { tenant } from '../src/server/db/schema';
import { hashPassword } from '../src/server/platform/auth/auth-system';
import { withTenant } from '../src/server/platform/tenancy';
import { createCompanyService } from '../src/server/modules/companies/companies.service';
import { exportCompaniesCsv } from '../src/server/modules/companies/company-export';
import { createCompanyImportService } from '../src/server/modules/companies/company-import.service';
import { insertCredentialUser, insertMembership } from '../src/server/modules/members/members.repository';
import { demoCompanies, demoTenants } from '../src/server/seed/demo-data';

const [target = 'embedded', argument = '100000', output = ''] = process.argv.slice(2);
if (target === 'generate') {
  writeFileSync(output, generateFile(Number(argument)));
  process.exit(0);
}
const file = readFileSync(argument);
const directory = path.join(tmpdir(), `tsumugi-bench-csv-${process.pid}`);
const database = await openDatabase(target === 'embedded' ? { kind: 'embedded', directory } : { kind: 'server', url: target });
const db = database.db;

let peakRss = process.memoryUsage().rss;
let peakHeap = 0;
let peakExternal = 0;
const sample = () => {
  const usage = process.memoryUsage();
  peakRss = Math.max(peakRss, usage.rss);
  peakHeap = Math.max(peakHeap, usage.heapUsed);
  peakExternal = Math.max(peakExternal, usage.external);
};
const sampler = setInterval(sample, 50);

const tenantId = randomUUID();
await withTenant(db, tenantId, (tx) => tx.insert(tenant).values({ id: tenantId, slug: `csv-${tenantId.slice(0, 8)}`, name: 'CSVベンチ', kind: 'desk', prefectureCode: '02' }));
const userId = await withTenant(db, tenantId, async (tx) => {
  const id = await insertCredentialUser(tx, { name: 'ベンチ', email: `csv-${tenantId}@bench.example`, passwordHash: await hashPassword('x'.repeat(12)), locale: 'ja' });
  await insertMembership(tx, { tenantId, userId: id, role: 'admin' });
  return id;
});
const principal = { userId, tenantId, locale: 'ja' as const };

const imports = createCompanyImportService(db, createCompanyService(db), pino({ level: 'warn' }), database.maintain);
const memoryBeforeImport = process.memoryUsage().rss;
const importStarted = performance.now();
const job = await imports.start(principal, { fileName: 'bench.csv', bytes: file, mode: 'apply' });
const progress = process.env.BENCH_PROGRESS
  ? setInterval(() => void imports.get(principal, job.id).then((state) => console.error(`${((performance.now() - importStarted) / 1000).toFixed(1)} s: ${state.processedRows}/${state.totalRows}`)), 2000)
  : undefined;
await imports.settle();
clearInterval(progress);
const importSeconds = (performance.now() - importStarted) / 1000;
const finished = await imports.get(principal, job.id);
const importPeak = { rss: peakRss, heap: peakHeap, external: peakExternal };
peakRss = 0;
peakHeap = 0;
peakExternal = 0;

const exportStarted = performance.now();
let exportedBytes = 0;
for await (const chunk of exportCompaniesCsv(db, principal, { status: 'all', encoding: 'utf-8' })) exportedBytes += chunk.length;
const exportSeconds = (performance.now() - exportStarted) / 1000;

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
    importSeconds: +importSeconds.toFixed(1),
    importStatus: finished.status,
    created: finished.created,
    rejected: finished.rejectedCount,
    exportSeconds: +exportSeconds.toFixed(1),
    exportedMegabytes: +(exportedBytes / 1024 / 1024).toFixed(1),
    memoryBeforeImportMb: Math.round(memoryBeforeImport / 1024 / 1024),
    import: { peakRssMb: mb(importPeak.rss), peakHeapMb: mb(importPeak.heap), peakExternalMb: mb(importPeak.external) },
    export: { peakRssMb: mb(peakRss), peakHeapMb: mb(peakHeap), peakExternalMb: mb(peakExternal) },
  }),
);
process.exit(0);

/** A file as a desk would bring it: Japanese headers, names and codes, one contact, some tags and notes. */
function generateFile(rows: number): Buffer {
  const header = ['事業者名', 'フリガナ', '事業者区分', '法人番号', '代表者名', '市区町村コード', '産業中分類コード', '従業員数', '資本金（円）', 'タグ', '備考', '担当者名', '担当者メール'];
  const inputs = demoCompanies(demoTenants[0]!, rows, 4242, { uniqueNames: false });
  const records = inputs.map((input, index) => [
    `${input.name}${index}`,
    input.nameKana ?? '',
    { corporation: '法人', npo: 'NPO・非営利法人', sole_proprietor: '個人事業主', prospective_founder: '創業予定者', association: '任意団体', public_body: '公的機関・学校' }[input.entityType],
    input.corporateNumber ?? '',
    input.representativeName ?? '',
    input.municipalityCode ?? '',
    input.jsicMiddle ?? '',
    input.employees === null ? '' : String(input.employees),
    input.capitalYen === null ? '' : String(input.capitalYen),
    input.tags.join('、'),
    (input.notes ?? '').replace(/\n/g, '\\n'),
    input.contacts[0]?.name ?? '',
    input.contacts[0]?.email ?? '',
  ]);
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(stringify([header, ...records], { record_delimiter: '\r\n' }))]);
}
