import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../support/api-client';
import { activityBody, createThemes, intakeBody } from '../support/case-factories';
import { apply, csv, dryRun, importFile, reasonsByLine, upload, uploadRaw } from '../support/case-import-fixtures';
import { companyBody, createTenant, createUser, syntheticCorporateNumber, type TestUser } from '../support/factories';
import { useTestApp } from '../support/setup';

const testApp = useTestApp();

const utf8Bom = (text: string) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);

describe('moving cases and activities in from Excel and kintone', () => {
  let tenantId: string;
  let staff: ApiClient;
  let expert: ApiClient;
  let viewer: ApiClient;
  let staffUser: TestUser;
  let expertUser: TestUser;
  let themes: Record<string, string>;
  let companyId: string;

  async function listCases(query = '') {
    const response = await staff.get(`/api/v1/cases?limit=100${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  }

  async function caseByTitle(title: string) {
    const page = await listCases(`&q=${encodeURIComponent(title)}`);
    expect(page.total).toBe(1);
    return (await staff.get(`/api/v1/cases/${page.items[0].id}`)).json();
  }

  beforeAll(async () => {
    const db = testApp().database.db;
    tenantId = await createTenant(db);
    themes = await createThemes(db, tenantId);
    staffUser = await createUser(db, [{ tenantId, role: 'staff' }], { name: '窓口 一郎' });
    expertUser = await createUser(db, [{ tenantId, role: 'expert' }], { name: '専門 次郎' });
    const viewerUser = await createUser(db, [{ tenantId, role: 'viewer' }]);
    const app = testApp().app;
    staff = await ApiClient.signedIn(app, staffUser.email, staffUser.password, tenantId);
    expert = await ApiClient.signedIn(app, expertUser.email, expertUser.password, tenantId);
    viewer = await ApiClient.signedIn(app, viewerUser.email, viewerUser.password, tenantId);
    const company = await staff.post('/api/v1/companies', companyBody({ name: '株式会社青森りんご', externalIds: [{ system: 'kintone', value: 'C-1' }] }));
    expect(company.statusCode, company.body).toBe(201);
    companyId = company.json().id;
  });

  const kintoneCases = () =>
    csv([
      ['レコード番号', '作成日時', '更新日時', '顧客番号', '件名', '相談内容', 'ステータス', '相談種別', 'テーマ', '担当者', 'メモ欄'],
      ['K-1', '2025/4/1 10:30', '2025/4/2 9:00', 'C-1', '受発注のFAXをやめたい', '毎日FAXで受注。\\n転記ミスが多い。', '対応中', '事業者相談', '業務効率化、受発注・在庫', '', '無視'],
      ['K-2', '令和7年5月1日', '2025/5/1', 'C-1', '在庫管理を見直したい', '', '受付', 'business', 'セキュリティ', '窓口 一郎', ''],
      ['K-3', '2025/13/1', '', 'C-1', '日付が誤り', '', '完全に終わった', '事業者相談', '', '', ''],
      ['K-4', '2025/4/1', '', 'C-1', 'テーマが誤り', '', '対応中', '事業者相談', '存在しないテーマ', '', ''],
      ['K-5', '2025/4/1', '', 'C-999', '台帳にない事業者', '', '対応中', '事業者相談', '', '', ''],
      ['K-1', '2025/4/1', '', 'C-1', '同じレコード', '', '対応中', '事業者相談', '', '', ''],
      ['K-6', '2099/1/1', '', 'C-1', '未来の受付', '', '受付', '事業者相談', '', 'nobody@example.jp', ''],
    ]);

  it('suggests a mapping for a kintone export, lists every bad row by line and reason in a dry run, and writes nothing', async () => {
    const uploaded = await upload(staff, 'cases', 'kintone.csv', utf8Bom(kintoneCases()));
    expect(uploaded).toMatchObject({ kind: 'cases', encoding: 'UTF-8 (BOM)', sheetNames: [], headers: expect.arrayContaining(['レコード番号', '作成日時']) });
    expect(uploaded.sampleRows).toHaveLength(5);
    expect(uploaded.sampleRows[0].slice(0, 2)).toEqual(['K-1', '2025/4/1 10:30']);
    expect(uploaded.suggestedMapping).toMatchObject({
      externalRef: 'レコード番号',
      openedOn: '作成日時',
      companyExternalId: '顧客番号',
      title: '件名',
      description: '相談内容',
      status: 'ステータス',
      caseType: '相談種別',
      themes: 'テーマ',
      coordinator: '担当者',
      receiptNumber: null,
    });
    expect(Object.values(uploaded.suggestedMapping)).not.toContain('更新日時');
    expect(uploaded.targets.find((target: { field: string }) => target.field === 'title')).toMatchObject({ label: '件名', required: true });

    const checked = await dryRun(staff, uploaded.id, { mapping: uploaded.suggestedMapping });
    expect(checked).toMatchObject({ status: 'completed', mode: 'dry_run', totalRows: 7, processedRows: 7, created: 2, updated: 0, unchanged: 0, rejectedCount: 5 });
    expect(checked.ignoredColumns).toEqual(['更新日時', 'メモ欄']);
    expect(reasonsByLine(checked)).toEqual({
      4: ['作成日時:invalid_date', 'ステータス:invalid_choice'],
      5: ['テーマ:unknown_theme'],
      6: ['顧客番号:company_unknown'],
      7: ['null:duplicate_row'],
      8: ['作成日時:in_future', '担当者:not_a_member'],
    });
    const byLine = Object.fromEntries(checked.rejected.map((rejection: { line: number; reasons: { message: string }[] }) => [rejection.line, rejection.reasons.map((reason) => reason.message)]));
    expect(byLine[6][0]).toContain('事業者台帳の取り込み');
    expect(byLine[7][0]).toContain('2行目');
    expect(byLine[8][0]).toBe('未来の日時は入力できません。実施した日時を入力してください。');
    expect((await listCases()).total).toBe(0);
  });

  it('applies exactly the checked file and mapping, and importing it again changes nothing', async () => {
    const { checked, applied } = await importFile(staff, 'cases', 'kintone.csv', utf8Bom(kintoneCases()));
    expect(applied).toMatchObject({ status: 'completed', mode: 'apply', dryRunOf: checked.id, created: 2, updated: 0, rejectedCount: 5, mapping: checked.mapping });

    const first = await caseByTitle('受発注のFAXをやめたい');
    expect(first).toMatchObject({
      receiptNumber: 'R7-0001',
      fiscalYear: 2025,
      status: 'in_progress',
      caseType: 'business',
      source: 'import',
      openedOn: '2025-04-01',
      description: '毎日FAXで受注。\n転記ミスが多い。',
      company: { id: companyId },
    });
    expect(first.themes.map((theme: { id: string }) => theme.id).sort()).toEqual([themes['業務効率化'], themes['受発注・在庫']].sort());
    const second = await caseByTitle('在庫管理を見直したい');
    expect(second).toMatchObject({ receiptNumber: 'R7-0002', openedOn: '2025-05-01', status: 'received', coordinator: { id: staffUser.userId } });
    // The search text was built: the company's name finds both.
    expect((await listCases(`&q=${encodeURIComponent('青森りんご')}`)).total).toBe(2);

    const again = await importFile(staff, 'cases', 'kintone.csv', utf8Bom(kintoneCases()));
    expect(again.applied).toMatchObject({ status: 'completed', created: 0, updated: 0, unchanged: 2, rejectedCount: 5 });
    expect((await listCases()).total).toBe(2);
  });

  it('imports activities from a Shift_JIS (CP932) file, referring to cases by their external ID', async () => {
    const text = csv([
      ['外部ID', '案件外部ID', '実施日時', '相談方法', '相談時間（分）', '準備時間（分）', '対応者', '専門家', '対応内容', '報告対象'],
      ['A-1', 'K-1', '2025/4/2 10:00', '来所', '60', '15', staffUser.email, '専門 次郎', '髙橋社長と初回ヒアリング', 'はい'],
      ['A-2', 'K-1', '令和7年4月3日', 'phone', '30', '', '窓口 一郎', '', '電話でフォロー', 'いいえ'],
      ['A-3', 'K-1', '2099/1/1 10:00', '来所', '60', '', '', '', '', ''],
      ['A-4', 'K-1', '2025/4/5', 'テレパシー', '-5', '', '', '', '', ''],
      ['A-5', 'K-404', '2025/4/5', '来所', '10', '', '', '', '', ''],
      ['A-6', 'K-1', '2025/3/1', '来所', '10', '', '', '', '', ''],
      ['A-7', 'K-1', '2025/4/6', '訪問', '20', '', '専門 次郎', '', '', ''],
    ]);
    const { uploaded, checked, applied } = await importFile(staff, 'activities', 'sjis.csv', iconv.encode(text, 'cp932'));
    expect(uploaded.encoding).toBe('Shift_JIS (CP932)');
    expect(uploaded.suggestedMapping).toMatchObject({ externalRef: '外部ID', caseExternalRef: '案件外部ID', occurredAt: '実施日時', channel: '相談方法', minutes: '相談時間（分）', staff: '対応者', experts: '専門家', notes: '対応内容', reportable: '報告対象' });
    expect(checked).toMatchObject({ created: 2, rejectedCount: 5 });
    expect(reasonsByLine(checked)).toEqual({
      4: ['実施日時:in_future'],
      5: ['相談方法:invalid_choice', '相談時間（分）:too_small'],
      6: ['案件外部ID:case_unknown'],
      7: ['実施日時:before_opened'],
      8: ['対応者:role_not_allowed'],
    });
    expect(applied).toMatchObject({ created: 2, rejectedCount: 5 });

    const subject = await caseByTitle('受発注のFAXをやめたい');
    const activities = (await staff.get(`/api/v1/cases/${subject.id}/activities`)).json().items;
    expect(activities).toHaveLength(2);
    expect(activities[0]).toMatchObject({
      occurredAt: '2025-04-02T01:00:00.000Z',
      occurredOn: '2025-04-02',
      fiscalYear: 2025,
      channel: 'visit_desk',
      minutes: 60,
      preparationMinutes: 15,
      travelMinutes: 0,
      staff: [{ id: staffUser.userId }],
      experts: [{ id: expertUser.userId }],
      notes: '髙橋社長と初回ヒアリング',
      reportable: true,
      externalRef: 'A-1',
    });
    expect(activities[1]).toMatchObject({ occurredAt: '2025-04-02T15:00:00.000Z', channel: 'phone', minutes: 30, reportable: false });
    // Activity notes are part of the case's search text.
    expect((await listCases(`&q=${encodeURIComponent('初回ヒアリング')}`)).items.map((item: { id: string }) => item.id)).toEqual([subject.id]);
  });

  it('reads an XLSX workbook built in Excel: a chosen sheet, date cells and serial numbers', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('説明').addRow(['このシートは読みません']);
    const sheet = workbook.addWorksheet('対応記録');
    sheet.addRow(['記録番号', '受付番号', '対応日', '方法', '時間(分)', '内容']);
    sheet.addRow(['X-1', 'R7-0002', new Date(Date.UTC(2025, 4, 2, 14, 0)), 'オンライン', 45, 'Web会議で在庫表を確認']);
    // 45780 days after 1899-12-30 (Excel's day 0) is 2025-05-03.
    sheet.addRow(['X-2', 'R7-0002', 45780, 'メール', 0, '']);
    sheet.getRow(3).getCell(3).numFmt = '0';
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());

    const uploaded = await upload(staff, 'activities', 'book.xlsx', bytes);
    expect(uploaded).toMatchObject({ encoding: null, sheetNames: ['説明', '対応記録'], sheet: '説明', headers: ['このシートは読みません'] });
    const chosen = (await uploadRaw(staff, 'activities', 'book.xlsx', bytes, '対応記録')).json();
    expect(chosen).toMatchObject({ sheet: '対応記録', headers: ['記録番号', '受付番号', '対応日', '方法', '時間(分)', '内容'] });
    expect(chosen.sampleRows[0]).toEqual(['X-1', 'R7-0002', '2025-05-02 14:00', 'オンライン', '45', 'Web会議で在庫表を確認']);
    expect(chosen.suggestedMapping).toMatchObject({ externalRef: '記録番号', caseReceiptNumber: '受付番号', occurredAt: '対応日', channel: '方法', minutes: '時間(分)', notes: '内容' });

    const checked = await dryRun(staff, uploaded.id, { mapping: chosen.suggestedMapping, sheet: '対応記録' });
    expect(checked).toMatchObject({ status: 'completed', sheet: '対応記録', totalRows: 2, created: 2, rejectedCount: 0 });
    expect(await apply(staff, uploaded.id)).toMatchObject({ status: 'completed', created: 2 });
    const subject = await caseByTitle('在庫管理を見直したい');
    const activities = (await staff.get(`/api/v1/cases/${subject.id}/activities`)).json().items;
    expect(activities.map((activity: { occurredAt: string; channel: string }) => [activity.occurredAt, activity.channel])).toEqual([
      ['2025-05-02T05:00:00.000Z', 'online'],
      ['2025-05-02T15:00:00.000Z', 'email'],
    ]);
  });

  it('updates a changed row found by its external ID and leaves the others as they are', async () => {
    const cases = csv([
      ['レコード番号', 'ステータス', '件名'],
      ['K-1', '対応中', '受発注のFAXをやめたい'],
      ['K-2', '伴走支援へ移行', '在庫管理を見直したい（伴走）'],
    ]);
    const { checked, applied } = await importFile(staff, 'cases', 'update.csv', Buffer.from(cases));
    expect(checked).toMatchObject({ created: 0, updated: 1, unchanged: 1, rejectedCount: 0 });
    expect(applied).toMatchObject({ created: 0, updated: 1, unchanged: 1 });
    const updated = await caseByTitle('在庫管理を見直したい（伴走）');
    expect(updated).toMatchObject({ status: 'accompaniment', receiptNumber: 'R7-0002', openedOn: '2025-05-01', coordinator: { id: staffUser.userId } });

    const activities = csv([
      ['外部ID', '相談時間（分）'],
      ['A-2', '40'],
      ['A-1', '60'],
    ]);
    const activityImport = await importFile(staff, 'activities', 'minutes.csv', Buffer.from(activities));
    expect(activityImport.applied).toMatchObject({ created: 0, updated: 1, unchanged: 1, rejectedCount: 0 });
    const subject = await caseByTitle('受発注のFAXをやめたい');
    const items = (await staff.get(`/api/v1/cases/${subject.id}/activities`)).json().items;
    expect(items.find((item: { externalRef: string }) => item.externalRef === 'A-2')).toMatchObject({ minutes: 40, channel: 'phone', notes: '電話でフォロー' });
  });

  it('exports cases and activities in a layout that imports back unchanged (UTF-8 and CP932)', async () => {
    // A case opened at the desk (no external ID, notes on two lines) travels too.
    const opened = await staff.post('/api/v1/cases', intakeBody({ themeIds: [themes['セキュリティ']], coordinatorId: staffUser.userId, firstActivity: activityBody({ notes: '一行目\n二行目', staffIds: [staffUser.userId] }) }));
    expect(opened.statusCode, opened.body).toBe(201);

    const exported = await staff.get('/api/v1/cases/export.csv');
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect([...exported.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const caseLines = exported.rawPayload.subarray(3).toString('utf8').split('\r\n');
    expect(caseLines[0]).toMatch(/^ID,受付番号,外部ID,受付日,相談種別,状態,事業者ID/);
    expect(caseLines).toHaveLength(3 + 2);

    const cases = await importFile(staff, 'cases', 'cases.csv', exported.rawPayload);
    expect(Object.entries(cases.uploaded.suggestedMapping).filter(([, header]) => header === null)).toEqual([['companyExternalId', null]]);
    expect(cases.uploaded.suggestedMapping).toMatchObject({ id: 'ID', receiptNumber: '受付番号', externalRef: '外部ID' });
    expect(cases.checked).toMatchObject({ totalRows: 3, created: 0, updated: 0, unchanged: 3, rejectedCount: 0, ignoredColumns: [] });
    expect(cases.applied).toMatchObject({ created: 0, updated: 0, unchanged: 3, rejectedCount: 0 });

    const activityExport = await staff.get('/api/v1/activities/export.csv?encoding=cp932');
    expect(activityExport.statusCode).toBe(200);
    const activityText = iconv.decode(activityExport.rawPayload, 'cp932');
    expect(activityText.split('\r\n')[0]).toBe('ID,外部ID,受付番号,案件外部ID,実施日時,相談方法,相談時間（分）,準備時間（分）,移動時間（分）,対応者,専門家,対応内容,報告対象,委託事業');
    expect(activityText).toContain('一行目\\n二行目');
    expect(activityText).toContain(`窓口 一郎 <${staffUser.email}>`);
    const activities = await importFile(staff, 'activities', 'activities.csv', activityExport.rawPayload);
    expect(Object.values(activities.uploaded.suggestedMapping)).not.toContain(null);
    expect(activities.checked).toMatchObject({ totalRows: 5, created: 0, updated: 0, unchanged: 5, rejectedCount: 0 });
    expect(activities.applied).toMatchObject({ created: 0, updated: 0, unchanged: 5 });

    // Nothing moved: the exports are the same bytes as before.
    expect((await staff.get('/api/v1/cases/export.csv')).rawPayload.equals(exported.rawPayload)).toBe(true);
    expect((await staff.get('/api/v1/activities/export.csv?encoding=cp932')).rawPayload.equals(activityExport.rawPayload)).toBe(true);
    const fiscal2024 = (await staff.get('/api/v1/activities/export.csv?fiscalYear=2024')).rawPayload.subarray(3).toString('utf8');
    expect(fiscal2024.split('\r\n').filter(Boolean)).toHaveLength(1);
  });

  it('creates a company the register lacks only when asked to, once per company', async () => {
    const number = syntheticCorporateNumber();
    const text = csv([
      ['案件番号', '受付日', '会社名', '法人番号', '件名'],
      ['N-1', '2025-06-01', '株式会社新規登録', number, 'ECを始めたい'],
      ['N-2', '2025-06-02', '株式会社新規登録', number, '補助金の相談'],
    ]);
    const refused = await importFile(staff, 'cases', 'new.csv', Buffer.from(text), { apply: false });
    expect(reasonsByLine(refused.checked)).toEqual({ 2: ['法人番号:company_unknown'], 3: ['法人番号:company_unknown'] });

    const { checked, applied } = await importFile(staff, 'cases', 'new.csv', Buffer.from(text), { options: { createMissingCompanies: true } });
    expect(checked).toMatchObject({ created: 2, rejectedCount: 0, options: { createMissingCompanies: true } });
    expect(applied).toMatchObject({ created: 2, rejectedCount: 0 });
    const companies = (await staff.get(`/api/v1/companies?q=${encodeURIComponent('新規登録')}`)).json();
    expect(companies.total).toBe(1);
    expect(companies.items[0]).toMatchObject({ corporateNumber: number });
    expect((await listCases(`&companyId=${companies.items[0].id}`)).total).toBe(2);
  });

  it('refuses mappings that name headers the file lacks, and files that are not tables', async () => {
    const uploaded = await upload(staff, 'cases', 'x.csv', Buffer.from(csv([['件名'], ['a']])));
    const wrong = await staff.post(`/api/v1/case-imports/${uploaded.id}/dry-run`, { mapping: { title: 'タイトル' } });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.fields).toEqual([expect.objectContaining({ path: 'mapping.title', code: 'invalid_choice' })]);
    const unknownField = await staff.post(`/api/v1/case-imports/${uploaded.id}/dry-run`, { mapping: { colour: '件名' } });
    expect(unknownField.json().error.fields).toEqual([expect.objectContaining({ path: 'mapping.colour', code: 'unknown_field' })]);
    expect((await staff.post(`/api/v1/case-imports/${uploaded.id}/apply`)).statusCode).toBe(422);
    const oldExcel = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(100)]);
    expect((await uploadRaw(staff, 'cases', 'old.xls', oldExcel)).statusCode).toBe(415);
  });

  it('lets only admins and staff import and export', async () => {
    const file = Buffer.from(csv([['件名'], ['a']]));
    for (const client of [expert, viewer]) {
      expect((await uploadRaw(client, 'cases', 'x.csv', file)).statusCode).toBe(403);
      expect((await client.get('/api/v1/cases/export.csv')).statusCode).toBe(403);
      expect((await client.get('/api/v1/activities/export.csv')).statusCode).toBe(403);
    }
  });

  it("answers 404 for another tenant's job", async () => {
    const uploaded = await upload(staff, 'cases', 'x.csv', Buffer.from(csv([['件名'], ['a']])));
    const checked = await dryRun(staff, uploaded.id, { mapping: { title: '件名' } });
    const db = testApp().database.db;
    const otherTenant = await createTenant(db);
    const otherUser = await createUser(db, [{ tenantId: otherTenant, role: 'admin' }]);
    const other = await ApiClient.signedIn(testApp().app, otherUser.email, otherUser.password, otherTenant);
    expect((await other.get(`/api/v1/case-imports/${checked.id}`)).statusCode).toBe(404);
    expect((await other.post(`/api/v1/case-imports/${checked.id}/dry-run`, { mapping: { title: '件名' } })).statusCode).toBe(404);
    expect((await other.post(`/api/v1/case-imports/${checked.id}/apply`)).statusCode).toBe(404);
    const otherExport = (await other.get('/api/v1/cases/export.csv')).rawPayload.subarray(3).toString('utf8');
    expect(otherExport.split('\r\n').filter(Boolean)).toHaveLength(1);
  });
});
