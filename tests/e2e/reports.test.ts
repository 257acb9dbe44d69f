import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from './support/server';
import { checkPage, forbidExternalRequests, launchBrowser, signIn } from './support/browser';

/*
 * Funding programmes, the desk dashboard, the commission report and the case import in the browser:
 * a consultation asked for on the public form is taken to 完了 with a reportable activity and the
 * commission report of the year counts it; a CSV of cases goes through the column mapping, the dry run
 * (a rejected row with its line) and the import. Every new page state is checked with axe-core and
 * photographed into test-results/screenshots/.
 */
const ADMIN = 'admin@aomori.demo.example';
const STAFF = 'staff@aomori.demo.example';
const VIEWER = 'pref@aomori.demo.example';
const SLUG = 'aomori-dx-desk';
const STAMP = Date.now() % 100_000;
const REQUESTER_COMPANY = `レポート試験商店${STAMP}`;
const TROUBLES = `売上の集計を手作業でしていて試験${STAMP}、月末に二日かかっています。`;

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let external: string[];
let workDir: string;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'ja-JP', acceptDownloads: true });
  page = await context.newPage();
  external = forbidExternalRequests(page, server.url);
  workDir = mkdtempSync(path.join(tmpdir(), 'tsumugi-reports-e2e-'));
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

/** 延べ件数 of the current fiscal year's commission report (the 実績 cell of the KPI table). */
async function countedSupports(target: Page): Promise<number> {
  await target.goto(`${server.url}/reports/commission`);
  const row = target.getByRole('table', { name: /成果指標（KPI）/ }).getByRole('row', { name: /延べ件数/ });
  await row.waitFor();
  const text = (await row.getByRole('cell').nth(1).textContent()) ?? '';
  return Number(text.replace(/[^\d]/g, ''));
}

async function switchUser(email: string) {
  await page.context().clearCookies();
  await signIn(page, server.url, email);
}

describe('funding programmes (委託事業)', () => {
  it('lists the programmes with their periods and explains the counting rules', async () => {
    await signIn(page, server.url, ADMIN);
    await page.getByRole('link', { name: '委託事業の設定' }).click();
    await page.getByRole('heading', { level: 1, name: '委託事業の設定' }).waitFor();
    await page.getByRole('table', { name: /委託事業の一覧/ }).waitFor();
    // 西暦 with 和暦.
    await page.getByText('2025年度（令和7年度）').first().waitFor();
    await checkPage(page, 'reports-01-programmes');

    await page.getByRole('link', { name: /令和8年度 DX総合窓口運営業務/ }).click();
    await page.getByRole('heading', { level: 2, name: '数える対応（集計ルール）' }).waitFor();
    await page.getByText('次の条件をすべて満たす対応を1件と数えます。').waitFor();
    await page.getByText(/相談時間が30分以上/).waitFor();
    await page.getByText('数えない相談方法: メール。').waitFor();
    await checkPage(page, 'reports-02-programme-detail');

    await page.getByRole('link', { name: '編集する' }).click();
    await page.getByRole('heading', { level: 1, name: '委託事業の編集' }).waitFor();
    await expect(page.getByLabel('メール', { exact: true }).isChecked()).resolves.toBe(false);
    await checkPage(page, 'reports-03-programme-edit');
  });

  it('refuses a second default programme for the same period and names the other one', async () => {
    await page.goto(`${server.url}/admin/programmes/new`);
    await page.getByRole('heading', { level: 1, name: '委託事業の登録' }).waitFor();
    // Sent empty: the summary lists what to fix.
    await page.getByLabel('事業名').fill('');
    await page.getByRole('button', { name: '登録する' }).click();
    await page.getByRole('heading', { name: /入力内容に\d+件の誤りがあります/ }).waitFor();
    await checkPage(page, 'reports-04-programme-new-errors');

    await page.getByLabel('事業名').fill('試験用 DX伴走支援事業');
    await page.getByLabel('委託元').fill('青森県（試験）');
    await page.getByRole('button', { name: '登録する' }).click();
    await page.getByText(/期間が重なる既定の委託事業「令和8年度 DX総合窓口運営業務（デモ）」があります/).first().waitFor();
    await checkPage(page, 'reports-05-programme-default-overlap');

    // Not the default: it is created, and the definition says that only its own activities count.
    await page.getByLabel('委託事業を指定していない対応記録を、この事業で数える').uncheck();
    await page.getByRole('button', { name: '登録する' }).click();
    await page.getByText('「試験用 DX伴走支援事業」を登録しました。').waitFor();
    await page.getByText(/既定の委託事業ではないため、指定のない記録は数えません/).waitFor();
  });
});

