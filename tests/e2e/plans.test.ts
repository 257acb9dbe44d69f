import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from './support/server';
import { checkPage, forbidExternalRequests, launchBrowser, signIn } from './support/browser';

/*
 * Plans in the browser: the desk's admin creates a plan, adds a field and a manual indicator with a target,
 * names a reviewer in the settings and submits an actual (a value with too many decimals is refused at the
 * field first); the reviewer approves it from the review queue; the admin records a review and publishes the
 * plan; a resident then reads the approved actual on the public page without signing in (also on a phone),
 * and a plan still in draft answers the not-found page. Every page and dialog is checked with axe-core.
 */
const ADMIN = 'admin@aomori.demo.example';
const STAFF = 'staff@aomori.demo.example';
const STAMP = Date.now() % 100_000;
const PLAN_TITLE = `試験DX推進計画${STAMP}`;
const FIELD_TITLE = 'DX推進試験分野';
const INDICATOR = `DXセミナー参加事業者数${STAMP}`;
const NARRATIVE = 'セミナーの受付名簿から県DX推進課が集計した';

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let external: string[];
let planId = '';
let indicatorUrl = '';

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'ja-JP' });
  page = await context.newPage();
  external = forbidExternalRequests(page, server.url);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function switchUser(email: string) {
  await page.context().clearCookies();
  await signIn(page, server.url, email);
}

/** A tab of the plan's own navigation. */
async function openSection(name: string) {
  await page.getByRole('navigation', { name: '計画のメニュー' }).getByRole('link', { name, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: new RegExp(`${PLAN_TITLE}\\s*${name}`) }).waitFor();
}

