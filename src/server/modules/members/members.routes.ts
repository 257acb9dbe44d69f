import { z } from 'zod';
import { ok } from '../../../shared/schemas/auth';
import { errorResponses } from '../../../shared/schemas/common';
import {
  invitation,
  invitationAcceptInput,
  invitationInput,
  invitationList,
  invitationPreview,
  memberList,
  memberRemoveInput,
  memberUpdateInput,
} from '../../../shared/schemas/members';
import { requirePrincipal } from '../../platform/auth/auth.plugin';
import type { App } from '../../platform/http';
import type { Config } from '../../config';
import type { Mailer } from '../../platform/mail/mailer';
import type { MemberService } from './members.service';

const tags = ['users'];
const userParams = z.strictObject({ userId: z.uuid() });
const invitationParams = z.strictObject({ id: z.uuid() });
const tokenParams = z.strictObject({ tenantId: z.uuid(), token: z.string().min(20).max(100) });

/** People of the current tenant, their roles, and invitations. */
export function memberRoutes(app: App, members: MemberService, mailer: Mailer, config: Config) {
  app.get('/users', {
    schema: { tags, summary: 'Members of the current tenant', response: { 200: memberList, ...errorResponses(401, 403) } },
    handler: async (request) => members.list(requirePrincipal(request)),
  });

  app.patch('/users/:userId', {
    schema: {
      tags,
      summary: "Change a member's role (a tenant keeps at least one admin)",
      params: userParams,
      body: memberUpdateInput,
      response: { 200: ok, ...errorResponses(400, 401, 403, 404, 409, 422) },
    },
    handler: async (request) => members.changeRole(requirePrincipal(request), request.params.userId, request.body.role, request.body.version),
  });

  app.post('/users/:userId/remove', {
    schema: {
      tags,
      summary: 'Remove a member from the tenant (their account stays)',
      params: userParams,
      body: memberRemoveInput,
      response: { 200: ok, ...errorResponses(400, 401, 403, 404, 409, 422) },
    },
    handler: async (request) => members.remove(requirePrincipal(request), request.params.userId, request.body.version),
  });

  app.get('/invitations', {
    schema: { tags, summary: 'Open invitations', response: { 200: invitationList, ...errorResponses(401, 403) } },
    handler: async (request) => members.listInvitations(requirePrincipal(request)),
  });

  app.post('/invitations', {
    schema: { tags, summary: 'Invite a person by e-mail', body: invitationInput, response: { 201: invitation, ...errorResponses(400, 401, 403, 409) } },
    handler: async (request, reply) => {
      const created = await members.invite(requirePrincipal(request), request.body.email, request.body.role);
      mailer.requestDelivery();
      return reply.status(201).send(created);
    },
  });

  app.post('/invitations/:id/revoke', {
    schema: { tags, summary: 'Withdraw an invitation', params: invitationParams, response: { 200: ok, ...errorResponses(401, 403, 404) } },
    handler: async (request) => members.revokeInvitation(requirePrincipal(request), request.params.id),
  });

  app.get('/public/invitations/:tenantId/:token', {
    schema: { tags, summary: 'What an invitation link offers (no sign-in)', params: tokenParams, response: { 200: invitationPreview, ...errorResponses(400, 422) } },
    handler: async (request) => members.preview(request.params.tenantId, request.params.token),
  });

  app.post('/public/invitations/:tenantId/:token/accept', {
    config: { rateLimit: { max: config.rateLimits.signInPerMinute, timeWindow: '1 minute', keyGenerator: (request: { ip: string }) => request.ip } },
    schema: {
      tags,
      summary: 'Accept an invitation: a new person sends a name and password; an existing one signs in first',
      params: tokenParams,
      body: invitationAcceptInput,
      response: { 200: ok, ...errorResponses(400, 401, 403, 409, 422, 429) },
    },
    handler: async (request) => members.accept(request.params.tenantId, request.params.token, request.body, request.identity, request.locale),
  });
}
