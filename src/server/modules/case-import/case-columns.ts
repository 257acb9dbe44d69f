import type { ActivityImportField, CaseImportField, CaseImportKind, ImportField } from '../../../shared/schemas/case-import';

/**
 * The fields a case or activity file can fill, with the header the export writes (the label) and the
 * other names desks' files use for them (Excel habits, kintone's standard fields, English keys).
 * The suggested mapping matches headers against these names, so an export maps itself completely.
 */

export interface ImportTarget<F extends ImportField = ImportField> {
  field: F;
  label: string;
  aliases: string[];
  /** Needed to create a record (updates may leave it out). */
  required: boolean;
  description: string;
}

export const caseTargets: readonly ImportTarget<CaseImportField>[] = [
  { field: 'id', label: 'ID', aliases: ['id', 'つむぎID', '案件ID(つむぎ)'], required: false, description: 'つむぎの案件ID（エクスポートに含まれます）。一致する案件を更新します。' },
  {
    field: 'externalRef',
    label: '外部ID',
    aliases: ['externalRef', 'レコード番号', '$id', 'レコードID', '案件番号', '管理番号', '案件管理番号'],
    required: false,
    description: '移行元システムでの番号（kintoneのレコード番号など）。同じ外部IDの案件は更新され、なければ登録されます。',
  },
  { field: 'receiptNumber', label: '受付番号', aliases: ['receiptNumber', '受付No', '受付NO', '受付No.'], required: false, description: 'R7-0001形式。空欄なら受付日の年度で採番します。一致する案件は更新されます。' },
  { field: 'openedOn', label: '受付日', aliases: ['openedOn', '受付日時', '作成日時', '作成日', '相談日', '相談受付日', '登録日'], required: true, description: '相談を受け付けた日。2025/4/1、令和7年4月1日、Excelの日付など。' },
  { field: 'caseType', label: '相談種別', aliases: ['caseType', '種別', '案件種別', '相談区分'], required: false, description: '事業者相談・自治体相談・調達支援・学校・教育（列がなければ事業者相談）。' },
  { field: 'status', label: '状態', aliases: ['status', 'ステータス', '対応状況', '進捗状況', '進捗'], required: false, description: '受付・対応中・伴走支援へ移行・マッチング中・完了・休止・取下げ（列がなければ受付）。' },
  { field: 'companyId', label: '事業者ID', aliases: ['companyId', '台帳ID'], required: false, description: '事業者台帳のID（エクスポートに含まれます）。' },
  {
    field: 'companyExternalId',
    label: '事業者外部ID',
    aliases: ['companyExternalId', '事業者レコード番号', '顧客番号', '顧客ID', '企業ID', '事業者コード', '顧客コード'],
    required: false,
    description: '事業者台帳に登録した外部ID（「kintone:123」または値のみ）。',
  },
  { field: 'companyCorporateNumber', label: '法人番号', aliases: ['corporateNumber', 'companyCorporateNumber'], required: false, description: '13桁の法人番号で事業者を特定します。' },
  {
    field: 'companyName',
    label: '事業者名',
    aliases: ['companyName', '会社名', '企業名', '法人名', '事業所名', '顧客名', '相談者名'],
    required: false,
    description: '「台帳にない事業者を登録する」を選んだときに新しい事業者の名前として使います。',
  },
  { field: 'title', label: '件名', aliases: ['title', 'タイトル', '案件名', '相談件名', '表題'], required: true, description: '案件の件名（200文字まで）。' },
  { field: 'description', label: '相談内容', aliases: ['description', '内容', '詳細', '相談概要', '概要'], required: false, description: '相談の内容。改行は「\\n」でも書けます。' },
  { field: 'preferredChannel', label: '希望する相談方法', aliases: ['preferredChannel', '希望相談方法', '希望方法'], required: false, description: '来所・訪問・オンライン・電話。' },
  { field: 'themes', label: 'テーマ', aliases: ['themes', '相談テーマ', '相談分野', '分野'], required: false, description: '窓口のテーマ名。複数は「、」で区切ります。' },
  {
    field: 'coordinator',
    label: '担当コーディネーター',
    aliases: ['coordinator', '担当コーディネータ', 'コーディネーター', '担当者', '担当'],
    required: false,
    description: '組織のメンバーのメールアドレスまたは名前。',
  },
  { field: 'consentTerms', label: '利用規約同意', aliases: ['consentTerms', '規約同意', '個人情報同意'], required: false, description: 'はい／いいえ。' },
  { field: 'consentSharePartners', label: '連携先共有同意', aliases: ['consentSharePartners', '共有同意'], required: false, description: 'はい／いいえ。' },
  { field: 'closedOn', label: '完了日', aliases: ['closedOn', '終了日', '対応完了日'], required: false, description: '完了・取下げの日。' },
  { field: 'outcomeSummary', label: '成果', aliases: ['outcomeSummary', '結果', '対応結果', '成果概要'], required: false, description: '案件の成果。' },
];

