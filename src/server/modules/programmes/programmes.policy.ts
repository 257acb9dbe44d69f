import type { Actor } from '../../platform/auth/actor';

/**
 * Funding programmes define what the reports count, so only admins change them. Staff and viewers (the
 * commissioning body) read them beside the figures they explain; experts and partners do not.
 */
export const programmePolicy = {
  canRead: (actor: Actor) => actor.role === 'admin' || actor.role === 'staff' || actor.role === 'viewer',
  canWrite: (actor: Actor) => actor.role === 'admin',
};
