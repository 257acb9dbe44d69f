import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from './support/server';
import { checkPage, forbidExternalRequests, launchBrowser, signIn } from './support/browser';

/*
 * Changing a plan after it was set up. The desk's admin has a plan with a field, two manual indicators and a
 * composite index over them (made through the API, as an import would), and then in the browser: edits an
 * indicator's name and unit (a bad value is refused at its field first, and a save over somebody else's newer
 * version is refused with a way to load theirs), adds a method version from a later
 * year to the composite, creates an indicator reported per half with a target per 上期 and 下期, changes a
 * committee meeting's title, is refused deleting an indicator the composite uses (with the server's reason)
 * and deletes the composite, which nothing uses. Every new page and dialog is checked with axe-core.
 */
const ADMIN = 'admin@aomori.demo.example';
const STAMP = Date.now() % 100_000;
const PLAN_TITLE = `編集試験計画${STAMP}`;
const SEMINARS = 'DXセミナー参加事業者数';
const RENAMED = 'DXセミナー延べ参加事業者数';
const ADVISORS = '専門家派遣件数';
const COMPOSITE = 'DX推進総合指数';
const HALVES = '相談窓口の利用件数';
const MEETING = '令和7年度 第1回 推進委員会';
const MEETING_RENAMED = '令和7年度 第1回 青森県DX推進委員会';

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let external: string[];
let planId = '';
const ids = { seminars: '', advisors: '', composite: '' };

/** A JSON request to the API as the signed-in browser makes it (its cookies, CSRF token and tenant). */
async function api<T>(method: 'GET' | 'POST' | 'PATCH', path: string, body?: unknown): Promise<T> {
  const session = (await (await page.request.get(`${server.url}/api/v1/auth/session`)).json()) as { csrfToken: string; currentTenantId: string | null; tenants: { id: string }[] };
  const response = await page.request.fetch(`${server.url}${path}`, {
    method,
    data: body,
    headers: { 'X-CSRF-Token': session.csrfToken, 'X-Tenant-Id': session.currentTenantId ?? session.tenants[0]?.id ?? '' },
  });
  expect(response.status(), `${method} ${path}: ${await response.text()}`).toBeLessThan(300);
  return (await response.json()) as T;
}
const apiPost = <T>(path: string, body: unknown) => api<T>('POST', path, body);

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'ja-JP' });
  page = await context.newPage();
  external = forbidExternalRequests(page, server.url);

  await signIn(page, server.url, ADMIN);
  planId = (await apiPost<{ id: string }>('/api/v1/plans', { title: PLAN_TITLE, startYear: 2025, endYear: 2027 })).id;
  const field = await apiPost<{ id: string }>(`/api/v1/plans/${planId}/nodes`, { title: 'DX推進', code: '1' });
  const manual = (name: string, unit: string, target: number) =>
    apiPost<{ id: string }>(`/api/v1/plans/${planId}/indicators`, { kind: 'manual', nodeId: field.id, name, unit, targets: [{ fiscalYear: 2025, target }] });
  ids.seminars = (await manual(SEMINARS, '社', 40)).id;
  ids.advisors = (await manual(ADVISORS, '件', 20)).id;
  ids.composite = (
    await apiPost<{ id: string }>(`/api/v1/plans/${planId}/indicators`, {
      kind: 'composite',
      nodeId: field.id,
      name: COMPOSITE,
      unit: '点',
      compositeMethod: {
        effectiveFromYear: 2025,
        normalisation: 'target_share',
        components: [
          { indicatorId: ids.seminars, weight: 1 },
          { indicatorId: ids.advisors, weight: 1 },
        ],
      },
    })
  ).id;
  await apiPost(`/api/v1/plans/${planId}/meetings`, { title: MEETING, heldOn: '2025-07-15' });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const indicatorUrl = (id: string) => `${server.url}/plans/${planId}/indicators/${id}`;

