import { Readable } from 'node:stream';
import { z } from 'zod';
import {
  company,
  companyCreateInput,
  companyListQuery,
  companyPage,
  companyUpdateInput,
  companyVersionInput,
  duplicateCandidates,
  duplicateCheckInput,
} from '../../../shared/schemas/company';
import { errorResponses } from '../../../shared/schemas/common';
import { exportQuery, importJob } from '../../../shared/schemas/company-import';
import type { Db } from '../../db/client';
import { requirePrincipal } from '../../platform/auth/auth.plugin';
import { readUploadedFile } from '../../platform/upload';
import { AppError } from '../../platform/errors';
import type { App } from '../../platform/http';
import type { CompanyService } from './companies.service';
import { exportCompaniesCsv } from './company-export';
import type { CompanyImportService } from './company-import.service';

/** Register files can be larger than attachments: 100,000 companies are about 30 MB of CSV. */
export const IMPORT_LIMIT_BYTES = 50 * 1024 * 1024;
const importQuery = z.strictObject({ mode: z.enum(['dry_run', 'apply']).default('dry_run') });

/** A CSV/TSV is text; an Excel workbook (a zip), a PDF or an image is refused before anything is stored. */
function assertTextFile(bytes: Buffer) {
  const head = bytes.subarray(0, 4096);
  const isUtf16 = (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff);
  const looksBinary = head.subarray(0, 4).toString('latin1') === 'PK\u0003\u0004' || (!isUtf16 && head.includes(0));
  if (looksBinary) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
}

const idParams = z.strictObject({ id: z.uuid() });
const tags = ['companies'];

/** The company register (事業者台帳) API: thin handlers over the company service. */
export function companyRoutes(app: App, companies: CompanyService, imports: CompanyImportService, db: Db) {
  app.get('/companies/export.csv', {
    schema: {
      tags,
      summary: 'The register as CSV (UTF-8 with BOM or CP932, CRLF, Japanese headers), with the list filters',
      querystring: exportQuery,
      produces: ['text/csv'],
      response: { 200: z.string().describe('CSV file'), ...errorResponses(400, 401, 403) },
    },
    handler: async (request, reply) => {
      const principal = requirePrincipal(request);
      const chunks = exportCompaniesCsv(db, principal, request.query);
      const first = await chunks.next(); // permission errors surface here, before any byte is sent
      const stamp = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Tokyo' }).format(new Date()).replace(/-/g, '');
      const fileName = `事業者台帳_${stamp}.csv`;
      reply
        .header('content-type', `text/csv; charset=${request.query.encoding === 'cp932' ? 'shift_jis' : 'utf-8'}`)
        .header('content-disposition', `attachment; filename="companies_${stamp}.csv"; filename*=UTF-8''${encodeURIComponent(fileName)}`)
        .header('cache-control', 'no-store');
      async function* all() {
        if (!first.done) yield first.value;
        yield* chunks;
      }
      // A stream bypasses the response serializer; the schema above documents the CSV for OpenAPI.
      return reply.send(Readable.from(all()) as never);
    },
  });

  app.post('/companies/imports', {
    schema: {
      tags,
      summary: 'Upload a register file (CSV or TSV; UTF-8, Shift_JIS or UTF-16): a dry run reports every rejected row, apply writes',
      description: 'multipart/form-data with a `file` field. Answers 202 with the job; poll GET /companies/imports/{id}.',
      querystring: importQuery,
      consumes: ['multipart/form-data'],
      response: { 202: importJob, ...errorResponses(400, 401, 403, 413, 415) },
    },
    handler: async (request, reply) => {
      const principal = requirePrincipal(request);
      const { fileName, bytes } = await readUploadedFile(request, IMPORT_LIMIT_BYTES);
      assertTextFile(bytes);
      return reply.status(202).send(await imports.start(principal, { fileName, bytes, mode: request.query.mode }));
    },
  });

  app.get('/companies/imports/:id', {
    schema: { tags, summary: 'An import job: progress and report', params: idParams, response: { 200: importJob, ...errorResponses(401, 403, 404) } },
    handler: async (request) => imports.get(requirePrincipal(request), request.params.id),
  });

  app.post('/companies/imports/:id/apply', {
    schema: {
      tags,
      summary: 'Import the file a completed dry run checked',
      params: idParams,
      response: { 202: importJob, ...errorResponses(401, 403, 404, 422) },
    },
    handler: async (request, reply) => reply.status(202).send(await imports.applyDryRun(requirePrincipal(request), request.params.id)),
  });

  app.get('/companies', {
    schema: {
      tags,
      summary: 'List and search the company register',
      querystring: companyListQuery,
      response: { 200: companyPage, ...errorResponses(400, 401, 403) },
    },
    handler: async (request) => companies.list(requirePrincipal(request), request.query),
  });

  app.post('/companies', {
    schema: {
      tags,
      summary: 'Register a company',
      body: companyCreateInput,
      response: { 201: company, ...errorResponses(400, 401, 403, 409) },
    },
    handler: async (request, reply) => reply.status(201).send(await companies.create(requirePrincipal(request), request.body)),
  });

  app.post('/companies/duplicate-check', {
    schema: {
      tags,
      summary: 'Find likely duplicates (same 法人番号, or the same name in the same municipality)',
      body: duplicateCheckInput,
      response: { 200: duplicateCandidates, ...errorResponses(400, 401, 403) },
    },
    handler: async (request) => companies.findDuplicates(requirePrincipal(request), request.body),
  });

  app.get('/companies/:id', {
    schema: { tags, summary: 'A company with its contacts', params: idParams, response: { 200: company, ...errorResponses(401, 403, 404) } },
    handler: async (request) => companies.get(requirePrincipal(request), request.params.id),
  });

  app.patch('/companies/:id', {
    schema: {
      tags,
      summary: 'Change a company (send the version you read; 409 when somebody saved first)',
      params: idParams,
      body: companyUpdateInput,
      response: { 200: company, ...errorResponses(400, 401, 403, 404, 409, 422) },
    },
    handler: async (request) => companies.update(requirePrincipal(request), request.params.id, request.body),
  });

  const archiveActions = [
    { path: '/companies/:id/archive', archived: true, summary: 'Archive a company (it leaves the default list; its history stays)' },
    { path: '/companies/:id/restore', archived: false, summary: 'Restore an archived company' },
  ] as const;
  for (const { path, archived, summary } of archiveActions) {
    app.post(path, {
      schema: { tags, summary, params: idParams, body: companyVersionInput, response: { 200: company, ...errorResponses(400, 401, 403, 404, 409) } },
      handler: async (request) => companies.setArchived(requirePrincipal(request), request.params.id, request.body.version, archived),
    });
  }
}