describe('plans, indicators and the public view', () => {
  it('the admin creates a plan, adds a field and a manual indicator with a target', async () => {
    await signIn(page, server.url, ADMIN);
    await page.getByRole('link', { name: '計画・指標', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: '計画・指標' }).waitFor();
    await checkPage(page, 'plans-01-list');

    await page.getByRole('button', { name: '新しい計画を作成する' }).click();
    await page.getByLabel('計画の名称').fill(PLAN_TITLE);
    await page.getByLabel('版').fill('令和7年3月策定');
    await page.getByLabel('開始年度').selectOption('2025');
    await page.getByLabel('最終年度').selectOption('2027');
    await checkPage(page, 'plans-02-create-form');
    await page.getByRole('button', { name: '計画を作成する' }).click();
    await page.getByRole('heading', { level: 1, name: new RegExp(`${PLAN_TITLE}\\s*体系`) }).waitFor();
    planId = /\/plans\/([0-9a-f-]{36})\/tree/.exec(page.url())?.[1] ?? '';
    expect(planId).not.toBe('');
    await page.getByText('2025（令和7）年度〜2027（令和9）年度').first().waitFor();

    await page.getByRole('button', { name: '分野を追加する' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('名称').fill(FIELD_TITLE);
    await dialog.getByLabel('番号（コード）').fill('1');
    await dialog.getByLabel('担当課').fill('企画政策部DX推進課');
    await checkPage(page, 'plans-03-node-dialog');
    await dialog.getByRole('button', { name: '追加する' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText(`「1 ${FIELD_TITLE}」を追加しました。`).waitFor();
    await page.getByText('進捗の計算方法').first().click();
    await checkPage(page, 'plans-04-tree');

    await page.getByRole('link', { name: new RegExp(`^指標を追加.*${FIELD_TITLE}`) }).click();
    await page.getByRole('heading', { level: 2, name: '指標を作成する' }).waitFor();
    await page.getByLabel('指標名').fill(INDICATOR);
    await page.getByLabel('単位').fill('社');
    await page.getByLabel('2025（令和7）年度の目標').fill('40');
    await checkPage(page, 'plans-05-indicator-form');
    await page.getByRole('button', { name: '指標を作成する' }).click();
    await page.getByRole('heading', { level: 2, name: INDICATOR }).waitFor();
    indicatorUrl = page.url().split('?')[0] ?? '';
    await checkPage(page, 'plans-06-indicator');
  });

  it('the admin names a reviewer in the settings and submits an actual; a bad value is refused at its field', async () => {
    await page.goto(`${server.url}/plans/${planId}/settings`);
    await page.getByRole('heading', { level: 1, name: new RegExp(`${PLAN_TITLE}\\s*設定`) }).waitFor();
    await page.getByLabel('相談 一郎').check();
    await checkPage(page, 'plans-07-settings');
    await page.getByRole('button', { name: '設定を保存する' }).click();
    await page.getByText(`「${PLAN_TITLE}」の設定を保存しました。`).waitFor();

    await page.goto(indicatorUrl);
    await page.getByRole('link', { name: /^この期間を開く.*2025（令和7）年度/ }).click();
    await page.getByRole('heading', { name: '2025（令和7）年度の報告・目標・履歴' }).waitFor();
    await page.getByLabel('実績値（社）').fill('41.5');
    await page.getByRole('button', { name: '提出する' }).click();
    await page.getByRole('heading', { name: /入力内容に1件の誤りがあります/ }).waitFor();
    await page.getByText('小数点以下は0桁までで入力してください。').first().waitFor();
    await checkPage(page, 'plans-08-report-error');

    await page.getByLabel('実績値（社）').fill('41');
    await page.getByLabel('実績の説明').fill(NARRATIVE);
    await page.getByRole('button', { name: '提出する' }).click();
    await page.getByText('2025（令和7）年度の実績を提出しました。承認者の確認を待っています。').waitFor();
    await page.getByText(/が承認を待っています/).waitFor();
    await checkPage(page, 'plans-09-submitted');
  });

  it('the reviewer approves the actual from the review queue', async () => {
    await switchUser(STAFF);
    await page.getByRole('link', { name: '実績の承認' }).click();
    await page.getByRole('heading', { level: 1, name: '実績の承認' }).waitFor();
    const card = page.getByRole('region', { name: new RegExp(INDICATOR) });
    await card.waitFor();
    await checkPage(page, 'plans-10-queue');
    await card.getByLabel('コメント').fill('名簿と照合しました。');
    await card.getByRole('button', { name: /^承認する/ }).click();
    await page.getByText(new RegExp(`${INDICATOR} 2025（令和7）年度の実績を承認しました。`)).waitFor();
    await checkPage(page, 'plans-11-approved');

    await page.goto(indicatorUrl);
    const row = page.getByRole('table', { name: `${INDICATOR}の期間ごとの目標と実績` }).getByRole('row', { name: /^2025（令和7）年度/ });
    await row.getByText('41社').waitFor();
    await row.getByText('102.5%').waitFor();
  });

  it('the admin records a review, sees the plan at a glance and its report, and publishes it; a draft plan stays hidden', async () => {
    await switchUser(ADMIN);
    await page.goto(`${server.url}/plans/${planId}`);
    await page.getByRole('heading', { level: 1, name: new RegExp(`${PLAN_TITLE}\\s*概要`) }).waitFor();
    await page.getByLabel('表示する年度').selectOption('2025');
    await page.getByRole('heading', { name: '2025（令和7）年度の状況' }).waitFor();
    await checkPage(page, 'plans-12-overview');

    await openSection('評価');
    await page.getByRole('combobox', { name: /^年度/ }).selectOption('2025');
    await page.getByRole('button', { name: /^評価を記録する.*計画全体/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('順調', { exact: true }).check();
    await dialog.getByLabel('所見').fill('セミナーの参加事業者数は目標を上回った。');
    await dialog.getByLabel('確定').check();
    await checkPage(page, 'plans-13-review-dialog');
    await dialog.getByRole('button', { name: '保存する' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText('計画全体の評価（順調）を保存しました。').waitFor();
    await checkPage(page, 'plans-14-reviews');

    await openSection('報告状況');
    await checkPage(page, 'plans-15-reporting');
    await openSection('年次報告');
    await page.getByRole('combobox', { name: /^年度/ }).selectOption('2025');
    await page.getByRole('heading', { name: /2025（令和7）年度 年次進捗報告/ }).waitFor();
    await page.getByText(NARRATIVE).waitFor();
    await checkPage(page, 'plans-16-annual-report');

    // Before publishing, the public address answers the not-found page (a context of its own: a fresh cache).
    const anonymous = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'ja-JP' });
    const outsider = await anonymous.newPage();
    await outsider.goto(`${server.url}/open/plans/${planId}`);
    await outsider.getByRole('heading', { level: 1, name: 'ページが見つかりません' }).waitFor();
    await checkPage(outsider, 'plans-17-public-draft-not-found');
    await anonymous.close();

    await openSection('設定');
    await page.getByRole('button', { name: '公開する' }).click();
    const confirm = page.getByRole('alertdialog');
    await confirm.getByText('公開すると、承認済みの値だけがサインインなしで見られます。').waitFor();
    await checkPage(page, 'plans-18-publish-dialog');
    await confirm.getByRole('button', { name: '公開する' }).click();
    await page.getByText('計画を公開しました。').waitFor();
    await page.getByRole('link', { name: '公開ページを開く' }).waitFor();
  });

  it('a resident reads the approved actual on the public page without signing in, on a desktop and on a phone', async () => {
    const anonymous = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'ja-JP' });
    const resident = await anonymous.newPage();
    const residentExternal = forbidExternalRequests(resident, server.url);
    await resident.goto(`${server.url}/open/plans`);
    await resident.getByRole('heading', { level: 1, name: '公開されている計画' }).waitFor();
    await checkPage(resident, 'plans-19-public-list');
    await resident.getByRole('link', { name: PLAN_TITLE }).click();
    await resident.getByRole('heading', { level: 1, name: new RegExp(PLAN_TITLE) }).waitFor();
    await resident.getByText('実績は承認された値のみを表示しています。').first().waitFor();
    // The whole plan's review is on the plan page; the tree tells how a node's progress is computed when asked.
    await resident.getByText('セミナーの参加事業者数は目標を上回った。').waitFor();
    const tree = resident.getByRole('region', { name: '施策の体系と進捗' });
    await tree.getByText('進捗の計算方法', { exact: true }).first().click();
    await tree.getByText(/担当者が入力した値|状況「.+」の既定の進捗|進捗はまだ計算できません/).first().waitFor();
    await checkPage(resident, 'plans-20a-public-plan');
    // Each node has a page of its own: its indicators with every period, its reviews and the committee's opinions.
    await resident.getByRole('link', { name: new RegExp(`詳細と指標（1件）を見る.*${FIELD_TITLE}`) }).click();
    await resident.getByRole('heading', { level: 1, name: new RegExp(FIELD_TITLE) }).waitFor();
    const table = resident.getByRole('table', { name: `${INDICATOR}の目標と実績` });
    const row = table.getByRole('row', { name: /^2025（令和7）年度/ });
    await row.getByText('41社').waitFor();
    await row.getByText('102.5%').waitFor();
    await checkPage(resident, 'plans-20-public-node');
    await resident.getByRole('navigation', { name: 'パンくずリスト' }).getByRole('link', { name: PLAN_TITLE }).click();
    await resident.getByRole('heading', { level: 1, name: new RegExp(PLAN_TITLE) }).waitFor();
    await resident.getByRole('link', { name: /CSV/ }).waitFor();
    expect(residentExternal).toEqual([]);
    await anonymous.close();

    const phoneContext = await browser.newContext({ viewport: { width: 375, height: 812 }, locale: 'ja-JP', isMobile: true, hasTouch: true });
    const phone = await phoneContext.newPage();
    await phone.goto(`${server.url}/open/plans/${planId}`);
    await phone.getByRole('heading', { level: 1, name: new RegExp(PLAN_TITLE) }).waitFor();
    await phone.getByRole('link', { name: new RegExp(`詳細と指標（1件）を見る.*${FIELD_TITLE}`) }).click();
    await phone.getByRole('table', { name: `${INDICATOR}の目標と実績` }).getByText('41社').waitFor();
    await checkPage(phone, 'plans-21-public-plan-phone');
    // Nothing but the labelled table regions scrolls sideways at 375 px.
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await phoneContext.close();
    expect(external).toEqual([]);
  });
});
