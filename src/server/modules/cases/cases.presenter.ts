import type { CaseStatus, CaseType, CaseSource } from '../../../shared/domain/desk';
import { caseTransitions } from '../../../shared/domain/desk';
import type { CaseDetail, CaseSummary } from '../../../shared/schemas/case';
import type { Actor } from '../../platform/auth/actor';
import { presentCompanySummary } from '../companies/companies.presenter';
import type { CompanyRecord } from '../companies/companies.repository';
import { casePolicy } from './cases.policy';
import type { CaseListRow, CaseRecord, FollowUpRow } from './cases.repository';

export interface Names {
  people: Map<string, string>;
  themes: Map<string, string>;
}

const person = (names: Names, id: string | null) => (id ? { id, name: names.people.get(id) ?? '' } : null);

/** The list shape of a case. */
export function presentCaseSummary(row: CaseListRow, names: Names, actor: Actor): CaseSummary {
  return {
    id: row.id,
    receiptNumber: row.receiptNumber,
    fiscalYear: row.fiscalYear,
    caseType: row.caseType as CaseType,
    status: row.status as CaseStatus,
    title: row.title,
    company: { id: row.companyId, name: row.companyName },
    themes: row.themeIds.filter((id) => names.themes.has(id)).map((id) => ({ id, name: names.themes.get(id)! })),
    coordinator: person(names, row.coordinatorId),
    source: row.source as CaseSource,
    openedOn: row.openedOn,
    closedOn: row.closedOn,
    nextDueOn: row.nextDueOn,
    allowedTransitions: casePolicy.canWork(actor) ? [...caseTransitions[row.status as CaseStatus]] : [],
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}

export function presentFollowUp(row: FollowUpRow) {
  return {
    id: row.id,
    caseId: row.caseId,
    monthsAfter: row.monthsAfter,
    dueOn: row.dueOn,
    status: row.status as 'scheduled' | 'done' | 'skipped' | 'cancelled',
    recordedOn: row.recordedOn,
    toolAdopted: row.toolAdopted,
    toolName: row.toolName,
    processDigitised: row.processDigitised,
    subsidyApplied: row.subsidyApplied,
    subsidyAdopted: row.subsidyAdopted,
    dxCertified: row.dxCertified,
    hoursSavedPerMonth: row.hoursSavedPerMonth,
    salesChange: row.salesChange as 'increase' | 'flat' | 'decrease' | 'unknown' | null,
    salesChangePercent: row.salesChangePercent,
    notes: row.notes,
    version: row.version,
  };
}

/** The full case, with what the actor may do with it. Partners see no contact data and no files. */
export function presentCase(record: CaseRecord, company: CompanyRecord, names: Names, actor: Actor): CaseDetail {
  const canWork = casePolicy.canWork(actor);
  const viewContact = casePolicy.canViewContact(actor);
  const contact = viewContact ? company.contacts.find((candidate) => candidate.id === record.contactId) : undefined;
  const nextDue = record.nextActions.filter((action) => !action.doneAt).map((action) => action.dueOn).sort()[0] ?? null;
  return {
    ...presentCaseSummary({ ...record, companyName: company.name, nextDueOn: nextDue, sortValue: '' }, names, actor),
    company: presentCompanySummary(company),
    contact: contact ? { id: contact.id, name: contact.name, role: contact.role, email: contact.email, phone: contact.phone } : null,
    description: record.description,
    preferredChannel: record.preferredChannel as CaseDetail['preferredChannel'],
    participants: record.participants.map((participant) => ({
      user: person(names, participant.userId)!,
      kind: participant.kind as 'expert' | 'partner',
      roleLabel: participant.roleLabel,
    })),
    painPoints: record.painPoints.map((pain) => ({
      id: pain.id,
      process: pain.process,
      sufferer: pain.sufferer,
      hoursLostPerMonth: pain.hoursLostPerMonth,
      severity: pain.severity as 'low' | 'medium' | 'high',
      description: pain.description,
    })),
    consentTerms: record.consentTerms,
    consentSharePartners: record.consentSharePartners,
    outcomeSummary: record.outcomeSummary,
    externalRef: record.externalRef,
    nextActions: record.nextActions.map((action) => ({
      id: action.id,
      title: action.title,
      dueOn: action.dueOn,
      assignee: person(names, action.assigneeId),
      doneAt: action.doneAt?.toISOString() ?? null,
      version: action.version,
    })),
    followUps: record.followUps.map(presentFollowUp),
    attachments: viewContact
      ? record.attachments.map((file) => ({
          id: file.id,
          activityId: file.activityId,
          purpose: file.purpose as 'specification' | 'estimate' | 'minutes' | 'other',
          fileName: file.fileName,
          mediaType: file.mediaType,
          sizeBytes: file.sizeBytes,
          uploadedAt: file.uploadedAt.toISOString(),
          uploadedBy: person(names, file.uploadedBy),
        }))
      : [],
    activityCount: record.activityCount,
    createdAt: record.createdAt.toISOString(),
    version: record.version,
    abilities: {
      update: canWork,
      transition: canWork,
      assign: casePolicy.canAssign(actor),
      addActivity: canWork,
      deleteActivity: casePolicy.canAssign(actor),
      attach: canWork,
      viewContact,
      viewAudit: casePolicy.canViewAudit(actor),
    },
  };
}

/** People whose names a case shows. */
export function peopleOf(record: CaseRecord): string[] {
  return [
    ...(record.coordinatorId ? [record.coordinatorId] : []),
    ...record.participants.map((participant) => participant.userId),
    ...record.nextActions.flatMap((action) => (action.assigneeId ? [action.assigneeId] : [])),
    ...record.attachments.flatMap((file) => (file.uploadedBy ? [file.uploadedBy] : [])),
  ];
}

/** The audit trail's view of a case: its own fields and lists, no derived search text. */
export function auditStateOf(record: CaseRecord) {
  return {
    receiptNumber: record.receiptNumber,
    caseType: record.caseType,
    status: record.status,
    companyId: record.companyId,
    contactId: record.contactId,
    title: record.title,
    description: record.description,
    preferredChannel: record.preferredChannel,
    themeIds: record.themeIds,
    coordinatorId: record.coordinatorId,
    consentTerms: record.consentTerms,
    consentSharePartners: record.consentSharePartners,
    openedOn: record.openedOn,
    closedOn: record.closedOn,
    outcomeSummary: record.outcomeSummary,
    participants: record.participants.map(({ userId, kind, roleLabel }) => ({ userId, kind, roleLabel })),
    painPoints: record.painPoints.map(({ process, sufferer, hoursLostPerMonth, severity, description }) => ({ process, sufferer, hoursLostPerMonth, severity, description })),
  };
}