describe('editing a plan: indicators, composite methods and meetings', () => {
  it('the admin edits an indicator: a bad value is refused at its field, a stale version is refused, then the name and unit are saved', async () => {
    await page.goto(indicatorUrl(ids.seminars));
    await page.getByRole('heading', { level: 2, name: SEMINARS }).waitFor();
    await page.getByRole('link', { name: '定義を編集する' }).click();
    await page.getByRole('heading', { level: 2, name: `「${SEMINARS}」の定義を編集する` }).waitFor();
    // What the PATCH does not take is not offered: the kind is shown, not chosen; targets are revised per period.
    expect(await page.getByRole('radio', { name: /^手入力/ }).count()).toBe(0);
    expect(await page.getByLabel(/年度の目標$/).count()).toBe(0);
    await checkPage(page, 'plan-editing-01-indicator-edit');

    await page.getByLabel('指標名').fill(RENAMED);
    await page.getByLabel('単位').fill('事業者');
    await page.getByLabel('小数点以下の桁数').fill('10');
    await page.getByRole('button', { name: '変更を保存する' }).click();
    await page.getByRole('heading', { name: '入力内容に1件の誤りがあります' }).waitFor();
    await expect.poll(() => page.locator('#field-decimals-error').textContent()).toContain('6以下の値を入力してください。');
    expect(await page.getByLabel('小数点以下の桁数').getAttribute('aria-invalid')).toBe('true');
    await checkPage(page, 'plan-editing-02-indicator-edit-error');

    // Meanwhile somebody else saves the indicator: this save is refused and offers their version.
    const { version } = await api<{ version: number }>('GET', `/api/v1/indicators/${ids.seminars}`);
    await api('PATCH', `/api/v1/indicators/${ids.seminars}`, { version, source: '県DX推進課調べ' });
    await page.getByLabel('小数点以下の桁数').fill('0');
    await page.getByRole('button', { name: '変更を保存する' }).click();
    await page.getByRole('alert').getByText('ほかの人が先に更新しました').waitFor();
    await checkPage(page, 'plan-editing-03-indicator-edit-conflict');
    await page.getByRole('button', { name: '最新の内容を読み込む' }).click();
    await expect.poll(() => page.getByLabel('出典').inputValue()).toBe('県DX推進課調べ');
    expect(await page.getByLabel('指標名').inputValue()).toBe(SEMINARS);

    await page.getByLabel('指標名').fill(RENAMED);
    await page.getByLabel('単位').fill('事業者');
    await page.getByRole('button', { name: '変更を保存する' }).click();
    await page.getByText(`指標「${RENAMED}」の定義を保存しました。`).waitFor();
    await page.getByRole('heading', { level: 2, name: RENAMED }).waitFor();
    await page.getByRole('table', { name: `${RENAMED}の期間ごとの目標と実績` }).getByText('40事業者').first().waitFor();
  });

  it('the admin adds a method version from a later year to the composite index', async () => {
    await page.goto(indicatorUrl(ids.composite));
    await page.getByRole('heading', { level: 2, name: COMPOSITE }).waitFor();
    await page.getByRole('button', { name: '算出方法の新しい版を追加する' }).click();
    const dialog = page.getByRole('dialog', { name: `「${COMPOSITE}」の算出方法に新しい版を追加する` });
    await dialog.waitFor();
    // It starts from version 1: its parts, and the year after it.
    expect(await dialog.getByLabel('この算出方法を使い始める年度').inputValue()).toBe('2026');
    const second = dialog.getByRole('group', { name: '構成要素 2' });
    expect(await second.getByRole('combobox', { name: /^指標/ }).inputValue()).toBe(ids.advisors);
    await second.getByRole('textbox', { name: /^重み/ }).fill('3');
    await dialog.getByLabel('得点の上限').fill('120');
    await dialog.getByLabel('算出方法の説明').fill('令和8年度からは専門家派遣を重く見る');
    await checkPage(page, 'plan-editing-04-method-dialog');
    await dialog.getByRole('button', { name: '新しい版を追加する' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText('算出方法の第2版（2026（令和8）年度から）を追加しました。').waitFor();
    await page.getByRole('heading', { name: '第2版（2026（令和8）年度から）' }).waitFor();
    await page.getByText('得点は 120 を上限とします。').first().waitFor();
    await checkPage(page, 'plan-editing-05-method-added');
  });

  it('the admin creates an indicator reported per half with a target for each 上期 and 下期', async () => {
    await page.goto(`${server.url}/plans/${planId}/indicators/new`);
    await page.getByRole('heading', { level: 2, name: '指標を作成する' }).waitFor();
    await page.getByLabel('指標名').fill(HALVES);
    await page.getByLabel('単位').fill('件');
    await page.getByLabel('半期ごと（上期・下期）').check();
    expect(await page.getByLabel('2025（令和7）年度の目標').count()).toBe(0);
    await page.getByLabel('2025（令和7）年度 上期の目標').fill('30');
    await page.getByLabel('2025（令和7）年度 下期の目標').fill('3x');
    await page.getByRole('button', { name: '指標を作成する' }).click();
    await page.getByRole('link', { name: /2025（令和7）年度 下期の目標: 数値で入力してください。/ }).waitFor();
    await checkPage(page, 'plan-editing-06-half-targets');
    await page.getByLabel('2025（令和7）年度 下期の目標').fill('35');
    await page.getByRole('button', { name: '指標を作成する' }).click();
    await page.getByRole('heading', { level: 2, name: HALVES }).waitFor();
    const table = page.getByRole('table', { name: `${HALVES}の期間ごとの目標と実績` });
    await table.getByRole('row', { name: /^2025（令和7）年度 上期/ }).getByText('30件').waitFor();
    await table.getByRole('row', { name: /^2025（令和7）年度 下期/ }).getByText('35件').waitFor();
  });

  it('the admin changes a committee meeting’s title', async () => {
    await page.goto(`${server.url}/plans/${planId}/meetings`);
    await page.getByRole('heading', { level: 2, name: MEETING }).waitFor();
    await page.getByRole('button', { name: new RegExp(`^会議の内容を変更する.*${MEETING}`) }).click();
    const dialog = page.getByRole('dialog', { name: '会議の内容を変更する' });
    expect(await dialog.getByLabel('開催日').inputValue()).toBe('2025-07-15');
    await dialog.getByLabel('会議名').fill(MEETING_RENAMED);
    await checkPage(page, 'plan-editing-07-meeting-dialog');
    await dialog.getByRole('button', { name: '変更を保存する' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText(`会議「${MEETING_RENAMED}」を更新しました。`).waitFor();
    await page.getByRole('heading', { level: 2, name: MEETING_RENAMED }).waitFor();
    await checkPage(page, 'plan-editing-08-meeting-saved');
  });

  it('deleting an indicator the composite uses is refused with the reason; the composite itself is deleted', async () => {
    await page.goto(indicatorUrl(ids.advisors));
    await page.getByRole('heading', { level: 2, name: ADVISORS }).waitFor();
    await page.getByRole('button', { name: 'この指標を削除する' }).click();
    const confirm = page.getByRole('alertdialog', { name: `指標「${ADVISORS}」を削除しますか` });
    await confirm.getByText('元に戻せません。', { exact: false }).waitFor();
    await checkPage(page, 'plan-editing-09-delete-confirm');
    await confirm.getByRole('button', { name: '削除する' }).click();
    await confirm.waitFor({ state: 'hidden' });
    const refusal = page.getByRole('alert').filter({ hasText: '指標を削除できませんでした' });
    await refusal.getByText(`この指標は合成指標（${COMPOSITE}）の構成要素なので削除できません。`, { exact: false }).waitFor();
    await checkPage(page, 'plan-editing-10-delete-refused');

    await page.goto(indicatorUrl(ids.composite));
    await page.getByRole('heading', { level: 2, name: COMPOSITE }).waitFor();
    await page.getByRole('button', { name: 'この指標を削除する' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: '削除する' }).click();
    await page.getByText(`指標「${COMPOSITE}」を削除しました。`).waitFor();
    await page.getByRole('heading', { level: 1, name: new RegExp(`${PLAN_TITLE}\\s*指標`) }).waitFor();
    await page.getByRole('link', { name: ADVISORS }).first().waitFor();
    expect(await page.getByRole('link', { name: COMPOSITE }).count()).toBe(0);
    await checkPage(page, 'plan-editing-11-deleted');
    expect(external).toEqual([]);
  });
});
