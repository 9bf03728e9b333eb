/**
 * copy-store (runtime/store/copy.ts) from SQLite to PostgreSQL: the move of
 * an installation to several nodes. The scenario is test/helpers/copy-store.ts;
 * the CLI's migrate and copy-store on a PostgreSQL URL are checked here too.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { copyScenario } from '../helpers/copy-store.js';
import { newPostgresDatabase } from '../helpers/test-store.js';

const root = join(import.meta.dirname, '../..');
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'omslag-copy-pg-'));
  dirs.push(dir);
  return dir;
};

/** `npm run omslag -- …` with no DATABASE_URL of its own (a few seconds each on a busy machine). */
function omslag(...args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: tempDir() };
  delete env.DATABASE_URL;
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'runtime/cli.ts', ...args], {
    cwd: root,
    env,
    encoding: 'utf8',
  });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

describe('copy-store, SQLite to PostgreSQL', () => {
  it('copies every table with ids kept; on PostgreSQL the audit verifies, cases go on and start (sequences moved on), and a second copy is refused', async () => {
    await copyScenario(tempDir(), await newPostgresDatabase());
  });

  it('through the CLI: migrate and copy-store onto a postgres:// URL and back, audit verify there, never printing the password', async () => {
    const from = join(tempDir(), 'omslag.db');
    expect(omslag('import', '--db', from).code).toBe(0);
    // The test server trusts local connections: the password is there to be masked, not checked.
    const url = new URL(await newPostgresDatabase());
    url.password = 'geheim';
    const target = url.toString();

    const migrated = omslag('migrate', '--db', target);
    expect(migrated.code).toBe(0);
    expect(migrated.out).toMatch(/postgres:\/\/postgres:\*\*\*@.* is at schema version \d+: nothing to migrate/);
    const copied = omslag('copy-store', '--from', from, '--to', target);
    expect(copied.code).toBe(0);
    expect(copied.out).toMatch(/versions\s+\d+\n/);
    expect(copied.out).toMatch(/audit trail intact on the target/);
    expect(omslag('audit', 'verify', '--db', target).out).toMatch(/audit trail intact: 0 entries/);
    expect(omslag('import', '--db', target).out).toMatch(/unchanged kwijtschelding v1/);
    const again = omslag('copy-store', '--from', from, '--to', target);
    expect(again.code).not.toBe(0);
    expect(again.out).toMatch(/the target store is not empty/);
    // And back, from PostgreSQL (read in one snapshot) to a new SQLite file.
    const back = omslag('copy-store', '--from', target, '--to', join(tempDir(), 'back.db'));
    expect(back.code).toBe(0);
    expect(back.out).toMatch(/audit trail intact on the target/);
    for (const r of [migrated, copied, again, back]) expect(r.out).not.toContain('geheim');

    // A schema from a newer Omslag: refused, by migrate and by every other command.
    const client = new pg.Client({ connectionString: target });
    await client.connect();
    await client.query("INSERT INTO migrations VALUES (999, 'from the future', '2030-01-01T00:00:00Z')");
    await client.end();
    const refused = omslag('migrate', '--db', target);
    expect(refused.code).not.toBe(0);
    expect(refused.out).toMatch(/schema version 999/);
    expect(omslag('token', 'x', '--db', target).out).toMatch(/schema version 999/);
  }, 180_000);
});
