/**
 * Migration 21 on PostgreSQL: a database from before the list of teams gets
 * every team already in use (users' teams, tasks' teams, the teams
 * published processes name), as on SQLite (test/runtime/store/teams.test.ts).
 */
import { tmpdir } from 'node:os';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../runtime/store/index.js';
import { testStoreTarget } from '../helpers/test-store.js';

const AT = '2026-03-02T09:00:00.000Z';

describe('teams on PostgreSQL', () => {
  it('migration 21 seeds the list from the teams in use', async () => {
    const target = await testStoreTarget(tmpdir());
    const before = await openStore(target);
    try {
      const db = before.sql.kysely;
      // Back to schema version 20: no list of teams, teams only as strings (and none of the later migrations).
      await sql`DROP TABLE signin_claims`.execute(db);
      await sql`DROP TABLE case_notes`.execute(db);
      await sql`DROP TABLE teams`.execute(db);
      await sql`DELETE FROM migrations WHERE version >= 21`.execute(db);
      await sql`INSERT INTO users (name, role, teams, created_at) VALUES ('olaf', 'official', '["belastingen","klantcontact"]', ${AT})`.execute(
        db,
      );
      await sql`INSERT INTO users (name, role, teams, created_at) VALUES ('dina', 'designer', '[]', ${AT})`.execute(db);
      const definition = {
        key: 'p',
        contact: { team: 'klantcontact' },
        steps: { h: { kind: 'handoff', team: 'inkomen', escalate: { team: 'handhaving' }, outcomes: [] } },
      };
      await sql`INSERT INTO processes (key, draft, created_at, updated_at) VALUES ('p', '{}', ${AT}, ${AT})`.execute(
        db,
      );
      await sql`INSERT INTO versions (key, version, definition, machine, published_at) VALUES ('p', 1, ${JSON.stringify(definition)}, '{}', ${AT})`.execute(
        db,
      );
      await sql`INSERT INTO cases (id, reference, process_key, version, subject, status, snapshot, rev, created_at, updated_at)
        VALUES ('c1', 'R-1', 'p', 1, '999993653', 'active', '{}', 0, ${AT}, ${AT})`.execute(db);
      await sql`INSERT INTO tasks (id, case_id, step, kind, team, status, created_at)
        VALUES ('t1', 'c1', 'h', 'handoff', 'oud-team', 'open', ${AT})`.execute(db);
    } finally {
      await before.close();
    }
    const store = await openStore(target);
    try {
      expect((await store.teams.withMembers()).map((t) => [t.id, t.name, t.members])).toEqual([
        ['belastingen', 'belastingen', 1],
        ['handhaving', 'handhaving', 0],
        ['inkomen', 'inkomen', 0],
        ['klantcontact', 'klantcontact', 1],
        ['oud-team', 'oud-team', 0],
      ]);
      expect((await store.teams.get('inkomen'))!.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    } finally {
      await store.close();
    }
  });
});
