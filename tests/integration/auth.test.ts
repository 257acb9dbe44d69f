import { generate } from 'otplib';
import { beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../support/api-client';
import { createTenant, createUser, type TestUser } from '../support/factories';
import { useTestApp } from '../support/setup';

const testApp = useTestApp();

async function outboxMail(admin: ApiClient, to: string) {
  const response = await admin.get('/api/v1/mail-messages');
  expect(response.statusCode).toBe(200);
  return response.json().items.find((mail: { to: string }) => mail.to === to) as { subject: string; bodyText: string; status: string } | undefined;
}

describe('sign-in', () => {
  let tenantId: string;
  let user: TestUser;
  beforeAll(async () => {
    tenantId = await createTenant(testApp().database.db);
    user = await createUser(testApp().database.db, [{ tenantId, role: 'staff' }]);
  });

  it('signs in with e-mail and password and sets an httpOnly SameSite session cookie', async () => {
    const client = new ApiClient(testApp().app);
    await client.refreshSession();
    const response = await client.post('/api/v1/auth/sign-in', { email: user.email.toUpperCase(), password: user.password });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'signed_in' });
    const setCookie = String(response.headers['set-cookie']);
    expect(setCookie).toMatch(/tsumugi\.session_token=/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    const session = await client.refreshSession();
    expect(session.user.email).toBe(user.email);
    expect(session.tenants).toEqual([expect.objectContaining({ id: tenantId, role: 'staff' })]);
    expect(session.currentTenantId).toBe(tenantId);
  });

  it('answers a wrong password and an unknown address alike', async () => {
    const client = new ApiClient(testApp().app);
    await client.refreshSession();
    const wrong = await client.post('/api/v1/auth/sign-in', { email: user.email, password: 'not the password' });
    const unknown = await client.post('/api/v1/auth/sign-in', { email: 'nobody@test.example', password: 'not the password' });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().error.code).toBe('INVALID_CREDENTIALS');
    expect(unknown.json().error).toEqual(wrong.json().error);
  });

  it('locks an address after five failures, even for the right password, and says for how long', async () => {
    const victim = await createUser(testApp().database.db, [{ tenantId, role: 'staff' }]);
    const client = new ApiClient(testApp().app);
    await client.refreshSession();
    const codes: number[] = [];
    for (let attempt = 0; attempt < 5; attempt++) {
      codes.push((await client.post('/api/v1/auth/sign-in', { email: victim.email, password: `wrong-${attempt}` })).statusCode);
    }
    expect(codes).toEqual([401, 401, 401, 401, 429]);
    const locked = await client.post('/api/v1/auth/sign-in', { email: victim.email, password: victim.password });
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.code).toBe('ACCOUNT_LOCKED');
    expect(locked.json().error.message).toMatch(/分後/);
  });

  it('refuses state-changing requests without the CSRF token or from another origin', async () => {
    const client = new ApiClient(testApp().app);
    await client.refreshSession();
    const noToken = await client.post('/api/v1/auth/sign-in', { email: user.email, password: user.password }, { 'x-csrf-token': '' });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json().error.code).toBe('CSRF_REJECTED');
    const otherOrigin = await client.post('/api/v1/auth/sign-in', { email: user.email, password: user.password }, { origin: 'https://evil.example' });
    expect(otherOrigin.statusCode).toBe(403);
    const crossSite = await client.post('/api/v1/auth/sign-in', { email: user.email, password: user.password }, { origin: '', 'sec-fetch-site': 'cross-site' });
    expect(crossSite.statusCode).toBe(403);
  });

  it('requires a session for tenant data, and ends it on sign-out', async () => {
    const anonymous = new ApiClient(testApp().app);
    expect((await anonymous.get('/api/v1/companies')).statusCode).toBe(401);
    const client = await ApiClient.signedIn(testApp().app, user.email, user.password);
    expect((await client.get('/api/v1/companies')).statusCode).toBe(200);
    expect((await client.post('/api/v1/auth/sign-out')).statusCode).toBe(200);
    expect((await client.get('/api/v1/companies')).statusCode).toBe(401);
  });

  it('answers in English when the request prefers it', async () => {
    const client = new ApiClient(testApp().app);
    await client.refreshSession();
    const response = await client.post('/api/v1/auth/sign-in', { email: user.email, password: 'x' }, { 'accept-language': 'en-GB,en;q=0.9' });
    expect(response.json().error.message).toBe('The e-mail address or password is not correct.');
  });
});

