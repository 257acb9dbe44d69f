import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { levelNameAt } from '../../../shared/domain/plans';
import { type NodeCreateInput, type NodeUpdateInput, nodeCreateInput, nodeUpdateInput } from '../../../shared/schemas/plan';
import { ConfirmDialog } from '../../components/Dialog';
import { FormField, SelectInput, TextArea, TextInput } from '../../components/FormField';
import { currentLocale } from '../../i18n';
import { errorMessage } from '../../lib/errors';
import { schemaResolver } from '../../lib/form';
import { summaryItems, useFormFeedback } from '../../lib/use-form-feedback';
import { toNumber } from '../cases/case-form-values';
import { PeopleCheckboxes } from './PlanForm';
import { FormDialog } from '../../components/FormDialog';
import { descendantsOf } from './PlanTree';
import { isConflict, runMutation, showServerError } from './plan-errors';
import { nodeTitle, optionName } from './plan-format';
import { type Plan, type PlanNode, useCreateNode, useDeleteNode, useUpdateNode } from './plans.api';

interface NodeFormValues {
  title: string;
  titleEn: string;
  code: string;
  levelName: string;
  division: string;
  description: string;
  ownerIds: string[];
  statusKey: string;
  progress: string;
  weight: string;
  startsOn: string;
  endsOn: string;
}

function nodeToForm(node: PlanNode | null): NodeFormValues {
  return {
    title: node?.title ?? '',
    titleEn: node?.titleEn ?? '',
    code: node?.code ?? '',
    levelName: node?.levelName ?? '',
    division: node?.division ?? '',
    description: node?.description ?? '',
    ownerIds: node?.owners.map((owner) => owner.id) ?? [],
    statusKey: node?.statusKey ?? '',
    progress: node?.progressEntered === null || node?.progressEntered === undefined ? '' : String(node.progressEntered),
    weight: node ? String(node.weight) : '1',
    startsOn: node?.startsOn ?? '',
    endsOn: node?.endsOn ?? '',
  };
}

function toNodeFields(values: NodeFormValues) {
  return {
    title: values.title,
    titleEn: values.titleEn,
    code: values.code,
    levelName: values.levelName,
    division: values.division,
    description: values.description,
    ownerIds: values.ownerIds,
    statusKey: values.statusKey || null,
    progress: toNumber(values.progress, null),
    weight: toNumber(values.weight, 1),
    startsOn: values.startsOn || null,
    endsOn: values.endsOn || null,
  };
}

function nodeFieldLabel(t: TFunction, name: string): string {
  const labels: Record<string, string> = {
    title: t('plans.node.title'),
    titleEn: t('plans.node.titleEn'),
    code: t('plans.node.code'),
    levelName: t('plans.node.levelName'),
    division: t('plans.node.division'),
    description: t('plans.node.description'),
    ownerIds: t('plans.node.owners'),
    statusKey: t('plans.node.status'),
    progress: t('plans.node.progress'),
    weight: t('plans.node.weight'),
    startsOn: t('plans.node.startsOn'),
    endsOn: t('plans.node.endsOn'),
    parentId: t('plans.node.parent'),
  };
  return labels[name] ?? name;
}

const fieldOfNode = (path: string) => path.split('.')[0] ?? path;

/**
 * Adds a node under `parent` (null: at the top) or edits `node`: title, code, level name, 担当課, owners,
 * status, progress, weight and dates. An edit sends the version it read; when somebody saved first the
 * dialog says so and offers to load their version.
 */
