/**
 * `npm start` with NODE_ENV=production (runtime/main.ts as its own process):
 * no real sign-in configured or the stand-in asked for → it refuses to start,
 * saying what to set; with providers configured it starts, creates and prints
 * no demo account, token or password, and refuses citizens' bearer tokens
 * (a stand-in for DigiD); the CLI's citizen-token refuses too.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openServices } from '../../runtime/setup.js';
import { startTestProvider, type TestProvider } from '../helpers/oidc-provider.js';

const root = join(import.meta.dirname, '../..');
const dataDir = mkdtempSync(join(tmpdir(), 'omslag-prod-'));
let provider: TestProvider;
beforeAll(async () => {
  provider = await startTestProvider({ clients: [], users: [] });
});
afterAll(async () => {
  await provider?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** The environment of a production node: only what the test names (none of the runner's sign-in settings). */
function env(extra: Record<string, string>): NodeJS.ProcessEnv {
  const base = { ...process.env };
  for (const k of Object.keys(base))
    if (/^(OIDC_|STAFF_OIDC_|EHERKENNING_|DEV_SIGN_IN|PUBLIC_URL)/.test(k)) delete base[k];
  return { ...base, NODE_ENV: 'production', PORT: '0', DATA_DIR: dataDir, DATABASE_URL: '', ...extra };
}

/**
 * Runs runtime/main.ts until it exits; once it listens, `whileUp` runs
 * against it and then it is stopped (SIGTERM). Everything it printed, by stream.
 */
function run(
  extra: Record<string, string>,
  whileUp: (base: string) => Promise<void> = async () => {},
): Promise<{ code: number | null; stdout: string; stderr: string; listened: string | null; failed?: unknown }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'runtime/main.ts'], {
    cwd: root,
    env: env(extra),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  let listened: string | null = null;
  let failed: unknown;
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.stderr!.on('data', (d) => (stderr += d));
    child.stdout!.on('data', (d) => {
      stdout += d;
      const m = /listens on (http:\/\/[\d.]+:\d+)/.exec(stdout);
      if (m && !listened) {
        listened = m[1];
        // The start's lines are printed together; then the check, then a clean stop.
        setTimeout(
          () =>
            void whileUp(m[1])
              .catch((error: unknown) => (failed = error))
              .finally(() => child.kill('SIGTERM')),
          300,
        );
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, listened, failed });
    });
  });
}

const slow = { timeout: 120_000 };

describe('NODE_ENV=production', slow, () => {
  it('without OIDC_ISSUER: refuses to start, naming what to set', async () => {
    const r = await run({});
    expect(r.code).toBe(1);
    expect(r.listened).toBeNull();
    expect(r.stderr).toMatch(/^Not starting: NODE_ENV=production needs a real sign-in for citizens: set OIDC_ISSUER/m);
    expect(r.stderr).toMatch(/OIDC_CLIENT_ID/);
  });

  it('with DEV_SIGN_IN=true: refuses to start, saying to remove it and what to set', async () => {
    const r = await run({
      DEV_SIGN_IN: 'true',
      OIDC_ISSUER: provider.issuer,
      OIDC_CLIENT_ID: 'omslag',
      PUBLIC_URL: 'https://loket.example.nl',
    });
    expect(r.code).toBe(1);
    expect(r.listened).toBeNull();
    expect(r.stderr).toMatch(/^Not starting: DEV_SIGN_IN=true is refused with NODE_ENV=production/m);
    expect(r.stderr).toMatch(/Remove DEV_SIGN_IN and set OIDC_ISSUER/);
  });

  it('with providers configured: starts, makes and prints no demo account, token or password; citizen tokens are refused', async () => {
    // A citizen token already in the database (say, from a test run before): production does not honour it.
    const services = await openServices(dataDir);
    const at = new Date().toISOString();
    const citizenToken = await services.store.accounts.createToken({ bsn: '999993653' }, at);
    const admin = await services.store.accounts.addUser('beheer', 'admin', [], at);
    const adminToken = await services.store.accounts.createToken({ userId: admin.id }, at);
    await services.store.close();

    const statuses: Record<string, number> = {};
    const settings = {
      OIDC_ISSUER: provider.issuer,
      OIDC_CLIENT_ID: 'omslag',
      OIDC_CLIENT_SECRET: 'geheim',
      PUBLIC_URL: 'https://loket.example.nl',
      STAFF_OIDC_ISSUER: provider.issuer,
      STAFF_OIDC_CLIENT_ID: 'omslag-werk',
      STAFF_OIDC_CLIENT_SECRET: 'ook-geheim',
    };
    const pending = run(settings, async (base) => {
      for (const [name, token] of Object.entries({ citizen: citizenToken, admin: adminToken })) {
        statuses[name] = (await fetch(`${base}/api/me`, { headers: { authorization: `Bearer ${token}` } })).status;
      }
      const providers = await fetch(`${base}/api/session/providers`);
      statuses.providers = providers.status;
      expect(await providers.json()).toEqual({ staff: true, devSignIn: false });
    });
    const r = await pending;
    expect(r.listened, r.stdout + r.stderr).toBeTruthy();
    if (r.failed) throw r.failed;
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/published kwijtschelding v1/);
    expect(r.stdout).not.toMatch(/Demo accounts|password|wachtwoord|token|oms_/i);
    expect(r.stdout).toMatch(/Sign-in: citizens at http:\/\/127\.0\.0\.1:\d+; staff at/);
    expect(statuses).toEqual({ citizen: 401, admin: 200, providers: 200 });
    const services2 = await openServices(dataDir);
    try {
      // No demo accounts were made: only the one this test added.
      expect(await services2.store.accounts.countUsers()).toBe(1);
    } finally {
      await services2.store.close();
    }

    // The CLI will not mint a citizen token here, and says why.
    const cli = spawnSync(process.execPath, ['--import', 'tsx', 'runtime/cli.ts', 'citizen-token', '999993653'], {
      cwd: root,
      env: env(settings),
      encoding: 'utf8',
    });
    expect(cli.status).toBe(2);
    expect(cli.stderr).toMatch(
      /citizen-token is the development stand-in for DigiD and is off here \(NODE_ENV=production\)/,
    );
    expect(cli.stdout).not.toMatch(/oms_/);
  });
});
