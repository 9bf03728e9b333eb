// Every citizen page type, as a citizen reaches it, at 320, 360 and 1280 px: nothing scrolls sideways, no
// heading word is split, labels stand above their inputs and buttons keep clear of the fields above them
// (test/e2e/layout-checks.ts). Then what the citizen sees of the start page, the form steps, offers, errors
// and the organisation's logo.
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { expect, test, type Page } from '@playwright/test';
import {
  accounts,
  answerGeldzaken,
  answerHuishouden,
  api,
  caseIdOf,
  expectAccessible,
  freshBsn,
  sentKwijtschelding,
  signIn,
  startKwijtschelding,
} from './support.js';
import { layoutProblems, walkLayout } from './layout-checks.js';

test.use({ actionTimeout: 10_000 });

const go = (path: string) => (page: Page) => page.goto(path);

/** An official decides the case's open task through the API (claim, then complete with the outcome). */
async function decide(caseId: string, outcome: string, data: Record<string, unknown>) {
  const { official } = accounts();
  const tasks = (await api('GET', '/api/tasks?team=belastingen&status=open', official)).body as {
    id: string;
    caseId: string;
  }[];
  const task = tasks.find((t) => t.caseId === caseId)!;
  expect((await api('POST', `/api/tasks/${task.id}/claim`, official)).status).toBe(200);
  expect((await api('POST', `/api/tasks/${task.id}/complete`, official, { outcome, data })).status).toBe(200);
}

test('every citizen page type fits at 320, 360 and 1280 px: no sideways scrolling, no split heading words', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  // Signed out: the services, a start page, signing in (also with an error), a page that does not exist.
  const visitor = await (await browser.newContext()).newPage();
  const signedOut = await walkLayout(visitor, [
    { name: 'services', visit: go('/') },
    { name: 'start page', visit: go('/diensten/kwijtschelding') },
    { name: 'sign-in', visit: go('/inloggen') },
    {
      name: 'sign-in with an error',
      visit: async (page) => {
        await page.goto('/inloggen');
        await page.getByLabel('Burgerservicenummer').fill('123456789');
        await page.getByRole('button', { name: 'Inloggen' }).click();
        await expect(page.getByRole('alert')).toBeVisible();
      },
    },
    { name: 'not found', visit: go('/bestaat-niet') },
  ]);

  // Signed in: a case at each place a citizen can be.
  const page = await (await browser.newContext()).newPage();
  const bsn = freshBsn();
  await api('POST', '/api/signals', accounts().admin, {
    type: 'inkomen.vastgesteld',
    subject: bsn,
    data: { inkomen: 1200 },
  });
  await signIn(page, bsn);
  await page.goto('/mijn-zaken');
  await page.locator('.omslag-card', { hasText: 'Stadspas' }).getByRole('link').first().click();
  const offer = caseIdOf(page);
  const sent = await sentKwijtschelding(page);
  const decided = await sentKwijtschelding(page);
  await decide(decided, 'afwijzen', { reden: 'Uw vaste lasten zijn lager dan de norm voor uw huishouden.' });
  const unsent = await startKwijtschelding(page);
  await answerHuishouden(page);
  await answerGeldzaken(page);
  const signedIn = await walkLayout(page, [
    { name: 'start page, signed in', visit: go('/diensten/kwijtschelding') },
    { name: 'going on with a start', visit: go('/diensten/kwijtschelding/start') },
    { name: 'form page', visit: go(`/zaken/${unsent}/stap/huishouden`) },
    {
      name: 'form page with errors',
      visit: async (p) => {
        await p.goto(`/zaken/${unsent}/stap/geldzaken`);
        await p.getByLabel(/Netto inkomen/).fill('veel');
        await p.getByLabel('Uw IBAN').fill('NL00');
        await p.getByRole('button', { name: 'Volgende' }).click();
        await expect(p.getByRole('alert')).toBeVisible();
      },
    },
    { name: 'check answers', visit: go(`/zaken/${unsent}/controle`) },
    { name: 'confirmation', visit: go(`/zaken/${sent}/bevestiging`) },
    { name: 'status, waiting', visit: go(`/zaken/${sent}/status`) },
    { name: 'status, decided', visit: go(`/zaken/${decided}/status`) },
    { name: 'objection', visit: go(`/zaken/${decided}/medewerker?soort=bezwaar`) },
    { name: 'withdraw confirmation', visit: go(`/zaken/${sent}/actie/withdraw`) },
    { name: 'offer', visit: go(`/zaken/${offer}`) },
    { name: 'my cases', visit: go('/mijn-zaken') },
    { name: 'contact request', visit: go(`/zaken/${sent}/medewerker`) },
    {
      name: 'contact request with errors',
      visit: async (p) => {
        await p.goto(`/zaken/${sent}/medewerker`);
        await p.getByRole('button', { name: 'Vraag versturen' }).click();
        await expect(p.getByRole('alert')).toBeVisible();
      },
    },
    { name: 'choosing what a contact request is about', visit: go('/medewerker') },
    { name: 'who looked at my data', visit: go(`/zaken/${sent}/inzage`) },
    { name: 'mandates', visit: go('/machtigingen') },
    { name: 'new mandate', visit: go('/machtigingen/nieuw') },
    { name: 'notices', visit: go('/meldingen') },
  ]);
  expect([...signedOut, ...signedIn]).toEqual([]);
});

