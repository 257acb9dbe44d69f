import { describe, expect, it } from 'vitest';
import { createTenantWithFirstAdmin } from '../../src/server/modules/tenants/tenants.service';
import { ApiClient } from '../support/api-client';
import { createTenant, createUser } from '../support/factories';
import { useTestApp } from '../support/setup';

const testApp = useTestApp();

function invitationPath(mailBody: string): string {
  return new URL(mailBody.match(/https?:\/\/\S+/)![0]).pathname; // /invitations/<tenant>/<token>
}

describe('people, roles and invitations', () => {
  it('invites by mail; the invited person chooses a name and password and joins with the role', async () => {
    const db = testApp().database.db;
    const tenantId = await createTenant(db, { name: '招待テスト組織' });
    const adminUser = await createUser(db, [{ tenantId, role: 'admin' }]);
    const admin = await ApiClient.signedIn(testApp().app, adminUser.email, adminUser.password, tenantId);

    const email = `new-${Date.now()}@test.example`;
    const invited = await admin.post('/api/v1/invitations', { email: email.toUpperCase(), role: 'expert' });
    expect(invited.statusCode).toBe(201);
    expect((await admin.get('/api/v1/invitations')).json().items).toEqual([expect.objectContaining({ email, role: 'expert' })]);
    await testApp().app.mailer.deliverPending();
    const mail = (await admin.get('/api/v1/mail-messages')).json().items.find((item: { to: string }) => item.to === email);
    expect(mail.subject).toBe('【Tsumugi】招待テスト組織 への招待');
    const [, , invitationTenant, token] = invitationPath(mail.bodyText).split('/');

    const visitor = new ApiClient(testApp().app);
    await visitor.refreshSession();
    const preview = await visitor.get(`/api/v1/public/invitations/${invitationTenant}/${token}`);
    expect(preview.json()).toMatchObject({ tenantName: '招待テスト組織', email, role: 'expert', hasAccount: false });
    const missing = await visitor.post(`/api/v1/public/invitations/${invitationTenant}/${token}/accept`, {});
    expect(missing.json().error.fields.map((field: { path: string }) => field.path)).toEqual(['name', 'password']);
    const accepted = await visitor.post(`/api/v1/public/invitations/${invitationTenant}/${token}/accept`, { name: '新規 専門家', password: 'a long enough password' });
    expect(accepted.statusCode).toBe(200);
    expect((await visitor.post(`/api/v1/public/invitations/${invitationTenant}/${token}/accept`, { name: 'x', password: 'a long enough password' })).json().error.code).toBe('INVALID_TOKEN');

    const member = await ApiClient.signedIn(testApp().app, email, 'a long enough password');
    const session = await member.refreshSession();
    expect(session.tenants).toEqual([expect.objectContaining({ id: tenantId, role: 'expert' })]);
    const audit = (await admin.get('/api/v1/audit-events?entityType=membership')).json().items;
    expect(audit[0]).toMatchObject({ action: 'membership.create', after: { role: 'expert' } });
  });

  it('lets an existing account accept only when signed in as the invited address', async () => {
    const db = testApp().database.db;
    const first = await createTenant(db);
    const second = await createTenant(db);
    const adminUser = await createUser(db, [{ tenantId: second, role: 'admin' }]);
    const person = await createUser(db, [{ tenantId: first, role: 'staff' }]);
    const admin = await ApiClient.signedIn(testApp().app, adminUser.email, adminUser.password, second);
    await admin.post('/api/v1/invitations', { email: person.email, role: 'viewer' });
    const mail = (await admin.get('/api/v1/mail-messages')).json().items.find((item: { to: string }) => item.to === person.email);
    const [, , tenantId, token] = invitationPath(mail.bodyText).split('/');

    const anonymous = new ApiClient(testApp().app);
    await anonymous.refreshSession();
    expect((await anonymous.get(`/api/v1/public/invitations/${tenantId}/${token}`)).json().hasAccount).toBe(true);
    expect((await anonymous.post(`/api/v1/public/invitations/${tenantId}/${token}/accept`, {})).statusCode).toBe(401);
    const signedIn = await ApiClient.signedIn(testApp().app, person.email, person.password);
    expect((await signedIn.post(`/api/v1/public/invitations/${tenantId}/${token}/accept`, {})).statusCode).toBe(200);
    const tenants = (await signedIn.refreshSession()).tenants.map((entry: { id: string; role: string }) => [entry.id, entry.role]);
    expect(tenants).toEqual(expect.arrayContaining([[first, 'staff'], [second, 'viewer']]));
    // Switching tenants: the same person reads each tenant's data by naming it.
    expect((await signedIn.put('/api/v1/me/current-tenant', { tenantId: second })).statusCode).toBe(200);
    expect((await signedIn.refreshSession()).currentTenantId).toBe(second);
  });

  it('changes roles with optimistic locking, keeps one admin, and lets only admins manage people', async () => {
    const db = testApp().database.db;
    const tenantId = await createTenant(db);
    const adminUser = await createUser(db, [{ tenantId, role: 'admin' }]);
    const staffUser = await createUser(db, [{ tenantId, role: 'staff' }]);
    const admin = await ApiClient.signedIn(testApp().app, adminUser.email, adminUser.password, tenantId);
    const staff = await ApiClient.signedIn(testApp().app, staffUser.email, staffUser.password, tenantId);

    const members = (await admin.get('/api/v1/users')).json();
    expect(members.abilities).toEqual({ invite: true, changeRoles: true });
    const staffMember = members.items.find((item: { userId: string }) => item.userId === staffUser.userId);
    expect((await admin.patch(`/api/v1/users/${staffUser.userId}`, { role: 'expert', version: staffMember.version })).statusCode).toBe(200);
    expect((await admin.patch(`/api/v1/users/${staffUser.userId}`, { role: 'viewer', version: staffMember.version })).statusCode).toBe(409);
    const lastAdmin = await admin.patch(`/api/v1/users/${adminUser.userId}`, { role: 'staff', version: 1 });
    expect(lastAdmin.statusCode).toBe(422);
    expect(lastAdmin.json().error.code).toBe('LAST_ADMIN');

    expect((await staff.get('/api/v1/users')).statusCode).toBe(403); // now an expert
    expect((await staff.post('/api/v1/invitations', { email: 'x@test.example', role: 'admin' })).statusCode).toBe(403);
    expect((await staff.get('/api/v1/audit-events')).statusCode).toBe(403);
    expect((await staff.get('/api/v1/mail-messages')).statusCode).toBe(403);

    expect((await admin.post(`/api/v1/users/${staffUser.userId}/remove`, { version: 2 })).statusCode).toBe(200);
    expect((await staff.get('/api/v1/companies')).statusCode).toBe(403);
  });

  it('lets an admin rename the tenant, with optimistic locking and an audit record', async () => {
    const db = testApp().database.db;
    const tenantId = await createTenant(db, { name: '改称前の組織' });
    const adminUser = await createUser(db, [{ tenantId, role: 'admin' }]);
    const staffUser = await createUser(db, [{ tenantId, role: 'staff' }]);
    const admin = await ApiClient.signedIn(testApp().app, adminUser.email, adminUser.password, tenantId);
    const staff = await ApiClient.signedIn(testApp().app, staffUser.email, staffUser.password, tenantId);
    const current = (await admin.get('/api/v1/tenants/current')).json();
    expect(current).toMatchObject({ name: '改称前の組織', role: 'admin', abilities: { update: true }, prefecture: { code: '02', name: '青森県' } });
    expect((await staff.patch('/api/v1/tenants/current', { version: current.version, name: 'x' })).statusCode).toBe(403);
    const renamed = await admin.patch('/api/v1/tenants/current', { version: current.version, name: '改称後の組織', nameEn: 'Renamed desk' });
    expect(renamed.json()).toMatchObject({ name: '改称後の組織', nameEn: 'Renamed desk', version: current.version + 1 });
    expect((await admin.patch('/api/v1/tenants/current', { version: current.version, name: '古い版' })).statusCode).toBe(409);
    const audit = (await admin.get('/api/v1/audit-events?entityType=tenant')).json().items;
    expect(audit[0]).toMatchObject({ action: 'tenant.update', before: { name: '改称前の組織' }, after: { name: '改称後の組織' } });
  });

  it('creates a tenant from the command line with an invitation for its first admin', async () => {
    const { tenantId, invitationUrl } = await createTenantWithFirstAdmin(testApp().database.db, testApp().config, {
      slug: `cli-${Date.now()}`,
      name: '新しい窓口',
      kind: 'desk',
      prefectureCode: '05',
      adminEmail: `first-admin-${Date.now()}@test.example`,
    });
    const [, , invitationTenant, token] = new URL(invitationUrl).pathname.split('/');
    expect(invitationTenant).toBe(tenantId);
    const visitor = new ApiClient(testApp().app);
    await visitor.refreshSession();
    expect((await visitor.get(`/api/v1/public/invitations/${tenantId}/${token}`)).json()).toMatchObject({ tenantName: '新しい窓口', role: 'admin' });
  });
});
