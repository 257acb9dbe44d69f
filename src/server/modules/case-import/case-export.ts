import { stringify } from 'csv-stringify/sync';
import jaDesk from '../../../shared/i18n/ja/desk.json' with { type: 'json' };
import { formatImportDateTime } from '../../../shared/domain/import-dates';
import type { CaseExportQuery } from '../../../shared/schemas/case-import';
import type { Db } from '../../db/client';
import { withActor, type Principal } from '../../platform/auth/actor';
import { assertCan } from '../../platform/auth/authorize';
import { encodeCp932 } from '../../platform/csv/decode';
import { activityTargets, caseTargets } from './case-columns';
import { caseImportPolicy } from './case-import.policy';
import * as repository from './case-import.repository';
import { escapeNotes, personLabel } from './cell-values';

const PAGE_SIZE = 1000;
const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const yesNo = (value: boolean) => (value ? 'はい' : 'いいえ');
const label = (table: Record<string, string>, code: string | null) => (code === null ? '' : (table[code] ?? code));

/** Names the export writes for IDs: people as 「名前 <mail>」, themes and programmes by name (by ID when a name repeats). */
async function loadNames(tx: Db, tenantId: string) {
  const members = new Map((await repository.listMembers(tx, tenantId)).map((member) => [member.id, member]));
  const themes = new Map((await repository.listThemes(tx, tenantId)).map((theme) => [theme.id, theme.name]));
  const programmeRows = await repository.listProgrammes(tx, tenantId);
  const programmes = new Map(programmeRows.map((programme) => [programme.id, programmeRows.filter((other) => other.name === programme.name).length === 1 ? programme.name : programme.id]));
  return {
    person: (id: string) => personLabel(members.get(id), id),
    theme: (id: string) => themes.get(id) ?? id,
    programme: (id: string | null) => (id === null ? '' : (programmes.get(id) ?? id)),
  };
}

type Names = Awaited<ReturnType<typeof loadNames>>;

/**
 * A CSV in the layout the import's suggested mapping recognises (the targets' labels as headers), so
 * an export imports back unchanged. UTF-8 with BOM or CP932, CRLF, one record per line (notes with
 * 「\n」 escapes), streamed a page at a time, each page in its own short transaction.
 */
async function* exportCsv<Row>(
  db: Db,
  principal: Principal,
  query: CaseExportQuery,
  headers: string[],
  page: (tx: Db, tenantId: string, after: Row | null) => Promise<Row[]>,
  toCells: (row: Row, names: Names) => string[],
): AsyncGenerator<Buffer> {
  const encode = (text: string) => (query.encoding === 'cp932' ? encodeCp932(text) : Buffer.from(text, 'utf8'));
  const toCsv = (rows: string[][]) => stringify(rows, { record_delimiter: '\r\n' });
  const names = await withActor(db, principal, async (tx, actor) => {
    assertCan(caseImportPolicy.canExport(actor));
    return loadNames(tx, actor.tenantId);
  });
  yield Buffer.concat([query.encoding === 'cp932' ? Buffer.alloc(0) : UTF8_BOM, encode(toCsv([headers]))]);
  let after: Row | null = null;
  for (;;) {
    const rows: Row[] = await withActor(db, principal, (tx, actor) => page(tx, actor.tenantId, after));
    if (rows.length > 0) yield encode(toCsv(rows.map((row) => toCells(row, names))));
    if (rows.length < PAGE_SIZE) return;
    after = rows[rows.length - 1]!;
  }
}

type CaseExportRow = Awaited<ReturnType<typeof repository.caseExportPage>>[number];
type ActivityExportRow = Awaited<ReturnType<typeof repository.activityExportPage>>[number];

const caseHeader = Object.fromEntries(caseTargets.map((target) => [target.field, target.label]));
const activityHeader = Object.fromEntries(activityTargets.map((target) => [target.field, target.label]));

/** Cases in 受付番号 order. */
export function exportCasesCsv(db: Db, principal: Principal, query: CaseExportQuery): AsyncGenerator<Buffer> {
  const fields = ['id', 'receiptNumber', 'externalRef', 'openedOn', 'caseType', 'status', 'companyId', 'companyCorporateNumber', 'companyName', 'title', 'description', 'preferredChannel', 'themes', 'coordinator', 'consentTerms', 'consentSharePartners', 'closedOn', 'outcomeSummary'];
  return exportCsv<CaseExportRow>(
    db,
    principal,
    query,
    fields.map((field) => caseHeader[field]!),
    (tx, tenantId, after) => repository.caseExportPage(tx, tenantId, query.fiscalYear, after?.receiptNumber ?? null, PAGE_SIZE),
    (row, names) => [
      row.id,
      row.receiptNumber,
      row.externalRef ?? '',
      row.openedOn,
      label(jaDesk.caseType, row.caseType),
      label(jaDesk.caseStatus, row.status),
      row.companyId,
      row.companyCorporateNumber ?? '',
      row.companyName,
      row.title,
      escapeNotes(row.description),
      label(jaDesk.channel, row.preferredChannel),
      row.themeIds.map(names.theme).join('、'),
      row.coordinatorId ? names.person(row.coordinatorId) : '',
      yesNo(row.consentTerms),
      yesNo(row.consentSharePartners),
      row.closedOn ?? '',
      escapeNotes(row.outcomeSummary),
    ],
  );
}

/** Activities in the order they happened. */
export function exportActivitiesCsv(db: Db, principal: Principal, query: CaseExportQuery): AsyncGenerator<Buffer> {
  const fields = ['id', 'externalRef', 'caseReceiptNumber', 'caseExternalRef', 'occurredAt', 'channel', 'minutes', 'preparationMinutes', 'travelMinutes', 'staff', 'experts', 'notes', 'reportable', 'programme'];
  return exportCsv<ActivityExportRow>(
    db,
    principal,
    query,
    fields.map((field) => activityHeader[field]!),
    (tx, tenantId, after) => repository.activityExportPage(tx, tenantId, query.fiscalYear, after ? { occurredAt: after.occurredAt, id: after.id } : null, PAGE_SIZE),
    (row, names) => [
      row.id,
      row.externalRef ?? '',
      row.caseReceiptNumber,
      row.caseExternalRef ?? '',
      formatImportDateTime(row.occurredAt),
      label(jaDesk.channel, row.channel),
      String(row.minutes),
      String(row.preparationMinutes),
      String(row.travelMinutes),
      row.staffIds.map(names.person).join('、'),
      row.expertIds.map(names.person).join('、'),
      escapeNotes(row.notes),
      yesNo(row.reportable),
      names.programme(row.programmeId),
    ],
  );
}