test('the start page gives one duration, the decision time in working days, and what you need; each form page says which step of how many', async ({
  page,
}) => {
  await page.goto('/diensten/kwijtschelding');
  const main = page.getByRole('main');
  // One duration on the page, from the questions: the description names none of its own.
  const text = (await main.innerText()).replace(/\s+/g, ' ');
  expect(text.match(/\d+ minuten/g)).toEqual(['6 minuten']);
  await expect(main).toContainText('Het invullen duurt ongeveer 6 minuten.');
  // The handoff's deadline is 8 working days: said as working days, not as 12 days.
  await expect(main).toContainText('krijgt u binnen 8 werkdagen antwoord.');
  expect(text).not.toMatch(/binnen \d+ dagen/);
  // What you need: the list the designer wrote in the process.
  const needs = page.getByRole('heading', { name: 'Wat heeft u nodig?' }).locator('xpath=following-sibling::ul[1]/li');
  await expect(needs).toHaveText([
    'Uw DigiD',
    'Het aanslagnummer: dit staat rechtsboven op uw aanslag gemeentelijke belastingen',
    'Uw netto inkomen per maand, en dat van uw partner',
    'Hoeveel spaargeld u heeft, en wat uw auto waard is als u er een heeft',
    'Uw IBAN (bankrekeningnummer)',
  ]);

  // A process without a list: the sign-in and each form step's questions.
  await page.goto('/diensten/grofvuil');
  const defaults = page
    .getByRole('heading', { name: 'Wat heeft u nodig?' })
    .locator('xpath=following-sibling::ul[1]/li');
  await expect(defaults.first()).toHaveText('DigiD om in te loggen');
  await expect(defaults).toHaveCount(2);

  // In English: the same, in English.
  await page.goto('/diensten/kwijtschelding?lang=en');
  await expect(page.getByRole('main')).toContainText('Filling it in takes about 6 minutes.');
  await expect(page.getByRole('main')).toContainText('you get an answer within 8 working days.');

  // The form pages: "Stap 1 van 2", then "Stap 2 van 2" (two form steps before the answers are sent).
  await page.goto('/diensten/kwijtschelding?lang=nl');
  await signIn(page, freshBsn());
  await startKwijtschelding(page);
  await expect(page.locator('.omslag-caption')).toHaveText('Stap 1 van 2');
  await answerHuishouden(page);
  await expect(page.locator('.omslag-caption')).toHaveText('Stap 2 van 2');
  // The caption stands right above the page's heading.
  await expect(page.getByRole('heading', { level: 1 }).locator('xpath=preceding-sibling::*[1]')).toHaveText(
    'Stap 2 van 2',
  );
});

