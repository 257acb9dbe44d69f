import type { Actor } from '../../platform/auth/actor';

/** Moving cases and activities in and out is desk administration: admins and staff, like the register import. */
export const caseImportPolicy = {
  canImport: (actor: Actor) => actor.role === 'admin' || actor.role === 'staff',
  canExport: (actor: Actor) => actor.role === 'admin' || actor.role === 'staff',
};
