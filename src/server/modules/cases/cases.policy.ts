import type { Actor } from '../../platform/auth/actor';
import type { CaseViewer } from './cases.repository';

/**
 * Who may do what with consultation cases.
 * - admin, staff: every case of the tenant.
 * - expert: the cases they coordinate or take part in; they record the work but do not assign people.
 * - partner: only cases shared with them, and only while the requester's consent to sharing stands;
 *   read-only, without the contact's personal data or files.
 * - viewer (the commissioning body): reports only, never a case.
 */
export const casePolicy = {
  viewer(actor: Actor): CaseViewer | null {
    switch (actor.role) {
      case 'admin':
      case 'staff':
        return { userId: actor.userId, scope: 'all' };
      case 'expert':
        return { userId: actor.userId, scope: 'assigned' };
      case 'partner':
        return { userId: actor.userId, scope: 'shared' };
      default:
        return null;
    }
  },
  canCreate: (actor: Actor) => actor.role === 'admin' || actor.role === 'staff',
  canWork: (actor: Actor) => actor.role === 'admin' || actor.role === 'staff' || actor.role === 'expert',
  canAssign: (actor: Actor) => actor.role === 'admin' || actor.role === 'staff',
  canViewContact: (actor: Actor) => actor.role !== 'partner',
  canViewAudit: (actor: Actor) => actor.role === 'admin',
  canManageDesk: (actor: Actor) => actor.role === 'admin',
};
