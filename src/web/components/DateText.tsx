import { currentLocale } from '../i18n';
import { formatLongDate, formatShortDate, isoDateInJapan } from '../lib/dates';

/**
 * A date in a table cell: 西暦 on the first line and the 和暦 in brackets below it, so narrow
 * columns break at the bracket rather than in the middle of a date.
 */
export function DateText({ iso, compact = false }: { iso: string; compact?: boolean }) {
  const text = (compact ? formatShortDate : formatLongDate)(iso, currentLocale());
  const split = text.search(/[（(]/);
  return (
    <time dateTime={isoDateInJapan(iso)}>
      {split > 0 ? (
        <>
          <span className="whitespace-nowrap">{text.slice(0, split).trim()}</span>
          <span className="block text-dns-14N-130 whitespace-nowrap text-solid-gray-700">{text.slice(split)}</span>
        </>
      ) : (
        text
      )}
    </time>
  );
}
