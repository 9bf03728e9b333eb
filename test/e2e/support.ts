import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** Tokens of the accounts test/e2e/server.ts made. */
type Official = { name: string; password: string; teams: string[] };
export function accounts(): {
  official: string;
  admin: string;
  designer: string;
  officials: { ann: Official; bob: Official };
  designers: { dina: { name: string; password: string } };
} {
  return JSON.parse(readFileSync(join(import.meta.dirname, '../../test-results/e2e-accounts.json'), 'utf8'));
}

/** A BSN that passes the elfproef, different per call (each test its own citizen). */
let counter = 0;
export function freshBsn(): string {
  for (;;) {
    const base = String(100_000_000 + Math.floor(Math.random() * 800_000_000) + counter++).slice(0, 8);
    let sum = 0;
    for (let i = 0; i < 8; i++) sum += Number(base[i]) * (9 - i);
    const last = sum % 11;
    if (last < 10) return base + String(last);
  }
}

/** axe-core with the WCAG 2.1 A and AA rules: no violations allowed. */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(
    results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`),
  ).toEqual([]);
}

export async function signIn(page: Page, bsn: string) {
  await page.goto('/inloggen');
  await page.getByLabel(/Burgerservicenummer|Citizen service number/).fill(bsn);
  await page.getByRole('button', { name: /Inloggen|Sign in/ }).click();
}

/** Calls the API as an account of the e2e server. */
export async function api(method: string, path: string, token: string, body?: unknown) {
  const res = await fetch(`http://127.0.0.1:${process.env.E2E_PORT ?? 3199}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: res.status, body: await res.json() };
}

/** The case id from a page URL such as /zaken/<id>/stap/x. */
export function caseIdOf(page: Page): string {
  const m = /\/zaken\/([^/?#]+)/.exec(new URL(page.url()).pathname);
  if (!m) throw new Error(`no case in ${page.url()}`);
  return m[1];
}

/** Signs out with the button in the page header. */
export async function signOut(page: Page) {
  await page
    .getByRole('navigation')
    .getByRole('button', { name: /Uitloggen|Sign out/ })
    .click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/U bent uitgelogd|You are signed out/);
}

/** Starts a kwijtschelding case from its start page; the page is at the first step after. Returns the case id. */
export async function startKwijtschelding(page: Page): Promise<string> {
  await page.goto('/diensten/kwijtschelding');
  await page.getByRole('button', { name: 'Start' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Uw huishouden');
  return caseIdOf(page);
}

/** Answers the first kwijtschelding step (Met partner, 2026-0042); the page is at the second step after. */
export async function answerHuishouden(page: Page, aanslagnummer = '2026-0042') {
  await page.getByLabel('Met partner').check();
  await page.getByLabel('Aanslagnummer').fill(aanslagnummer);
  await page.getByRole('button', { name: 'Volgende' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Inkomen en vermogen');
}

/** Answers the second kwijtschelding step; the page is at check-your-answers after. 1850 with a partner goes to an official. */
export async function answerGeldzaken(page: Page, inkomen = '1.850,00', vermogen = '100') {
  await page.getByLabel(/Netto inkomen/).fill(inkomen);
  await page.getByLabel(/Spaargeld/).fill(vermogen);
  await page.getByRole('group', { name: 'Heeft u een auto?' }).getByLabel('Nee').check();
  await page.getByLabel('Uw IBAN').fill('NL91 ABNA 0417 1643 00');
  await page.getByRole('button', { name: 'Volgende' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Controleer uw antwoorden');
}

/** Sends from check-your-answers; the page is at the confirmation after. */
export async function send(page: Page) {
  await page.getByRole('button', { name: 'Versturen' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Uw aanvraag is verstuurd');
}

/** A kwijtschelding case sent and waiting for an official (1850 with a partner is close to the norm). */
export async function sentKwijtschelding(page: Page): Promise<string> {
  const id = await startKwijtschelding(page);
  await answerHuishouden(page);
  await answerGeldzaken(page);
  await send(page);
  return id;
}

/** Usable at 320 px: no horizontal scrolling. Restores the viewport after. */
export async function expectNoHorizontalScroll(page: Page) {
  const before = page.viewportSize();
  await page.setViewportSize({ width: 320, height: 640 });
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  if (before) await page.setViewportSize(before);
  expect(width, `scrollWidth at 320 px on ${new URL(page.url()).pathname}`).toBeLessThanOrEqual(320);
}

/** The focused element, described, with whether its focus is visible (an outline that is not 'none'). */
export async function focused(page: Page): Promise<{ tag: string; name: string; outline: string; visible: boolean }> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return { tag: 'body', name: '', outline: 'none', visible: false };
    const style = getComputedStyle(el);
    const label = (el as HTMLInputElement).labels?.[0]?.textContent ?? '';
    const name = (el.getAttribute('aria-label') ?? (label || el.textContent || (el as HTMLInputElement).value || ''))
      .replace(/\s+/g, ' ')
      .trim();
    return {
      tag: el.tagName.toLowerCase(),
      name,
      outline: `${style.outlineStyle} ${style.outlineWidth}`,
      visible: style.outlineStyle !== 'none' && style.outlineWidth !== '0px',
    };
  });
}
