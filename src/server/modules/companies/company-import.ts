import { parse } from 'csv-parse';
import { parse as parseSync } from 'csv-parse/sync';
import type { z } from 'zod';
import { companyUpdateInput, entityTypesRequiringCorporateNumber, type EntityType } from '../../../shared/schemas/company';
import { describeIssue } from '../../../shared/validation';
import type { Actor } from '../../platform/auth/actor';
import type { DecodedText } from '../../platform/csv/decode';
import type { Db } from '../../db/client';
import * as repository from './companies.repository';
import type { CompanyRecord } from './companies.repository';
import { completeCompanyState, stateOf, type CompanyService, type CompanyState } from './companies.service';
import {
  columns,
  mapHeaders,
  municipalityCodeByName,
  parseConsent,
  parseEntityType,
  parseInteger,
  parseNotes,
  parseStatus,
  prefectureCodeByName,
  splitList,
  type Column,
  type ColumnKey,
} from './company-csv';

/**
 * Reading a register file row by row: the header decides which columns the file sets (columns it
 * lacks stay as they are), each row is validated by the same schema as the API, and then matched to
 * a company by ID, external ID or 法人番号. Pure of I/O except through the transaction it is given.
 */

export interface RowProblem {
  column: string | null;
  code: string;
  params?: Record<string, string | number>;
}

export interface Rejection {
  line: number;
  problems: RowProblem[];
}

export interface BatchOutcome {
  created: number;
  updated: number;
  unchanged: number;
  rejections: Rejection[];
}

export interface CsvLayout {
  byIndex: (Column | null)[];
  present: Set<ColumnKey>;
  ignored: string[];
}

export class ImportFileError extends Error {
  constructor(readonly code: 'EMPTY_FILE' | 'MISSING_NAME_COLUMN' | 'UNREADABLE_FILE', readonly detail?: string) {
    super(code);
  }
}

const headerOf = (key: ColumnKey) => columns.find((column) => column.key === key)!.header;
const columnPosition = (header: string | null) => (header === null ? columns.length : columns.findIndex((column) => column.header === header || column.aliases?.includes(header)));
/** Problems in the order of the register's columns, so a report reads left to right like the file. */
const byColumnOrder = (a: RowProblem, b: RowProblem) => columnPosition(a.column) - columnPosition(b.column);

/** Reads the header row and decides the layout; fails the whole file when it cannot work. */
export function readLayout(decoded: DecodedText): CsvLayout {
  let headerRecord: string[] | undefined;
  try {
    [headerRecord] = parseSync(decoded.text, { delimiter: decoded.delimiter, to_line: 1, relax_quotes: true }) as string[][];
  } catch (error) {
    throw new ImportFileError('UNREADABLE_FILE', (error as Error).message);
  }
  if (!headerRecord || headerRecord.every((cell) => cell.trim() === '')) throw new ImportFileError('EMPTY_FILE');
  const { byIndex, ignored, duplicated } = mapHeaders(headerRecord);
  const present = new Set(byIndex.filter((column): column is Column => column !== null && !column.isDerived).map((column) => column.key));
  // A file must say which company each row is: a name (new or matched), or a key to match an existing one.
  if (!['name', 'id', 'corporateNumber', 'externalIds'].some((key) => present.has(key as ColumnKey))) throw new ImportFileError('MISSING_NAME_COLUMN');
  return { byIndex, present, ignored: [...ignored, ...duplicated.map((header) => `${header}（重複）`)] };
}

/** The data records of a file with their line numbers, as a stream (the header is line 1). */
export async function* readRecords(decoded: DecodedText): AsyncGenerator<{ line: number; cells: string[] }> {
  const parser = parse(decoded.text, {
    delimiter: decoded.delimiter,
    from_line: 2,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    info: true,
  });
  for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number; raw?: string } }>) {
    // info.lines is the line where the record ends; a record spans as many lines as it has line breaks.
    yield { line: info.lines - (record.join('').match(/\n/g)?.length ?? 0), cells: record };
  }
}

export async function countRecords(decoded: DecodedText): Promise<number> {
  let count = 0;
  for await (const _record of readRecords(decoded)) count++;
  return count;
}

type ParsedRow = {
  line: number;
  id: string | null;
  fields: Partial<CompanyState>;
  contact: { name: string | null; nameKana: string | null; role: string | null; email: string | null; phone: string | null } | null;
  status: 'active' | 'archived' | undefined;
};

