import { randomUUID } from 'node:crypto';
import { formatReceiptNumber, type ActivityChannel, type CaseStatus, type CaseType, type PreferredChannel } from '../../../shared/domain/desk';
import { fiscalYearOf } from '../../../shared/domain/fiscal-year';
import { importInstant, parseImportDate } from '../../../shared/domain/import-dates';
import { normalizeJa } from '../../../shared/domain/japanese-text';
import { optionalLongText, text as requiredText } from '../../../shared/schemas/common';
import type { CaseImportKind, ImportField } from '../../../shared/schemas/case-import';
import type { Role } from '../../../shared/roles';
import { describeIssue } from '../../../shared/validation';
import { insertJsonRecords } from '../../db/bulk-insert';
import type { Db } from '../../db/client';
import { caseActivity, deskCase } from '../../db/schema';
import { recordAudits } from '../../platform/audit/audit';
import type { Actor } from '../../platform/auth/actor';
import { AppError } from '../../platform/errors';
import type { CompanyService, CompanyState } from '../companies/companies.service';
import type { Rejection, RowProblem } from '../companies/company-import';
import { rolesFor } from '../cases/case-checks';
import { activityDate, caseSearchText, isInFuture, japanToday } from '../cases/case-rules';
import { targetsOf } from './case-columns';
import * as repository from './case-import.repository';
import type { ActivityImportRow, CaseImportRow } from './case-import.repository';
import {
  indexMembers,
  readCaseType,
  readChannel,
  readFlag,
  readMinutes,
  readPerson,
  readPreferredChannel,
  readStatus,
  splitCellList,
  unescapeNotes,
  type MemberIndex,
  type Read,
} from './cell-values';
import { cellText, type Cell } from './table-reader';

/**
 * Cases and activities from a mapped table, a batch at a time: each row is read into the fields the
 * mapping sets (fields left out keep their stored values; blank cells clear optional ones), matched
 * with one query per batch (ID → external ID → 受付番号), compared with what is stored, and — unless
 * it is a dry run — written with bulk statements and audited.
 */

export type { Rejection, RowProblem };

export interface BatchOutcome {
  created: number;
  updated: number;
  unchanged: number;
  rejections: Rejection[];
}

export interface ImportOptions {
  createMissingCompanies: boolean;
  companyExternalIdSystem: string | null;
}

/** The confirmed mapping as positions in the table: which cell each field reads, and its header for reports. */
export interface Layout {
  index: Map<ImportField, number>;
  header: Map<ImportField, string>;
}

export function layoutOf(kind: CaseImportKind, headers: string[], mapping: Record<string, string | null>): { layout: Layout; unknownHeaders: string[]; ignored: string[] } {
  const index = new Map<ImportField, number>();
  const header = new Map<ImportField, string>();
  const unknownHeaders: string[] = [];
  const known = new Set<string>(targetsOf(kind).map((target) => target.field));
  for (const [field, name] of Object.entries(mapping)) {
    if (name === null || name === '' || !known.has(field)) continue;
    const position = headers.indexOf(name);
    if (position < 0) unknownHeaders.push(name);
    else {
      index.set(field as ImportField, position);
      header.set(field as ImportField, name);
    }
  }
  const used = new Set(index.values());
  const ignored = headers.filter((name, position) => name !== '' && !used.has(position));
  return { layout: { index, header }, unknownHeaders, ignored };
}

/** What the desk's names resolve to, read once per batch (themes, members and programmes are small). */
export interface Lookups {
  themes: Map<string, { id: string; archived: boolean }>;
  members: MemberIndex;
  programmes: { byId: Set<string>; byName: Map<string, string[]> };
}

const nameKey = (name: string) => normalizeJa(name).toLowerCase();
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function loadLookups(tx: Db, tenantId: string): Promise<Lookups> {
  const themes = new Map<string, { id: string; archived: boolean }>();
  for (const theme of await repository.listThemes(tx, tenantId)) {
    const entry = { id: theme.id, archived: theme.archivedAt !== null };
    if (theme.nameEn && !themes.has(nameKey(theme.nameEn))) themes.set(nameKey(theme.nameEn), entry);
    themes.set(nameKey(theme.name), entry);
  }
  const programmes = { byId: new Set<string>(), byName: new Map<string, string[]>() };
  for (const programme of await repository.listProgrammes(tx, tenantId)) {
    programmes.byId.add(programme.id);
    programmes.byName.set(nameKey(programme.name), [...(programmes.byName.get(nameKey(programme.name)) ?? []), programme.id]);
  }
  return { themes, members: indexMembers(await repository.listMembers(tx, tenantId)), programmes };
}

/** Reading one row: cells by field, problems collected with the column they belong to. */
class RowReader {
  readonly problems: RowProblem[] = [];
  constructor(
    private readonly layout: Layout,
    private readonly cells: Cell[],
  ) {}

