/**
 * The store on PostgreSQL with several nodes on one database (the
 * `postgres` project only): each "node" here is its own store, so its own
 * pool of connections, as in separate processes. Shown: concurrent
 * transactions keep one case's audit chain intact, two nodes never claim
 * the same timer, an expired lease passes to another node, a node hands its
 * leases back, a timer fires once, and a schema newer than the code is refused.
 */
import { tmpdir } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore, SchemaTooNewError, type Store } from '../../runtime/store/index.js';
import { postgresMigrations } from '../../runtime/store/postgres.js';
import { onPostgres, testStoreTarget } from '../helpers/test-store.js';

const opened: Store[] = [];
afterEach(async () => {
  for (const store of opened.splice(0)) await store.close();
});

/** Two nodes on one fresh database. */
async function twoNodes(): Promise<{ a: Store; b: Store; target: string }> {
  const target = await testStoreTarget(tmpdir());
  const a = await openStore(target);
  const b = await openStore(target);
  opened.push(a, b);
  return { a, b, target };
}

const AT = '2026-03-02T09:00:00.000Z';

/** A published process and a case of it, written as rows (no engine needed here). */
async function aCase(store: Store, id = 'case-1'): Promise<string> {
  const q = store.sql.q();
  await q
    .insertInto('processes')
    .values({ key: 'p', draft: '{}', created_at: AT, updated_at: AT, updated_by: null })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  await q
    .insertInto('versions')
    .values({
      key: 'p',
      version: 1,
      definition: '{}',
      machine: '{}',
      published_at: AT,
      published_by: null,
      effective_from: null,
    })
    .onConflict((oc) => oc.columns(['key', 'version']).doNothing())
    .execute();
  await store.cases.insert({
    id,
    reference: `REF-${id}`,
    processKey: 'p',
    version: 1,
    subject: '999993653',
    status: 'active',
    step: 'a',
    outcome: null,
    snapshot: {},
    createdAt: AT,
  });
  return id;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the store on PostgreSQL, several nodes', () => {
  it('runs on PostgreSQL', () => {
    expect(onPostgres()).toBe(true);
  });

  it('keeps one intact audit chain when transactions on two nodes append to one case at once', async () => {
    const { a, b } = await twoNodes();
    const caseId = await aCase(a);
    const perNode = 12;
    const entriesPerTransaction = 3;
    // Each transaction reads the last entry, waits a moment (as a move does its work), and appends three.
    const move = (node: Store, name: string, i: number) =>
      node.transaction(async () => {
        for (let k = 0; k < entriesPerTransaction; k++) {
          await node.cases.appendAudit(caseId, AT, `node:${name}`, 'test.appended', { i, k });
          await pause(k === 0 ? 5 : 1);
        }
      });
    await Promise.all([
      ...Array.from({ length: perNode }, (_, i) => move(a, 'a', i)),
      ...Array.from({ length: perNode }, (_, i) => move(b, 'b', i)),
    ]);
    const entries = await a.cases.audit(caseId);
    const total = 2 * perNode * entriesPerTransaction;
    expect(entries.map((e) => e.seq)).toEqual(Array.from({ length: total }, (_, i) => i + 1));
    // One transaction's entries follow each other: no other transaction came between them.
    for (let i = 0; i < total; i += entriesPerTransaction) {
      const group = entries.slice(i, i + entriesPerTransaction);
      expect(new Set(group.map((e) => `${e.actor}/${e.data.i}`)).size).toBe(1);
      expect(group.map((e) => e.data.k)).toEqual([0, 1, 2]);
    }
    expect(await b.cases.verifyAudit()).toEqual({ ok: true, entries: total });
  });

  it('keeps the chain intact when single appends outside a transaction race', async () => {
    const { a, b } = await twoNodes();
    const caseId = await aCase(a);
    await Promise.all(
      Array.from({ length: 40 }, (_, i) => (i % 2 ? a : b).cases.appendAudit(caseId, AT, 'x', 'test.single', { i })),
    );
    const entries = await a.cases.audit(caseId);
    expect(entries.map((e) => e.seq)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect(await a.cases.verifyAudit()).toEqual({ ok: true, entries: 40 });
  });

  it('takes the case lock again after a rolled-back savepoint gave it up', async () => {
    const { a, b } = await twoNodes();
    const caseId = await aCase(a);
    let rolledBack!: () => void;
    const savepointDone = new Promise<void>((resolve) => (rolledBack = resolve));
    let bHolds!: () => void;
    const bLocked = new Promise<void>((resolve) => (bHolds = resolve));
    const first = a.transaction(async () => {
      // The savepoint locks the case and is rolled back: so is its lock.
      await a
        .transaction(async () => {
          await a.cases.appendAudit(caseId, AT, 'node:a', 'test.inner', {});
          throw new Error('inner');
        })
        .catch(() => undefined);
      rolledBack();
      // node-b now appends and holds the lock a while; node-a's next append must wait for it.
      await bLocked;
      await a.cases.appendAudit(caseId, AT, 'node:a', 'test.after', {});
    });
    const second = (async () => {
      await savepointDone;
      await b.transaction(async () => {
        await b.cases.appendAudit(caseId, AT, 'node:b', 'test.between', {});
        bHolds();
        await pause(50);
      });
    })();
    await Promise.all([first, second]);
    expect((await a.cases.audit(caseId)).map((e) => [e.seq, e.type])).toEqual([
      [1, 'test.between'],
      [2, 'test.after'],
    ]);
    expect(await a.cases.verifyAudit()).toEqual({ ok: true, entries: 2 });
  });

  it('never gives the same timer to two nodes claiming at once', async () => {
    const { a, b } = await twoNodes();
    const caseId = await aCase(a);
    const count = 300;
    await a.transaction(async () => {
      for (let i = 0; i < count; i++)
        await a.tasks.setTimer(caseId, `t${i}`, new Date(Date.parse(AT) - (count - i) * 1000).toISOString());
    });
    const claimedBy = new Map<number, string[]>();
    // Four claimers per node, each claiming 10 at a time until nothing is left.
    const claimer = async (node: Store, name: string) => {
      for (;;) {
        const got = await node.tasks.claimDue(name, AT, 60_000, 10);
        if (!got.length) return;
        for (const t of got) claimedBy.set(t.id, [...(claimedBy.get(t.id) ?? []), name]);
      }
    };
    await Promise.all([
      ...[1, 2, 3, 4].map((i) => claimer(a, `a${i}`)),
      ...[1, 2, 3, 4].map((i) => claimer(b, `b${i}`)),
    ]);
    expect(claimedBy.size).toBe(count);
    const twice = [...claimedBy].filter(([, by]) => by.length > 1);
    expect(twice).toEqual([]);
    // Both nodes got work.
    const nodes = new Set([...claimedBy.values()].map(([by]) => by[0]));
    expect(nodes).toEqual(new Set(['a', 'b']));
    // Every claim is in the table as it was handed out.
    const rows = await a.sql.q().selectFrom('timers').select(['id', 'claimed_by', 'claimed_until']).execute();
    for (const r of rows) {
      expect(r.claimed_by).toBe(claimedBy.get(r.id)![0]);
      expect(r.claimed_until).toBe(new Date(Date.parse(AT) + 60_000).toISOString());
    }
  });

  it('passes an expired lease to another node, and fires each timer once', async () => {
    const { a, b } = await twoNodes();
    const caseId = await aCase(a);
    await a.tasks.setTimer(caseId, 'x', '2026-03-02T08:00:00.000Z');
    await a.tasks.setTimer(caseId, 'y', '2026-03-02T08:30:00.000Z');
    const [x, y] = await a.tasks.claimDue('node-a', AT, 30_000);
    expect([x.timer, y.timer]).toEqual(['x', 'y']);
    // node-a holds both: node-b gets nothing until the lease runs out.
    expect(await b.tasks.claimDue('node-b', '2026-03-02T09:00:29.999Z', 30_000)).toEqual([]);
    // node-a fires x, then dies; after its lease, node-b takes over y only.
    expect(await a.tasks.markFired(x.id, AT)).toBe(true);
    const later = '2026-03-02T09:00:30.000Z';
    const taken = await b.tasks.claimDue('node-b', later, 30_000);
    expect(taken).toEqual([y]);
    // Both nodes try to fire y at once (node-a came back late): it fires once.
    const fired = await Promise.all([a.tasks.markFired(y.id, later), b.tasks.markFired(y.id, later)]);
    expect(fired.filter(Boolean)).toHaveLength(1);
    expect(await b.tasks.claimDue('node-b', '2026-03-03T00:00:00.000Z', 30_000)).toEqual([]);
  });

  it('hands a stopping node’s leases back: another node claims them at once', async () => {
    const { a, b } = await twoNodes();
    const caseId = await aCase(a);
    for (const t of ['p', 'q', 'r']) await a.tasks.setTimer(caseId, t, '2026-03-02T08:00:00.000Z');
    const held = await a.tasks.claimDue('node-a', AT, 600_000);
    expect(held).toHaveLength(3);
    await a.tasks.markFired(held[0].id, AT);
    expect(await b.tasks.claimDue('node-b', AT, 600_000)).toEqual([]);
    // The fired one stays as it is; the two unfired ones go back.
    expect(await a.tasks.releaseClaims('node-a')).toBe(2);
    const taken = await b.tasks.claimDue('node-b', AT, 600_000);
    expect(taken.map((t) => t.id)).toEqual(held.slice(1).map((t) => t.id));
    expect(await a.tasks.releaseClaims('node-a')).toBe(0);
  });

  it('refuses a database whose migrations are newer than the code', async () => {
    const { a, target } = await twoNodes();
    const latest = Math.max(...postgresMigrations.map((m) => m.version));
    expect(await a.sql.schema()).toEqual({ current: latest, latest });
    await a.sql
      .q()
      .insertInto('migrations')
      .values({ version: latest + 1, name: 'from a newer Omslag', applied_at: new Date().toISOString() })
      .execute();
    // A node still running sees it: not ready.
    expect(await a.ready()).toMatchObject({ ok: false, schema: { current: latest + 1, latest } });
    const refused = await openStore(target).then(
      (store) => {
        opened.push(store);
        return undefined;
      },
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(SchemaTooNewError);
    expect(refused).toMatchObject({ current: latest + 1, known: latest });
    await expect(openStore(target, { migrate: false })).rejects.toBeInstanceOf(SchemaTooNewError);
    // Nothing was applied or undone.
    const versions = await a.sql.q().selectFrom('migrations').select('version').orderBy('version').execute();
    expect(versions.map((v) => v.version)).toEqual([...postgresMigrations.map((m) => m.version), latest + 1]);
  });
});
