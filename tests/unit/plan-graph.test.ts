import { describe, expect, it } from 'vitest';
import {
  IndicatorCycleError,
  TreeCycleError,
  assertMovable,
  computeDepths,
  depthOf,
  descendantsOf,
  evaluationOrder,
} from '../../src/server/modules/plans/engine/graph';

/*
 * r          s
 * └ a        └ t
 *   ├ b
 *   │ └ c
 *   └ d
 */
const nodes = [
  { id: 'c', parentId: 'b' },
  { id: 'r', parentId: null },
  { id: 'a', parentId: 'r' },
  { id: 'b', parentId: 'a' },
  { id: 'd', parentId: 'a' },
  { id: 's', parentId: null },
  { id: 't', parentId: 's' },
];

function cycleOf(move: () => void): TreeCycleError {
  try {
    move();
  } catch (error) {
    if (error instanceof TreeCycleError) return error;
    throw error;
  }
  throw new Error('expected a TreeCycleError');
}

describe('assertMovable', () => {
  it('refuses to move a node under itself', () => {
    const error = cycleOf(() => assertMovable(nodes, 'a', 'a'));
    expect([error.nodeId, error.newParentId, error.path]).toEqual(['a', 'a', ['a']]);
  });

  it('refuses to move a node under one of its descendants, with the chain down to it', () => {
    const error = cycleOf(() => assertMovable(nodes, 'a', 'c'));
    expect([error.nodeId, error.newParentId, error.path]).toEqual(['a', 'c', ['a', 'b', 'c']]);
    expect(cycleOf(() => assertMovable(nodes, 'r', 'd')).path).toEqual(['r', 'a', 'd']);
    expect(cycleOf(() => assertMovable(nodes, 'b', 'c')).path).toEqual(['b', 'c']);
  });

  it('allows moves to another branch, upwards and to the top', () => {
    expect(() => assertMovable(nodes, 'a', 't')).not.toThrow();
    expect(() => assertMovable(nodes, 'c', 'r')).not.toThrow();
    expect(() => assertMovable(nodes, 'c', 'd')).not.toThrow();
    expect(() => assertMovable(nodes, 'a', null)).not.toThrow();
  });

  it('throws a plain error for unknown nodes', () => {
    expect(() => assertMovable(nodes, 'x', null)).toThrow(/Unknown/);
    expect(() => assertMovable(nodes, 'a', 'x')).toThrow(/Unknown/);
  });
});

describe('descendants and depths', () => {
  it('finds every node below a node', () => {
    expect(descendantsOf(nodes, 'a')).toEqual(new Set(['b', 'd', 'c']));
    expect(descendantsOf(nodes, 'r')).toEqual(new Set(['a', 'b', 'c', 'd']));
    expect(descendantsOf(nodes, 'c')).toEqual(new Set());
  });

  it('computes depths from the top (0)', () => {
    expect(Object.fromEntries(computeDepths(nodes))).toEqual({ r: 0, s: 0, a: 1, t: 1, b: 2, d: 2, c: 3 });
    expect(depthOf(nodes, 'c')).toBe(3);
    expect(depthOf(nodes, 's')).toBe(0);
  });

  it('handles deep chains without recursion and rejects broken trees', () => {
    const chain = Array.from({ length: 20_000 }, (_, index) => ({ id: `n${index}`, parentId: index === 0 ? null : `n${index - 1}` }));
    expect(computeDepths(chain).get('n19999')).toBe(19_999);
    expect(depthOf(chain, 'n19999')).toBe(19_999);
    expect(descendantsOf(chain, 'n0').size).toBe(19_999);
    expect(() => computeDepths([{ id: 'a', parentId: 'x' }])).toThrow(/unknown parent/);
    expect(() => computeDepths([{ id: 'r', parentId: null }, { id: 'a', parentId: 'b' }, { id: 'b', parentId: 'a' }])).toThrow(/cycle/);
    expect(() => depthOf([{ id: 'a', parentId: 'b' }, { id: 'b', parentId: 'a' }], 'a')).toThrow(/cycle/);
  });
});

function indicatorCycleOf(indicators: { id: string; componentIds: string[] }[]): string[] {
  try {
    evaluationOrder(indicators);
  } catch (error) {
    if (error instanceof IndicatorCycleError) return error.cycle;
    throw error;
  }
  throw new Error('expected an IndicatorCycleError');
}

describe('evaluationOrder', () => {
  it('puts every component before the composite that uses it', () => {
    const indicators = [
      { id: 'Y', componentIds: ['X', 'C'] }, // C is not in the list: a leaf
      { id: 'X', componentIds: ['A', 'B'] },
      { id: 'A', componentIds: [] },
      { id: 'B', componentIds: [] },
      { id: 'Z', componentIds: ['Y', 'A'] },
    ];
    expect(evaluationOrder(indicators)).toEqual(['A', 'B', 'X', 'Y', 'Z']);
    expect(evaluationOrder([])).toEqual([]);
  });

  it('reports a composite that uses itself', () => {
    expect(indicatorCycleOf([{ id: 'x', componentIds: ['a', 'x'] }])).toEqual(['x', 'x']);
  });

  it('reports a cycle through others, starting and ending at the same id', () => {
    const threeCycle = [
      { id: 'root', componentIds: ['a'] },
      { id: 'a', componentIds: ['b'] },
      { id: 'b', componentIds: ['c'] },
      { id: 'c', componentIds: ['leaf', 'a'] },
    ];
    expect(indicatorCycleOf(threeCycle)).toEqual(['a', 'b', 'c', 'a']);
    // The same cycle found from inside it.
    expect(indicatorCycleOf([threeCycle[2]!, threeCycle[3]!, threeCycle[1]!])).toEqual(['b', 'c', 'a', 'b']);
  });
});
