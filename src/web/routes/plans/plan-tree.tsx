import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button';
import { LoadError, Loading } from '../../components/Feedback';
import { MenuButton } from '../../components/MenuButton';
import { Notice } from '../../components/Notice';
import { TextLink } from '../../components/TextLink';
import { DeleteNodeDialog, MoveNodeDialog, NodeEditDialog } from '../../features/plans/NodeDialogs';
import { ProgressMeter, RollupDetails } from '../../features/plans/PlanParts';
import { PlanTreeList, childrenByParent } from '../../features/plans/PlanTree';
import { formatPlain, nodeTitle, optionNamer } from '../../features/plans/plan-format';
import { type Plan, type PlanNode, type PlanTree, usePlanPeople, usePlanTree } from '../../features/plans/plans.api';
import { currentLocale } from '../../i18n';
import { useFlash } from '../../lib/flash';
import { useLoadedPlan } from './plan-layout';

type Editing = { kind: 'add'; parent: PlanNode | null } | { kind: 'edit'; node: PlanNode } | { kind: 'move'; node: PlanNode } | { kind: 'delete'; node: PlanNode } | null;

/**
 * 体系: the plan's tree (分野 → 取組分野 → 取組方針 → 事業) with progress and how each figure was computed.
 * Editors add, edit, move and delete nodes; everyone can open a node's roadmap and indicators.
 */
export function PlanTreePage() {
  const { planId, plan } = useLoadedPlan();
  const tree = usePlanTree(planId);
  const flash = useFlash();
  if (!plan) return null;
  return (
    <>
      {flash ? <Notice tone="success" title={flash} live="polite" className="mb-6" /> : null}
      {tree.isPending ? <Loading /> : null}
      {tree.isError ? <LoadError error={tree.error} onRetry={() => void tree.refetch()} /> : null}
      {tree.data ? <TreeView plan={plan} tree={tree.data} onReload={async () => (await tree.refetch()).data ?? null} /> : null}
    </>
  );
}

