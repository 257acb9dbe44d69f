import { mailPage, mailQuery } from '../../../shared/schemas/audit';
import { errorResponses } from '../../../shared/schemas/common';
import { requirePrincipal } from '../../platform/auth/auth.plugin';
import type { App } from '../../platform/http';
import type { MailService } from './mail.service';

export function mailRoutes(app: App, mail: MailService) {
  app.get('/mail-messages', {
    schema: { tags: ['mail'], summary: 'The mail outbox of the tenant (admins)', querystring: mailQuery, response: { 200: mailPage, ...errorResponses(400, 401, 403) } },
    handler: async (request) => mail.list(requirePrincipal(request), request.query),
  });
}