test('the error summary lists the errors in the order of the fields on the page, not in the order they were found', async ({
  page,
}) => {
  await signIn(page, freshBsn());
  await startKwijtschelding(page);
  await answerHuishouden(page);
  // The income (first on the page) is left empty; the IBAN (last) is not an IBAN. A format problem is found
  // before a missing answer, but the summary follows the page.
  await page.getByLabel(/Spaargeld/).fill('100');
  await page.getByRole('group', { name: 'Heeft u een auto?' }).getByLabel('Nee').check();
  await page.getByLabel('Uw IBAN').fill('NL00 1234');
  await page.getByRole('button', { name: 'Volgende' }).click();
  const items = page.getByRole('alert').getByRole('listitem');
  await expect(items).toHaveCount(2);
  await expect(items.nth(0)).toContainText('Netto inkomen per maand (huishouden):');
  await expect(items.nth(1)).toContainText('Uw IBAN:');
  // Each line leads to its field.
  await items.nth(0).getByRole('link').click();
  await expect(page.getByLabel(/Netto inkomen/)).toBeFocused();
});

test.describe('a theme with a logo', () => {
  let child: ChildProcess | undefined;
  let base = '';

  test.beforeAll(async () => {
    child = spawn(process.execPath, ['--import', 'tsx', 'test/e2e/theme-server.ts'], {
      stdio: ['pipe', 'pipe', 'inherit'],
      env: { ...process.env, E2E_THEME_PORT: process.env.E2E_THEME_PORT ?? '' },
    });
    base = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the theme test server did not start in 25 s')), 25_000);
      child!.once('exit', (code) => reject(new Error(`the theme test server stopped (${code})`)));
      createInterface({ input: child!.stdout! }).once('line', (line) => {
        clearTimeout(timer);
        resolve((JSON.parse(line) as { base: string }).base);
      });
    });
  });

  test.afterAll(async () => {
    if (!child || child.exitCode !== null) return;
    const gone = new Promise((r) => child!.once('exit', r));
    child.stdin?.end();
    child.kill('SIGTERM');
    await gone;
  });

  test("the organisation's logo shows in the header, says whose it is and where it leads, and fits at 320 px", async ({
    page,
  }) => {
    await page.goto(`${base}/diensten/kwijtschelding`);
    const home = page.getByRole('banner').getByRole('link', { name: 'Gemeente Utrecht, naar de startpagina' });
    const logo = home.getByRole('img', { name: 'Gemeente Utrecht, naar de startpagina' });
    await expect(logo).toBeVisible();
    expect(await logo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    expect(await home.getAttribute('href')).toBe('/');
    await expectAccessible(page);
    // A wide logo shrinks to the header on a small screen.
    await page.setViewportSize({ width: 320, height: 640 });
    expect(await layoutProblems(page)).toEqual([]);
    expect((await logo.boundingBox())!.width).toBeLessThanOrEqual(320);
    // Opened on its own, the logo can run nothing.
    const res = await page.request.get(`${base}/static/theme-logo`);
    expect(res.headers()['content-type']).toContain('image/svg+xml');
    expect(res.headers()['content-security-policy']).toContain('sandbox');
    // In English, in English.
    await page.goto(`${base}/?lang=en`);
    await expect(
      page.getByRole('banner').getByRole('img', { name: 'Gemeente Utrecht, to the home page' }),
    ).toBeVisible();
  });
});

test('without a logo in the theme the header names the organisation', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('banner').getByRole('link', { name: 'Gemeente Voorbeeld' })).toBeVisible();
  await expect(page.getByRole('banner').getByRole('img')).toHaveCount(0);
});
