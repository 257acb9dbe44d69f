import { z } from 'zod';
import { activityChannels, caseTypes } from '../domain/desk';
import { isoDateTime, optionalLongText, optionalText, text, uuid, version } from './common';

/**
 * Funding programmes (委託事業): a contract period, its targets and its definition of what counts as a
 * support. The definition is data, evaluated by the reports at query time (ADR 0014), so editing it
 * recomputes every figure of the programme.
 */

/** Which minutes the minimum applies to: the session alone, or the session plus preparation and travel. */
export const minutesBases = ['session', 'session_and_preparation'] as const;
export type MinutesBasis = (typeof minutesBases)[number];

/** How 実事業者数 tells companies apart: 法人番号 (else the register entry), or the register entry alone. */
export const companyIdentities = ['corporate_number', 'company'] as const;
export type CompanyIdentity = (typeof companyIdentities)[number];

export const DEFAULT_SUPPRESSION_THRESHOLD = 3;

const isoDate = z.iso.date().describe('A calendar date in Japan, YYYY-MM-DD');
const target = z.int().min(0).max(10_000_000).nullish().transform((value) => value ?? null);

/** A non-empty list of codes, each once, in the order of the code list. */
function codeSubset<const T extends readonly [string, ...string[]]>(codes: T) {
  return z
    .array(z.enum(codes))
    .min(1)
    .transform((list) => codes.filter((code) => list.includes(code)) as T[number][]);
}

const programmeFields = {
  name: text(200).describe('事業名, e.g. 令和7年度 DX総合相談窓口運営業務'),
  commissioner: optionalText(200).describe('委託元, e.g. 青森県 商工労働部'),
  startsOn: isoDate.describe('First day of the contract period (activities on or after it count)'),
  endsOn: isoDate.describe('Last day of the contract period, inclusive'),
  supportTarget: target.describe('延べ件数 target for the period'),
  companyTarget: target.describe('実事業者数 target for the period, when the contract sets one'),
  countedChannels: codeSubset(activityChannels).describe('Channels (相談方法) whose activities count'),
  countedCaseTypes: codeSubset(caseTypes).describe('Case types whose activities count'),
  minimumMinutes: z.int().min(0).max(1440).describe('An activity shorter than this does not count'),
  minutesBasis: z.enum(minutesBases).describe('session: the minimum applies to the session minutes; session_and_preparation: to session + preparation + travel'),
  companyIdentity: z
    .enum(companyIdentities)
    .describe('corporate_number: register entries with the same 法人番号 are one company (entries without one count by ID); company: every register entry is a company'),
  suppressionThreshold: z.int().min(1).max(10).describe('Published figures show 「*」 for cells with 0 < value < threshold'),
  isDefault: z.boolean().describe('Activities without an explicit programme count for the default programme of their date; default programmes may not overlap'),
  notes: optionalLongText(5_000),
};

type PeriodInput = { startsOn?: string; endsOn?: string };

/** The period must not end before it starts (the server checks the same on a partial update). */
function checkPeriod(input: PeriodInput, context: z.core.$RefinementCtx) {
  if (input.startsOn && input.endsOn && input.endsOn < input.startsOn) {
    context.addIssue({ code: 'custom', path: ['endsOn'], message: 'ends_before_start' });
  }
}

export const programmeCreateInput = z
  .strictObject({
    ...programmeFields,
    commissioner: programmeFields.commissioner.optional().transform((value) => value ?? null),
    minimumMinutes: programmeFields.minimumMinutes.default(0),
    minutesBasis: programmeFields.minutesBasis.default('session'),
    companyIdentity: programmeFields.companyIdentity.default('corporate_number'),
    suppressionThreshold: programmeFields.suppressionThreshold.default(DEFAULT_SUPPRESSION_THRESHOLD),
    isDefault: programmeFields.isDefault.default(false),
  })
  .superRefine(checkPeriod)
  .meta({ id: 'ProgrammeCreate' });
export type ProgrammeCreateInput = z.output<typeof programmeCreateInput>;

/** A partial update: only the fields sent change. */
export const programmeUpdateInput = z
  .strictObject({
    version,
    ...Object.fromEntries(Object.entries(programmeFields).map(([key, schema]) => [key, schema.optional()])),
  } as { version: typeof version } & { [K in keyof typeof programmeFields]: z.ZodOptional<(typeof programmeFields)[K]> })
  .superRefine(checkPeriod)
  .meta({ id: 'ProgrammeUpdate' });
export type ProgrammeUpdateInput = z.output<typeof programmeUpdateInput>;

export const programmeVersionInput = z.strictObject({ version }).meta({ id: 'ProgrammeVersion' });

export const programmeListQuery = z.strictObject({
  status: z.enum(['active', 'archived', 'all']).default('active'),
  fiscalYear: z.coerce.number().int().min(2000).max(2100).optional().describe('Only programmes whose period overlaps this 年度'),
});
export type ProgrammeListQuery = z.output<typeof programmeListQuery>;

export const programmeAbilities = z
  .object({ update: z.boolean(), archive: z.boolean(), restore: z.boolean() })
  .meta({ id: 'ProgrammeAbilities' });

/** A programme with its counting rules, exactly as stored (the UI explains them). */
export const programme = z
  .object({
    id: uuid,
    name: z.string(),
    commissioner: z.string().nullable(),
    startsOn: z.string(),
    endsOn: z.string(),
    fiscalYear: z.int().describe('The 年度 of startsOn'),
    supportTarget: z.int().nullable(),
    companyTarget: z.int().nullable(),
    countedChannels: z.array(z.enum(activityChannels)),
    countedCaseTypes: z.array(z.enum(caseTypes)),
    minimumMinutes: z.int(),
    minutesBasis: z.enum(minutesBases),
    companyIdentity: z.enum(companyIdentities),
    suppressionThreshold: z.int(),
    isDefault: z.boolean().describe('As set; an archived programme is never used as the default'),
    notes: z.string().nullable(),
    archivedAt: isoDateTime.nullable(),
    createdAt: isoDateTime,
    updatedAt: isoDateTime,
    version: z.int(),
    abilities: programmeAbilities,
  })
  .meta({ id: 'Programme' });
export type Programme = z.output<typeof programme>;

export const programmeList = z
  .object({
    items: z.array(programme),
    abilities: z.object({ create: z.boolean() }),
  })
  .meta({ id: 'ProgrammeList' });