export function NodeEditDialog({
  plan,
  node,
  parent,
  people,
  onClose,
  onSaved,
  onReload,
}: {
  plan: Plan;
  node: PlanNode | null;
  parent: PlanNode | null;
  people: { id: string; name: string; role: string }[] | null;
  onClose: () => void;
  onSaved: (node: PlanNode) => void;
  onReload: () => Promise<PlanNode | null>;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const create = useCreateNode(plan.id);
  const update = useUpdateNode();
  const feedback = useFormFeedback();
  const [conflict, setConflict] = useState(false);
  const [version, setVersion] = useState(node?.version ?? 0);
  const isEdit = node !== null;
  const form = useForm<NodeFormValues, unknown, NodeCreateInput | NodeUpdateInput>({
    resolver: isEdit
      ? schemaResolver<NodeFormValues, NodeUpdateInput>(nodeUpdateInput, { toInput: (values) => ({ version, ...toNodeFields(values) }), fieldOf: fieldOfNode })
      : schemaResolver<NodeFormValues, NodeCreateInput>(nodeCreateInput, { toInput: (values) => ({ parentId: parent?.id ?? null, ...toNodeFields(values) }), fieldOf: fieldOfNode }),
    defaultValues: nodeToForm(node),
    shouldFocusError: false,
  });
  const { register, formState } = form;
  const { errors } = formState;
  const depth = node ? node.depth : parent ? parent.depth + 1 : 0;
  const planLevel = levelNameAt(plan.levelNames, depth);

  const onSubmit = form.handleSubmit((values) => {
    feedback.reset();
    setConflict(false);
    const onError = (error: unknown) => {
      if (isConflict(error)) {
        setConflict(true);
        feedback.setFormError(undefined);
        return;
      }
      showServerError(feedback, error, form.setError, t, fieldOfNode);
    };
    if (isEdit) runMutation(update, { id: node.id, ...(values as NodeUpdateInput), version }, { onSuccess: onSaved, onError });
    else runMutation(create, values as NodeCreateInput, { onSuccess: onSaved, onError });
  }, feedback.onInvalid);

  const reload = async () => {
    const fresh = await onReload();
    if (fresh) {
      setVersion(fresh.version);
      form.reset(nodeToForm(fresh));
    }
    setConflict(false);
  };

  const title = isEdit ? t('plans.node.editTitle', { title: nodeTitle(node) }) : parent ? t('plans.node.addChildTitle', { parent: nodeTitle(parent) }) : t('plans.node.addTopTitle');
  return (
    <FormDialog
      isOpen
      onOpenChange={(open) => (open ? undefined : onClose())}
      title={title}
      onSubmit={onSubmit}
      isSaving={create.isPending || update.isPending}
      submitLabel={isEdit ? t('plans.node.save') : t('plans.node.add')}
      summary={summaryItems(errors, (name) => nodeFieldLabel(t, name))}
      formError={feedback.formError}
      attempt={feedback.attempt}
      conflict={conflict}
      onReload={() => void reload()}
      lead={<p className="text-std-16N-170 text-solid-gray-700">{t('plans.node.levelLead', { level: planLevel })}</p>}
    >
      <FormField name="title" label={t('plans.node.title')} required error={errors.title?.message}>
        {(control) => <TextInput {...control} {...register('title')} />}
      </FormField>
      <div className="grid grid-cols-1 gap-6 sm:grid-cols-2">
        <FormField name="code" label={t('plans.node.code')} support={t('plans.node.codeSupport')} error={errors.code?.message}>
          {(control) => <TextInput {...control} {...register('code')} className="max-w-xs" />}
        </FormField>
        <FormField name="levelName" label={t('plans.node.levelName')} support={t('plans.node.levelNameSupport', { level: planLevel })} error={errors.levelName?.message}>
          {(control) => <TextInput {...control} {...register('levelName')} className="max-w-xs" />}
        </FormField>
      </div>
      <FormField name="division" label={t('plans.node.division')} support={t('plans.node.divisionSupport')} error={errors.division?.message}>
        {(control) => <TextInput {...control} {...register('division')} />}
      </FormField>
      <FormField name="description" label={t('plans.node.description')} error={errors.description?.message}>
        {(control) => <TextArea {...control} {...register('description')} rows={3} />}
      </FormField>
      {people && people.length > 0 ? (
        <PeopleCheckboxes name="ownerIds" legend={t('plans.node.owners')} support={t('plans.node.ownersSupport')} error={errors.ownerIds?.message} people={people} registration={register('ownerIds')} />
      ) : null}
      <div className="grid grid-cols-1 gap-6 sm:grid-cols-3">
        <FormField name="statusKey" label={t('plans.node.status')} error={errors.statusKey?.message}>
          {(control) => (
            <SelectInput {...control} {...register('statusKey')}>
              <option value="">{t('plans.node.noStatus')}</option>
              {plan.statuses.map((status) => (
                <option key={status.key} value={status.key}>
                  {t('plans.node.statusOption', { name: optionName(status, locale), progress: status.progress })}
                </option>
              ))}
            </SelectInput>
          )}
        </FormField>
        <FormField name="progress" label={t('plans.node.progress')} support={t('plans.node.progressSupport')} error={errors.progress?.message}>
          {(control) => <TextInput {...control} {...register('progress')} inputMode="decimal" className="max-w-xs" />}
        </FormField>
        <FormField name="weight" label={t('plans.node.weight')} support={t('plans.node.weightSupport')} error={errors.weight?.message}>
          {(control) => <TextInput {...control} {...register('weight')} inputMode="decimal" className="max-w-xs" />}
        </FormField>
      </div>
      <div className="grid grid-cols-1 gap-6 sm:grid-cols-2">
        <FormField name="startsOn" label={t('plans.node.startsOn')} error={errors.startsOn?.message}>
          {(control) => <TextInput {...control} {...register('startsOn')} type="date" className="max-w-xs" />}
        </FormField>
        <FormField name="endsOn" label={t('plans.node.endsOn')} error={errors.endsOn?.message}>
          {(control) => <TextInput {...control} {...register('endsOn')} type="date" className="max-w-xs" />}
        </FormField>
      </div>
    </FormDialog>
  );
}

/**
 * Moves a node under another parent (or to the top). Nodes under the moving one are left out of the
 * choices; should the tree have changed meanwhile, the server's TREE_CYCLE answer shows at the field.
 */
export function MoveNodeDialog({
  node,
  nodes,
  onClose,
  onSaved,
  onReload,
}: {
  node: PlanNode;
  nodes: PlanNode[];
  onClose: () => void;
  onSaved: (node: PlanNode) => void;
  onReload: () => Promise<PlanNode | null>;
}) {
  const { t } = useTranslation();
  const update = useUpdateNode();
  const feedback = useFormFeedback();
  const [conflict, setConflict] = useState(false);
  const [version, setVersion] = useState(node.version);
  const form = useForm<{ parentId: string }>({ defaultValues: { parentId: node.parentId ?? '' }, shouldFocusError: false });
  const { errors } = form.formState;
  const below = descendantsOf(nodes, node.id);
  const choices = nodes.filter((candidate) => candidate.id !== node.id && !below.has(candidate.id));
  const onSubmit = form.handleSubmit(({ parentId }) => {
    feedback.reset();
    setConflict(false);
    runMutation(update, 
      { id: node.id, version, parentId: parentId || null },
      {
        onSuccess: onSaved,
        onError: (error) => {
          if (isConflict(error)) {
            setConflict(true);
            return;
          }
          showServerError(feedback, error, form.setError, t, (path) => (path === 'parentId' ? 'parentId' : null));
        },
      },
    );
  });
  return (
    <FormDialog
      isOpen
      onOpenChange={(open) => (open ? undefined : onClose())}
      title={t('plans.node.moveTitle', { title: nodeTitle(node) })}
      onSubmit={onSubmit}
      isSaving={update.isPending}
      submitLabel={t('plans.node.move')}
      summary={summaryItems(errors, (name) => nodeFieldLabel(t, name))}
      formError={feedback.formError}
      attempt={feedback.attempt}
      conflict={conflict}
      onReload={() =>
        void onReload().then((fresh) => {
          if (fresh) setVersion(fresh.version);
          setConflict(false);
        })
      }
    >
      <FormField name="parentId" label={t('plans.node.parent')} required support={t('plans.node.parentSupport')} error={errors.parentId?.message}>
        {(control) => (
          <SelectInput {...control} {...form.register('parentId')}>
            <option value="">{t('plans.node.topLevel')}</option>
            {choices.map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {`${'　'.repeat(candidate.depth)}${candidate.level} ${nodeTitle(candidate)}`}
              </option>
            ))}
          </SelectInput>
        )}
      </FormField>
    </FormDialog>
  );
}

