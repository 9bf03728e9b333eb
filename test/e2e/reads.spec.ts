// "Wie heeft uw gegevens bekeken" in real Chromium: reached from the status
// page, without JavaScript, no axe-core violations (WCAG 2.1 A and AA) and no
// horizontal scrolling at 320 px, empty and with an official's reads.
import { expect, test } from '@playwright/test';
import {
  accounts,
  api,
  expectAccessible,
  expectNoHorizontalScroll,
  freshBsn,
  sentKwijtschelding,
  signIn,
} from './support.js';

test('the read log: empty, then with an official reading the case and its task', async ({ page }) => {
  test.setTimeout(90_000);
  await signIn(page, freshBsn());
  const id = await sentKwijtschelding(page);
  await page.goto(`/zaken/${id}/status`);
  await page.getByRole('link', { name: 'Wie heeft uw gegevens bekeken' }).click();
  await expect(page).toHaveURL(new RegExp(`/zaken/${id}/inzage$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Wie heeft uw gegevens bekeken');
  await expect(page.getByText('Nog niemand anders dan uzelf')).toBeVisible();
  await expectAccessible(page);
  await expectNoHorizontalScroll(page);

  const { official } = accounts();
  expect((await api('GET', `/api/cases/${id}`, official)).status).toBe(200);
  const tasks = (await api('GET', '/api/tasks?team=belastingen', official)).body as { id: string; caseId: string }[];
  const task = tasks.find((t) => t.caseId === id)!;
  expect((await api('GET', `/api/tasks/${task.id}`, official)).status).toBe(200);

  await page.reload();
  const entries = page.getByRole('list', { name: /Wie de gegevens van zaak .* heeft bekeken/ }).getByRole('listitem');
  await expect(entries).toHaveCount(2);
  await expect(entries.first().getByRole('heading')).toHaveText('Medewerker van team belastingen');
  await expect(page.getByText('Behandeling van uw aanvraag').first()).toBeVisible();
  await expectAccessible(page);
  await expectNoHorizontalScroll(page);

  await page.goto(`/zaken/${id}/inzage?lang=en`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Who looked at your data');
  await expectAccessible(page);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('the status page links to the read log and it reads the same', async ({ page }) => {
    await signIn(page, freshBsn());
    const id = await sentKwijtschelding(page);
    await page.goto(`/zaken/${id}/status`);
    await page.getByRole('link', { name: 'Wie heeft uw gegevens bekeken' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Wie heeft uw gegevens bekeken');
    await expect(page.getByText('Nog niemand anders dan uzelf')).toBeVisible();
    await page.getByRole('link', { name: 'Terug naar de status van uw zaak' }).click();
    await expect(page).toHaveURL(new RegExp(`/zaken/${id}/status$`));
  });
});