describe('the dashboard and the commission report', () => {
  it('shows the desk dashboard with KPI cards, charts with tables, and cases by status', async () => {
    await page.getByRole('link', { name: '実績・レポート' }).click();
    await page.getByRole('heading', { level: 1, name: /窓口ダッシュボード/ }).waitFor();
    await page.getByRole('heading', { level: 3, name: '延べ件数' }).waitFor();
    await page.getByRole('img', { name: '月別の延べ件数と実事業者数' }).waitFor();
    await page.getByRole('table', { name: '月別の実績（グラフの数値）' }).waitFor();
    await checkPage(page, 'reports-06-dashboard');
  });

  it('shows the commission report, for publication and for print', async () => {
    await page.getByRole('link', { name: 'この年度の実績報告を見る' }).click();
    await page.getByRole('heading', { level: 1, name: /実績報告/ }).waitFor();
    await page.getByRole('table', { name: /成果指標（KPI）/ }).waitFor();
    await page.getByRole('table', { name: '月別実績（四半期ごとに小計）' }).waitFor();
    await page.getByRole('table', { name: /業種別（日本標準産業分類 大分類）/ }).waitFor();
    await checkPage(page, 'reports-07-commission');

    await page.getByLabel('公表用（3未満を＊で秘匿）').check();
    await page.waitForURL(/publication=true/);
    await page.getByText('公表用の集計です').waitFor();
    await expect(page.getByText('＊').count()).resolves.toBeGreaterThan(0);
    await checkPage(page, 'reports-08-commission-publication');

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Excel（.xlsx）をダウンロード' }).click();
    expect((await download).suggestedFilename()).toMatch(/^実績報告_\d{4}年度_.+\.xlsx$/);

    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('navigation').isVisible()).resolves.toBe(false);
    await expect(page.getByRole('button', { name: '印刷する' }).isVisible()).resolves.toBe(false);
    await checkPage(page, 'reports-09-commission-print');
    await page.emulateMedia({ media: 'screen' });
  });
});

