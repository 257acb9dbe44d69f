/** Shape checks of a plan: the node tree stays a tree, and composite indicators never depend on themselves. */

export interface TreeLink {
  id: string;
  parentId: string | null;
}

/** Moving a node under itself or one of its descendants would cut the branch off the tree. */
export class TreeCycleError extends Error {
  constructor(
    readonly nodeId: string,
    readonly newParentId: string,
    /** The chain from the node down to the new parent, both included (just the node when moved under itself). */
    readonly path: string[],
  ) {
    super(`Cannot move plan node ${nodeId} under ${newParentId}: it is ${nodeId === newParentId ? 'the node itself' : 'one of its descendants'}`);
    this.name = 'TreeCycleError';
  }
}

/** A composite indicator that uses itself, directly or through other composites. */
export class IndicatorCycleError extends Error {
  constructor(
    /** The indicators around the cycle, starting and ending with the same id: [a, b, a]. */
    readonly cycle: string[],
  ) {
    super(`Composite indicators depend on themselves: ${cycle.join(' → ')}`);
    this.name = 'IndicatorCycleError';
  }
}

function parentsById(nodes: TreeLink[]): Map<string, string | null> {
  const parents = new Map<string, string | null>();
  for (const node of nodes) {
    if (parents.has(node.id)) throw new Error(`Duplicate plan node ${node.id}`);
    parents.set(node.id, node.parentId);
  }
  return parents;
}

function childrenById(nodes: TreeLink[]): Map<string | null, string[]> {
  const children = new Map<string | null, string[]>();
  for (const node of nodes) {
    const siblings = children.get(node.parentId);
    if (siblings) siblings.push(node.id);
    else children.set(node.parentId, [node.id]);
  }
  return children;
}

/**
 * Throws TreeCycleError when `newParentId` is the node itself or one of its descendants; moving to the top
 * (null) is always allowed. Unknown ids throw a plain Error (the caller checks that both exist).
 */
export function assertMovable(nodes: TreeLink[], nodeId: string, newParentId: string | null): void {
  const parents = parentsById(nodes);
  if (!parents.has(nodeId)) throw new Error(`Unknown plan node ${nodeId}`);
  if (newParentId === null) return;
  if (!parents.has(newParentId)) throw new Error(`Unknown plan node ${newParentId}`);

  // Walk up from the new parent: meeting the node means the new parent lies in its branch.
  const chain: string[] = [];
  const seen = new Set<string>();
  for (let current: string | null = newParentId; current !== null; current = parents.get(current) ?? null) {
    if (seen.has(current)) throw new Error(`The plan tree already has a cycle through ${current}`);
    seen.add(current);
    chain.push(current);
    if (current === nodeId) throw new TreeCycleError(nodeId, newParentId, chain.reverse());
  }
}

/** Every node below `id` (not `id` itself), in breadth-first order. */
export function descendantsOf(nodes: TreeLink[], id: string): Set<string> {
  const children = childrenById(nodes);
  const found = new Set<string>();
  const queue = [...(children.get(id) ?? [])];
  for (let cursor = 0; cursor < queue.length; cursor += 1) {
    const current = queue[cursor]!;
    if (current === id || found.has(current)) continue;
    found.add(current);
    for (const child of children.get(current) ?? []) queue.push(child);
  }
  return found;
}

/** The depth of every node (0 = top). Throws on an unknown parent or a cycle. */
export function computeDepths(nodes: TreeLink[]): Map<string, number> {
  const parents = parentsById(nodes);
  for (const node of nodes) {
    if (node.parentId !== null && !parents.has(node.parentId)) throw new Error(`Plan node ${node.id} has an unknown parent ${node.parentId}`);
  }
  const children = childrenById(nodes);
  const depths = new Map<string, number>();
  const queue = [...(children.get(null) ?? [])];
  for (const id of queue) depths.set(id, 0);
  for (let cursor = 0; cursor < queue.length; cursor += 1) {
    const current = queue[cursor]!;
    const depth = depths.get(current)! + 1;
    for (const child of children.get(current) ?? []) {
      depths.set(child, depth);
      queue.push(child);
    }
  }
  if (depths.size !== parents.size) throw new Error('The plan tree has a cycle: some nodes cannot be reached from the top');
  return depths;
}

/** The depth of one node (0 = top), walking up its parents. */
export function depthOf(nodes: TreeLink[], id: string): number {
  const parents = parentsById(nodes);
  if (!parents.has(id)) throw new Error(`Unknown plan node ${id}`);
  let depth = 0;
  for (let parent = parents.get(id) ?? null; parent !== null; parent = parents.get(parent) ?? null) {
    if (!parents.has(parent)) throw new Error(`Unknown plan node ${parent}`);
    depth += 1;
    if (depth > parents.size) throw new Error(`The plan tree has a cycle above ${id}`);
  }
  return depth;
}

/**
 * The indicators in an order where every component comes before the composites that use it (ties keep the input
 * order). Components that are not in the list are leaves (already known values) and are not returned.
 * Throws IndicatorCycleError when an indicator uses itself directly or through others.
 */
export function evaluationOrder(indicators: { id: string; componentIds: string[] }[]): string[] {
  const componentsOf = new Map<string, string[]>();
  for (const indicator of indicators) componentsOf.set(indicator.id, indicator.componentIds);

  const order: string[] = [];
  const done = new Set<string>();
  for (const root of indicators) {
    if (done.has(root.id)) continue;
    // Depth-first without recursion; `path` holds the indicators being evaluated, `next` where each resumes.
    const path: string[] = [root.id];
    const next: number[] = [0];
    const onPath = new Set<string>([root.id]);
    while (path.length > 0) {
      const top = path.length - 1;
      const current = path[top]!;
      const components = componentsOf.get(current)!;
      const component = components[next[top]!];
      if (component === undefined) {
        path.pop();
        next.pop();
        onPath.delete(current);
        done.add(current);
        order.push(current);
        continue;
      }
      next[top]! += 1;
      if (onPath.has(component)) throw new IndicatorCycleError([...path.slice(path.indexOf(component)), component]);
      if (done.has(component) || !componentsOf.has(component)) continue;
      path.push(component);
      next.push(0);
      onPath.add(component);
    }
  }
  return order;
}
