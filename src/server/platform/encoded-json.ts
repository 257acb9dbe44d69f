import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';

const gzipAsync = promisify(gzip);

/**
 * A JSON answer serialised once, kept with its gzip form: for bodies many people read and that change rarely
 * (the public 見える化). Serialising a 2,000-node plan (zod encode + JSON.stringify) takes ~50 ms and its 1.9 MB
 * gzip to 0.26 MB, which is what a phone on a slow line waits for; both are done once per state of the plan
 * instead of once per reader (ADR 0017, Performance).
 */
export interface EncodedJson {
  json: Buffer;
  gzip: Buffer;
}

/** Encodes `body` with the route's response schema (as the serialiser would; a mismatch throws) and gzips it off the main thread. */
export async function encodeJson<S extends z.ZodType>(schema: S, body: z.output<S>): Promise<EncodedJson> {
  const json = Buffer.from(JSON.stringify(z.encode(schema, body)));
  return { json, gzip: await gzipAsync(json, { level: 6 }) };
}

export const encodedSize = (value: unknown) => {
  const encoded = value as Partial<EncodedJson> | undefined;
  return (encoded?.json?.length ?? 0) + (encoded?.gzip?.length ?? 0);
};

/** Whether the client takes gzip (Accept-Encoding: gzip, not with q=0). */
export function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  return header.split(',').some((part) => {
    const [coding, ...parameters] = part.trim().toLowerCase().split(';');
    if (coding !== 'gzip' && coding !== '*') return false;
    const quality = parameters.map((parameter) => parameter.trim()).find((parameter) => parameter.startsWith('q='));
    return quality === undefined || Number(quality.slice(2)) > 0;
  });
}

/** Sends an encoded body, gzipped when the client takes it (Vary tells caches the answer depends on that). */
export function sendEncodedJson(request: FastifyRequest, reply: FastifyReply, body: EncodedJson) {
  reply.header('content-type', 'application/json; charset=utf-8').header('vary', 'accept-encoding');
  if (acceptsGzip(request.headers['accept-encoding'])) return reply.header('content-encoding', 'gzip').send(body.gzip);
  return reply.send(body.json);
}