  has(field: ImportField): boolean {
    return this.layout.index.has(field);
  }
  cell(field: ImportField): Cell {
    return this.cells[this.layout.index.get(field)!] ?? null;
  }
  /** The cell as normalised text ('' when blank); undefined when the field is not mapped. */
  text(field: ImportField): string | undefined {
    return this.has(field) ? normalizeJa(cellText(this.cell(field))) : undefined;
  }
  column(field: ImportField): string | null {
    return this.layout.header.get(field) ?? null;
  }
  problem(field: ImportField | null, code: string, params?: Record<string, string | number>) {
    this.problems.push({ column: field ? this.column(field) : null, code, ...(params ? { params } : {}) });
  }
  take<T>(field: ImportField, read: Read<T>): T | undefined {
    if ('value' in read) return read.value;
    this.problem(field, read.problem, read.params);
    return undefined;
  }
  /** A mapped field's value through a zod schema of the API (so limits and normalisation are the form's). */
  parse<T>(field: ImportField, schema: { safeParse(value: unknown): { success: true; data: T } | { success: false; error: { issues: unknown[] } } }, value: unknown): T | undefined {
    const result = schema.safeParse(value);
    if (result.success) return result.data;
    const described = describeIssue(result.error.issues[0] as Parameters<typeof describeIssue>[0]);
    this.problem(field, described.code, described.params);
    return undefined;
  }
  date(field: ImportField): string | null | undefined {
    if (!this.has(field)) return undefined;
    const cell = this.cell(field);
    if (cell === null || cellText(cell).trim() === '') return null;
    const parsed = parseImportDate(cell);
    if (!parsed) this.problem(field, 'invalid_date');
    return parsed?.date;
  }
  key(field: ImportField): string | null | undefined {
    const value = this.text(field);
    return value === undefined ? undefined : value === '' ? null : value;
  }
  people(field: ImportField, lookups: Lookups, allowed: readonly Role[]): string[] {
    const ids: string[] = [];
    for (const entry of splitCellList(this.text(field) ?? '')) {
      const id = this.take(field, readPerson(lookups.members, entry, allowed));
      if (id && !ids.includes(id)) ids.push(id);
    }
    return ids;
  }
}

const titleSchema = requiredText(200);
const descriptionSchema = optionalLongText(20_000);
const outcomeSchema = optionalLongText(5_000);
const notesSchema = optionalLongText(20_000);
const refSchema = requiredText(100);

/** Identity keys read the same way for both kinds: an ID must be a UUID; external IDs are text. */
function readKeys(reader: RowReader) {
  let id: string | null = null;
  const idText = reader.text('id');
  if (idText) {
    if (UUID.test(idText)) id = idText.toLowerCase();
    else reader.problem('id', 'invalid_format');
  }
  const externalRef = reader.key('externalRef');
  if (externalRef) reader.parse('externalRef', refSchema, externalRef);
  return { id, externalRef };
}

// ================================================================ cases

interface CaseValues {
  openedOn: string;
  caseType: CaseType;
  status: CaseStatus;
  title: string;
  description: string | null;
  preferredChannel: PreferredChannel | null;
  themeIds: string[];
  coordinatorId: string | null;
  consentTerms: boolean;
  consentSharePartners: boolean;
  closedOn: string | null;
  outcomeSummary: string | null;
}

interface CompanyRef {
  id: string | null;
  externalId: { system: string | null; value: string } | null;
  corporateNumber: string | null;
  name: string | null;
}

export interface CaseRowInput {
  line: number;
  id: string | null;
  externalRef: string | null | undefined;
  receiptNumber: string | null | undefined;
  /** undefined: no company column mapped; null: mapped and blank. */
  company: CompanyRef | null | undefined;
  fields: Partial<CaseValues>;
  archivedThemeIds: string[];
  /** The columns that name the company, for problems about it. */
  companyColumn: string | null;
}

