import type { TFunction } from 'i18next';
import type { CaseImportKind, CaseImportTarget } from './case-import.api';

/**
 * The name and explanation of a target field in the UI language. The Japanese label is the header the
 * export writes (the server's label); each key is written out so the catalog extraction keeps it. A
 * field the server adds later falls back to the server's words.
 */
export function targetText(t: TFunction, kind: CaseImportKind, target: CaseImportTarget): { label: string; description: string } {
  return knownTargetText(t, kind, target.field) ?? { label: target.label, description: target.description };
}

function knownTargetText(t: TFunction, kind: CaseImportKind, field: string): { label: string; description: string } | null {
  if (kind === 'cases') {
    switch (field) {
      case 'id':
        return { label: t('caseImport.target.cases.id.label'), description: t('caseImport.target.cases.id.description') };
      case 'externalRef':
        return { label: t('caseImport.target.cases.externalRef.label'), description: t('caseImport.target.cases.externalRef.description') };
      case 'receiptNumber':
        return { label: t('caseImport.target.cases.receiptNumber.label'), description: t('caseImport.target.cases.receiptNumber.description') };
      case 'openedOn':
        return { label: t('caseImport.target.cases.openedOn.label'), description: t('caseImport.target.cases.openedOn.description') };
      case 'caseType':
        return { label: t('caseImport.target.cases.caseType.label'), description: t('caseImport.target.cases.caseType.description') };
      case 'status':
        return { label: t('caseImport.target.cases.status.label'), description: t('caseImport.target.cases.status.description') };
      case 'companyId':
        return { label: t('caseImport.target.cases.companyId.label'), description: t('caseImport.target.cases.companyId.description') };
      case 'companyExternalId':
        return { label: t('caseImport.target.cases.companyExternalId.label'), description: t('caseImport.target.cases.companyExternalId.description') };
      case 'companyCorporateNumber':
        return { label: t('caseImport.target.cases.companyCorporateNumber.label'), description: t('caseImport.target.cases.companyCorporateNumber.description') };
      case 'companyName':
        return { label: t('caseImport.target.cases.companyName.label'), description: t('caseImport.target.cases.companyName.description') };
      case 'title':
        return { label: t('caseImport.target.cases.title.label'), description: t('caseImport.target.cases.title.description') };
      case 'description':
        return { label: t('caseImport.target.cases.description.label'), description: t('caseImport.target.cases.description.description') };
      case 'preferredChannel':
        return { label: t('caseImport.target.cases.preferredChannel.label'), description: t('caseImport.target.cases.preferredChannel.description') };
      case 'themes':
        return { label: t('caseImport.target.cases.themes.label'), description: t('caseImport.target.cases.themes.description') };
      case 'coordinator':
        return { label: t('caseImport.target.cases.coordinator.label'), description: t('caseImport.target.cases.coordinator.description') };
      case 'consentTerms':
        return { label: t('caseImport.target.cases.consentTerms.label'), description: t('caseImport.target.cases.consentTerms.description') };
      case 'consentSharePartners':
        return { label: t('caseImport.target.cases.consentSharePartners.label'), description: t('caseImport.target.cases.consentSharePartners.description') };
      case 'closedOn':
        return { label: t('caseImport.target.cases.closedOn.label'), description: t('caseImport.target.cases.closedOn.description') };
      case 'outcomeSummary':
        return { label: t('caseImport.target.cases.outcomeSummary.label'), description: t('caseImport.target.cases.outcomeSummary.description') };
    }
  }
  if (kind === 'activities') {
    switch (field) {
      case 'id':
        return { label: t('caseImport.target.activities.id.label'), description: t('caseImport.target.activities.id.description') };
      case 'externalRef':
        return { label: t('caseImport.target.activities.externalRef.label'), description: t('caseImport.target.activities.externalRef.description') };
      case 'caseReceiptNumber':
        return { label: t('caseImport.target.activities.caseReceiptNumber.label'), description: t('caseImport.target.activities.caseReceiptNumber.description') };
      case 'caseExternalRef':
        return { label: t('caseImport.target.activities.caseExternalRef.label'), description: t('caseImport.target.activities.caseExternalRef.description') };
      case 'occurredAt':
        return { label: t('caseImport.target.activities.occurredAt.label'), description: t('caseImport.target.activities.occurredAt.description') };
      case 'channel':
        return { label: t('caseImport.target.activities.channel.label'), description: t('caseImport.target.activities.channel.description') };
      case 'minutes':
        return { label: t('caseImport.target.activities.minutes.label'), description: t('caseImport.target.activities.minutes.description') };
      case 'preparationMinutes':
        return { label: t('caseImport.target.activities.preparationMinutes.label'), description: t('caseImport.target.activities.preparationMinutes.description') };
      case 'travelMinutes':
        return { label: t('caseImport.target.activities.travelMinutes.label'), description: t('caseImport.target.activities.travelMinutes.description') };
      case 'staff':
        return { label: t('caseImport.target.activities.staff.label'), description: t('caseImport.target.activities.staff.description') };
      case 'experts':
        return { label: t('caseImport.target.activities.experts.label'), description: t('caseImport.target.activities.experts.description') };
      case 'notes':
        return { label: t('caseImport.target.activities.notes.label'), description: t('caseImport.target.activities.notes.description') };
      case 'reportable':
        return { label: t('caseImport.target.activities.reportable.label'), description: t('caseImport.target.activities.reportable.description') };
      case 'programme':
        return { label: t('caseImport.target.activities.programme.label'), description: t('caseImport.target.activities.programme.description') };
    }
  }
  return null;
}
