import { describe, expect, it } from 'vitest';
import { type RollupNodeInput, rollupTree, roundTo } from '../../src/server/modules/plans/engine/rollup';

function node(id: string, parentId: string | null, fields: Partial<RollupNodeInput> = {}): RollupNodeInput {
  return { id, parentId, title: `title ${id}`, weight: 1, progressEntered: null, statusKey: null, statusProgress: null, ...fields };
}

/*
 * A (60)                 B (40)
 * ├ A1 (50) entered 80   ├ B1 (1) status in_progress = 50
 * ├ A2 (30) entered 20   └ B2 (2) entered 20
 * └ A3 (20) no value
 */
const sample: RollupNodeInput[] = [
  node('A', null, { weight: 60 }),
  node('A1', 'A', { weight: 50, progressEntered: 80 }),
  node('A2', 'A', { weight: 30, progressEntered: 20 }),
  node('A3', 'A', { weight: 20 }),
  node('B', null, { weight: 40 }),
  node('B1', 'B', { weight: 1, statusKey: 'in_progress', statusProgress: 50 }),
  node('B2', 'B', { weight: 2, progressEntered: 20 }),
];

describe('weighted roll-up', () => {
  const result = rollupTree(sample, 'weighted');

  it('weights the children with a value and leaves out the missing ones', () => {
    // (80 × 50 + 20 × 30) / (50 + 30) = 4600 / 80
    expect(result.nodes.get('A')).toEqual({
      progress: 57.5,
      explanation: {
        kind: 'rollup',
        source: 'weighted',
        inputs: [
          { nodeId: 'A1', title: 'title A1', progress: 80, weight: 50, share: 0.625 },
          { nodeId: 'A2', title: 'title A2', progress: 20, weight: 30, share: 0.375 },
          { nodeId: 'A3', title: 'title A3', progress: null, weight: 20, share: null },
        ],
        missing: ['A3'],
        weightSum: 100,
        normalised: false,
        statusKey: null,
      },
    });
  });

  it('scales weights that do not add up to 100 to their sum and says so', () => {
    // (50 × 1 + 20 × 2) / 3 = 30
    const b = result.nodes.get('B')!;
    expect(b.progress).toBe(30);
    expect(b.explanation.weightSum).toBe(3);
    expect(b.explanation.normalised).toBe(true);
    expect(b.explanation.inputs.map((input) => input.share)).toEqual([0.3333, 0.6667]);
    expect(result.weightWarnings).toEqual([{ parentId: 'B', weightSum: 3 }]);
  });

  it('falls back to the status and leaves a node without anything at none', () => {
    expect(result.nodes.get('B1')!.progress).toBe(50);
    expect(result.nodes.get('B1')!.explanation).toMatchObject({ source: 'status', statusKey: 'in_progress', inputs: [], weightSum: null });
    expect(result.nodes.get('A3')).toEqual({
      progress: null,
      explanation: { kind: 'rollup', source: 'none', inputs: [], missing: [], weightSum: null, normalised: false, statusKey: null },
    });
    expect(result.nodes.get('A1')!.explanation.source).toBe('manual');
  });

  it('rolls the top nodes up into the plan', () => {
    // (57.5 × 60 + 30 × 40) / 100
    expect(result.plan.progress).toBe(46.5);
    expect(result.plan.explanation).toMatchObject({ source: 'weighted', weightSum: 100, normalised: false, missing: [], statusKey: null });
    expect(result.plan.explanation.inputs.map((input) => [input.nodeId, input.progress, input.share])).toEqual([
      ['A', 57.5, 0.6],
      ['B', 30, 0.4],
    ]);
  });

  it('warns about the top level too, and ignores float noise in the sums', () => {
    const nodes = [node('T1', null, { weight: 60, progressEntered: 100 }), node('T2', null, { weight: 30, progressEntered: 10 })];
    const top = rollupTree(nodes, 'weighted');
    expect(top.weightWarnings).toEqual([{ parentId: null, weightSum: 90 }]);
    // (100 × 60 + 10 × 30) / 90 = 70
    expect(top.plan.progress).toBe(70);
    expect(top.plan.explanation.normalised).toBe(true);

    const thirds = [33.3, 33.3, 33.4].map((weight, index) => node(`N${index}`, null, { weight, progressEntered: 10 }));
    expect(rollupTree(thirds, 'weighted').weightWarnings).toEqual([]);
  });

  it('gives no value from children whose weights are all 0, so the status applies', () => {
    const nodes = [
      node('P', null, { statusKey: 'done', statusProgress: 100 }),
      node('C1', 'P', { weight: 0, progressEntered: 10 }),
      node('C2', 'P', { weight: 0 }),
    ];
    const p = rollupTree(nodes, 'weighted').nodes.get('P')!;
    expect(p.progress).toBe(100);
    expect(p.explanation).toMatchObject({ source: 'status', weightSum: 0, normalised: false, missing: ['C2'] });
    expect(p.explanation.inputs.map((input) => input.share)).toEqual([null, null]);
  });

  it('gives a zero-weight child with a value a share of 0', () => {
    const nodes = [node('P', null), node('C1', 'P', { weight: 0, progressEntered: 100 }), node('C2', 'P', { weight: 5, progressEntered: 40 })];
    const p = rollupTree(nodes, 'weighted').nodes.get('P')!;
    expect(p.progress).toBe(40);
    expect(p.explanation.inputs.map((input) => input.share)).toEqual([0, 1]);
  });
});

