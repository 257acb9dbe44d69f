import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../support/api-client';
import { deskFixtures } from '../support/desk-fixtures';
import { createTenant, createUser, syntheticCorporateNumber } from '../support/factories';
import { useTestApp } from '../support/setup';

const testApp = useTestApp();

const HEADER = '集計軸コード,集計軸,コード,名称,期間コード,期間,延べ件数,実事業者数,相談時間（分）';

async function workbookOf(bytes: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

/** Every row of a sheet as plain values (rich text and formulas are not used by the export). */
function rowsOf(sheet: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

const mergesOf = (sheet: ExcelJS.Worksheet) => (sheet.model as unknown as { merges: string[] }).merges;

describe('commission report exports', () => {
  let client: ApiClient;
  let programmeId: string;

  beforeAll(async () => {
    const db = testApp().database.db;
    const tenantId = await createTenant(db);
    const user = await createUser(db, [{ tenantId, role: 'staff' }]);
    const admin = await createUser(db, [{ tenantId, role: 'admin' }]);
    client = await ApiClient.signedIn(testApp().app, user.email, user.password, tenantId);
    const adminClient = await ApiClient.signedIn(testApp().app, admin.email, admin.password, tenantId);
    const programme = await adminClient.post('/api/v1/programmes', {
      name: '令和7年度 DX総合相談窓口運営業務',
      commissioner: '青森県',
      startsOn: '2025-04-01',
      endsOn: '2026-03-31',
      supportTarget: 10,
      companyTarget: 8,
      countedChannels: ['visit_desk', 'phone'],
      countedCaseTypes: ['business'],
      isDefault: true,
    });
    programmeId = programme.json().id;
    const fixtures = deskFixtures(db, tenantId);
    // 青森市: 3 companies in May (one support each); 弘前市: 1 company, 2 supports in June (suppressed when published).
    for (let i = 0; i < 3; i++) {
      const caseId = await fixtures.case(await fixtures.company({ corporateNumber: syntheticCorporateNumber(), municipalityCode: '022012', jsicMajor: 'E' }));
      await fixtures.activity(caseId, { at: '2025-05-20T10:00:00+09:00', minutes: 60 });
    }
    const hirosaki = await fixtures.case(await fixtures.company({ corporateNumber: syntheticCorporateNumber(), municipalityCode: '022021', jsicMajor: 'E' }));
    await fixtures.activity(hirosaki, { at: '2025-06-02T10:00:00+09:00', minutes: 30, channel: 'phone' });
    await fixtures.activity(hirosaki, { at: '2025-06-03T10:00:00+09:00', minutes: 90 });
  });

  it('writes a workbook: the human sheet first, then machine-readable sheets without merged cells', async () => {
    const response = await client.get(`/api/v1/reports/commission.xlsx?programmeId=${programmeId}`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const disposition = String(response.headers['content-disposition']);
    expect(disposition).toMatch(/^attachment; filename="commission-report_2025_\d{8}\.xlsx"; filename\*=UTF-8''/);
    expect(decodeURIComponent(disposition.split("UTF-8''")[1]!)).toMatch(/^実績報告_2025年度_令和7年度_DX総合相談窓口運営業務_\d{8}\.xlsx$/);

    const workbook = await workbookOf(response.rawPayload);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['実績報告', '集計データ', 'KPI', '集計定義']);

    const human = workbook.getWorksheet('実績報告')!;
    expect(String(human.getCell('A1').value)).toBe('2025年度（令和7年度） 令和7年度 DX総合相談窓口運営業務 実績報告');
    expect(mergesOf(human).length).toBeGreaterThan(0);
    const humanRows = rowsOf(human);
    const kpiHeader = humanRows.findIndex((row) => row[0] === '指標');
    expect(humanRows[kpiHeader]).toEqual(['指標', '目標', '実績', '達成率', '今月末の目標ペース']);
    expect(humanRows[kpiHeader + 1]!.slice(0, 4)).toEqual(['延べ件数（件）', 10, 5, 0.5]);
    expect(humanRows[kpiHeader + 2]!.slice(0, 4)).toEqual(['実事業者数（者）', 8, 4, 0.5]);
    const monthHeader = humanRows.findIndex((row) => row[0] === '区分');
    expect(humanRows[monthHeader]!.slice(0, 6)).toEqual(['区分', '4月', '5月', '6月', '第1四半期', '7月']);
    expect(humanRows[monthHeader + 1]!.slice(0, 5)).toEqual(['延べ件数（件）', 0, 3, 2, 5]);

    for (const name of ['集計データ', 'KPI', '集計定義']) expect(mergesOf(workbook.getWorksheet(name)!), name).toEqual([]);
    const data = rowsOf(workbook.getWorksheet('集計データ')!);
    expect(data[0]!.join(',')).toBe(HEADER);
    const find = (dimension: string, code: string, period: string) => data.find((row) => row[0] === dimension && row[2] === code && row[4] === period);
    expect(find('total', 'all', 'total')).toEqual(['total', '全体', 'all', '全体', 'total', '期間計', 5, 4, 300]);
    expect(find('municipality', '022021', '2025-06')).toEqual(['municipality', '市区町村別', '022021', '青森県弘前市', '2025-06', '6月', 2, 1, 120]);
    expect(find('channel', 'phone', '2025-Q1')).toEqual(['channel', '相談方法別', 'phone', '電話', '2025-Q1', '第1四半期', 1, 1, 30]);

    const kpi = rowsOf(workbook.getWorksheet('KPI')!);
    expect(kpi[1]).toEqual(['supports', '延べ件数（件）', 10, 5, 50, 10]);
    const definition = Object.fromEntries(rowsOf(workbook.getWorksheet('集計定義')!).map((row) => [row[0], row[1]]));
    expect(definition).toMatchObject({ '事業名': '令和7年度 DX総合相談窓口運営業務', '集計対象の相談方法': '来所、電話', '最低相談時間（分）': 0, '公表用（秘匿処理）': 'いいえ' });
  });

  it('writes 「*」 for suppressed cells in the published workbook, numbers elsewhere', async () => {
    const response = await client.get(`/api/v1/reports/commission.xlsx?programmeId=${programmeId}&publication=true`);
    const workbook = await workbookOf(response.rawPayload);
    const data = rowsOf(workbook.getWorksheet('集計データ')!);
    const find = (dimension: string, code: string, period: string) => data.find((row) => row[0] === dimension && row[2] === code && row[4] === period);
    expect(find('municipality', '022021', '2025-06')!.slice(6)).toEqual(['*', '*', '*']);
    expect(find('total', 'all', 'total')!.slice(6)).toEqual([5, 4, 300]);
    expect(rowsOf(workbook.getWorksheet('実績報告')!).some((row) => row[0] === '公表用（秘匿処理済み）')).toBe(true);
  });

  it('exports the long-format base table as UTF-8 CSV with a BOM and CRLF', async () => {
    const response = await client.get(`/api/v1/reports/commission.csv?programmeId=${programmeId}`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(decodeURIComponent(String(response.headers['content-disposition']).split("UTF-8''")[1]!)).toMatch(/^実績報告_2025年度_.*\.csv$/);
    const bytes = response.rawPayload;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    const lines = text.split('\r\n');
    expect(lines[0]).toBe(HEADER);
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
    expect(lines.at(-1)).toBe('');
    expect(lines).toContain('total,全体,all,全体,total,期間計,5,4,300');
    expect(lines).toContain('municipality,市区町村別,022021,青森県弘前市,2025-06,6月,2,1,120');
    // 17 periods (12 months, 4 quarters, the period) per row of every table, plus the whole.
    expect((lines.length - 2) % 17).toBe(0);
  });

  it('exports CP932 on request, and 「*」 when published; the same rows as the UTF-8 file', async () => {
    const utf8 = (await client.get(`/api/v1/reports/commission.csv?fiscalYear=2025&publication=true`)).rawPayload.subarray(3).toString('utf8');
    const response = await client.get(`/api/v1/reports/commission.csv?fiscalYear=2025&publication=true&encoding=cp932`);
    expect(response.headers['content-type']).toBe('text/csv; charset=shift_jis');
    const bytes = response.rawPayload;
    expect([...bytes.subarray(0, 3)]).not.toEqual([0xef, 0xbb, 0xbf]);
    const text = iconv.decode(bytes, 'cp932');
    expect(text).toBe(utf8);
    expect(text.split('\r\n')).toContain('municipality,市区町村別,022021,青森県弘前市,2025-06,6月,*,*,*');
    expect((await client.get(`/api/v1/reports/commission.csv?fiscalYear=2025&encoding=latin1`)).statusCode).toBe(400);
  });
});
