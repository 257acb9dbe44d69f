import { and, eq, sql } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { EntityType } from '../../../shared/schemas/company';
import type { PublicIntakeInput, publicDesk, publicIntakeReceipt } from '../../../shared/schemas/desk';
import { APP_ROLE, type Db } from '../../db/client';
import { deskCase, tenant } from '../../db/schema';
import type { Actor } from '../../platform/auth/actor';
import { AppError, notFound } from '../../platform/errors';
import { translator, type Locale } from '../../platform/i18n';
import { enqueueMails, type OutgoingMail } from '../../platform/mail/outbox';
import { checkThemes, throwIfProblems } from '../cases/case-checks';
import { japanToday } from '../cases/case-rules';
import { openCase } from '../cases/cases.service';
import { findLikelyDuplicates, insertContact, listContacts } from '../companies/companies.repository';
import { completeCompanyState, type CompanyService, type CompanyState } from '../companies/companies.service';
import { companyNameKey } from '../companies/company-rules';
import { recordAudits, type AuditChange } from '../../platform/audit/audit';
import * as desk from '../desk/desk.repository';
import { checkFormToken, issueFormToken } from './form-token';

interface PublicDeskContext {
  tenant: { id: string; slug: string; name: string };
  termsText: string;
  notifyAddress: string | null;
  /** The form acts for nobody: audit records show no person, and createdBy stays empty. */
  actor: Actor;
}

/** A Postgres unique violation (two copies of one submission raced). */
function isUniqueViolation(error: unknown): boolean {
  const cause = (error as { cause?: { code?: string } }).cause;
  return (error as { code?: string }).code === '23505' || cause?.code === '23505';
}

/**
 * The public consultation form (no sign-in). A request finds its desk by slug, then works inside that
 * tenant under row-level security exactly like a signed-in request would.
 */
