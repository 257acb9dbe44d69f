import { z } from 'zod';
import { errorResponses } from '../../../shared/schemas/common';
import { publicDesk, publicIntakeInput, publicIntakeReceipt } from '../../../shared/schemas/desk';
import type { Config } from '../../config';
import type { App } from '../../platform/http';
import type { Mailer } from '../../platform/mail/mailer';
import type { PublicIntakeService } from './public-intake.service';

const params = z.strictObject({ slug: z.string().regex(/^[a-z0-9-]{1,60}$/) });
const tags = ['public'];

/** The public consultation form's API (no sign-in): the desk's form, and sending a request. */
export function publicIntakeRoutes(app: App, intake: PublicIntakeService, mailer: Mailer, config: Config) {
  const perAddress = (max: number) => ({ rateLimit: { max, timeWindow: '1 minute', keyGenerator: (request: { ip: string }) => request.ip } });

  app.get('/public/desks/:slug', {
    config: perAddress(config.rateLimits.publicIntakePerMinute * 4),
    schema: {
      tags,
      summary: 'A desk’s public consultation form: its themes, terms and a fresh form token',
      params,
      response: { 200: publicDesk, ...errorResponses(404, 429) },
    },
    handler: async (request, reply) => reply.header('cache-control', 'no-store').send(await intake.describe(request.params.slug, request.locale)),
  });

  app.post('/public/desks/:slug/consultations', {
    // No session, so no CSRF token: the signed form token ties the request to a served form.
    config: { csrf: false, ...perAddress(config.rateLimits.publicIntakePerMinute) },
    schema: {
      tags,
      summary: 'Ask for a consultation: answers the receipt number (a retried request answers the same one)',
      params,
      body: publicIntakeInput,
      response: { 201: publicIntakeReceipt, ...errorResponses(400, 404, 422, 429) },
    },
    handler: async (request, reply) => {
      const receipt = await intake.submit(request.params.slug, request.body, request.locale);
      mailer.requestDelivery();
      return reply.status(201).send(receipt);
    },
  });
}
