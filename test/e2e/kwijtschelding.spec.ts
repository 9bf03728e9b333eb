import { expect, test } from '@playwright/test';
import { accounts, api, expectAccessible, freshBsn, signIn } from './support.js';

test('a citizen applies for kwijtschelding: errors, corrections, check answers, change link, confirmation, status', async ({
  page,
}) => {
  await signIn(page, freshBsn());
  await page.goto('/diensten/kwijtschelding');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Start' }).click();

  // First step, sent empty: an error summary linking to each field, and the messages at the fields.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Uw huishouden');
  await page.getByRole('button', { name: 'Volgende' }).click();
  const summary = page.getByRole('alert');
  await expect(summary.getByRole('link')).toHaveText(['Hoe woont u?: Maak een keuze.', 'Aanslagnummer: Vul dit in.']);
  await summary.getByRole('link').first().click();
  await expect(page.locator('#f-huishouden')).toBeFocused();
  await expect(page).toHaveTitle(/^Fout:/);
  await expectAccessible(page);
  await page.getByLabel('Met partner').check();
  await page.getByLabel('Aanslagnummer').fill('2026-0042');
  await page.getByRole('button', { name: 'Volgende' }).click();

  // Second step: a wrong IBAN is refused, the other answers are kept.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Inkomen en vermogen');
  await page.getByLabel(/Netto inkomen/).fill('1.850,00');
  await page.getByLabel(/Spaargeld/).fill('100');
  await page.getByRole('group', { name: 'Heeft u een auto?' }).getByLabel('Nee').check();
  await page.getByLabel('Uw IBAN').fill('NL91 ABNA 0417 1643 01');
  await page.getByRole('button', { name: 'Volgende' }).click();
  await expect(page.getByRole('alert')).toContainText('Vul een geldig IBAN in');
  await expect(page.getByLabel(/Netto inkomen/)).toHaveValue('1.850,00');
  await page.getByLabel('Uw IBAN').fill('NL91 ABNA 0417 1643 00');
  await page.getByRole('button', { name: 'Volgende' }).click();

  // Check your answers, with a change link that comes back here.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Controleer uw antwoorden');
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Wijzigen Aanslagnummer' }).click();
  await page.getByLabel('Aanslagnummer').fill('2026-0043');
  await page.getByRole('button', { name: 'Volgende' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Controleer uw antwoorden');
  await expect(page.getByText('2026-0043')).toBeVisible();
  await page.getByRole('button', { name: 'Versturen' }).click();

  // Confirmation with a reference and the expected date.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Uw aanvraag is verstuurd');
  await expect(page.locator('.omslag-reference')).toHaveText(/^OMS-/);
  await expect(page.getByText(/U krijgt uiterlijk .* antwoord/)).toBeVisible();
  await expectAccessible(page);

  // The official rejects with a reason (through the API, until the workspace exists).
  const caseId = new URL(page.url()).pathname.split('/')[2];
  const { official } = accounts();
  const tasks = (await api('GET', '/api/tasks?team=belastingen&status=active', official)).body as {
    id: string;
    caseId: string;
  }[];
  const task = tasks.find((t) => t.caseId === caseId)!;
  expect(
    (
      await api('POST', `/api/tasks/${task.id}/complete`, official, {
        outcome: 'afwijzen',
        data: { reden: 'Uw vaste lasten zijn laag.' },
      })
    ).status,
  ).toBe(200);

  await page.getByRole('link', { name: 'Bekijk de stand van uw zaak' }).click();
  await expect(page.getByRole('heading', { name: /Uitkomst: Kwijtschelding afgewezen/ })).toBeVisible();
  await expect(
    page.getByText('Uw inkomen ligt dicht bij de norm. Een medewerker bekijkt uw aanvraag.', { exact: true }),
  ).toBeVisible();
  await expect(page.getByText(/Uw vaste lasten zijn laag/).first()).toBeVisible();
  await expectAccessible(page);
});
