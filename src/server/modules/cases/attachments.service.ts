import { createHash, randomUUID } from 'node:crypto';
import type { AttachmentPurpose } from '../../../shared/domain/desk';
import type { Db } from '../../db/client';
import { recordAudit } from '../../platform/audit/audit';
import { withActor, type Actor, type Principal } from '../../platform/auth/actor';
import { assertCan } from '../../platform/auth/authorize';
import { AppError, notFound } from '../../platform/errors';
import { findActivity } from './activities.repository';
import { sniffAttachmentType } from './attachment-type';
import { casePolicy } from './cases.policy';
import * as cases from './cases.repository';
import * as work from './case-work.repository';

/** Files on a case (a specification and an estimate to review, minutes…). Partners never see them. */
export function createAttachmentService(db: Db) {
  async function visibleCase(tx: Db, actor: Actor, caseId: string) {
    const viewer = casePolicy.viewer(actor);
    assertCan(viewer !== null && casePolicy.canViewContact(actor));
    const found = await cases.findCase(tx, actor.tenantId, caseId, { viewer: viewer! });
    if (!found) throw notFound();
    return found;
  }

  return {
    async upload(
      principal: Principal,
      caseId: string,
      options: { purpose: AttachmentPurpose; activityId?: string },
      file: { fileName: string; bytes: Buffer },
    ): Promise<string> {
      return withActor(db, principal, async (tx, actor) => {
        assertCan(casePolicy.canWork(actor));
        await visibleCase(tx, actor, caseId);
        if (options.activityId) {
          const activity = await findActivity(tx, actor.tenantId, options.activityId);
          if (!activity || activity.caseId !== caseId) throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'activityId', code: 'activity_not_of_case' }] });
        }
        const mediaType = await sniffAttachmentType(file.bytes, file.fileName);
        if (!mediaType) throw new AppError('UNSUPPORTED_MEDIA_TYPE', { fields: [{ path: 'file', code: 'file_type_not_allowed' }] });
        const id = randomUUID();
        const meta = {
          id,
          activityId: options.activityId ?? null,
          purpose: options.purpose,
          fileName: file.fileName.normalize('NFC').slice(0, 200),
          mediaType,
          sizeBytes: file.bytes.length,
          sha256: createHash('sha256').update(file.bytes).digest('hex'),
        };
        await work.insertAttachment(tx, { tenantId: actor.tenantId, caseId, ...meta, contentBase64: file.bytes.toString('base64'), uploadedBy: actor.userId });
        await recordAudit(tx, actor, { action: 'attachment.create', entityType: 'case', entityId: caseId, after: meta });
        await cases.touchCase(tx, actor.tenantId, caseId, actor.userId);
        return id;
      });
    },

    async download(principal: Principal, caseId: string, attachmentId: string) {
      return withActor(db, principal, async (tx, actor) => {
        await visibleCase(tx, actor, caseId);
        const found = await work.findAttachment(tx, actor.tenantId, attachmentId);
        if (!found || found.caseId !== caseId) throw notFound();
        return { fileName: found.fileName, mediaType: found.mediaType, bytes: Buffer.from(found.contentBase64, 'base64') };
      });
    },

    async remove(principal: Principal, caseId: string, attachmentId: string): Promise<void> {
      return withActor(db, principal, async (tx, actor) => {
        assertCan(casePolicy.canWork(actor));
        await visibleCase(tx, actor, caseId);
        const found = await work.findAttachment(tx, actor.tenantId, attachmentId);
        if (!found || found.caseId !== caseId) throw notFound();
        await work.deleteAttachment(tx, actor.tenantId, attachmentId);
        const { contentBase64: _content, tenantId: _tenant, ...meta } = found;
        await recordAudit(tx, actor, { action: 'attachment.delete', entityType: 'case', entityId: caseId, before: meta });
        await cases.touchCase(tx, actor.tenantId, caseId, actor.userId);
      });
    },
  };
}
export type AttachmentService = ReturnType<typeof createAttachmentService>;
