/**
 * Finding 11 of issue 11 (durability): with synchronous = NORMAL an
 * acknowledged step survived a crash of the process but not a power loss or
 * a kernel crash. FULL is now the default; NORMAL is a setting.
 *
 * SQLite only, on purpose: `synchronous` and the WAL are SQLite's pragmas
 * (how its commits reach the disk). PostgreSQL's durability is the server's
 * own setting (synchronous_commit, fsync), not Omslag's; these tests open
 * SQLite files directly, whichever store the run uses.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { readConfig } from '../../../runtime/config.js';
import { openServices } from '../../../runtime/setup.js';
import { openStore, type Store } from '../../../runtime/store/index.js';

const dir = mkdtempSync(join(tmpdir(), 'omslag-durability-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const FULL = 2;
const NORMAL = 1;
const pragma = (store: Store, name: string) => store.sql.sqlite!.pragma(name, { simple: true });

describe('durability on power loss', () => {
  test('finding 11: the database runs with synchronous=FULL by default', async () => {
    expect(readConfig({}).synchronous).toBe('full');
    const store = await openStore(join(dir, 'default.db'));
    try {
      expect(pragma(store, 'synchronous')).toBe(FULL);
      expect(pragma(store, 'journal_mode')).toBe('wal');
      // Counters and the security log commit without a sync; the connection stays FULL for everything else.
      await store.relaxedTransaction(() => store.security.log({ at: new Date().toISOString(), kind: 'signin.failed' }));
      expect(pragma(store, 'synchronous')).toBe(FULL);
    } finally {
      await store.close();
    }
    const services = await openServices(join(dir, 'services'));
    try {
      expect(pragma(services.store, 'synchronous')).toBe(FULL);
    } finally {
      await services.store.close();
    }
  });

  test('finding 11: SQLITE_SYNCHRONOUS=normal is a setting; anything else is refused with the choices', async () => {
    expect(readConfig({ SQLITE_SYNCHRONOUS: 'normal' }).synchronous).toBe('normal');
    expect(readConfig({ SQLITE_SYNCHRONOUS: 'FULL' }).synchronous).toBe('full');
    expect(() => readConfig({ SQLITE_SYNCHRONOUS: 'off' })).toThrow(
      /SQLITE_SYNCHRONOUS is 'full'.*or 'normal', not 'off'/,
    );
    const services = await openServices(join(dir, 'normal'), undefined, { synchronous: 'normal' });
    try {
      expect(pragma(services.store, 'synchronous')).toBe(NORMAL);
    } finally {
      await services.store.close();
    }
  });
});