export function readCaseRow(layout: Layout, lookups: Lookups, options: ImportOptions, line: number, cells: Cell[]): CaseRowInput | Rejection {
  const reader = new RowReader(layout, cells);
  const { id, externalRef } = readKeys(reader);
  const receiptNumber = reader.key('receiptNumber');
  const fields: Partial<CaseValues> = {};
  const archivedThemeIds: string[] = [];

  const openedOn = reader.date('openedOn');
  if (openedOn === null) reader.problem('openedOn', 'required');
  else if (openedOn !== undefined) {
    if (openedOn > japanToday()) reader.problem('openedOn', 'in_future');
    else fields.openedOn = openedOn;
  }
  const closedOn = reader.date('closedOn');
  if (closedOn !== undefined) fields.closedOn = closedOn;
  for (const [field, read] of [
    ['caseType', readCaseType],
    ['status', readStatus],
  ] as const) {
    const value = reader.text(field);
    if (value === undefined) continue;
    if (value === '') reader.problem(field, 'required');
    else {
      const code = reader.take(field, read(value));
      if (code) (fields as Record<string, unknown>)[field] = code;
    }
  }
  const preferred = reader.text('preferredChannel');
  if (preferred !== undefined) fields.preferredChannel = preferred === '' ? null : reader.take('preferredChannel', readPreferredChannel(preferred)) ?? null;
  if (reader.has('title')) {
    const title = reader.parse('title', titleSchema, cellText(reader.cell('title')));
    if (title !== undefined) fields.title = title;
  }
  if (reader.has('description')) {
    const description = reader.parse('description', descriptionSchema, unescapeNotes(cellText(reader.cell('description'))));
    if (description !== undefined) fields.description = description;
  }
  if (reader.has('outcomeSummary')) {
    const outcome = reader.parse('outcomeSummary', outcomeSchema, unescapeNotes(cellText(reader.cell('outcomeSummary'))));
    if (outcome !== undefined) fields.outcomeSummary = outcome;
  }
  if (reader.has('themes')) {
    const themeIds: string[] = [];
    for (const name of splitCellList(reader.text('themes')!)) {
      const theme = lookups.themes.get(nameKey(name));
      if (!theme) reader.problem('themes', 'unknown_theme', { name });
      else if (!themeIds.includes(theme.id)) {
        themeIds.push(theme.id);
        if (theme.archived) archivedThemeIds.push(theme.id);
      }
    }
    fields.themeIds = themeIds;
  }
  if (reader.has('coordinator')) {
    const [coordinatorId, ...others] = reader.people('coordinator', lookups, rolesFor.coordinator) ?? [];
    if (others.length > 0) reader.problem('coordinator', 'too_many_people');
    fields.coordinatorId = coordinatorId ?? null;
  }
  for (const field of ['consentTerms', 'consentSharePartners'] as const) {
    if (!reader.has(field)) continue;
    const flag = reader.take(field, readFlag(reader.cell(field), false));
    if (flag !== undefined) fields[field] = flag;
  }

  let company: CompanyRef | null | undefined;
  const companyFields = ['companyId', 'companyExternalId', 'companyCorporateNumber', 'companyName'] as const;
  const companyColumn = companyFields.map((field) => reader.column(field)).find((column) => column !== null) ?? null;
  if (companyFields.some((field) => reader.has(field))) {
    const companyId = reader.key('companyId') ?? null;
    if (companyId && !UUID.test(companyId)) reader.problem('companyId', 'invalid_format');
    const external = reader.key('companyExternalId') ?? null;
    let externalId: CompanyRef['externalId'] = null;
    if (external) {
      const separator = external.indexOf(':');
      externalId = separator > 0 ? { system: external.slice(0, separator), value: external.slice(separator + 1) } : { system: options.companyExternalIdSystem, value: external };
    }
    const corporateNumber = reader.key('companyCorporateNumber')?.replace(/[-\s]/g, '') ?? null;
    if (corporateNumber && !/^\d{13}$/.test(corporateNumber)) reader.problem('companyCorporateNumber', 'corporate_number_format');
    const name = reader.key('companyName') ?? null;
    company = companyId || externalId || corporateNumber || name ? { id: companyId?.toLowerCase() ?? null, externalId, corporateNumber, name } : null;
  }
  if (reader.problems.length > 0) return { line, problems: reader.problems };
  return { line, id, externalRef, receiptNumber, company, fields, archivedThemeIds, companyColumn };
}

const caseDefaults = {
  caseType: 'business',
  status: 'received',
  description: null,
  preferredChannel: null,
  themeIds: [],
  coordinatorId: null,
  consentTerms: false,
  consentSharePartners: false,
  closedOn: null,
  outcomeSummary: null,
} as const satisfies Partial<CaseValues>;

function valuesOf(row: CaseImportRow): CaseValues {
  return {
    openedOn: row.openedOn,
    caseType: row.caseType as CaseType,
    status: row.status as CaseStatus,
    title: row.title,
    description: row.description,
    preferredChannel: row.preferredChannel as PreferredChannel | null,
    themeIds: row.themeIds,
    coordinatorId: row.coordinatorId,
    consentTerms: row.consentTerms,
    consentSharePartners: row.consentSharePartners,
    closedOn: row.closedOn,
    outcomeSummary: row.outcomeSummary,
  };
}

const comparableCase = (values: CaseValues, companyId: string, externalRef: string | null) =>
  JSON.stringify({ ...values, themeIds: [...values.themeIds].sort(), companyId, externalRef });

/** Per file: which records and keys earlier rows took, and which companies the file creates. */
export interface FileState {
  claimed: Map<string, number>;
  createdCompanies: Map<string, string>;
  /** Cases whose activities the file changed: their search text is refreshed after the last batch. */
  touchedCases: Set<string>;
}

