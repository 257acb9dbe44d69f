import { randomUUID } from 'node:crypto';
import { count, eq, sql } from 'drizzle-orm';
import { activityChannels } from '../src/shared/domain/desk';
import { toSearchText } from '../src/shared/domain/japanese-text';
import { municipalitiesOfPrefecture } from '../src/shared/reference';
import type { Db } from '../src/server/db/client';
import { authUser, deskSettings, deskTheme, fundingProgramme, tenant } from '../src/server/db/schema';
import { hashPassword } from '../src/server/platform/auth/auth-system';
import { withTenant } from '../src/server/platform/tenancy';
import { insertCredentialUser, insertMembership } from '../src/server/modules/members/members.repository';
import { DEFAULT_THEMES } from '../src/server/modules/desk/desk.service';
import { BENCH_PASSWORD } from './dataset';

export const deskBenchEmail = (index: number) => `bench-desk-${index}@bench.example`;
export const deskBenchSlug = (index: number) => `bench-desk-${index}`;

export interface DeskBenchTenant {
  tenantId: string;
  email: string;
  slug: string;
}

/** What the generated text says: the search benchmark looks for 「サーバー構成」, present in about 1 case in 100. */
const caseTexts = [
  '受発注のFAXをやめたい。毎日の転記に2時間かかる。',
  'インボイス対応と請求書の電子化を相談したい。',
  'ネットショップを始めたいが何から始めればよいか分からない。',
  'SECURITY ACTIONの宣言から始めたい。',
  'IT導入補助金の申請書の書き方を知りたい。',
  '在庫が帳簿と合わず棚卸に丸一日かかる。',
  '日報が紙で集計に時間がかかる。データを経営に活かしたい。',
  '生成AIを問い合わせ対応に使えるか試したい。',
].map((text) => toSearchText(text));
const rareText = toSearchText('見積書のサーバー構成が過剰ではないか確認したい。');
const activityNotes = ['初回ヒアリング。業務の流れを確認した。', 'ツールの候補を比較した。', '試行の結果を確認した。', '補助金の申請書を一緒に確認した。'];

const sqlArray = (values: readonly string[]) => sql.raw(`ARRAY[${values.map((value) => `'${value.replace(/'/g, "''")}'`).join(',')}]`);

/**
 * The desk benchmark's data, written with set-based SQL (INSERT … SELECT generate_series) inside each
 * tenant's row-level-security context: per tenant `cases` cases over FY2016–FY2026, `activities`
 * activities, `companies` companies, the default themes, three default programmes and an open public
 * form, plus one staff member to sign in as. Idempotent: an existing dataset is reused.
 */
