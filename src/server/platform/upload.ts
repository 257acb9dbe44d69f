import type { FastifyRequest } from 'fastify';
import { AppError } from './errors';

/**
 * Reads the one `file` field of a multipart request into memory, refusing what is not multipart (415),
 * larger than `limitBytes` (413, with the limit in the message) or empty (400 on `file`). Every upload
 * (register and case imports, attachments) goes through here.
 */
export async function readUploadedFile(request: FastifyRequest, limitBytes: number): Promise<{ fileName: string; bytes: Buffer }> {
  if (!request.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
  let upload: { fileName: string; bytes: Buffer };
  try {
    const file = await request.file({ limits: { fileSize: limitBytes } });
    if (!file) throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'file', code: 'required' }] });
    upload = { fileName: file.filename, bytes: await file.toBuffer() };
  } catch (error) {
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
      throw new AppError('PAYLOAD_TOO_LARGE', { params: { limit: `${Math.round(limitBytes / 1024 / 1024)} MB` } });
    }
    throw error;
  }
  if (upload.bytes.length === 0) throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'file', code: 'required' }] });
  return upload;
}
