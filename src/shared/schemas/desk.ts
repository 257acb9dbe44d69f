import { z } from 'zod';
import { preferredChannels } from '../domain/desk';
import { companySizeInputs, corporateNumberField, entityTypes, municipalityCodeField } from './company';
import { isoDateTime, optionalEmail, optionalLongText, optionalPhone, optionalText, text, uuid, version } from './common';

// ---------------------------------------------------------------- themes (the desk's taxonomy)

export const themeInput = z
  .strictObject({ name: text(50), nameEn: optionalText(80), position: z.int().min(0).max(1000).default(0) })
  .meta({ id: 'ThemeCreate' });
export const themeUpdateInput = z
  .strictObject({ version, name: text(50).optional(), nameEn: optionalText(80).optional(), position: z.int().min(0).max(1000).optional(), archived: z.boolean().optional() })
  .meta({ id: 'ThemeUpdate' });
export const theme = z
  .object({ id: uuid, name: z.string(), nameEn: z.string().nullable(), position: z.int(), archived: z.boolean(), caseCount: z.int(), version: z.int() })
  .meta({ id: 'Theme' });
export const themeList = z.object({ items: z.array(theme) }).meta({ id: 'ThemeList' });

// ---------------------------------------------------------------- desk settings

const followUpMonths = z
  .array(z.int().min(1, 'too_small').max(60, 'too_big'))
  .max(6)
  .transform((months) => [...new Set(months)].sort((a, b) => a - b));

export const deskSettingsInput = z
  .strictObject({
    version: z.int().min(0).describe('The version you read (0 before the first save)'),
    intakeEnabled: z.boolean().optional(),
    termsText: optionalLongText(20_000).transform((v) => v ?? '').optional(),
    notifyAddress: optionalEmail.optional(),
    followUpMonths: followUpMonths.optional(),
  })
  .meta({ id: 'DeskSettingsUpdate' });
export const deskSettings = z
  .object({
    intakeEnabled: z.boolean(),
    termsText: z.string(),
    notifyAddress: z.string().nullable(),
    followUpMonths: z.array(z.int()),
    publicIntakePath: z.string().describe('Where the public form lives, e.g. /consult/aomori-dx'),
    version: z.int(),
  })
  .meta({ id: 'DeskSettings' });

/** People who can be picked as coordinator, expert or partner on a case. */
export const deskPeople = z
  .object({ items: z.array(z.object({ id: uuid, name: z.string(), role: z.string() })) })
  .meta({ id: 'DeskPeople' });

// ---------------------------------------------------------------- the public intake (no sign-in)

export const publicDesk = z
  .object({
    slug: z.string(),
    name: z.string(),
    intakeEnabled: z.boolean(),
    termsText: z.string(),
    themes: z.array(z.object({ id: uuid, name: z.string(), nameEn: z.string().nullable() })),
    formToken: z.string().describe('Send it back with the request: it protects against automated floods (time trap) and makes a retried submission safe'),
  })
  .meta({ id: 'PublicDesk' });

export const publicIntakeInput = z
  .strictObject({
    formToken: z.string().max(500),
    /** A field people never see; bots fill it in. */
    website: z.string().max(500).optional(),
    entityType: z.enum(entityTypes).describe('相談者区分: 法人, 個人事業主, 創業予定, 団体…'),
    companyName: text(200),
    corporateNumber: corporateNumberField.optional().transform((v) => v ?? null),
    municipalityCode: municipalityCodeField.optional().transform((v) => v ?? null),
    ...companySizeInputs,
    contactName: text(100),
    contactRole: optionalText(100),
    email: optionalEmail.pipe(z.string('required')),
    phone: optionalPhone,
    themeIds: z.array(uuid).max(20).default([]),
    troubles: optionalLongText(5_000).pipe(z.string('required')),
    preferredChannel: z.enum(preferredChannels),
    consentTerms: z.literal(true, 'consent_required'),
    consentSharePartners: z.boolean().default(false),
  })
  .meta({ id: 'PublicIntake' });
export type PublicIntakeInput = z.output<typeof publicIntakeInput>;

export const publicIntakeReceipt = z
  .object({ receiptNumber: z.string(), receivedAt: isoDateTime, email: z.string() })
  .meta({ id: 'PublicIntakeReceipt' });
