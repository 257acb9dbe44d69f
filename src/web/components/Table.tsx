import { type ReactNode, useId } from 'react';

export const thClass = 'px-4 py-3 text-start align-top text-dns-16B-130 text-solid-gray-900';
/** Column headers stay on one line (a header broken into single characters is unreadable in Japanese). */
export const colHeadClass = `${thClass} whitespace-nowrap`;
/** A column header over numbers: right-aligned like its cells. */
export const colHeadEndClass = colHeadClass.replace('text-start', 'text-end');
export const tdClass = 'px-4 py-3 align-top text-dns-16N-130 text-solid-gray-800';
export const headRowClass = 'border-b border-black bg-solid-gray-100';
export const bodyRowClass = 'border-b border-solid-gray-420';

/**
 * A DADS table with its caption. On narrow screens the table scrolls sideways inside a region that
 * can take keyboard focus (so keyboard users can scroll it too) and is named by the caption.
 */
export function DataTable({ caption, captionHidden = false, children, className = '' }: { caption: ReactNode; captionHidden?: boolean; children: ReactNode; className?: string }) {
  const id = useId();
  return (
    <div role="region" aria-labelledby={id} tabIndex={0} className={`relative overflow-x-auto focus-visible:outline focus-visible:outline-4 focus-visible:outline-black ${className}`}>
      <table className="w-full border-collapse">
        <caption id={id} className={captionHidden ? 'sr-only' : 'mb-2 text-start text-std-17B-170 text-solid-gray-900'}>
          {caption}
        </caption>
        {children}
      </table>
    </div>
  );
}

/** The header row of a DataTable: one column header per label (`end` aligns numbers to the right). */
export function ColumnHeaders({ columns }: { columns: (ReactNode | { label: ReactNode; end: true })[] }) {
  return (
    <thead>
      <tr className={headRowClass}>
        {columns.map((column, index) => {
          const isEnd = typeof column === 'object' && column !== null && 'end' in column;
          return (
            <th key={index} scope="col" className={isEnd ? colHeadEndClass : colHeadClass}>
              {isEnd ? column.label : column}
            </th>
          );
        })}
      </tr>
    </thead>
  );
}

/** Label/value pairs (a record's fields) as a DADS description list. */
export function DetailList({ items }: { items: { label: ReactNode; value: ReactNode }[] }) {
  return (
    <dl className="grid grid-cols-1 border-t border-solid-gray-420 sm:grid-cols-[minmax(10rem,16rem)_1fr]">
      {items.map((item, index) => (
        <div key={index} className="contents">
          <dt className="border-solid-gray-420 pt-3 text-std-16B-170 text-solid-gray-900 sm:border-b sm:py-3 sm:pr-4">{item.label}</dt>
          <dd className="border-b border-solid-gray-420 pb-3 text-std-16N-170 text-solid-gray-800 sm:py-3">{item.value}</dd>
        </div>
      ))}
    </dl>
  );
}
