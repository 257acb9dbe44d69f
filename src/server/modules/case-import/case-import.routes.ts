import { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { caseExportQuery, caseImportDryRunInput, caseImportJob, caseImportQuery, caseImportUpload, type CaseExportQuery } from '../../../shared/schemas/case-import';
import { errorResponses } from '../../../shared/schemas/common';
import type { Db } from '../../db/client';
import { requirePrincipal } from '../../platform/auth/auth.plugin';
import { readUploadedFile } from '../../platform/upload';
import type { Principal } from '../../platform/auth/actor';
import { AppError } from '../../platform/errors';
import type { App } from '../../platform/http';
import type { CompanyService } from '../companies/companies.service';
import { exportActivitiesCsv, exportCasesCsv } from './case-export';
import { createCaseImportService } from './case-import.service';
import { sniffTableFormat } from './table-reader';

/** 100,000 activities are about 20 MB of CSV; workbooks are larger. */
export const CASE_IMPORT_LIMIT_BYTES = 50 * 1024 * 1024;

const idParams = z.strictObject({ id: z.uuid() });
const tags = ['case-import'];
const csvResponse = z.string().describe('CSV (UTF-8 with BOM, or CP932), CRLF, Japanese headers: the import layout');

/** Moving in from Excel and kintone: cases and activities from CSV/XLSX with a column mapping; and the exports in the same layout. */
export function caseImportRoutes(app: App, db: Db, companies: CompanyService, afterBulkChange?: () => Promise<void>) {
  const imports = createCaseImportService(db, companies, app.log, afterBulkChange);
  app.addHook('onClose', async () => imports.settle());

  app.post('/case-imports', {
    schema: {
      tags,
      summary: 'Upload a file of cases or activities (CSV, TSV or XLSX): answers its columns, sample rows and a suggested mapping',
      description: 'multipart/form-data with a `file` field (up to 50 MB). Then POST /case-imports/{id}/dry-run with the confirmed mapping.',
      querystring: caseImportQuery,
      consumes: ['multipart/form-data'],
      response: { 201: caseImportUpload, ...errorResponses(400, 401, 403, 413, 415, 422) },
    },
    handler: async (request, reply) => {
      const principal = requirePrincipal(request);
      const { fileName, bytes } = await readUploadedFile(request, CASE_IMPORT_LIMIT_BYTES);
      if (sniffTableFormat(bytes) === null) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
      const upload = await imports.upload(principal, { kind: request.query.kind, fileName, bytes, sheet: request.query.sheet });
      return reply.status(201).send(upload);
    },
  });

  app.post('/case-imports/:id/dry-run', {
    schema: {
      tags,
      summary: 'Check every row with the confirmed column mapping (nothing is written); poll GET /case-imports/{id}',
      params: idParams,
      body: caseImportDryRunInput,
      response: { 202: caseImportJob, ...errorResponses(400, 401, 403, 404, 422) },
    },
    handler: async (request, reply) => reply.status(202).send(await imports.dryRun(requirePrincipal(request), request.params.id, request.body)),
  });

  app.get('/case-imports/:id', {
    schema: { tags, summary: 'An import job: progress, counts and every rejected row', params: idParams, response: { 200: caseImportJob, ...errorResponses(401, 403, 404) } },
    handler: async (request) => imports.get(requirePrincipal(request), request.params.id),
  });

  app.post('/case-imports/:id/apply', {
    schema: {
      tags,
      summary: 'Import exactly the file and mapping a completed dry run checked (a new job; poll it)',
      params: idParams,
      response: { 202: caseImportJob, ...errorResponses(401, 403, 404, 422) },
    },
    handler: async (request, reply) => reply.status(202).send(await imports.apply(requirePrincipal(request), request.params.id)),
  });

  const sendCsv = async (
    reply: FastifyReply,
    chunks: AsyncGenerator<Buffer>,
    query: CaseExportQuery,
    name: { ascii: string; ja: string },
  ) => {
    const first = await chunks.next(); // permission errors surface here, before any byte is sent
    const stamp = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Tokyo' }).format(new Date()).replace(/-/g, '');
    reply
      .header('content-type', `text/csv; charset=${query.encoding === 'cp932' ? 'shift_jis' : 'utf-8'}`)
      .header('content-disposition', `attachment; filename="${name.ascii}_${stamp}.csv"; filename*=UTF-8''${encodeURIComponent(`${name.ja}_${stamp}.csv`)}`);
    async function* all() {
      if (!first.done) yield first.value;
      yield* chunks;
    }
    // A stream bypasses the response serializer; the schema documents the CSV for OpenAPI.
    return reply.send(Readable.from(all()) as never);
  };
  const exportRoute = (path: string, summary: string, make: (principal: Principal, query: CaseExportQuery) => AsyncGenerator<Buffer>, name: { ascii: string; ja: string }) =>
    app.get(path, {
      schema: { tags, summary, querystring: caseExportQuery, produces: ['text/csv'], response: { 200: csvResponse, ...errorResponses(400, 401, 403) } },
      handler: async (request, reply) => sendCsv(reply, make(requirePrincipal(request), request.query), request.query, name),
    });

  exportRoute('/cases/export.csv', 'Cases as CSV, in the layout the case import reads back unchanged', (principal, query) => exportCasesCsv(db, principal, query), {
    ascii: 'cases',
    ja: '相談案件',
  });
  exportRoute('/activities/export.csv', 'Activities as CSV, in the layout the activity import reads back unchanged', (principal, query) => exportActivitiesCsv(db, principal, query), {
    ascii: 'activities',
    ja: '対応記録',
  });
}
