import { z } from 'zod';
import { roles } from '../roles';
import { isoDateTime, newPasswordSchema, text, uuid, version } from './common';

export const member = z
  .object({
    userId: uuid,
    name: z.string(),
    email: z.string(),
    role: z.enum(roles),
    twoFactorEnabled: z.boolean(),
    joinedAt: isoDateTime,
    version: z.int(),
  })
  .meta({ id: 'Member' });

export const memberList = z
  .object({
    items: z.array(member),
    abilities: z.object({ invite: z.boolean(), changeRoles: z.boolean() }),
  })
  .meta({ id: 'MemberList' });

export const memberUpdateInput = z.strictObject({ role: z.enum(roles), version }).meta({ id: 'MemberUpdate' });
export const memberRemoveInput = z.strictObject({ version }).meta({ id: 'MemberRemove' });

export const invitationInput = z
  .strictObject({
    email: z
      .string()
      .transform((value) => value.normalize('NFKC').trim().toLowerCase())
      .pipe(z.email().max(254)),
    role: z.enum(roles),
  })
  .meta({ id: 'InvitationRequest' });

export const invitation = z
  .object({
    id: uuid,
    email: z.string(),
    role: z.enum(roles),
    invitedBy: z.string().nullable(),
    expiresAt: isoDateTime,
    createdAt: isoDateTime,
  })
  .meta({ id: 'Invitation' });

export const invitationList = z.object({ items: z.array(invitation) }).meta({ id: 'InvitationList' });

export const invitationPreview = z
  .object({
    tenantName: z.string(),
    email: z.string(),
    role: z.enum(roles),
    expiresAt: isoDateTime,
    hasAccount: z.boolean().describe('true: sign in as this address to accept; false: choose a name and password'),
  })
  .meta({ id: 'InvitationPreview' });

export const invitationAcceptInput = z
  .strictObject({
    name: text(100).optional().describe('For a new account'),
    password: newPasswordSchema.optional().describe('For a new account'),
  })
  .meta({ id: 'InvitationAccept' });
