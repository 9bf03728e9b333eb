import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import {
  caseView,
  createJourneyService,
  createProactive,
  EngineError,
  registerRows,
  scanProgress,
  type ScanProgress,
} from '../../../runtime/engine/index.js';
import { isValidBsn } from '../../../runtime/model/index.js';
import type { Store } from '../../../runtime/store/index.js';
import { asCitizen, BSN, freshEnv, OTHER_BSN } from './setup.js';

/** Valid test BSNs, many: 9 digits passing the elfproef. */
function bsns(n: number): string[] {
  const out: string[] = [];
  for (let i = 100_000_000; out.length < n; i += 7) if (isValidBsn(String(i))) out.push(String(i));
  return out;
}

/** Cases of a process, counted in the database (either store). */
async function caseCount(store: Store, key: string): Promise<number> {
  const row = await store.sql.kysely
    .selectFrom('cases')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('process_key', '=', key)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describe('signals and triggers', () => {
  it('a signal starts exactly one case where a trigger holds, with the facts known and the reason recorded', async () => {
    const env = await freshEnv({ fixtures: ['pas'] });
    const p = createProactive(env);
    const first = await p.signal('inkomen.vastgesteld', BSN, { inkomen: 1200 }, 'signal:inkomen');
    expect(first.started).toEqual([{ process: 'pas', caseId: expect.any(String) }]);
    const row = (await env.store.cases.get(first.started[0].caseId))!;
    expect(row).toMatchObject({ processKey: 'pas', subject: BSN, step: 'aanbod', status: 'active' });
    expect((row.snapshot as any).context.data).toEqual({ inkomen: 1200 });
    const made = (await env.store.cases.audit(row.id)).find((e) => e.type === 'decision.made')!;
    expect(made.data).toMatchObject({
      step: 'trigger',
      inputs: { inkomen: 1200 },
      because: { nl: 'Uw inkomen (€ 1.200,00 per maand) is lager dan € 1.500. Daarom kunt u een Kortingspas krijgen.' },
    });
    // The same signal again: at most one open case per subject and process.
    expect(await p.signal('inkomen.vastgesteld', BSN, { inkomen: 1100 }, 'signal:inkomen')).toMatchObject({
      started: [],
      skipped: [{ process: 'pas', reason: 'already-served' }],
    });
    // Not eligible: nothing starts.
    expect((await p.signal('inkomen.vastgesteld', OTHER_BSN, { inkomen: 2400 }, 'signal:inkomen')).started).toEqual([]);
    expect(await env.store.cases.listBySubject(OTHER_BSN)).toEqual([]);
  });

  it('an offer reads as one: the timeline starts with "Aanbod ontvangen", and it is open until the citizen answers', async () => {
    const env = await freshEnv({ fixtures: ['pas'] });
    const journeys = createJourneyService(env.engine);
    const id = (await createProactive(env).signal('inkomen.vastgesteld', BSN, { inkomen: 1200 }, 'x')).started[0]
      .caseId;
    const row = await env.engine.getCase(id);
    expect((await caseView(env.engine, env.store, row, 'nl')).timeline[0].text).toBe('Aanbod ontvangen');
    expect((await caseView(env.engine, env.store, row, 'en')).timeline[0].text).toBe('Offer received');
    expect(await journeys.offer(row)).toBe('open');
    await env.engine.send(id, { type: 'submit', data: { accepteren: true } }, { actor: asCitizen(), step: 'aanbod' });
    expect(await journeys.offer(await env.engine.getCase(id))).toBe('answered');
    // A case the citizen started is no offer, and its timeline starts with their application.
    const own = await env.engine.startCase('pas', OTHER_BSN, asCitizen(OTHER_BSN));
    expect(await journeys.offer(own)).toBeNull();
    expect((await caseView(env.engine, env.store, own, 'nl')).timeline[0].text).toBe('Aanvraag gestart');
  });

  it('respects an opt-out: the signal is recorded and ignored', async () => {
    const env = await freshEnv({ fixtures: ['pas'] });
    const p = createProactive(env);
    await p.optOut(BSN, 'pas');
    expect(await p.signal('inkomen.vastgesteld', BSN, { inkomen: 900 }, 'x')).toMatchObject({
      started: [],
      skipped: [{ process: 'pas', reason: 'opted-out' }],
    });
    expect(await env.store.cases.listBySubject(BSN)).toEqual([]);
    const logged = await env.store.sql.kysely
      .selectFrom('proactive_log')
      .select('result')
      .where('subject', '=', BSN)
      .execute();
    expect(logged.map((r) => r.result)).toEqual(['opted-out']);
    await p.optIn(BSN, 'pas');
    expect((await p.signal('inkomen.vastgesteld', BSN, { inkomen: 900 }, 'x')).started).toHaveLength(1);
  });

  it('offer mode: the citizen only confirms (granted) or declines', async () => {
    const env = await freshEnv({ fixtures: ['pas'] });
    const p = createProactive(env);
    const yes = (await p.signal('inkomen.vastgesteld', BSN, { inkomen: 900 }, 'x')).started[0].caseId;
    expect(
      (await env.engine.send(yes, { type: 'submit', data: { accepteren: 'ja' } }, { actor: asCitizen() })).outcome,
    ).toBe('granted');
    const no = (await p.signal('inkomen.vastgesteld', OTHER_BSN, { inkomen: 900 }, 'x')).started[0].caseId;
    expect(
      (await env.engine.send(no, { type: 'submit', data: { accepteren: 'nee' } }, { actor: asCitizen() })).outcome,
    ).toBe('declined');
  });

  it('grant mode: the case decides and ends granted on its own, tells the citizen, and an objection opens a task', async () => {
    const env = await freshEnv({ fixtures: ['pas'] });
    const p = createProactive(env);
    const id = (await p.signal('bijstand.toegekend', BSN, {}, 'x')).started[0].caseId;
    const row = (await env.store.cases.get(id))!;
    expect(row).toMatchObject({ status: 'ended', outcome: 'granted' });
    expect((await env.store.cases.messages(id)).map((m) => m.subject.nl)).toEqual([
      'U krijgt de Kortingspas',
      'Kortingspas toegekend',
    ]);
    const objected = await env.engine.send(
      id,
      {
        type: 'person.requested',
        data: {
          question: 'Bezwaar: ik wil de pas niet op dit adres.',
          channel: 'phone',
          reach: '0612345678',
          kind: 'objection',
        },
      },
      { actor: asCitizen() },
    );
    expect(objected.status).toBe('ended');
    expect(await env.store.tasks.list({ caseId: id })).toEqual([
      expect.objectContaining({
        kind: 'contact',
        team: 'klantcontact',
        status: 'open',
        request: expect.objectContaining({ kind: 'objection' }),
      }),
    ]);
  });
});

describe('register scan', () => {
  const csv = (rows: [string, number][]) => Readable.from([`bsn,inkomen\n`, ...rows.map(([b, i]) => `${b},${i}\n`)]);

  it('reports its progress after every batch: rows read of the total, eligible, started, and the time left', async () => {
    const env = await freshEnv({ fixtures: ['pas'] });
    const p = createProactive(env);
    // 450 rows, every 3rd eligible: batches of 200, 200 and 50.
    const rows: [string, number][] = bsns(450).map((b, i) => [b, i % 3 === 0 ? 1000 : 2500]);
    const seen: ScanProgress[] = [];
    const counts = await p.scan('pas', registerRows(csv(rows), 'csv'), {
      dryRun: false,
      actor: 't',
      total: 450,
      onProgress: (x) => seen.push(x),
    });
    expect(seen.map((x) => [x.rows, x.eligible, x.started, x.done])).toEqual([
      [0, 0, 0, false],
      [200, 67, 67, false],
      [400, 134, 134, false],
      [450, 150, 150, false],
      [450, 150, 150, true],
    ]);
    expect(seen.every((x) => x.total === 450)).toBe(true);
    expect(seen[0].leftMs).toBeNull(); // no pace yet
    expect(seen[1].leftMs).toBeGreaterThanOrEqual(0);
    expect(seen.at(-1)!.leftMs).toBe(0);
    expect(counts).toMatchObject({ rows: 450, eligible: 150, started: 150 });
    // Without a total the rows are still counted; the time left is not known.
    const dry: ScanProgress[] = [];
    await p.scan('pas', registerRows(csv(rows), 'csv'), { dryRun: true, actor: 't', onProgress: (x) => dry.push(x) });
    expect(dry.at(-2)).toMatchObject({ rows: 450, total: null, leftMs: null, eligible: 150, started: 0 });
  });

  it('estimates the time left from the pace so far', () => {
    const counts = {
      rows: 100,
      invalid: 0,
      eligible: 10,
      started: 9,
      alreadyServed: 1,
      optedOut: 0,
      notEligible: 90,
      errors: 0,
    };
    expect(scanProgress(counts, 400, 2000, false)).toEqual({
      rows: 100,
      total: 400,
      eligible: 10,
      started: 9,
      elapsedMs: 2000,
      leftMs: 6000,
      done: false,
    });
    expect(scanProgress(counts, undefined, 2000, false).leftMs).toBeNull();
    expect(scanProgress(counts, 400, 2000, true).leftMs).toBe(0);
  });

  it('10,000 rows: exact counts; a dry run counts the same and starts nothing; a re-run starts nothing twice', async () => {
    const env = await freshEnv({ fixtures: ['pas'] });
    const p = createProactive(env);
    const subjects = bsns(10_000);
    // Every 10th is eligible (income 1000); subject 0 already has a case; subject 10 opted out.
    const rows: [string, number][] = subjects.map((b, i) => [b, i % 10 === 0 ? 1000 : 2500]);
    await env.engine.startCase('pas', subjects[0], asCitizen(subjects[0]));
    await p.optOut(subjects[10], 'pas');
    const expected = {
      rows: 10_000,
      invalid: 0,
      eligible: 1000,
      started: 998,
      alreadyServed: 1,
      optedOut: 1,
      notEligible: 9000,
      errors: 0,
    };

    const dry = await p.scan('pas', registerRows(csv(rows), 'csv'), { dryRun: true, actor: 't' });
    expect(dry).toEqual({ ...expected, scan: null });
    expect(await caseCount(env.store, 'pas')).toBe(1);

    const real = await p.scan('pas', registerRows(csv(rows), 'csv'), { dryRun: false, actor: 't' });
    expect(real).toEqual({ ...expected, scan: expect.any(Number) });
    expect(await caseCount(env.store, 'pas')).toBe(999);

    const again = await p.scan('pas', registerRows(csv(rows), 'csv'), { dryRun: false, actor: 't' });
    expect(again).toEqual({ ...expected, started: 0, alreadyServed: 999, scan: expect.any(Number) });
    expect(await caseCount(env.store, 'pas')).toBe(999);

    // Non-take-up: eligible in the last scan, reached, and what became of them.
    const first = await env.store.proactive.startedCases('pas');
    expect(first).toHaveLength(998);
    const some = (
      await env.store.sql.kysely
        .selectFrom('proactive_log')
        .select('case_id')
        .where('result', '=', 'started')
        .orderBy('id')
        .limit(3)
        .execute()
    ).map((r) => r.case_id!);
    await env.engine.send(some[0], { type: 'submit', data: { accepteren: 'ja' } }, { actor: 'citizen' });
    await env.engine.send(some[1], { type: 'submit', data: { accepteren: 'nee' } }, { actor: 'citizen' });
    expect(await p.takeUp('pas')).toMatchObject({
      eligible: 1000,
      reached: 998,
      granted: 1,
      declined: 1,
      optedOut: 1,
      open: 996,
    });
    // 30,000 rows read and 1,000 cases started, each query awaited: more than the default time on a busy machine.
  }, 300_000);

  it('two scans of one process started at once: one runs, the other is refused with a clear conflict', async () => {
    const env = await freshEnv({ fixtures: ['pas'] });
    const p = createProactive(env);
    const rows: [string, number][] = bsns(50).map((b) => [b, 1000]);
    const scan = () => p.scan('pas', registerRows(csv(rows), 'csv'), { dryRun: false, actor: 't' });
    const [a, b] = await Promise.allSettled([scan(), scan()]);
    const done = [a, b].filter((r) => r.status === 'fulfilled');
    const refused = [a, b].filter((r) => r.status === 'rejected');
    expect(done).toHaveLength(1);
    expect(done[0].value).toMatchObject({ rows: 50, started: 50, scan: expect.any(Number) });
    expect(refused).toHaveLength(1);
    const error = refused[0].reason as EngineError;
    expect(error).toBeInstanceOf(EngineError);
    expect({ kind: error.kind, code: error.code }).toEqual({ kind: 'conflict', code: 'scan-running' });
    expect(error.messageIn('nl')).toBe(
      'Er loopt al een scan voor dit proces. Probeer het over een paar minuten opnieuw.',
    );
    // Every subject got one case, and the refused scan left no trace of a scan.
    expect(await caseCount(env.store, 'pas')).toBe(50);
    const scans = await env.store.sql.kysely.selectFrom('scans').select('id').execute();
    expect(scans).toHaveLength(1);
    // The lease is given back: a later scan runs, and starts nothing twice.
    expect(await scan()).toMatchObject({ started: 0, alreadyServed: 50 });
  });

  it('reads JSON Lines, and counts bad rows as invalid', async () => {
    const env = await freshEnv({ fixtures: ['pas'] });
    const p = createProactive(env);
    const [a, b] = bsns(2);
    const input = Readable.from([
      `{"bsn":"${a}","inkomen":900}\n`,
      'not json\n',
      `{"bsn":"123456789","inkomen":900}\n`,
      `{"bsn":"${b}","inkomen":3000}\n`,
      `{"bsn":"${a}","inkomen":900}\n`,
    ]);
    expect(await p.scan('pas', registerRows(input, 'jsonl'), { dryRun: false, actor: 't' })).toMatchObject({
      rows: 5,
      invalid: 3,
      eligible: 1,
      started: 1,
      notEligible: 1,
    });
  });
});

describe('reading register extracts', () => {
  it('JSON Lines: a character split over two chunks stays whole, and CRLF line ends are taken', async () => {
    const bytes = Buffer.from('{"bsn":"999993653","naam":"Zoë"}\r\n{"bsn":"111222333","naam":"Ëlla"}\n');
    const at = bytes.indexOf(Buffer.from('ë')) + 1; // in the middle of the two bytes of "ë"
    const rows: unknown[] = [];
    for await (const row of registerRows(Readable.from([bytes.subarray(0, at), bytes.subarray(at)]), 'jsonl'))
      rows.push(row);
    expect(rows).toEqual([
      { bsn: '999993653', naam: 'Zoë' },
      { bsn: '111222333', naam: 'Ëlla' },
    ]);
  });
});