describe('password reset', () => {
  it('mails a link (held in the outbox without SMTP), sets the new password once, and ends old sessions', async () => {
    const db = testApp().database.db;
    const tenantId = await createTenant(db);
    const admin = await createUser(db, [{ tenantId, role: 'admin' }]);
    const user = await createUser(db, [{ tenantId, role: 'staff' }]);
    const oldSession = await ApiClient.signedIn(testApp().app, user.email, user.password);

    const anonymous = new ApiClient(testApp().app);
    await anonymous.refreshSession();
    const requested = await anonymous.post('/api/v1/auth/password-reset/request', { email: user.email });
    expect(requested.statusCode).toBe(202);
    const unknown = await anonymous.post('/api/v1/auth/password-reset/request', { email: 'nobody@test.example' });
    expect(unknown.statusCode).toBe(202);
    await testApp().app.mailer.deliverPending();

    const adminClient = await ApiClient.signedIn(testApp().app, admin.email, admin.password);
    const mail = await outboxMail(adminClient, user.email);
    expect(mail?.subject).toContain('パスワード再設定');
    expect(mail?.status).toBe('held');
    const token = new URL(mail!.bodyText.match(/https?:\/\/\S+/)![0]).searchParams.get('token')!;

    const tooShort = await anonymous.post('/api/v1/auth/password-reset/confirm', { token, newPassword: 'short' });
    expect(tooShort.statusCode).toBe(400);
    expect(tooShort.json().error.fields[0]).toMatchObject({ path: 'newPassword', code: 'password_too_short' });

    const newPassword = 'a brand new passphrase';
    expect((await anonymous.post('/api/v1/auth/password-reset/confirm', { token, newPassword })).statusCode).toBe(200);
    const reused = await anonymous.post('/api/v1/auth/password-reset/confirm', { token, newPassword: 'yet another passphrase' });
    expect(reused.statusCode).toBe(422);
    expect(reused.json().error.code).toBe('INVALID_TOKEN');

    expect((await oldSession.get('/api/v1/companies')).statusCode).toBe(401);
    await ApiClient.signedIn(testApp().app, user.email, newPassword);
  });
});

describe('two-factor sign-in (TOTP)', () => {
  it('enrols, then requires a code at sign-in, refuses a replayed code, and accepts a backup code once', async () => {
    const db = testApp().database.db;
    const tenantId = await createTenant(db);
    const user = await createUser(db, [{ tenantId, role: 'staff' }]);
    const client = await ApiClient.signedIn(testApp().app, user.email, user.password);

    const enrolment = await client.post('/api/v1/auth/two-factor/enable', { password: user.password });
    expect(enrolment.statusCode).toBe(200);
    const { totpUri, backupCodes } = enrolment.json();
    const secret = new URL(totpUri).searchParams.get('secret')!;
    expect(backupCodes).toHaveLength(10);
    expect((await client.post('/api/v1/auth/two-factor/verify', { code: '000000' })).statusCode).toBe(401);
    const confirm = await client.post('/api/v1/auth/two-factor/verify', { code: await generate({ secret }) });
    expect(confirm.statusCode).toBe(200);
    expect((await client.refreshSession()).user.twoFactorEnabled).toBe(true);

    const second = new ApiClient(testApp().app);
    await second.refreshSession();
    const signIn = await second.post('/api/v1/auth/sign-in', { email: user.email, password: user.password });
    expect(signIn.json()).toEqual({ status: 'two_factor_required' });
    expect((await second.get('/api/v1/companies')).statusCode).toBe(401);
    // The code used to confirm the enrolment a moment ago is still in its window: a replay.
    const replay = await second.post('/api/v1/auth/two-factor/verify', { code: await generate({ secret }) });
    expect(replay.statusCode).toBe(401);
    expect(replay.json().error.code).toBe('INVALID_TWO_FACTOR_CODE');

    const third = new ApiClient(testApp().app);
    await third.refreshSession();
    expect((await third.post('/api/v1/auth/sign-in', { email: user.email, password: user.password })).json().status).toBe('two_factor_required');
    expect((await third.post('/api/v1/auth/two-factor/verify', { code: backupCodes[0] })).statusCode).toBe(200);
    expect((await third.get('/api/v1/companies')).statusCode).toBe(200);

    const fourth = new ApiClient(testApp().app);
    await fourth.refreshSession();
    await fourth.post('/api/v1/auth/sign-in', { email: user.email, password: user.password });
    expect((await fourth.post('/api/v1/auth/two-factor/verify', { code: backupCodes[0] })).statusCode).toBe(401);
  });
});

describe('rate limits', () => {
  it('limits sign-in attempts per client address (429 RATE_LIMITED)', async () => {
    const client = new ApiClient(testApp().app);
    await client.refreshSession();
    const statuses: number[] = [];
    const limit = testApp().config.rateLimits.signInPerMinute;
    for (let attempt = 0; attempt < limit + 2; attempt++) {
      statuses.push((await client.post('/api/v1/auth/sign-in', { email: `someone-${attempt}@test.example`, password: 'x' })).statusCode);
    }
    expect(statuses.slice(0, limit).every((status) => status === 401)).toBe(true);
    expect(statuses.slice(limit)).toEqual([429, 429]);
  });
});