const fieldColumn: Partial<Record<string, ColumnKey>> = {
  name: 'name',
  nameKana: 'nameKana',
  entityType: 'entityType',
  corporateNumber: 'corporateNumber',
  representativeName: 'representativeName',
  representativeTitle: 'representativeTitle',
  postalCode: 'postalCode',
  prefectureCode: 'prefectureCode',
  municipalityCode: 'municipalityCode',
  addressLine: 'addressLine',
  jsicMajor: 'jsicMajor',
  jsicMiddle: 'jsicMiddle',
  employees: 'employees',
  capitalYen: 'capitalYen',
  tags: 'tags',
  notes: 'notes',
  consentShareWithPartners: 'consentShareWithPartners',
  externalIds: 'externalIds',
  'contacts.0.name': 'contactName',
  'contacts.0.nameKana': 'contactNameKana',
  'contacts.0.role': 'contactRole',
  'contacts.0.email': 'contactEmail',
  'contacts.0.phone': 'contactPhone',
};

function columnOfPath(path: string): string | null {
  const key = fieldColumn[path] ?? fieldColumn[path.split('.')[0]!];
  return key ? headerOf(key) : null;
}

/** Cells → the fields this row sets, validated by the API's own schema; or the row's problems. */
export function parseRow(layout: CsvLayout, line: number, cells: string[]): ParsedRow | Rejection {
  const cell = new Map<ColumnKey, string>();
  const problems: RowProblem[] = [];
  cells.forEach((value, index) => {
    const column = layout.byIndex[index];
    if (column && !column.isDerived) cell.set(column.key, value);
    else if (index >= layout.byIndex.length && value.trim() !== '') problems.push({ column: null, code: 'too_many_columns' });
  });
  const has = (key: ColumnKey) => layout.present.has(key);
  const text = (key: ColumnKey) => cell.get(key) ?? '';

  const input: Record<string, unknown> = {};
  const copy = (key: ColumnKey & keyof z.input<typeof companyUpdateInput>) => {
    if (has(key)) input[key] = text(key);
  };
  (['name', 'nameKana', 'corporateNumber', 'representativeName', 'representativeTitle', 'postalCode', 'addressLine', 'jsicMajor', 'jsicMiddle'] as const).forEach(copy);

  if (has('entityType') && text('entityType').trim() !== '') {
    const entityType = parseEntityType(text('entityType'));
    if (entityType) input.entityType = entityType;
    else problems.push({ column: headerOf('entityType'), code: 'invalid_choice' });
  }
  // Codes decide; a name alone is resolved to its code (files from other systems often carry names only).
  if (has('prefectureCode') && text('prefectureCode').trim() !== '') input.prefectureCode = text('prefectureCode');
  else if (cell.get('prefectureName')?.trim()) {
    const code = prefectureCodeByName(cell.get('prefectureName')!);
    if (code) input.prefectureCode = code;
    else problems.push({ column: '都道府県', code: 'name_unresolved' });
  } else if (has('prefectureCode')) input.prefectureCode = null;
  if (has('municipalityCode') && text('municipalityCode').trim() !== '') input.municipalityCode = text('municipalityCode');
  else if (cell.get('municipalityName')?.trim()) {
    const code = municipalityCodeByName(cell.get('municipalityName')!, (input.prefectureCode as string | undefined) ?? null);
    if (code) input.municipalityCode = code;
    else problems.push({ column: '市区町村', code: 'name_unresolved' });
  } else if (has('municipalityCode')) input.municipalityCode = null;

  for (const key of ['employees', 'capitalYen'] as const) {
    if (!has(key)) continue;
    const value = parseInteger(text(key));
    if (value === 'invalid') problems.push({ column: headerOf(key), code: 'invalid_number' });
    else input[key] = value;
  }
  if (has('tags')) input.tags = splitList(text('tags'));
  if (has('notes')) input.notes = parseNotes(text('notes'));
  if (has('consentShareWithPartners')) {
    const consent = parseConsent(text('consentShareWithPartners'));
    if (consent === undefined) problems.push({ column: headerOf('consentShareWithPartners'), code: 'invalid_consent' });
    else input.consentShareWithPartners = consent;
  }
  if (has('externalIds')) {
    input.externalIds = splitList(text('externalIds')).map((entry) => {
      const separator = entry.indexOf(':');
      return separator > 0 ? { system: entry.slice(0, separator), value: entry.slice(separator + 1) } : { system: 'import', value: entry };
    });
  }
  const contactKeys = ['contactName', 'contactNameKana', 'contactRole', 'contactEmail', 'contactPhone'] as const;
  const hasContact = contactKeys.some((key) => text(key).trim() !== '');
  if (hasContact) {
    input.contacts = [
      { name: text('contactName'), nameKana: text('contactNameKana'), role: text('contactRole'), email: text('contactEmail'), phone: text('contactPhone'), isPrimary: true },
    ];
  }
  let status: ParsedRow['status'];
  if (has('status') && text('status').trim() !== '') {
    status = parseStatus(text('status'));
    if (!status) problems.push({ column: headerOf('status'), code: 'invalid_status' });
  }

  // A row that says 法人 with an empty 法人番号 cell is wrong whether it creates or updates.
  const entityType = input.entityType as EntityType | undefined;
  if (entityType && entityTypesRequiringCorporateNumber.includes(entityType) && has('corporateNumber') && text('corporateNumber').trim() === '') {
    problems.push({ column: headerOf('corporateNumber'), code: 'corporate_number_required' });
  }
  const parsed = companyUpdateInput.safeParse({ version: 1, ...input }, { reportInput: true });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const described = describeIssue(issue);
      problems.push({ column: columnOfPath(described.path), code: described.code, params: described.params });
    }
  }
  if (problems.length > 0 || !parsed.success) return { line, problems: problems.sort(byColumnOrder) };
  const { version: _version, contacts, ...fields } = parsed.data;
  const id = has('id') ? text('id').trim() || null : null;
  if (id !== null && !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) {
    return { line, problems: [{ column: 'ID', code: 'invalid_format' }] };
  }
  const contact = contacts?.[0];
  return {
    line,
    id: id?.toLowerCase() ?? null,
    fields: fields as Partial<CompanyState>,
    contact: contact ? { name: contact.name, nameKana: contact.nameKana, role: contact.role, email: contact.email, phone: contact.phone } : null,
    status,
  };
}

