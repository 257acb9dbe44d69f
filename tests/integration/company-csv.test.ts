import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../support/api-client';
import { companyBody, createTenant, createUser, syntheticCorporateNumber } from '../support/factories';
import { useTestApp } from '../support/setup';

const testApp = useTestApp();

function multipart(fileName: string, bytes: Buffer): { body: Buffer; contentType: string } {
  const boundary = `----tsumugi${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: text/csv\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { body: Buffer.concat([head, bytes, tail]), contentType: `multipart/form-data; boundary=${boundary}` };
}

async function runImport(client: ApiClient, fileName: string, bytes: Buffer, mode: 'dry_run' | 'apply') {
  const { body, contentType } = multipart(fileName, bytes);
  const started = await client.post(`/api/v1/companies/imports?mode=${mode}`, body, { 'content-type': contentType });
  expect(started.statusCode, started.body).toBe(202);
  return waitFor(client, started.json().id);
}

async function waitFor(client: ApiClient, id: string) {
  for (let attempt = 0; attempt < 600; attempt++) {
    const job = (await client.get(`/api/v1/companies/imports/${id}`)).json();
    if (job.status === 'completed' || job.status === 'failed') return job;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('import did not finish');
}

async function exportCsv(client: ApiClient, query = '') {
  const response = await client.get(`/api/v1/companies/export.csv?status=all${query}`);
  expect(response.statusCode).toBe(200);
  return response.rawPayload;
}

describe('company register CSV', () => {
  let tenantId: string;
  let staff: ApiClient;

  beforeAll(async () => {
    const db = testApp().database.db;
    tenantId = await createTenant(db);
    const user = await createUser(db, [{ tenantId, role: 'staff' }]);
    staff = await ApiClient.signedIn(testApp().app, user.email, user.password, tenantId);
    await staff.post('/api/v1/companies', companyBody({ name: '株式会社"引用符",カンマ', notes: '一行目\n二行目', tags: ['補助金', 'EC'], contacts: [{ name: '担当 一', email: 'a@example.jp', isPrimary: true }], externalIds: [{ system: 'kintone', value: '7' }] }));
    await staff.post('/api/v1/companies', companyBody({ entityType: 'sole_proprietor', corporateNumber: null, name: '髙橋商店 𠮷田', capitalYen: null }));
    const archived = (await staff.post('/api/v1/companies', companyBody({ name: '株式会社休業中' }))).json();
    await staff.post(`/api/v1/companies/${archived.id}/archive`, { version: 1 });
  });

  it('exports UTF-8 with a BOM, CRLF line ends and Japanese headers, one record per line', async () => {
    const bytes = await exportCsv(staff);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    const lines = text.split('\r\n');
    expect(lines[0]).toMatch(/^ID,事業者名,フリガナ,事業者区分,法人番号/);
    expect(lines.at(-1)).toBe('');
    expect(lines).toHaveLength(3 + 2);
    expect(text).toContain('"株式会社""引用符"",カンマ"');
    expect(text).toContain('一行目\\n二行目');
    expect(text).toContain('アーカイブ');
    expect(text).not.toMatch(/[^\r]\n/);
  });

  it('exports CP932 on request, replacing what Shift_JIS cannot hold with 〓', async () => {
    const bytes = await exportCsv(staff, '&encoding=cp932');
    const text = iconv.decode(bytes, 'cp932');
    expect(text.startsWith('ID,事業者名')).toBe(true);
    expect(text).toContain('髙橋商店 〓田');
  });

  it('imports an export back without changing anything (UTF-8, and the CP932 export too)', async () => {
    const before = (await staff.get('/api/v1/companies?status=all&limit=100')).json();
    for (const query of ['', '&encoding=cp932']) {
      const bytes = await exportCsv(staff, query);
      const dryRun = await runImport(staff, 'export.csv', bytes, 'dry_run');
      const expectedUnchanged = query ? 2 : 3; // 𠮷 came back as 〓 from CP932, so that company would change
      expect(dryRun).toMatchObject({ status: 'completed', totalRows: 3, processedRows: 3, rejectedCount: 0, created: 0, unchanged: expectedUnchanged });
      if (!query) {
        const applied = await runImport(staff, 'export.csv', bytes, 'apply');
        expect(applied).toMatchObject({ status: 'completed', created: 0, updated: 0, unchanged: 3, rejectedCount: 0 });
      }
    }
    const after = (await staff.get('/api/v1/companies?status=all&limit=100')).json();
    expect(after).toEqual(before);
  });

  it('dry-runs a file with every rejected row listed by line and reason, then applies exactly that file', async () => {
    const goodNumber = syntheticCorporateNumber();
    const csv = [
      '事業者名,事業者区分,法人番号,市区町村,従業員数,資本金,タグ,担当者名,担当者メール,備考,メモ欄',
      `ｱｵﾓﾘ電機株式会社,法人,${goodNumber},八戸市,"1,200",30000000,製造;補助金,電機 一,denki@example.jp,新規,無視される列`,
      '番号違い株式会社,法人,1234567890123,青森市,10,,,,,,',
      ',法人,,青森市,10,,,,,,',
      '十和田工房,個人事業主,,十和田市,3人,,,,,,',
      '"改行を含む\n事業者",個人事業主,,存在しない市,1,,,,,,',
      '弘前りんご園,個人事業主,,弘前市,2,,,,bad-email,,',
      '',
    ].join('\r\n');
    const dryRun = await runImport(staff, 'kintone.csv', Buffer.from(csv, 'utf8'), 'dry_run');
    expect(dryRun).toMatchObject({ status: 'completed', encoding: 'UTF-8', totalRows: 6, created: 1, rejectedCount: 5, ignoredColumns: ['メモ欄'] });
    const byLine = Object.fromEntries(dryRun.rejected.map((rejection: { line: number; reasons: { column: string; code: string }[] }) => [rejection.line, rejection.reasons.map((reason) => `${reason.column}:${reason.code}`)]));
    expect(byLine).toEqual({
      3: ['法人番号:corporate_number_check_digit'],
      4: ['事業者名:required', '法人番号:corporate_number_required'],
      5: ['従業員数:invalid_number'],
      6: ['市区町村:name_unresolved'],
      8: ['担当者名:required', '担当者メール:invalid_email'],
    });
    expect(dryRun.rejected[0].reasons[0].message).toBe('法人番号のチェックデジットが一致しません。番号を確認してください。');
    expect((await staff.get(`/api/v1/companies?q=${encodeURIComponent('アオモリ電機')}`)).json().total).toBe(0);

    const applyStart = await staff.post(`/api/v1/companies/imports/${dryRun.id}/apply`);
    expect(applyStart.statusCode).toBe(202);
    const applied = await waitFor(staff, applyStart.json().id);
    expect(applied).toMatchObject({ status: 'completed', created: 1, rejectedCount: 5, dryRunOf: dryRun.id });
    const created = (await staff.get(`/api/v1/companies?q=${encodeURIComponent('アオモリ電機')}`)).json();
    expect(created.items[0]).toMatchObject({ name: 'アオモリ電機株式会社', municipality: { code: '022039' }, employees: 1200, tags: ['製造', '補助金'] });
  });

  it('reads Shift_JIS and UTF-16 TSV files and upserts by external ID or 法人番号', async () => {
    const number = syntheticCorporateNumber();
    const first = `事業者名,事業者区分,法人番号,外部ID,市区町村コード\r\n株式会社①丸,法人,${number},旧台帳:A-9,022012\r\n`;
    const created = await runImport(staff, 'sjis.csv', iconv.encode(first, 'cp932'), 'apply');
    expect(created).toMatchObject({ status: 'completed', encoding: 'Shift_JIS (CP932)', created: 1, rejectedCount: 0 });

    const tsv = `事業者名\t外部ID\t従業員数\r\n株式会社1丸\t旧台帳:A-9\t55\r\n`;
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(tsv, 'utf16le')]);
    const updated = await runImport(staff, 'excel-unicode.txt', utf16, 'apply');
    expect(updated).toMatchObject({ status: 'completed', encoding: 'UTF-16LE', created: 0, updated: 1, rejectedCount: 0 });

    const byNumber = await runImport(staff, 'n.csv', Buffer.from(`法人番号,従業員数\r\n${number},60\r\n`), 'apply');
    expect(byNumber, JSON.stringify(byNumber)).toMatchObject({ updated: 1, created: 0 });
    const company = (await staff.get(`/api/v1/companies?q=${encodeURIComponent('1丸')}`)).json().items[0];
    expect(company).toMatchObject({ name: '株式会社1丸', employees: 60, corporateNumber: number });
  });

  it('refuses the same company twice in one file, and files that are not CSV', async () => {
    const number = syntheticCorporateNumber();
    const csv = `事業者名,事業者区分,法人番号\r\n株式会社二重,法人,${number}\r\n株式会社二重,法人,${number}\r\n`;
    const dryRun = await runImport(staff, 'twice.csv', Buffer.from(csv), 'dry_run');
    expect(dryRun.rejected).toEqual([{ line: 3, reasons: [expect.objectContaining({ code: 'duplicate_in_file', message: expect.stringContaining('2行目') })] }]);

    const xlsx = Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(100)]);
    const { body, contentType } = multipart('book.xlsx', xlsx);
    const refused = await staff.post('/api/v1/companies/imports', body, { 'content-type': contentType });
    expect(refused.statusCode).toBe(415);
    const noName = await runImport(staff, 'x.csv', Buffer.from('会社コード,電話\r\n1,2\r\n'), 'dry_run');
    expect(noName).toMatchObject({ status: 'failed', error: { code: 'MISSING_NAME_COLUMN' } });
  });

  it('lets only those who may import see or start imports', async () => {
    const expert = await createUser(testApp().database.db, [{ tenantId, role: 'expert' }]);
    const client = await ApiClient.signedIn(testApp().app, expert.email, expert.password, tenantId);
    const { body, contentType } = multipart('x.csv', Buffer.from('事業者名\r\nx\r\n'));
    expect((await client.post('/api/v1/companies/imports', body, { 'content-type': contentType })).statusCode).toBe(403);
    expect((await client.get('/api/v1/companies/export.csv')).statusCode).toBe(403);
  });
});