export function newFileState(): FileState {
  return { claimed: new Map(), createdCompanies: new Map(), touchedCases: new Set() };
}

const companyKeysOf = (ref: CompanyRef) => [
  ...(ref.externalId ? [`ext:${ref.externalId.system ?? ''}\u0000${ref.externalId.value}`] : []),
  ...(ref.corporateNumber ? [`num:${ref.corporateNumber}`] : []),
  ...(!ref.externalId && !ref.corporateNumber && ref.name ? [`name:${nameKey(ref.name)}`] : []),
];

/** 受付番号 R7-0012 → { fiscalYear: 2025, serial: 12 } when it is in our format; null otherwise. */
export function receiptSerialOf(receiptNumber: string): { fiscalYear: number; serial: number } | null {
  const match = /^([RHS])(\d{1,2})-(\d{4,})$/.exec(receiptNumber);
  if (!match) return null;
  const base = { R: 2018, H: 1988, S: 1925 }[match[1] as 'R' | 'H' | 'S'];
  const fiscalYear = base + Number(match[2]);
  const serial = Number(match[3]);
  return formatReceiptNumber(fiscalYear, serial) === receiptNumber ? { fiscalYear, serial } : null;
}

function auditCase(id: string, receiptNumber: string, values: CaseValues, companyId: string, externalRef: string | null) {
  return { id, receiptNumber, companyId, externalRef, ...values };
}

