import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button';
import { focusRing } from '../../components/styles';
import { ProgressMeter } from './PlanParts';
import { formatPlain, nodeTitle } from './plan-format';
import { currentLocale } from '../../i18n';

/** What the tree needs of a node (the signed-in and the public node both have it). */
export interface TreeNode {
  id: string;
  parentId: string | null;
  depth: number;
  code: string | null;
  level: string;
  title: string;
  division: string | null;
  statusKey: string | null;
  progress: number | null;
  weight: number;
  owners?: { id: string; name: string }[];
}

/** Above this many nodes the tree opens collapsed to its top level. */
const LARGE_TREE = 40;

/** Children by parent (null = top), in the server's order (depth-first, by position). */
export function childrenByParent<N extends { id: string; parentId: string | null }>(nodes: N[]): Map<string | null, N[]> {
  const map = new Map<string | null, N[]>();
  for (const node of nodes) {
    const list = map.get(node.parentId) ?? [];
    list.push(node);
    map.set(node.parentId, list);
  }
  return map;
}

/** Every node under `id` (not `id` itself). */
export function descendantsOf<N extends { id: string; parentId: string | null }>(nodes: N[], id: string): Set<string> {
  const children = childrenByParent(nodes);
  const found = new Set<string>();
  const stack = [...(children.get(id) ?? [])];
  while (stack.length > 0) {
    const node = stack.pop()!;
    found.add(node.id);
    stack.push(...(children.get(node.id) ?? []));
  }
  return found;
}

/**
 * The plan's tree as nested lists (plain HTML: works with every screen reader and without heavy code). Each
 * node shows its code, level, title, 担当課, status, progress (bar and number) and indicator count, with a
 * disclosure that says how its progress was computed (`explain`: the signed-in tree has every explanation, the
 * public one fetches a node's when it is opened); a node with children has a button that shows or hides them
 * (aria-expanded). `actions` and `extra` add what the page offers for a node.
 */
export function PlanTreeList<N extends TreeNode>({
  nodes,
  statusName,
  indicatorCount,
  explain,
  actions,
  extra,
  label,
  idPrefix = 'node',
}: {
  nodes: N[];
  statusName: (key: string) => string;
  indicatorCount: (node: N) => number;
  explain: (node: N) => ReactNode;
  actions?: (node: N) => ReactNode;
  extra?: (node: N) => ReactNode;
  label: string;
  idPrefix?: string;
}) {
  const { t } = useTranslation();
  const children = childrenByParent(nodes);
  // A large tree opens with its top level only (each branch one click away); a small one opens whole.
  const [collapsed, setCollapsed] = useState<Set<string>>(() => new Set(nodes.length > LARGE_TREE ? nodes.map((node) => node.id) : []));
  const toggle = (id: string) =>
    setCollapsed((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const withChildren = nodes.filter((node) => (children.get(node.id)?.length ?? 0) > 0);

  // A collapsed branch is not rendered at all: a plan of 2,000 nodes opens with its top levels only.
  const renderList = (parentId: string | null, listId?: string): ReactNode => {
    const list = children.get(parentId) ?? [];
    if (list.length === 0) return null;
    return (
      <ul id={listId} aria-label={parentId === null ? label : undefined} className={parentId === null ? 'space-y-3' : 'mt-3 space-y-3 border-l-2 border-solid-gray-300 pl-3 sm:pl-6'}>
        {list.map((node) => {
          const kids = children.get(node.id) ?? [];
          const isCollapsed = collapsed.has(node.id);
          const childListId = `${idPrefix}-${node.id}-children`;
          return (
            <li key={node.id}>
              <div className="rounded-8 border border-solid-gray-420 bg-white p-3 sm:p-4">
                <div className="flex flex-wrap items-start gap-x-4 gap-y-2">
                  {kids.length > 0 ? (
                    <button
                      type="button"
                      aria-expanded={!isCollapsed}
                      aria-controls={childListId}
                      onClick={() => toggle(node.id)}
                      className={`inline-flex size-11 shrink-0 items-center justify-center rounded-6 border border-solid-gray-600 bg-white text-solid-gray-900 hover:bg-solid-gray-50 ${focusRing}`}
                    >
                      <svg aria-hidden="true" viewBox="0 0 16 16" className={`size-4 ${isCollapsed ? '-rotate-90' : ''}`} fill="currentColor">
                        <path d="M8 11.5 2.5 6l1-1L8 9.5 12.5 5l1 1L8 11.5Z" />
                      </svg>
                      <span className="sr-only">{t('plans.tree.toggle', { title: nodeTitle(node), count: kids.length })}</span>
                    </button>
                  ) : (
                    <span aria-hidden="true" className="hidden size-11 shrink-0 sm:inline-block" />
                  )}
                  <div className="min-w-0 flex-1 basis-40">
                    <p className="text-std-17B-170 text-solid-gray-900">
                      <span className="mr-2 inline-block rounded-4 border border-solid-gray-600 px-1.5 text-dns-14N-130 font-normal text-solid-gray-800">{node.level}</span>
                      {node.code ? <span className="mr-2 font-normal text-solid-gray-700">{node.code}</span> : null}
                      {node.title}
                    </p>
                    <NodeFacts node={node} statusName={statusName} indicatorCount={indicatorCount(node)} />
                  </div>
                  <div className="flex flex-wrap items-center gap-3">
                    <ProgressMeter value={node.progress} label={t('plans.tree.progress')} />
                    {actions?.(node)}
                  </div>
                </div>
                <div className="sm:pl-15">
                  {explain(node)}
                  {extra?.(node)}
                </div>
              </div>
              {kids.length > 0 && !isCollapsed ? renderList(node.id, childListId) : null}
            </li>
          );
        })}
      </ul>
    );
  };

  return (
    <>
      {withChildren.length > 0 ? (
        <div className="mb-4 flex flex-wrap gap-3">
          <Button size="sm" onClick={() => setCollapsed(new Set())}>
            {t('plans.tree.expandAll')}
          </Button>
          <Button size="sm" onClick={() => setCollapsed(new Set(withChildren.map((node) => node.id)))}>
            {t('plans.tree.collapseAll')}
          </Button>
        </div>
      ) : null}
      {renderList(null)}
    </>
  );
}

function NodeFacts({ node, statusName, indicatorCount }: { node: TreeNode; statusName: (key: string) => string; indicatorCount: number }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const facts: { label: string; value: string }[] = [];
  if (node.division) facts.push({ label: t('plans.tree.division'), value: node.division });
  facts.push({ label: t('plans.tree.status'), value: node.statusKey ? statusName(node.statusKey) : t('plans.tree.noStatus') });
  facts.push({ label: t('plans.tree.indicators'), value: t('plans.tree.indicatorCount', { count: indicatorCount }) });
  facts.push({ label: t('plans.tree.weight'), value: formatPlain(node.weight, locale) });
  if (node.owners && node.owners.length > 0) facts.push({ label: t('plans.tree.owners'), value: node.owners.map((owner) => owner.name).join(locale === 'ja' ? '、' : ', ') });
  return (
    <dl className="mt-1 flex flex-wrap gap-x-5 gap-y-1 text-dns-16N-130 text-solid-gray-800">
      {facts.map((fact) => (
        <div key={fact.label} className="flex gap-1">
          <dt className="text-solid-gray-700">{fact.label}:</dt>
          <dd>{fact.value}</dd>
        </div>
      ))}
    </dl>
  );
}
