import { z } from 'zod';
import { errorResponses } from '../../../shared/schemas/common';
import { commissionCsvQuery, commissionReport, commissionReportQuery, dashboard, dashboardQuery } from '../../../shared/schemas/report';
import type { Db } from '../../db/client';
import { requirePrincipal } from '../../platform/auth/auth.plugin';
import type { App } from '../../platform/http';
import { createReportService } from './reports.service';

const tags = ['reports'];
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const contentDisposition = (file: { fileName: string; asciiFileName: string }) =>
  `attachment; filename="${file.asciiFileName}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`;

/** The commission report (実績報告) and the desk dashboard's figures. */
export function reportRoutes(app: App, db: Db) {
  const reports = createReportService(db);

  app.get('/reports/commission', {
    schema: {
      tags,
      summary: 'The commission report (実績報告) of a programme: totals, progress, months and cross-tabs under its counting rules',
      description:
        'Without programmeId, the default programme of fiscalYear (404 NO_DEFAULT_PROGRAMME when none). ' +
        'publication=true suppresses small cells as 「*」 (primary and secondary suppression; totals stay).',
      querystring: commissionReportQuery,
      response: { 200: commissionReport, ...errorResponses(400, 401, 403, 404) },
    },
    handler: async (request) => reports.commission(requirePrincipal(request), request.query),
  });

  app.get('/reports/commission.xlsx', {
    schema: {
      tags,
      summary: 'The commission report as an Excel workbook: 「実績報告」 for people, then machine-readable sheets (data, KPI, definition)',
      querystring: commissionReportQuery,
      produces: [XLSX_TYPE],
      response: { 200: z.string().describe('XLSX file'), ...errorResponses(400, 401, 403, 404) },
    },
    handler: async (request, reply) => {
      const file = await reports.commissionXlsx(requirePrincipal(request), request.query);
      // A Buffer bypasses the response serializer; the schema above documents the file for OpenAPI.
      return reply.header('content-type', XLSX_TYPE).header('content-disposition', contentDisposition(file)).header('cache-control', 'no-store').send(file.bytes as never);
    },
  });

  app.get('/reports/commission.csv', {
    schema: {
      tags,
      summary: 'The commission report’s base table in long format as CSV (UTF-8 with BOM or CP932, CRLF, Japanese headers)',
      querystring: commissionCsvQuery,
      produces: ['text/csv'],
      response: { 200: z.string().describe('CSV file'), ...errorResponses(400, 401, 403, 404) },
    },
    handler: async (request, reply) => {
      const file = await reports.commissionCsv(requirePrincipal(request), request.query);
      return reply
        .header('content-type', `text/csv; charset=${request.query.encoding === 'cp932' ? 'shift_jis' : 'utf-8'}`)
        .header('content-disposition', contentDisposition(file))
        .header('cache-control', 'no-store')
        .send(file.bytes as never);
    },
  });

  app.get('/reports/dashboard', {
    schema: {
      tags,
      summary: 'The desk dashboard: year-to-date figures under the default programme against its targets, cases by status, work due',
      querystring: dashboardQuery,
      response: { 200: dashboard, ...errorResponses(400, 401, 403) },
    },
    handler: async (request) => reports.dashboard(requirePrincipal(request), request.query),
  });
}
