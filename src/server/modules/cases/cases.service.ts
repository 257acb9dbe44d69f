import { randomUUID } from 'node:crypto';
import {
  addMonthsToDate,
  canTransition,
  caseTransitions,
  formatReceiptNumber,
  openCaseStatuses,
  type CaseSource,
  type CaseStatus,
  type CaseType,
  type PreferredChannel,
} from '../../../shared/domain/desk';
import { fiscalYearOf } from '../../../shared/domain/fiscal-year';
import type {
  CaseCreateInput,
  CaseDetail,
  CaseListQuery,
  CaseTransitionInput,
  CaseUpdateInput,
  caseBoard,
  casePage,
  FollowUpRecordInput,
  NextActionCreateInput,
  NextActionUpdateInput,
} from '../../../shared/schemas/case';
import type { z } from 'zod';
import { caseListQuery } from '../../../shared/schemas/case';
import type { Config } from '../../config';
import type { Db } from '../../db/client';
import { recordAudit } from '../../platform/audit/audit';
import { withActor, type Actor, type Principal } from '../../platform/auth/actor';
import { assertCan } from '../../platform/auth/authorize';
import { decodeCursor, encodeCursor } from '../../platform/cursor';
import { AppError, notFound, versionConflict } from '../../platform/errors';
import { findCompany, insertContact, type CompanyRecord } from '../companies/companies.repository';
import type { CompanyService } from '../companies/companies.service';
import { addActivity } from './activities.service';
import { checkPeople, checkThemes, refreshSearchText, rolesFor, throwIfProblems, type FieldProblem } from './case-checks';
import { mailAssignments, type CaseRole } from './case-mail';
import { caseSearchText, japanToday } from './case-rules';
import { casePolicy } from './cases.policy';
import { auditStateOf, peopleOf, presentCase, presentCaseSummary, presentFollowUp, type Names } from './cases.presenter';
import * as repository from './cases.repository';
import type { CaseListRow, CaseRecord, CaseViewer } from './cases.repository';
import * as work from './case-work.repository';


/** What opening a case needs once the company and contact are settled (staff intake, public form, import). */
export interface CaseOpening {
  companyId: string;
  contactId: string | null;
  caseType: CaseType;
  title: string;
  description: string | null;
  preferredChannel: PreferredChannel | null;
  themeIds: string[];
  coordinatorId: string | null;
  consentTerms: boolean;
  consentSharePartners: boolean;
  openedOn: string;
  source: CaseSource;
  status?: CaseStatus;
  externalRef?: string | null;
  publicSubmissionId?: string | null;
  /** What search matches, when the caller already knows all of it (the public form); otherwise refreshSearchText fills it in. */
  searchParts?: Omit<Parameters<typeof caseSearchText>[0], 'receiptNumber'>;
}

/**
 * Inserts a case with its 受付番号 (numbered per fiscal year of receipt) in the caller's transaction.
 * The caller has checked themes and people; this writes the row and its audit record.
 */
export async function openCase(tx: Db, actor: Actor, opening: CaseOpening): Promise<{ id: string; receiptNumber: string; createdAt: Date }> {
  const fiscalYear = fiscalYearOf(opening.openedOn);
  const serial = await repository.nextReceiptSerial(tx, actor.tenantId, fiscalYear);
  const id = randomUUID();
  const now = new Date();
  const receiptNumber = formatReceiptNumber(fiscalYear, serial);
  await repository.insertCase(tx, {
    tenantId: actor.tenantId,
    id,
    receiptNumber,
    fiscalYear,
    caseType: opening.caseType,
    status: opening.status ?? 'received',
    companyId: opening.companyId,
    contactId: opening.contactId,
    title: opening.title,
    description: opening.description,
    preferredChannel: opening.preferredChannel,
    themeIds: opening.themeIds,
    coordinatorId: opening.coordinatorId,
    source: opening.source,
    consentTerms: opening.consentTerms,
    consentSharePartners: opening.consentSharePartners,
    openedOn: opening.openedOn,
    externalRef: opening.externalRef ?? null,
    publicSubmissionId: opening.publicSubmissionId ?? null,
    searchText: opening.searchParts ? caseSearchText({ receiptNumber, ...opening.searchParts }) : '',
    statusChangedAt: now,
    createdAt: now,
    updatedAt: now,
    createdBy: actor.userId || null,
    updatedBy: actor.userId || null,
    version: 1,
  });
  return { id, receiptNumber, createdAt: now };
}

