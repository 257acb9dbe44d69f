import { beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../support/api-client';
import { createTenant, createUser } from '../support/factories';
import { useTestApp } from '../support/setup';

const testApp = useTestApp();

/** A valid programme: 2025年度, the desk's usual counting rules. */
function programmeBody(overrides: Record<string, unknown> = {}) {
  return {
    name: '令和7年度 DX総合相談窓口運営業務',
    commissioner: '青森県 商工労働部',
    startsOn: '2025-04-01',
    endsOn: '2026-03-31',
    supportTarget: 300,
    companyTarget: 120,
    countedChannels: ['visit_desk', 'on_site', 'online', 'phone'],
    countedCaseTypes: ['business', 'procurement'],
    minimumMinutes: 30,
    ...overrides,
  };
}

type Field = { path: string; code: string };
const fieldCodes = (body: { error: { fields: Field[] } }) => body.error.fields.map((field) => `${field.path}:${field.code}`);

describe('funding programmes', () => {
  let tenantId: string;
  let admin: ApiClient;
  let staff: ApiClient;
  let viewer: ApiClient;
  let expert: ApiClient;

  beforeAll(async () => {
    const db = testApp().database.db;
    tenantId = await createTenant(db);
    const clients = await Promise.all(
      (['admin', 'staff', 'viewer', 'expert'] as const).map(async (role) => {
        const user = await createUser(db, [{ tenantId, role }]);
        return ApiClient.signedIn(testApp().app, user.email, user.password, tenantId);
      }),
    );
    [admin, staff, viewer, expert] = clients as [ApiClient, ApiClient, ApiClient, ApiClient];
  });

  it('creates a programme with its counting rules, filling the defaults, and answers it as stored', async () => {
    const response = await admin.post('/api/v1/programmes', programmeBody({ countedChannels: ['phone', 'visit_desk', 'phone'], notes: '　仕様書 第3条　' }));
    expect(response.statusCode, response.body).toBe(201);
    const created = response.json();
    expect(created).toMatchObject({
      name: '令和7年度 DX総合相談窓口運営業務',
      commissioner: '青森県 商工労働部',
      startsOn: '2025-04-01',
      endsOn: '2026-03-31',
      fiscalYear: 2025,
      supportTarget: 300,
      companyTarget: 120,
      countedChannels: ['visit_desk', 'phone'],
      countedCaseTypes: ['business', 'procurement'],
      minimumMinutes: 30,
      minutesBasis: 'session',
      companyIdentity: 'corporate_number',
      suppressionThreshold: 3,
      isDefault: false,
      notes: '仕様書 第3条',
      archivedAt: null,
      version: 1,
      abilities: { update: true, archive: true, restore: false },
    });
    expect((await viewer.get(`/api/v1/programmes/${created.id}`)).json()).toMatchObject({ ...created, abilities: { update: false, archive: false, restore: false } });
  });

  it('refuses invalid rules with field errors', async () => {
    const response = await admin.post(
      '/api/v1/programmes',
      programmeBody({
        name: '',
        startsOn: '2025-04-31',
        supportTarget: -1,
        countedChannels: [],
        countedCaseTypes: ['business', 'seminar'],
        minimumMinutes: 1441,
        minutesBasis: 'everything',
        suppressionThreshold: 11,
        unexpected: 1,
      }),
    );
    expect(response.statusCode).toBe(400);
    expect(fieldCodes(response.json())).toEqual(
      expect.arrayContaining([
        'name:required',
        'startsOn:invalid_date',
        'supportTarget:too_small',
        'countedChannels:required',
        'countedCaseTypes.1:invalid_choice',
        'minimumMinutes:too_big',
        'minutesBasis:invalid_choice',
        'suppressionThreshold:too_big',
        'unexpected:unknown_field',
      ]),
    );
    const reversed = await admin.post('/api/v1/programmes', programmeBody({ startsOn: '2026-04-01', endsOn: '2026-03-31' }));
    expect(reversed.statusCode).toBe(400);
    expect(fieldCodes(reversed.json())).toEqual(['endsOn:ends_before_start']);
  });

  it('edits with optimistic locking, checks the merged period, and refuses to edit an archived programme', async () => {
    const created = (await admin.post('/api/v1/programmes', programmeBody({ name: '編集テスト' }))).json();
    const edited = await admin.patch(`/api/v1/programmes/${created.id}`, { version: 1, minimumMinutes: 15, minutesBasis: 'session_and_preparation' });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ minimumMinutes: 15, minutesBasis: 'session_and_preparation', name: '編集テスト', version: 2 });
    const stale = await admin.patch(`/api/v1/programmes/${created.id}`, { version: 1, minimumMinutes: 60 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'VERSION_CONFLICT', details: { currentVersion: 2 } });
    const reversed = await admin.patch(`/api/v1/programmes/${created.id}`, { version: 2, endsOn: '2025-03-31' });
    expect(reversed.statusCode).toBe(400);
    expect(fieldCodes(reversed.json())).toEqual(['endsOn:ends_before_start']);

    const archived = await admin.post(`/api/v1/programmes/${created.id}/archive`, { version: 2 });
    expect(archived.json()).toMatchObject({ version: 3, abilities: { update: false, restore: true } });
    expect(archived.json().archivedAt).not.toBeNull();
    expect((await admin.patch(`/api/v1/programmes/${created.id}`, { version: 3, name: 'x' })).statusCode).toBe(422);
    const restored = await admin.post(`/api/v1/programmes/${created.id}/restore`, { version: 3 });
    expect(restored.json()).toMatchObject({ archivedAt: null, version: 4 });
  });

  it('keeps default programmes from overlapping; an archived default does not count, and restoring it checks again', async () => {
    const db = testApp().database.db;
    const ownTenant = await createTenant(db);
    const user = await createUser(db, [{ tenantId: ownTenant, role: 'admin' }]);
    const client = await ApiClient.signedIn(testApp().app, user.email, user.password, ownTenant);

    const first = (await client.post('/api/v1/programmes', programmeBody({ isDefault: true }))).json();
    expect(first.isDefault).toBe(true);
    const overlapping = await client.post('/api/v1/programmes', programmeBody({ isDefault: true, startsOn: '2026-03-01', endsOn: '2027-03-31' }));
    expect(overlapping.statusCode).toBe(400);
    expect(fieldCodes(overlapping.json())).toEqual(['isDefault:default_programme_overlap']);
    expect(overlapping.json().error.details).toMatchObject({ reason: 'default_overlap', conflictingProgramme: { id: first.id } });
    // The next year may be a default; so may an overlapping programme that is not one.
    const next = await client.post('/api/v1/programmes', programmeBody({ isDefault: true, startsOn: '2026-04-01', endsOn: '2027-03-31' }));
    expect(next.statusCode).toBe(201);
    expect((await client.post('/api/v1/programmes', programmeBody({ name: '専門家派遣', isDefault: false }))).statusCode).toBe(201);
    // Moving the next year's default into this year is the same overlap.
    const moved = await client.patch(`/api/v1/programmes/${next.json().id}`, { version: 1, startsOn: '2026-01-01' });
    expect(fieldCodes(moved.json())).toEqual(['isDefault:default_programme_overlap']);

    const archived = (await client.post(`/api/v1/programmes/${first.id}/archive`, { version: first.version })).json();
    const replacement = await client.post('/api/v1/programmes', programmeBody({ name: '再契約分', isDefault: true }));
    expect(replacement.statusCode).toBe(201);
    const restore = await client.post(`/api/v1/programmes/${first.id}/restore`, { version: archived.version });
    expect(restore.statusCode).toBe(422);
    expect(restore.json().error.details).toMatchObject({ reason: 'default_overlap', conflictingProgramme: { id: replacement.json().id } });
  });

  it('lists programmes by status and fiscal year, newest period first', async () => {
    const db = testApp().database.db;
    const ownTenant = await createTenant(db);
    const user = await createUser(db, [{ tenantId: ownTenant, role: 'admin' }]);
    const client = await ApiClient.signedIn(testApp().app, user.email, user.password, ownTenant);
    const year2024 = (await client.post('/api/v1/programmes', programmeBody({ name: '2024', startsOn: '2024-04-01', endsOn: '2025-03-31' }))).json();
    const year2025 = (await client.post('/api/v1/programmes', programmeBody({ name: '2025' }))).json();
    const twoYears = (await client.post('/api/v1/programmes', programmeBody({ name: '2年契約', startsOn: '2024-10-01', endsOn: '2026-09-30' }))).json();
    await client.post(`/api/v1/programmes/${year2024.id}/archive`, { version: 1 });

    const names = async (query: string) => (await client.get(`/api/v1/programmes${query}`)).json().items.map((item: { name: string }) => item.name);
    expect(await names('')).toEqual(['2025', '2年契約']);
    expect(await names('?status=all')).toEqual(['2025', '2年契約', '2024']);
    expect(await names('?status=archived')).toEqual(['2024']);
    expect(await names('?status=all&fiscalYear=2024')).toEqual(['2年契約', '2024']);
    expect(await names('?fiscalYear=2026')).toEqual(['2年契約']);
    expect((await client.get('/api/v1/programmes')).json().abilities).toEqual({ create: true });
    expect(year2025.fiscalYear).toBe(2025);
    expect(twoYears.fiscalYear).toBe(2024);
  });

  it('lets only admins write; staff and viewers read; experts do not see programmes', async () => {
    const created = (await admin.post('/api/v1/programmes', programmeBody({ name: '権限テスト' }))).json();
    expect((await staff.post('/api/v1/programmes', programmeBody())).statusCode).toBe(403);
    expect((await viewer.post('/api/v1/programmes', programmeBody())).statusCode).toBe(403);
    expect((await viewer.patch(`/api/v1/programmes/${created.id}`, { version: 1, name: '乗っ取り' })).statusCode).toBe(403);
    expect((await staff.post(`/api/v1/programmes/${created.id}/archive`, { version: 1 })).statusCode).toBe(403);
    expect((await staff.get('/api/v1/programmes')).json().abilities).toEqual({ create: false });
    expect((await viewer.get(`/api/v1/programmes/${created.id}`)).statusCode).toBe(200);
    expect((await expert.get('/api/v1/programmes')).statusCode).toBe(403);
    expect((await expert.get(`/api/v1/programmes/${created.id}`)).statusCode).toBe(403);
  });

  it("answers 404 for another tenant's programme", async () => {
    const db = testApp().database.db;
    const otherTenant = await createTenant(db);
    const user = await createUser(db, [{ tenantId: otherTenant, role: 'admin' }]);
    const other = await ApiClient.signedIn(testApp().app, user.email, user.password, otherTenant);
    const created = (await admin.post('/api/v1/programmes', programmeBody({ name: '他組織から見えない' }))).json();
    expect((await other.get(`/api/v1/programmes/${created.id}`)).statusCode).toBe(404);
    expect((await other.patch(`/api/v1/programmes/${created.id}`, { version: 1, name: '乗っ取り' })).statusCode).toBe(404);
    expect((await other.post(`/api/v1/programmes/${created.id}/archive`, { version: 1 })).statusCode).toBe(404);
    expect((await other.get('/api/v1/programmes?status=all')).json().items).toEqual([]);
  });

  it('writes every change to the audit trail with before and after', async () => {
    const created = (await admin.post('/api/v1/programmes', programmeBody({ name: '監査テスト' }))).json();
    await admin.patch(`/api/v1/programmes/${created.id}`, { version: 1, minimumMinutes: 10 });
    await admin.post(`/api/v1/programmes/${created.id}/archive`, { version: 2 });
    await admin.post(`/api/v1/programmes/${created.id}/restore`, { version: 3 });
    const events = (await admin.get(`/api/v1/audit-events?entityType=funding_programme&entityId=${created.id}`)).json().items;
    expect(events.map((event: { action: string }) => event.action)).toEqual(['programme.restore', 'programme.archive', 'programme.update', 'programme.create']);
    const update = events.find((event: { action: string }) => event.action === 'programme.update');
    expect(update.before).toMatchObject({ minimumMinutes: 30, version: 1 });
    expect(update.after).toMatchObject({ minimumMinutes: 10, version: 2 });
    expect(update.after).not.toHaveProperty('abilities');
  });
});