describe('average roll-up', () => {
  const result = rollupTree(sample, 'average');

  it('takes the plain mean of the children with a value', () => {
    // A: (80 + 20) / 2; B: (50 + 20) / 2; plan: (50 + 35) / 2
    expect(result.nodes.get('A')!.progress).toBe(50);
    expect(result.nodes.get('A')!.explanation).toMatchObject({ source: 'average', missing: ['A3'], weightSum: null, normalised: false });
    expect(result.nodes.get('A')!.explanation.inputs.map((input) => input.share)).toEqual([0.5, 0.5, null]);
    expect(result.nodes.get('B')!.progress).toBe(35);
    expect(result.plan.progress).toBe(42.5);
    expect(result.plan.explanation.source).toBe('average');
  });

  it('never warns about weights', () => {
    expect(result.weightWarnings).toEqual([]);
  });
});

describe('precedence and rounding', () => {
  it('lets entered progress override the children, which are still listed', () => {
    const nodes = [node('P', null, { progressEntered: 10, statusProgress: 100, statusKey: 'done' }), node('C', 'P', { progressEntered: 90 })];
    const p = rollupTree(nodes, 'weighted').nodes.get('P')!;
    expect(p.progress).toBe(10);
    expect(p.explanation).toMatchObject({ source: 'manual', statusKey: 'done', normalised: false, weightSum: 1 });
    expect(p.explanation.inputs).toEqual([{ nodeId: 'C', title: 'title C', progress: 90, weight: 1, share: null }]);
  });

  it('prefers the children over the status, and an entered 0 over both', () => {
    const nodes = [
      node('P', null, { statusProgress: 100 }),
      node('C', 'P', { progressEntered: 20 }),
      node('Q', null, { progressEntered: 0, statusProgress: 100 }),
      node('D', 'Q', { progressEntered: 20 }),
    ];
    const result = rollupTree(nodes, 'average');
    expect(result.nodes.get('P')!.progress).toBe(20);
    expect(result.nodes.get('Q')!.progress).toBe(0);
  });

  it('computes parents from unrounded children and rounds only what it returns', () => {
    // P = (0 + 1 + 1) / 3 = 0.6666… → 0.67; Q = (0.6666… + 0) / 2 = 0.3333… → 0.33 (not 0.67 / 2 = 0.335 → 0.34)
    const nodes = [
      node('Q', null),
      node('X', 'Q', { progressEntered: 0 }),
      node('P', 'Q'),
      node('C1', 'P', { progressEntered: 0 }),
      node('C2', 'P', { progressEntered: 1 }),
      node('C3', 'P', { progressEntered: 1 }),
    ];
    const result = rollupTree(nodes, 'average');
    expect(result.nodes.get('P')!.progress).toBe(0.67);
    expect(result.nodes.get('Q')!.progress).toBe(0.33);
    expect(result.nodes.get('Q')!.explanation.inputs.find((input) => input.nodeId === 'P')!.progress).toBe(0.67);
  });

  it('rounds half away from zero, also for values stored just below the half', () => {
    expect(roundTo(1.005, 2)).toBe(1.01);
    expect(roundTo(2.675, 2)).toBe(2.68);
    expect(roundTo(-2.5, 0)).toBe(-3);
    expect(roundTo(0.12344, 4)).toBe(0.1234);
    expect(Object.is(roundTo(-0.001, 2), 0)).toBe(true);
  });
});

