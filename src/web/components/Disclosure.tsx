import { type ReactNode, useState } from 'react';

/** The summary of a link-like disclosure (「進捗の計算方法」, 「算出方法と出典」, an older year's reviews). */
export const disclosureSummaryClass =
  'w-fit cursor-pointer rounded-4 text-blue-1000 underline underline-offset-[calc(3/16*1rem)] focus-visible:bg-yellow-300 focus-visible:outline focus-visible:outline-4 focus-visible:outline-black';

/**
 * A native disclosure (<details>: keyboard and screen readers know it) whose content is made only once it is
 * first opened, then kept. A long public page (a plan's older reviews, its committee's past opinions, each
 * node's explanation in a tree of 2,000) then builds and lays out only what is shown; content that fetches
 * its data fetches it on opening.
 */
export function Disclosure({
  summary,
  children,
  initiallyOpen = false,
  className = 'mt-2 text-std-16N-170',
  summaryClassName = disclosureSummaryClass,
}: {
  summary: ReactNode;
  children: () => ReactNode;
  initiallyOpen?: boolean;
  className?: string;
  summaryClassName?: string;
}) {
  const [opened, setOpened] = useState(initiallyOpen);
  return (
    <details open={initiallyOpen} onToggle={(event) => event.currentTarget.open && setOpened(true)} className={className}>
      <summary className={summaryClassName}>{summary}</summary>
      {opened ? children() : null}
    </details>
  );
}