describe('a consultation from the public form to the commission report', () => {
  let before = 0;
  it('reads the year’s 延べ件数 before the journey', async () => {
    await switchUser(STAFF);
    before = await countedSupports(page);
    expect(before).toBeGreaterThan(0);
  });

  it('a requester asks for a consultation on the public form', async () => {
    const publicContext = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'ja-JP' });
    const form = await publicContext.newPage();
    const formExternal = forbidExternalRequests(form, server.url);
    await form.goto(`${server.url}/consult/${SLUG}`);
    await form.getByRole('heading', { level: 1, name: /相談申込み/ }).waitFor();
    await form.getByLabel('法人', { exact: true }).check();
    await form.getByLabel('事業者名・団体名').fill(REQUESTER_COMPANY);
    await form.getByLabel('お名前').fill('青森 次郎');
    await form.getByLabel('メールアドレス').fill(`jiro${STAMP}@report-test.example.jp`);
    await form.getByLabel('業務効率化', { exact: true }).check();
    await form.getByLabel('お困りごと・相談したいこと').fill(TROUBLES);
    await form.getByLabel('来所').check();
    await form.getByLabel('上記の利用規約と個人情報の取扱いに同意します').check();
    await form.getByRole('button', { name: '確認画面へ進む' }).click();
    await form.getByRole('heading', { level: 1, name: '入力内容の確認' }).waitFor();
    await form.getByRole('button', { name: 'この内容で送信する' }).click();
    const heading = form.getByRole('heading', { level: 1, name: '相談を受け付けました' });
    const tooFast = form.getByText(/送信が早すぎます/);
    await Promise.race([heading.waitFor(), tooFast.waitFor()]);
    if (await tooFast.isVisible()) {
      await form.waitForTimeout(3_000);
      await form.getByRole('button', { name: 'この内容で送信する' }).click();
      await heading.waitFor();
    }
    expect(formExternal).toEqual([]);
    await publicContext.close();
  });

  it('staff assign a coordinator, record a reportable activity and complete the case', async () => {
    await page.goto(`${server.url}/cases?view=unassigned`);
    await page.getByRole('heading', { level: 1, name: '相談案件' }).waitFor();
    await page.getByRole('link', { name: TROUBLES.slice(0, 20) }).first().click();
    await page.getByRole('heading', { level: 2, name: '案件の概要' }).waitFor();

    await page.getByRole('button', { name: '担当者を変更する' }).click();
    const peopleDialog = page.getByRole('dialog');
    await peopleDialog.getByLabel('担当コーディネーター').selectOption({ label: '相談 一郎（スタッフ）' });
    await peopleDialog.getByRole('button', { name: '保存する' }).click();
    await peopleDialog.waitFor({ state: 'hidden' });
    await page.getByRole('region', { name: '担当者' }).getByText('相談 一郎').waitFor();

    await page.getByRole('button', { name: '「対応中」にする' }).click();
    await page.getByText('状態を「対応中」に変更しました。').waitFor();
    // 来所 is a counted channel and 60 minutes is above the programme's minimum of 30.
    await page.getByRole('button', { name: '対応を記録する' }).click();
    const activityDialog = page.getByRole('dialog');
    await activityDialog.getByLabel('来所').check();
    await activityDialog.getByLabel('相談時間（分）').fill('60');
    await activityDialog.getByLabel('対応内容').fill('売上集計の流れを確認し、会計ソフトの取込機能を案内した。');
    await expect(activityDialog.getByLabel('委託事業の報告の集計に含める').isChecked()).resolves.toBe(true);
    await activityDialog.getByRole('button', { name: '記録する' }).click();
    await activityDialog.waitFor({ state: 'hidden' });
    await page.getByText('売上集計の流れを確認し').waitFor();

    await page.getByRole('button', { name: '「完了」にする' }).click();
    const completeDialog = page.getByRole('dialog');
    await completeDialog.getByLabel('成果のまとめ').fill('会計ソフトへの取込を始めることになった。');
    await completeDialog.getByRole('button', { name: '完了にする' }).click();
    await completeDialog.waitFor({ state: 'hidden' });
    await page.getByText('状態を「完了」に変更しました。').waitFor();
  });

  it('the commission report of the year counts the activity once', async () => {
    const after = await countedSupports(page);
    expect(after).toBe(before + 1);
    await checkPage(page, 'reports-10-commission-after-journey');
  });

  it('the commissioning body (viewer) sees the reports but no case menu', async () => {
    await page.context().clearCookies();
    await page.goto(`${server.url}/sign-in`);
    await page.getByLabel('メールアドレス').fill(VIEWER);
    await page.getByLabel('パスワード').fill('tsumugi-demo-2026');
    await page.getByRole('button', { name: 'ログインする' }).click();
    await page.getByRole('heading', { level: 1, name: /窓口ダッシュボード/ }).waitFor();
    const navigation = page.getByRole('navigation');
    await expect(navigation.getByRole('link', { name: '相談案件' }).count()).resolves.toBe(0);
    await expect(navigation.getByRole('link', { name: '実績報告' }).count()).resolves.toBe(1);
    await checkPage(page, 'reports-11-viewer-dashboard');
    expect(await countedSupports(page)).toBe(before + 1);
  });
});

