import type { z } from 'zod';
import type { RollupMethod } from '../../../../shared/domain/plans';
import type { rollupExplanation } from '../../../../shared/schemas/plan';

/**
 * Progress roll-up of a plan tree (施策体系の進捗). The rules, as published with the figures:
 *
 * 1. A node's progress is, in this order:
 *    - the progress entered for it, if any (source `manual`; its children are listed but do not count);
 *    - else the roll-up of its children, if at least one child has a value (source `weighted` or `average`);
 *    - else the default progress of its status (source `status`);
 *    - else no value (source `none`).
 * 2. `weighted`: Σ(progress × weight) / Σ(weight) over the children that have a value. Children without a value
 *    are listed in `missing` and left out, so the others' weights are scaled to their own sum. `weightSum` is the sum
 *    of all the children's weights; when it is not 100 the weights were scaled to their sum (`normalised`), which
 *    gives the same result as if they had been entered as percentages. A child's `share` is its weight divided by
 *    the weights of the children with a value. If those weights add up to 0, the children give no value and the
 *    node falls back to its status (rule 1).
 * 3. `average`: the plain mean of the children that have a value; each has the share 1/n. Weights are ignored
 *    (`weightSum` null).
 * 4. The plan's progress is the same roll-up over the top nodes (source `weighted`/`average`, or `none`).
 * 5. Parents are computed from the unrounded values of their children; only what is returned is rounded:
 *    progress to 2 decimals, shares to 4 decimals, weight sums to 6 decimals.
 *
 * The explanation always lists a node's children (`inputs`, `missing` and, for `weighted`, `weightSum`), whatever
 * the source; `share` and `normalised` are only set when the value is their roll-up.
 */

export type RollupExplanation = z.output<typeof rollupExplanation>;

export interface RollupNodeInput {
  id: string;
  parentId: string | null;
  title: string;
  weight: number;
  progressEntered: number | null;
  statusKey: string | null;
  /** The default progress of the node's status in the plan's status list (looked up by the caller). */
  statusProgress: number | null;
}

export interface RollupValue {
  progress: number | null;
  explanation: RollupExplanation;
}

export interface WeightWarning {
  /** The sibling group's parent; null = the top level. */
  parentId: string | null;
  weightSum: number;
}

export interface TreeRollup {
  nodes: Map<string, RollupValue>;
  plan: RollupValue;
  /** Weighted roll-ups only: sibling groups whose weights do not add up to 100. */
  weightWarnings: WeightWarning[];
}

const PROGRESS_DECIMALS = 2;
const SHARE_DECIMALS = 4;
const WEIGHT_DECIMALS = 6;
const WEIGHT_TOLERANCE = 1e-9;

/**
 * Rounds half away from zero to `decimals` places. The relative nudge keeps values such as 1.005 (stored as
 * 1.00499999…) from rounding down.
 */
export function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  const rounded = Math.round(Math.abs(value) * factor * (1 + Number.EPSILON)) / factor;
  return value < 0 && rounded !== 0 ? -rounded : rounded;
}

function roundOrNull(value: number | null, decimals: number): number | null {
  return value === null ? null : roundTo(value, decimals);
}

/** Whether a sibling group's weights are not 100 (within float noise). */
function isOffHundred(weightSum: number): boolean {
  return Math.abs(weightSum - 100) > WEIGHT_TOLERANCE;
}

interface ChildValue {
  id: string;
  title: string;
  weight: number;
  /** Unrounded. */
  progress: number | null;
}

interface ChildrenRollup {
  value: number | null;
  children: ChildValue[];
  /** Σ weight of the children with a value (weighted) or their count (average). */
  denominator: number;
  totalWeight: number;
}

function rollupChildren(children: ChildValue[], method: RollupMethod): ChildrenRollup {
  let totalWeight = 0;
  let valuedWeight = 0;
  let weightedSum = 0;
  let plainSum = 0;
  let count = 0;
  for (const child of children) {
    totalWeight += child.weight;
    if (child.progress === null) continue;
    count += 1;
    valuedWeight += child.weight;
    weightedSum += child.progress * child.weight;
    plainSum += child.progress;
  }
  if (method === 'average') {
    return { value: count > 0 ? plainSum / count : null, children, denominator: count, totalWeight };
  }
  return { value: count > 0 && valuedWeight > 0 ? weightedSum / valuedWeight : null, children, denominator: valuedWeight, totalWeight };
}

