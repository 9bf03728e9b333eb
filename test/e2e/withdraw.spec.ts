// Withdrawing an application from the status page, with a confirmation step.
import { expect, test } from '@playwright/test';
import { accounts, api, expectAccessible, freshBsn, sentKwijtschelding, signIn } from './support.js';

test('a citizen withdraws an application that waits for an official', async ({ page }) => {
  await signIn(page, freshBsn());
  const caseId = await sentKwijtschelding(page);
  await page.getByRole('link', { name: 'Bekijk de stand van uw zaak' }).click();
  await expect(page.getByRole('heading', { name: 'Nu: Beoordeling door een medewerker' })).toBeVisible();

  // "Nee, terug" changes nothing.
  await page.getByRole('link', { name: 'Aanvraag intrekken' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Aanvraag intrekken');
  await expect(page.getByText('Weet u het zeker?')).toBeVisible();
  // What withdrawing means, before the citizen confirms; the button warns.
  await expect(page.getByText('Als u dit doet, stopt uw aanvraag.')).toBeVisible();
  await expect(page.getByText('Dit kunt u niet ongedaan maken.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Ja, aanvraag intrekken' })).toHaveClass(/utrecht-button--warning/);
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Nee, terug' }).click();
  await expect(page.getByRole('heading', { name: 'Nu: Beoordeling door een medewerker' })).toBeVisible();

  // Confirmed: the outcome is "withdrawn", the official's task is gone, nothing more to withdraw.
  await page.getByRole('link', { name: 'Aanvraag intrekken' }).click();
  await page.getByRole('button', { name: 'Ja, aanvraag intrekken' }).click();
  await expect(page).toHaveURL(new RegExp(`/zaken/${caseId}/status$`));
  await expect(page.getByRole('heading', { name: 'Uitkomst: Aanvraag ingetrokken' })).toBeVisible();
  await expect(page.getByText('U heeft uw aanvraag ingetrokken.').first()).toBeVisible();
  await expect(page.locator('.omslag-timeline')).toContainText('Aanvraag intrekken');
  await expect(page.getByRole('link', { name: 'Aanvraag intrekken' })).toHaveCount(0);
  // No "how easy was this?" on an application the citizen stopped.
  await expect(page.getByRole('heading', { name: /Hoe makkelijk was dit/ })).toHaveCount(0);

  const { admin, official } = accounts();
  const view = (await api('GET', `/api/cases/${caseId}`, admin)).body as {
    status: string;
    outcome: { outcome: string };
  };
  expect(view.status).toBe('ended');
  expect(view.outcome.outcome).toBe('withdrawn');
  const open = (await api('GET', '/api/tasks?team=belastingen&status=active', official)).body as { caseId: string }[];
  expect(open.filter((t) => t.caseId === caseId)).toEqual([]);

  // My cases lists it as finished; the confirmation page of the action is no longer offered.
  await page.goto('/mijn-zaken');
  await expect(page.locator('.omslag-card')).toContainText('Afgerond');
  await page.goto(`/zaken/${caseId}/actie/withdraw`);
  await expect(page).toHaveURL(new RegExp(`/zaken/${caseId}/status$`));
});
