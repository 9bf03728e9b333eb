import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { expectAccessible } from './support.js';

// Staff sign-in at the organisation's provider in real Chromium: the workspace's
// sign-in page offers it above the password form (and passes axe), the button
// goes to the real test provider and back signed in, with role and teams from
// the claims; sign-out ends the provider's session too; a person without a role
// comes back to the sign-in page with the reason. A server of its own
// (test/e2e/staff-oidc-server.ts: the provider and the app on free ports),
// started and stopped here.

let child: ChildProcess;
let app = '';

test.beforeAll(async () => {
  child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'staff-oidc-server.ts')], {
    cwd: join(import.meta.dirname, '../..'),
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  app = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the staff sign-in server did not start:\n${out}`)), 25_000);
    child.stdout!.on('data', (d) => {
      out += d;
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line) {
        clearTimeout(timer);
        resolve(JSON.parse(line).app);
      }
    });
    child.stderr!.on('data', (d) => (out += d));
    child.on('exit', (code) => reject(new Error(`the staff sign-in server exited with ${code}:\n${out}`)));
  });
});
test.afterAll(async () => {
  if (!child || child.exitCode !== null) return;
  const gone = new Promise((resolve) => child.on('exit', resolve));
  child.kill('SIGTERM');
  await gone;
});

test('the sign-in page offers the organisation account above the password form, and passes axe', async ({ page }) => {
  await page.goto(`${app}/werkplek/`);
  const button = page.getByRole('link', { name: 'Inloggen met uw organisatie-account' });
  await expect(button).toBeVisible();
  await expect(page.getByRole('note', { name: 'Testomgeving' })).toContainText(
    'de demo-accounts en het inloggen met alleen een BSN zijn nagebootst',
  );
  // Above the password form, and reached by keyboard before it.
  const linkBox = (await button.boundingBox())!;
  const nameBox = (await page.getByLabel('Naam').boundingBox())!;
  expect(linkBox.y).toBeLessThan(nameBox.y);
  await expectAccessible(page);
  // English through the shell's language switch.
  await page.getByRole('button', { name: 'Switch to English' }).click();
  await expect(page.getByRole('link', { name: 'Sign in with your organisation account' })).toBeVisible();
  await expectAccessible(page);
});

test('staff sign-in end to end: to the provider, back signed in with teams from the claims; sign-out ends both sessions', async ({
  page,
}) => {
  await page.goto(`${app}/werkplek/`);
  const button = page.getByRole('link', { name: 'Inloggen met uw organisatie-account' });
  await button.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Inloggen bij de testprovider' })).toBeVisible();
  await page.getByLabel('Gebruikersnaam').fill('fenna');
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await expect(page).toHaveURL(`${app}/werkplek/`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Werkvoorraad');
  await expect(page.getByText('Ingelogd als fenna (belastingen)')).toBeVisible();

  await page.getByRole('button', { name: 'Uitloggen' }).click();
  await expect(page.getByRole('heading', { name: 'Uitloggen bij de testprovider' })).toBeVisible();
  await page.getByRole('button', { name: 'Ja, uitloggen' }).click();
  await expect(page).toHaveURL(`${app}/werkplek/`);
  await expect(page.getByRole('link', { name: 'Inloggen met uw organisatie-account' })).toBeVisible();
  // The provider's session is gone too: signing in asks for the login page again.
  await page.getByRole('link', { name: 'Inloggen met uw organisatie-account' }).click();
  await expect(page.getByRole('heading', { name: 'Inloggen bij de testprovider' })).toBeVisible();
});

test('a person without a role comes back to the sign-in page, told to ask the administrator', async ({ page }) => {
  await page.goto(`${app}/werkplek/`);
  await page.getByRole('link', { name: 'Inloggen met uw organisatie-account' }).click();
  await page.getByLabel('Gebruikersnaam').fill('nora');
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Inloggen/);
  await expect(page.getByText(/u hebt nog geen rol in Omslag. Vraag de beheerder/)).toBeVisible();
  // The reason is not kept in the address.
  await expect(page).toHaveURL(`${app}/werkplek/`);
  await expectAccessible(page);
});
