import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { isResponseSerializationError } from 'fastify-type-provider-zod';
import type { ErrorBody, ErrorCode, FieldError } from '../../shared/errors';
import { errorStatus } from '../../shared/errors';
import { AppError } from './errors';
import { RequestValidationError } from './http';
import { localeFromAcceptLanguage, translator } from './i18n';

/**
 * The one place where failures become HTTP: coded errors keep their status and get a translated
 * message; Fastify's own client errors (bad JSON, too large, wrong content type) get the matching code;
 * anything else is logged and answered with a generic 500 that reveals nothing.
 */
export function handleError(error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply) {
  const t = translator(request.locale ?? localeFromAcceptLanguage(request.headers['accept-language']));
  const send = (code: ErrorCode, fields: Omit<FieldError, 'message'>[] = [], extra: { params?: Record<string, string | number>; details?: Record<string, unknown> } = {}) => {
    const body: ErrorBody = {
      error: {
        code,
        message: t(code, extra.params ?? {}),
        fields: fields.map((field) => ({ ...field, message: t(`field.${field.code}`, { ...field.params, defaultValue: t('field.invalid') }) })),
        // Parameters of the message (minutes of a lockout, an upload limit) travel as details too, for the UI's own wording.
        ...(extra.details || extra.params ? { details: { ...extra.params, ...extra.details } } : {}),
      },
    };
    return reply.status(errorStatus[code]).send(body);
  };

  if (error instanceof AppError) {
    if (error.options.cookies?.length) reply.header('set-cookie', error.options.cookies);
    return send(error.code, error.options.fields ?? [], { params: error.options.params, details: error.options.details });
  }
  if (error instanceof RequestValidationError) {
    return send('VALIDATION_FAILED', error.fieldErrors());
  }
  if (isResponseSerializationError(error)) {
    request.log.error({ err: error }, 'response did not match its schema');
    return send('INTERNAL');
  }
  const fastifyError = error as FastifyError;
  const status = fastifyError.statusCode ?? 500;
  if (status === 413 || fastifyError.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || fastifyError.code === 'FST_REQ_FILE_TOO_LARGE') {
    return send('PAYLOAD_TOO_LARGE', [], { params: { limit: '10 MB' } });
  }
  if (status === 415 || fastifyError.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return send('UNSUPPORTED_MEDIA_TYPE');
  if (status === 429) return send('RATE_LIMITED');
  if (status === 404) return send('NOT_FOUND');
  if (status >= 400 && status < 500) return send('BAD_REQUEST');

  request.log.error({ err: error }, 'unhandled error');
  return send('INTERNAL');
}