export async function processCaseBatch(
  tx: Db,
  actor: Actor,
  companies: CompanyService,
  rows: CaseRowInput[],
  file: FileState,
  options: ImportOptions,
  dryRun: boolean,
): Promise<BatchOutcome> {
  const outcome: BatchOutcome = { created: 0, updated: 0, unchanged: 0, rejections: [] };
  const matches = await repository.findCaseMatches(tx, actor.tenantId, {
    ids: rows.flatMap((row) => (row.id ? [row.id] : [])),
    externalRefs: rows.flatMap((row) => (row.externalRef ? [row.externalRef] : [])),
    receiptNumbers: rows.flatMap((row) => (row.receiptNumber ? [row.receiptNumber] : [])),
  });
  const byId = new Map(matches.map((row) => [row.id, row]));
  const byExternalRef = new Map(matches.flatMap((row) => (row.externalRef ? [[row.externalRef, row] as const] : [])));
  const byReceipt = new Map(matches.map((row) => [row.receiptNumber, row]));

  const refs = rows.flatMap((row) => (row.company ? [row.company] : []));
  const companyMatches = await repository.findCompanyMatches(tx, actor.tenantId, {
    ids: refs.flatMap((ref) => (ref.id ? [ref.id] : [])),
    corporateNumbers: refs.flatMap((ref) => (ref.corporateNumber ? [ref.corporateNumber] : [])),
    externalIds: refs.flatMap((ref) => (ref.externalId?.system ? [{ system: ref.externalId.system, value: ref.externalId.value }] : [])),
    externalValues: refs.flatMap((ref) => (ref.externalId && !ref.externalId.system ? [ref.externalId.value] : [])),
  });

  const creates: { line: number; id: string; receiptNumber: string | null; values: CaseValues; companyId: string; externalRef: string | null }[] = [];
  const changes: { current: CaseImportRow; values: CaseValues; companyId: string; externalRef: string | null }[] = [];
  const newCompanies: { id: string; state: CompanyState }[] = [];

  const reject = (line: number, problems: RowProblem[]) => outcome.rejections.push({ line, problems });

  /** The company a row names: found in the register, created by this file, or a problem. */
  const resolveCompany = (row: CaseRowInput): { id: string; archived: boolean } | RowProblem => {
    const ref = row.company!;
    const column = row.companyColumn;
    let candidates: string[] = [];
    if (ref.id) candidates = companyMatches.byId.has(ref.id) ? [ref.id] : [];
    else if (ref.externalId) {
      candidates = ref.externalId.system
        ? (companyMatches.byExternal.get(`${ref.externalId.system}\u0000${ref.externalId.value}`) ?? [])
        : (companyMatches.byExternalValue.get(ref.externalId.value) ?? []);
    }
    if (candidates.length === 0 && !ref.id && ref.corporateNumber) candidates = companyMatches.byCorporateNumber.get(ref.corporateNumber) ?? [];
    if (candidates.length > 1) return { column, code: 'company_ambiguous' };
    if (candidates.length === 1) return { id: candidates[0]!, archived: companyMatches.byId.get(candidates[0]!)?.archivedAt != null };
    const earlier = companyKeysOf(ref).map((key) => file.createdCompanies.get(key)).find((id) => id !== undefined);
    if (earlier) return { id: earlier, archived: false };
    if (!options.createMissingCompanies || !ref.name || ref.id) return { column, code: 'company_unknown' };
    const state: CompanyState = {
      name: ref.name,
      nameKana: null,
      entityType: ref.corporateNumber ? 'corporation' : 'sole_proprietor',
      corporateNumber: ref.corporateNumber,
      representativeName: null,
      representativeTitle: null,
      postalCode: null,
      prefectureCode: null,
      municipalityCode: null,
      addressLine: null,
      jsicMajor: null,
      jsicMiddle: null,
      employees: null,
      capitalYen: null,
      tags: [],
      notes: null,
      consentShareWithPartners: false,
      contacts: [],
      externalIds: ref.externalId ? [{ system: ref.externalId.system ?? 'import', value: ref.externalId.value }] : [],
    };
    try {
      const id = randomUUID();
      newCompanies.push({ id, state: companies.validOrThrow(state) });
      companyKeysOf(ref).forEach((key) => file.createdCompanies.set(key, id));
      return { id, archived: false };
    } catch (error) {
      if (error instanceof AppError) return { column, code: error.options.fields?.[0]?.code ?? 'invalid' };
      throw error;
    }
  };

  for (const row of rows) {
    let target: CaseImportRow | null = null;
    if (row.id) {
      target = byId.get(row.id) ?? null;
      if (!target) {
        reject(row.line, [{ column: 'ID', code: 'record_unknown' }]);
        continue;
      }
    } else if (row.externalRef) target = byExternalRef.get(row.externalRef) ?? null;
    if (!target && !row.id && row.receiptNumber) target = byReceipt.get(row.receiptNumber) ?? null;
    // Keys that point at different cases cannot both be right.
    if (target && row.receiptNumber && row.receiptNumber !== target.receiptNumber) {
      reject(row.line, [{ column: '受付番号', code: 'key_conflict' }]);
      continue;
    }
    if (target && row.externalRef && target.externalRef !== row.externalRef) {
      const holder = byExternalRef.get(row.externalRef);
      if ((holder && holder.id !== target.id) || (target.externalRef !== null && !row.id)) {
        reject(row.line, [{ column: '外部ID', code: 'key_conflict' }]);
        continue;
      }
    }

    const keys = target ? [`case:${target.id}`] : [...(row.externalRef ? [`ext:${row.externalRef}`] : []), ...(row.receiptNumber ? [`rcpt:${row.receiptNumber}`] : [])];
    const earlier = keys.map((key) => file.claimed.get(key)).find((line) => line !== undefined);
    if (earlier !== undefined) {
      reject(row.line, [{ column: null, code: 'duplicate_row', params: { line: earlier } }]);
      continue;
    }

    const problems: RowProblem[] = [];
    let companyId = target?.companyId ?? null;
    if (row.company === null || (row.company === undefined && !target)) problems.push({ column: row.companyColumn, code: 'company_required' });
    else if (row.company) {
      const resolved = resolveCompany(row);
      if ('code' in resolved) problems.push(resolved);
      else if (resolved.archived && resolved.id !== target?.companyId) problems.push({ column: row.companyColumn, code: 'company_archived' });
      else companyId = resolved.id;
    }
    const base: Partial<CaseValues> = target ? valuesOf(target) : caseDefaults;
    const merged = { ...base, ...row.fields };
    if (!target) {
      if (merged.title === undefined) problems.push({ column: '件名', code: 'required' });
      if (merged.openedOn === undefined) problems.push({ column: '受付日', code: 'required' });
    }
    const newlyArchived = row.archivedThemeIds.filter((id) => !target?.themeIds.includes(id));
    if (newlyArchived.length > 0) problems.push({ column: 'テーマ', code: 'theme_archived' });
    if (merged.closedOn && merged.openedOn && merged.closedOn < merged.openedOn) problems.push({ column: '完了日', code: 'before_opened' });
    if (problems.length > 0 || companyId === null) {
      reject(row.line, problems);
      continue;
    }
    keys.forEach((key) => file.claimed.set(key, row.line));
    const values = merged as CaseValues;
    const externalRef = row.externalRef === undefined ? (target?.externalRef ?? null) : row.externalRef;
    if (target) {
      if (comparableCase(values, companyId, externalRef) === comparableCase(valuesOf(target), target.companyId, target.externalRef)) {
        outcome.unchanged++;
        continue;
      }
      changes.push({ current: target, values, companyId, externalRef });
      outcome.updated++;
    } else {
      creates.push({ line: row.line, id: randomUUID(), receiptNumber: row.receiptNumber ?? null, values, companyId, externalRef });
      outcome.created++;
    }
  }

  if (dryRun) return outcome;

  if (newCompanies.length > 0) await companies.insertCompanies(tx, actor, newCompanies);
  const now = new Date();
  // 受付番号: the file's own are kept (and the sequence moved past them); the others are taken per fiscal year.
  for (const create of creates) {
    const kept = create.receiptNumber ? receiptSerialOf(create.receiptNumber) : null;
    if (kept) await repository.raiseReceiptSequence(tx, actor.tenantId, kept.fiscalYear, kept.serial);
  }
  const unnumbered = new Map<number, typeof creates>();
  for (const create of creates) {
    if (create.receiptNumber) continue;
    const fiscalYear = fiscalYearOf(create.values.openedOn);
    unnumbered.set(fiscalYear, [...(unnumbered.get(fiscalYear) ?? []), create]);
  }
  for (const [fiscalYear, group] of unnumbered) {
    let pending = group;
    // A number the sequence gives may already be held by a case an earlier import brought in: take another.
    while (pending.length > 0) {
      const first = await repository.takeReceiptSerials(tx, actor.tenantId, fiscalYear, pending.length);
      pending.forEach((create, index) => (create.receiptNumber = formatReceiptNumber(fiscalYear, first + index)));
      const taken = await repository.takenReceiptNumbers(tx, actor.tenantId, pending.map((create) => create.receiptNumber!));
      pending = pending.filter((create) => taken.has(create.receiptNumber!));
    }
  }
  await insertJsonRecords(
    tx,
    deskCase,
    creates.map((create) => ({
      tenantId: actor.tenantId,
      id: create.id,
      receiptNumber: create.receiptNumber!,
      fiscalYear: fiscalYearOf(create.values.openedOn),
      ...create.values,
      companyId: create.companyId,
      contactId: null,
      source: 'import',
      externalRef: create.externalRef,
      searchText: '',
      statusChangedAt: now,
      createdAt: now,
      updatedAt: now,
      createdBy: actor.userId,
      updatedBy: actor.userId,
      version: 1,
    })),
  );
  await repository.updateJsonRecords(
    tx,
    deskCase,
    changes.map((change) => ({
      tenantId: actor.tenantId,
      id: change.current.id,
      fiscalYear: fiscalYearOf(change.values.openedOn),
      ...change.values,
      companyId: change.companyId,
      externalRef: change.externalRef,
      statusChangedAt: change.values.status === change.current.status ? change.current.statusChangedAt : now,
      updatedAt: now,
      updatedBy: actor.userId,
    })),
  );
  await recordAudits(tx, actor, [
    ...creates.map((create) => ({
      action: 'case.create',
      entityType: 'case',
      entityId: create.id,
      after: { ...auditCase(create.id, create.receiptNumber!, create.values, create.companyId, create.externalRef), source: 'import' },
    })),
    ...changes.map((change) => ({
      action: 'case.import',
      entityType: 'case',
      entityId: change.current.id,
      before: auditCase(change.current.id, change.current.receiptNumber, valuesOf(change.current), change.current.companyId, change.current.externalRef),
      after: auditCase(change.current.id, change.current.receiptNumber, change.values, change.companyId, change.externalRef),
    })),
  ]);
  await refreshSearchTexts(tx, actor, [...creates.map((create) => create.id), ...changes.map((change) => change.current.id)], false);
  return outcome;
}

