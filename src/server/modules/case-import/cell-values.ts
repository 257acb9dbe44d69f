import enDesk from '../../../shared/i18n/en/desk.json' with { type: 'json' };
import jaDesk from '../../../shared/i18n/ja/desk.json' with { type: 'json' };
import { activityChannels, caseStatuses, caseTypes, preferredChannels } from '../../../shared/domain/desk';
import { normalizeJa } from '../../../shared/domain/japanese-text';
import type { Role } from '../../../shared/roles';
import { cellText, type Cell } from './table-reader';

/**
 * Reading one cell into a value of the desk: code lists by code or by their Japanese (or English)
 * label, yes/no, minutes, people by e-mail or name, lists. Each reader answers a value or a problem code.
 */

export type Read<T> = { value: T } | { problem: string; params?: Record<string, string | number> };

const choiceKey = (value: string) => normalizeJa(value).replace(/\s/g, '').toLowerCase();

function choices<C extends string>(codes: readonly C[], ja: Record<string, string>, en: Record<string, string>, synonyms: Record<string, C> = {}) {
  const byKey = new Map<string, C>();
  for (const code of codes) {
    byKey.set(choiceKey(code), code);
    if (ja[code]) byKey.set(choiceKey(ja[code]), code);
    if (en[code]) byKey.set(choiceKey(en[code]), code);
  }
  for (const [word, code] of Object.entries(synonyms)) byKey.set(choiceKey(word), code);
  return byKey;
}

const caseTypeChoices = choices(caseTypes, jaDesk.caseType, enDesk.caseType, { 事業者: 'business', 自治体: 'municipality', 学校: 'school', 教育: 'school', 調達: 'procurement' });
const statusChoices = choices(caseStatuses, jaDesk.caseStatus, enDesk.caseStatus, {
  新規: 'received',
  未対応: 'received',
  進行中: 'in_progress',
  対応済: 'completed',
  対応済み: 'completed',
  終了: 'completed',
  対応完了: 'completed',
  伴走支援: 'accompaniment',
  伴走: 'accompaniment',
  取り下げ: 'withdrawn',
  取下: 'withdrawn',
  保留: 'paused',
});
const channelSynonyms = { 窓口: 'visit_desk', 来訪: 'visit_desk', 現地: 'on_site', 出張: 'on_site', web会議: 'online', ウェブ: 'online', zoom: 'online', teams: 'online', 'e-mail': 'email', mail: 'email', 相談会: 'pop_up' } as const;
const channelChoices = choices(activityChannels, jaDesk.channel, enDesk.channel, channelSynonyms);
const preferredChoices = choices(preferredChannels, jaDesk.channel, enDesk.channel, {
  窓口: 'visit_desk',
  来訪: 'visit_desk',
  現地: 'on_site',
  web会議: 'online',
  ウェブ: 'online',
  zoom: 'online',
});

function readChoice<C extends string>(table: Map<string, C>, text: string): Read<C> {
  const code = table.get(choiceKey(text));
  return code ? { value: code } : { problem: 'invalid_choice' };
}

export const readCaseType = (text: string) => readChoice(caseTypeChoices, text);
export const readStatus = (text: string) => readChoice(statusChoices, text);
export const readChannel = (text: string) => readChoice(channelChoices, text);
export const readPreferredChannel = (text: string) => readChoice(preferredChoices, text);

const YES = new Set(['はい', 'あり', '有', 'yes', 'y', 'true', '1', '○', '〇', '◯', '済', '同意あり', '同意する', '同意済み', '対象', 'する']);
const NO = new Set(['いいえ', 'なし', '無', 'no', 'n', 'false', '0', '×', '✕', '未', '同意なし', '同意しない', '対象外', 'しない']);

/** Yes/no as desks write it; `blank` is what an empty cell means. */
export function readFlag(cell: Cell, blank: boolean): Read<boolean> {
  if (typeof cell === 'boolean') return { value: cell };
  const text = choiceKey(cellText(cell));
  if (text === '') return { value: blank };
  if (YES.has(text)) return { value: true };
  if (NO.has(text)) return { value: false };
  return { problem: 'invalid_choice' };
}

/** Whole minutes 0–1440 (「60」「60分」「1,200」); null for a blank cell. */
export function readMinutes(cell: Cell): Read<number | null> {
  let number: number;
  if (typeof cell === 'number') number = cell;
  else {
    const text = normalizeJa(cellText(cell)).replace(/[,分]/g, '').replace(/\s/g, '');
    if (text === '') return { value: null };
    if (!/^[+-]?\d+(\.\d+)?$/.test(text)) return { problem: 'invalid_number' };
    number = Number(text);
  }
  if (!Number.isInteger(number)) return { problem: 'not_integer' };
  if (number < 0) return { problem: 'too_small', params: { minimum: 0 } };
  if (number > 1440) return { problem: 'too_big', params: { maximum: 1440 } };
  return { value: number };
}

const LIST_SPLIT = /[、,，;；\n]/u;

/** Several values in one cell, separated by 「、」 (what the export writes), commas, semicolons or line breaks. */
export function splitCellList(text: string): string[] {
  return text
    .split(LIST_SPLIT)
    .map((part) => normalizeJa(part))
    .filter(Boolean);
}

/** Notes written on one line with 「\n」 escapes (the register's rule), or with real line breaks. */
export function unescapeNotes(text: string): string {
  return text.replace(/\\(\\|n)/g, (_match, escaped: string) => (escaped === 'n' ? '\n' : '\\'));
}

export function escapeNotes(text: string | null): string {
  return (text ?? '').replace(/\\/g, '\\\\').replace(/\r?\n/g, '\\n');
}

export interface Member {
  id: string;
  role: string;
  name: string;
  email: string;
}

export const personKey = (name: string) => normalizeJa(name).replace(/\s/g, '').toLowerCase();

/** The tenant's members by e-mail and by name (names can repeat: a name that names two people is refused). */
export function indexMembers(members: Member[]) {
  const byEmail = new Map<string, Member>();
  const byName = new Map<string, Member[]>();
  for (const member of members) {
    byEmail.set(member.email.toLowerCase(), member);
    byName.set(personKey(member.name), [...(byName.get(personKey(member.name)) ?? []), member]);
  }
  return { byEmail, byName };
}
export type MemberIndex = ReturnType<typeof indexMembers>;

/** How the export writes a person so that the import finds exactly them again: 「名前 <mail>」. */
export function personLabel(member: { name: string; email: string } | undefined, id: string): string {
  return member ? `${member.name} <${member.email}>` : id;
}

/** One person: 「名前 <mail>」, a bare e-mail address, or a name that only one member has. */
export function readPerson(members: MemberIndex, entry: string, allowed: readonly Role[]): Read<string> {
  const email = /<([^<>\s]+@[^<>\s]+)>/.exec(entry)?.[1] ?? (entry.includes('@') ? entry.replace(/\s/g, '') : null);
  let member: Member | undefined;
  if (email) member = members.byEmail.get(email.toLowerCase());
  else {
    const named = members.byName.get(personKey(entry)) ?? [];
    if (named.length > 1) return { problem: 'person_ambiguous', params: { name: entry } };
    member = named[0];
  }
  if (!member) return { problem: 'not_a_member', params: { name: entry } };
  if (!allowed.includes(member.role as Role)) return { problem: 'role_not_allowed', params: { allowed: allowed.join(', ') } };
  return { value: member.id };
}
