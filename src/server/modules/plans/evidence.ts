/** Evidence on an update follows the case-attachment rules: the same types, read from the bytes, and 10 MB. */
export { ATTACHMENT_LIMIT_BYTES as EVIDENCE_LIMIT_BYTES, sniffAttachmentType as sniffEvidenceType } from '../cases/attachment-type';
