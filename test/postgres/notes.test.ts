/**
 * Migration 22 on PostgreSQL: a database at schema version 21 gets the table
 * of internal notes, and the notes repository works on it, as on SQLite
 * (test/runtime/store/notes.test.ts).
 */
import { tmpdir } from 'node:os';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../runtime/store/index.js';
import { testStoreTarget } from '../helpers/test-store.js';
import { notesAfterMigration22 } from '../helpers/notes-migration.js';

describe('notes on PostgreSQL', () => {
  it('migration 22 adds case_notes to a database at version 21; notes are kept per case, oldest first', async () => {
    const target = await testStoreTarget(tmpdir());
    const before = await openStore(target);
    try {
      const db = before.sql.kysely;
      // Back to schema version 21: no notes yet.
      await sql`DROP TABLE signin_claims`.execute(db);
      await sql`DROP TABLE case_notes`.execute(db);
      await sql`DELETE FROM migrations WHERE version >= 22`.execute(db);
      expect((await sql`SELECT to_regclass('case_notes') AS t`.execute(db)).rows).toEqual([{ t: null }]);
    } finally {
      await before.close();
    }
    const store = await openStore(target);
    try {
      await notesAfterMigration22(store);
    } finally {
      await store.close();
    }
  });
});
