import { readFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from './support/server';
import { DEMO_PASSWORD, checkPage, forbidExternalRequests, launchBrowser, screenshot, signIn } from './support/browser';

/*
 * Browser journeys of a desk coordinator (admin of the Aomori demo desk), in order: each step builds
 * on the one before (the company created here is searched, exported and imported back).
 * Every page visited is checked with axe-core (JIS X 8341-3 AA ≈ WCAG 2.x A/AA) and photographed
 * into test-results/screenshots/ for people to look at.
 */
const ADMIN = 'admin@aomori.demo.example';
const COMPANY_NAME = '弘前りんご加工テスト工房';

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let external: string[];

/** Presses Tab until the focused element satisfies `matches` (keyboard-only journeys). */
async function tabTo(target: Page, matches: (element: { tag: string; name: string; label: string; type: string }) => boolean, limit = 120) {
  for (let i = 0; i < limit; i++) {
    await target.keyboard.press('Tab');
    const focused = await target.evaluate(() => {
      const element = document.activeElement as HTMLElement | null;
      if (!element) return { tag: '', name: '', label: '', type: '' };
      const labels = (element as HTMLInputElement).labels;
      return {
        tag: element.tagName.toLowerCase(),
        name: (element.textContent ?? '').trim(),
        label: labels && labels.length > 0 ? (labels[0]?.textContent ?? '').trim() : (element.getAttribute('aria-label') ?? ''),
        type: element.getAttribute('type') ?? '',
      };
    });
    if (matches(focused)) return;
  }
  throw new Error('the element was not reached with Tab');
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'ja-JP', acceptDownloads: true });
  page = await context.newPage();
  external = forbidExternalRequests(page, server.url);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the desk coordinator', () => {
  it('sees the sign-in page in Japanese and a clear error for a wrong password', async () => {
    await page.goto(`${server.url}/sign-in`);
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('ja');
    await page.getByRole('heading', { level: 1, name: 'ログイン' }).waitFor();
    await checkPage(page, '01-sign-in');

    await page.getByLabel('メールアドレス').fill(ADMIN);
    await page.getByLabel('パスワード').fill('wrong-password-123');
    await page.getByRole('button', { name: 'ログインする' }).click();
    await page.getByText('メールアドレスまたはパスワードが正しくありません。').waitFor();
    await checkPage(page, '02-sign-in-error');
  });

  it('signs in with the keyboard only', async () => {
    await page.goto(`${server.url}/sign-in`);
    await page.getByRole('heading', { level: 1, name: 'ログイン' }).waitFor();
    await tabTo(page, (element) => element.label.startsWith('メールアドレス'));
    await page.keyboard.type(ADMIN);
    await page.keyboard.press('Tab');
    await page.keyboard.type(DEMO_PASSWORD);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: '事業者台帳' }).waitFor();
    // Focus goes to the new page's heading after the navigation.
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    await page.getByRole('table').waitFor();
    await checkPage(page, '03-company-list');
  });

  it('is told what to fix when the company form is sent empty', async () => {
    await page.getByRole('link', { name: '事業者を登録する' }).click();
    await page.getByRole('heading', { level: 1, name: '事業者の新規登録' }).waitFor();
    await checkPage(page, '04-company-form');
    await page.getByRole('button', { name: '登録する', exact: true }).click();
    const summary = page.getByRole('heading', { name: /入力内容に\d+件の誤りがあります/ });
    await summary.waitFor();
    await expect(page.getByLabel('事業者名').getAttribute('aria-invalid')).resolves.toBe('true');
    await checkPage(page, '05-company-form-errors');
  });

  it('registers a company with the keyboard only', async () => {
    await page.goto(`${server.url}/companies/new`);
    await page.getByRole('heading', { level: 1, name: '事業者の新規登録' }).waitFor();
    await tabTo(page, (element) => element.label.startsWith('事業者名'));
    await page.keyboard.type(COMPANY_NAME);
    await page.keyboard.press('Tab');
    await page.keyboard.type('ヒロサキリンゴカコウテストコウボウ');
    // 事業者区分: Tab enters the radio group, the arrow keys choose (法人 → NPO → 個人事業主).
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect(page.getByLabel('個人事業主').isChecked()).resolves.toBe(true);
    await tabTo(page, (element) => element.label.startsWith('都道府県'));
    // A closed <select> changes with the arrow keys: 選択してください → 北海道 → 青森県.
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect(page.getByLabel('都道府県').inputValue()).resolves.toBe('02');
    await tabTo(page, (element) => element.label.startsWith('従業員数'));
    await page.keyboard.type('8');
    await tabTo(page, (element) => element.tag === 'button' && element.name === '登録する');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: new RegExp(COMPANY_NAME) }).waitFor();
    await page.getByText(`「${COMPANY_NAME}」を登録しました。`).waitFor();
    await page.getByRole('heading', { name: '変更履歴' }).waitFor();
    await page.getByText('事業者を登録').first().waitFor();
    await checkPage(page, '06-company-detail');
  });

  it('finds the company by a Japanese substring (two characters are enough)', async () => {
    await page.goto(`${server.url}/companies`);
    await page.getByRole('heading', { level: 1, name: '事業者台帳' }).waitFor();
    await page.getByLabel('キーワード').fill('工房');
    await page.getByRole('button', { name: '検索', exact: true }).click();
    await page.waitForURL(/q=/);
    await page.getByRole('link', { name: COMPANY_NAME }).waitFor();
    await page.getByLabel('キーワード').fill('りんご加工テスト');
    await page.getByRole('button', { name: '検索', exact: true }).click();
    await page.getByText('1件', { exact: true }).waitFor();
    await checkPage(page, '07-company-search');
  });

  let csvPath = '';
  it('exports the search result as CSV (UTF-8 with BOM)', async () => {
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'CSVを出力する' }).click();
    const download = await downloading;
    csvPath = path.join(mkdtempSync(path.join(tmpdir(), 'tsumugi-csv-')), download.suggestedFilename() || 'companies.csv');
    await download.saveAs(csvPath);
    const bytes = readFileSync(csvPath);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toContain(COMPANY_NAME);
  });

  it('imports the CSV back: the dry run reports no change, and applying it changes nothing', async () => {
    await page.goto(`${server.url}/companies/import`);
    await page.getByRole('heading', { level: 1, name: '事業者台帳のCSV取込' }).waitFor();
    await checkPage(page, '08-import');
    await page.getByLabel('CSVファイル').setInputFiles(csvPath);
    await page.getByRole('button', { name: /内容を確認する/ }).click();
    await page.getByRole('heading', { name: '確認結果' }).waitFor({ timeout: 60_000 });
    const report = page.locator('dl');
    await expect(report.getByText('新しく登録する事業者').locator('xpath=following-sibling::dd[1]').textContent()).resolves.toBe('0');
    await expect(report.getByText('更新する事業者').locator('xpath=following-sibling::dd[1]').textContent()).resolves.toBe('0');
    await expect(report.getByText('変更のない事業者').locator('xpath=following-sibling::dd[1]').textContent()).resolves.toBe('1');
    await checkPage(page, '09-import-dry-run');
    await page.getByRole('button', { name: /取り込む/ }).click();
    await page.getByRole('heading', { name: '取込が完了しました' }).waitFor({ timeout: 60_000 });
    await expect(page.getByText('新規登録 0件、更新 0件を台帳に反映しました。').isVisible()).resolves.toBe(true);
    await checkPage(page, '10-import-result');
  });

  it('manages members, reads the audit log and the mail outbox', async () => {
    await page.getByRole('link', { name: 'メンバー' }).click();
    await page.getByRole('heading', { level: 1, name: 'メンバー' }).waitFor();
    await page.getByLabel('招待する人のメールアドレス').fill('new.coordinator@example.jp');
    await page.getByRole('button', { name: '招待を送る' }).click();
    await page.getByText('new.coordinator@example.jp に招待を送りました。').waitFor();
    await page.getByRole('table', { name: /承諾待ちの招待/ }).waitFor();
    await checkPage(page, '11-members');

    await page.getByRole('link', { name: '監査ログ' }).click();
    await page.getByRole('heading', { level: 1, name: '監査ログ' }).waitFor();
    await page.getByText('メンバーを招待').first().waitFor();
    await page.getByText('変更内容を見る').first().click();
    await checkPage(page, '12-audit-log');

    await page.getByRole('link', { name: '送信メール' }).click();
    await page.getByRole('heading', { level: 1, name: '送信メール' }).waitFor();
    await page.getByRole('button', { name: /本文を読む/ }).first().click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await checkPage(page, '13-mail-reading');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await checkPage(page, '14-mail-outbox');
  });

  it('opens the settings and starts two-factor enrolment with a locally drawn QR code', async () => {
    await page.goto(`${server.url}/settings`);
    await page.getByRole('heading', { level: 1, name: '設定' }).waitFor();
    await checkPage(page, '15-settings');
    await page.getByRole('region', { name: '2段階認証' }).getByLabel('現在のパスワード').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: '2段階認証の設定を始める' }).click();
    await page.getByRole('img', { name: '認証アプリで読み取るQRコード' }).waitFor();
    await checkPage(page, '16-settings-two-factor');
  });

  it('switches to English and back (html lang follows)', async () => {
    await page.goto(`${server.url}/companies`);
    await page.getByRole('heading', { level: 1, name: '事業者台帳' }).waitFor();
    await page.getByRole('button', { name: /言語（Language）/ }).click();
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Company register' }).waitFor();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en');
    await checkPage(page, '17-company-list-en');
    await page.getByRole('button', { name: /Language（言語）/ }).click();
    await page.getByRole('button', { name: '日本語' }).click();
    await page.getByRole('heading', { level: 1, name: '事業者台帳' }).waitFor();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('ja');
  });

  it('shows a helpful page for an unknown address', async () => {
    await page.goto(`${server.url}/no-such-page`);
    await page.getByRole('heading', { level: 1, name: 'ページが見つかりません' }).waitFor();
    await checkPage(page, '18-not-found');
  });

  it('offers a password reset without revealing whether an account exists', async () => {
    const anonymous = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'ja-JP' });
    const phone = await anonymous.newPage();
    const phoneExternal = forbidExternalRequests(phone, server.url);
    await phone.goto(`${server.url}/forgot-password`);
    await phone.getByRole('heading', { level: 1, name: 'パスワードの再設定' }).waitFor();
    await phone.getByLabel('メールアドレス').fill('nobody@example.jp');
    await phone.getByRole('button', { name: '再設定用のリンクを送る' }).click();
    await phone.getByText('メールを確認してください').waitFor();
    await checkPage(phone, '19-forgot-password-phone');
    await signIn(phone, server.url, 'staff@aomori.demo.example');
    await screenshot(phone, '20-company-list-phone');
    await checkPage(phone, '20-company-list-phone');
    expect(phoneExternal).toEqual([]);
    await anonymous.close();
  });

  it('made no request outside the server', () => {
    expect(external).toEqual([]);
  });
});
