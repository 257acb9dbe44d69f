import type { Locale } from '../../platform/i18n';
import type { ReportDimensionKey } from '../../../shared/schemas/report';

/**
 * Words of the reports that the shared catalogs (src/shared/i18n/<locale>/desk.json) do not hold yet: table
 * titles, notes and the workbook's headings. Code labels (channels, case types…) come from the catalogs.
 * The exports are Japanese documents (実績報告 for a prefecture), so they always use `ja`.
 */
const text = {
  ja: {
    total: '全体',
    totalRow: '合計',
    multiAnswerTotalRow: '全体（実数）',
    unknown: '不明',
    noTheme: 'テーマ未設定',
    periodTotal: '期間計',
    dimensions: {
      channel: '相談方法別',
      caseType: '案件種別別',
      newOrContinuing: '新規・継続別',
      jsicMajor: '業種別（日本標準産業分類 大分類）',
      municipality: '市区町村別',
      sizeClass: '規模別',
      theme: '相談テーマ別（複数回答）',
    } satisfies Record<ReportDimensionKey, string>,
    month: (year: number, month: number, withYear: boolean) => (withYear ? `${year}年${month}月` : `${month}月`),
    quarter: (fiscalYear: number, quarter: number, withYear: boolean) => (withYear ? `${fiscalYear}年度 第${quarter}四半期` : `第${quarter}四半期`),
    notes: {
      attributes: '業種・市区町村・規模は、事業者台帳の現在の値で集計しています。',
      identity: {
        corporate_number: '実事業者数は法人番号で数えています（法人番号のない事業者は台帳の登録ごとに1者）。',
        company: '実事業者数は事業者台帳の登録ごとに数えています。',
      },
      distinct: '実事業者数は月・四半期・区分ごとの重複を除いた数のため、足し上げても合計とは一致しません。',
      newOrContinuing: '新規：その年度の4月1日より前に対象となる支援記録（委託事業・相談方法を問わない）がない事業者。それ以外は継続。',
      multiAnswer: '相談テーマ別は複数回答のため、各行の合計は全体と一致しません。',
      suppression: (threshold: number) =>
        `公表用のため、${threshold}未満の値を含む欄を「*」で秘匿し、合計から差し引いて復元できないよう他の欄も秘匿しています（合計は秘匿しません）。`,
      archived: 'この委託事業はアーカイブされているため、委託事業の指定がない記録は集計していません。',
    },
  },
  en: {
    total: 'All',
    totalRow: 'Total',
    multiAnswerTotalRow: 'All (distinct)',
    unknown: 'Unknown',
    noTheme: 'No theme',
    periodTotal: 'Period',
    dimensions: {
      channel: 'By channel',
      caseType: 'By case type',
      newOrContinuing: 'New / continuing',
      jsicMajor: 'By industry (JSIC division)',
      municipality: 'By municipality',
      sizeClass: 'By size',
      theme: 'By theme (multiple answers)',
    } satisfies Record<ReportDimensionKey, string>,
    month: (year: number, month: number, withYear: boolean) => {
      const name = new Intl.DateTimeFormat('en', { month: 'short', timeZone: 'UTC' }).format(new Date(Date.UTC(year, month - 1, 1)));
      return withYear ? `${name} ${year}` : name;
    },
    quarter: (fiscalYear: number, quarter: number, withYear: boolean) => (withYear ? `FY${fiscalYear} Q${quarter}` : `Q${quarter}`),
    notes: {
      attributes: 'Industry, municipality and size are the register’s current values.',
      identity: {
        corporate_number: 'Companies are counted by corporate number (a register entry without one counts as one company).',
        company: 'Companies are counted by register entry.',
      },
      distinct: 'Companies are distinct within each cell, so months, quarters and codes do not add up to the total.',
      newOrContinuing: 'New: no reportable support (any programme or channel) before 1 April of the fiscal year; otherwise continuing.',
      multiAnswer: 'Themes are multiple answers: their rows do not add up to the total.',
      suppression: (threshold: number) =>
        `For publication, cells with values below ${threshold} are shown as “*”, and further cells are hidden so that none can be recovered from the totals (totals are shown).`,
      archived: 'This programme is archived: activities without a programme are not counted for it.',
    },
  },
} as const;

export type ReportText = (typeof text)[Locale];

export function reportText(locale: Locale): ReportText {
  return text[locale];
}
