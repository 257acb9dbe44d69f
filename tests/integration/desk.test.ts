import { beforeAll, describe, expect, it } from 'vitest';
import { sendDueReminders } from '../../src/server/modules/cases/reminders';
import { ApiClient } from '../support/api-client';
import { daysAgo, intakeBody } from '../support/case-factories';
import { createTenant, createUser, type TestUser } from '../support/factories';
import { useTestApp } from '../support/setup';

const testApp = useTestApp();

describe('desk configuration and reminders', () => {
  let tenantId: string;
  let admin: ApiClient;
  let staff: ApiClient;
  let staffUser: TestUser;

  beforeAll(async () => {
    const db = testApp().database.db;
    tenantId = await createTenant(db);
    const adminUser = await createUser(db, [{ tenantId, role: 'admin' }]);
    staffUser = await createUser(db, [{ tenantId, role: 'staff' }], { name: '期限 守' });
    admin = await ApiClient.signedIn(testApp().app, adminUser.email, adminUser.password, tenantId);
    staff = await ApiClient.signedIn(testApp().app, staffUser.email, staffUser.password, tenantId);
  });

  it('lets admins edit the theme taxonomy; an archived theme stays on old cases but is not picked anew', async () => {
    expect((await staff.post('/api/v1/desk/themes', { name: '補助金' })).statusCode).toBe(403);
    const created = await admin.post('/api/v1/desk/themes', { name: '補助金', nameEn: 'Subsidies', position: 10 });
    expect(created.statusCode).toBe(201);
    expect((await admin.post('/api/v1/desk/themes', { name: '補助金' })).statusCode).toBe(409);
    const theme = created.json();
    const opened = await staff.post('/api/v1/cases', intakeBody({ themeIds: [theme.id] }));
    expect(opened.statusCode).toBe(201);
    const archived = await admin.patch(`/api/v1/desk/themes/${theme.id}`, { version: theme.version, archived: true });
    expect(archived.json(), archived.body).toMatchObject({ archived: true, caseCount: 1 });
    const refused = await staff.post('/api/v1/cases', intakeBody({ themeIds: [theme.id] }));
    expect(refused.json().error.fields[0]).toMatchObject({ path: 'themeIds.0', code: 'theme_archived' });
    const kept = (await staff.get(`/api/v1/cases/${opened.json().id}`)).json();
    const untouched = await staff.patch(`/api/v1/cases/${kept.id}`, { version: kept.version, themeIds: [theme.id], title: '件名を変更' });
    expect(untouched.statusCode).toBe(200);
  });

  it('saves settings with optimistic locking from version 0', async () => {
    const initial = (await admin.get('/api/v1/desk/settings')).json();
    expect(initial).toMatchObject({ intakeEnabled: false, followUpMonths: [3, 6, 12], version: 0 });
    const saved = await admin.patch('/api/v1/desk/settings', { version: 0, intakeEnabled: true, followUpMonths: [12, 3, 3] });
    expect(saved.json()).toMatchObject({ intakeEnabled: true, followUpMonths: [3, 12], version: 1 });
    expect((await admin.patch('/api/v1/desk/settings', { version: 0, intakeEnabled: false })).statusCode).toBe(409);
    expect((await staff.patch('/api/v1/desk/settings', { version: 1, intakeEnabled: false })).statusCode).toBe(403);
  });

  it('mails a reminder once for a next action falling due', async () => {
    const opened = (await staff.post('/api/v1/cases', intakeBody({ coordinatorId: staffUser.userId }))).json();
    const tomorrow = daysAgo(-1).slice(0, 10);
    await staff.post(`/api/v1/cases/${opened.id}/next-actions`, { title: '提案書を送る', dueOn: tomorrow });
    const db = testApp().database.db;
    expect(await sendDueReminders(db, 'http://tsumugi.test')).toBeGreaterThanOrEqual(1);
    expect(await sendDueReminders(db, 'http://tsumugi.test')).toBe(0);
    const mails = (await admin.get('/api/v1/mail-messages')).json().items.filter((mail: { subject: string }) => mail.subject.includes('提案書を送る'));
    expect(mails).toHaveLength(1);
    expect(mails[0].to).toBe(staffUser.email);
  });
});