function TreeView({ plan, tree, onReload }: { plan: Plan; tree: PlanTree; onReload: () => Promise<PlanTree | null> }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const canEdit = plan.abilities.edit;
  const people = usePlanPeople(canEdit);
  const [editing, setEditing] = useState<Editing>(null);
  const [message, setMessage] = useState<string | null>(null);
  const byId = new Map(tree.nodes.map((node) => [node.id, node]));
  const titleOf = (id: string) => (byId.get(id) ? nodeTitle(byId.get(id)!) : id);
  const children = childrenByParent(tree.nodes);
  const statusName = optionNamer(plan.statuses, locale);
  const reloadNode = async (id: string) => (await onReload())?.nodes.find((node) => node.id === id) ?? null;
  const done = (text: string) => {
    setEditing(null);
    setMessage(text);
  };

  return (
    <>
      {message ? <Notice tone="success" title={message} live="polite" className="mb-6" /> : null}
      <section aria-labelledby="plan-progress-heading" className="mb-8 rounded-12 border border-solid-gray-420 bg-solid-gray-50 p-4 sm:p-6">
        <h2 id="plan-progress-heading" className="text-std-20B-150">
          {t('plans.tree.planProgress')}
        </h2>
        <div className="mt-2">
          <ProgressMeter value={tree.progress} label={t('plans.tree.planProgress')} />
        </div>
        <RollupDetails explanation={tree.explanation} progress={tree.progress} statusName={statusName} titleOf={titleOf} />
      </section>

      {tree.weightWarnings.length > 0 ? (
        <Notice tone="warning" title={t('plans.tree.weightWarningTitle')} className="mb-8">
          <ul className="list-disc space-y-1 pl-6">
            {tree.weightWarnings.map((warning) => {
              const parent = warning.parentId ? byId.get(warning.parentId) : null;
              return (
                <li key={warning.parentId ?? 'top'}>
                  {t('plans.tree.weightWarning', { parent: parent ? nodeTitle(parent) : t('plans.tree.topLevel'), sum: formatPlain(warning.weightSum, locale) })}
                </li>
              );
            })}
          </ul>
        </Notice>
      ) : null}

      <section aria-labelledby="tree-heading">
        <div className="mb-4 flex flex-wrap items-end justify-between gap-4">
          <div>
            <h2 id="tree-heading" className="text-std-24B-150">
              {t('plans.tree.title')}
            </h2>
            <p className="mt-1 text-std-16N-170 text-solid-gray-700">{t('plans.tree.lead', { levels: plan.levelNames.join(' → ') })}</p>
          </div>
          {canEdit ? (
            <Button variant="solid-fill" onClick={() => setEditing({ kind: 'add', parent: null })}>
              {t('plans.tree.addTop', { level: plan.levelNames[0] ?? '' })}
            </Button>
          ) : null}
        </div>
        {tree.nodes.length === 0 ? <p className="text-std-16N-170">{canEdit ? t('plans.tree.emptyEditor') : t('plans.tree.empty')}</p> : null}
        <PlanTreeList
          nodes={tree.nodes}
          label={t('plans.tree.title')}
          statusName={statusName}
          indicatorCount={(node) => node.indicatorIds.length}
          explain={(node) => <RollupDetails explanation={node.explanation} progress={node.progress} statusName={statusName} titleOf={titleOf} />}
          actions={
            canEdit
              ? (node) => (
                  <MenuButton
                    label={
                      <>
                        {t('plans.tree.actions')}
                        <span className="sr-only">: {nodeTitle(node)}</span>
                      </>
                    }
                    items={[
                      { id: 'add', label: t('plans.tree.addChild') },
                      { id: 'edit', label: t('plans.tree.edit') },
                      { id: 'move', label: t('plans.tree.move') },
                      { id: 'delete', label: t('plans.tree.delete') },
                    ]}
                    onAction={(action) => {
                      setMessage(null);
                      if (action === 'add') setEditing({ kind: 'add', parent: node });
                      if (action === 'edit') setEditing({ kind: 'edit', node });
                      if (action === 'move') setEditing({ kind: 'move', node });
                      if (action === 'delete') setEditing({ kind: 'delete', node });
                    }}
                  />
                )
              : undefined
          }
          extra={(node) => (
            <p className="mt-2 flex flex-wrap gap-x-6 gap-y-1 text-std-16N-170">
              <TextLink to="/plans/$planId/indicators" params={{ planId: plan.id }} search={{ nodeId: node.id }}>
                {t('plans.tree.toIndicators', { count: node.indicatorIds.length })}
                <span className="sr-only">: {nodeTitle(node)}</span>
              </TextLink>
              {(children.get(node.id)?.length ?? 0) > 0 ? (
                <TextLink to="/plans/$planId/roadmap/$nodeId" params={{ planId: plan.id, nodeId: node.id }}>
                  {t('plans.tree.toRoadmap')}
                  <span className="sr-only">: {nodeTitle(node)}</span>
                </TextLink>
              ) : null}
              {canEdit ? (
                <TextLink to="/plans/$planId/indicators/new" params={{ planId: plan.id }} search={{ nodeId: node.id }}>
                  {t('plans.tree.addIndicator')}
                  <span className="sr-only">: {nodeTitle(node)}</span>
                </TextLink>
              ) : null}
            </p>
          )}
        />
      </section>

      {editing?.kind === 'add' || editing?.kind === 'edit' ? (
        <NodeEditDialog
          plan={plan}
          node={editing.kind === 'edit' ? editing.node : null}
          parent={editing.kind === 'add' ? editing.parent : null}
          people={people.data?.items ?? null}
          onClose={() => setEditing(null)}
          onReload={() => (editing.kind === 'edit' ? reloadNode(editing.node.id) : Promise.resolve(null))}
          onSaved={(node) => done(editing.kind === 'edit' ? t('plans.tree.saved', { title: nodeTitle(node) }) : t('plans.tree.added', { title: nodeTitle(node) }))}
        />
      ) : null}
      {editing?.kind === 'move' ? (
        <MoveNodeDialog
          node={editing.node}
          nodes={tree.nodes}
          onClose={() => setEditing(null)}
          onReload={() => reloadNode(editing.node.id)}
          onSaved={(node) => done(t('plans.tree.moved', { title: nodeTitle(node) }))}
        />
      ) : null}
      {editing?.kind === 'delete' ? (
        <DeleteNodeDialog
          node={editing.node}
          nodes={tree.nodes}
          onClose={() => setEditing(null)}
          onDeleted={() => done(t('plans.tree.deleted', { title: nodeTitle(editing.node) }))}
        />
      ) : null}
    </>
  );
}
