import { sql } from 'kysely';
import { describe, expect, test } from 'vitest';
import { createEngine } from '../../../runtime/engine/index.js';
import { createLetterService, sha256, startLetterWorker } from '../../../runtime/letters/index.js';
import {
  asCitizen,
  boomTrigger,
  freshEnv,
  money,
  toeslagAtMoney,
  toeslagAtReview,
  user,
  type Env,
} from '../engine/setup.js';
import { holds, LEGAL_BASIS, OBJECTION_TO, pdfText, publishToeslagWithLetter } from './support.js';

const style = { name: 'Gemeente Voorbeeld', contact: { phone: '14 020' }, letter: { colour: '#00689e' } };
const REASON = 'Uw vaste lasten zijn niet hoger dan bij andere huishoudens.';

async function env(): Promise<Env> {
  const e = await freshEnv();
  await publishToeslagWithLetter(e.processes);
  return e;
}
const lettersOf = (e: Env) => createLetterService({ store: e.store, engine: e.engine, clock: e.clock, style });
const issuedEntries = async (e: Env, caseId: string) =>
  (await e.store.cases.audit(caseId)).filter((a) => a.type === 'letter.issued');

/** A toeslag case an official rejected with a reason. */
async function rejectedByOfficial(e: Env) {
  const row = await toeslagAtReview(e);
  const [task] = await e.store.tasks.list({ caseId: row.id });
  const ann = await user(e, 'ann');
  return e.engine.completeTask(task.id, 'afwijzen', { reden: REASON }, { actor: 'user:ann', userId: ann.id });
}