export function createCaseService(db: Db, companies: CompanyService, config: Pick<Config, 'publicUrl'>) {
  function viewerOf(actor: Actor): CaseViewer {
    const viewer = casePolicy.viewer(actor);
    assertCan(viewer !== null);
    return viewer!;
  }

  async function namesFor(tx: Db, tenantId: string, people: string[], themeIds: string[]): Promise<Names> {
    const themes = await repository.themesByIds(tx, tenantId, [...new Set(themeIds)]);
    return { people: await repository.peopleNames(tx, people), themes: new Map(themes.map((theme) => [theme.id, theme.name])) };
  }

  async function load(tx: Db, actor: Actor, id: string, forUpdate = false): Promise<{ record: CaseRecord; company: CompanyRecord }> {
    const record = await repository.findCase(tx, actor.tenantId, id, { viewer: viewerOf(actor), forUpdate });
    if (!record) throw notFound();
    const company = await findCompany(tx, actor.tenantId, record.companyId);
    return { record, company: company! };
  }

  async function detail(tx: Db, actor: Actor, id: string): Promise<CaseDetail> {
    const { record, company } = await load(tx, actor, id);
    const names = await namesFor(tx, actor.tenantId, peopleOf(record), record.themeIds);
    return presentCase(record, company, names, actor);
  }

  async function page(tx: Db, actor: Actor, rows: CaseListRow[]) {
    const names = await namesFor(
      tx,
      actor.tenantId,
      rows.flatMap((row) => (row.coordinatorId ? [row.coordinatorId] : [])),
      rows.flatMap((row) => row.themeIds),
    );
    return rows.map((row) => presentCaseSummary(row, names, actor));
  }

  /** Participants' places: experts must be desk people, partners partners, and sharing needs the requester's consent. */
  async function checkAssignments(
    tx: Db,
    actor: Actor,
    state: { coordinatorId: string | null; participants: CaseCreateInput['participants']; consentSharePartners: boolean },
  ): Promise<FieldProblem[]> {
    const problems = await checkPeople(tx, actor.tenantId, [
      ...(state.coordinatorId ? [{ path: 'coordinatorId', userId: state.coordinatorId, allowed: rolesFor.coordinator }] : []),
      ...state.participants.map((participant, index) => ({
        path: `participants.${index}.userId`,
        userId: participant.userId,
        allowed: participant.kind === 'partner' ? rolesFor.partner : rolesFor.expert,
      })),
    ]);
    state.participants.forEach((participant, index) => {
      if (participant.kind === 'partner' && !state.consentSharePartners) problems.push({ path: `participants.${index}.userId`, code: 'partner_needs_consent' });
    });
    const seen = new Set<string>();
    state.participants.forEach((participant, index) => {
      if (seen.has(participant.userId)) problems.push({ path: `participants.${index}.userId`, code: 'duplicate_value' });
      seen.add(participant.userId);
    });
    return problems;
  }

  function painPointRows(painPoints: CaseCreateInput['painPoints']) {
    return painPoints.map((pain, position) => ({
      id: pain.id ?? randomUUID(),
      process: pain.process,
      sufferer: pain.sufferer,
      hoursLostPerMonth: pain.hoursLostPerMonth,
      severity: pain.severity,
      description: pain.description,
      position,
    }));
  }

  /** Settles the company of an intake: an existing one (not archived) or a new register entry. */
  async function intakeCompany(tx: Db, actor: Actor, choice: CaseCreateInput['company']): Promise<CompanyRecord> {
    if ('id' in choice) {
      const found = await findCompany(tx, actor.tenantId, choice.id);
      if (!found) throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'company.id', code: 'invalid' }] });
      if (found.archivedAt) throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'company.id', code: 'company_archived' }] });
      return found;
    }
    let state;
    try {
      state = companies.validOrThrow(choice.create);
    } catch (error) {
      if (error instanceof AppError && error.options.fields) {
        throw new AppError('VALIDATION_FAILED', { fields: error.options.fields.map((field) => ({ ...field, path: `company.create.${field.path}` })) });
      }
      throw error;
    }
    const [created] = await companies.insertCompanies(tx, actor, [{ state }]);
    return created!;
  }

  async function intakeContact(tx: Db, actor: Actor, company: CompanyRecord, choice: CaseCreateInput['contact']): Promise<string | null> {
    if (!choice) return null;
    if ('id' in choice) {
      if (!company.contacts.some((contact) => contact.id === choice.id)) {
        throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'contact.id', code: 'contact_not_of_company' }] });
      }
      return choice.id;
    }
    const id = randomUUID();
    const contact = { id, ...choice.create, position: company.contacts.length, isPrimary: company.contacts.length === 0 || choice.create.isPrimary };
    await insertContact(tx, actor.tenantId, company.id, contact);
    await recordAudit(tx, actor, { action: 'company.contact_add', entityType: 'company', entityId: company.id, after: { contact: { ...choice.create, id } } });
    return id;
  }

  async function changeCase(tx: Db, actor: Actor, current: CaseRecord, expectedVersion: number, changes: Parameters<typeof repository.updateCase>[4]) {
    if (current.version !== expectedVersion) throw versionConflict(current.version);
    const saved = await repository.updateCase(tx, actor.tenantId, current.id, expectedVersion, { ...changes, updatedAt: new Date(), updatedBy: actor.userId });
    if (!saved) throw versionConflict(current.version);
  }

  async function auditChange(tx: Db, actor: Actor, before: CaseRecord, action: string) {
    const after = (await repository.findCase(tx, actor.tenantId, before.id))!;
    await recordAudit(tx, actor, { action, entityType: 'case', entityId: before.id, before: auditStateOf(before), after: auditStateOf(after) });
    return after;
  }

  /** Newly placed people (coordinator, experts, partners) compared with before. */
  function newAssignments(before: CaseRecord | null, after: CaseRecord): { userId: string; role: CaseRole }[] {
    const had = new Set([...(before?.coordinatorId ? [before.coordinatorId] : []), ...(before?.participants.map((p) => p.userId) ?? [])]);
    return [
      ...(after.coordinatorId && after.coordinatorId !== before?.coordinatorId ? [{ userId: after.coordinatorId, role: 'coordinator' as const }] : []),
      ...after.participants.filter((p) => !had.has(p.userId)).map((p) => ({ userId: p.userId, role: p.kind as CaseRole })),
    ];
  }

  async function notifyAssignments(tx: Db, actor: Actor, before: CaseRecord | null, after: CaseRecord) {
    const company = await findCompany(tx, actor.tenantId, after.companyId);
    await mailAssignments(tx, actor, config.publicUrl, { id: after.id, receiptNumber: after.receiptNumber, title: after.title, companyName: company?.name ?? '' }, newAssignments(before, after));
  }

  return {
    async list(principal: Principal, query: CaseListQuery): Promise<z.output<typeof casePage>> {
      return withActor(db, principal, async (tx, actor) => {
        const viewer = viewerOf(actor);
        const today = japanToday();
        const rows = await repository.listCases(tx, actor.tenantId, viewer, query, decodeCursor(query.cursor), today);
        const total = await repository.countCases(tx, actor.tenantId, viewer, query, today);
        const items = rows.slice(0, query.limit);
        const last = items[items.length - 1];
        return {
          items: await page(tx, actor, items),
          total,
          nextCursor: rows.length > query.limit && last ? encodeCursor({ value: last.sortValue, id: last.id }) : null,
        };
      });
    },

    async board(principal: Principal, query: CaseListQuery): Promise<z.output<typeof caseBoard>> {
      return withActor(db, principal, async (tx, actor) => {
        const viewer = viewerOf(actor);
        const { totals, rows } = await repository.boardColumns(tx, actor.tenantId, viewer, query, query.limit, japanToday());
        const items = await page(tx, actor, rows);
        const statuses = query.status?.length ? query.status : [...openCaseStatuses, 'completed' as const];
        return {
          columns: statuses.map((status) => ({ status, total: totals.get(status) ?? 0, items: items.filter((item) => item.status === status) })),
        };
      });
    },

    async get(principal: Principal, id: string): Promise<CaseDetail> {
      return withActor(db, principal, (tx, actor) => detail(tx, actor, id));
    },

    /** The one-screen intake: company (found or new), contact, case and first activity in one transaction. */
    async create(principal: Principal, input: CaseCreateInput): Promise<CaseDetail> {
      return withActor(db, principal, async (tx, actor) => {
        assertCan(casePolicy.canCreate(actor));
        const openedOn = input.openedOn ?? japanToday();
        const problems = [
          ...(await checkThemes(tx, actor.tenantId, input.themeIds)),
          ...(await checkAssignments(tx, actor, input)),
          ...(openedOn > japanToday() ? [{ path: 'openedOn', code: 'in_future' }] : []),
        ];
        throwIfProblems(problems);
        const company = await intakeCompany(tx, actor, input.company);
        const contactId = await intakeContact(tx, actor, company, input.contact);
        const { id } = await openCase(tx, actor, {
          ...input,
          companyId: company.id,
          contactId,
          openedOn,
          source: 'staff',
          status: input.firstActivity ? 'in_progress' : 'received',
        });
        await repository.replaceParticipants(
          tx,
          actor.tenantId,
          id,
          input.participants.map((participant) => ({ ...participant, addedAt: new Date(), addedBy: actor.userId })),
        );
        await repository.replacePainPoints(tx, actor.tenantId, id, painPointRows(input.painPoints));
        const opened = (await repository.findCase(tx, actor.tenantId, id))!;
        if (input.firstActivity) await addActivity(tx, actor, opened, input.firstActivity, { prefix: 'firstActivity.' });
        const record = (await repository.findCase(tx, actor.tenantId, id))!;
        await recordAudit(tx, actor, { action: 'case.create', entityType: 'case', entityId: id, after: auditStateOf(record) });
        await refreshSearchText(tx, actor.tenantId, id);
        await notifyAssignments(tx, actor, null, record);
        return detail(tx, actor, id);
      });
    },

    async update(principal: Principal, id: string, input: CaseUpdateInput): Promise<CaseDetail> {
      return withActor(db, principal, async (tx, actor) => {
        assertCan(casePolicy.canWork(actor));
        const { record: current } = await load(tx, actor, id, true);
        if (current.version !== input.version) throw versionConflict(current.version);
        const assigning = input.coordinatorId !== undefined || input.participants !== undefined;
        assertCan(!assigning || casePolicy.canAssign(actor));
        const next = {
          coordinatorId: input.coordinatorId !== undefined ? input.coordinatorId : current.coordinatorId,
          participants:
            input.participants ??
            current.participants.map((p) => ({ userId: p.userId, kind: p.kind as 'expert' | 'partner', roleLabel: p.roleLabel })),
          consentSharePartners: input.consentSharePartners ?? current.consentSharePartners,
        };
        const problems = [
          ...(input.themeIds ? await checkThemes(tx, actor.tenantId, input.themeIds, current.themeIds) : []),
          ...(assigning || input.consentSharePartners === false ? await checkAssignments(tx, actor, next) : []),
        ];
        throwIfProblems(problems);
        await changeCase(
          tx,
          actor,
          current,
          input.version,
          {
            ...(input.caseType !== undefined && { caseType: input.caseType }),
            ...(input.title !== undefined && { title: input.title }),
            ...(input.description !== undefined && { description: input.description }),
            ...(input.preferredChannel !== undefined && { preferredChannel: input.preferredChannel }),
            ...(input.themeIds !== undefined && { themeIds: input.themeIds }),
            ...(input.coordinatorId !== undefined && { coordinatorId: input.coordinatorId }),
            ...(input.consentSharePartners !== undefined && { consentSharePartners: input.consentSharePartners }),
            ...(input.outcomeSummary !== undefined && { outcomeSummary: input.outcomeSummary }),
          },
        );
        if (input.participants) {
          const kept = new Map(current.participants.map((p) => [p.userId, p]));
          await repository.replaceParticipants(
            tx,
            actor.tenantId,
            id,
            input.participants.map((p) => ({ ...p, addedAt: kept.get(p.userId)?.addedAt ?? new Date(), addedBy: kept.get(p.userId)?.addedBy ?? actor.userId })),
          );
        }
        if (input.painPoints) await repository.replacePainPoints(tx, actor.tenantId, id, painPointRows(input.painPoints));
        const after = await auditChange(tx, actor, current, 'case.update');
        await refreshSearchText(tx, actor.tenantId, id);
        await notifyAssignments(tx, actor, current, after);
        return detail(tx, actor, id);
      });
    },

    /**
     * Moves a case along its lifecycle. Completing schedules the outcome follow-ups (3, 6 and 12 months
     * by default); reopening cancels those still scheduled.
     */
    async transition(principal: Principal, id: string, input: CaseTransitionInput): Promise<CaseDetail> {
      return withActor(db, principal, async (tx, actor) => {
        assertCan(casePolicy.canWork(actor));
        const { record: current } = await load(tx, actor, id, true);
        if (current.version !== input.version) throw versionConflict(current.version);
        const from = current.status as CaseStatus;
        if (!canTransition(from, input.to)) {
          throw new AppError('UNPROCESSABLE', {
            fields: [{ path: 'to', code: 'transition_not_allowed', params: { allowed: caseTransitions[from].join(', ') } }],
            details: { from, allowed: caseTransitions[from] },
          });
        }
        const completing = input.to === 'completed' || input.to === 'withdrawn';
        const closedOn = completing ? (input.closedOn ?? japanToday()) : null;
        if (closedOn && closedOn > japanToday()) throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'closedOn', code: 'in_future' }] });
        if (closedOn && closedOn < current.openedOn) throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'closedOn', code: 'before_opened' }] });
        await changeCase(
          tx,
          actor,
          current,
          input.version,
          {
            status: input.to,
            statusChangedAt: new Date(),
            closedOn,
            ...(input.outcomeSummary !== undefined && { outcomeSummary: input.outcomeSummary }),
          },
        );
        if (from === 'completed' || from === 'withdrawn') await repository.cancelScheduledFollowUps(tx, actor.tenantId, id);
        if (input.to === 'completed') {
          const months = await work.followUpMonths(tx, actor.tenantId);
          const now = new Date();
          await repository.insertFollowUps(
            tx,
            months.map((monthsAfter) => ({
              tenantId: actor.tenantId,
              id: randomUUID(),
              caseId: id,
              monthsAfter,
              dueOn: addMonthsToDate(closedOn!, monthsAfter),
              status: 'scheduled',
              createdAt: now,
              updatedAt: now,
              version: 1,
            })),
          );
        }
        await auditChange(tx, actor, current, 'case.transition');
        if (input.outcomeSummary !== undefined) await refreshSearchText(tx, actor.tenantId, id);
        return detail(tx, actor, id);
      });
    },

    async addNextAction(principal: Principal, caseId: string, input: NextActionCreateInput): Promise<CaseDetail> {
      return withActor(db, principal, async (tx, actor) => {
        assertCan(casePolicy.canWork(actor));
        await load(tx, actor, caseId, true);
        if (input.assigneeId) {
          throwIfProblems(await checkPeople(tx, actor.tenantId, [{ path: 'assigneeId', userId: input.assigneeId, allowed: rolesFor.assignee }]));
        }
        const id = randomUUID();
        await work.insertNextAction(tx, { tenantId: actor.tenantId, id, caseId, ...input, createdBy: actor.userId });
        await recordAudit(tx, actor, { action: 'next_action.create', entityType: 'case', entityId: caseId, after: { id, ...input } });
        await repository.touchCase(tx, actor.tenantId, caseId, actor.userId);
        return detail(tx, actor, caseId);
      });
    },

    async updateNextAction(principal: Principal, caseId: string, actionId: string, input: NextActionUpdateInput): Promise<CaseDetail> {
      return withActor(db, principal, async (tx, actor) => {
        assertCan(casePolicy.canWork(actor));
        await load(tx, actor, caseId, true);
        const current = await work.findNextAction(tx, actor.tenantId, actionId);
        if (!current || current.caseId !== caseId) throw notFound();
        if (current.version !== input.version) throw versionConflict(current.version);
        if (input.assigneeId) {
          throwIfProblems(await checkPeople(tx, actor.tenantId, [{ path: 'assigneeId', userId: input.assigneeId, allowed: rolesFor.assignee }]));
        }
        const changes = {
          ...(input.title !== undefined && { title: input.title }),
          ...(input.dueOn !== undefined && { dueOn: input.dueOn, remindedAt: null }),
          ...(input.assigneeId !== undefined && { assigneeId: input.assigneeId }),
          ...(input.done !== undefined && { doneAt: input.done ? new Date() : null, doneBy: input.done ? actor.userId : null }),
          updatedAt: new Date(),
        };
        if (!(await work.updateNextAction(tx, actor.tenantId, actionId, input.version, changes))) throw versionConflict(current.version);
        const { version: _version, ...after } = input;
        await recordAudit(tx, actor, {
          action: 'next_action.update',
          entityType: 'case',
          entityId: caseId,
          before: { id: actionId, title: current.title, dueOn: current.dueOn, assigneeId: current.assigneeId, done: current.doneAt !== null },
          after: { id: actionId, ...after },
        });
        await repository.touchCase(tx, actor.tenantId, caseId, actor.userId);
        return detail(tx, actor, caseId);
      });
    },

    async recordFollowUp(principal: Principal, caseId: string, followUpId: string, input: FollowUpRecordInput): Promise<CaseDetail> {
      return withActor(db, principal, async (tx, actor) => {
        assertCan(casePolicy.canWork(actor));
        await load(tx, actor, caseId, true);
        const current = await work.findFollowUp(tx, actor.tenantId, followUpId);
        if (!current || current.caseId !== caseId) throw notFound();
        if (current.version !== input.version) throw versionConflict(current.version);
        if (current.status === 'cancelled') throw new AppError('UNPROCESSABLE', { fields: [{ path: 'status', code: 'already_recorded' }] });
        const recordedOn = input.recordedOn ?? japanToday();
        if (recordedOn > japanToday()) throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'recordedOn', code: 'in_future' }] });
        const { version, ...outcome } = input;
        const saved = await work.updateFollowUp(tx, actor.tenantId, followUpId, version, { ...outcome, recordedOn, recordedBy: actor.userId, updatedAt: new Date() });
        if (!saved) throw versionConflict(current.version);
        await recordAudit(tx, actor, {
          action: 'follow_up.record',
          entityType: 'case',
          entityId: caseId,
          before: presentFollowUp(current),
          after: presentFollowUp(saved),
        });
        return detail(tx, actor, caseId);
      });
    },

    /** A person's own saved filters for the case list. */
    async savedViews(principal: Principal) {
      return withActor(db, principal, async (tx, actor) => {
        viewerOf(actor);
        return { items: await work.listSavedViews(tx, actor.tenantId, actor.userId) };
      });
    },

    async saveView(principal: Principal, input: { name: string; query: string }) {
      return withActor(db, principal, async (tx, actor) => {
        viewerOf(actor);
        // The query is what the list endpoint accepts: check it now rather than when the view is opened.
        const parsed = caseListQuery.safeParse(Object.fromEntries(new URLSearchParams(input.query)));
        if (!parsed.success) throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'query', code: 'invalid' }] });
        const id = randomUUID();
        await work.insertSavedView(tx, { tenantId: actor.tenantId, id, userId: actor.userId, name: input.name, query: input.query });
        return { id, name: input.name, query: input.query };
      });
    },

    async deleteView(principal: Principal, id: string): Promise<void> {
      return withActor(db, principal, async (tx, actor) => {
        if (!(await work.deleteSavedView(tx, actor.tenantId, actor.userId, id))) throw notFound();
      });
    },

    async followUpsDue(principal: Principal, query: { due: 'due' | 'upcoming' | 'all'; cursor?: string; limit: number }) {
      return withActor(db, principal, async (tx, actor) => {
        const viewer = viewerOf(actor);
        assertCan(casePolicy.canWork(actor));
        const today = japanToday();
        const rows = await work.listFollowUps(tx, actor.tenantId, viewer, query.due, today, query.limit + 1, decodeCursor(query.cursor));
        const total = await work.countFollowUps(tx, actor.tenantId, viewer, query.due, today);
        const items = rows.slice(0, query.limit);
        const last = items[items.length - 1];
        return {
          items: items.map((row) => ({
            ...presentFollowUp(row.followUp),
            case: { id: row.caseId, receiptNumber: row.receiptNumber, title: row.title, companyName: row.companyName },
          })),
          total,
          nextCursor: rows.length > query.limit && last ? encodeCursor({ value: last.followUp.dueOn, id: last.followUp.id }) : null,
        };
      });
    },
  };
}
export type CaseService = ReturnType<typeof createCaseService>;
