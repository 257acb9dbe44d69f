import { randomUUID } from 'node:crypto';
import { activityChannels, addMonthsToDate, type ActivityChannel, type CaseStatus, type CaseType, type PainSeverity } from '../../shared/domain/desk';
import type { Db } from '../db/client';
import { fundingProgramme } from '../db/schema';
import type { Actor } from '../platform/auth/actor';
import { withTenant } from '../platform/tenancy';
import { addActivity } from '../modules/cases/activities.service';
import { refreshSearchText } from '../modules/cases/case-checks';
import { japanToday } from '../modules/cases/case-rules';
import * as cases from '../modules/cases/cases.repository';
import { openCase } from '../modules/cases/cases.service';
import * as work from '../modules/cases/case-work.repository';
import { DEFAULT_THEMES } from '../modules/desk/desk.service';
import { insertThemes, upsertSettings } from '../modules/desk/desk.repository';
import { generator } from './demo-data';

/**
 * The desk's demo: themes, the public form (open), three yearly commissions (令和6–8年度, shaped like
 * seed 000: about 50 supports expected in R6 and 109 delivered; a target of 100 from R7), and synthetic
 * cases with activities, 「負」, next actions and follow-ups from April 2024 to today. Deterministic.
 */

const painExamples: readonly (readonly [string, string, number, PainSeverity])[] = [
  ['受発注', '事務担当', 20, 'high'],
  ['請求書作成', '経理担当', 8, 'medium'],
  ['在庫管理', '倉庫担当', 12, 'high'],
  ['シフト作成', '店長', 6, 'medium'],
  ['日報集計', '現場責任者', 10, 'medium'],
  ['問い合わせ対応', '営業担当', 5, 'low'],
  ['見積作成', '営業担当', 9, 'medium'],
];

const titles: readonly (readonly [string, string])[] = [
  ['FAXの受注を電子化したい', '受発注・在庫'],
  ['インボイス対応と請求書の電子化', '業務効率化'],
  ['ネットショップを始めたい', '販路開拓・EC'],
  ['SECURITY ACTIONの宣言から始めたい', 'セキュリティ'],
  ['IT導入補助金の申請を相談したい', '補助金'],
  ['売上データを経営に活かしたい', 'データ活用'],
  ['社員のITスキルを底上げしたい', '人材育成'],
  ['在庫が帳簿と合わない', '受発注・在庫'],
  ['生成AIを業務に使いたい', '生成AI'],
  ['DX推進計画を作りたい', 'DX戦略・計画策定'],
];

const municipalTitles = ['庁内システム更改の仕様書レビュー', '窓口業務のオンライン化の進め方', '見積書の妥当性の確認'];
const schoolTitles = ['高校での情報モラル出前授業', '小学校のプログラミング授業の支援'];

