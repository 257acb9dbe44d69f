import type { Actor } from '../../platform/auth/actor';

/**
 * Who may do what with the company register. Partners see only what is shared with them and viewers
 * read aggregates, so neither reads the register itself (sharing arrives with the partner module).
 */
export const companyPolicy = {
  canRead: (actor: Actor) => actor.role === 'admin' || actor.role === 'staff' || actor.role === 'expert',
  canWrite: (actor: Actor) => actor.role === 'admin' || actor.role === 'staff',
  canImport: (actor: Actor) => actor.role === 'admin' || actor.role === 'staff',
  canExport: (actor: Actor) => actor.role === 'admin' || actor.role === 'staff',
  canViewAudit: (actor: Actor) => actor.role === 'admin',
};
