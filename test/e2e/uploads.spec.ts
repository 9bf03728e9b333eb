// A file question in a real browser (its multipart form, the token first), and
// a long list of cases in pages, both without JavaScript and accessible.
import { expect, test } from '@playwright/test';
import { accounts, api, expectAccessible, freshBsn, signIn } from './support.js';

const bewijs = {
  key: 'bewijs-e2e',
  title: 'Bewijs inleveren',
  start: 'upload',
  contact: { team: 'klantcontact' },
  steps: {
    upload: {
      kind: 'form',
      title: 'Bewijsstuk',
      fields: [{ id: 'bewijsstuk', label: 'Uw loonstrook', type: 'file', required: true, max: 50_000 }],
      next: 'klaar',
    },
    klaar: { kind: 'end', title: 'Ontvangen', outcome: 'completed', message: 'Wij hebben uw loonstrook ontvangen.' },
  },
};

test('a citizen adds a file: a fake PDF and one too large get a field error, a real one is taken', async ({ page }) => {
  const { designer } = accounts();
  await api('PUT', `/api/processes/${bewijs.key}/draft`, designer, bewijs);
  expect((await api('POST', `/api/processes/${bewijs.key}/publish`, designer)).status).toBe(201);
  await signIn(page, freshBsn());
  await page.goto(`/diensten/${bewijs.key}`);
  await page.getByRole('button', { name: 'Start' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bewijsstuk');

  await page.getByLabel('Uw loonstrook').setInputFiles({
    name: 'loonstrook.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('<!doctype html><html><body>geen pdf</body></html>'),
  });
  await page.getByRole('button', { name: 'Volgende' }).click();
  await expect(page.getByRole('alert')).toContainText('Dit bestand kunnen wij niet gebruiken');
  await expectAccessible(page);

  await page.getByLabel('Uw loonstrook').setInputFiles({
    name: 'groot.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(80_000, 'x')]),
  });
  await page.getByRole('button', { name: 'Volgende' }).click();
  await expect(page.getByRole('alert')).toContainText('Het bestand is te groot. Kies een bestand van hoogstens 49 kB.');

  await page.getByLabel('Uw loonstrook').setInputFiles({
    name: 'loonstrook.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n'),
  });
  await page.getByRole('button', { name: 'Volgende' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Controleer uw antwoorden');
  await expect(page.getByText('loonstrook.pdf')).toBeVisible();
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('my cases in pages of 20, with plain links', async ({ page }) => {
    const bsn = await citizenWithCases(23);
    await signIn(page, bsn);
    await page.goto('/mijn-zaken');
    await expect(page.locator('main .omslag-card')).toHaveCount(20);
    const pages = page.getByRole('navigation', { name: 'Pagina’s' });
    await expect(pages.getByRole('link', { name: 'Pagina 1' })).toHaveAttribute('aria-current', 'page');
    await pages.getByRole('link', { name: /^Volgende/ }).click();
    await expect(page).toHaveURL(/\/mijn-zaken\?pagina=2$/);
    await expect(page.locator('main .omslag-card')).toHaveCount(3);
    await expect(page.getByText('Pagina 2 van 2')).toBeVisible();
  });
});

test('my cases with page links is accessible', async ({ page }) => {
  await signIn(page, await citizenWithCases(45));
  await page.goto('/mijn-zaken?pagina=2');
  await expect(
    page.getByRole('navigation', { name: 'Pagina’s' }).getByRole('link', { name: 'Pagina 2' }),
  ).toHaveAttribute('aria-current', 'page');
  await expectAccessible(page);
});

/** A fresh citizen with `n` cases, started by an official through the API. */
async function citizenWithCases(n: number) {
  const { admin } = accounts();
  const bsn = freshBsn();
  for (let i = 0; i < n; i++)
    expect((await api('POST', '/api/processes/grofvuil/cases', admin, { subject: bsn })).status).toBe(201);
  return bsn;
}