/** The import's rule for contacts: the file's contact updates the primary contact (or adds one); others stay. */
function mergeContact(current: CompanyState['contacts'], contact: ParsedRow['contact']): CompanyState['contacts'] {
  if (!contact || contact.name === null) return current;
  const index = Math.max(0, current.findIndex((entry) => entry.isPrimary));
  if (current.length === 0) return [{ ...contact, name: contact.name, isPrimary: true }];
  return current.map((entry, position) => (position === index ? { ...entry, ...contact, name: contact.name!, isPrimary: true } : entry));
}

function comparable(state: CompanyState, archived: boolean) {
  return JSON.stringify({
    ...state,
    tags: [...state.tags],
    contacts: state.contacts.map(({ id: _id, ...contact }) => contact),
    externalIds: [...state.externalIds].sort((a, b) => `${a.system}:${a.value}`.localeCompare(`${b.system}:${b.value}`)),
    archived,
  });
}

const keyOfExternalId = (ref: { system: string; value: string }) => `${ref.system}\u0000${ref.value}`;

/**
 * Decides and (unless `dryRun`) applies a batch of rows in the caller's transaction:
 * ID → external ID → 法人番号 (when it names exactly one company) → a new company.
 * `claimed` carries, across batches, which companies and keys earlier rows of the file took.
 */