export async function ensureDeskDataset(
  db: Db,
  shape: { tenants: number; companies: number; cases: number; activities: number },
  log: (line: string) => void,
): Promise<DeskBenchTenant[]> {
  const [existing] = await db.select({ total: count() }).from(authUser).where(sql`${authUser.email} LIKE 'bench-desk-%'`);
  const result: DeskBenchTenant[] = [];
  if (Number(existing?.total ?? 0) >= shape.tenants) {
    for (let index = 0; index < shape.tenants; index++) {
      const [user] = await db.select({ lastTenantId: authUser.lastTenantId }).from(authUser).where(eq(authUser.email, deskBenchEmail(index)));
      if (!user?.lastTenantId) throw new Error('the desk bench dataset is incomplete: drop it and run again');
      result.push({ tenantId: user.lastTenantId, email: deskBenchEmail(index), slug: deskBenchSlug(index) });
    }
    return result;
  }
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const municipalities = municipalitiesOfPrefecture('02').filter((m) => m.kind !== 'ward').map((m) => m.code6);
  const majors = ['E', 'E', 'E', 'A', 'A', 'D', 'D', 'I', 'I', 'M', 'H', 'G', 'N', 'P', 'R'];
  for (let index = 0; index < shape.tenants; index++) {
    const started = performance.now();
    const tenantId = randomUUID();
    await withTenant(db, tenantId, async (tx) => {
      await tx.insert(tenant).values({ id: tenantId, slug: deskBenchSlug(index), name: `ベンチ相談窓口${index}`, kind: 'desk', prefectureCode: '02' });
      const userId = await insertCredentialUser(tx, { name: `ベンチ 相談員${index}`, email: deskBenchEmail(index), passwordHash, locale: 'ja' });
      await insertMembership(tx, { tenantId, userId, role: 'staff' });
      await tx.update(authUser).set({ lastTenantId: tenantId }).where(eq(authUser.id, userId));
      await tx.insert(deskTheme).values(DEFAULT_THEMES.map(([name, nameEn], position) => ({ tenantId, id: randomUUID(), name, nameEn, position })));
      await tx.insert(deskSettings).values({ tenantId, intakeEnabled: true, termsText: 'ベンチマーク用の規約' });
      await tx.insert(fundingProgramme).values(
        Array.from({ length: 11 }, (_, i) => 2016 + i).map((fy) => ({
          tenantId,
          id: randomUUID(),
          name: `${fy}年度 DX総合窓口運営業務（ベンチ）`,
          startsOn: `${fy}-04-01`,
          endsOn: `${fy + 1}-03-31`,
          supportTarget: 100,
          countedChannels: activityChannels.filter((channel) => channel !== 'email'),
          countedCaseTypes: ['business', 'municipality', 'procurement', 'school'],
          minimumMinutes: 30,
          isDefault: true,
        })),
      );
      await tx.execute(sql`
        INSERT INTO company (tenant_id, id, name, entity_type, corporate_number, prefecture_code, municipality_code, jsic_major, employees, size_class, search_text, name_sort, name_key)
        SELECT ${tenantId}::uuid, gen_random_uuid(), 'ベンチ商事' || g, 'corporation',
               CASE WHEN g % 3 = 0 THEN lpad((g * 7 + ${index})::text, 13, '1') END,
               '02', (${sqlArray(municipalities)})[1 + g % ${municipalities.length}], (${sqlArray(majors)})[1 + g % ${majors.length}],
               1 + (g * 37) % 300, CASE WHEN (g * 37) % 300 < 20 THEN 'small' ELSE 'sme' END,
               'べんちしょうじ' || g, 'べんちしょうじ' || lpad(g::text, 6, '0'), 'べんちしょうじ' || g
        FROM generate_series(1, ${shape.companies}) g`);
      const themes = sql`(SELECT array_agg(id ORDER BY position) FROM desk_theme WHERE tenant_id = ${tenantId}::uuid)`;
      // Cases spread evenly over ten and a half years, April 2016 to mid-November 2026 (a desk's history); the newest are still open.
      await tx.execute(sql`
        WITH companies AS (SELECT array_agg(id ORDER BY id) AS ids FROM company WHERE tenant_id = ${tenantId}::uuid),
             themes AS (SELECT ${themes} AS ids),
             series AS (SELECT g, date '2016-04-01' + (g::bigint * 3880 / ${shape.cases})::int AS opened_on FROM generate_series(1, ${shape.cases}) g)
        INSERT INTO desk_case (tenant_id, id, receipt_number, fiscal_year, case_type, status, company_id, title, description, preferred_channel, theme_ids, coordinator_id, source, consent_terms, opened_on, closed_on, search_text)
        SELECT ${tenantId}::uuid, gen_random_uuid(),
               'B' || g, CASE WHEN extract(month FROM opened_on) >= 4 THEN extract(year FROM opened_on)::int ELSE extract(year FROM opened_on)::int - 1 END,
               (ARRAY['business','business','business','business','business','business','business','municipality','procurement','school'])[1 + g % 10],
               CASE WHEN opened_on < date '2026-07-01' THEN (ARRAY['completed','completed','completed','completed','withdrawn','accompaniment'])[1 + g % 6]
                    ELSE (ARRAY['received','in_progress','in_progress','matching','paused'])[1 + g % 5] END,
               companies.ids[1 + (g * 7919) % array_length(companies.ids, 1)],
               'ベンチ相談' || g, NULL, 'visit_desk', ARRAY[themes.ids[1 + g % 11]], NULL, CASE WHEN g % 3 = 0 THEN 'public' ELSE 'staff' END, true,
               opened_on, CASE WHEN opened_on < date '2026-07-01' THEN opened_on + 45 END,
               'b' || g || ' ' || CASE WHEN g % 100 = 7 THEN ${rareText} ELSE (${sqlArray(caseTexts)})[1 + g % ${caseTexts.length}] END
        FROM series, companies, themes`);
      await tx.execute(sql`
        WITH cases AS (SELECT id, opened_on, row_number() OVER (ORDER BY opened_on, id) AS rn FROM desk_case WHERE tenant_id = ${tenantId}::uuid),
             series AS (SELECT g, least(c.opened_on + (g / ${shape.cases}) * 12, date '2026-11-15') AS occurred_on, c.id AS case_id
                        FROM generate_series(0, ${shape.activities - 1}) g JOIN cases c ON c.rn = 1 + g % ${shape.cases})
        INSERT INTO case_activity (tenant_id, id, case_id, occurred_at, occurred_on, fiscal_year, channel, minutes, preparation_minutes, travel_minutes, notes, reportable)
        SELECT ${tenantId}::uuid, gen_random_uuid(), case_id, (occurred_on + time '10:00') AT TIME ZONE 'Asia/Tokyo', occurred_on,
               CASE WHEN extract(month FROM occurred_on) >= 4 THEN extract(year FROM occurred_on)::int ELSE extract(year FROM occurred_on)::int - 1 END,
               (${sqlArray(activityChannels)})[1 + (g * 13) % ${activityChannels.length}], (ARRAY[20, 45, 60, 90, 120])[1 + g % 5], 15, CASE WHEN g % 4 = 0 THEN 60 ELSE 0 END,
               (${sqlArray(activityNotes)})[1 + g % ${activityNotes.length}], g % 17 <> 0
        FROM series`);
      await tx.execute(sql`
        INSERT INTO follow_up (tenant_id, id, case_id, months_after, due_on, status)
        SELECT tenant_id, gen_random_uuid(), id, m, closed_on + (m || ' months')::interval, CASE WHEN closed_on + (m || ' months')::interval < date '2026-11-01' THEN 'done' ELSE 'scheduled' END
        FROM desk_case, unnest(ARRAY[3, 6, 12]) m WHERE tenant_id = ${tenantId}::uuid AND status = 'completed'`);
      await tx.execute(sql`
        INSERT INTO next_action (tenant_id, id, case_id, title, due_on)
        SELECT tenant_id, gen_random_uuid(), id, '次回の連絡', date '2026-11-01' + (abs(hashtext(id::text)) % 40)
        FROM desk_case WHERE tenant_id = ${tenantId}::uuid AND status IN ('received', 'in_progress', 'matching')`);
    });
    log(`  desk tenant ${index + 1}/${shape.tenants}: ${shape.cases} cases, ${shape.activities} activities in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    result.push({ tenantId, email: deskBenchEmail(index), slug: deskBenchSlug(index) });
  }
  return result;
}