/** Asks before deleting a node with everything under it. */
export function DeleteNodeDialog({ node, nodes, onClose, onDeleted }: { node: PlanNode; nodes: PlanNode[]; onClose: () => void; onDeleted: () => void }) {
  const { t } = useTranslation();
  const remove = useDeleteNode();
  const [error, setError] = useState<string | null>(null);
  const below = descendantsOf(nodes, node.id);
  const indicatorCount = nodes.filter((candidate) => candidate.id === node.id || below.has(candidate.id)).reduce((sum, candidate) => sum + candidate.indicatorIds.length, 0);
  return (
    <ConfirmDialog
      isOpen
      onOpenChange={(open) => (open ? undefined : onClose())}
      title={t('plans.node.deleteTitle', { title: nodeTitle(node) })}
      confirmLabel={t('plans.node.delete')}
      tone="danger"
      isBusy={remove.isPending}
      onConfirm={() =>
        runMutation(remove, 
          { id: node.id, version: node.version },
          {
            onSuccess: onDeleted,
            onError: (problem) => setError(isConflict(problem) ? t('form.conflict.body') : errorMessage(t, problem)),
          },
        )
      }
    >
      <p>{t('plans.node.deleteBody', { children: below.size, indicators: indicatorCount })}</p>
      {error ? (
        <p role="alert" className="mt-4 text-std-16B-170 text-error-2">
          {error}
        </p>
      ) : null}
    </ConfirmDialog>
  );
}
