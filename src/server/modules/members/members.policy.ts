import type { Actor } from '../../platform/auth/actor';

/** People and roles: admins manage them; staff see their colleagues (to assign work). */
export const memberPolicy = {
  canList: (actor: Actor) => actor.role === 'admin' || actor.role === 'staff',
  canManage: (actor: Actor) => actor.role === 'admin',
};
