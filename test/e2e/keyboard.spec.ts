// The kwijtschelding journey with the keyboard only: Tab, Shift+Tab, Space,
// Enter and typing, from the sign-in page to the status page; no mouse. Every
// element that gets focus on the way shows it (an outline that is not 'none').
import { expect, test, type Page } from '@playwright/test';
import { focused, freshBsn } from './support.js';

/** Presses Tab (or Shift+Tab) until the focused element is named `target`, checking focus is visible at every stop. */
async function tabTo(page: Page, target: string | RegExp, { back = false, max = 40 } = {}) {
  const seen: string[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    const f = await focused(page);
    seen.push(`${f.tag} "${f.name}"`);
    expect(
      f.visible,
      `focus visible on ${f.tag} "${f.name}" (outline: ${f.outline}) at ${new URL(page.url()).pathname}`,
    ).toBe(true);
    if (typeof target === 'string' ? f.name === target : target.test(f.name)) return;
  }
  throw new Error(`Tab never reached ${target}; focus went to: ${seen.join(', ')}`);
}

/** Selects all of the focused text field and types over it. */
async function retype(page: Page, text: string) {
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(text);
}

const h1 = (page: Page) => page.getByRole('heading', { level: 1 });

test('keyboard only: sign in, errors, corrections, check answers, a change link, confirmation, status', async ({
  page,
}) => {
  await page.goto('/inloggen');
  await expect(h1(page)).toHaveText('Inloggen');

  // The first Tab reaches the skip link, which shows itself; Enter jumps to the content.
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Naar de inhoud' });
  await expect(skip).toBeFocused();
  expect((await focused(page)).visible).toBe(true);
  const box = await skip.boundingBox();
  expect(box && box.x >= 0 && box.y >= 0, 'the focused skip link is on screen').toBe(true);
  await page.keyboard.press('Enter');
  await tabTo(page, 'Burgerservicenummer (BSN)');
  await page.keyboard.type('12345678');
  await tabTo(page, 'Inloggen');
  await page.keyboard.press('Enter');
  // A wrong number: the error summary links to the field.
  await expect(page.getByRole('alert')).toContainText('Vul een geldig burgerservicenummer in');
  await tabTo(page, /Vul een geldig burgerservicenummer in/);
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Burgerservicenummer (BSN)')).toBeFocused();
  await retype(page, freshBsn());
  await page.keyboard.press('Enter');
  await expect(h1(page)).toHaveText('Mijn zaken');

  // To the service through the header navigation.
  await tabTo(page, 'Diensten');
  await page.keyboard.press('Enter');
  await expect(h1(page)).toHaveText('Diensten');
  await tabTo(page, 'Kwijtschelding gemeentelijke belastingen');
  await page.keyboard.press('Enter');
  await expect(h1(page)).toHaveText('Kwijtschelding gemeentelijke belastingen');
  await tabTo(page, 'Start');
  await page.keyboard.press('Enter');

  // First step: sent empty with Enter, then fixed through the error summary.
  await expect(h1(page)).toHaveText('Uw huishouden');
  await tabTo(page, 'Volgende');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert')).toBeVisible();
  await tabTo(page, /Hoe woont u\?/);
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Alleen', { exact: true })).toBeFocused();
  await page.keyboard.press('Space');
  await expect(page.getByLabel('Alleen', { exact: true })).toBeChecked();
  await tabTo(page, 'Aanslagnummer');
  await page.keyboard.type('2026-0042');
  await tabTo(page, 'Volgende');
  await page.keyboard.press('Enter');

  // Second step: the car's value appears only after "Ja" (the optional script), and Shift+Tab goes back.
  await expect(h1(page)).toHaveText('Inkomen en vermogen');
  await expect(page.getByLabel(/Wat is de auto waard/)).toBeHidden();
  await tabTo(page, /Netto inkomen/);
  await page.keyboard.type('1000');
  await tabTo(page, /Spaargeld/);
  await page.keyboard.type('100');
  await tabTo(page, 'Ja');
  await page.keyboard.press('Space');
  await expect(page.getByLabel(/Wat is de auto waard/)).toBeVisible();
  await tabTo(page, /Wat is de auto waard/);
  await page.keyboard.type('500');
  await tabTo(page, 'Uw IBAN');
  await page.keyboard.type('NL91 ABNA 0417 1643 01');
  await tabTo(page, /Wat is de auto waard/, { back: true });
  await tabTo(page, 'Ja', { back: true });
  await expect(page.getByLabel('Ja', { exact: true })).toBeChecked();
  await tabTo(page, 'Volgende');
  await page.keyboard.press('Enter');
  // The IBAN is wrong: to it through the summary, correct it, send with Enter from the field.
  await expect(page.getByRole('alert')).toContainText('Vul een geldig IBAN in');
  await tabTo(page, /Vul een geldig IBAN in/);
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Uw IBAN')).toBeFocused();
  await retype(page, 'NL91 ABNA 0417 1643 00');
  await page.keyboard.press('Enter');

  // Check your answers, and a change link.
  await expect(h1(page)).toHaveText('Controleer uw antwoorden');
  await tabTo(page, 'Wijzigen Aanslagnummer');
  await page.keyboard.press('Enter');
  await expect(h1(page)).toHaveText('Uw huishouden');
  await tabTo(page, 'Aanslagnummer');
  await expect(page.getByLabel('Aanslagnummer')).toHaveValue('2026-0042');
  await retype(page, '2026-0043');
  await tabTo(page, 'Volgende');
  await page.keyboard.press('Enter');
  await expect(h1(page)).toHaveText('Controleer uw antwoorden');
  await expect(page.getByText('2026-0043')).toBeVisible();
  await tabTo(page, 'Versturen');
  await page.keyboard.press('Enter');

  // Confirmation, then the status page: low income and assets are granted at once.
  await expect(h1(page)).toHaveText('Uw aanvraag is verstuurd');
  await expect(page.locator('.omslag-reference')).toHaveText(/^OMS-/);
  await tabTo(page, 'Bekijk de stand van uw zaak');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Uitkomst: Kwijtschelding toegekend' })).toBeVisible();
  await expect(
    page.getByText('Uw inkomen en vermogen zijn lager dan de norm voor uw huishouden.', { exact: true }),
  ).toBeVisible();

  // Sign out from the header with Space on its button.
  await tabTo(page, 'Uitloggen');
  await page.keyboard.press('Space');
  await expect(page.getByText('U bent uitgelogd.')).toBeVisible();
});
