// The bulky-waste journey in English: the visible language switch keeps the
// citizen's place; several choices, a question that only applies to
// "Something else", and a date in three inputs; it ends completed at once.
import { expect, test } from '@playwright/test';
import { accounts, api, caseIdOf, expectAccessible, freshBsn, signIn } from './support.js';

/** A working day about two weeks ahead. */
function pickupDay(): Date {
  const d = new Date();
  d.setDate(d.getDate() + 14);
  while (d.getDay() === 0 || d.getDay() === 6) d.setDate(d.getDate() + 1);
  return d;
}

test('a citizen asks for a bulky-waste pickup in English', async ({ page }) => {
  await signIn(page, freshBsn());
  await page.goto('/diensten/grofvuil');
  await page.getByRole('button', { name: 'Start' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Wat en waar');
  const stepPath = new URL(page.url()).pathname;
  const caseId = caseIdOf(page);

  // The visible switch "English" shows the same page in English.
  const english = page.getByRole('navigation').getByRole('link', { name: /English/ });
  await expect(english).toHaveText('English');
  await english.click();
  await expect(page).toHaveURL((url) => url.pathname === stepPath);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('What and where');
  await expect(page.getByRole('navigation').getByRole('link', { name: /Nederlands/ })).toHaveText('Nederlands');
  await expect(page.getByRole('button', { name: 'Continue' })).toBeVisible();

  // Sent empty: the problems are told in English.
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page).toHaveTitle(/^Error:/);
  const summary = page.getByRole('alert');
  await expect(summary.getByRole('heading')).toHaveText('There is a problem');
  await expect(summary.getByRole('link').filter({ hasText: 'Postcode' })).toHaveCount(1);
  await expect(summary.getByRole('link').filter({ hasText: 'What should we collect?' })).toHaveCount(1);
  await expect(summary.getByRole('link').filter({ hasText: 'On which day?' })).toHaveCount(1);
  // "What is it?" only applies to "Something else", which is not chosen.
  await expect(summary.getByRole('link').filter({ hasText: 'What is it?' })).toHaveCount(0);
  await expectAccessible(page);

  // A mattress, no explanation needed; a day in the past is refused.
  await page.getByLabel('Postcode').fill('3511 AB');
  await page.getByLabel('House number').fill('12');
  await page.getByLabel('Mattress').check();
  const dayGroup = page.getByRole('group', { name: 'On which day?' });
  await dayGroup.getByLabel('Day').fill('2');
  await dayGroup.getByLabel('Month').fill('1');
  await dayGroup.getByLabel('Year').fill('2020');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(summary.getByRole('link')).toHaveCount(1);
  await expect(summary.getByRole('link')).toContainText('On which day?');
  await expect(page.getByLabel('Postcode')).toHaveValue('3511 AB');
  await expect(page.getByLabel('Mattress')).toBeChecked();
  await expect(dayGroup.getByLabel('Year')).toHaveValue('2020');

  // "Something else" as well: now "What is it?" must be answered.
  const day = pickupDay();
  await page.getByLabel('Something else').check();
  await dayGroup.getByLabel('Day').fill(String(day.getDate()));
  await dayGroup.getByLabel('Month').fill(String(day.getMonth() + 1));
  await dayGroup.getByLabel('Year').fill(String(day.getFullYear()));
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(summary.getByRole('link')).toHaveCount(1);
  await expect(summary.getByRole('link')).toContainText('What is it?');
  await expect(page.getByLabel('Mattress')).toBeChecked();
  await expect(page.getByLabel('Something else')).toBeChecked();
  await expect(dayGroup.getByLabel('Day')).toHaveValue(String(day.getDate()));
  await page.getByLabel('What is it?').fill('An old garden bench');
  await page.getByRole('button', { name: 'Continue' }).click();

  // Check your answers, in English.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Check your answers');
  const answers = page.locator('.omslag-summary');
  await expect(answers).toContainText('Mattress');
  await expect(answers).toContainText('Something else');
  await expect(answers).toContainText('An old garden bench');
  const longDay = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric' }).format(day);
  await expect(answers).toContainText(String(day.getFullYear()));
  await expect(page.getByRole('link', { name: 'Change On which day?' })).toBeVisible();
  await page.getByRole('button', { name: 'Send' }).click();

  // Confirmation and the status page: the pickup is scheduled, told in English.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your application has been sent');
  await expect(page.locator('.omslag-reference')).toHaveText(/^OMS-/);
  await page.getByRole('link', { name: 'See where your case stands' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bulky waste pickup');
  await expect(page.getByRole('heading', { name: 'Outcome: Pickup scheduled' })).toBeVisible();
  await expect(
    page.getByText(/^We will collect your bulky waste on .+\. Put it out before 7:30\.$/).first(),
  ).toBeVisible();
  await expect(
    page.getByText(`We will collect your bulky waste on ${longDay}`, { exact: false }).first(),
  ).toBeVisible();
  await expect(page.getByRole('heading', { name: 'What has happened' })).toBeVisible();
  await expectAccessible(page);

  const { admin } = accounts();
  const view = (await api('GET', `/api/cases/${caseId}`, admin)).body as {
    status: string;
    outcome: { outcome: string };
  };
  expect(view.status).toBe('ended');
  expect(view.outcome.outcome).toBe('completed');
});
