import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { DEFAULT_FOLLOW_UP_MONTHS } from '../../../shared/domain/desk';
import type { deskPeople, deskSettings, deskSettingsInput, theme, themeInput, themeUpdateInput } from '../../../shared/schemas/desk';
import type { Db } from '../../db/client';
import { recordAudit } from '../../platform/audit/audit';
import { withActor, type Principal } from '../../platform/auth/actor';
import { assertCan } from '../../platform/auth/authorize';
import { AppError, notFound, versionConflict } from '../../platform/errors';
import { casePolicy } from '../cases/cases.policy';
import * as repository from './desk.repository';
import type { SettingsRow, ThemeRow } from './desk.repository';

type Theme = z.output<typeof theme>;
type DeskSettings = z.output<typeof deskSettings>;

/** The taxonomy a new desk starts with (seed 000 and the list); admins edit it. */
export const DEFAULT_THEMES = [
  ['業務効率化', 'Operational efficiency'],
  ['受発注・在庫', 'Ordering and inventory'],
  ['販路開拓・EC', 'Sales channels and e-commerce'],
  ['セキュリティ', 'Security'],
  ['人材育成', 'Skills development'],
  ['補助金', 'Subsidies'],
  ['データ活用', 'Data use'],
  ['DX戦略・計画策定', 'DX strategy and planning'],
  ['システム調達・ベンダー選定', 'Procurement and vendor selection'],
  ['生成AI', 'Generative AI'],
  ['その他', 'Other'],
] as const;

function presentTheme(row: ThemeRow & { caseCount?: number }): Theme {
  return { id: row.id, name: row.name, nameEn: row.nameEn, position: row.position, archived: row.archivedAt !== null, caseCount: row.caseCount ?? 0, version: row.version };
}

export function publicIntakePath(slug: string): string {
  return `/consult/${slug}`;
}

function presentSettings(row: SettingsRow | null, slug: string): DeskSettings {
  return {
    intakeEnabled: row?.intakeEnabled ?? false,
    termsText: row?.termsText ?? '',
    notifyAddress: row?.notifyAddress ?? null,
    followUpMonths: row?.followUpMonths ?? [...DEFAULT_FOLLOW_UP_MONTHS],
    publicIntakePath: publicIntakePath(slug),
    version: row?.version ?? 0,
  };
}

/** The desk's own configuration: its theme taxonomy, the public form's settings, and who can be picked on a case. */
export function createDeskService(db: Db) {
  return {
    async listThemes(principal: Principal): Promise<{ items: Theme[] }> {
      return withActor(db, principal, async (tx, actor) => {
        assertCan(casePolicy.viewer(actor) !== null || casePolicy.canManageDesk(actor));
        return { items: (await repository.listThemes(tx, actor.tenantId)).map(presentTheme) };
      });
    },

    async createTheme(principal: Principal, input: z.output<typeof themeInput>): Promise<Theme> {
      return withActor(db, principal, async (tx, actor) => {
        assertCan(casePolicy.canManageDesk(actor));
        if (await repository.themeNameTaken(tx, actor.tenantId, input.name, null)) {
          throw new AppError('DUPLICATE', { fields: [{ path: 'name', code: 'duplicate_value' }] });
        }
        const row = { tenantId: actor.tenantId, id: randomUUID(), ...input, createdAt: new Date(), updatedAt: new Date(), version: 1, archivedAt: null };
        await repository.insertThemes(tx, [row]);
        await recordAudit(tx, actor, { action: 'theme.create', entityType: 'desk_theme', entityId: row.id, after: input });
        return presentTheme(row);
      });
    },

    async updateTheme(principal: Principal, id: string, input: z.output<typeof themeUpdateInput>): Promise<Theme> {
      return withActor(db, principal, async (tx, actor) => {
        assertCan(casePolicy.canManageDesk(actor));
        const current = await repository.findTheme(tx, actor.tenantId, id);
        if (!current) throw notFound();
        if (current.version !== input.version) throw versionConflict(current.version);
        if (input.name && (await repository.themeNameTaken(tx, actor.tenantId, input.name, id))) {
          throw new AppError('DUPLICATE', { fields: [{ path: 'name', code: 'duplicate_value' }] });
        }
        const saved = await repository.updateTheme(tx, actor.tenantId, id, input.version, {
          ...(input.name !== undefined && { name: input.name }),
          ...(input.nameEn !== undefined && { nameEn: input.nameEn }),
          ...(input.position !== undefined && { position: input.position }),
          ...(input.archived !== undefined && { archivedAt: input.archived ? (current.archivedAt ?? new Date()) : null }),
        });
        if (!saved) throw versionConflict(current.version);
        await recordAudit(tx, actor, { action: 'theme.update', entityType: 'desk_theme', entityId: id, before: presentTheme(current), after: presentTheme(saved) });
        const counted = (await repository.listThemes(tx, actor.tenantId)).find((row) => row.id === id);
        return presentTheme(counted ?? saved);
      });
    },

    async getSettings(principal: Principal): Promise<DeskSettings> {
      return withActor(db, principal, async (tx, actor) => {
        assertCan(casePolicy.canCreate(actor));
        return presentSettings(await repository.findSettings(tx, actor.tenantId), (await repository.tenantSlug(tx, actor.tenantId)) ?? '');
      });
    },

    async updateSettings(principal: Principal, input: z.output<typeof deskSettingsInput>): Promise<DeskSettings> {
      return withActor(db, principal, async (tx, actor) => {
        assertCan(casePolicy.canManageDesk(actor));
        const current = await repository.findSettings(tx, actor.tenantId);
        const slug = (await repository.tenantSlug(tx, actor.tenantId)) ?? '';
        if ((current?.version ?? 0) !== input.version) throw versionConflict(current?.version ?? 0);
        const before = presentSettings(current, slug);
        const { version, ...changes } = input;
        const defined = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
        const saved = await repository.upsertSettings(
          tx,
          {
            tenantId: actor.tenantId,
            intakeEnabled: before.intakeEnabled,
            termsText: before.termsText,
            notifyAddress: before.notifyAddress,
            followUpMonths: before.followUpMonths,
            ...defined,
          },
          current ? version : null,
        );
        if (!saved) throw versionConflict(current?.version ?? 0);
        const after = presentSettings(saved, slug);
        await recordAudit(tx, actor, { action: 'desk_settings.update', entityType: 'desk_settings', entityId: actor.tenantId, before, after });
        return after;
      });
    },

    /** Who may be picked: coordinators and experts (desk people and experts), partners. */
    async people(principal: Principal): Promise<z.output<typeof deskPeople>> {
      return withActor(db, principal, async (tx, actor) => {
        assertCan(casePolicy.canWork(actor));
        const rows = await repository.membersWithRoles(tx, actor.tenantId, ['admin', 'staff', 'expert', 'partner']);
        return { items: rows };
      });
    },
  };
}
export type DeskService = ReturnType<typeof createDeskService>;
