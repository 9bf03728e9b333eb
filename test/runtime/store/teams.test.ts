/**
 * The list of teams (migration 21, runtime/store/teams.ts) on a real SQLite
 * file: a database from before the list gets every team already in use
 * (users' teams, tasks' teams, the teams published processes name), and
 * the repository adds, lists with members, and removes teams.
 */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../../runtime/store/migrations.js';
import { openStore } from '../../../runtime/store/index.js';
import { tempDbFile } from '../engine/setup.js';

const at = '2026-03-02T09:00:00.000Z';

describe('teams in the store (SQLite)', () => {
  it('migration 21 seeds the list from the teams users, tasks and published processes name', async () => {
    const { file } = await tempDbFile();
    // A database as Omslag left it at schema version 20, with teams only as strings.
    const db = new Database(file);
    db.exec('CREATE TABLE migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
    for (const m of migrations.filter((m) => m.version <= 20)) {
      db.exec(m.sql);
      db.prepare('INSERT INTO migrations VALUES (?, ?, ?)').run(m.version, m.name, at);
    }
    const insert = (sql: string, ...values: unknown[]) => db.prepare(sql).run(...values);
    insert(
      `INSERT INTO users (name, role, teams, created_at) VALUES ('olaf', 'official', '["belastingen","klantcontact"]', ?)`,
      at,
    );
    insert(`INSERT INTO users (name, role, teams, created_at) VALUES ('dina', 'designer', '[]', ?)`, at);
    const definition = {
      key: 'p',
      contact: { team: 'klantcontact' },
      steps: { h: { kind: 'handoff', team: 'inkomen', escalate: { team: 'handhaving' }, outcomes: [] } },
    };
    insert(`INSERT INTO processes (key, draft, created_at, updated_at) VALUES ('p', '{}', ?, ?)`, at, at);
    insert(
      `INSERT INTO versions (key, version, definition, machine, published_at) VALUES ('p', 1, ?, '{}', ?)`,
      JSON.stringify(definition),
      at,
    );
    insert(
      `INSERT INTO cases (id, reference, process_key, version, subject, status, snapshot, rev, created_at, updated_at)
       VALUES ('c1', 'R-1', 'p', 1, '999993653', 'active', '{}', 0, ?, ?)`,
      at,
      at,
    );
    insert(
      `INSERT INTO tasks (id, case_id, step, kind, team, status, created_at) VALUES ('t1', 'c1', 'h', 'handoff', 'oud-team', 'open', ?)`,
      at,
    );
    db.close();

    const store = await openStore(file);
    try {
      expect((await store.teams.list()).map((t) => [t.id, t.name])).toEqual([
        ['belastingen', 'belastingen'],
        ['handhaving', 'handhaving'],
        ['inkomen', 'inkomen'],
        ['klantcontact', 'klantcontact'],
        ['oud-team', 'oud-team'],
      ]);
      expect((await store.teams.withMembers()).map((t) => [t.id, t.members])).toEqual([
        ['belastingen', 1],
        ['handhaving', 0],
        ['inkomen', 0],
        ['klantcontact', 1],
        ['oud-team', 0],
      ]);
      expect(await store.teams.openTasks('oud-team')).toBe(1);
      expect(await store.teams.unknown(['belastingen', 'inkomn'])).toEqual(['inkomn']);
    } finally {
      await store.close();
    }
  });

  it('adds a team once, adds the teams a user is given, and removes a team', async () => {
    const { file } = await tempDbFile();
    const store = await openStore(file);
    try {
      expect(await store.teams.list()).toEqual([]);
      expect(await store.teams.add('vergunningen', 'Vergunningen', at)).toBe(true);
      expect(await store.teams.add('vergunningen', 'Iets anders', at)).toBe(false);
      expect(await store.teams.get('vergunningen')).toEqual({
        id: 'vergunningen',
        name: 'Vergunningen',
        createdAt: at,
      });
      // A user given a team the list lacks (the provider's claim, the CLI): the team is added, named by its id.
      const u = await store.accounts.addUser('fee', 'official', ['vergunningen', 'nieuw'], at);
      await store.accounts.setMapping(u.id, { teams: ['nieuw', 'later'] }, at);
      expect((await store.teams.withMembers()).map((t) => [t.id, t.name, t.members])).toEqual([
        ['later', 'later', 1],
        ['nieuw', 'nieuw', 1],
        ['vergunningen', 'Vergunningen', 0],
      ]);
      expect(await store.teams.userNames('nieuw')).toEqual(['fee']);
      expect(await store.teams.remove('vergunningen')).toBe(true);
      expect(await store.teams.remove('vergunningen')).toBe(false);
      expect(await store.teams.ensure(['later', 'nog-een'], at)).toEqual(['nog-een']);
    } finally {
      await store.close();
    }
  });
});
