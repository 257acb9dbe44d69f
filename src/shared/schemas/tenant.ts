import { z } from 'zod';
import { roles } from '../roles';
import { optionalText, text, version } from './common';

export const tenantDetail = z
  .object({
    id: z.uuid(),
    slug: z.string(),
    name: z.string(),
    nameEn: z.string().nullable(),
    kind: z.string(),
    prefecture: z.object({ code: z.string(), name: z.string() }).nullable(),
    role: z.enum(roles).describe('Your role in this tenant'),
    version: z.int(),
    abilities: z.object({ update: z.boolean() }),
  })
  .meta({ id: 'Tenant' });

export const tenantList = z
  .object({ items: z.array(tenantDetail.omit({ abilities: true })) })
  .meta({ id: 'TenantList' });

export const tenantUpdateInput = z
  .strictObject({ version, name: text(100).optional(), nameEn: optionalText(100).optional() })
  .meta({ id: 'TenantUpdate' });
