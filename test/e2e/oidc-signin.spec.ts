// Citizen sign-in with DigiD at a real OpenID Connect provider, in Chromium:
// the redirect, the login at the provider, the callback, the session, a case
// started; a level below the service's minimum gets the clear page, and
// signing in again at that level goes on. axe-core on the sign-in page and on
// the level page. Its own server (test/e2e/oidc-server.ts: the provider and
// the app on free ports), started here and stopped after.
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { expect, test } from '@playwright/test';
import { expectAccessible, expectNoHorizontalScroll } from './support.js';

const ACR = {
  basis: 'urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport',
  midden: 'urn:oasis:names:tc:SAML:2.0:ac:classes:MobileTwoFactorContract',
};
let child: ChildProcess | undefined;
let base = '';
let issuer = '';

test.beforeAll(async () => {
  child = spawn(process.execPath, ['--import', 'tsx', 'test/e2e/oidc-server.ts'], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const ready = await new Promise<{ base: string; issuer: string }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the sign-in test server did not start in 25 s')), 25_000);
    child!.once('exit', (code) => reject(new Error(`the sign-in test server stopped (${code})`)));
    createInterface({ input: child!.stdout! }).once('line', (line) => {
      clearTimeout(timer);
      resolve(JSON.parse(line));
    });
  });
  ({ base, issuer } = ready);
});

test.afterAll(async () => {
  if (!child || child.exitCode !== null) return;
  const gone = new Promise((r) => child!.once('exit', r));
  child.stdin?.end();
  child.kill('SIGTERM');
  await gone;
});

test('a citizen signs in with DigiD at the provider and starts a case', async ({ page }) => {
  await page.goto(`${base}/inloggen`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Inloggen');
  // No stand-in here: no BSN field, no test banner.
  await expect(page.getByLabel('Burgerservicenummer (BSN)')).toHaveCount(0);
  await expect(page.getByText('Testomgeving')).toHaveCount(0);
  await expectAccessible(page);
  await expectNoHorizontalScroll(page);

  await page.goto(`${base}/diensten/grofvuil`);
  await page.getByRole('button', { name: 'Start' }).click();
  // Not signed in: to the sign-in page, then to DigiD (the provider).
  await expect(page).toHaveURL(/\/inloggen\?terug=/);
  await page.getByRole('link', { name: 'Inloggen met DigiD' }).click();
  await expect(page).toHaveURL(new RegExp(`^${issuer}/interaction/`));
  await page.getByLabel('Gebruikersnaam').fill('jan');
  await page.getByLabel('Niveau').selectOption(ACR.midden);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  // Back through the callback to the start, signed in: one press goes on.
  await expect(page).toHaveURL(`${base}/diensten/grofvuil/start`);
  await expect(page.getByRole('button', { name: 'Uitloggen' })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Doorgaan met starten' }).click();
  await expect(page).toHaveURL(/\/zaken\/[^/]+\/stap\//);
  const caseUrl = page.url();
  await page.goto(`${base}/mijn-zaken`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.locator(`a[href^="${new URL(caseUrl).pathname.split('/stap/')[0]}"]`).first()).toBeVisible();
});

test('a level below the service minimum gets a clear page; signing in again at that level goes on', async ({
  page,
}) => {
  await page.goto(`${base}/inloggen/digid?terug=/diensten/grofvuil-midden`);
  await page.getByLabel('Gebruikersnaam').fill('jan');
  await page.getByLabel('Niveau').selectOption(ACR.basis);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await expect(page).toHaveURL(`${base}/diensten/grofvuil-midden`);
  await expect(page.getByText('U logt in met DigiD, niveau Midden of hoger.')).toBeVisible();
  await page.getByRole('button', { name: 'Start' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Inloggen met een hoger niveau');
  await expect(page.getByText('Voor deze dienst moet u inloggen met DigiD Midden of hoger.')).toBeVisible();
  await expectAccessible(page);
  await expectNoHorizontalScroll(page);
  await page.getByRole('link', { name: 'Opnieuw inloggen met DigiD Midden' }).click();
  // The provider asks again (the level is asked, its own session is not enough).
  await expect(page).toHaveURL(new RegExp(`^${issuer}/interaction/`));
  await page.getByLabel('Gebruikersnaam').fill('jan');
  await expect(page.getByLabel('Niveau')).toHaveValue(ACR.midden);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await expect(page).toHaveURL(`${base}/diensten/grofvuil-midden/start`);
  await page.getByRole('button', { name: 'Doorgaan met starten' }).click();
  await expect(page).toHaveURL(/\/zaken\/[^/]+\/stap\//);
});
