import { z } from 'zod';
import { errorResponses } from '../../../shared/schemas/common';
import {
  programme,
  programmeCreateInput,
  programmeList,
  programmeListQuery,
  programmeUpdateInput,
  programmeVersionInput,
} from '../../../shared/schemas/programme';
import type { Db } from '../../db/client';
import { requirePrincipal } from '../../platform/auth/auth.plugin';
import type { App } from '../../platform/http';
import { createProgrammeService } from './programmes.service';

const idParams = z.strictObject({ id: z.uuid() });
const tags = ['programmes'];

/** Funding programmes (委託事業) and their counting rules. */
export function programmeRoutes(app: App, db: Db) {
  const programmes = createProgrammeService(db);

  app.get('/programmes', {
    schema: {
      tags,
      summary: 'List funding programmes (newest period first)',
      querystring: programmeListQuery,
      response: { 200: programmeList, ...errorResponses(400, 401, 403) },
    },
    handler: async (request) => programmes.list(requirePrincipal(request), request.query),
  });

  app.post('/programmes', {
    schema: {
      tags,
      summary: 'Create a funding programme with its counting rules (admins)',
      body: programmeCreateInput,
      response: { 201: programme, ...errorResponses(400, 401, 403) },
    },
    handler: async (request, reply) => reply.status(201).send(await programmes.create(requirePrincipal(request), request.body)),
  });

  app.get('/programmes/:id', {
    schema: { tags, summary: 'A funding programme', params: idParams, response: { 200: programme, ...errorResponses(401, 403, 404) } },
    handler: async (request) => programmes.get(requirePrincipal(request), request.params.id),
  });

  app.patch('/programmes/:id', {
    schema: {
      tags,
      summary: 'Change a programme (send the version you read; 409 when somebody saved first). Reports recompute from the new rules',
      params: idParams,
      body: programmeUpdateInput,
      response: { 200: programme, ...errorResponses(400, 401, 403, 404, 409, 422) },
    },
    handler: async (request) => programmes.update(requirePrincipal(request), request.params.id, request.body),
  });

  const archiveActions = [
    { path: '/programmes/:id/archive', archived: true, summary: 'Archive a programme (it still reports, but is no longer a default)' },
    { path: '/programmes/:id/restore', archived: false, summary: 'Restore an archived programme (422 when, as a default, it now overlaps another default)' },
  ] as const;
  for (const { path, archived, summary } of archiveActions) {
    app.post(path, {
      schema: { tags, summary, params: idParams, body: programmeVersionInput, response: { 200: programme, ...errorResponses(400, 401, 403, 404, 409, 422) } },
      handler: async (request) => programmes.setArchived(requirePrincipal(request), request.params.id, request.body.version, archived),
    });
  }
}