export function createPublicIntakeService(db: Db, companies: CompanyService, config: { publicUrl: string }, secret: string) {
  /**
   * Desks by slug: a slug names the same tenant for good, so the lookup is kept a minute; the form's settings
   * (open or closed, terms) for two seconds, which is how long closing the form takes to show. The form is
   * served and sent often, and every statement saved counts at a few hundred requests a second.
   */
  const settingsByTenant = new Map<string, { settings: Awaited<ReturnType<typeof desk.findSettings>>; until: number }>();
  const desksBySlug = new Map<string, { tenant: { id: string; slug: string; name: string }; until: number }>();

  async function findDesk(tx: Db, slug: string) {
    const cached = desksBySlug.get(slug);
    if (cached && cached.until > Date.now()) {
      await tx.execute(sql`SELECT set_config('role', ${APP_ROLE}, true), set_config('app.user_id', '', true), set_config('app.tenant_id', ${cached.tenant.id}, true)`);
      return cached.tenant;
    }
    await tx.execute(sql`SELECT set_config('role', ${APP_ROLE}, true), set_config('app.user_id', '', true), set_config('app.public_lookup', 'on', true)`);
    const [found] = await tx.select({ id: tenant.id, slug: tenant.slug, name: tenant.name }).from(tenant).where(eq(tenant.slug, slug));
    await tx.execute(sql`SELECT set_config('app.public_lookup', '', true), set_config('app.tenant_id', ${found?.id ?? ''}, true)`);
    if (found) desksBySlug.set(slug, { tenant: found, until: Date.now() + 60_000 });
    return found ?? null;
  }

  async function withDesk<T>(slug: string, locale: Locale, work: (tx: Db, context: PublicDeskContext) => Promise<T>): Promise<T> {
    return db.transaction(async (transaction) => {
      const tx = transaction as unknown as Db;
      const found = await findDesk(tx, slug);
      if (!found) throw notFound();
      const cached = settingsByTenant.get(found.id);
      const settings = cached && cached.until > Date.now() ? cached.settings : await desk.findSettings(tx, found.id);
      if (settings !== cached?.settings) settingsByTenant.set(found.id, { settings, until: Date.now() + 2_000 });
      if (!settings?.intakeEnabled) throw new AppError('INTAKE_CLOSED');
      return work(tx, {
        tenant: found,
        termsText: settings.termsText,
        notifyAddress: settings.notifyAddress,
        actor: { userId: '', tenantId: found.id, role: 'viewer', locale },
      });
    });
  }

  /**
   * The register entry and contact of a requester: the same 法人番号, else one unambiguous same-name entry in
   * the same municipality, else a new entry (with the requester as its contact). A known company gets the
   * requester as a new contact unless one with the same address is there.
   */
  async function requester(tx: Db, actor: Actor, input: PublicIntakeInput): Promise<{ companyId: string; contactId: string; audits: AuditChange[] }> {
    const candidates = await findLikelyDuplicates(tx, actor.tenantId, {
      corporateNumber: input.corporateNumber,
      nameKey: companyNameKey(input.companyName) || null,
      municipalityCode: input.municipalityCode,
      excludeId: null,
    });
    const active = candidates.filter((candidate) => !candidate.archivedAt);
    const known = active.find((candidate) => candidate.reason === 'corporate_number') ?? (!input.corporateNumber && active.length === 1 ? active[0] : undefined);
    const contact = {
      id: randomUUID(),
      name: input.contactName,
      nameKana: null,
      role: input.contactRole,
      email: input.email,
      phone: input.phone,
    };
    if (known) {
      const contacts = await listContacts(tx, actor.tenantId, known.id);
      const same = contacts.find((candidate) => candidate.email === input.email);
      if (same) return { companyId: known.id, contactId: same.id, audits: [] };
      await insertContact(tx, actor.tenantId, known.id, { ...contact, isPrimary: contacts.length === 0, position: contacts.length });
      return { companyId: known.id, contactId: contact.id, audits: [{ action: 'company.contact_add', entityType: 'company', entityId: known.id, after: { contact } }] };
    }
    const draft: CompanyState = {
      name: input.companyName,
      nameKana: null,
      entityType: input.entityType as EntityType,
      corporateNumber: input.corporateNumber,
      representativeName: null,
      representativeTitle: null,
      postalCode: null,
      prefectureCode: null,
      municipalityCode: input.municipalityCode,
      addressLine: null,
      jsicMajor: input.jsicMajor,
      jsicMiddle: null,
      employees: input.employees,
      capitalYen: null,
      // Staff check what a requester typed before the entry is trusted (a missing 法人番号, a misspelt name).
      tags: ['Webフォーム', '要確認'],
      notes: null,
      consentShareWithPartners: input.consentSharePartners,
      contacts: [{ ...contact, isPrimary: true }],
      externalIds: [],
    };
    const { state, problems } = completeCompanyState(draft);
    // A requester may not know the 法人番号: the entry is created and tagged 要確認 instead of refusing the request.
    throwIfProblems(problems.filter((problem) => problem.code !== 'corporate_number_required'));
    const audits: AuditChange[] = [];
    const [created] = await companies.insertCompanies(tx, actor, [{ state }], audits);
    return { companyId: created!.id, contactId: contact.id, audits };
  }

  async function existingReceipt(tx: Db, tenantId: string, submissionId: string) {
    const [row] = await tx
      .select({ receiptNumber: deskCase.receiptNumber, createdAt: deskCase.createdAt })
      .from(deskCase)
      .where(and(eq(deskCase.tenantId, tenantId), eq(deskCase.publicSubmissionId, submissionId)));
    return row ?? null;
  }

  async function submitOnce(slug: string, input: PublicIntakeInput, locale: Locale): Promise<z.output<typeof publicIntakeReceipt>> {
    return withDesk(slug, locale, async (tx, context) => {
      const { actor } = context;
      const token = checkFormToken(secret, input.formToken, context.tenant.id);
      if (!token.ok) throw new AppError(token.reason === 'too_fast' ? 'FORM_TOO_FAST' : 'FORM_EXPIRED');
      const previous = await existingReceipt(tx, actor.tenantId, token.submissionId);
      if (previous) return { receiptNumber: previous.receiptNumber, receivedAt: previous.createdAt.toISOString(), email: input.email };
      if (input.themeIds.length > 0) throwIfProblems(await checkThemes(tx, actor.tenantId, input.themeIds));
      const { companyId, contactId, audits } = await requester(tx, actor, input);
      const title = input.troubles.split('\n')[0]!.slice(0, 60);
      // Everything search matches is known here: no need to read the case back (refreshSearchText) on this hot path.
      const created = await openCase(tx, actor, {
        companyId,
        contactId,
        caseType: 'business',
        title,
        description: input.troubles,
        preferredChannel: input.preferredChannel,
        themeIds: input.themeIds,
        coordinatorId: null,
        consentTerms: true,
        consentSharePartners: input.consentSharePartners,
        openedOn: japanToday(),
        source: 'public',
        publicSubmissionId: token.submissionId,
        searchParts: { title, description: input.troubles, companyName: input.companyName, painPoints: [], activityNotes: [], outcomeSummary: null },
      });
      await recordAudits(tx, actor, [
        ...audits,
        { action: 'case.create', entityType: 'case', entityId: created.id, after: { receiptNumber: created.receiptNumber, source: 'public', companyId, contactId } },
      ]);
      const receivedAt = new Intl.DateTimeFormat(locale === 'ja' ? 'ja-JP' : 'en-GB', { timeZone: 'Asia/Tokyo', dateStyle: 'long', timeStyle: 'short' }).format(created.createdAt);
      const mail = translator(locale, 'mail');
      const labels = translator(locale, 'desk');
      const mails: OutgoingMail[] = [
        {
          tenantId: actor.tenantId,
          to: input.email,
          template: 'intakeReceipt',
          subject: mail('intakeReceipt.subject', { desk: context.tenant.name, receipt: created.receiptNumber }),
          bodyText: mail('intakeReceipt.body', {
            name: input.contactName,
            desk: context.tenant.name,
            channel: labels(`channel.${input.preferredChannel}`),
            receipt: created.receiptNumber,
            company: input.companyName,
            receivedAt,
          }),
        },
      ];
      if (context.notifyAddress) {
        mails.push({
          tenantId: actor.tenantId,
          to: context.notifyAddress,
          template: 'intakeNotify',
          subject: mail('intakeNotify.subject', { receipt: created.receiptNumber }),
          bodyText: mail('intakeNotify.body', { receipt: created.receiptNumber, company: input.companyName, url: `${config.publicUrl}/cases/${created.id}` }),
        });
      }
      await enqueueMails(tx, mails);
      return { receiptNumber: created.receiptNumber, receivedAt: created.createdAt.toISOString(), email: input.email };
    });
  }

  return {
    async describe(slug: string, locale: Locale): Promise<z.output<typeof publicDesk>> {
      return withDesk(slug, locale, async (tx, context) => ({
        slug: context.tenant.slug,
        name: context.tenant.name,
        intakeEnabled: true,
        termsText: context.termsText,
        themes: await desk.activeThemes(tx, context.tenant.id),
        formToken: issueFormToken(secret, context.tenant.id),
      }));
    },

    async submit(slug: string, input: PublicIntakeInput, locale: Locale): Promise<z.output<typeof publicIntakeReceipt>> {
      if (input.website) throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'website', code: 'invalid' }] });
      try {
        return await submitOnce(slug, input, locale);
      } catch (error) {
        // The same submission sent twice at once: the second lost the race on the unique submission ID; answer with the first.
        if (isUniqueViolation(error)) return submitOnce(slug, input, locale);
        throw error;
      }
    },
  };
}
export type PublicIntakeService = ReturnType<typeof createPublicIntakeService>;
