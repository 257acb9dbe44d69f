import { z } from 'zod';
import {
  activity,
  activityCreateInput,
  activityList,
  activityUpdateInput,
  attachmentUploadQuery,
  caseBoard,
  caseCreateInput,
  caseDetail,
  caseListQuery,
  casePage,
  caseTransitionInput,
  caseUpdateInput,
  followUpList,
  followUpListQuery,
  followUpRecordInput,
  nextActionCreateInput,
  nextActionUpdateInput,
  savedCaseView,
  savedCaseViewInput,
  savedCaseViewList,
} from '../../../shared/schemas/case';
import { errorResponses, version } from '../../../shared/schemas/common';
import { requirePrincipal } from '../../platform/auth/auth.plugin';
import { readUploadedFile } from '../../platform/upload';
import type { App } from '../../platform/http';
import type { Mailer } from '../../platform/mail/mailer';
import type { ActivityService } from './activities.service';
import { ATTACHMENT_LIMIT_BYTES } from './attachment-type';
import type { AttachmentService } from './attachments.service';
import type { CaseService } from './cases.service';

const caseParams = z.strictObject({ id: z.uuid() });
const activityParams = z.strictObject({ id: z.uuid(), activityId: z.uuid() });
const itemParams = z.strictObject({ id: z.uuid(), itemId: z.uuid() });
const tags = ['cases'];

