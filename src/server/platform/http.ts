import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyBaseLogger, FastifyInstance, FastifySchemaCompiler, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { describeIssue } from '../../shared/validation';

/** The Fastify instance every module registers its routes on: zod schemas type the handlers. */
export type App = FastifyInstance<RawServerDefault, IncomingMessage, ServerResponse, FastifyBaseLogger, ZodTypeProvider>;

/** Raised by the validator compiler; the error handler turns it into a 400 with field errors. */
export class RequestValidationError extends Error {
  override name = 'RequestValidationError';
  constructor(readonly issues: z.core.$ZodIssue[]) {
    super('request validation failed');
  }

  fieldErrors() {
    return this.issues.map(describeIssue);
  }
}

/**
 * Validates requests with their zod schema. `reportInput` lets us tell a missing field from a wrong
 * one; the input never leaves the process (issues are reduced to codes before they are answered).
 */
export const zodValidatorCompiler: FastifySchemaCompiler<z.ZodType> =
  ({ schema }) =>
  (data) => {
    const result = schema.safeParse(data, { reportInput: true });
    return result.success ? { value: result.data } : { error: new RequestValidationError(result.error.issues) };
  };
