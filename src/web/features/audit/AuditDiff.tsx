import { useTranslation } from 'react-i18next';
import { DataTable, bodyRowClass, colHeadClass, headRowClass, tdClass, thClass } from '../../components/Table';

function asRecord(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function show(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value, null, 1);
}

/** Only what changed, as a 項目 / 変更前 / 変更後 table (an audit record holds the whole before and after). */
export function AuditDiff({ before, after, caption }: { before: unknown; after: unknown; caption: string }) {
  const { t } = useTranslation();
  const left = asRecord(before);
  const right = asRecord(after);
  const keys = [...new Set([...Object.keys(left), ...Object.keys(right)])].filter((key) => JSON.stringify(left[key]) !== JSON.stringify(right[key]));
  if (keys.length === 0) return <p className="text-std-16N-170 text-solid-gray-700">{t('audit.noFieldChanges')}</p>;
  return (
    <DataTable caption={caption} captionHidden>
      <thead>
        <tr className={headRowClass}>
          <th scope="col" className={colHeadClass}>
            {t('audit.field')}
          </th>
          <th scope="col" className={colHeadClass}>
            {t('audit.before')}
          </th>
          <th scope="col" className={colHeadClass}>
            {t('audit.after')}
          </th>
        </tr>
      </thead>
      <tbody>
        {keys.map((key) => (
          <tr key={key} className={bodyRowClass}>
            <th scope="row" className={`${thClass} font-normal`}>
              {t(`company.${key}`, { defaultValue: key })}
            </th>
            <td className={`${tdClass} whitespace-pre-wrap break-all`}>{show(left[key])}</td>
            <td className={`${tdClass} whitespace-pre-wrap break-all`}>{show(right[key])}</td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}
