/**
 * The copy-store scenario, for both targets (test/runtime/copy-store.test.ts
 * onto SQLite, test/postgres/copy-store.test.ts onto PostgreSQL): a SQLite
 * store with cases in several states is copied; on the target every table
 * has the same rows, the audit trail verifies, the active cases go on (a
 * citizen's step, an official's task, a timer), new rows get new ids, and a
 * second copy into it is refused.
 */
import { join } from 'node:path';
import { expect } from 'vitest';
import { createEngine, createFakeClock, createProcessService } from '../../runtime/engine/index.js';
import { copyStore, tableCounts, TargetNotEmptyError } from '../../runtime/store/copy.js';
import { openStore, type Store } from '../../runtime/store/index.js';
import { household, money, publishFixtures } from './fixtures.js';

const BSN = '999993653';
const citizen = `citizen:${BSN}`;
const START = '2026-03-02T09:00:00Z';

const services = (store: Store, at: string) => {
  const clock = createFakeClock(at);
  return { store, clock, engine: createEngine({ store, clock }), processes: createProcessService({ store, clock }) };
};

/** A SQLite store in `dir` with cases in several states; what the scenario checks later. */
async function source(dir: string) {
  const store = await openStore(join(dir, 'source.db'));
  const { engine, processes, clock } = services(store, START);
  await publishFixtures(processes, ['toeslag', 'wachttijd', 'ophalen']);
  const ann = await store.accounts.addUser('ann', 'official', ['belastingen'], START);
  await store.accounts.createToken({ userId: ann.id }, START);
  await store.accounts.createToken({ bsn: BSN }, START);

  // Ended: a pickup planned.
  const ended = await engine.startCase('ophalen', BSN, citizen);
  await engine.send(
    ended.id,
    { type: 'submit', data: { postcode: '1234 AB', huisnummer: '1', spullen: ['matras'], ophaaldatum: '2026-03-10' } },
    { actor: citizen },
  );
  // At the citizen's first form.
  const atForm = await engine.startCase('toeslag', BSN, citizen);
  // With an official: a task open for belastingen.
  const atReview = await engine.startCase('toeslag', BSN, citizen);
  await engine.send(atReview.id, { type: 'submit', data: household }, { actor: citizen });
  clock.advance(60_000);
  await engine.send(atReview.id, { type: 'submit', data: money() }, { actor: citizen });
  // Waiting three days, with a timer.
  const waiting = await engine.startCase('wachttijd', BSN, citizen);
  await engine.send(
    waiting.id,
    { type: 'submit', data: { soort: 'schade', bedrag: '20', datum: '2026-03-01' } },
    { actor: citizen },
  );
  expect((await engine.getCase(ended.id)).status).toBe('ended');
  expect((await engine.getCase(atReview.id)).step).toBe('beoordeling');
  expect((await engine.getCase(waiting.id)).step).toBe('bedenktijd');
  return { store, ann, cases: { ended, atForm, atReview, waiting } };
}

/** Runs the scenario from a SQLite store in `dir` into the (new, empty) store at `target`. */
export async function copyScenario(dir: string, target: string) {
  const from = await source(dir);
  const to = await openStore(target);
  try {
    const progress: string[] = [];
    const copied = await copyStore(from.store, to, (p) => {
      if (p.copied === p.total) progress.push(p.table);
    });

    // Every table, row for row.
    const before = await tableCounts(from.store);
    expect(await tableCounts(to)).toEqual(before);
    expect(copied).toEqual(before);
    expect(progress).toHaveLength(Object.keys(before).length);
    for (const table of ['processes', 'versions', 'users', 'tokens', 'cases', 'audit', 'tasks', 'timers', 'messages'])
      expect(before[table], table).toBeGreaterThan(0);
    // The same rows, not only as many: a case as the engine reads it, and its trail.
    const { atReview, waiting, atForm } = from.cases;
    expect(await to.cases.get(atReview.id)).toEqual(await from.store.cases.get(atReview.id));
    expect(await to.cases.audit(waiting.id)).toEqual(await from.store.cases.audit(waiting.id));
    // The audit trail verifies on the target (the check of `npm run omslag -- audit verify`).
    const audit = await to.cases.verifyAudit();
    expect(audit).toEqual(await from.store.cases.verifyAudit());
    expect(audit).toMatchObject({ ok: true });

    // The cases go on there, three days later.
    const { engine, clock } = services(to, '2026-03-05T10:00:00Z');
    const moved = await engine.send(atForm.id, { type: 'submit', data: household }, { actor: citizen });
    expect(moved.step).not.toBe((await from.store.cases.get(atForm.id))!.step);
    expect(moved.rev).toBe(atForm.rev + 1);
    const [task] = await to.tasks.list({ caseId: atReview.id });
    const done = await engine.completeTask(task.id, 'toekennen', {}, { actor: 'user:ann', userId: from.ann.id });
    expect(done.step).not.toBe('beoordeling');
    expect(await engine.fireDueTimers()).toBeGreaterThanOrEqual(1);
    expect(await engine.getCase(waiting.id)).toMatchObject({ status: 'ended', step: 'klaar' });

    // New rows get ids after the copied ones (PostgreSQL's identity sequences were moved on).
    clock.advance(60_000);
    const fresh = await engine.startCase('ophalen', BSN, citizen);
    expect((await to.cases.audit(fresh.id))[0]).toMatchObject({ seq: 1 });
    const bob = await to.accounts.addUser('bob', 'official', ['belastingen'], clock.now().toISOString());
    expect(bob.id).toBeGreaterThan(from.ann.id);
    expect(await to.cases.verifyAudit()).toMatchObject({ ok: true });

    // A second copy into the now non-empty target: refused, nothing changed.
    const now = await tableCounts(to);
    await expect(copyStore(from.store, to)).rejects.toThrow(TargetNotEmptyError);
    await expect(copyStore(from.store, to)).rejects.toThrow(/the target store is not empty \(\d+ processes/);
    expect(await tableCounts(to)).toEqual(now);
  } finally {
    await to.close();
    await from.store.close();
  }
}
