import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { expectAccessible } from './support.js';
import { connect, node, typeFeel } from './canvas.js';

// The problems list in the interface language, in real Chromium: a designer
// makes mistakes on the canvas (a step not connected yet, a rule reading a
// field the process does not have) and reads each problem whole in Dutch,
// with the step's title and the rule in words; switching to English words
// the same problems in English. No paths, no JSON, no English in Dutch.

type Accounts = { designers?: Record<string, { name: string; password: string }> };
const dina = () => {
  const accounts: Accounts = JSON.parse(
    readFileSync(join(import.meta.dirname, '../../test-results/e2e-accounts.json'), 'utf8'),
  );
  if (!accounts.designers?.dina) throw new Error('test-results/e2e-accounts.json has no designers.dina');
  return accounts.designers.dina;
};

test.use({ viewport: { width: 1280, height: 800 } });

const problem = (page: Page, code: string) => page.locator(`.ontwerp-problem[data-code="${code}"]`);

/** What the old messages had: English fragments, paths and JSON in a Dutch list. */
async function expectNoCodeTalk(list: Locator) {
  const text = (await list.innerText()).replace(/‘[^’]*’/g, '‘…’');
  for (const fragment of [/\bis not\b/, / not a /, /rules\[/, /steps\[/, /[{}[\]"]/, /\bset\b/])
    expect(text).not.toMatch(fragment);
}

test('a designer reads each problem whole in Dutch, then in English', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto('/ontwerp/');
  await page.getByLabel('Naam').fill(dina().name);
  await page.getByLabel('Wachtwoord').fill(dina().password);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.getByLabel('Sleutel').fill(`problemen-${Date.now().toString(36)}`);
  await page.getByLabel('Titel (Nederlands)').fill('Problemen in woorden');
  await page.getByRole('button', { name: 'Proces maken' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Problemen in woorden');

  // A form that goes nowhere yet, and a decision after it with a rule that reads a field nobody asks.
  await page.getByRole('button', { name: 'Formulier toevoegen' }).click();
  await expect(node(page, 'formulier-1')).toBeVisible();
  await expect(problem(page, 'P003')).toContainText(
    'De uitgang ‘volgende’ van stap ‘Nieuw formulier’ is nog met geen enkele stap verbonden. ' +
      'Sleep vanaf het bolletje naar de stap die daarna komt.',
  );
  await expect(problem(page, 'P003').locator('.ontwerp-problem__node')).toHaveText('Nieuw formulier');
  await expect(problem(page, 'P015')).toContainText(
    'Het proces heeft geen contactteam. Kies bij de proceseigenschappen het team dat vragen van inwoners beantwoordt',
  );
  await page.getByRole('button', { name: 'Besluit toevoegen' }).click();
  await expect(node(page, 'besluit-1')).toBeVisible();
  await page.getByRole('button', { name: 'Einde toevoegen' }).click();
  await expect(node(page, 'einde-1')).toBeVisible();
  await connect(page, 'formulier-1', 'next', 'besluit-1');
  await connect(page, 'besluit-1', 'rule:new', 'einde-1');
  await node(page, 'besluit-1').click();
  await typeFeel(page, page.locator('[data-feel-label="Regel 1: als (FEEL)"]'), 'inkomen > 1500');

  const dutch =
    'In de voorwaarde van de eerste regel van stap ‘Nieuw besluit’ staat ‘inkomen’, maar zo heet geen veld van ' +
    'dit proces. Kies een veld dat een stap vraagt, of verbeter de naam.';
  await expect(problem(page, 'P005')).toContainText(dutch);
  await expect(problem(page, 'P004')).toContainText('Besluit ‘Nieuw besluit’ heeft geen route ‘anders’');
  const list = page.locator('section.ontwerp-problems .ontwerp-problems__list');
  await expectNoCodeTalk(list);
  await expect(list).not.toContainText(/\b(the|field|step|rule)\b/);
  await expectAccessible(page);

  // The same problems in English, with the same codes.
  await page.getByRole('button', { name: 'Switch to English' }).click();
  await expect(problem(page, 'P005')).toContainText(
    'The condition of the first rule of step ‘Nieuw besluit’ reads ‘inkomen’, and no field of this process has ' +
      'that name. Choose a field a step asks for, or correct the name.',
  );
  await expect(problem(page, 'P004')).toContainText('Decision ‘Nieuw besluit’ has no ‘otherwise’ route');
  await expect(problem(page, 'P015')).toContainText('The process has no contact team.');
  await expect(list).not.toContainText(/\b(voorwaarde|stap|regel)\b/);
  await expectNoCodeTalk(list);

  // And back: Dutch again.
  await page.getByRole('button', { name: 'Nederlands' }).click();
  await expect(problem(page, 'P005')).toContainText(dutch);
});
