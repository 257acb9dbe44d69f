import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import { sql } from 'drizzle-orm';
import Fastify, { type FastifyRequest } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject, serializerCompiler } from 'fastify-type-provider-zod';
import type { Config } from './config';
import type { Database } from './db/client';
import { registerAuth, type AuthSystem } from './platform/auth/auth.plugin';
import { csrfGuard } from './platform/csrf';
import { handleError } from './platform/error-handler';
import type { App } from './platform/http';
import { zodValidatorCompiler } from './platform/http';
import { createMailer, type Mailer } from './platform/mail/mailer';
import { projectPath } from './platform/project-path';
import { registerModules } from './modules';

declare module 'fastify' {
  interface FastifyInstance {
    /** Delivers the mail outbox (after the commits that fill it, and on a timer in main.ts). */
    mailer: Mailer;
  }
}

export interface AppDependencies {
  config: Config;
  database: Database;
  auth: AuthSystem;
  mailer?: Mailer;
}

function sessionKey(request: FastifyRequest): string | undefined {
  const entry = Object.entries(request.cookies ?? {}).find(([name]) => name.endsWith('.session_token'));
  return entry ? `session:${entry[1]}` : undefined;
}

/** The 10 MB upload limit named in the product's rules for attachments and imports. */
export const UPLOAD_LIMIT_BYTES = 10 * 1024 * 1024;

/** Composes the HTTP application: platform plugins, the error mapper, module routes and the web build. */
export async function buildApp(deps: AppDependencies): Promise<App> {
  const { config } = deps;
  const app = Fastify({
    logger: {
      level: config.logLevel,
      // Personal data stays out of logs: no bodies, no query strings, no cookies or auth headers.
      serializers: {
        req: (request) => ({ method: request.method, url: request.routeOptions?.url ?? request.url.split('?')[0], id: request.id }),
        res: (reply) => ({ statusCode: reply.statusCode }),
      },
      redact: ['req.headers.cookie', 'req.headers.authorization'],
    },
    genReqId: () => randomUUID(),
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
    ajv: { customOptions: { removeAdditional: false } },
  }).withTypeProvider() as unknown as App;

  app.setValidatorCompiler(zodValidatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);
  app.decorateRequest('locale', 'ja');

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    // Served over plain HTTP on a closed network as often as over HTTPS behind a proxy.
    hsts: config.publicUrl.startsWith('https://'),
    crossOriginEmbedderPolicy: false,
  });
  await app.register(fastifyCookie);
  await app.register(fastifyMultipart, { limits: { fileSize: UPLOAD_LIMIT_BYTES, files: 1, fields: 10 } });
  await app.register(fastifyRateLimit, {
    global: true,
    max: config.rateLimits.apiPerMinute,
    timeWindow: '1 minute',
    allowList: (request) => !request.url.startsWith('/api/'),
    // A whole office may share one address: count signed-in traffic per session, the rest per address.
    keyGenerator: (request) => sessionKey(request) ?? request.ip,
    errorResponseBuilder: (_request, context) => Object.assign(new Error('rate limited'), { statusCode: context.statusCode }),
  });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Tsumugi API',
        version: '1',
        description:
          'The API of Tsumugi (つむぎ), a platform for regional DX support. Errors are `{ "error": { "code", "message", "fields" } }`. ' +
          'State-changing requests need the `X-CSRF-Token` header (from `GET /api/v1/auth/session`); tenant-scoped requests may name the tenant in `X-Tenant-Id`.',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'tsumugi.session_token' } } },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });

  app.addHook('onRequest', csrfGuard(config));
  await registerAuth(app, deps.auth);

  app.get('/api/health', { schema: { hide: true } }, async () => {
    await deps.database.db.execute(sql`SELECT 1`);
    return { status: 'ok' as const };
  });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  const mailer = deps.mailer ?? createMailer(config, deps.database.db, app.log);
  app.decorate('mailer', mailer);
  app.addHook('onClose', async () => mailer.stop());
  await app.register(async (api) => registerModules(api as unknown as App, { ...deps, mailer }), { prefix: '/api/v1' });

  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/') || request.method !== 'GET') {
      return handleError(Object.assign(new Error('not found'), { statusCode: 404, code: 'NOT_FOUND' }), request, reply);
    }
    return reply.type('text/html; charset=utf-8').sendFile('index.html');
  });
  const webRoot = projectPath('dist/web');
  if (existsSync(webRoot)) {
    await app.register(fastifyStatic, {
      root: webRoot,
      // Looks files up per request, so a rebuilt dist/web is served without a restart.
      wildcard: true,
      preCompressed: true,
      cacheControl: false,
      setHeaders: (reply, filePath) => {
        // Vite puts a content hash in every asset name: those never change.
        reply.header('cache-control', filePath.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }
  return app;
}
