import { beforeAll, describe, expect, it } from 'vitest';
import { issueFormToken } from '../../src/server/modules/public-intake/form-token';
import { ApiClient } from '../support/api-client';
import { createThemes, openPublicIntake } from '../support/case-factories';
import { companyBody, createTenant, createUser, syntheticCorporateNumber } from '../support/factories';
import { useTestApp } from '../support/setup';
import { TEST_SECRET } from '../support/test-app';

const testApp = useTestApp();

describe('public consultation intake (no sign-in)', () => {
  let tenantId: string;
  let slug: string;
  let themes: Record<string, string>;
  let staff: ApiClient;
  let admin: ApiClient;

  /** A token as the form would have held it for a while (the time trap refuses one younger than 3 s). */
  const agedToken = (tenant = tenantId) => issueFormToken(TEST_SECRET, tenant, Date.now() - 10_000);

  function requestBody(overrides: Record<string, unknown> = {}) {
    return {
      formToken: agedToken(),
      website: '',
      entityType: 'corporation',
      companyName: '株式会社ひばり精機',
      corporateNumber: null,
      municipalityCode: '022012',
      jsicMajor: 'E',
      employees: 25,
      contactName: '雲雀 はな',
      contactRole: '総務課長',
      email: 'hana@hibari.example.jp',
      phone: '017-000-0000',
      themeIds: [themes['受発注・在庫']],
      troubles: '受注をFAXで受けて手入力している。\n月末は残業が続く。',
      preferredChannel: 'online',
      consentTerms: true,
      consentSharePartners: false,
      ...overrides,
    };
  }

  beforeAll(async () => {
    const db = testApp().database.db;
    tenantId = await createTenant(db, { name: 'あおもりDX相談窓口' });
    themes = await createThemes(db, tenantId);
    await openPublicIntake(db, tenantId, { notifyAddress: 'desk@aomori-dx.example.jp' });
    const staffUser = await createUser(db, [{ tenantId, role: 'staff' }]);
    const adminUser = await createUser(db, [{ tenantId, role: 'admin' }]);
    staff = await ApiClient.signedIn(testApp().app, staffUser.email, staffUser.password, tenantId);
    admin = await ApiClient.signedIn(testApp().app, adminUser.email, adminUser.password, tenantId);
    slug = (await admin.get('/api/v1/desk/settings')).json().publicIntakePath.split('/').pop();
  });

  it('serves the form with the desk’s themes and terms, and 404 for a closed or unknown desk', async () => {
    const visitor = new ApiClient(testApp().app);
    const form = await visitor.get(`/api/v1/public/desks/${slug}`);
    expect(form.statusCode).toBe(200);
    expect(form.json()).toMatchObject({ name: 'あおもりDX相談窓口', termsText: '利用規約（テスト）', intakeEnabled: true });
    expect(form.json().themes.map((theme: { name: string }) => theme.name)).toEqual(['業務効率化', '受発注・在庫', 'セキュリティ']);
    expect(form.json().formToken).toMatch(/\./);
    expect((await visitor.get('/api/v1/public/desks/no-such-desk')).statusCode).toBe(404);
    const closedTenant = await createTenant(testApp().database.db);
    const closedSlug = `t-${closedTenant.slice(0, 8)}`;
    const closed = await visitor.get(`/api/v1/public/desks/${closedSlug}`);
    expect(closed.statusCode).toBe(404);
    expect(closed.json().error.code).toBe('INTAKE_CLOSED');
  });

  it('takes a request: a case in 受付 with a receipt number, a register entry to check, and mails', async () => {
    const visitor = new ApiClient(testApp().app);
    const response = await visitor.post(`/api/v1/public/desks/${slug}/consultations`, requestBody());
    expect(response.statusCode, response.body).toBe(201);
    const receipt = response.json();
    expect(receipt.receiptNumber).toMatch(/^R\d+-\d{4}$/);
    const found = (await staff.get(`/api/v1/cases?q=${encodeURIComponent(receipt.receiptNumber)}`)).json();
    expect(found.total).toBe(1);
    const detail = (await staff.get(`/api/v1/cases/${found.items[0].id}`)).json();
    expect(detail).toMatchObject({ status: 'received', source: 'public', caseType: 'business', preferredChannel: 'online', consentTerms: true, coordinator: null });
    expect(detail.title).toBe('受注をFAXで受けて手入力している。');
    expect(detail.contact).toMatchObject({ name: '雲雀 はな', email: 'hana@hibari.example.jp' });
    expect(detail.company.tags).toEqual(['Webフォーム', '要確認']);
    expect((await staff.get('/api/v1/cases?view=unassigned&limit=100')).json().items.map((item: { id: string }) => item.id)).toContain(detail.id);
    const outbox = (await admin.get('/api/v1/mail-messages')).json();
    const mails = outbox.items.filter((mail: { subject: string }) => mail.subject.includes(receipt.receiptNumber));
    expect(mails.map((mail: { to: string }) => mail.to).sort()).toEqual(['desk@aomori-dx.example.jp', 'hana@hibari.example.jp']);
  });

  it('never duplicates a retried request, even sent several times at once', async () => {
    const visitor = new ApiClient(testApp().app);
    const body = requestBody({ companyName: '有限会社かもめ商店', email: 'kamome@example.jp' });
    const responses = await Promise.all([0, 1, 2, 3].map(() => visitor.post(`/api/v1/public/desks/${slug}/consultations`, body)));
    expect(responses.map((response) => response.statusCode)).toEqual([201, 201, 201, 201]);
    expect(new Set(responses.map((response) => response.json().receiptNumber)).size).toBe(1);
    const cases = (await staff.get(`/api/v1/cases?q=${encodeURIComponent('かもめ商店')}`)).json();
    expect(cases.total).toBe(1);
  });

  it('matches a known company by 法人番号 instead of creating another', async () => {
    const corporateNumber = syntheticCorporateNumber();
    const known = (await staff.post('/api/v1/companies', companyBody({ name: '株式会社つばめ製作所', corporateNumber }))).json();
    const visitor = new ApiClient(testApp().app);
    const response = await visitor.post(`/api/v1/public/desks/${slug}/consultations`, requestBody({ companyName: 'つばめ製作所', corporateNumber, email: 'tsubame@example.jp' }));
    expect(response.statusCode, response.body).toBe(201);
    const cases = (await staff.get(`/api/v1/cases?companyId=${known.id}`)).json();
    expect(cases.total).toBe(1);
  });

  it('refuses bots and bad input with clear errors', async () => {
    const visitor = new ApiClient(testApp().app);
    const post = (body: Record<string, unknown>) => visitor.post(`/api/v1/public/desks/${slug}/consultations`, body);
    const honeypot = await post(requestBody({ website: 'http://spam.example' }));
    expect(honeypot.statusCode).toBe(400);
    const tooFast = await post(requestBody({ formToken: issueFormToken(TEST_SECRET, tenantId) }));
    expect(tooFast.statusCode).toBe(422);
    expect(tooFast.json().error.code).toBe('FORM_TOO_FAST');
    const forged = await post(requestBody({ formToken: `${agedToken().split('.')[0]}.forged` }));
    expect(forged.json().error.code).toBe('FORM_EXPIRED');
    const otherDesk = await post(requestBody({ formToken: agedToken('00000000-0000-4000-8000-000000000000') }));
    expect(otherDesk.json().error.code).toBe('FORM_EXPIRED');
    const noConsent = await post(requestBody({ consentTerms: false }));
    expect(noConsent.statusCode).toBe(400);
    expect(noConsent.json().error.fields).toEqual([expect.objectContaining({ path: 'consentTerms', code: 'consent_required' })]);
    const badEmail = await post(requestBody({ email: 'not-an-address' }));
    expect(badEmail.json().error.fields).toEqual([expect.objectContaining({ path: 'email', code: 'invalid_email' })]);
    const unknownTheme = await post(requestBody({ themeIds: ['00000000-0000-4000-8000-000000000000'] }));
    expect(unknownTheme.json().error.fields).toEqual([expect.objectContaining({ path: 'themeIds.0', code: 'unknown_theme' })]);
  });

  it('rate-limits a flood from one address with 429', async () => {
    const flooder = new ApiClient(testApp().app);
    const limit = testApp().config.rateLimits.publicIntakePerMinute;
    const statuses: number[] = [];
    for (let i = 0; i <= limit; i++) statuses.push((await flooder.post(`/api/v1/public/desks/${slug}/consultations`, { formToken: 'x' })).statusCode);
    expect(statuses.slice(0, limit).every((status) => status === 400)).toBe(true);
    expect(statuses[limit]).toBe(429);
    // Another requester is not affected.
    const other = new ApiClient(testApp().app);
    expect((await other.post(`/api/v1/public/desks/${slug}/consultations`, requestBody({ email: 'other@example.jp', companyName: '合同会社うみねこ' }))).statusCode).toBe(201);
  });
});
