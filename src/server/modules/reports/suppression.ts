/**
 * Statistical disclosure control for published figures (ADR 0014, 「秘匿処理」).
 *
 * Primary suppression: a cell describing 1 … threshold−1 companies (or supports) is shown as 「*」; zero is
 * shown (it describes nobody). Secondary suppression: a suppressed value must not be recoverable by
 * subtraction. Every set of cells whose sum is published or is itself a cell (a row of months with its total,
 * the months of a quarter with the quarter, the quarters with the total, a column of codes whose sum is the
 * published total row) is a group; while some group has exactly one suppressed cell, the smallest other
 * non-zero cell of that group (by supports) is suppressed too. This repeats until nothing changes. Totals of
 * the whole (the total row) are published as they are.
 */

export type CellPosition = readonly [row: number, column: number];

export interface SuppressionInput {
  /** 延べ件数 per cell, [row][column]; the size by which the smallest partner cell is chosen. */
  supports: readonly (readonly number[])[];
  /** 実事業者数 per cell, [row][column]. */
  companies: readonly (readonly number[])[];
  threshold: number;
  /** Sets of cells that add up to something published (see the module comment). */
  groups: readonly (readonly CellPosition[])[];
}

/** Which cells to show as 「*」, [row][column]. */
export function suppressCells(input: SuppressionInput): boolean[][] {
  const { supports, companies, threshold, groups } = input;
  const isSmall = (value: number) => value > 0 && value < threshold;
  const suppressed = supports.map((row, r) => row.map((value, c) => isSmall(value) || isSmall(companies[r]?.[c] ?? 0)));
  for (let changed = true; changed; ) {
    changed = false;
    for (const group of groups) {
      const hidden = group.filter(([r, c]) => suppressed[r]![c]);
      if (hidden.length !== 1) continue;
      let partner: CellPosition | null = null;
      for (const [r, c] of group) {
        const value = supports[r]![c]!;
        if (suppressed[r]![c] || value === 0) continue;
        if (!partner || value < supports[partner[0]]![partner[1]]!) partner = [r, c];
      }
      if (partner) {
        suppressed[partner[0]]![partner[1]] = true;
        changed = true;
      }
    }
  }
  return suppressed;
}

/** Where the columns of a cross-tab are: months, quarter subtotals (each with its months), the period total. */
export interface CrossTabLayout {
  monthColumns: readonly number[];
  quarters: readonly { column: number; monthColumns: readonly number[] }[];
  totalColumn: number;
}

/**
 * The groups of a cross-tab with `rowCount` code rows. Across codes the sum is the published total row, except
 * for a multi-answer dimension (an activity counts under several codes, so the rows add up to nothing published).
 */
export function crossTabGroups(rowCount: number, layout: CrossTabLayout, multiAnswer: boolean): CellPosition[][] {
  const groups: CellPosition[][] = [];
  for (let r = 0; r < rowCount; r++) {
    groups.push([...layout.monthColumns.map((c): CellPosition => [r, c]), [r, layout.totalColumn]]);
    for (const quarter of layout.quarters) groups.push([...quarter.monthColumns.map((c): CellPosition => [r, c]), [r, quarter.column]]);
    groups.push([...layout.quarters.map((quarter): CellPosition => [r, quarter.column]), [r, layout.totalColumn]]);
  }
  if (!multiAnswer && rowCount > 0) {
    const columns = [...layout.monthColumns, ...layout.quarters.map((quarter) => quarter.column), layout.totalColumn];
    for (const c of columns) groups.push(Array.from({ length: rowCount }, (_, r): CellPosition => [r, c]));
  }
  return groups;
}
