import { expect } from 'vitest';
import type { ApiClient } from './api-client';

/** Helpers for the case and activity import tests: upload, dry run, apply and wait, and CSV text. */

export function multipartFile(fileName: string, bytes: Buffer, contentType = 'application/octet-stream'): { body: Buffer; contentType: string } {
  const boundary = `----tsumugi${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${contentType}\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { body: Buffer.concat([head, bytes, tail]), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** CSV text from rows (quoted when needed), CRLF line ends. */
export function csv(rows: (string | number)[][]): string {
  const quote = (cell: string | number) => {
    const text = String(cell);
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return `${rows.map((row) => row.map(quote).join(',')).join('\r\n')}\r\n`;
}

export function uploadRaw(client: ApiClient, kind: 'cases' | 'activities', fileName: string, bytes: Buffer, sheet?: string) {
  const { body, contentType } = multipartFile(fileName, bytes);
  const query = `kind=${kind}${sheet ? `&sheet=${encodeURIComponent(sheet)}` : ''}`;
  return client.post(`/api/v1/case-imports?${query}`, body, { 'content-type': contentType });
}

export async function upload(client: ApiClient, kind: 'cases' | 'activities', fileName: string, bytes: Buffer) {
  const response = await uploadRaw(client, kind, fileName, bytes);
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

export async function waitForJob(client: ApiClient, id: string) {
  for (let attempt = 0; attempt < 1200; attempt++) {
    const job = (await client.get(`/api/v1/case-imports/${id}`)).json();
    if (job.status === 'completed' || job.status === 'failed') return job;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('import did not finish');
}

export async function dryRun(client: ApiClient, id: string, body: { mapping: Record<string, string | null>; sheet?: string; options?: Record<string, unknown> }) {
  const response = await client.post(`/api/v1/case-imports/${id}/dry-run`, body);
  expect(response.statusCode, response.body).toBe(202);
  return waitForJob(client, id);
}

export async function apply(client: ApiClient, dryRunId: string) {
  const response = await client.post(`/api/v1/case-imports/${dryRunId}/apply`);
  expect(response.statusCode, response.body).toBe(202);
  return waitForJob(client, response.json().id);
}

/** Upload with the suggested mapping (unless one is given), dry run, and apply unless told not to. */
export async function importFile(
  client: ApiClient,
  kind: 'cases' | 'activities',
  fileName: string,
  bytes: Buffer,
  options: { mapping?: Record<string, string | null>; sheet?: string; options?: Record<string, unknown>; apply?: boolean } = {},
) {
  const uploaded = await upload(client, kind, fileName, bytes);
  const checked = await dryRun(client, uploaded.id, { mapping: options.mapping ?? uploaded.suggestedMapping, sheet: options.sheet, options: options.options });
  const applied = options.apply === false ? null : await apply(client, uploaded.id);
  return { uploaded, checked, applied };
}

/** line → ["column:code", …] of a job's rejected rows. */
export function reasonsByLine(job: { rejected: { line: number; reasons: { column: string | null; code: string }[] }[] }) {
  return Object.fromEntries(job.rejected.map((rejection) => [rejection.line, rejection.reasons.map((reason) => `${reason.column}:${reason.code}`)]));
}