/** Recomputes the search text of cases (caseSearchText, the cases module's rule) in a few set-based statements. */
export async function refreshSearchTexts(tx: Db, actor: Actor, caseIds: string[], touch: boolean): Promise<void> {
  const sources = await repository.searchTextSources(tx, actor.tenantId, caseIds);
  await repository.setSearchTexts(
    tx,
    actor.tenantId,
    sources.map((source) => ({ id: source.id, searchText: caseSearchText(source) })),
    touch ? actor.userId : null,
  );
}

// ================================================================ activities

interface ActivityValues {
  occurredAt: Date;
  channel: ActivityChannel;
  minutes: number;
  preparationMinutes: number;
  travelMinutes: number;
  staffIds: string[];
  expertIds: string[];
  notes: string | null;
  reportable: boolean;
  programmeId: string | null;
}

export interface ActivityRowInput {
  line: number;
  id: string | null;
  externalRef: string | null | undefined;
  caseReceiptNumber: string | null | undefined;
  caseExternalRef: string | null | undefined;
  fields: Partial<ActivityValues>;
}

export function readActivityRow(layout: Layout, lookups: Lookups, line: number, cells: Cell[], now: Date = new Date()): ActivityRowInput | Rejection {
  const reader = new RowReader(layout, cells);
  const { id, externalRef } = readKeys(reader);
  const fields: Partial<ActivityValues> = {};
  if (reader.has('occurredAt')) {
    const cell = reader.cell('occurredAt');
    const parsed = cellText(cell).trim() === '' ? null : parseImportDate(cell);
    if (cellText(cell).trim() === '') reader.problem('occurredAt', 'required');
    else if (!parsed) reader.problem('occurredAt', 'invalid_date');
    else {
      const instant = importInstant(parsed);
      if (isInFuture(instant, now)) reader.problem('occurredAt', 'in_future');
      else fields.occurredAt = instant;
    }
  }
  const channel = reader.text('channel');
  if (channel === '') reader.problem('channel', 'required');
  else if (channel !== undefined) fields.channel = reader.take('channel', readChannel(channel));
  for (const field of ['minutes', 'preparationMinutes', 'travelMinutes'] as const) {
    if (!reader.has(field)) continue;
    const minutes = reader.take(field, readMinutes(reader.cell(field)));
    if (minutes === null && field === 'minutes') reader.problem(field, 'required');
    else if (minutes !== undefined) fields[field] = minutes ?? 0;
  }
  if (reader.has('staff')) fields.staffIds = reader.people('staff', lookups, rolesFor.staff);
  if (reader.has('experts')) fields.expertIds = reader.people('experts', lookups, rolesFor.expert);
  if (reader.has('notes')) {
    const notes = reader.parse('notes', notesSchema, unescapeNotes(cellText(reader.cell('notes'))));
    if (notes !== undefined) fields.notes = notes;
  }
  if (reader.has('reportable')) fields.reportable = reader.take('reportable', readFlag(reader.cell('reportable'), true));
  const programme = reader.text('programme');
  if (programme === '') fields.programmeId = null;
  else if (programme !== undefined) {
    const ids = UUID.test(programme) ? (lookups.programmes.byId.has(programme.toLowerCase()) ? [programme.toLowerCase()] : []) : (lookups.programmes.byName.get(nameKey(programme)) ?? []);
    if (ids.length !== 1) reader.problem('programme', 'programme_unknown');
    else fields.programmeId = ids[0]!;
  }
  const caseReceiptNumber = reader.key('caseReceiptNumber');
  const caseExternalRef = reader.key('caseExternalRef');
  if (reader.problems.length > 0) return { line, problems: reader.problems };
  return { line, id, externalRef, caseReceiptNumber, caseExternalRef, fields };
}