export async function processBatch(
  tx: Db,
  actor: Actor,
  companies: CompanyService,
  rows: ParsedRow[],
  claimed: Map<string, number>,
  dryRun: boolean,
): Promise<BatchOutcome> {
  const outcome: BatchOutcome = { created: 0, updated: 0, unchanged: 0, rejections: [] };
  const matches = await repository.findImportMatches(tx, actor.tenantId, {
    ids: rows.flatMap((row) => (row.id ? [row.id] : [])),
    externalIds: rows.flatMap((row) => row.fields.externalIds ?? []),
    corporateNumbers: rows.flatMap((row) => (row.fields.corporateNumber ? [row.fields.corporateNumber] : [])),
  });
  const targets = rows.map((row): { row: ParsedRow; target: string | null } | Rejection => {
    if (row.id) {
      if (!matches.byId.has(row.id)) return { line: row.line, problems: [{ column: 'ID', code: 'unknown_id' }] };
      return { row, target: row.id };
    }
    const byExternal = new Set((row.fields.externalIds ?? []).flatMap((ref) => matches.byExternalId.get(keyOfExternalId(ref)) ?? []));
    if (byExternal.size > 1) return { line: row.line, problems: [{ column: '外部ID', code: 'ambiguous_match' }] };
    if (byExternal.size === 1) return { row, target: [...byExternal][0]! };
    if (row.fields.corporateNumber) {
      const byNumber = matches.byCorporateNumber.get(row.fields.corporateNumber) ?? [];
      if (byNumber.length > 1) return { line: row.line, problems: [{ column: '法人番号', code: 'ambiguous_match' }] };
      if (byNumber.length === 1) return { row, target: byNumber[0]! };
    }
    return { row, target: null };
  });

  const existing = await repository.findCompanies(
    tx,
    actor.tenantId,
    targets.flatMap((entry) => ('row' in entry && entry.target ? [entry.target] : [])),
  );
  const creates: { state: CompanyState; line: number }[] = [];
  const changes: { current: CompanyRecord; next: CompanyState; archive: boolean | null }[] = [];

  for (const entry of targets) {
    if (!('row' in entry)) {
      outcome.rejections.push(entry);
      continue;
    }
    const { row, target } = entry;
    // One file, one row per company: the keys a row claims cannot be claimed again.
    const keys = target
      ? [`id:${target}`]
      : [...(row.fields.externalIds ?? []).map((ref) => `ext:${keyOfExternalId(ref)}`), ...(row.fields.corporateNumber ? [`num:${row.fields.corporateNumber}`] : [])];
    const earlier = keys.map((key) => claimed.get(key)).find((line) => line !== undefined);
    if (earlier !== undefined) {
      outcome.rejections.push({ line: row.line, problems: [{ column: null, code: 'duplicate_in_file', params: { line: earlier } }] });
      continue;
    }
    keys.forEach((key) => claimed.set(key, row.line));

    if (target) {
      const current = existing.get(target)!;
      const base = stateOf(current);
      const merged: CompanyState = { ...base, ...row.fields, contacts: mergeContact(base.contacts, row.contact) } as CompanyState;
      const { state: next, problems } = completeCompanyState(merged);
      if (problems.length > 0) {
        outcome.rejections.push({ line: row.line, problems: problems.map((problem) => ({ column: columnOfPath(problem.path), code: problem.code })) });
        continue;
      }
      const archived = row.status === undefined ? current.archivedAt !== null : row.status === 'archived';
      if (comparable(next, archived) === comparable(base, current.archivedAt !== null)) {
        outcome.unchanged++;
        continue;
      }
      changes.push({ current, next, archive: archived === (current.archivedAt !== null) ? null : archived });
      outcome.updated++;
    } else {
      const fields = row.fields;
      const entityType: EntityType | undefined = fields.entityType ?? (fields.corporateNumber ? 'corporation' : undefined);
      const problems: RowProblem[] = [];
      if (!fields.name) problems.push({ column: headerOf('name'), code: 'required' });
      if (!entityType) problems.push({ column: headerOf('entityType'), code: 'required' });
      if (problems.length > 0) {
        outcome.rejections.push({ line: row.line, problems });
        continue;
      }
      const draft: CompanyState = {
        name: fields.name!,
        nameKana: fields.nameKana ?? null,
        entityType: entityType!,
        corporateNumber: fields.corporateNumber ?? null,
        representativeName: fields.representativeName ?? null,
        representativeTitle: fields.representativeTitle ?? null,
        postalCode: fields.postalCode ?? null,
        prefectureCode: fields.prefectureCode ?? null,
        municipalityCode: fields.municipalityCode ?? null,
        addressLine: fields.addressLine ?? null,
        jsicMajor: fields.jsicMajor ?? null,
        jsicMiddle: fields.jsicMiddle ?? null,
        employees: fields.employees ?? null,
        capitalYen: fields.capitalYen ?? null,
        tags: fields.tags ?? [],
        notes: fields.notes ?? null,
        consentShareWithPartners: fields.consentShareWithPartners ?? false,
        contacts: mergeContact([], row.contact),
        externalIds: fields.externalIds ?? [],
      };
      const { state, problems: referenceProblems } = completeCompanyState(draft);
      if (referenceProblems.length > 0) {
        outcome.rejections.push({ line: row.line, problems: referenceProblems.map((problem) => ({ column: columnOfPath(problem.path), code: problem.code })) });
        continue;
      }
      creates.push({ state, line: row.line });
      outcome.created++;
    }
  }

  if (!dryRun) {
    await companies.insertCompanies(tx, actor, creates);
    for (const change of changes) {
      const updated = await companies.changeCompany(tx, actor, change.current, change.current.version, change.next, 'company.import');
      if (change.archive !== null) await companies.archiveInTransaction(tx, actor, updated, change.archive);
    }
  }
  return outcome;
}
