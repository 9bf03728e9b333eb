/**
 * copy-store (runtime/store/copy.ts) from SQLite to SQLite; the same
 * scenario onto PostgreSQL is test/postgres/copy-store.test.ts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, it } from 'vitest';
import { copyScenario } from '../helpers/copy-store.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('copy-store, SQLite to SQLite', () => {
  it('copies every table with ids kept; on the copy the audit verifies, cases go on and start, and a second copy is refused', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'omslag-copy-'));
    dirs.push(dir);
    await copyScenario(dir, join(dir, 'target.db'));
  });
});