/** The date in Japan of an instant, for comparing with a case's 受付日 (Japan keeps UTC+9 all year: no daylight saving). */
const tokyoDateOf = (instant: Date) => new Date(instant.getTime() + 9 * 3600_000).toISOString().slice(0, 10);

const activityDefaults = { preparationMinutes: 0, travelMinutes: 0, staffIds: [], expertIds: [], notes: null, reportable: true, programmeId: null } as const satisfies Partial<ActivityValues>;

function activityValuesOf(row: ActivityImportRow): ActivityValues {
  return {
    occurredAt: row.occurredAt,
    channel: row.channel as ActivityChannel,
    minutes: row.minutes,
    preparationMinutes: row.preparationMinutes,
    travelMinutes: row.travelMinutes,
    staffIds: row.staffIds,
    expertIds: row.expertIds,
    notes: row.notes,
    reportable: row.reportable,
    programmeId: row.programmeId,
  };
}

const comparableActivity = (values: ActivityValues, caseId: string, externalRef: string | null) =>
  JSON.stringify({ ...values, occurredAt: values.occurredAt.getTime(), caseId, externalRef });

function auditActivity(id: string, caseId: string, values: ActivityValues, externalRef: string | null) {
  return { id, caseId, ...values, ...activityDate(values.occurredAt), occurredAt: values.occurredAt.toISOString(), externalRef };
}

