import type { Role } from '../../../shared/roles';
import type { Db } from '../../db/client';
import { throwIfProblems, type FieldProblem } from '../../platform/errors';
import { findCompany } from '../companies/companies.repository';
import { caseSearchText } from './case-rules';
import * as repository from './cases.repository';

export { throwIfProblems, type FieldProblem };

/** Themes must be the desk's own and still in use (an archived theme stays on old cases but is not picked anew). */
export async function checkThemes(tx: Db, tenantId: string, ids: string[], previous: string[] = []): Promise<FieldProblem[]> {
  const found = new Map((await repository.themesByIds(tx, tenantId, ids)).map((theme) => [theme.id, theme]));
  return ids.flatMap((id, index) => {
    const theme = found.get(id);
    if (!theme) return [{ path: `themeIds.${index}`, code: 'unknown_theme' }];
    if (theme.archivedAt && !previous.includes(id)) return [{ path: `themeIds.${index}`, code: 'theme_archived' }];
    return [];
  });
}

/** Who may hold which place on a case: the people picked must be members with a fitting role. */
export const rolesFor = {
  coordinator: ['admin', 'staff', 'expert'],
  staff: ['admin', 'staff'],
  expert: ['admin', 'staff', 'expert'],
  partner: ['partner'],
  assignee: ['admin', 'staff', 'expert'],
} as const satisfies Record<string, readonly Role[]>;

export async function checkPeople(
  tx: Db,
  tenantId: string,
  entries: { path: string; userId: string; allowed: readonly Role[] }[],
): Promise<FieldProblem[]> {
  const members = await repository.membersByIds(tx, tenantId, entries.map((entry) => entry.userId));
  return entries.flatMap(({ path, userId, allowed }) => {
    const member = members.get(userId);
    if (!member) return [{ path, code: 'not_a_member' }];
    if (!allowed.includes(member.role as Role)) return [{ path, code: 'role_not_allowed', params: { allowed: allowed.join(', ') } }];
    return [];
  });
}

/** Recomputes what search matches for a case after its text, its 「負」 or an activity's notes changed. */
export async function refreshSearchText(tx: Db, tenantId: string, caseId: string): Promise<void> {
  const record = await repository.findCase(tx, tenantId, caseId);
  if (!record) return;
  const company = await findCompany(tx, tenantId, record.companyId);
  await repository.setSearchText(
    tx,
    tenantId,
    caseId,
    caseSearchText({
      receiptNumber: record.receiptNumber,
      title: record.title,
      description: record.description,
      companyName: company?.name ?? '',
      painPoints: record.painPoints,
      activityNotes: await repository.activityNotes(tx, tenantId, caseId),
      outcomeSummary: record.outcomeSummary,
    }),
  );
}
