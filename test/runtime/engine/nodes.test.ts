/**
 * Several nodes on one store: a timer fires exactly once whichever node
 * claims it (a lease that ran out is taken over, and the node that lost it
 * fires nothing), the scheduler never overlaps its ticks and gives its claims
 * back when it stops, a migration runs on one node at a time, and two nodes
 * importing the examples (or publishing one process) at once publish each version once.
 */
import { describe, expect, it, vi } from 'vitest';
import { createMigration, createScheduler, importProcesses } from '../../../runtime/engine/index.js';
import { onPostgres } from '../../helpers/test-store.js';
import { asCitizen, BSN, EXAMPLES, engineError, fixture, freshEnv, openEnv, rows } from './setup.js';

const report = { soort: 'schade', bedrag: '20', datum: '2026-03-01' };
const timerFired = async (env: { store: { cases: { audit(id: string): Promise<any[]> } } }, id: string) =>
  (await env.store.cases.audit(id)).filter((e) => e.type === 'event.received' && e.data.type === 'timer.fired');

describe('timers on several nodes', () => {
  it('a claimed timer waits for its lease; a lease that ran out is taken over and the timer fires once', async () => {
    const a = await freshEnv({ fixtures: ['wachttijd'] });
    const started = await a.engine.startCase('wachttijd', BSN, asCitizen());
    await a.engine.send(started.id, { type: 'submit', data: report }, { actor: asCitizen() });
    const b = await openEnv(a.file, '2026-03-06T00:00:00Z');
    a.clock.set('2026-03-06T00:00:00Z');

    // Node A claims the due timer and then stops answering (it died mid-tick).
    const claimedByA = await a.store.tasks.claimDue('node-a', a.clock.now().toISOString(), 30_000);
    expect(claimedByA).toHaveLength(1);
    expect(await b.engine.fireDueTimers('node-b', 30_000)).toBe(0);

    // Once A's lease ran out, B takes the timer over and fires it.
    b.clock.advance(30_001);
    expect(await b.engine.fireDueTimers('node-b', 30_000)).toBe(1);
    expect(await b.engine.getCase(started.id)).toMatchObject({ status: 'ended', step: 'klaar' });

    // A comes back with its stale claim: markFired refuses it, nothing fires twice.
    a.store.tasks.claimDue = async () => claimedByA;
    expect(await a.engine.fireDueTimers('node-a', 30_000)).toBe(0);
    expect(await timerFired(a, started.id)).toHaveLength(1);
    expect(await a.store.cases.verifyAudit()).toMatchObject({ ok: true });
  });

  it('a tick never overlaps the previous one, and stop() waits for it and releases the node claims', async () => {
    const env = await freshEnv({ fixtures: ['wachttijd'] });
    const started = await env.engine.startCase('wachttijd', BSN, asCitizen());
    await env.engine.send(started.id, { type: 'submit', data: report }, { actor: asCitizen() });
    env.clock.set('2026-03-06T00:00:00Z');
    const fire = vi.spyOn(env.engine, 'fireDueTimers');
    const scheduler = createScheduler(env.engine, 60_000, 'node-1');
    const [one, two] = [scheduler.tick(), scheduler.tick()];
    expect(two).toBe(one);
    expect(await one).toBe(1);
    expect(fire).toHaveBeenCalledTimes(1);
    expect(fire).toHaveBeenCalledWith('node-1', 30_000);

    // A claim this node still holds (not fired) is given back on stop.
    await env.engine.send(
      (await env.engine.startCase('wachttijd', BSN, asCitizen())).id,
      { type: 'submit', data: report },
      { actor: asCitizen() },
    );
    env.clock.set('2026-03-10T00:00:00Z');
    expect(await env.store.tasks.claimDue('node-1', env.clock.now().toISOString(), 30_000)).toHaveLength(1);
    await scheduler.stop();
    expect(await rows(env.store, "SELECT id FROM timers WHERE claimed_by = 'node-1' AND fired_at IS NULL")).toEqual([]);
  });
});

describe('migration and import on several nodes', () => {
  it('a migration of a process runs on one node at a time: another node is refused while it runs', async () => {
    const env = await freshEnv({ fixtures: ['toeslag'] });
    const row = await env.engine.startCase('toeslag', BSN, asCitizen());
    const v2 = fixture('toeslag');
    v2.title = 'Toeslag 2';
    await env.processes.saveDraft('toeslag', v2, 'designer');
    await env.processes.publish('toeslag', 'designer');
    const migration = createMigration({ ...env, node: 'node-a' });

    // Another node holds the lock of this process's migration (leases run on the real clock).
    expect(await env.store.locks.acquire('migrate:toeslag', 'node-b', new Date(), 60_000)).toBe(true);
    await engineError(() => migration.migrate('toeslag', 1, 2, {}, 'user:admin'), 'conflict', 'migration-running');
    expect(await env.engine.getCase(row.id)).toMatchObject({ version: 1 });

    await env.store.locks.release('migrate:toeslag', 'node-b');
    expect(await migration.migrate('toeslag', 1, 2, {}, 'user:admin')).toMatchObject({ moved: 1 });
    // A second run moves nothing twice.
    expect(await migration.migrate('toeslag', 1, 2, {}, 'user:admin')).toMatchObject({ moved: 0 });
    expect(await env.engine.getCase(row.id)).toMatchObject({ version: 2 });
  });

  it('two nodes importing the examples at once publish each process once', async () => {
    const a = await freshEnv({ publish: false });
    const b = await openEnv(a.file);
    const [first, second] = await Promise.all([
      importProcesses(EXAMPLES, a.store, a.processes, 'node-a', { holder: 'node-a', onlyNew: true }),
      importProcesses(EXAMPLES, b.store, b.processes, 'node-b', { holder: 'node-b', onlyNew: true }),
    ]);
    const published = [...first, ...second].filter((r) => !r.unchanged && !r.problems.length);
    expect(published.map((r) => r.key).sort()).toEqual(first.map((r) => r.key).sort());
    expect(new Set(published.map((r) => r.key)).size).toBe(published.length);
    const versions = await rows(a.store, 'SELECT key, version FROM versions ORDER BY key, version');
    expect(versions).toEqual(first.map((r) => ({ key: r.key, version: 1 })).sort((x, y) => (x.key < y.key ? -1 : 1)));
  });

  it('two nodes publishing one process at once get the next two version numbers, neither fails', async () => {
    const a = await freshEnv({ fixtures: ['toeslag'] });
    // SQLite is one node: its one connection serialises the publishes. (Two connections to one file in one process
    // would block the event loop in busy_timeout while the other's transaction waits for it.) PostgreSQL: two nodes.
    const b = onPostgres() ? await openEnv(a.file) : a;
    const results = await Promise.all([
      a.processes.publish('toeslag', 'node-a'),
      b.processes.publish('toeslag', 'node-b'),
      a.processes.publish('toeslag', 'node-a'),
    ]);
    expect(results.map((r) => r.version).sort()).toEqual([2, 3, 4]);
    expect(await rows(a.store, "SELECT version FROM versions WHERE key = 'toeslag' ORDER BY version")).toEqual([
      { version: 1 },
      { version: 2 },
      { version: 3 },
      { version: 4 },
    ]);
  });
});
