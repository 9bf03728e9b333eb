/**
 * The store's own guarantees, on a real SQLite file: migrations once, the
 * revision guard, tasks' revisions, timers that fire at most once, and
 * transactions that are all or nothing (savepoints when nested).
 */
import { describe, expect, it } from 'vitest';
import { migrations } from '../../../runtime/store/migrations.js';
import { openStore, StaleCaseError, type Store } from '../../../runtime/store/index.js';
import { asCitizen, BSN, freshEnv, toeslagAtReview, tempDbFile } from '../engine/setup.js';

function bare(): { store: Store; file: string } {
  const { file } = tempDbFile();
  const store = openStore(file);
  return { store, file };
}

describe('store', () => {
  it('applies migrations once, in WAL mode with foreign keys on', () => {
    const { store, file } = bare();
    try {
      expect(store.db.prepare('SELECT version FROM migrations').pluck().all()).toEqual(
        migrations.map((m) => m.version),
      );
      expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(store.db.pragma('foreign_keys', { simple: true })).toBe(1);
    } finally {
      store.close();
    }
    const again = openStore(file);
    try {
      expect(again.db.prepare('SELECT version FROM migrations').pluck().all()).toEqual(
        migrations.map((m) => m.version),
      );
      expect(() => again.cases.appendAudit('no-such-case', 'now', 'x', 'y', {})).toThrow(/FOREIGN KEY/);
    } finally {
      again.close();
    }
  });

  it('updates a case only at the revision it was read at', () => {
    const env = freshEnv({ fixtures: ['toeslag', 'ophalen'] });
    const row = env.engine.startCase('ophalen', BSN, asCitizen());
    const next = {
      status: 'active' as const,
      step: 'ophaalverzoek',
      outcome: null,
      snapshot: { x: 1 },
      at: '2026-03-02T10:00:00.000Z',
    };
    expect(() => env.store.cases.update(row.id, row.rev - 1, next)).toThrow(StaleCaseError);
    expect(env.store.cases.get(row.id)).toEqual(row);
    expect(env.store.cases.update(row.id, row.rev, next)).toBe(row.rev + 1);
    expect(env.store.cases.get(row.id)).toMatchObject({
      rev: row.rev + 1,
      snapshot: { x: 1 },
      updatedAt: '2026-03-02T10:00:00.000Z',
      endedAt: null,
    });
    expect(() => env.store.cases.update(row.id, row.rev, next)).toThrow(StaleCaseError);
    env.store.cases.update(row.id, row.rev + 1, { ...next, status: 'ended', at: '2026-03-02T11:00:00.000Z' });
    env.store.cases.update(row.id, row.rev + 2, { ...next, status: 'ended', at: '2026-03-02T12:00:00.000Z' });
    // The first time it ended stays its end time.
    expect(env.store.cases.get(row.id)!.endedAt).toBe('2026-03-02T11:00:00.000Z');
  });

  it('changes a task only at its revision', () => {
    const env = freshEnv({ fixtures: ['toeslag', 'ophalen'] });
    const row = toeslagAtReview(env);
    const [task] = env.store.tasks.list({ caseId: row.id });
    expect(env.store.tasks.update(task.id, task.rev + 1, { status: 'claimed' })).toBe(false);
    expect(env.store.tasks.get(task.id)).toEqual(task);
    expect(
      env.store.tasks.update(task.id, task.rev, {
        status: 'claimed',
        assignee: env.store.accounts.userByName('ann')!.id,
      }),
    ).toBe(true);
    expect(env.store.tasks.get(task.id)).toMatchObject({ status: 'claimed', assigneeName: 'ann', rev: task.rev + 1 });
    expect(env.store.tasks.update(task.id, task.rev, { status: 'open' })).toBe(false);
    expect(env.store.tasks.list({ overdueAt: '2026-03-12T09:00:00.001Z' }).map((t) => t.id)).toEqual([task.id]);
    expect(env.store.tasks.list({ overdueAt: '2026-03-12T09:00:00.000Z' })).toEqual([]);
  });

  it('marks a timer fired at most once, and never clears a fired timer', () => {
    const env = freshEnv({ fixtures: ['toeslag', 'ophalen'] });
    const row = env.engine.startCase('ophalen', BSN, asCitizen());
    env.store.tasks.setTimer(row.id, 'b', '2026-03-03T00:00:00.000Z');
    env.store.tasks.setTimer(row.id, 'a', '2026-03-02T12:00:00.000Z');
    expect(env.store.tasks.dueTimers('2026-03-02T11:59:59.999Z')).toEqual([]);
    const due = env.store.tasks.dueTimers('2026-03-03T00:00:00.000Z');
    expect(due.map((t) => t.timer)).toEqual(['a', 'b']);
    expect(env.store.tasks.markFired(due[0].id, '2026-03-03T00:00:00.000Z')).toBe(true);
    expect(env.store.tasks.markFired(due[0].id, '2026-03-03T00:00:01.000Z')).toBe(false);
    env.store.tasks.clearTimer(row.id, 'a');
    env.store.tasks.clearTimer(row.id, 'b');
    expect(env.store.tasks.timersOf(row.id)).toEqual([
      { timer: 'a', fireAt: '2026-03-02T12:00:00.000Z', firedAt: '2026-03-03T00:00:00.000Z' },
    ]);
    expect(env.store.tasks.dueTimers('2026-04-01T00:00:00.000Z')).toEqual([]);
  });

  it('runs a transaction all or nothing; a nested one rolls back alone', () => {
    const env = freshEnv({ fixtures: ['toeslag', 'ophalen'] });
    const row = env.engine.startCase('ophalen', BSN, asCitizen());
    const audit = () => env.store.cases.audit(row.id).map((e) => e.type);
    const before = audit();
    expect(() =>
      env.store.transaction(() => {
        env.store.cases.appendAudit(row.id, 'now', 'test', 'one', {});
        throw new Error('stop');
      }),
    ).toThrow('stop');
    expect(audit()).toEqual(before);

    env.store.transaction(() => {
      env.store.cases.appendAudit(row.id, 'now', 'test', 'outer', {});
      try {
        env.store.transaction(() => {
          env.store.cases.appendAudit(row.id, 'now', 'test', 'inner', {});
          throw new Error('inner');
        });
      } catch {
        // the inner savepoint is rolled back, the outer goes on
      }
    });
    expect(audit()).toEqual([...before, 'outer']);
    expect(env.store.cases.verifyAudit()).toMatchObject({ ok: true });
  });

  it('keeps the newest published version per process and lists versions in order', () => {
    const env = freshEnv({ publish: false });
    const def = (title: string) => ({
      key: 'p',
      title,
      start: 'e',
      contact: { team: 't' },
      steps: { e: { kind: 'end', title: 'E', outcome: 'completed', message: 'm' } },
    });
    env.store.processes.saveDraft('p', def('one'), 'a', 'x');
    expect(env.store.processes.publish('p', def('one'), {}, 'a', 'x')).toBe(1);
    expect(env.store.processes.publish('p', def('two'), {}, 'b', 'x')).toBe(2);
    expect(env.store.processes.latest('p')).toMatchObject({ version: 2, definition: def('two') });
    expect(env.store.processes.version('p', 1)).toMatchObject({ version: 1, definition: def('one') });
    expect(env.store.processes.version('p', 3)).toBeUndefined();
    expect(env.store.processes.get('p')!.versions).toEqual([1, 2]);
  });
});
