import type { Actor } from '../../platform/auth/actor';

/** The people a plan or indicator names, as the policy needs them. */
export interface PlanRoles {
  reviewerIds: readonly string[];
}

/**
 * Who does what with plans (ADR 0017):
 * - admins and staff edit plans (tree, indicators, targets, locks, milestones, meetings); only admins publish
 *   and unlock;
 * - owners of a node or indicator (any member but a viewer) submit its actuals; editors may submit any;
 * - admins and the plan's reviewers approve or return updates and grade reviews, but never approve their own
 *   submission (four eyes);
 * - everyone in the tenant but partners reads plans (viewers: the commissioning body); partners read only the
 *   plans where they own something.
 */
export const planPolicy = {
  canCreate: (actor: Actor) => actor.role === 'admin' || actor.role === 'staff',
  canEdit: (actor: Actor) => actor.role === 'admin' || actor.role === 'staff',
  canPublish: (actor: Actor) => actor.role === 'admin',
  canUnlock: (actor: Actor) => actor.role === 'admin',
  canReadAll: (actor: Actor) => actor.role !== 'partner',
  isReviewer: (actor: Actor, plan: PlanRoles) => actor.role === 'admin' || (actor.role !== 'viewer' && plan.reviewerIds.includes(actor.userId)),
  canSubmitFor: (actor: Actor, owners: readonly string[]) =>
    actor.role === 'admin' || actor.role === 'staff' || (actor.role !== 'viewer' && owners.includes(actor.userId)),
};
