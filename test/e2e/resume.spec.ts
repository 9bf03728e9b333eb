// Save and resume: answers are kept per step; after signing out and in again
// the citizen continues at the next unanswered step.
import { expect, test } from '@playwright/test';
import { answerHuishouden, freshBsn, signIn, signOut, startKwijtschelding } from './support.js';

test('answer the first step, sign out, sign in again and continue from my cases', async ({ page }) => {
  const bsn = freshBsn();
  await signIn(page, bsn);
  const caseId = await startKwijtschelding(page);
  await answerHuishouden(page);

  await signOut(page);
  await expect(page.getByText('U bent uitgelogd.')).toBeVisible();
  await expect(page.getByRole('navigation').getByRole('link', { name: 'Inloggen' })).toBeVisible();

  await signIn(page, bsn);
  await page.getByRole('navigation').getByRole('link', { name: 'Mijn zaken' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mijn zaken');
  const card = page.locator('.omslag-card').filter({ hasText: 'Kwijtschelding gemeentelijke belastingen' });
  await expect(card).toHaveCount(1);
  await expect(card).toContainText('Loopt');
  await card.getByRole('link', { name: /^Verder met invullen/ }).click();

  // The next unanswered step; Back shows the first with its answers.
  await expect(page).toHaveURL(new RegExp(`/zaken/${caseId}/stap/geldzaken$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Inkomen en vermogen');
  await expect(page.getByLabel(/Netto inkomen/)).toHaveValue('');
  await page.getByRole('link', { name: 'Terug' }).click();
  await expect(page).toHaveURL(new RegExp(`/zaken/${caseId}/stap/huishouden$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Uw huishouden');
  await expect(page.getByLabel('Met partner')).toBeChecked();
  await expect(page.getByLabel('Aanslagnummer')).toHaveValue('2026-0042');
});

test('a signed-out citizen opening a step signs in and comes back to it; Start again continues the same application', async ({
  page,
}) => {
  const bsn = freshBsn();
  await signIn(page, bsn);
  const caseId = await startKwijtschelding(page);
  await answerHuishouden(page);
  await signOut(page);

  await page.goto(`/zaken/${caseId}/stap/geldzaken`);
  await expect(page).toHaveURL(/\/inloggen\?terug=/);
  await page.getByLabel('Burgerservicenummer (BSN)').fill(bsn);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await expect(page).toHaveURL(new RegExp(`/zaken/${caseId}/stap/geldzaken$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Inkomen en vermogen');

  await page.goto('/diensten/kwijtschelding');
  await page.getByRole('button', { name: 'Start' }).click();
  await expect(page).toHaveURL(new RegExp(`/zaken/${caseId}/stap/geldzaken$`));
  await page.goto('/mijn-zaken');
  await expect(page.locator('.omslag-card')).toHaveCount(1);
});
