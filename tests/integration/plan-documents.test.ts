import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../support/api-client';
import { csv, multipartFile } from '../support/case-import-fixtures';
import { createTenant, createUser } from '../support/factories';
import { useTestApp } from '../support/setup';

const testApp = useTestApp();

async function member(tenantId: string, role: 'admin' | 'staff' | 'expert' | 'viewer') {
  const user = await createUser(testApp().database.db, [{ tenantId, role }]);
  return { id: user.userId, client: await ApiClient.signedIn(testApp().app, user.email, user.password, tenantId) };
}

function upload(client: ApiClient, url: string, fileName: string, bytes: Buffer) {
  const { body, contentType } = multipartFile(fileName, bytes, 'text/csv');
  return client.post(url, body, { 'content-type': contentType });
}

describe('plan documents and CSV interchange', () => {
  let admin: ApiClient;
  let reviewer: ApiClient;
  let viewer: ApiClient;
  let planId: string;
  let fieldId: string;

  beforeAll(async () => {
    const tenantId = await createTenant(testApp().database.db, { name: '青森県' });
    admin = (await member(tenantId, 'admin')).client;
    const staff = await member(tenantId, 'staff');
    reviewer = staff.client;
    viewer = (await member(tenantId, 'viewer')).client;
    planId = (await admin.post('/api/v1/plans', { title: '青森県DX推進プラン', startYear: 2024, endYear: 2028, reviewerIds: [staff.id] })).json().id;
    fieldId = (await admin.post(`/api/v1/plans/${planId}/nodes`, { title: '産業・しごと分野', code: '1', externalId: 'F1' })).json().id;
    const area = (await admin.post(`/api/v1/plans/${planId}/nodes`, { parentId: fieldId, title: '商工業・サービス業', code: '1-1' })).json();
    const indicator = (await admin.post(`/api/v1/plans/${planId}/indicators`, { kind: 'manual', nodeId: area.id, name: 'DX認定の取得件数', unit: '件', externalId: 'KPI-1', targets: [{ fiscalYear: 2025, target: 12 }] })).json();
    const update = (await admin.post(`/api/v1/indicator-periods/${indicator.periods[1].id}/updates`, { value: 9, narrative: '認定取得の支援を継続した。', submit: true })).json();
    await reviewer.post(`/api/v1/indicator-updates/${update.id}/approve`, { version: update.version });
    await admin.put(`/api/v1/plans/${planId}/reviews`, { nodeId: fieldId, fiscalYear: 2025, term: 'annual', gradeKey: 'slightly_behind', comment: '認定件数が目標に届かなかった。', status: 'final' });
  });

  it('exports the tree as CSV that imports back with nothing to change', async () => {
    const exported = await viewer.get(`/api/v1/plans/${planId}/nodes.csv`);
    expect(exported.statusCode).toBe(200);
    expect(exported.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const back = await upload(admin, `/api/v1/plans/${planId}/nodes/import?dryRun=false`, 'nodes.csv', exported.rawPayload);
    expect(back.statusCode, back.body).toBe(200);
    expect(back.json()).toMatchObject({ created: 0, updated: 0, unchanged: 2, errors: [] });
  });

  it('checks a tree file row by row first: a dry run writes nothing and names every bad line', async () => {
    const file = csv([
      ['外部ID', '親外部ID', 'コード', 'タイトル', '進捗（入力）'],
      ['F2', '', '2', '暮らし・まち分野', ''],
      ['A21', 'F2', '2-1', '医療・福祉', '30'],
      ['A22', 'NOPE', '2-2', '子育て', ''],
      ['A23', 'F2', '2-3', '学校教育', '１２０'],
    ]);
    const dry = await upload(admin, `/api/v1/plans/${planId}/nodes/import?dryRun=true`, 'nodes.csv', Buffer.from(file));
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json().errors.map((error: { line: number; code: string }) => [error.line, error.code])).toEqual([
      [4, 'unknown_parent'],
      [5, 'out_of_range'],
    ]);
    expect(dry.json().errors[0].message).toBeTruthy();
    const tree = (await admin.get(`/api/v1/plans/${planId}/tree`)).json();
    expect(tree.nodes).toHaveLength(2);

    const fixed = csv([
      ['外部ID', '親外部ID', 'コード', 'タイトル', '進捗（入力）'],
      ['A21', 'F2', '2-1', '医療・福祉', '30'],
      ['F2', '', '2', '暮らし・まち分野', ''],
    ]);
    const applied = (await upload(admin, `/api/v1/plans/${planId}/nodes/import`, 'nodes.csv', Buffer.from(fixed))).json();
    expect(applied).toMatchObject({ created: 2, updated: 0, errors: [] });
    const after = (await admin.get(`/api/v1/plans/${planId}/tree`)).json();
    const child = after.nodes.find((node: { code: string }) => node.code === '2-1');
    expect(child).toMatchObject({ depth: 1, progressEntered: 30 });
    expect(after.nodes.find((node: { code: string }) => node.code === '2').progress).toBe(30);
  });

  it('imports a Decidim Accountability results CSV as nodes, with their hierarchy and progress', async () => {
    const file = csv([
      ['id', 'parent/id', 'title/ca', 'title/ja', 'title/en', 'description/ja', 'start_date', 'end_date', 'status/id', 'progress'],
      ['101', '', 'Transformació digital', 'デジタル変革', 'Digital transformation', '<p>県の<b>DX</b>の柱</p>', '2024-04-01', '2029-03-31', '3', '40'],
      ['102', '101', 'Finestreta', 'オンライン窓口', 'Online desk', '', '2024-04-01', '2026-03-31', '3', '80.5'],
    ]);
    const result = await upload(admin, `/api/v1/plans/${planId}/decidim/import`, 'results.csv', Buffer.from(file));
    expect(result.statusCode, result.body).toBe(200);
    expect(result.json()).toMatchObject({ created: 2, errors: [] });
    const tree = (await admin.get(`/api/v1/plans/${planId}/tree`)).json();
    const parent = tree.nodes.find((node: { externalId: string }) => node.externalId === 'decidim:101');
    const child = tree.nodes.find((node: { externalId: string }) => node.externalId === 'decidim:102');
    expect(parent).toMatchObject({ title: 'デジタル変革', titleEn: 'Digital transformation', description: '県のDXの柱', progressEntered: 40 });
    expect(child).toMatchObject({ parentId: parent.id, depth: 1, progressEntered: 80.5 });
    expect((await admin.get(`/api/v1/plans/${planId}`)).json().statuses.map((status: { key: string }) => status.key)).toContain('decidim-3');
  });

  it('imports targets per period, keeping the revision, and never actuals', async () => {
    const exported = await admin.get(`/api/v1/plans/${planId}/periods.csv`);
    const text = exported.rawPayload.subarray(3).toString('utf8');
    const changed = text.replace(/(KPI-1,DX認定の取得件数,件,2026,年度,)/, '$115');
    const result = await upload(admin, `/api/v1/plans/${planId}/periods/import`, 'periods.csv', Buffer.from(changed));
    expect(result.statusCode, result.body).toBe(200);
    expect(result.json()).toMatchObject({ updated: 1, errors: [] });
    const indicator = (await admin.get(`/api/v1/plans/${planId}/indicators`)).json().items[0];
    expect(indicator.periods.find((period: { fiscalYear: number }) => period.fiscalYear === 2026).target).toBe(15);
    expect(indicator.periods.find((period: { fiscalYear: number }) => period.fiscalYear === 2025).actual).toBe(9);
  });

  it('writes the annual report as data, an Excel workbook and a Word document', async () => {
    const data = (await viewer.get(`/api/v1/plans/${planId}/annual-report?fiscalYear=2025`)).json();
    expect(data).toMatchObject({ organisation: '青森県', fiscalYearLabel: '2025（令和7）年度', planPeriodLabel: '2024（令和6）年度〜2028（令和10）年度' });
    const area = data.sections.find((section: { code: string }) => section.code === '1-1');
    expect(area.indicators[0]).toMatchObject({ name: 'DX認定の取得件数', target: 12, actual: 9, achievement: 75, status: 'behind', narrative: '認定取得の支援を継続した。' });
    expect(data.sections.find((section: { code: string }) => section.code === '1').reviews).toEqual([{ term: 'annual', grade: 'やや遅れ', comment: '認定件数が目標に届かなかった。' }]);

    const xlsx = await viewer.get(`/api/v1/plans/${planId}/annual-report.xlsx?fiscalYear=2025`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-disposition']).toContain('attachment');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['年次進捗報告', '指標データ', '評価']);
    const docx = await viewer.get(`/api/v1/plans/${planId}/annual-report.docx?fiscalYear=2025`);
    expect(docx.statusCode).toBe(200);
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('records one review per node, year and term, and refuses to overwrite a review saved since it was read', async () => {
    const existing = (await admin.get(`/api/v1/plans/${planId}/reviews?fiscalYear=2025`)).json().items[0];
    const blind = await reviewer.put(`/api/v1/plans/${planId}/reviews`, { nodeId: fieldId, fiscalYear: 2025, term: 'annual', gradeKey: 'on_track' });
    expect(blind.statusCode).toBe(409);
    const changed = await reviewer.put(`/api/v1/plans/${planId}/reviews`, { nodeId: fieldId, fiscalYear: 2025, term: 'annual', gradeKey: 'mostly_on_track', version: existing.version });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ grade: '概ね順調', version: existing.version + 1 });
    const unknown = await admin.put(`/api/v1/plans/${planId}/reviews`, { nodeId: fieldId, fiscalYear: 2025, term: 'first_half', gradeKey: 'excellent' });
    expect(unknown.json().error.fields.map((field: { path: string; code: string }) => `${field.path}:${field.code}`)).toEqual(['gradeKey:unknown_grade']);
  });
});