/** Consultation cases (相談案件) and the work under them: thin handlers over the case services. */
export function caseRoutes(app: App, services: { cases: CaseService; activities: ActivityService; attachments: AttachmentService }, mailer: Mailer) {
  const { cases, activities, attachments } = services;
  /** Mail written by a change (assignment…) goes out once the change has committed. */
  const deliver = <T>(result: T): T => {
    mailer.requestDelivery();
    return result;
  };

  app.get('/cases', {
    schema: { tags, summary: 'List and search cases (built-in views: mine, unassigned, overdue, follow-ups due)', querystring: caseListQuery, response: { 200: casePage, ...errorResponses(400, 401, 403) } },
    handler: async (request) => cases.list(requirePrincipal(request), request.query),
  });

  app.get('/cases/board', {
    schema: { tags, summary: 'Cases by status for the board: per column the total and the most recently changed cases', querystring: caseListQuery, response: { 200: caseBoard, ...errorResponses(400, 401, 403) } },
    handler: async (request) => cases.board(requirePrincipal(request), request.query),
  });

  app.post('/cases', {
    schema: {
      tags,
      summary: 'Open a case in one step: company (existing or new), contact, case, first activity',
      body: caseCreateInput,
      response: { 201: caseDetail, ...errorResponses(400, 401, 403, 409) },
    },
    handler: async (request, reply) => reply.status(201).send(deliver(await cases.create(requirePrincipal(request), request.body))),
  });

  app.get('/cases/:id', {
    schema: { tags, summary: 'A case with its 「負」, people, next actions, follow-ups and files', params: caseParams, response: { 200: caseDetail, ...errorResponses(401, 403, 404) } },
    handler: async (request) => cases.get(requirePrincipal(request), request.params.id),
  });

  app.patch('/cases/:id', {
    schema: {
      tags,
      summary: 'Change a case (send the version you read; 409 when somebody saved first)',
      params: caseParams,
      body: caseUpdateInput,
      response: { 200: caseDetail, ...errorResponses(400, 401, 403, 404, 409) },
    },
    handler: async (request) => deliver(await cases.update(requirePrincipal(request), request.params.id, request.body)),
  });

  app.post('/cases/:id/transition', {
    schema: {
      tags,
      summary: 'Move a case to another status (allowed moves only; completing schedules the outcome follow-ups)',
      params: caseParams,
      body: caseTransitionInput,
      response: { 200: caseDetail, ...errorResponses(400, 401, 403, 404, 409, 422) },
    },
    handler: async (request) => cases.transition(requirePrincipal(request), request.params.id, request.body),
  });

  app.get('/cases/:id/activities', {
    schema: { tags, summary: 'The activities of a case, oldest first', params: caseParams, response: { 200: activityList, ...errorResponses(401, 403, 404) } },
    handler: async (request) => activities.list(requirePrincipal(request), request.params.id),
  });

  app.post('/cases/:id/activities', {
    schema: {
      tags,
      summary: 'Record an activity (session, visit, call, mail…) on a case',
      params: caseParams,
      body: activityCreateInput,
      response: { 201: activity, ...errorResponses(400, 401, 403, 404) },
    },
    handler: async (request, reply) => reply.status(201).send(await activities.create(requirePrincipal(request), request.params.id, request.body)),
  });

  app.patch('/cases/:id/activities/:activityId', {
    schema: {
      tags,
      summary: 'Change an activity (send the version you read)',
      params: activityParams,
      body: activityUpdateInput,
      response: { 200: activity, ...errorResponses(400, 401, 403, 404, 409) },
    },
    handler: async (request) => activities.update(requirePrincipal(request), request.params.id, request.params.activityId, request.body),
  });

  app.delete('/cases/:id/activities/:activityId', {
    schema: {
      tags,
      summary: 'Delete an activity recorded by mistake (admins and staff; audited)',
      params: activityParams,
      querystring: z.strictObject({ version: z.coerce.number().pipe(version) }),
      response: { 204: z.null(), ...errorResponses(400, 401, 403, 404, 409) },
    },
    handler: async (request, reply) => {
      await activities.remove(requirePrincipal(request), request.params.id, request.params.activityId, request.query.version);
      return reply.status(204).send(null);
    },
  });

  app.post('/cases/:id/next-actions', {
    schema: { tags, summary: 'Add a next action with a due date', params: caseParams, body: nextActionCreateInput, response: { 201: caseDetail, ...errorResponses(400, 401, 403, 404) } },
    handler: async (request, reply) => reply.status(201).send(await cases.addNextAction(requirePrincipal(request), request.params.id, request.body)),
  });

  app.patch('/cases/:id/next-actions/:itemId', {
    schema: { tags, summary: 'Change or complete a next action', params: itemParams, body: nextActionUpdateInput, response: { 200: caseDetail, ...errorResponses(400, 401, 403, 404, 409) } },
    handler: async (request) => cases.updateNextAction(requirePrincipal(request), request.params.id, request.params.itemId, request.body),
  });

  app.patch('/cases/:id/follow-ups/:itemId', {
    schema: {
      tags,
      summary: 'Record what a follow-up found (tool adopted, process digitised, 補助金, DX認定, hours saved, sales change)',
      params: itemParams,
      body: followUpRecordInput,
      response: { 200: caseDetail, ...errorResponses(400, 401, 403, 404, 409, 422) },
    },
    handler: async (request) => cases.recordFollowUp(requirePrincipal(request), request.params.id, request.params.itemId, request.body),
  });

  app.get('/case-views', {
    schema: { tags, summary: 'My saved case filters', response: { 200: savedCaseViewList, ...errorResponses(401, 403) } },
    handler: async (request) => cases.savedViews(requirePrincipal(request)),
  });

  app.post('/case-views', {
    schema: { tags, summary: 'Save the current case filters under a name', body: savedCaseViewInput, response: { 201: savedCaseView, ...errorResponses(400, 401, 403) } },
    handler: async (request, reply) => reply.status(201).send(await cases.saveView(requirePrincipal(request), request.body)),
  });

  app.delete('/case-views/:id', {
    schema: { tags, summary: 'Delete one of my saved filters', params: caseParams, response: { 204: z.null(), ...errorResponses(401, 403, 404) } },
    handler: async (request, reply) => {
      await cases.deleteView(requirePrincipal(request), request.params.id);
      return reply.status(204).send(null);
    },
  });

  app.get('/follow-ups', {
    schema: { tags, summary: 'Follow-ups to do across the cases one may see', querystring: followUpListQuery, response: { 200: followUpList, ...errorResponses(400, 401, 403) } },
    handler: async (request) => cases.followUpsDue(requirePrincipal(request), request.query),
  });

  app.post('/cases/:id/attachments', {
    schema: {
      tags,
      summary: 'Attach a file (up to 10 MB; PDF, Office, images, text, ZIP; the type is read from the bytes)',
      description: 'multipart/form-data with a `file` field.',
      params: caseParams,
      querystring: attachmentUploadQuery,
      consumes: ['multipart/form-data'],
      response: { 201: caseDetail, ...errorResponses(400, 401, 403, 404, 413, 415) },
    },
    handler: async (request, reply) => {
      const principal = requirePrincipal(request);
      const { fileName, bytes } = await readUploadedFile(request, ATTACHMENT_LIMIT_BYTES);
      await attachments.upload(principal, request.params.id, request.query, { fileName, bytes });
      return reply.status(201).send(await cases.get(principal, request.params.id));
    },
  });

  app.get('/cases/:id/attachments/:itemId', {
    schema: {
      tags,
      summary: 'Download an attached file',
      params: itemParams,
      produces: ['application/octet-stream'],
      response: { 200: z.string().describe('The file'), ...errorResponses(401, 403, 404) },
    },
    handler: async (request, reply) => {
      const file = await attachments.download(requirePrincipal(request), request.params.id, request.params.itemId);
      // Always a download, never rendered in the app's origin.
      return reply
        .header('content-type', file.mediaType)
        .header('content-disposition', `attachment; filename="file"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
        .header('cache-control', 'private, no-store')
        .send(file.bytes as never);
    },
  });

  app.delete('/cases/:id/attachments/:itemId', {
    schema: { tags, summary: 'Remove an attached file (audited)', params: itemParams, response: { 204: z.null(), ...errorResponses(401, 403, 404) } },
    handler: async (request, reply) => {
      await attachments.remove(requirePrincipal(request), request.params.id, request.params.itemId);
      return reply.status(204).send(null);
    },
  });
}
