import { fileTypeFromBuffer } from 'file-type';

/** Attachments are limited to what a desk exchanges: documents, spreadsheets, slides, images, archives and text. */
export const ATTACHMENT_LIMIT_BYTES = 10 * 1024 * 1024;

const allowedBinary = new Map<string, string>([
  ['application/pdf', 'pdf'],
  ['application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'docx'],
  ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'xlsx'],
  ['application/vnd.openxmlformats-officedocument.presentationml.presentation', 'pptx'],
  ['application/x-cfb', 'doc/xls/ppt'],
  ['application/vnd.oasis.opendocument.text', 'odt'],
  ['application/vnd.oasis.opendocument.spreadsheet', 'ods'],
  ['image/png', 'png'],
  ['image/jpeg', 'jpg'],
  ['image/gif', 'gif'],
  ['image/webp', 'webp'],
  ['image/heic', 'heic'],
  ['application/zip', 'zip'],
]);

const textExtensions = new Map([
  ['txt', 'text/plain'],
  ['csv', 'text/csv'],
  ['tsv', 'text/tab-separated-values'],
  ['md', 'text/markdown'],
]);

/**
 * The media type of an upload as its bytes say, not as its name or the browser claim: an executable
 * renamed to 見積書.pdf is refused. Text has no signature, so it is accepted for text extensions when it
 * holds no NUL byte. Returns null for anything else.
 */
export async function sniffAttachmentType(bytes: Buffer, fileName: string): Promise<string | null> {
  const detected = await fileTypeFromBuffer(bytes);
  if (detected) return allowedBinary.has(detected.mime) ? detected.mime : null;
  const extension = fileName.toLowerCase().split('.').pop() ?? '';
  const textType = textExtensions.get(extension);
  if (textType && !bytes.subarray(0, 64 * 1024).includes(0)) return textType;
  return null;
}
