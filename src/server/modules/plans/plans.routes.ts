import { z } from 'zod';
import { errorResponses } from '../../../shared/schemas/common';
import {
  annualReport,
  compositeMethodInput,
  indicatorCreateInput,
  indicatorDetail,
  indicatorList,
  indicatorUpdate,
  indicatorUpdateInput,
  meeting,
  meetingCreateInput,
  meetingList,
  meetingUpdateInput,
  metricSourceList,
  milestone,
  milestoneCreateInput,
  milestoneUpdateInput,
  nodeCreateInput,
  nodeUpdateInput,
  opinionCreateInput,
  opinionUpdateInput,
  periodCreateInput,
  plan,
  planCreateInput,
  planImportResult,
  planDashboard,
  planDashboardQuery,
  planList,
  planNode,
  planTree,
  planUpdateInput,
  reportingStatus,
  reportingStatusQuery,
  review,
  reviewInput,
  reviewList,
  reviewQuery,
  roadmap,
  targetInput,
  updateCreateInput,
  updateDecisionInput,
  updateEditInput,
  updateList,
  updateQueue,
  updateQueueQuery,
  versionInput,
} from '../../../shared/schemas/plan';
import { requirePrincipal } from '../../platform/auth/auth.plugin';
import type { App } from '../../platform/http';
import type { Mailer } from '../../platform/mail/mailer';
import { readUploadedFile } from '../../platform/upload';
import { EVIDENCE_LIMIT_BYTES } from './evidence';
import type { PlanServices } from './plan-services';

const idParams = z.strictObject({ id: z.uuid() });
const itemParams = z.strictObject({ id: z.uuid(), itemId: z.uuid() });
const yearQuery = z.strictObject({ fiscalYear: z.coerce.number().int().min(1990).max(2100) });
const deleteBody = z.strictObject({ version: z.int().min(1) });
const tags = ['plans'];

