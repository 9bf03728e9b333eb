import { expect, test } from '@playwright/test';
import { accounts, api, expectAccessible, freshBsn, signIn } from './support.js';

test('a citizen who received an offer sees it as an offer in my cases, sees why they qualify, accepts on one page, and sees the city pass granted', async ({
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
  // My cases shows it as an offer waiting for an answer, not as an application to go on filling in.
  const card = page.locator('.omslag-card', { hasText: 'Stadspas' });
  await expect(card.getByRole('heading')).toHaveText('Aanbod: Stadspas');
  await expect(card).toContainText('Wacht op uw antwoord');
  await expect(card).not.toContainText('Loopt');
  await expect(card.getByRole('link', { name: /Verder met invullen/ })).toHaveCount(0);
  await card.getByRole('link', { name: /^Aanbod bekijken/ }).click();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Wilt u de Stadspas?');
  await expect(page.getByText('Waarom u dit aanbod krijgt')).toBeVisible();
  await expect(
    page.getByText('Uw inkomen (€ 1.200,00 per maand) is lager dan € 1.500. Daarom kunt u een Stadspas krijgen.'),
  ).toBeVisible();
  // One page: no "Stap 1 van 1", and the answer is sent from here (no check-your-answers).
  await expect(page.locator('.omslag-caption')).toHaveCount(0);
  await expectAccessible(page);
  await page.getByLabel('Ja').check();
  await page.getByRole('button', { name: 'Versturen' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Uw antwoord is verstuurd');
  await page.getByRole('link', { name: 'Bekijk de stand van uw zaak' }).click();
  await expect(page.getByRole('heading', { name: 'Uitkomst: Stadspas toegekend' })).toBeVisible();
  // The timeline starts with the offer the citizen received, not with an application they made.
  const timeline = page.locator('.omslag-timeline__item');
  await expect(timeline.first()).toContainText('Aanbod ontvangen');
  await expect(page.locator('.omslag-timeline')).not.toContainText('Aanvraag gestart');
  // Answered, the case is no longer an offer in my cases.
  await page.goto('/mijn-zaken');
  await expect(card.getByRole('heading')).toHaveText('Stadspas');
  await expect(card).toContainText('Afgerond');
  await card.getByRole('link', { name: /^Stand van uw zaak/ }).click();
  // The offer message reached the inbox, and the citizen can opt out of further offers.
  await expect(page.getByRole('heading', { name: 'U kunt dit krijgen: Stadspas' })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Ik wil geen aanbiedingen meer voor deze dienst' }).click();
  await expect(page.getByRole('status')).toContainText('U krijgt geen aanbiedingen meer voor deze dienst.');
});