describe('tree shape', () => {
  it('accepts nodes in any order', () => {
    const shuffled = [sample[6]!, sample[3]!, sample[0]!, sample[5]!, sample[2]!, sample[4]!, sample[1]!];
    const result = rollupTree(shuffled, 'weighted');
    expect(result.nodes.get('A')!.progress).toBe(57.5);
    expect(result.plan.progress).toBe(46.5);
  });

  it('gives an empty plan no value', () => {
    const result = rollupTree([], 'weighted');
    expect(result.plan).toEqual({
      progress: null,
      explanation: { kind: 'rollup', source: 'none', inputs: [], missing: [], weightSum: null, normalised: false, statusKey: null },
    });
    expect(result.nodes.size).toBe(0);
  });

  it('throws on an unknown parent, a repeated id and a cycle', () => {
    expect(() => rollupTree([node('A', 'missing')], 'weighted')).toThrow(/unknown parent/);
    expect(() => rollupTree([node('A', null), node('A', null)], 'weighted')).toThrow(/Duplicate/);
    expect(() => rollupTree([node('T', null), node('A', 'B'), node('B', 'A')], 'weighted')).toThrow(/cycle/);
  });

  it('handles a chain far deeper than 50 levels without recursion', () => {
    const depth = 20_000;
    const chain = Array.from({ length: depth }, (_, index) => node(`N${index}`, index === 0 ? null : `N${index - 1}`));
    chain[depth - 1] = { ...chain[depth - 1]!, progressEntered: 42 };
    const result = rollupTree(chain, 'weighted');
    expect(result.nodes.get('N0')!.progress).toBe(42);
    expect(result.plan.progress).toBe(42);
  });

  it('rolls up 2,000 nodes in well under 50 ms', () => {
    // 10 fields × 10 areas × 19 actions = 1,900 leaves; leaves alternate 30 (weight 1) and 60 (weight 2).
    const nodes: RollupNodeInput[] = [];
    for (let field = 0; field < 10; field += 1) {
      nodes.push(node(`f${field}`, null, { weight: 10 }));
      for (let area = 0; area < 10; area += 1) {
        nodes.push(node(`f${field}a${area}`, `f${field}`, { weight: 10 }));
        for (let action = 0; action < 19; action += 1) {
          const even = action % 2 === 0;
          nodes.push(node(`f${field}a${area}x${action}`, `f${field}a${area}`, { weight: even ? 1 : 2, progressEntered: even ? 30 : 60 }));
        }
      }
    }
    expect(nodes.length).toBe(10 + 100 + 1_900);
    rollupTree(nodes, 'weighted'); // warm up the JIT
    const started = performance.now();
    const result = rollupTree(nodes, 'weighted');
    const elapsed = performance.now() - started;
    // Each area: (10 × 30 × 1 + 9 × 60 × 2) / (10 + 18) = 1380 / 28 = 49.2857…; fields and plan average equal areas.
    expect(result.nodes.get('f3a7')!.progress).toBe(49.29);
    expect(result.plan.progress).toBe(49.29);
    expect(result.weightWarnings.length).toBe(100);
    expect(elapsed).toBeLessThan(50);
  });
});