export async function seedDemoDesk(db: Db, tenantId: string, people: { admin: string; staff: string[]; experts: string[]; partner: string }, companyIds: string[]) {
  const random = generator(2026);
  const actor: Actor = { userId: people.admin, tenantId, role: 'admin', locale: 'ja' };
  const today = japanToday();

  const themeIds = new Map<string, string>();
  await withTenant(db, tenantId, async (tx) => {
    const rows = DEFAULT_THEMES.map(([name, nameEn], position) => ({ tenantId, id: randomUUID(), name, nameEn, position: position * 10 }));
    rows.forEach((row) => themeIds.set(row.name, row.id));
    await insertThemes(tx, rows);
    await upsertSettings(
      tx,
      {
        tenantId,
        intakeEnabled: true,
        termsText:
          '【デモ】ご入力いただいた情報は、相談対応と窓口の実績報告（個人を特定しない集計）にのみ使用します。連携先（金融機関・ITベンダー等）への共有は、同意いただいた場合に限ります。',
        notifyAddress: 'desk@aomori.demo.example',
      },
      null,
    );
    const programme = (fy: number, name: string, target: number, isDefault: boolean) => ({
      tenantId,
      id: randomUUID(),
      name,
      commissioner: '青森県（デモ）',
      startsOn: `${fy}-04-01`,
      endsOn: `${fy + 1}-03-31`,
      supportTarget: target,
      companyTarget: null,
      countedChannels: activityChannels.filter((channel) => channel !== 'email'),
      countedCaseTypes: ['business', 'municipality', 'procurement', 'school'],
      minimumMinutes: 30,
      isDefault,
      createdBy: people.admin,
      updatedBy: people.admin,
    });
    await tx
      .insert(fundingProgramme)
      .values([
        programme(2024, '令和6年度 DX総合窓口運営業務（デモ）', 50, true),
        programme(2025, '令和7年度 DX総合窓口運営業務（デモ）', 100, true),
        programme(2026, '令和8年度 DX総合窓口運営業務（デモ）', 100, true),
      ]);
  });

  // About 60 cases a year from April 2024 to today; older cases are mostly closed.
  const start = Date.parse('2024-04-08T00:00:00+09:00');
  const end = Date.parse(`${today}T00:00:00+09:00`);
  const caseCount = Math.round(((end - start) / (365 * 86_400_000)) * 60);
  for (let index = 0; index < caseCount; index++) {
    const openedAt = start + ((end - start) * index) / caseCount + random.int(0, 3) * 86_400_000;
    const openedOn = new Date(Math.min(openedAt, end) + 9 * 3_600_000).toISOString().slice(0, 10);
    const kind: CaseType = random.weighted([['business', 80], ['municipality', 8], ['procurement', 7], ['school', 5]] as const);
    const [title, theme] = kind === 'business' ? random.pick(titles) : [random.pick(kind === 'school' ? schoolTitles : municipalTitles), 'システム調達・ベンダー選定'];
    const ageDays = (end - openedAt) / 86_400_000;
    const status: CaseStatus =
      ageDays > 120 ? random.weighted([['completed', 80], ['accompaniment', 8], ['withdrawn', 6], ['paused', 6]] as const)
      : ageDays > 30 ? random.weighted([['in_progress', 50], ['matching', 15], ['completed', 30], ['paused', 5]] as const)
      : random.weighted([['received', 35], ['in_progress', 65]] as const);
    const coordinator = status === 'received' && random.next() < 0.6 ? null : random.pick(people.staff);
    await withTenant(db, tenantId, async (tx) => {
      const { id } = await openCase(tx, actor, {
        companyId: random.pick(companyIds),
        contactId: null,
        caseType: kind,
        title,
        description: random.next() < 0.7 ? `${title}。現状を伺い、まず業務の「負」を洗い出す。` : null,
        preferredChannel: random.pick(['visit_desk', 'on_site', 'online', 'phone'] as const),
        themeIds: [themeIds.get(theme)!],
        coordinatorId: coordinator,
        consentTerms: true,
        consentSharePartners: random.next() < 0.4,
        openedOn,
        source: random.next() < 0.35 ? 'public' : 'staff',
        status,
      });
      const subject = (await cases.findCase(tx, tenantId, id))!;
      if (random.next() < 0.7) {
        const [process, sufferer, hours, severity] = random.pick(painExamples);
        await cases.replacePainPoints(tx, tenantId, id, [{ id: randomUUID(), process, sufferer, hoursLostPerMonth: hours, severity, description: null, position: 0 }]);
      }
      if (random.next() < 0.3) {
        await cases.replaceParticipants(tx, tenantId, id, [{ userId: random.pick(people.experts), kind: 'expert', roleLabel: 'ITコーディネータ', addedAt: new Date(), addedBy: people.admin }]);
      }
      // Sessions: one to four, a week or two apart, never in the future.
      const sessions = status === 'received' ? 0 : random.int(1, 4);
      let lastOn = openedOn;
      for (let session = 0; session < sessions; session++) {
        const on = addDays(openedOn, session * random.int(5, 20));
        if (on > today) break;
        lastOn = on;
        const channel: ActivityChannel = random.weighted([['visit_desk', 30], ['on_site', 25], ['online', 25], ['phone', 10], ['email', 5], ['pop_up', 5]] as const);
        await addActivity(
          tx,
          actor,
          subject,
          {
            occurredAt: `${on}T${String(random.int(9, 16)).padStart(2, '0')}:00:00+09:00`,
            channel,
            minutes: channel === 'email' ? 15 : channel === 'phone' ? random.pick([20, 30, 45]) : random.pick([45, 60, 90, 120]),
            preparationMinutes: random.pick([0, 15, 30]),
            travelMinutes: channel === 'on_site' ? random.pick([30, 60, 90]) : 0,
            staffIds: coordinator ? [coordinator] : [],
            expertIds: [],
            notes: session === 0 ? '初回ヒアリング。業務の流れと困りごとを確認した。' : random.pick(['ツールの候補を比較した。', '試行の結果を確認した。', '補助金の申請書を一緒に確認した。', '見積書の項目を確認し、過剰な構成を指摘した。']),
            reportable: true,
            programmeId: null,
          },
          { skipChecks: true },
        );
      }
      if (status === 'completed' || status === 'withdrawn') {
        const closedOn = lastOn;
        await cases.updateCase(tx, tenantId, id, subject.version, { closedOn, outcomeSummary: status === 'completed' ? '相談者が自走できる段階になった。' : null });
        if (status === 'completed') {
          await cases.insertFollowUps(
            tx,
            [3, 6, 12].map((months) => {
              const dueOn = addMonthsToDate(closedOn, months);
              const done = dueOn < today && random.next() < 0.7;
              return {
                tenantId,
                id: randomUUID(),
                caseId: id,
                monthsAfter: months,
                dueOn,
                status: done ? 'done' : 'scheduled',
                recordedOn: done ? dueOn : null,
                toolAdopted: done ? random.next() < 0.6 : null,
                processDigitised: done ? random.next() < 0.5 : null,
                subsidyApplied: done ? random.next() < 0.3 : null,
                subsidyAdopted: done ? random.next() < 0.2 : null,
                dxCertified: done ? random.next() < 0.05 : null,
                hoursSavedPerMonth: done ? random.pick([2, 5, 8, 10, 15, 20]) : null,
                salesChange: done ? random.pick(['increase', 'flat', 'flat', 'unknown'] as const) : null,
              };
            }),
          );
        }
      } else if (status !== 'received' && random.next() < 0.6) {
        await work.insertNextAction(tx, {
          tenantId,
          id: randomUUID(),
          caseId: id,
          title: random.pick(['ツール比較表を送る', '次回訪問の日程調整', '補助金の公募要領を確認', '見積の再確認を依頼']),
          dueOn: addDays(today, random.int(-10, 21)),
          assigneeId: coordinator,
          createdBy: people.admin,
        });
      }
      await refreshSearchText(tx, tenantId, id);
    });
  }
}

function addDays(isoDate: string, days: number): string {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
