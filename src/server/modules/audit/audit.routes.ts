import { auditPage, auditQuery } from '../../../shared/schemas/audit';
import { errorResponses } from '../../../shared/schemas/common';
import { requirePrincipal } from '../../platform/auth/auth.plugin';
import type { App } from '../../platform/http';
import type { AuditService } from './audit.service';

export function auditRoutes(app: App, audit: AuditService) {
  app.get('/audit-events', {
    schema: { tags: ['audit'], summary: 'Who changed what and when (admins)', querystring: auditQuery, response: { 200: auditPage, ...errorResponses(400, 401, 403) } },
    handler: async (request) => audit.list(requirePrincipal(request), request.query),
  });
}
