/**
 * Timers are rows: they survive a restart, fire through the ordinary event
 * path, and fire at most once, whichever engine (connection) gets there.
 */
import { describe, expect, it } from 'vitest';
import { createScheduler } from '../../../runtime/engine/index.js';
import { asCitizen, BSN, closeStore, freshEnv, openEnv, rows } from './setup.js';

const report = { soort: 'schade', bedrag: '20', datum: '2026-03-01' };
const timerEvents = (entries: { type: string; data: Record<string, unknown> }[]) =>
  entries.filter((e) => e.type === 'event.received' && e.data.type === 'timer.fired');

describe('durable timers', () => {
  it('fire once after a restart, on a new store and engine over the same file', async () => {
    const first = await freshEnv({ fixtures: ['wachttijd', 'herhaling'] });
    const started = await first.engine.startCase('wachttijd', BSN, asCitizen());
    const waiting = await first.engine.send(started.id, { type: 'submit', data: report }, { actor: asCitizen() });
    expect(waiting.step).toBe('bedenktijd');
    await closeStore(first.store);

    // "Restart" three days and an hour later.
    const second = await openEnv(first.file, '2026-03-05T10:00:00Z');
    expect(await second.engine.getCase(waiting.id)).toMatchObject({ step: 'bedenktijd', rev: waiting.rev });
    expect(await second.engine.fireDueTimers()).toBe(1);
    expect(await second.engine.getCase(waiting.id)).toMatchObject({
      status: 'ended',
      step: 'klaar',
      rev: waiting.rev + 1,
    });
    expect(await second.store.tasks.timersOf(waiting.id)).toEqual([
      { timer: 'bedenktijd', fireAt: '2026-03-05T09:00:00.000Z', firedAt: '2026-03-05T10:00:00.000Z' },
    ]);
    expect(
      (
        (await rows(second.store, `SELECT fired_at FROM timers WHERE case_id = '${waiting.id}'`))[0] as {
          fired_at: string;
        }
      ).fired_at,
    ).toBe('2026-03-05T10:00:00.000Z');

    // Again on the same engine, and on a third engine later on: nothing more.
    expect(await second.engine.fireDueTimers()).toBe(0);
    await closeStore(second.store);
    const third = await openEnv(first.file, '2026-04-01T00:00:00Z');
    expect(await third.engine.fireDueTimers()).toBe(0);
    const row = await third.engine.getCase(waiting.id);
    expect(row).toMatchObject({ status: 'ended', step: 'klaar', rev: waiting.rev + 1 });
    expect(timerEvents(await third.store.cases.audit(waiting.id))).toHaveLength(1);
    expect((await third.store.cases.messages(waiting.id)).map((m) => m.step)).toEqual(['bevestiging', 'klaar']);
    expect(await third.store.cases.verifyAudit()).toMatchObject({ ok: true });
  });

  it('fire once when two engines on two connections both try', async () => {
    const a = await freshEnv({ fixtures: ['wachttijd', 'herhaling'] });
    const started = await a.engine.startCase('wachttijd', BSN, asCitizen());
    await a.engine.send(started.id, { type: 'submit', data: report }, { actor: asCitizen() });
    const b = await openEnv(a.file, '2026-03-06T00:00:00Z');
    a.clock.set('2026-03-06T00:00:00Z');
    expect(await b.engine.fireDueTimers()).toBe(1);
    expect(await a.engine.fireDueTimers()).toBe(0);
    expect(timerEvents(await a.store.cases.audit(started.id))).toHaveLength(1);
  });

  it('the scheduler fires what fell due while the server was down on its first tick', async () => {
    const a = await freshEnv({ fixtures: ['wachttijd', 'herhaling'] });
    const started = await a.engine.startCase('wachttijd', BSN, asCitizen());
    await a.engine.send(started.id, { type: 'submit', data: report }, { actor: asCitizen() });
    await closeStore(a.store);
    const b = await openEnv(a.file, '2026-03-10T00:00:00Z');
    const scheduler = createScheduler(b.engine, 60_000);
    try {
      await scheduler.start();
      expect(await b.engine.getCase(started.id)).toMatchObject({ status: 'ended', step: 'klaar' });
    } finally {
      await scheduler.stop();
    }
  });

  it('a timer that is not due yet survives a restart unfired', async () => {
    const a = await freshEnv({ fixtures: ['wachttijd', 'herhaling'] });
    const started = await a.engine.startCase('wachttijd', BSN, asCitizen());
    await a.engine.send(started.id, { type: 'submit', data: report }, { actor: asCitizen() });
    await closeStore(a.store);
    const b = await openEnv(a.file, '2026-03-04T09:00:00Z');
    expect(await b.engine.fireDueTimers()).toBe(0);
    expect(await b.store.tasks.timersOf(started.id)).toEqual([
      { timer: 'bedenktijd', fireAt: '2026-03-05T09:00:00.000Z', firedAt: null },
    ]);
    b.clock.set('2026-03-05T09:00:00Z');
    expect(await b.engine.fireDueTimers()).toBe(1);
  });

  it('a fired timer never fires again, even when the case is back at its step', async () => {
    const a = await freshEnv({ fixtures: ['wachttijd', 'herhaling'] });
    const row = await a.engine.startCase('herhaling', BSN, asCitizen());
    expect(row.step).toBe('wachten');
    a.clock.set('2026-03-03T09:00:00Z');
    expect(await a.engine.fireDueTimers()).toBe(1);
    const again = await a.engine.send(
      row.id,
      { type: 'submit', data: { opnieuw: 'ja' } },
      { actor: asCitizen(), step: 'nogmaals' },
    );
    expect(again.step).toBe('wachten');
    expect(await a.store.tasks.timersOf(row.id)).toEqual([
      { timer: 'wachten', fireAt: '2026-03-03T09:00:00.000Z', firedAt: '2026-03-03T09:00:00.000Z' },
      { timer: 'wachten', fireAt: '2026-03-04T09:00:00.000Z', firedAt: null },
    ]);
    // The first row is due, but fired: the case keeps waiting for the second.
    expect(await a.engine.fireDueTimers()).toBe(0);
    expect(await a.engine.getCase(row.id)).toMatchObject({ step: 'wachten', rev: again.rev });
    await closeStore(a.store);

    const b = await openEnv(a.file, '2026-03-04T09:00:00Z');
    expect(await b.engine.fireDueTimers()).toBe(1);
    expect(await b.engine.fireDueTimers()).toBe(0);
    expect((await b.engine.getCase(row.id)).step).toBe('nogmaals');
    expect(timerEvents(await b.store.cases.audit(row.id))).toHaveLength(2);
  });
});