/** Send bytes as a download (never rendered in the app's origin). */
function download(reply: import('fastify').FastifyReply, file: { fileName: string; asciiName?: string; mediaType: string; bytes: Buffer }) {
  return reply
    .header('content-type', file.mediaType)
    .header('content-disposition', `attachment; filename="${file.asciiName ?? 'file'}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
    .header('cache-control', 'private, no-store')
    .send(file.bytes as never);
}

/** Plans, their trees, indicators, updates, reviews and committee records: thin handlers over the plan services. */
export function planRoutes(app: App, services: PlanServices, mailer: Mailer) {
  const { plans, indicators, updates, reviews, documents } = services;
  const deliver = <T>(result: T): T => {
    mailer.requestDelivery();
    return result;
  };

  /* ----- plans ----- */
  app.get('/plans', {
    schema: { tags, summary: 'List the plans of the tenant (newest first) with their overall progress', response: { 200: planList, ...errorResponses(401, 403) } },
    handler: async (request) => plans.list(requirePrincipal(request)),
  });
  app.post('/plans', {
    schema: { tags, summary: 'Create a plan (draft) with its period, level names, status list and review scale', body: planCreateInput, response: { 201: plan, ...errorResponses(400, 401, 403, 409) } },
    handler: async (request, reply) => reply.status(201).send(await plans.create(requirePrincipal(request), request.body)),
  });
  app.get('/plans/:id', {
    schema: { tags, summary: 'A plan and what the reader may do with it', params: idParams, response: { 200: plan, ...errorResponses(401, 403, 404) } },
    handler: async (request) => plans.get(requirePrincipal(request), request.params.id),
  });
  app.patch('/plans/:id', {
    schema: { tags, summary: 'Change a plan (send the version you read; 409 when somebody saved first)', params: idParams, body: planUpdateInput, response: { 200: plan, ...errorResponses(400, 401, 403, 404, 409, 422) } },
    handler: async (request) => plans.update(requirePrincipal(request), request.params.id, request.body),
  });
  for (const visibility of ['public', 'draft'] as const) {
    app.post(visibility === 'public' ? '/plans/:id/publish' : '/plans/:id/unpublish', {
      schema: {
        tags,
        summary: visibility === 'public' ? 'Publish a plan: its public pages show approved values only (admins)' : 'Take a plan off the public pages (admins)',
        params: idParams,
        body: versionInput,
        response: { 200: plan, ...errorResponses(400, 401, 403, 404, 409) },
      },
      handler: async (request) => plans.setVisibility(requirePrincipal(request), request.params.id, request.body.version, visibility),
    });
  }
  app.get('/plans/:id/tree', {
    schema: { tags, summary: 'The node tree with computed progress and how each figure was computed', params: idParams, response: { 200: planTree, ...errorResponses(401, 403, 404) } },
    handler: async (request) => plans.tree(requirePrincipal(request), request.params.id),
  });
  app.get('/plans/:id/dashboard', {
    schema: { tags, summary: 'A plan at a glance for a fiscal year: progress by field, indicators, reporting', params: idParams, querystring: planDashboardQuery, response: { 200: planDashboard, ...errorResponses(400, 401, 403, 404) } },
    handler: async (request) => plans.dashboard(requirePrincipal(request), request.params.id, request.query),
  });

  /* ----- nodes and milestones ----- */
  app.post('/plans/:id/nodes', {
    schema: { tags, summary: 'Add a node under a parent (or at the top)', params: idParams, body: nodeCreateInput, response: { 201: planNode, ...errorResponses(400, 401, 403, 404, 409, 422) } },
    handler: async (request, reply) => reply.status(201).send(await plans.createNode(requirePrincipal(request), request.params.id, request.body)),
  });
  app.patch('/plan-nodes/:id', {
    schema: {
      tags,
      summary: 'Change or move a node (a move under its own descendant is refused with 422 TREE_CYCLE)',
      params: idParams,
      body: nodeUpdateInput,
      response: { 200: planNode, ...errorResponses(400, 401, 403, 404, 409, 422) },
    },
    handler: async (request) => plans.updateNode(requirePrincipal(request), request.params.id, request.body),
  });
  app.delete('/plan-nodes/:id', {
    schema: { tags, summary: 'Delete a node with everything under it (audited)', params: idParams, body: deleteBody, response: { 204: z.null(), ...errorResponses(400, 401, 403, 404, 409) } },
    handler: async (request, reply) => {
      await plans.deleteNode(requirePrincipal(request), request.params.id, request.body.version);
      return reply.status(204).send(null);
    },
  });
  app.get('/plan-nodes/:id/roadmap', {
    schema: { tags, summary: 'The roadmap table of an initiative: its children as rows, 目標 and 実績 per fiscal year', params: idParams, response: { 200: roadmap, ...errorResponses(401, 403, 404) } },
    handler: async (request) => plans.roadmap(requirePrincipal(request), request.params.id),
  });
  app.post('/plan-nodes/:id/milestones', {
    schema: { tags, summary: 'Add a milestone (planned for a fiscal year, achieved on a date)', params: idParams, body: milestoneCreateInput, response: { 201: milestone, ...errorResponses(400, 401, 403, 404) } },
    handler: async (request, reply) => reply.status(201).send(await plans.createMilestone(requirePrincipal(request), request.params.id, request.body)),
  });
  app.patch('/plan-milestones/:id', {
    schema: { tags, summary: 'Change a milestone, e.g. record its achievement', params: idParams, body: milestoneUpdateInput, response: { 200: milestone, ...errorResponses(400, 401, 403, 404, 409) } },
    handler: async (request) => plans.updateMilestone(requirePrincipal(request), request.params.id, request.body),
  });
  app.delete('/plan-milestones/:id', {
    schema: { tags, summary: 'Delete a milestone', params: idParams, body: deleteBody, response: { 204: z.null(), ...errorResponses(400, 401, 403, 404, 409) } },
    handler: async (request, reply) => {
      await plans.deleteMilestone(requirePrincipal(request), request.params.id, request.body.version);
      return reply.status(204).send(null);
    },
  });

  /* ----- indicators ----- */
  app.get('/metric-sources', {
    schema: { tags, summary: 'The named sources a computed indicator can take its values from, with what each counts', response: { 200: metricSourceList, ...errorResponses(401) } },
    handler: async (request) => indicators.metricSources(requirePrincipal(request)),
  });
  app.get('/plans/:id/indicators', {
    schema: { tags, summary: 'Every indicator of a plan with its periods: targets, approved actuals, live values and explanations', params: idParams, response: { 200: indicatorList, ...errorResponses(401, 403, 404) } },
    handler: async (request) => indicators.list(requirePrincipal(request), request.params.id),
  });
  app.post('/plans/:id/indicators', {
    schema: {
      tags,
      summary: 'Define an indicator (manual, computed from a metric source, or a composite index with its first method version)',
      params: idParams,
      body: indicatorCreateInput,
      response: { 201: indicatorDetail, ...errorResponses(400, 401, 403, 404, 409, 422) },
    },
    handler: async (request, reply) => reply.status(201).send(await indicators.create(requirePrincipal(request), request.params.id, request.body)),
  });
  app.get('/indicators/:id', {
    schema: { tags, summary: 'An indicator with its periods, target revisions and method versions', params: idParams, response: { 200: indicatorDetail, ...errorResponses(401, 403, 404) } },
    handler: async (request) => indicators.get(requirePrincipal(request), request.params.id),
  });
  app.patch('/indicators/:id', {
    schema: { tags, summary: 'Change an indicator definition', params: idParams, body: indicatorUpdateInput, response: { 200: indicatorDetail, ...errorResponses(400, 401, 403, 404, 409, 422) } },
    handler: async (request) => indicators.update(requirePrincipal(request), request.params.id, request.body),
  });
  app.delete('/indicators/:id', {
    schema: { tags, summary: 'Delete an indicator (refused while a composite index uses it)', params: idParams, body: deleteBody, response: { 204: z.null(), ...errorResponses(400, 401, 403, 404, 409, 422) } },
    handler: async (request, reply) => {
      await indicators.remove(requirePrincipal(request), request.params.id, request.body.version);
      return reply.status(204).send(null);
    },
  });
  app.post('/indicators/:id/methods', {
    schema: {
      tags,
      summary: 'Add a composite-index method version from a fiscal year on (earlier years keep theirs; 422 INDICATOR_CYCLE when it refers to itself)',
      params: idParams,
      body: compositeMethodInput,
      response: { 201: indicatorDetail, ...errorResponses(400, 401, 403, 404, 422) },
    },
    handler: async (request, reply) => reply.status(201).send(await indicators.addMethod(requirePrincipal(request), request.params.id, request.body)),
  });
  app.post('/indicators/:id/periods', {
    schema: { tags, summary: 'Add a period (a fiscal year or one of its halves) with a first target', params: idParams, body: periodCreateInput, response: { 201: indicatorDetail, ...errorResponses(400, 401, 403, 404, 409, 422) } },
    handler: async (request, reply) => reply.status(201).send(await indicators.addPeriod(requirePrincipal(request), request.params.id, request.body)),
  });
  app.put('/indicator-periods/:id/target', {
    schema: {
      tags,
      summary: 'Revise a period’s target with a reason; every earlier target is kept (422 PERIOD_LOCKED on a locked period)',
      params: idParams,
      body: targetInput,
      response: { 200: indicatorDetail, ...errorResponses(400, 401, 403, 404, 409, 422) },
    },
    handler: async (request) => indicators.reviseTarget(requirePrincipal(request), request.params.id, request.body),
  });
  for (const locked of [true, false]) {
    app.post(locked ? '/indicator-periods/:id/lock' : '/indicator-periods/:id/unlock', {
      schema: {
        tags,
        summary: locked ? 'Lock a period: no more updates or target changes' : 'Unlock a period (admins)',
        params: idParams,
        body: versionInput,
        response: { 200: indicatorDetail, ...errorResponses(400, 401, 403, 404, 409) },
      },
      handler: async (request) => indicators.setLocked(requirePrincipal(request), request.params.id, request.body.version, locked),
    });
  }

  /* ----- updates (actuals) ----- */
  app.get('/indicator-periods/:id/updates', {
    schema: { tags, summary: 'The updates of a period, newest first, with who submitted and who decided', params: idParams, response: { 200: updateList, ...errorResponses(401, 403, 404) } },
    handler: async (request) => updates.listForPeriod(requirePrincipal(request), request.params.id),
  });
  app.post('/indicator-periods/:id/updates', {
    schema: {
      tags,
      summary: 'Report an actual with a narrative (a draft, or submitted at once); a computed indicator takes the computed value',
      params: idParams,
      body: updateCreateInput,
      response: { 201: indicatorUpdate, ...errorResponses(400, 401, 403, 404, 409, 422) },
    },
    handler: async (request, reply) => reply.status(201).send(deliver(await updates.create(requirePrincipal(request), request.params.id, request.body))),
  });
  app.get('/indicator-updates', {
    schema: { tags, summary: 'Updates across plans: the review queue (status=submitted) or one’s own', querystring: updateQueueQuery, response: { 200: updateQueue, ...errorResponses(400, 401, 403) } },
    handler: async (request) => updates.queue(requirePrincipal(request), request.query),
  });
  app.patch('/indicator-updates/:id', {
    schema: { tags, summary: 'Change a draft or returned update', params: idParams, body: updateEditInput, response: { 200: indicatorUpdate, ...errorResponses(400, 401, 403, 404, 409, 422) } },
    handler: async (request) => updates.edit(requirePrincipal(request), request.params.id, request.body),
  });
  for (const action of ['submit', 'approve', 'return'] as const) {
    app.post(`/indicator-updates/:id/${action}`, {
      schema: {
        tags,
        summary: {
          submit: 'Submit an update for approval',
          approve: 'Approve an update: its value becomes the period’s actual (not one’s own submission)',
          return: 'Return an update for revision with a comment',
        }[action],
        params: idParams,
        body: updateDecisionInput,
        response: { 200: indicatorUpdate, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
      handler: async (request) => deliver(await updates.decide(requirePrincipal(request), request.params.id, action, request.body)),
    });
  }
  app.post('/indicator-updates/:id/evidence', {
    schema: {
      tags,
      summary: 'Attach evidence to a draft or returned update (up to 10 MB; the type is read from the bytes)',
      description: 'multipart/form-data with a `file` field.',
      params: idParams,
      consumes: ['multipart/form-data'],
      response: { 201: indicatorUpdate, ...errorResponses(400, 401, 403, 404, 413, 415, 422) },
    },
    handler: async (request, reply) => {
      const file = await readUploadedFile(request, EVIDENCE_LIMIT_BYTES);
      return reply.status(201).send(await updates.attachEvidence(requirePrincipal(request), request.params.id, file));
    },
  });
  app.get('/indicator-updates/:id/evidence/:itemId', {
    schema: { tags, summary: 'Download evidence', params: itemParams, produces: ['application/octet-stream'], response: { 200: z.string(), ...errorResponses(401, 403, 404) } },
    handler: async (request, reply) => download(reply, await updates.downloadEvidence(requirePrincipal(request), request.params.id, request.params.itemId)),
  });
  app.delete('/indicator-updates/:id/evidence/:itemId', {
    schema: { tags, summary: 'Remove evidence from a draft or returned update', params: itemParams, response: { 200: indicatorUpdate, ...errorResponses(401, 403, 404, 422) } },
    handler: async (request) => updates.removeEvidence(requirePrincipal(request), request.params.id, request.params.itemId),
  });
  app.get('/plans/:id/reporting', {
    schema: { tags, summary: 'Who has reported for a period and who has not', params: idParams, querystring: reportingStatusQuery, response: { 200: reportingStatus, ...errorResponses(400, 401, 403, 404) } },
    handler: async (request) => updates.reportingStatus(requirePrincipal(request), request.params.id, request.query),
  });

  /* ----- reviews and committees ----- */
  app.get('/plans/:id/reviews', {
    schema: { tags, summary: 'Half-year and annual reviews of the plan and its nodes', params: idParams, querystring: reviewQuery, response: { 200: reviewList, ...errorResponses(400, 401, 403, 404) } },
    handler: async (request) => reviews.list(requirePrincipal(request), request.params.id, request.query),
  });
  app.put('/plans/:id/reviews', {
    schema: {
      tags,
      summary: 'Record the review of a node (or of the plan) for a fiscal year and term: one per node, year and term',
      params: idParams,
      body: reviewInput,
      response: { 200: review, ...errorResponses(400, 401, 403, 404, 409, 422) },
    },
    handler: async (request) => reviews.record(requirePrincipal(request), request.params.id, request.body),
  });
  app.get('/plans/:id/meetings', {
    schema: { tags, summary: 'Committee meetings with the opinions voiced and the nodes they concern', params: idParams, response: { 200: meetingList, ...errorResponses(401, 403, 404) } },
    handler: async (request) => reviews.meetings(requirePrincipal(request), request.params.id),
  });
  app.post('/plans/:id/meetings', {
    schema: { tags, summary: 'Record a committee meeting', params: idParams, body: meetingCreateInput, response: { 201: meeting, ...errorResponses(400, 401, 403, 404) } },
    handler: async (request, reply) => reply.status(201).send(await reviews.createMeeting(requirePrincipal(request), request.params.id, request.body)),
  });
  app.patch('/committee-meetings/:id', {
    schema: { tags, summary: 'Change a meeting record', params: idParams, body: meetingUpdateInput, response: { 200: meeting, ...errorResponses(400, 401, 403, 404, 409) } },
    handler: async (request) => reviews.updateMeeting(requirePrincipal(request), request.params.id, request.body),
  });
  app.post('/committee-meetings/:id/opinions', {
    schema: { tags, summary: 'Record an opinion voiced at a meeting, linked to the nodes it concerns', params: idParams, body: opinionCreateInput, response: { 201: meeting, ...errorResponses(400, 401, 403, 404, 422) } },
    handler: async (request, reply) => reply.status(201).send(await reviews.createOpinion(requirePrincipal(request), request.params.id, request.body)),
  });
  app.patch('/committee-opinions/:id', {
    schema: { tags, summary: 'Change an opinion or record the response to it', params: idParams, body: opinionUpdateInput, response: { 200: meeting, ...errorResponses(400, 401, 403, 404, 409, 422) } },
    handler: async (request) => reviews.updateOpinion(requirePrincipal(request), request.params.id, request.body),
  });

  /* ----- documents, import and export ----- */
  app.get('/plans/:id/annual-report', {
    schema: { tags, summary: 'The annual progress report (年次進捗報告) for a fiscal year: approved actuals, final reviews, narratives', params: idParams, querystring: yearQuery, response: { 200: annualReport, ...errorResponses(400, 401, 403, 404) } },
    handler: async (request) => documents.annualReportData(requirePrincipal(request), request.params.id, request.query.fiscalYear),
  });
  const reportFormats = [
    { path: '/plans/:id/annual-report.xlsx', format: 'xlsx', summary: 'The annual progress report (年次進捗報告) as an Excel workbook' },
    { path: '/plans/:id/annual-report.docx', format: 'docx', summary: 'The annual progress report as a Word document' },
  ] as const;
  for (const { path, format, summary } of reportFormats) {
    app.get(path, {
      schema: { tags, summary, params: idParams, querystring: yearQuery, produces: ['application/octet-stream'], response: { 200: z.string(), ...errorResponses(400, 401, 403, 404) } },
      handler: async (request, reply) => download(reply, await documents.annualReport(requirePrincipal(request), request.params.id, request.query.fiscalYear, format)),
    });
  }
  const exports = [
    { path: '/plans/:id/nodes.csv', kind: 'nodes', summary: 'The node tree as CSV (UTF-8 with BOM) with stable IDs: edit and import it back' },
    { path: '/plans/:id/periods.csv', kind: 'periods', summary: 'Indicator periods (targets, approved actuals) as CSV' },
  ] as const;
  for (const { path, kind, summary } of exports) {
    app.get(path, {
      schema: { tags, summary, params: idParams, produces: ['text/csv'], response: { 200: z.string(), ...errorResponses(401, 403, 404) } },
      handler: async (request, reply) => download(reply, await documents.exportCsv(requirePrincipal(request), request.params.id, kind)),
    });
  }
  const imports = [
    { path: '/plans/:id/nodes/import', kind: 'nodes', summary: 'Import the node tree from our CSV (upsert by ID, 外部ID, コード)' },
    { path: '/plans/:id/periods/import', kind: 'periods', summary: 'Import targets per period from our CSV (actuals go through approval, never by import)' },
    { path: '/plans/:id/decidim/import', kind: 'decidim', summary: 'Import a Decidim Accountability results CSV as nodes' },
  ] as const;
  for (const { path, kind, summary } of imports) {
    app.post(path, {
      schema: {
        tags,
        summary: `${summary}. ?dryRun=true checks and reports without writing; every rejected row comes back with its line`,
        description: 'multipart/form-data with a `file` field.',
        params: idParams,
        querystring: z.strictObject({ dryRun: z.enum(['true', 'false']).default('false').transform((value) => value === 'true') }),
        consumes: ['multipart/form-data'],
        response: { 200: planImportResult, ...errorResponses(400, 401, 403, 404, 413, 422) },
      },
      handler: async (request) => {
        const file = await readUploadedFile(request, IMPORT_LIMIT_BYTES);
        return documents.importCsv(requirePrincipal(request), request.params.id, kind, file, request.query.dryRun);
      },
    });
  }
}

const IMPORT_LIMIT_BYTES = 20 * 1024 * 1024;

