/**
 * Migration 22 on a real SQLite file: a database at schema version 21 gets
 * the table of internal notes (runtime/store/notes.ts), and the repository
 * keeps notes per case, oldest first (the same checks on PostgreSQL:
 * test/postgres/notes.test.ts).
 */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../../runtime/store/migrations.js';
import { openStore } from '../../../runtime/store/index.js';
import { notesAfterMigration22 } from '../../helpers/notes-migration.js';
import { tempDbFile } from '../engine/setup.js';

describe('notes in the store (SQLite)', () => {
  it('migration 22 adds case_notes to a database at version 21; notes are kept per case, oldest first', async () => {
    const { file } = await tempDbFile();
    const db = new Database(file);
    db.exec('CREATE TABLE migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
    for (const m of migrations.filter((m) => m.version <= 21)) {
      db.exec(m.sql);
      db.prepare('INSERT INTO migrations VALUES (?, ?, ?)').run(m.version, m.name, '2026-03-02T09:00:00.000Z');
    }
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'case_notes'").all()).toEqual([]);
    db.close();
    const store = await openStore(file);
    try {
      await notesAfterMigration22(store);
    } finally {
      await store.close();
    }
  });
});
