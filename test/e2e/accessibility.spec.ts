// Every citizen page type: no axe-core violations (WCAG 2.1 A and AA) and no
// horizontal scrolling at 320 px wide (WCAG 1.4.10 reflow).
import { expect, test, type Cookie, type Page } from '@playwright/test';
import {
  answerGeldzaken,
  answerHuishouden,
  caseIdOf,
  expectAccessible,
  expectNoHorizontalScroll,
  freshBsn,
  send,
  sentKwijtschelding,
  signIn,
  startKwijtschelding,
} from './support.js';

/** One citizen with a case in each state the pages show, made once for this file. */
let cookies: Cookie[];
const cases = { atSecondStep: '', atCheck: '', sent: '', finished: '' };

test.beforeAll(async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, freshBsn());
  // Finished: savings above the norm are rejected by the decision at once.
  cases.finished = await startKwijtschelding(page);
  await answerHuishouden(page);
  await answerGeldzaken(page, '1.000,00', '5000');
  await send(page);
  cases.sent = await sentKwijtschelding(page);
  cases.atCheck = await startKwijtschelding(page);
  await answerHuishouden(page);
  await answerGeldzaken(page);
  // Start again continues the open application, so the next one is another process.
  await page.goto('/diensten/grofvuil');
  await page.getByRole('button', { name: 'Start' }).click();
  cases.atSecondStep = caseIdOf(page);
  cookies = await context.cookies();
  await context.close();
});

async function asCitizen(page: Page) {
  await page.context().addCookies(cookies);
}

/** Both checks, on the page as it is now. */
async function check(page: Page, heading: string | RegExp) {
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
  await expectAccessible(page);
  await expectNoHorizontalScroll(page);
}

test('services list', async ({ page }) => {
  await page.goto('/');
  await check(page, 'Diensten');
});

test('start page', async ({ page }) => {
  await page.goto('/diensten/kwijtschelding');
  await check(page, 'Kwijtschelding gemeentelijke belastingen');
});

test('going on with a start after signing in', async ({ page }) => {
  await asCitizen(page);
  await page.goto('/diensten/grofvuil/start');
  await expect(page.getByRole('button', { name: 'Doorgaan met starten' })).toBeVisible();
  await check(page, 'Grofvuil laten ophalen');
});

test('sign-in', async ({ page }) => {
  await page.goto('/inloggen');
  await check(page, 'Inloggen');
});

test('sign-in with an error', async ({ page }) => {
  await page.goto('/inloggen');
  await page.getByLabel('Burgerservicenummer (BSN)').fill('123456789');
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await expect(page.getByRole('alert')).toContainText('Dit burgerservicenummer klopt niet');
  await expect(page).toHaveTitle(/^Fout:/);
  await check(page, 'Inloggen');
});

test('form page with field errors: money, yes-no, IBAN and a conditional field', async ({ page }) => {
  await asCitizen(page);
  await page.goto(`/zaken/${cases.atCheck}/stap/geldzaken`);
  await page.getByLabel(/Netto inkomen/).fill('');
  await page.getByLabel('Uw IBAN').fill('NL00 0000');
  await page.getByRole('button', { name: 'Volgende' }).click();
  await expect(page.getByRole('alert').getByRole('link')).toHaveCount(2);
  await check(page, 'Inkomen en vermogen');
});

