import type { Actor } from '../../platform/auth/actor';

/**
 * Reports are aggregates: the desk (admin, staff) and the commissioning body (viewer) read them. Experts and
 * partners see cases one by one, as shared with them, never the desk's totals.
 */
export const reportPolicy = {
  canRead: (actor: Actor) => actor.role === 'admin' || actor.role === 'staff' || actor.role === 'viewer',
};
