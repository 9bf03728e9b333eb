/**
 * `npm run omslag -- api-client add|disable` (runtime/cli.ts) as its own
 * Node process on a temp data folder: the client id and secret printed once,
 * the secret stored hashed and accepted by the store, refusals for a bad KVK
 * number or no name, and a disabled client refused.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openServices } from '../../runtime/setup.js';

const root = join(import.meta.dirname, '../..');
const dataDir = mkdtempSync(join(tmpdir(), 'omslag-cli-client-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function omslag(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'runtime/cli.ts', ...args], {
    cwd: root,
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' },
    encoding: 'utf8',
  });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

describe('omslag api-client', { timeout: 120_000 }, () => {
  it('adds a client for an organisation (id and secret shown once, stored hashed), and disables it', async () => {
    const added = omslag('api-client', 'add', '--kvk', '12345678', '--name', 'Schuldhulp Utrecht');
    expect(added.code, added.out).toBe(0);
    expect(added.out).toMatch(/added an API client for Schuldhulp Utrecht \(KVK 12345678\)/);
    const id = /client_id:\s+(\S+)/.exec(added.out)![1];
    const secret = /client_secret:\s+(\S+)/.exec(added.out)![1];
    let services = await openServices(dataDir);
    try {
      await expect(services.store.clients.authenticate(id, secret)).resolves.toMatchObject({
        clientId: id,
        kvk: '12345678',
        name: 'Schuldhulp Utrecht',
      });
      await expect(services.store.clients.authenticate(id, `${secret}x`)).resolves.toBeUndefined();
      const row = await services.store.sql.q().selectFrom('api_clients').selectAll().executeTakeFirstOrThrow();
      expect(row.secret_hash).not.toContain(secret);
      const log = await services.store.security.list({ kind: 'api-client.created', limit: 10 });
      expect(log[0]).toMatchObject({ account: 'cli', details: { clientId: id, kvk: '12345678' } });
    } finally {
      await services.store.close();
    }
    expect(omslag('api-client', 'add', '--kvk', '1234', '--name', 'X').out).toMatch(/--kvk .*eight digits/);
    expect(omslag('api-client', 'add', '--kvk', '12345678').code).toBe(2);
    expect(omslag('api-client', 'disable', 'oc_nobody').out).toMatch(/no API client 'oc_nobody'/);
    expect(omslag('api-client', 'disable', id).code).toBe(0);
    services = await openServices(dataDir);
    try {
      await expect(services.store.clients.authenticate(id, secret)).resolves.toBeUndefined();
    } finally {
      await services.store.close();
    }
  });
});