test('form page with field errors: choices, multi-choice, textarea and a date', async ({ page }) => {
  await asCitizen(page);
  await page.goto(`/zaken/${cases.atSecondStep}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Wat en waar');
  await page.getByLabel('Dag').fill('31');
  await page.getByLabel('Maand').fill('2');
  await page.getByLabel('Jaar').fill('2020');
  await page.getByRole('button', { name: 'Volgende' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await check(page, 'Wat en waar');
});

test('check answers', async ({ page }) => {
  await asCitizen(page);
  await page.goto(`/zaken/${cases.atCheck}/controle`);
  await check(page, 'Controleer uw antwoorden');
});

test('confirmation', async ({ page }) => {
  await asCitizen(page);
  await page.goto(`/zaken/${cases.sent}/bevestiging`);
  await check(page, 'Uw aanvraag is verstuurd');
});

test('my cases', async ({ page }) => {
  await asCitizen(page);
  await page.goto('/mijn-zaken');
  await expect(page.locator('main .omslag-card')).toHaveCount(4);
  await check(page, 'Mijn zaken');
});

test('status page of an active case', async ({ page }) => {
  await asCitizen(page);
  await page.goto(`/zaken/${cases.sent}/status`);
  await expect(page.getByRole('heading', { name: 'Nu: Beoordeling door een medewerker' })).toBeVisible();
  await check(page, 'Kwijtschelding gemeentelijke belastingen');
});

test('status page of a finished case', async ({ page }) => {
  await asCitizen(page);
  await page.goto(`/zaken/${cases.finished}/status`);
  await expect(page.getByRole('heading', { name: 'Uitkomst: Kwijtschelding afgewezen' })).toBeVisible();
  await check(page, 'Kwijtschelding gemeentelijke belastingen');
});

test('notices by email and SMS, and the same with errors', async ({ page }) => {
  await asCitizen(page);
  await page.goto('/meldingen');
  await check(page, 'Meldingen per e-mail en sms');
  await page.getByLabel('E-mailadres').fill('geen adres');
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.getByRole('alert')).toContainText('Vul een e-mailadres in');
  await check(page, 'Meldingen per e-mail en sms');
});

test('ask-a-person form', async ({ page }) => {
  await asCitizen(page);
  await page.goto(`/zaken/${cases.sent}/medewerker`);
  await check(page, 'Een medewerker spreken');
});

test('ask-a-person form with an error', async ({ page }) => {
  await asCitizen(page);
  await page.goto(`/zaken/${cases.sent}/medewerker`);
  await page.getByRole('button', { name: 'Vraag versturen' }).click();
  await expect(page.getByRole('alert')).toContainText('Vertel waarmee wij u kunnen helpen.');
  await expect(page).toHaveTitle(/^Fout:/);
  await check(page, 'Een medewerker spreken');
});

test('ask-a-person form with the way to reach the citizen wrong: email chosen, no address; a phone number too short', async ({
  page,
}) => {
  await asCitizen(page);
  await page.goto(`/zaken/${cases.sent}/medewerker`);
  await page.getByRole('group', { name: 'Hoe wilt u dat wij contact opnemen?' }).getByLabel('E-mail').check();
  await page.getByRole('button', { name: 'Vraag versturen' }).click();
  await expect(page.getByRole('alert').getByRole('link')).toHaveText([
    'Vertel waarmee wij u kunnen helpen.',
    'Vul uw e-mailadres in. Dan kunnen wij u mailen.',
  ]);
  await check(page, 'Een medewerker spreken');
  await page.getByRole('group', { name: 'Hoe wilt u dat wij contact opnemen?' }).getByLabel('Telefoon').check();
  await page.getByLabel('Telefoonnummer').fill('06 123');
  await page.getByRole('button', { name: 'Vraag versturen' }).click();
  await expect(page.getByLabel('Telefoonnummer')).toHaveAttribute('aria-invalid', 'true');
  await check(page, 'Een medewerker spreken');
});

test('objection form, from the status page of a rejected case', async ({ page }) => {
  await asCitizen(page);
  await page.goto(`/zaken/${cases.finished}/status`);
  await expect(page.getByRole('region', { name: 'Bent u het niet eens met dit besluit?' })).toContainText(
    'Dan kunt u bezwaar maken. Dat kan tot en met',
  );
  await page.getByRole('link', { name: 'Bezwaar maken' }).click();
  await check(page, 'Bezwaar maken');
  await page.getByRole('button', { name: 'Bezwaar versturen' }).click();
  await expect(page.getByRole('alert')).toContainText('Schrijf op waarom u het niet eens bent met het besluit.');
  await check(page, 'Bezwaar maken');
});

test('withdraw confirmation page', async ({ page }) => {
  await asCitizen(page);
  await page.goto(`/zaken/${cases.sent}/status`);
  await page.getByRole('link', { name: 'Aanvraag intrekken' }).click();
  await expect(page.getByRole('button', { name: 'Ja, aanvraag intrekken' })).toBeVisible();
  await check(page, 'Aanvraag intrekken');
});

test('404 page', async ({ page }) => {
  const response = await page.goto('/bestaat-niet');
  expect(response?.status()).toBe(404);
  await check(page, 'Pagina niet gevonden');
});

test('the same pages in English: a form page with errors and the status page', async ({ page }) => {
  await asCitizen(page);
  await page.goto(`/zaken/${cases.atSecondStep}?lang=en`);
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('alert')).toContainText('There is a problem');
  await check(page, 'What and where');
  await page.goto(`/zaken/${cases.finished}/status`);
  await check(page, 'Remission of municipal taxes');
  await page.goto('/mijn-zaken?lang=nl');
});
