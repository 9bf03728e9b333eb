/**
 * The store's own guarantees, on a real database (a SQLite file, or
 * PostgreSQL with OMSLAG_TEST_STORE=postgres): migrations once, the revision
 * guard, tasks' revisions, timers that fire at most once and are claimed
 * with a lease, transactions that are all or nothing (savepoints when
 * nested), and a schema newer than the code refused.
 */
import { describe, expect, it } from 'vitest';
import { migrations } from '../../../runtime/store/migrations.js';
import { postgresMigrations } from '../../../runtime/store/postgres.js';
import { openStore, SchemaTooNewError, StaleCaseError, type Store } from '../../../runtime/store/index.js';
import { asCitizen, BSN, freshEnv, toeslagAtReview, tempDbFile } from '../engine/setup.js';

async function bare(): Promise<{ store: Store; target: string }> {
  const { file } = await tempDbFile();
  return { store: await openStore(file), target: file };
}

const versionsIn = async (store: Store) =>
  (await store.sql.q().selectFrom('migrations').select('version').orderBy('version').execute()).map((r) => r.version);
const known = (store: Store) => (store.dialect === 'postgres' ? postgresMigrations : migrations).map((m) => m.version);

describe('store', () => {
  it('applies migrations once, in WAL mode with foreign keys on', async () => {
    const { store, target } = await bare();
    try {
      expect(await versionsIn(store)).toEqual(known(store));
      // WAL and the foreign-key switch are SQLite settings; PostgreSQL always checks foreign keys (below).
      if (store.sql.sqlite) {
        expect(store.sql.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
        expect(store.sql.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
      }
    } finally {
      await store.close();
    }
    const again = await openStore(target);
    try {
      expect(await versionsIn(again)).toEqual(known(again));
      await expect(again.cases.appendAudit('no-such-case', 'now', 'x', 'y', {})).rejects.toThrow(/FOREIGN KEY/i);
    } finally {
      await again.close();
    }
  });

  it('refuses a database whose schema is newer than the code, and leaves it as it was', async () => {
    const { store, target } = await bare();
    const newest = Math.max(...known(store));
    await store.sql
      .q()
      .insertInto('migrations')
      .values({ version: newest + 1, name: 'from a newer Omslag', applied_at: new Date().toISOString() })
      .execute();
    await store.close();
    const refused = await openStore(target).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(SchemaTooNewError);
    expect(refused).toMatchObject({ current: newest + 1, known: newest });
    await expect(openStore(target, { migrate: false })).rejects.toBeInstanceOf(SchemaTooNewError);
  });

  it('updates a case only at the revision it was read at', async () => {
    const env = await freshEnv({ fixtures: ['toeslag', 'ophalen'] });
    const row = await env.engine.startCase('ophalen', BSN, asCitizen());
    const next = {
      status: 'active' as const,
      step: 'ophaalverzoek',
      outcome: null,
      snapshot: { x: 1 },
      at: '2026-03-02T10:00:00.000Z',
    };
    await expect(env.store.cases.update(row.id, row.rev - 1, next)).rejects.toThrow(StaleCaseError);
    expect(await env.store.cases.get(row.id)).toEqual(row);
    expect(await env.store.cases.update(row.id, row.rev, next)).toBe(row.rev + 1);
    expect(await env.store.cases.get(row.id)).toMatchObject({
      rev: row.rev + 1,
      snapshot: { x: 1 },
      updatedAt: '2026-03-02T10:00:00.000Z',
      endedAt: null,
    });
    await expect(env.store.cases.update(row.id, row.rev, next)).rejects.toThrow(StaleCaseError);
    await env.store.cases.update(row.id, row.rev + 1, { ...next, status: 'ended', at: '2026-03-02T11:00:00.000Z' });
    await env.store.cases.update(row.id, row.rev + 2, { ...next, status: 'ended', at: '2026-03-02T12:00:00.000Z' });
    // The first time it ended stays its end time.
    expect((await env.store.cases.get(row.id))!.endedAt).toBe('2026-03-02T11:00:00.000Z');
  });

  it('changes a task only at its revision', async () => {
    const env = await freshEnv({ fixtures: ['toeslag', 'ophalen'] });
    const row = await toeslagAtReview(env);
    const [task] = await env.store.tasks.list({ caseId: row.id });
    expect(await env.store.tasks.update(task.id, task.rev + 1, { status: 'claimed' })).toBe(false);
    expect(await env.store.tasks.get(task.id)).toEqual(task);
    expect(
      await env.store.tasks.update(task.id, task.rev, {
        status: 'claimed',
        assignee: (await env.store.accounts.userByName('ann'))!.id,
      }),
    ).toBe(true);
    expect(await env.store.tasks.get(task.id)).toMatchObject({
      status: 'claimed',
      assigneeName: 'ann',
      rev: task.rev + 1,
    });
    expect(await env.store.tasks.update(task.id, task.rev, { status: 'open' })).toBe(false);
    expect((await env.store.tasks.list({ overdueAt: '2026-03-12T09:00:00.001Z' })).map((t) => t.id)).toEqual([task.id]);
    expect(await env.store.tasks.list({ overdueAt: '2026-03-12T09:00:00.000Z' })).toEqual([]);
    // No teams is no tasks, not every task.
    expect(await env.store.tasks.list({ teams: [] })).toEqual([]);
    expect((await env.store.tasks.list({ teams: ['belastingen'], status: 'active' })).map((t) => t.id)).toEqual([
      task.id,
    ]);
  });

  it('marks a timer fired at most once, and never clears a fired timer', async () => {
    const env = await freshEnv({ fixtures: ['toeslag', 'ophalen'] });
    const row = await env.engine.startCase('ophalen', BSN, asCitizen());
    await env.store.tasks.setTimer(row.id, 'b', '2026-03-03T00:00:00.000Z');
    await env.store.tasks.setTimer(row.id, 'a', '2026-03-02T12:00:00.000Z');
    expect(await env.store.tasks.dueTimers('2026-03-02T11:59:59.999Z')).toEqual([]);
    const due = await env.store.tasks.dueTimers('2026-03-03T00:00:00.000Z');
    expect(due.map((t) => t.timer)).toEqual(['a', 'b']);
    expect(await env.store.tasks.markFired(due[0].id, '2026-03-03T00:00:00.000Z')).toBe(true);
    expect(await env.store.tasks.markFired(due[0].id, '2026-03-03T00:00:01.000Z')).toBe(false);
    await env.store.tasks.clearTimer(row.id, 'a');
    await env.store.tasks.clearTimer(row.id, 'b');
    expect(await env.store.tasks.timersOf(row.id)).toEqual([
      { timer: 'a', fireAt: '2026-03-02T12:00:00.000Z', firedAt: '2026-03-03T00:00:00.000Z' },
    ]);
    expect(await env.store.tasks.dueTimers('2026-04-01T00:00:00.000Z')).toEqual([]);
  });

  it('claims due timers with a lease: earliest first, once per lease, again once it expired or was handed back', async () => {
    const env = await freshEnv({ fixtures: ['toeslag', 'ophalen'] });
    const row = await env.engine.startCase('ophalen', BSN, asCitizen());
    // The case's own timers (if any) fire later than these.
    expect(await env.store.tasks.dueTimers('2026-03-02T23:59:59.999Z')).toEqual([]);
    for (const [timer, at] of [
      ['t3', '2026-03-02T12:00:03.000Z'],
      ['t1', '2026-03-02T12:00:01.000Z'],
      ['t2', '2026-03-02T12:00:02.000Z'],
      ['later', '2026-03-02T13:00:00.000Z'],
    ])
      await env.store.tasks.setTimer(row.id, timer, at);
    const now = '2026-03-02T12:30:00.000Z';
    const names = (rows: { timer: string }[]) => rows.map((t) => t.timer);

    const a = await env.store.tasks.claimDue('node-a', now, 30_000, 2);
    expect(names(a)).toEqual(['t1', 't2']);
    expect(a[0]).toMatchObject({ caseId: row.id, fireAt: '2026-03-02T12:00:01.000Z' });
    // Another node gets what is left, and nothing a lease holds.
    expect(names(await env.store.tasks.claimDue('node-b', now, 30_000))).toEqual(['t3']);
    expect(await env.store.tasks.claimDue('node-c', now, 30_000)).toEqual([]);

    // node-a fires t1; its lease on t2 runs out, and node-c takes t2 over (never the fired t1).
    expect(await env.store.tasks.markFired(a[0].id, now)).toBe(true);
    const expired = '2026-03-02T12:30:30.000Z';
    expect(names(await env.store.tasks.claimDue('node-c', expired, 30_000))).toEqual(['t2', 't3']);
    // The fire stays guarded: the late node-a cannot fire t1 twice.
    expect(await env.store.tasks.markFired(a[0].id, expired)).toBe(false);

    // node-c stops and hands its timers back: node-b may claim them at once.
    expect(await env.store.tasks.releaseClaims('node-c')).toBe(2);
    expect(await env.store.tasks.releaseClaims('node-c')).toBe(0);
    expect(names(await env.store.tasks.claimDue('node-b', expired, 3_600_000))).toEqual(['t2', 't3']);
    // A timer not due yet is claimed by nobody; once due, it is (node-b's hour-long lease still holds t2 and t3).
    expect(names(await env.store.tasks.claimDue('node-a', '2026-03-02T13:00:00.000Z', 30_000))).toEqual(['later']);
  });

  it('runs a transaction all or nothing; a nested one rolls back alone', async () => {
    const env = await freshEnv({ fixtures: ['toeslag', 'ophalen'] });
    const row = await env.engine.startCase('ophalen', BSN, asCitizen());
    const audit = async () => (await env.store.cases.audit(row.id)).map((e) => e.type);
    const before = await audit();
    await expect(
      env.store.transaction(async () => {
        await env.store.cases.appendAudit(row.id, 'now', 'test', 'one', {});
        throw new Error('stop');
      }),
    ).rejects.toThrow('stop');
    expect(await audit()).toEqual(before);

    await env.store.transaction(async () => {
      await env.store.cases.appendAudit(row.id, 'now', 'test', 'outer', {});
      try {
        await env.store.transaction(async () => {
          await env.store.cases.appendAudit(row.id, 'now', 'test', 'inner', {});
          throw new Error('inner');
        });
      } catch {
        // the inner savepoint is rolled back, the outer goes on
      }
    });
    expect(await audit()).toEqual([...before, 'outer']);
    expect(await env.store.cases.verifyAudit()).toMatchObject({ ok: true });
  });

  it('goes on with the chain after a rolled-back savepoint that appended first', async () => {
    const env = await freshEnv({ fixtures: ['toeslag', 'ophalen'] });
    const row = await env.engine.startCase('ophalen', BSN, asCitizen());
    const before = (await env.store.cases.audit(row.id)).map((e) => e.type);
    await env.store.transaction(async () => {
      // The savepoint takes the case's lock (PostgreSQL) and is rolled back with it: the next append takes it again.
      await expect(
        env.store.transaction(async () => {
          await env.store.cases.appendAudit(row.id, 'now', 'test', 'inner', {});
          throw new Error('inner');
        }),
      ).rejects.toThrow('inner');
      await env.store.cases.appendAudit(row.id, 'now', 'test', 'after', {});
    });
    expect((await env.store.cases.audit(row.id)).map((e) => e.type)).toEqual([...before, 'after']);
    expect(await env.store.cases.verifyAudit()).toMatchObject({ ok: true });
  });

  it('keeps the newest published version per process and lists versions in order', async () => {
    const env = await freshEnv({ publish: false });
    const def = (title: string) => ({
      key: 'p',
      title,
      start: 'e',
      contact: { team: 't' },
      steps: { e: { kind: 'end', title: 'E', outcome: 'completed', message: 'm' } },
    });
    await env.store.processes.saveDraft('p', def('one'), 'a', 'x');
    expect(await env.store.processes.publish('p', def('one'), {}, 'a', 'x')).toBe(1);
    expect(await env.store.processes.publish('p', def('two'), {}, 'b', 'x')).toBe(2);
    expect(await env.store.processes.latest('p')).toMatchObject({ version: 2, definition: def('two') });
    expect(await env.store.processes.version('p', 1)).toMatchObject({ version: 1, definition: def('one') });
    expect(await env.store.processes.version('p', 3)).toBeUndefined();
    expect((await env.store.processes.get('p'))!.versions).toEqual([1, 2]);
  });
});
