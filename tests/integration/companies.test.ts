import { beforeAll, describe, expect, it } from 'vitest';
import { deriveCompanySize } from '../../src/shared/domain/company-size';
import { ApiClient } from '../support/api-client';
import { companyBody, createTenant, createUser, syntheticCorporateNumber } from '../support/factories';
import { useTestApp } from '../support/setup';

const testApp = useTestApp();

describe('company register', () => {
  let tenantId: string;
  let staff: ApiClient;
  let admin: ApiClient;

  beforeAll(async () => {
    const db = testApp().database.db;
    tenantId = await createTenant(db);
    const staffUser = await createUser(db, [{ tenantId, role: 'staff' }]);
    const adminUser = await createUser(db, [{ tenantId, role: 'admin' }]);
    staff = await ApiClient.signedIn(testApp().app, staffUser.email, staffUser.password, tenantId);
    admin = await ApiClient.signedIn(testApp().app, adminUser.email, adminUser.password, tenantId);
  });

  it('creates a company, normalising what Japanese forms are full of, and derives what it can', async () => {
    const response = await staff.post(
      '/api/v1/companies',
      companyBody({
        name: '　株式会社　ｱｵﾓﾘ精工　',
        nameKana: 'ｱｵﾓﾘｾｲｺｳ',
        corporateNumber: '７１２３-４５６７-８９０１２',
        prefectureCode: null,
        municipalityCode: '022039',
        jsicMajor: null,
        jsicMiddle: '26',
        postalCode: '０３１－０００１',
        employees: 40,
        capitalYen: 20_000_000,
        tags: ['DX相談', 'DX相談', 'ＥＣ'],
        contacts: [{ name: '担当 太郎', email: 'Taro@Example.JP', phone: '０１７８－００－１２３４', isPrimary: true }],
        externalIds: [{ system: 'kintone', value: '42' }],
      }),
    );
    expect(response.statusCode).toBe(201);
    const created = response.json();
    expect(created).toMatchObject({
      name: '株式会社 アオモリ精工',
      nameKana: 'アオモリセイコウ',
      corporateNumber: '7123456789012',
      prefecture: { code: '02', name: '青森県' },
      municipality: { code: '022039', name: '八戸市' },
      jsicMajor: { code: 'E', name: '製造業' },
      jsicMiddle: { code: '26' },
      postalCode: '031-0001',
      sizeClass: 'sme',
      tags: ['DX相談', 'EC'],
      contacts: [{ name: '担当 太郎', email: 'taro@example.jp', phone: '0178-00-1234', isPrimary: true }],
      externalIds: [{ system: 'kintone', value: '42' }],
      version: 1,
      abilities: { update: true, archive: true, restore: false },
    });
    const fetched = await staff.get(`/api/v1/companies/${created.id}`);
    expect(fetched.json()).toEqual(created);
  });

  it('answers invalid input with field-level messages in Japanese, and never a 500', async () => {
    const response = await staff.post('/api/v1/companies', {
      name: '',
      entityType: 'corporation',
      corporateNumber: '1234567890123',
      municipalityCode: '022013',
      employees: -1,
      capitalYen: 1.5,
      contacts: [{ name: 'x', email: 'not-an-email' }],
      unexpected: true,
    });
    expect(response.statusCode).toBe(400);
    const fields = Object.fromEntries(response.json().error.fields.map((field: { path: string; code: string; message: string }) => [field.path, field]));
    expect(fields.name).toMatchObject({ code: 'required', message: '入力してください。' });
    expect(fields.corporateNumber).toMatchObject({ code: 'corporate_number_check_digit' });
    expect(fields.municipalityCode).toMatchObject({ code: 'municipality_check_digit' });
    expect(fields.employees).toMatchObject({ code: 'too_small' });
    expect(fields.capitalYen).toMatchObject({ code: 'not_integer' });
    expect(fields['contacts.0.email']).toMatchObject({ code: 'invalid_email' });
    expect(fields.unexpected).toMatchObject({ code: 'unknown_field' });
  });

  it('checks references the schema cannot: municipality in its prefecture, 中分類 in its 大分類, 法人番号 for corporations', async () => {
    const response = await staff.post('/api/v1/companies', companyBody({ prefectureCode: '07', municipalityCode: '022012', jsicMajor: 'A', jsicMiddle: '09' }));
    expect(response.statusCode).toBe(400);
    const codes = response.json().error.fields.map((field: { path: string; code: string }) => `${field.path}:${field.code}`);
    expect(codes).toEqual(expect.arrayContaining(['municipalityCode:municipality_prefecture_mismatch', 'jsicMiddle:jsic_middle_mismatch']));
    const missingNumber = await staff.post('/api/v1/companies', companyBody({ corporateNumber: null }));
    expect(missingNumber.json().error.fields).toEqual([expect.objectContaining({ path: 'corporateNumber', code: 'corporate_number_required' })]);
    const soleProprietor = await staff.post('/api/v1/companies', companyBody({ entityType: 'sole_proprietor', corporateNumber: null, capitalYen: null, employees: 3 }));
    expect(soleProprietor.statusCode).toBe(201);
    expect(soleProprietor.json().sizeClass).toBe('small');
  });

  it('edits with optimistic locking: a stale version is a 409 and nothing is overwritten', async () => {
    const created = (await staff.post('/api/v1/companies', companyBody())).json();
    const first = await staff.patch(`/api/v1/companies/${created.id}`, { version: 1, notes: '最初の編集' });
    expect(first.statusCode).toBe(200);
    expect(first.json().version).toBe(2);
    const stale = await admin.patch(`/api/v1/companies/${created.id}`, { version: 1, notes: '古い画面からの編集' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'VERSION_CONFLICT', details: { currentVersion: 2 } });
    expect((await staff.get(`/api/v1/companies/${created.id}`)).json().notes).toBe('最初の編集');
  });

  it('archives and restores, and an archived company leaves the default list but stays searchable', async () => {
    const created = (await staff.post('/api/v1/companies', companyBody({ name: '株式会社休眠テスト' }))).json();
    const archived = await staff.post(`/api/v1/companies/${created.id}/archive`, { version: created.version });
    expect(archived.statusCode).toBe(200);
    expect(archived.json().archivedAt).not.toBeNull();
    expect((await staff.patch(`/api/v1/companies/${created.id}`, { version: archived.json().version, notes: 'x' })).statusCode).toBe(422);
    expect((await staff.get(`/api/v1/companies?q=${encodeURIComponent('休眠テスト')}`)).json().total).toBe(0);
    expect((await staff.get(`/api/v1/companies?q=${encodeURIComponent('休眠テスト')}&status=archived`)).json().total).toBe(1);
    const restored = await staff.post(`/api/v1/companies/${created.id}/restore`, { version: archived.json().version });
    expect(restored.json()).toMatchObject({ archivedAt: null, version: 3 });
  });

  it('finds companies by Japanese substrings of 1, 2 and 3+ characters in name, kana and notes', async () => {
    const created = (await staff.post('/api/v1/companies', companyBody({ name: '株式会社十和田りんご工房', nameKana: 'トワダリンゴコウボウ', notes: '紙の受発注伝票を電子化したい' }))).json();
    for (const query of ['りんご工房', 'リンゴ', '工', 'とわだりんご', '受発注伝票', '電子化 伝票', 'ﾘﾝｺﾞ']) {
      const result = await staff.get(`/api/v1/companies?q=${encodeURIComponent(query)}`);
      expect(result.statusCode, query).toBe(200);
      expect(result.json().items.map((item: { id: string }) => item.id), query).toContain(created.id);
    }
    const miss = await staff.get(`/api/v1/companies?q=${encodeURIComponent('みかん工房')}`);
    expect(miss.json().items.map((item: { id: string }) => item.id)).not.toContain(created.id);
    const wildcard = await staff.get(`/api/v1/companies?q=${encodeURIComponent('%')}`);
    expect(wildcard.json().items.map((item: { id: string }) => item.id)).not.toContain(created.id);
  });

  it('filters by industry, municipality, size and tag, and pages through a sort with a stable cursor', async () => {
    const db = testApp().database.db;
    const ownTenant = await createTenant(db);
    const user = await createUser(db, [{ tenantId: ownTenant, role: 'staff' }]);
    const client = await ApiClient.signedIn(testApp().app, user.email, user.password, ownTenant);
    const names: string[] = [];
    const expectedSizes = new Map<string, number>();
    for (let i = 0; i < 23; i++) {
      const body = companyBody({
        name: `株式会社ページ${String(i).padStart(2, '0')}`,
        nameKana: `ページ${String(i).padStart(2, '0')}`,
        municipalityCode: i % 2 === 0 ? '022012' : '022021',
        jsicMajor: i % 3 === 0 ? 'A' : 'E',
        jsicMiddle: i % 3 === 0 ? '01' : '09',
        employees: i * 20,
        capitalYen: null,
        tags: i % 5 === 0 ? ['補助金'] : [],
      });
      names.push((await client.post('/api/v1/companies', body)).json().name);
      const size = deriveCompanySize({ jsicMajor: body.jsicMajor as string, jsicMiddle: body.jsicMiddle as string, employees: body.employees as number, capitalYen: null });
      expectedSizes.set(size, (expectedSizes.get(size) ?? 0) + 1);
    }
    expect(expectedSizes.size).toBeGreaterThan(1);
    expect((await client.get('/api/v1/companies?municipalityCode=022021')).json().total).toBe(11);
    expect((await client.get('/api/v1/companies?jsicMajor=A')).json().total).toBe(8);
    expect((await client.get(`/api/v1/companies?tag=${encodeURIComponent('補助金')}`)).json().total).toBe(5);
    for (const [size, total] of expectedSizes) expect((await client.get(`/api/v1/companies?sizeClass=${size}`)).json().total, size).toBe(total);
    for (const sort of ['name', '-name', 'updatedAt', '-updatedAt', 'employees', '-employees']) {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { total: number; items: { name: string }[]; nextCursor: string | null } = (await client.get(`/api/v1/companies?sort=${sort}&limit=5${cursor ? `&cursor=${cursor}` : ''}`)).json();
        expect(page.total).toBe(23);
        seen.push(...page.items.map((item: { name: string }) => item.name));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen, sort).toHaveLength(23);
      expect(new Set(seen).size, sort).toBe(23);
      if (sort === 'name') expect(seen).toEqual([...names].sort());
      if (sort === '-employees') expect(seen[0]).toBe('株式会社ページ22');
    }
    expect((await client.get('/api/v1/companies?cursor=not-a-cursor')).statusCode).toBe(400);
  });

  it('warns of likely duplicates: the same 法人番号, or the same name (legal form aside) in the same municipality', async () => {
    const number = syntheticCorporateNumber();
    const created = (await staff.post('/api/v1/companies', companyBody({ name: '株式会社陸奥ソフト', corporateNumber: number, municipalityCode: '022080' }))).json();
    const byNumber = await staff.post('/api/v1/companies/duplicate-check', { corporateNumber: number });
    expect(byNumber.json().candidates).toEqual([expect.objectContaining({ id: created.id, reason: 'corporate_number' })]);
    const byName = await staff.post('/api/v1/companies/duplicate-check', { name: '陸奥ソフト（株）', municipalityCode: '022080' });
    expect(byName.json().candidates).toEqual([expect.objectContaining({ id: created.id, reason: 'name_and_municipality' })]);
    const elsewhere = await staff.post('/api/v1/companies/duplicate-check', { name: '陸奥ソフト', municipalityCode: '022012' });
    expect(elsewhere.json().candidates).toEqual([]);
    const self = await staff.post('/api/v1/companies/duplicate-check', { corporateNumber: number, excludeId: created.id });
    expect(self.json().candidates).toEqual([]);
    // A duplicate is a warning: registering it anyway is allowed.
    expect((await staff.post('/api/v1/companies', companyBody({ name: '陸奥ソフト株式会社', corporateNumber: number, municipalityCode: '022080' }))).statusCode).toBe(201);
  });

  it('keeps external IDs unique within the tenant', async () => {
    await staff.post('/api/v1/companies', companyBody({ externalIds: [{ system: '旧台帳', value: 'A-001' }] }));
    const clash = await staff.post('/api/v1/companies', companyBody({ externalIds: [{ system: '旧台帳', value: 'A-001' }] }));
    expect(clash.statusCode).toBe(409);
    expect(clash.json().error.fields).toEqual([expect.objectContaining({ path: 'externalIds.0.value', code: 'duplicate_value' })]);
  });

  it('writes every change to the audit trail with who, when, before and after (admins read it)', async () => {
    const created = (await staff.post('/api/v1/companies', companyBody({ name: '株式会社監査テスト' }))).json();
    await staff.patch(`/api/v1/companies/${created.id}`, { version: 1, employees: 99 });
    expect((await staff.get(`/api/v1/audit-events?entityId=${created.id}`)).statusCode).toBe(403);
    const events = (await admin.get(`/api/v1/audit-events?entityType=company&entityId=${created.id}`)).json().items;
    expect(events.map((event: { action: string }) => event.action)).toEqual(['company.update', 'company.create']);
    expect(events[0].before.employees).toBe(12);
    expect(events[0].after.employees).toBe(99);
    expect(events[0].actor.name).toBe('テスト 利用者');
  });

  it('lets each role do only its part: experts read, partners and viewers see no register', async () => {
    const db = testApp().database.db;
    const expertUser = await createUser(db, [{ tenantId, role: 'expert' }]);
    const partnerUser = await createUser(db, [{ tenantId, role: 'partner' }]);
    const viewerUser = await createUser(db, [{ tenantId, role: 'viewer' }]);
    const expert = await ApiClient.signedIn(testApp().app, expertUser.email, expertUser.password, tenantId);
    const list = await expert.get('/api/v1/companies');
    expect(list.statusCode).toBe(200);
    expect(list.json().abilities).toEqual({ create: false, import: false, export: false });
    const one = list.json().items[0];
    expect((await expert.get(`/api/v1/companies/${one.id}`)).json().abilities.update).toBe(false);
    expect((await expert.post('/api/v1/companies', companyBody())).statusCode).toBe(403);
    for (const user of [partnerUser, viewerUser]) {
      const client = await ApiClient.signedIn(testApp().app, user.email, user.password, tenantId);
      expect((await client.get('/api/v1/companies')).statusCode).toBe(403);
      expect((await client.get(`/api/v1/companies/${one.id}`)).statusCode).toBe(403);
    }
  });
});
