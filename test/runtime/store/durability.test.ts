/**
 * Finding 11 of issue 11 (durability): with synchronous = NORMAL an
 * acknowledged step survived a crash of the process but not a power loss or
 * a kernel crash. FULL is now the default; NORMAL is a setting.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { readConfig } from '../../../runtime/config.js';
import { openServices } from '../../../runtime/setup.js';
import { openStore } from '../../../runtime/store/index.js';

const dir = mkdtempSync(join(tmpdir(), 'omslag-durability-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const FULL = 2;
const NORMAL = 1;

describe('durability on power loss', () => {
  test('finding 11: the database runs with synchronous=FULL by default', () => {
    expect(readConfig({}).synchronous).toBe('full');
    const store = openStore(join(dir, 'default.db'));
    try {
      expect(store.db.pragma('synchronous', { simple: true })).toBe(FULL);
      expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
      // Counters and the security log commit without a sync; the connection stays FULL for everything else.
      store.relaxedTransaction(() => store.security.log({ at: new Date().toISOString(), kind: 'signin.failed' }));
      expect(store.db.pragma('synchronous', { simple: true })).toBe(FULL);
    } finally {
      store.close();
    }
    const services = openServices(join(dir, 'services'));
    try {
      expect(services.store.db.pragma('synchronous', { simple: true })).toBe(FULL);
    } finally {
      services.store.close();
    }
  });

  test('finding 11: SQLITE_SYNCHRONOUS=normal is a setting; anything else is refused with the choices', () => {
    expect(readConfig({ SQLITE_SYNCHRONOUS: 'normal' }).synchronous).toBe('normal');
    expect(readConfig({ SQLITE_SYNCHRONOUS: 'FULL' }).synchronous).toBe('full');
    expect(() => readConfig({ SQLITE_SYNCHRONOUS: 'off' })).toThrow(
      /SQLITE_SYNCHRONOUS is 'full'.*or 'normal', not 'off'/,
    );
    const services = openServices(join(dir, 'normal'), undefined, { synchronous: 'normal' });
    try {
      expect(services.store.db.pragma('synchronous', { simple: true })).toBe(NORMAL);
    } finally {
      services.store.close();
    }
  });
});