describe('the decision letter', () => {
  test('a case an official rejected: the PDF holds the reference, decision, both reasons, legal basis and objection clause; its hash is in the audit trail', async () => {
    const e = await env();
    const ended = await rejectedByOfficial(e);
    expect(ended).toMatchObject({ status: 'ended', outcome: 'rejected' });
    // Written in the commit that ended the case, before any worker ran.
    expect(await e.store.letters.get(ended.id)).toMatchObject({ status: 'pending', attempts: 0 });
    expect(await lettersOf(e).runOnce()).toEqual({ issued: 1, failed: 0 });

    const stored = (await e.store.letters.issued(ended.id))!;
    expect(stored).toMatchObject({ status: 'issued', lang: 'nl' });
    const text = await pdfText(stored.pdf);
    expect(text).toContain(`Zaaknummer: ${ended.reference}`);
    expect(text).toContain('Datum: 2 maart 2026');
    expect(text).toContain('Toeslag afgewezen'); // the decision: the end's title
    expect(text).toContain('De automatische toets');
    expect(text).toContain('Uw inkomen ligt dicht bij de norm. Een medewerker bekijkt uw aanvraag.');
    expect(text).toContain('De beoordeling door een medewerker');
    expect(text).toContain('besloten: Afwijzen.');
    expect(text).toContain(REASON);
    expect(text).toContain(LEGAL_BASIS.nl);
    expect(text).toContain('bezwaar maken. Dat moet binnen zes weken na de datum van deze brief');
    expect(holds(text, `Stuur uw bezwaar naar: ${OBJECTION_TO}`)).toBe(true);
    expect(text).toContain('Gemeente Voorbeeld');

    const [entry, ...more] = await issuedEntries(e, ended.id);
    expect(more).toEqual([]);
    expect(entry.actor).toBe('system:letters');
    expect(entry.data).toEqual({ hash: sha256(stored.pdf), bytes: stored.pdf.length, lang: 'nl' });
    expect(stored.hash).toBe(entry.data.hash);
    expect((await e.store.cases.verifyAudit()).ok).toBe(true);
    // A second round finds nothing to do.
    expect(await lettersOf(e).runOnce()).toEqual({ issued: 0, failed: 0 });
  });

  test('an automated rejection of a case answered in English: an English letter with the rule’s reason', async () => {
    const e = await env();
    const row = await toeslagAtMoney(e);
    const ended = await e.engine.send(
      row.id,
      { type: 'submit', data: money({ vermogen: '5000' }) },
      { actor: asCitizen(), lang: 'en' },
    );
    expect(ended).toMatchObject({ status: 'ended', outcome: 'rejected' });
    const letter = (await lettersOf(e).forCase(ended))!;
    expect(letter.lang).toBe('en');
    expect(letter.filename).toBe(`decision-${ended.reference}.pdf`);
    const text = await pdfText(letter.pdf);
    expect(text).toContain(`Case reference: ${ended.reference}`);
    expect(text).toContain('Date: 2 March 2026');
    expect(text).toContain('Allowance rejected');
    expect(text).toContain('The automated check');
    // The rule's reason as the engine recorded it in English.
    expect(text).toContain(
      'Your savings and possessions (€ 5.000,00) are above € 2,500, so you are able to pay the tax.',
    );
    expect(text).not.toContain('The review by an official');
    expect(text).toContain(LEGAL_BASIS.en);
    expect(text).toContain('within six weeks of the date of this letter');
    expect(holds(text, `Send your objection to: ${OBJECTION_TO}`)).toBe(true);
    const [entry] = await issuedEntries(e, ended.id);
    expect(entry.data.hash).toBe(sha256(letter.pdf));
  });

  test('without a letter setting, the theme says where objections go, and the legal basis is asked for', async () => {
    const e = await freshEnv({ fixtures: ['toeslag'] });
    const ended = await rejectedByOfficial(e);
    const letters = createLetterService({
      store: e.store,
      engine: e.engine,
      clock: e.clock,
      style: { name: 'Gemeente Elders', letter: { objectionTo: 'Postbus 9, 9999 ZZ Elders' } },
    });
    const text = await pdfText((await letters.forCase(ended))!.pdf);
    expect(text).toContain('Stuur uw bezwaar naar: Postbus 9, 9999 ZZ Elders');
    expect(text).toContain('Wilt u weten op welke regels dit besluit is gebaseerd?');
    expect(text).toContain('Neem contact met ons op. Noem dan uw zaaknummer.');
    // And with no theme setting either: the organisation's executive.
    const plain = createLetterService({ store: e.store, engine: e.engine, clock: e.clock });
    await e.store.sql.q().deleteFrom('letters').execute();
    expect(await pdfText((await plain.forCase(ended))!.pdf)).toContain(
      'Stuur uw bezwaar naar: het college van burgemeester en wethouders van Gemeente Voorbeeld',
    );
  });

  test('a case that ended before letters existed gets its letter on first request, once', async () => {
    const e = await env();
    const ended = await rejectedByOfficial(e);
    // As a database migrated to version 18 finds it: the case ended, no letter row.
    await sql`DELETE FROM letters`.execute(e.store.sql.q());
    const letters = lettersOf(e);
    const first = (await letters.forCase(ended))!;
    const again = (await letters.forCase(ended))!;
    expect(again.hash).toBe(first.hash);
    expect(Buffer.compare(again.pdf, first.pdf)).toBe(0);
    expect(await issuedEntries(e, ended.id)).toHaveLength(1);
  });

  test('two nodes making the same letter at once: one letter, one audit entry', async () => {
    const e = await env();
    const ended = await rejectedByOfficial(e);
    const [a, b] = await Promise.all([lettersOf(e).forCase(ended), lettersOf(e).forCase(ended)]);
    expect(a!.hash).toBe(b!.hash);
    const entries = await issuedEntries(e, ended.id);
    expect(entries).toHaveLength(1);
    expect(entries[0].data.hash).toBe(a!.hash);
  });

  test('a case that has not ended has no letter, and none is owed', async () => {
    const e = await env();
    const row = await toeslagAtReview(e);
    expect(await lettersOf(e).forCase(row)).toBeUndefined();
    expect(await e.store.letters.get(row.id)).toBeUndefined();
  });

  test('the pending letter is part of the commit that ends the case: if it cannot be written, the case does not end', async () => {
    const e = await env();
    const row = await toeslagAtReview(e);
    const [task] = await e.store.tasks.list({ caseId: row.id });
    const ann = await user(e, 'ann');
    const remove = await boomTrigger(e.store, 'letters');
    await expect(
      e.engine.completeTask(task.id, 'afwijzen', { reden: REASON }, { actor: 'user:ann', userId: ann.id }),
    ).rejects.toThrow(/boom/);
    expect(await e.store.cases.get(row.id)).toMatchObject({ status: 'active', step: 'beoordeling' });
    expect((await e.store.cases.audit(row.id)).map((a) => a.type)).not.toContain('case.ended');
    await remove();
    const ended = await e.engine.completeTask(
      task.id,
      'afwijzen',
      { reden: REASON },
      {
        actor: 'user:ann',
        userId: ann.id,
      },
    );
    expect(ended.status).toBe('ended');
    expect(await e.store.letters.get(row.id)).toMatchObject({ status: 'pending' });
  });

  test('the worker renders pending letters under its lease and stops cleanly', async () => {
    const e = await env();
    const ended = await rejectedByOfficial(e);
    const worker = startLetterWorker(lettersOf(e), { store: e.store, nodeId: 'node-a' }, { everyMs: 60_000 });
    await worker.runNow();
    await worker.stop();
    expect(await e.store.letters.get(ended.id)).toMatchObject({ status: 'issued' });
    // Another node holding the lease: this node's round does nothing.
    const other = await rejectedByOfficial(e);
    await e.store.locks.acquire('letters', 'node-b', new Date(), 60_000);
    const blocked = startLetterWorker(lettersOf(e), { store: e.store, nodeId: 'node-a' }, { everyMs: 60_000 });
    await blocked.runNow();
    await blocked.stop();
    expect(await e.store.letters.get(other.id)).toMatchObject({ status: 'pending' });
    // The lease free again: a batch of one that was all issued is followed by another in the same round.
    await e.store.locks.release('letters', 'node-b');
    const third = await rejectedByOfficial(e);
    const small = startLetterWorker(lettersOf(e), { store: e.store, nodeId: 'node-a' }, { everyMs: 60_000, batch: 1 });
    await small.runNow();
    await small.stop();
    expect(await e.store.letters.get(other.id)).toMatchObject({ status: 'issued' });
    expect(await e.store.letters.get(third.id)).toMatchObject({ status: 'issued' });
  });

  test('a letter that cannot be made is counted with its reason, and left alone after five tries', async () => {
    const e = await env();
    const ended = await rejectedByOfficial(e);
    // A version a fresh engine cannot load (its stored definition broken): rendering fails.
    await sql`UPDATE versions SET definition = ${'{"broken": true}'}`.execute(e.store.sql.q());
    const letters = createLetterService({ store: e.store, engine: createEngine(e), clock: e.clock, style });
    for (let i = 0; i < 5; i++) expect(await letters.runOnce()).toEqual({ issued: 0, failed: 1 });
    expect(await letters.runOnce()).toEqual({ issued: 0, failed: 0 });
    const row = (await e.store.letters.get(ended.id))!;
    expect(row).toMatchObject({ status: 'pending', attempts: 5 });
    expect(row.lastError).toBeTruthy();
  });
});
