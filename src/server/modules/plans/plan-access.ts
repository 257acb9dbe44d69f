import type { Db } from '../../db/client';
import type { Actor } from '../../platform/auth/actor';
import { assertCan } from '../../platform/auth/authorize';
import { notFound, versionConflict } from '../../platform/errors';
import { peopleNames } from '../cases/cases.repository';
import { planPolicy } from './plans.policy';
import * as plans from './plans.repository';
import type { PlanRow } from './plans.repository';

/**
 * The plan a request is about, once the actor may read it (a partner only where they own something). A plan
 * the actor may not see answers 404 like one that does not exist.
 */
export async function readablePlan(tx: Db, actor: Actor, planId: string): Promise<PlanRow> {
  const found = await plans.findPlan(tx, actor.tenantId, planId);
  if (!found || found.archivedAt) throw notFound();
  if (!planPolicy.canReadAll(actor)) {
    const owned = await plans.plansOwnedBy(tx, actor.tenantId, actor.userId);
    if (!owned.has(planId)) throw notFound();
  }
  return found;
}

/** The plan, when the actor may change it. */
export async function editablePlan(tx: Db, actor: Actor, planId: string): Promise<PlanRow> {
  const found = await readablePlan(tx, actor, planId);
  assertCan(planPolicy.canEdit(actor));
  return found;
}

export function abilitiesFor(actor: Actor, plan: PlanRow) {
  return {
    edit: planPolicy.canEdit(actor),
    publish: planPolicy.canPublish(actor),
    review: planPolicy.isReviewer(actor, plan),
    submit: actor.role !== 'viewer',
  };
}

/** A stale version is a conflict when the row still exists, else the row is gone. */
export function conflictOrGone(current: { version: number } | null): never {
  throw current ? versionConflict(current.version) : notFound();
}

export { peopleNames };
