import { deriveCompanySize } from '../../../shared/domain/company-size';
import { foldKana, normalizeJa, toSearchText } from '../../../shared/domain/japanese-text';
import type { EntityType, SizeClass } from '../../../shared/schemas/company';

/**
 * Legal-form words that do not tell two companies apart: 「株式会社アオモリ」, 「(株)アオモリ」 and
 * 「アオモリ株式会社」 are the same business for a duplicate warning.
 */
const LEGAL_FORMS =
  /(株式会社|有限会社|合同会社|合資会社|合名会社|一般社団法人|一般財団法人|公益社団法人|公益財団法人|特定非営利活動法人|NPO法人|社会福祉法人|医療法人|学校法人|農事組合法人|協同組合|\(株\)|\(有\)|\(合\)|\(同\)|\(一社\)|\(特非\)|㈱|㈲)/gu;

/** The comparison key for likely-duplicate detection: no legal form, no spaces or punctuation, kana folded. */
export function companyNameKey(name: string): string {
  return foldKana(normalizeJa(name).replace(LEGAL_FORMS, ''))
    .toLowerCase()
    .replace(/[\s・.,、，。\-‐ー()（）「」]/gu, '');
}

/** The あいうえお順 sort key: the reading when known (hiragana), else the normalised name. */
export function companyNameSort(name: string, nameKana: string | null): string {
  return toSearchText(nameKana ?? '') || toSearchText(name);
}

/** What Japanese search matches: the name, the reading, the 法人番号, the representative and the notes. */
export function companySearchText(fields: {
  name: string;
  nameKana: string | null;
  corporateNumber: string | null;
  representativeName: string | null;
  notes: string | null;
}): string {
  return toSearchText(fields.name, fields.nameKana, fields.corporateNumber, fields.representativeName, fields.notes);
}

export function companySizeClass(fields: {
  entityType: EntityType;
  jsicMajor: string | null;
  jsicMiddle: string | null;
  employees: number | null;
  capitalYen: number | null;
}): SizeClass {
  return deriveCompanySize({
    jsicMajor: fields.jsicMajor,
    jsicMiddle: fields.jsicMiddle,
    employees: fields.employees,
    capitalYen: fields.capitalYen,
    soleProprietor: fields.entityType === 'sole_proprietor' || fields.entityType === 'prospective_founder',
  });
}