describe('cases from a CSV file through the column mapping', () => {
  it('maps the columns, reports the rejected row by its line, and imports the rest', async () => {
    await switchUser(STAFF);
    await page.getByRole('link', { name: '相談案件', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: '相談案件' }).waitFor();
    await page.getByRole('button', { name: 'CSVで出力する' }).click();
    await page.getByRole('button', { name: '案件CSVを出力する' }).waitFor();
    await checkPage(page, 'reports-12-case-list-export');
    await page.getByRole('link', { name: 'CSV・Excelから取り込む' }).first().click();
    await page.getByRole('heading', { level: 1, name: '相談案件・対応記録の取込' }).waitFor();
    await checkPage(page, 'reports-13-import-upload');

    // Nothing chosen: the summary says what to do.
    await page.getByRole('button', { name: 'ファイルを読み込む' }).click();
    await page.getByRole('heading', { name: /入力内容に1件の誤りがあります/ }).waitFor();
    await checkPage(page, 'reports-14-import-upload-error');

    // Headers as a desk's own workbook has them: 「受付年月日」 is no known name and is mapped by hand; line 4 has an impossible date.
    const file = path.join(workDir, '相談案件_移行.csv');
    writeFileSync(
      file,
      [
        '管理番号,受付年月日,会社名,件名,状況,相談内容',
        `T${STAMP}-1,2025/4/10,移行試験 第一商事${STAMP},受発注のデジタル化を移行で試す,対応中,FAXの注文をやめたい`,
        `T${STAMP}-2,令和7年5月1日,移行試験 第二工業${STAMP},在庫管理の相談を移行で試す,完了,在庫を紙で管理している`,
        `T${STAMP}-3,2026/13/45,移行試験 第三物産${STAMP},日付が誤っている行,受付,日付が不正`,
      ].join('\r\n') + '\r\n',
    );
    await page.locator('input[type=file]').setInputFiles(file);
    await page.getByRole('button', { name: 'ファイルを読み込む' }).click();
    await page.getByRole('heading', { level: 2, name: '列の対応付け' }).waitFor();
    // The suggestion took the known headers; 受付日 has no match yet.
    await expect(page.getByLabel('外部ID', { exact: true }).inputValue()).resolves.toBe('管理番号');
    await expect(page.getByLabel('件名', { exact: true }).inputValue()).resolves.toBe('件名');
    await expect(page.getByLabel('受付日', { exact: true }).inputValue()).resolves.toBe('');
    await page.getByText(/「※必須」の項目のうち、対応付けていない項目があります: 受付日/).waitFor();
    await page.getByRole('table', { name: /ファイルの先頭3行/ }).waitFor();
    await checkPage(page, 'reports-15-import-mapping');

    await page.getByLabel('受付日', { exact: true }).selectOption('受付年月日');
    await page.getByLabel('台帳にない事業者を登録する').check();
    await page.getByRole('button', { name: '確認する（ドライラン）' }).click();
    await page.getByRole('heading', { level: 2, name: '確認結果' }).waitFor({ timeout: 60_000 });
    await page.getByText('2件を取り込めます（取り込めない行: 1件）。').waitFor();
    const rejected = page.getByRole('table', { name: '取り込めない行と理由' });
    await rejected.getByRole('rowheader', { name: '4行目' }).waitFor();
    await rejected.getByRole('cell', { name: '受付年月日' }).waitFor();
    await checkPage(page, 'reports-16-import-dry-run');

    await page.getByRole('button', { name: '2件を取り込む' }).click();
    await page.getByRole('heading', { level: 2, name: '取込が完了しました' }).waitFor({ timeout: 60_000 });
    await page.getByText('新規登録 2件、更新 0件を反映しました。').waitFor();
    await checkPage(page, 'reports-17-import-result');

    // The imported cases are in the list.
    await page.getByRole('link', { name: '相談案件の一覧で確認する' }).click();
    await page.getByRole('heading', { level: 1, name: '相談案件' }).waitFor();
    await page.getByRole('link', { name: '受発注のデジタル化を移行で試す' }).first().waitFor();
  });

  it('made no request outside the server', () => {
    expect(external).toEqual([]);
  });
});
