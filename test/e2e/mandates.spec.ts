// Mandates in real Chromium: the grant form (with its errors), the overview, and the holder's choice for whom,
// each without axe-core violations (WCAG 2.1 A and AA), without horizontal scrolling at 320 px, by keyboard.
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, expectNoHorizontalScroll, freshBsn, signIn } from './support.js';

async function check(page: Page, heading: string | RegExp) {
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
  await expectAccessible(page);
  await expectNoHorizontalScroll(page);
}

test('a citizen grants a mandate; the holder chooses to act for them and every page says so', async ({ page }) => {
  const citizen = freshBsn();
  const holder = freshBsn();
  await signIn(page, citizen);
  await page.goto('/machtigingen');
  await check(page, 'Machtigingen');
  await page.getByRole('link', { name: 'Iemand machtigen' }).click();
  await check(page, 'Iemand machtigen');

  // Sent with no right chosen and a bad BSN: the error summary, nothing stored.
  await page.getByLabel('Burgerservicenummer (BSN) van deze persoon').fill('123456789');
  await page.getByLabel(/Naam van de persoon of organisatie/).fill('Jan de Vries');
  await page.getByRole('button', { name: 'Machtigen' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await expect(page).toHaveTitle(/^Fout:/);
  await check(page, 'Iemand machtigen');

  // Filled in by keyboard.
  await page.getByLabel('Burgerservicenummer (BSN) van deze persoon').fill(holder);
  await page.getByLabel('uw zaken bekijken').focus();
  await page.keyboard.press('Space');
  await page.getByLabel('formulieren invullen').check();
  await page.getByRole('button', { name: 'Machtigen' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status')).toContainText('U heeft Jan de Vries gemachtigd.');
  await check(page, 'Machtigingen');
  await expect(page.getByRole('button', { name: /Intrekken/ })).toBeVisible();
  // Another person on this browser: a fresh start (no session cookie).
  await page.context().clearCookies();

  // The holder is asked for whom, after sign-in.
  await signIn(page, holder);
  await expect(page).toHaveURL(/\/namens/);
  await check(page, 'Namens wie wilt u dit regelen?');
  await page.getByLabel(`Burger met BSN ••••••${citizen.slice(-3)}`).check();
  await page.getByRole('button', { name: 'Doorgaan' }).click();
  await expect(page.getByText(`U regelt dit namens de burger met BSN ••••••${citizen.slice(-3)}.`)).toBeVisible();
  await check(page, 'Mijn zaken');
  await page.getByRole('link', { name: 'Wisselen' }).click();
  await page.getByLabel('Voor mijzelf').check();
  await page.getByRole('button', { name: 'Doorgaan' }).click();
  await expect(page.getByText('U regelt dit namens')).toHaveCount(0);
});
