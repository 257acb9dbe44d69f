import type { z } from 'zod';
import { companyCreateInput } from '../../../shared/schemas/company';
import { schemaResolver } from '../../lib/form';
import { type CompanyFormValues, companyFieldOf, toCompanyInput } from './company-form-values';

export type CompanyOutput = z.output<typeof companyCreateInput>;

/**
 * The company form validates with the server's create schema (edits send every field too, so the
 * same rules apply, including 法人番号 being required for 法人 and NPO).
 */
export const companyFormResolver = schemaResolver<CompanyFormValues, CompanyOutput>(companyCreateInput, {
  toInput: toCompanyInput,
  fieldOf: companyFieldOf,
});
