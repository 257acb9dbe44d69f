import { z } from 'zod';
import { isoDateTime, paginationLimit } from './common';

export const auditQuery = z
  .strictObject({
    entityType: z.string().max(50).optional(),
    entityId: z.string().max(100).optional(),
    action: z.string().max(100).optional(),
    cursor: z.coerce.number().int().positive().optional().describe('The nextCursor of the previous page'),
    limit: paginationLimit,
  });

export const auditEvent = z
  .object({
    id: z.int(),
    occurredAt: isoDateTime,
    actor: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    action: z.string(),
    entityType: z.string(),
    entityId: z.string(),
    before: z.unknown(),
    after: z.unknown(),
  })
  .meta({ id: 'AuditEvent' });

export const auditPage = z.object({ items: z.array(auditEvent), nextCursor: z.int().nullable() }).meta({ id: 'AuditPage' });

export const mailMessage = z
  .object({
    id: z.uuid(),
    to: z.string(),
    subject: z.string(),
    bodyText: z.string(),
    template: z.string(),
    status: z.enum(['pending', 'held', 'sent', 'failed']).describe('held: no SMTP server is configured, so the mail waits here'),
    createdAt: isoDateTime,
    sentAt: isoDateTime.nullable(),
  })
  .meta({ id: 'MailMessage' });

export const mailPage = z
  .object({ items: z.array(mailMessage), nextCursor: z.string().nullable(), smtpConfigured: z.boolean() })
  .meta({ id: 'MailPage' });

export const mailQuery = z
  .strictObject({ cursor: z.string().max(100).optional(), limit: paginationLimit });