function explain(
  rollup: ChildrenRollup,
  method: RollupMethod,
  source: RollupExplanation['source'],
  statusKey: string | null,
): RollupExplanation {
  const isRolledUp = source === 'weighted' || source === 'average';
  const hasChildren = rollup.children.length > 0;
  return {
    kind: 'rollup',
    source,
    inputs: rollup.children.map((child) => ({
      nodeId: child.id,
      title: child.title,
      progress: roundOrNull(child.progress, PROGRESS_DECIMALS),
      weight: child.weight,
      share:
        isRolledUp && child.progress !== null
          ? roundTo(method === 'average' ? 1 / rollup.denominator : child.weight / rollup.denominator, SHARE_DECIMALS)
          : null,
    })),
    missing: rollup.children.filter((child) => child.progress === null).map((child) => child.id),
    weightSum: method === 'weighted' && hasChildren ? roundTo(rollup.totalWeight, WEIGHT_DECIMALS) : null,
    normalised: source === 'weighted' && isOffHundred(rollup.totalWeight),
    statusKey,
  };
}

/**
 * Rolls progress up a plan tree (rules in the module comment). Nodes may come in any order; an unknown parent,
 * a repeated id or a cycle throws, as they are the caller's bug. O(n), without recursion.
 */
export function rollupTree(nodes: RollupNodeInput[], method: RollupMethod): TreeRollup {
  const indexById = new Map<string, number>();
  nodes.forEach((node, index) => {
    if (indexById.has(node.id)) throw new Error(`Duplicate plan node ${node.id}`);
    indexById.set(node.id, index);
  });

  const childrenOf: number[][] = nodes.map(() => []);
  const topNodes: number[] = [];
  nodes.forEach((node, index) => {
    if (node.parentId === null) {
      topNodes.push(index);
      return;
    }
    const parentIndex = indexById.get(node.parentId);
    if (parentIndex === undefined) throw new Error(`Plan node ${node.id} has an unknown parent ${node.parentId}`);
    childrenOf[parentIndex]!.push(index);
  });

  // Breadth-first from the top; walking that order backwards meets every child before its parent.
  const order = [...topNodes];
  for (let cursor = 0; cursor < order.length; cursor += 1) {
    for (const child of childrenOf[order[cursor]!]!) order.push(child);
  }
  if (order.length !== nodes.length) throw new Error('The plan tree has a cycle: some nodes cannot be reached from the top');

  const progress: (number | null)[] = nodes.map(() => null);
  const results = new Map<string, RollupValue>();
  const childValues = (indices: number[]): ChildValue[] =>
    indices.map((index) => {
      const child = nodes[index]!;
      return { id: child.id, title: child.title, weight: child.weight, progress: progress[index]! };
    });

  for (let position = order.length - 1; position >= 0; position -= 1) {
    const index = order[position]!;
    const node = nodes[index]!;
    const rollup = rollupChildren(childValues(childrenOf[index]!), method);
    let value: number | null;
    let source: RollupExplanation['source'];
    if (node.progressEntered !== null) {
      [value, source] = [node.progressEntered, 'manual'];
    } else if (rollup.value !== null) {
      [value, source] = [rollup.value, method];
    } else if (node.statusProgress !== null) {
      [value, source] = [node.statusProgress, 'status'];
    } else {
      [value, source] = [null, 'none'];
    }
    progress[index] = value;
    results.set(node.id, { progress: roundOrNull(value, PROGRESS_DECIMALS), explanation: explain(rollup, method, source, node.statusKey) });
  }

  const planRollup = rollupChildren(childValues(topNodes), method);
  const plan: RollupValue = {
    progress: roundOrNull(planRollup.value, PROGRESS_DECIMALS),
    explanation: explain(planRollup, method, planRollup.value === null ? 'none' : method, null),
  };

  const weightWarnings: WeightWarning[] = [];
  if (method === 'weighted') {
    const groups: [string | null, number[]][] = [[null, topNodes], ...nodes.map((node, index): [string, number[]] => [node.id, childrenOf[index]!])];
    for (const [parentId, members] of groups) {
      if (members.length === 0) continue;
      const weightSum = members.reduce((sum, index) => sum + nodes[index]!.weight, 0);
      if (isOffHundred(weightSum)) weightWarnings.push({ parentId, weightSum: roundTo(weightSum, WEIGHT_DECIMALS) });
    }
  }

  return { nodes: results, plan, weightWarnings };
}
