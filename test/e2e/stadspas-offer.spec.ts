import { expect, test } from '@playwright/test';
import { accounts, api, expectAccessible, freshBsn, signIn } from './support.js';

test('a citizen who received an offer signs in, sees why they qualify, confirms, and sees the city pass granted', async ({
  page,
}) => {
  const bsn = freshBsn();
  // The income register tells Omslag this citizen's income: a proactive case starts.
  const signal = await api('POST', '/api/signals', accounts().admin, {
    type: 'inkomen.vastgesteld',
    subject: bsn,
    data: { inkomen: 1200 },
  });
  expect(signal.status).toBe(200);
  expect(signal.body.started).toEqual([{ process: 'stadspas', caseId: expect.any(String) }]);

  await signIn(page, bsn);
  await page.goto('/mijn-zaken');
  const card = page.locator('.omslag-card', { hasText: 'Stadspas' });
  await card.getByRole('link', { name: /Verder met invullen/ }).click();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Wilt u de Stadspas?');
  await expect(page.getByText('Waarom u dit aanbod krijgt')).toBeVisible();
  await expect(
    page.getByText('Uw inkomen (€ 1.200,00 per maand) is lager dan € 1.500. Daarom kunt u een Stadspas krijgen.'),
  ).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('Ja').check();
  await page.getByRole('button', { name: 'Volgende' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Controleer uw antwoorden');
  await page.getByRole('button', { name: 'Versturen' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Uw aanvraag is verstuurd');
  await page.getByRole('link', { name: 'Bekijk de stand van uw zaak' }).click();
  await expect(page.getByRole('heading', { name: 'Uitkomst: Stadspas toegekend' })).toBeVisible();
  // The offer message reached the inbox, and the citizen can opt out of further offers.
  await expect(page.getByRole('heading', { name: 'U kunt dit krijgen: Stadspas' })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Ik wil geen aanbiedingen meer voor deze dienst' }).click();
  await expect(page.getByRole('status')).toContainText('U krijgt geen aanbiedingen meer voor deze dienst.');
});
