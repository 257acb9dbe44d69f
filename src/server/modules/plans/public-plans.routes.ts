import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { errorResponses } from '../../../shared/schemas/common';
import { publicIndicatorList, publicMeetingList, publicNode, publicPlan, publicPlanList, publicReviewList } from '../../../shared/schemas/plan';
import { type EncodedJson, sendEncodedJson } from '../../platform/encoded-json';
import type { App } from '../../platform/http';
import type { PublicPlanService } from './public-plans.service';

const idParams = z.strictObject({ id: z.uuid() });
const nodeParams = z.strictObject({ id: z.uuid(), nodeId: z.uuid() });
const publicIndicatorQuery = z.strictObject({ nodeId: z.union([z.uuid(), z.literal('plan')]).optional() });
const tags = ['public plans'];
/** Public pages are the same for everyone: a short shared cache lets a proxy absorb a rush of readers. */
const PUBLIC_CACHE = 'public, max-age=60';
/** Only an answer is cached: a 404 (a plan not yet published) must not outlive its publication. */
const cached = (reply: FastifyReply, body: unknown) => reply.header('cache-control', PUBLIC_CACHE).send(body);
/** The same for a body the service serialised (and gzipped) once per plan state. */
const cachedEncoded = (request: FastifyRequest, reply: FastifyReply, body: EncodedJson) => sendEncodedJson(request, reply.header('cache-control', PUBLIC_CACHE), body);

/**
 * The public 見える化 of plans marked public: no sign-in, approved values and final reviews only. The open-data
 * files (CSV with a UTF-8 BOM, JSON) carry stable IDs and follow the schema documented at …/open-data/schema.
 */
export function publicPlanRoutes(app: App, plans: PublicPlanService) {
  app.get('/public/plans', {
    schema: { tags, summary: 'Public plans of every organisation', response: { 200: publicPlanList } },
    handler: async (_request, reply) => cached(reply, await plans.list()),
  });
  app.get('/public/plans/:id', {
    schema: { tags, summary: 'A public plan with its tree and progress (how each figure is computed included)', params: idParams, response: { 200: publicPlan, ...errorResponses(404) } },
    handler: async (request, reply) => cachedEncoded(request, reply, await plans.get(request.params.id)),
  });
  app.get('/public/plans/:id/nodes/:nodeId', {
    schema: { tags, summary: 'One node of a public plan in full: description, dates, indicator IDs, how its progress is computed', params: nodeParams, response: { 200: publicNode, ...errorResponses(404) } },
    handler: async (request, reply) => cachedEncoded(request, reply, await plans.node(request.params.id, request.params.nodeId)),
  });
  app.get('/public/plans/:id/indicators', {
    schema: {
      tags,
      summary: 'Indicators of a public plan: targets (with revisions), approved actuals, methods. nodeId narrows to one node’s (plan: the plan-level ones)',
      params: idParams,
      querystring: publicIndicatorQuery,
      response: { 200: publicIndicatorList, ...errorResponses(400, 404) },
    },
    handler: async (request, reply) => cachedEncoded(request, reply, await plans.indicators(request.params.id, request.query.nodeId)),
  });
  app.get('/public/plans/:id/reviews', {
    schema: { tags, summary: 'Final reviews of a public plan', params: idParams, response: { 200: publicReviewList, ...errorResponses(404) } },
    handler: async (request, reply) => cachedEncoded(request, reply, await plans.reviews(request.params.id)),
  });
  app.get('/public/plans/:id/meetings', {
    schema: { tags, summary: 'Public committee meetings of a public plan with the opinions voiced', params: idParams, response: { 200: publicMeetingList, ...errorResponses(404) } },
    handler: async (request, reply) => cachedEncoded(request, reply, await plans.meetings(request.params.id)),
  });
  for (const format of ['csv', 'json'] as const) {
    app.get(`/public/plans/:id/open-data.${format}`, {
      schema: {
        tags,
        summary: format === 'csv' ? 'Open data: one row per indicator period (UTF-8 with BOM)' : 'Open data: the plan, its nodes and indicators with approved values (JSON)',
        params: idParams,
        produces: [format === 'csv' ? 'text/csv' : 'application/json'],
        response: { 200: z.string(), ...errorResponses(404) },
      },
      handler: async (request, reply) => {
        const file = await plans.openData(request.params.id, format);
        return reply
          .header('content-type', file.mediaType)
          .header('content-disposition', `attachment; filename="${file.asciiName}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
          .header('cache-control', PUBLIC_CACHE)
          .send(file.bytes as never);
      },
    });
  }
  app.get('/public/open-data/schema', {
    schema: { tags, summary: 'The documented schema of the open-data files (field names, types, meaning)', response: { 200: z.record(z.string(), z.unknown()) } },
    handler: async (_request, reply) => cached(reply, plans.openDataSchema()),
  });
}
