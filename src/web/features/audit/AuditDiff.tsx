import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ColumnHeaders, DataTable, bodyRowClass, tdClass, thClass } from '../../components/Table';
import { currentLocale } from '../../i18n';
import { formatDateTime } from '../../lib/dates';

/** Bookkeeping fields every change touches: listing them would hide what people changed. */
const HIDDEN_KEYS = new Set(['id', 'version', 'updatedAt', 'createdAt', 'tenantId']);
/** Fields holding an enum value, with the catalog group that words it. */
const ENUM_KEYS: Record<string, string> = { entityType: 'entityType', sizeClass: 'sizeClass', role: 'role', status: 'status' };
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

function asRecord(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** A recorded value as people read it: names instead of codes, dates in Japanese, labels for enums. */
function display(t: TFunction, key: string, value: unknown): string {
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return '—';
  if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
  if (typeof value === 'number') return new Intl.NumberFormat(currentLocale() === 'en' ? 'en-US' : 'ja-JP').format(value);
  if (typeof value === 'string') {
    if (ENUM_KEYS[key]) return t(`enums.${ENUM_KEYS[key]}.${value}`, { defaultValue: value });
    if (ISO_DATE_TIME.test(value)) return formatDateTime(value, currentLocale());
    return value;
  }
  if (Array.isArray(value)) {
    return value
      .map((item) => {
        if (typeof item === 'string') return item;
        const record = asRecord(item);
        if (typeof record.name === 'string') return record.name;
        if (typeof record.system === 'string') return `${record.system}: ${String(record.value ?? '')}`;
        return JSON.stringify(item);
      })
      .join('、');
  }
  const record = asRecord(value);
  if (typeof record.name === 'string') return record.code ? `${record.name}（${String(record.code)}）` : record.name;
  return JSON.stringify(value);
}

/** Only what changed, as a 項目 / 変更前 / 変更後 table (an audit record holds the whole before and after). */
export function AuditDiff({ before, after, caption }: { before: unknown; after: unknown; caption: string }) {
  const { t } = useTranslation();
  const left = asRecord(before);
  const right = asRecord(after);
  const rows = [...new Set([...Object.keys(left), ...Object.keys(right)])]
    .filter((key) => !HIDDEN_KEYS.has(key))
    .map((key) => ({ key, before: display(t, key, left[key]), after: display(t, key, right[key]) }))
    .filter((row) => row.before !== row.after);
  if (rows.length === 0) return <p className="text-std-16N-170 text-solid-gray-700">{t('audit.noFieldChanges')}</p>;
  return (
    <DataTable caption={caption} captionHidden>
      <ColumnHeaders columns={[t('audit.field'), t('audit.before'), t('audit.after')]} />
      <tbody>
        {rows.map((row) => (
          <tr key={row.key} className={bodyRowClass}>
            <th scope="row" className={`${thClass} w-1/4 font-normal`}>
              {t(`auditField.${row.key}`, { defaultValue: t(`company.${row.key}`, { defaultValue: row.key }) })}
            </th>
            <td className={`${tdClass} whitespace-pre-wrap`}>{row.before}</td>
            <td className={`${tdClass} whitespace-pre-wrap`}>{row.after}</td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}
