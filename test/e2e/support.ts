import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** Tokens of the accounts test/e2e/server.ts made. */
export function accounts(): { official: string; admin: string } {
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
  expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
}

export async function signIn(page: Page, bsn: string) {
  await page.goto('/inloggen');
  await page.getByLabel(/Burgerservicenummer|Citizen service number/).fill(bsn);
  await page.getByRole('button', { name: /Inloggen|Sign in/ }).click();
}

/** Calls the API as an account of the e2e server. */
export async function api(method: string, path: string, token: string, body?: unknown) {
  const res = await fetch(`http://127.0.0.1:${process.env.E2E_PORT ?? 3199}${path}`, {
    method, headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined,
  });
  return { status: res.status, body: await res.json() };
}
