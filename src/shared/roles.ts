/**
 * Roles a person holds in a tenant.
 * - admin: everything, including people, roles and the audit trail
 * - staff: the desk's daily work (register, cases, reports)
 * - expert: an IT coordinator or specialist; reads the register, works on what is assigned
 * - partner: a bank, vendor or university; sees only what is shared with them
 * - viewer: reads aggregates (e.g. the commissioning body)
 */
export const roles = ['admin', 'staff', 'expert', 'partner', 'viewer'] as const;
export type Role = (typeof roles)[number];