export const activityTargets: readonly ImportTarget<ActivityImportField>[] = [
  { field: 'id', label: 'ID', aliases: ['id', 'つむぎID'], required: false, description: 'つむぎの対応記録ID（エクスポートに含まれます）。一致する記録を更新します。' },
  {
    field: 'externalRef',
    label: '外部ID',
    aliases: ['externalRef', 'レコード番号', '$id', 'レコードID', '記録番号', '対応記録番号'],
    required: false,
    description: '移行元システムでの番号。同じ外部IDの記録は更新され、なければ登録されます。',
  },
  { field: 'caseReceiptNumber', label: '受付番号', aliases: ['caseReceiptNumber', '案件受付番号', '受付No'], required: false, description: '記録が属する案件の受付番号（案件外部IDとどちらか）。' },
  {
    field: 'caseExternalRef',
    label: '案件外部ID',
    aliases: ['caseExternalRef', '案件レコード番号', '案件番号', '案件ID', '案件管理番号'],
    required: false,
    description: '記録が属する案件の外部ID（受付番号とどちらか）。',
  },
  {
    field: 'occurredAt',
    label: '実施日時',
    aliases: ['occurredAt', '対応日時', '相談日時', '実施日', '対応日', '相談日', '日時', '作成日時'],
    required: true,
    description: '実施した日時（日付だけなら0:00）。未来の日時は取り込めません。',
  },
  { field: 'channel', label: '相談方法', aliases: ['channel', '対応方法', '実施方法', '方法'], required: true, description: '来所・訪問・オンライン・電話・メール・出張相談会。' },
  { field: 'minutes', label: '相談時間（分）', aliases: ['minutes', '相談時間', '対応時間（分）', '対応時間', '所要時間（分）', '所要時間', '時間（分）'], required: true, description: '0〜1440の整数。' },
  { field: 'preparationMinutes', label: '準備時間（分）', aliases: ['preparationMinutes', '準備時間'], required: false, description: '0〜1440の整数（空欄は0）。' },
  { field: 'travelMinutes', label: '移動時間（分）', aliases: ['travelMinutes', '移動時間'], required: false, description: '0〜1440の整数（空欄は0）。' },
  { field: 'staff', label: '対応者', aliases: ['staff', '対応職員', '担当職員', '対応スタッフ'], required: false, description: '職員のメールアドレスまたは名前。複数は「、」で区切ります。' },
  { field: 'experts', label: '専門家', aliases: ['experts', '対応専門家'], required: false, description: '専門家のメールアドレスまたは名前。複数は「、」で区切ります。' },
  { field: 'notes', label: '対応内容', aliases: ['notes', '記録', '対応記録', 'メモ', '備考', '内容'], required: false, description: '対応の記録。改行は「\\n」でも書けます。' },
  { field: 'reportable', label: '報告対象', aliases: ['reportable', '集計対象'], required: false, description: 'はい／いいえ（空欄は はい）。' },
  { field: 'programme', label: '委託事業', aliases: ['programme', 'programmeId', '事業名'], required: false, description: '委託事業の名前またはID。' },
];

export function targetsOf(kind: CaseImportKind): readonly ImportTarget[] {
  return kind === 'cases' ? caseTargets : activityTargets;
}

/** Headers compare after NFKC, without spaces, case-insensitively: 「相談時間(分)」 = 「相談時間（分）」. */
export function headerKey(header: string): string {
  return header.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
}

/** A guess at the mapping: each field takes the first header that is its label or one of its aliases (each header once). */
export function suggestMapping(kind: CaseImportKind, headers: string[]): Record<string, string | null> {
  const byKey = new Map<string, string>();
  for (const header of headers) if (header !== '' && !byKey.has(headerKey(header))) byKey.set(headerKey(header), header);
  const taken = new Set<string>();
  const mapping: Record<string, string | null> = {};
  for (const target of targetsOf(kind)) {
    const header = [target.label, ...target.aliases].map((name) => byKey.get(headerKey(name))).find((found) => found !== undefined && !taken.has(found));
    mapping[target.field] = header ?? null;
    if (header) taken.add(header);
  }
  return mapping;
}

/** The fields a file must map for its rows to find or create anything. */
export const keyFields: Record<CaseImportKind, ImportField[]> = {
  cases: ['id', 'externalRef', 'receiptNumber', 'title'],
  activities: ['id', 'externalRef', 'caseReceiptNumber', 'caseExternalRef'],
};
