// The same kwijtschelding journey with JavaScript switched off: the pages are
// plain HTML forms, so everything works; a conditional question is shown with
// a hint saying when to answer it, and the server decides.
import { expect, test } from '@playwright/test';
import { accounts, api, caseIdOf, freshBsn, signIn } from './support.js';

test.use({ javaScriptEnabled: false });

test('without JavaScript a citizen applies for kwijtschelding: errors, corrections, check answers, change link, confirmation, status', async ({
  page,
}) => {
  // Sign-in refuses a BSN that fails the elfproef, keeping what was typed.
  await page.goto('/inloggen?terug=/diensten/kwijtschelding');
  await page.getByLabel('Burgerservicenummer (BSN)').fill('123456789');
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await expect(page.getByRole('alert')).toContainText('Dit burgerservicenummer klopt niet');
  await expect(page.getByLabel('Burgerservicenummer (BSN)')).toHaveValue('123456789');
  await page.getByLabel('Burgerservicenummer (BSN)').fill(freshBsn());
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await expect(page).toHaveURL(/\/diensten\/kwijtschelding$/);
  await page.getByRole('button', { name: 'Start' }).click();

  // First step, sent empty: the error summary links to each field.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Uw huishouden');
  await page.getByRole('button', { name: 'Volgende' }).click();
  await expect(page).toHaveTitle(/^Fout:/);
  const summary = page.getByRole('alert');
  await expect(summary.getByRole('link')).toHaveText(['Hoe woont u?: Maak een keuze.', 'Aanslagnummer: Vul dit in.']);
  await expect(summary.getByRole('link').first()).toHaveAttribute('href', '#f-huishouden');
  await expect(summary.getByRole('link').nth(1)).toHaveAttribute('href', '#f-aanslagnummer');
  await summary.getByRole('link').nth(1).click();
  await expect(page.locator('#f-aanslagnummer')).toBeFocused();
  await page.getByLabel('Met partner').check();
  await page.getByLabel('Aanslagnummer').fill('2026-0042');
  await page.getByRole('button', { name: 'Volgende' }).click();

  // Second step: without the script, the car question is on the page with its condition spelled out.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Inkomen en vermogen');
  const carValue = page.getByLabel(/Wat is de auto waard/);
  await expect(carValue).toBeVisible();
  await expect(carValue).toHaveAccessibleDescription('Alleen invullen als u bij "Heeft u een auto?" "Ja" kiest.');
  await page.getByLabel(/Netto inkomen/).fill('1.850,00');
  await page.getByLabel(/Spaargeld/).fill('100');
  await page.getByRole('group', { name: 'Heeft u een auto?' }).getByLabel('Ja').check();
  await page.getByLabel('Uw IBAN').fill('NL91 ABNA 0417 1643 01');
  await page.getByRole('button', { name: 'Volgende' }).click();
  // Two problems at once: the car's value (now required) and the IBAN; the other answers are kept.
  await expect(page.getByRole('alert').getByRole('link')).toHaveCount(2);
  await expect(page.getByRole('alert')).toContainText('Vul een geldig IBAN in');
  await expect(page.getByLabel(/Netto inkomen/)).toHaveValue('1.850,00');
  await expect(page.getByRole('group', { name: 'Heeft u een auto?' }).getByLabel('Ja')).toBeChecked();
  await expect(page.getByLabel('Uw IBAN')).toHaveAttribute('aria-invalid', 'true');
  // Corrected: no car after all, so the server ignores the empty car value.
  await page.getByRole('group', { name: 'Heeft u een auto?' }).getByLabel('Nee').check();
  await page.getByLabel('Uw IBAN').fill('NL91 ABNA 0417 1643 00');
  await page.getByRole('button', { name: 'Volgende' }).click();

  // Check your answers; the car's value is not asked, and a change link comes back here.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Controleer uw antwoorden');
  await expect(page.getByText('Wat is de auto waard?')).toHaveCount(0);
  await page.getByRole('link', { name: 'Wijzigen Aanslagnummer' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Uw huishouden');
  await expect(page.getByLabel('Met partner')).toBeChecked();
  await expect(page.getByLabel('Aanslagnummer')).toHaveValue('2026-0042');
  await page.getByLabel('Aanslagnummer').fill('2026-0043');
  await page.getByRole('button', { name: 'Volgende' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Controleer uw antwoorden');
  await expect(page.getByText('2026-0043')).toBeVisible();
  await expect(page.getByText('2026-0042')).toHaveCount(0);
  await page.getByRole('button', { name: 'Versturen' }).click();

  // Confirmation with the reference and what happens next.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Uw aanvraag is verstuurd');
  await expect(page.locator('.omslag-reference')).toHaveText(/^OMS-/);
  await expect(page.getByText(/U krijgt uiterlijk .* antwoord/)).toBeVisible();
  const caseId = caseIdOf(page);

  // The status page while an official reviews it, then after the decision.
  await page.getByRole('link', { name: 'Bekijk de stand van uw zaak' }).click();
  await expect(page.getByRole('heading', { name: 'Nu: Beoordeling door een medewerker' })).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: 'Een medewerker behandelt uw aanvraag' })).toBeVisible();
  const { official } = accounts();
  const tasks = (await api('GET', '/api/tasks?team=belastingen&status=active', official)).body as {
    id: string;
    caseId: string;
  }[];
  const task = tasks.find((t) => t.caseId === caseId)!;
  expect((await api('POST', `/api/tasks/${task.id}/complete`, official, { outcome: 'toekennen' })).status).toBe(200);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Uitkomst: Kwijtschelding toegekend' })).toBeVisible();
  await expect(page.getByText('U krijgt kwijtschelding. U hoeft niets meer te doen.').first()).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Berichten' })).toBeVisible();
  await expect(
    page.getByText('U hoeft de gemeentelijke belastingen van aanslag 2026-0043 niet te betalen.').first(),
  ).toBeVisible();
  await expect(page.getByRole('link', { name: 'Aanvraag intrekken' })).toHaveCount(0);
});

test('without JavaScript the sign-out button in the header works', async ({ page }) => {
  await signIn(page, freshBsn());
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mijn zaken');
  await page.getByRole('button', { name: 'Uitloggen' }).click();
  await expect(page.getByText('U bent uitgelogd.')).toBeVisible();
  await page.goto('/mijn-zaken');
  await expect(page).toHaveURL(/\/inloggen\?terug=%2Fmijn-zaken$/);
});

test('without JavaScript at 320 px, Start while signed out: after signing in the citizen goes on with one press', async ({
  page,
}) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await page.goto('/diensten/kwijtschelding');
  await page.getByRole('button', { name: 'Start' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Inloggen');
  await page.getByLabel('Burgerservicenummer (BSN)').fill(freshBsn());
  await page.getByRole('button', { name: 'Inloggen' }).click();
  // Back at the start, not at the explanation: one press, and the first question.
  await expect(page).toHaveURL(/\/diensten\/kwijtschelding\/start$/);
  await expect(page.getByText('U bent ingelogd. Druk op de knop om verder te gaan met uw aanvraag.')).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  await page.getByRole('button', { name: 'Doorgaan met starten' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Uw huishouden');
  expect(caseIdOf(page)).toBeTruthy();
});
