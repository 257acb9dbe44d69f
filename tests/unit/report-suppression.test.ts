import { describe, expect, it } from 'vitest';
import { crossTabGroups, suppressCells, type CellPosition } from '../../src/server/modules/reports/suppression';

const mark = (hidden: boolean[][]) => hidden.map((row) => row.map((cell) => (cell ? '*' : '.')).join(''));

describe('suppression of small cells for publication', () => {
  // Rows A–C, columns 0–2 with a published column total row and row totals in column 3.
  const rowsAndColumns = (rows: number, columns: number): CellPosition[][] => [
    ...Array.from({ length: rows }, (_, r) => Array.from({ length: columns }, (_, c): CellPosition => [r, c])),
    ...Array.from({ length: columns }, (_, c) => Array.from({ length: rows }, (_, r): CellPosition => [r, c])),
  ];

  it('hides 1 … threshold−1 (primary) and shows zero', () => {
    const supports = [
      [0, 1, 2, 3],
      [5, 0, 7, 12],
    ];
    const hidden = suppressCells({ supports, companies: supports, threshold: 3, groups: [] });
    expect(mark(hidden)).toEqual(['.**.', '....']);
  });

  it('judges a cell by its companies too: 5 supports of 1 company are hidden', () => {
    const hidden = suppressCells({ supports: [[5, 9]], companies: [[1, 4]], threshold: 3, groups: [] });
    expect(mark(hidden)).toEqual(['*.']);
  });

  it('hides the smallest other non-zero cell of a row or column with exactly one hidden cell, until stable', () => {
    // One small cell (0,0). Pass 1: row 0 hides its smallest other cell (0,2)=4; column 0 hides (2,0)=5;
    // column 2, now with (0,2) alone, hides (1,2)=8. Pass 2: row 1 hides (1,0)=6, row 2 hides (2,1)=7, and
    // column 1 then hides (0,1)=9. Pass 3 changes nothing. (The rule is greedy: it may hide more than the least.)
    const supports = [
      [2, 9, 4],
      [6, 0, 8],
      [5, 7, 10],
    ];
    const hidden = suppressCells({ supports, companies: supports, threshold: 3, groups: rowsAndColumns(3, 3) });
    expect(mark(hidden)).toEqual(['***', '*.*', '**.']);
    // Every row and column has zero or at least two hidden cells: nothing can be recovered by subtraction.
    for (const group of rowsAndColumns(3, 3)) expect(group.filter(([r, c]) => hidden[r]![c]).length).not.toBe(1);
  });

  it('leaves a lone hidden cell when its row has no other non-zero cell to hide', () => {
    const supports = [
      [2, 0, 0],
      [6, 7, 8],
    ];
    const hidden = suppressCells({ supports, companies: supports, threshold: 3, groups: [[[0, 0], [0, 1], [0, 2]]] });
    expect(mark(hidden)).toEqual(['*..', '...']);
  });

  it('builds the groups of a cross-tab: months with the total, months with their quarter, quarters with the total, and columns', () => {
    const layout = { monthColumns: [0, 1, 2, 3, 4, 5], quarters: [{ column: 6, monthColumns: [0, 1, 2] }, { column: 7, monthColumns: [3, 4, 5] }], totalColumn: 8 };
    const single = crossTabGroups(2, layout, false);
    expect(single).toContainEqual([[1, 0], [1, 1], [1, 2], [1, 3], [1, 4], [1, 5], [1, 8]]);
    expect(single).toContainEqual([[0, 3], [0, 4], [0, 5], [0, 7]]);
    expect(single).toContainEqual([[0, 6], [0, 7], [0, 8]]);
    expect(single).toContainEqual([[0, 8], [1, 8]]);
    expect(single).toHaveLength(2 * 4 + 9);
    // Multiple answers: the codes add up to nothing published, so no column groups.
    expect(crossTabGroups(2, layout, true)).toHaveLength(2 * 4);
  });

  it('protects a month hidden in a cross-tab through its quarter and total', () => {
    // Three codes over April–June: 弘前市 has 2 companies in April (primary); 八戸市 4 in April.
    const layout = { monthColumns: [0, 1, 2], quarters: [{ column: 3, monthColumns: [0, 1, 2] }], totalColumn: 4 };
    const supports = [
      [5, 0, 0, 5, 5],
      [2, 0, 0, 2, 2],
      [4, 0, 0, 4, 4],
    ];
    const hidden = suppressCells({ supports, companies: supports, threshold: 3, groups: crossTabGroups(3, layout, false) });
    expect(mark(hidden)).toEqual(['.....', '*..**', '*..**']);
  });
});
