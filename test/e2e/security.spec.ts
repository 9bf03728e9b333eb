// A citizen sees only their own cases (404, never 403), and a form post
// without this session's CSRF token changes nothing.
import { expect, test, type Page } from '@playwright/test';
import {
  accounts,
  answerHuishouden,
  api,
  freshBsn,
  sentKwijtschelding,
  signIn,
  startKwijtschelding,
} from './support.js';

const rev = async (caseId: string) =>
  ((await api('GET', `/api/cases/${caseId}`, accounts().admin)).body as { rev: number }).rev;
const csrfOf = (page: Page) => page.locator('input[name="_csrf"]').first().inputValue();

test("a citizen cannot open or change another citizen's case: 404 with the not-found page", async ({
  page,
  browser,
}) => {
  // Citizen A: one application in progress, one sent.
  const contextA = await browser.newContext();
  const a = await contextA.newPage();
  await signIn(a, freshBsn());
  const sent = await sentKwijtschelding(a);
  const open = await startKwijtschelding(a);
  await answerHuishouden(a);
  await contextA.close();
  const revs = [await rev(sent), await rev(open)];

  // Citizen B.
  await signIn(page, freshBsn());
  for (const path of [
    `/zaken/${open}/status`,
    `/zaken/${open}/stap/huishouden`,
    `/zaken/${open}/stap/geldzaken`,
    `/zaken/${open}`,
    `/zaken/${open}/controle`,
    `/zaken/${sent}/status`,
    `/zaken/${sent}/bevestiging`,
    `/zaken/${sent}/medewerker`,
    `/zaken/${sent}/actie/withdraw`,
  ]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole('heading', { level: 1 }), path).toHaveText('Pagina niet gevonden');
    await expect(page.getByText('Deze pagina bestaat niet of is niet van u.')).toBeVisible();
  }
  // A case that does not exist looks the same.
  const missing = await page.goto('/zaken/bestaat-niet/status');
  expect(missing?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Pagina niet gevonden');
  // B's own valid token does not let B post to A's case either.
  await page.goto('/mijn-zaken');
  const _csrf = await csrfOf(page);
  const posts: [string, Record<string, string>][] = [
    [
      `/zaken/${open}/stap/geldzaken`,
      { _csrf, inkomen: '1', vermogen: '1', heeftAuto: 'nee', iban: 'NL91ABNA0417164300' },
    ],
    [`/zaken/${open}/versturen`, { _csrf }],
    [`/zaken/${sent}/actie/withdraw`, { _csrf }],
    [`/zaken/${sent}/medewerker`, { _csrf, question: 'x', channel: 'phone' }],
  ];
  for (const [path, form] of posts)
    expect((await page.request.post(path, { form, maxRedirects: 0 })).status(), path).toBe(404);
  expect([await rev(sent), await rev(open)]).toEqual(revs);
  await page.goto('/mijn-zaken');
  await expect(page.getByText('U heeft nog geen zaken.')).toBeVisible();
});

test('a form post without a valid CSRF token changes nothing (403)', async ({ page }) => {
  await signIn(page, freshBsn());
  const caseId = await startKwijtschelding(page);
  const before = await rev(caseId);
  const answers = { huishouden: 'samen', aanslagnummer: '2026-0099' };

  for (const _csrf of ['wrong', '', undefined]) {
    const response = await page.request.post(`/zaken/${caseId}/stap/huishouden`, {
      form: { ...answers, ...(_csrf === undefined ? {} : { _csrf }) },
      maxRedirects: 0,
    });
    expect(response.status()).toBe(403);
    expect(await response.text()).toContain('Dit formulier is verlopen.');
  }
  // A token of another session does not count either.
  const other = await page.context().browser()!.newContext();
  const otherPage = await other.newPage();
  await otherPage.goto('/inloggen');
  const foreign = await csrfOf(otherPage);
  await other.close();
  expect(
    (
      await page.request.post(`/zaken/${caseId}/stap/huishouden`, {
        form: { ...answers, _csrf: foreign },
        maxRedirects: 0,
      })
    ).status(),
  ).toBe(403);

  // Nothing saved: the form is still empty, the case not moved on.
  await page.goto(`/zaken/${caseId}/stap/huishouden`);
  await expect(page.getByLabel('Met partner')).not.toBeChecked();
  await expect(page.getByLabel('Aanslagnummer')).toHaveValue('');
  await page.goto(`/zaken/${caseId}`);
  await expect(page).toHaveURL(new RegExp(`/zaken/${caseId}/stap/huishouden$`));
  expect(await rev(caseId)).toBe(before);

  // The same for withdrawing, asking for a person and starting a case.
  for (const [path, form] of [
    [`/zaken/${caseId}/actie/withdraw`, {}],
    [`/zaken/${caseId}/medewerker`, { question: 'Hallo?', channel: 'phone' }],
    ['/diensten/kwijtschelding/start', {}],
    ['/diensten/grofvuil/start', {}],
  ] as const) {
    expect((await page.request.post(path, { form: { ...form, _csrf: 'wrong' }, maxRedirects: 0 })).status(), path).toBe(
      403,
    );
  }
  expect(await rev(caseId)).toBe(before);
  const tasks = (await api('GET', '/api/tasks?team=klantcontact', accounts().official)).body as { caseId: string }[];
  expect(tasks.filter((t) => t.caseId === caseId)).toEqual([]);
  await page.goto('/mijn-zaken');
  await expect(page.locator('.omslag-card')).toHaveCount(1);
  await expect(page.locator('.omslag-card')).toContainText('Loopt');

  // With the page's own token the same answers are taken.
  await page.goto(`/zaken/${caseId}/stap/huishouden`);
  const response = await page.request.post(`/zaken/${caseId}/stap/huishouden`, {
    form: { ...answers, _csrf: await csrfOf(page) },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(303);
  await page.goto(`/zaken/${caseId}/stap/huishouden`);
  await expect(page.getByLabel('Aanslagnummer')).toHaveValue('2026-0099');
});

test('the sign-in form needs its token too, and sign-in sends only to pages of this site', async ({ page }) => {
  const bsn = freshBsn();
  await page.goto('/inloggen');
  expect((await page.request.post('/inloggen', { form: { bsn, _csrf: 'wrong' }, maxRedirects: 0 })).status()).toBe(403);
  await page.goto('/mijn-zaken');
  await expect(page).toHaveURL(/\/inloggen/);

  await page.goto('/inloggen?terug=//evil.example/x');
  await page.getByLabel('Burgerservicenummer (BSN)').fill(bsn);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await expect(page).toHaveURL(/^http:\/\/127\.0\.0\.1:\d+\/mijn-zaken$/);
});