export async function processActivityBatch(tx: Db, actor: Actor, rows: ActivityRowInput[], file: FileState, dryRun: boolean): Promise<BatchOutcome> {
  const outcome: BatchOutcome = { created: 0, updated: 0, unchanged: 0, rejections: [] };
  const matches = await repository.findActivityMatches(tx, actor.tenantId, {
    ids: rows.flatMap((row) => (row.id ? [row.id] : [])),
    externalRefs: rows.flatMap((row) => (row.externalRef ? [row.externalRef] : [])),
  });
  const byId = new Map(matches.map((row) => [row.id, row]));
  const byExternalRef = new Map(matches.flatMap((row) => (row.externalRef ? [[row.externalRef, row] as const] : [])));
  const cases = await repository.findCaseRefs(tx, actor.tenantId, {
    ids: matches.map((row) => row.caseId),
    receiptNumbers: rows.flatMap((row) => (row.caseReceiptNumber ? [row.caseReceiptNumber] : [])),
    externalRefs: rows.flatMap((row) => (row.caseExternalRef ? [row.caseExternalRef] : [])),
  });
  const caseById = new Map(cases.map((row) => [row.id, row]));
  const caseByReceipt = new Map(cases.map((row) => [row.receiptNumber, row]));
  const caseByExternalRef = new Map(cases.flatMap((row) => (row.externalRef ? [[row.externalRef, row] as const] : [])));

  const creates: { id: string; caseId: string; values: ActivityValues; externalRef: string | null }[] = [];
  const changes: { current: ActivityImportRow; caseId: string; values: ActivityValues; externalRef: string | null }[] = [];
  const reject = (line: number, problems: RowProblem[]) => outcome.rejections.push({ line, problems });

  for (const row of rows) {
    let target: ActivityImportRow | null = null;
    if (row.id) {
      target = byId.get(row.id) ?? null;
      if (!target) {
        reject(row.line, [{ column: 'ID', code: 'record_unknown' }]);
        continue;
      }
      const holder = row.externalRef ? byExternalRef.get(row.externalRef) : undefined;
      if (holder && holder.id !== target.id) {
        reject(row.line, [{ column: '外部ID', code: 'key_conflict' }]);
        continue;
      }
    } else if (row.externalRef) target = byExternalRef.get(row.externalRef) ?? null;

    const problems: RowProblem[] = [];
    let subject = target ? (caseById.get(target.caseId) ?? null) : null;
    const byReceipt = row.caseReceiptNumber ? caseByReceipt.get(row.caseReceiptNumber) : undefined;
    const byRef = row.caseExternalRef ? caseByExternalRef.get(row.caseExternalRef) : undefined;
    if (row.caseReceiptNumber && !byReceipt) problems.push({ column: '受付番号', code: 'case_unknown' });
    else if (row.caseExternalRef && !byRef) problems.push({ column: '案件外部ID', code: 'case_unknown' });
    else if (byReceipt && byRef && byReceipt.id !== byRef.id) problems.push({ column: '案件外部ID', code: 'key_conflict' });
    else if (byReceipt ?? byRef) subject = (byReceipt ?? byRef)!;
    else if (!target) problems.push({ column: null, code: 'case_required' });

    const keys = target ? [`activity:${target.id}`] : row.externalRef ? [`ext:${row.externalRef}`] : [];
    const earlier = keys.map((key) => file.claimed.get(key)).find((line) => line !== undefined);
    if (earlier !== undefined) problems.push({ column: null, code: 'duplicate_row', params: { line: earlier } });

    const merged = { ...(target ? activityValuesOf(target) : activityDefaults), ...row.fields };
    if (!target) {
      if (merged.occurredAt === undefined) problems.push({ column: '実施日時', code: 'required' });
      if (merged.channel === undefined) problems.push({ column: '相談方法', code: 'required' });
      if (merged.minutes === undefined) problems.push({ column: '相談時間（分）', code: 'required' });
    }
    if (subject && merged.occurredAt && tokyoDateOf(merged.occurredAt) < subject.openedOn) {
      problems.push({ column: '実施日時', code: 'before_opened' });
    }
    if (problems.length > 0 || !subject) {
      reject(row.line, problems);
      continue;
    }
    keys.forEach((key) => file.claimed.set(key, row.line));
    const values = merged as ActivityValues;
    const externalRef = row.externalRef === undefined ? (target?.externalRef ?? null) : row.externalRef;
    if (target) {
      if (comparableActivity(values, subject.id, externalRef) === comparableActivity(activityValuesOf(target), target.caseId, target.externalRef)) {
        outcome.unchanged++;
        continue;
      }
      changes.push({ current: target, caseId: subject.id, values, externalRef });
      outcome.updated++;
    } else {
      creates.push({ id: randomUUID(), caseId: subject.id, values, externalRef });
      outcome.created++;
    }
  }

  if (dryRun) return outcome;
  const now = new Date();
  await insertJsonRecords(
    tx,
    caseActivity,
    creates.map((create) => ({
      tenantId: actor.tenantId,
      id: create.id,
      caseId: create.caseId,
      ...create.values,
      ...activityDate(create.values.occurredAt),
      externalRef: create.externalRef,
      createdAt: now,
      updatedAt: now,
      createdBy: actor.userId,
      updatedBy: actor.userId,
      version: 1,
    })),
  );
  await repository.updateJsonRecords(
    tx,
    caseActivity,
    changes.map((change) => ({
      tenantId: actor.tenantId,
      id: change.current.id,
      caseId: change.caseId,
      ...change.values,
      ...activityDate(change.values.occurredAt),
      externalRef: change.externalRef,
      updatedAt: now,
      updatedBy: actor.userId,
    })),
  );
  await recordAudits(tx, actor, [
    ...creates.map((create) => ({ action: 'activity.create', entityType: 'case', entityId: create.caseId, after: auditActivity(create.id, create.caseId, create.values, create.externalRef) })),
    ...changes.map((change) => ({
      action: 'activity.import',
      entityType: 'case',
      entityId: change.caseId,
      before: auditActivity(change.current.id, change.current.caseId, activityValuesOf(change.current), change.current.externalRef),
      after: auditActivity(change.current.id, change.caseId, change.values, change.externalRef),
    })),
  ]);
  // Cases gather activities from many batches: their search text is rebuilt once, when the file is done.
  for (const create of creates) file.touchedCases.add(create.caseId);
  for (const change of changes) file.touchedCases.add(change.caseId).add(change.current.caseId);
  return outcome;
}
