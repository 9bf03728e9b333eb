/**
 * The audit trail is append-only (triggers) and hash-chained per case, so a
 * change made by someone with the file (or the database), who drops the
 * triggers first, still shows. On SQLite and on PostgreSQL.
 */
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { auditHash, GENESIS, type Store } from '../../../runtime/store/index.js';
import {
  asCitizen,
  BSN,
  closeStore,
  freshEnv,
  toeslagAtMoney,
  money,
  openEnv,
  user,
  type Env,
} from '../engine/setup.js';

/** A full toeslag journey with a contact request, a handoff and a rejection, and a second case beside it. */
async function journey(env: Env) {
  const row = await toeslagAtMoney(env);
  await env.engine.send(
    row.id,
    { type: 'person.requested', data: { question: 'Hoe lang duurt het?', channel: 'email', reach: 'jan@example.nl' } },
    { actor: asCitizen() },
  );
  await env.engine.send(row.id, { type: 'submit', data: money() }, { actor: asCitizen() });
  const kees = await user(env, 'kees');
  const ann = await user(env, 'ann');
  const contact = (await env.store.tasks.list({ caseId: row.id })).find((t) => t.kind === 'contact')!;
  await env.engine.completeTask(contact.id, 'answered', { note: 'Gemaild.' }, { actor: 'user:kees', userId: kees.id });
  const handoff = (await env.store.tasks.list({ caseId: row.id })).find((t) => t.kind === 'handoff')!;
  await env.engine.claimTask(handoff.id, ann);
  env.clock.advance(86_400_000);
  const ended = await env.engine.completeTask(
    handoff.id,
    'afwijzen',
    { reden: 'Te veel vermogen.' },
    { actor: 'user:ann', userId: ann.id },
  );
  expect(ended).toMatchObject({ status: 'ended', outcome: 'rejected' });
  const other = await env.engine.startCase('ophalen', BSN, asCitizen());
  return { caseId: row.id, otherId: other.id };
}

const count = async (env: Env) =>
  Number(
    (
      await env.store.sql
        .q()
        .selectFrom('audit')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
/** Runs one statement by hand, as someone with the database would (parameterised). */
const exec = async (store: Store, statement: ReturnType<typeof sql>) => {
  await statement.execute(store.sql.q());
};
/**
 * Drops the trigger that refuses this change, as a forger would. SQLite has
 * one per statement kind; PostgreSQL one for both (audit_no_change).
 */
const dropGuard = (store: Store, kind: 'update' | 'delete') =>
  exec(
    store,
    store.dialect === 'postgres'
      ? sql`DROP TRIGGER audit_no_change ON audit`
      : sql.raw(`DROP TRIGGER audit_no_${kind}`),
  );

describe('audit trail', () => {
  it("chains each case's entries from the genesis hash and verifies after a full journey", async () => {
    const env = await freshEnv({ fixtures: ['toeslag', 'ophalen'] });
    const { caseId } = await journey(env);
    const entries = await env.store.cases.audit(caseId);
    expect(entries.map((e) => e.seq)).toEqual(entries.map((_, i) => i + 1));
    expect(entries[0].prevHash).toBe(GENESIS);
    for (let i = 1; i < entries.length; i++) expect(entries[i].prevHash).toBe(entries[i - 1].hash);
    for (const e of entries)
      expect(e.hash).toBe(auditHash(e.prevHash, e.caseId, e.seq, e.at, e.actor, e.type, JSON.stringify(e.data)));
    expect(entries.map((e) => e.type)).toEqual(
      expect.arrayContaining([
        'case.started',
        'decision.made',
        'task.opened',
        'task.claimed',
        'task.completed',
        'contact.answered',
        'message.queued',
        'case.ended',
      ]),
    );
    expect(await env.store.cases.verifyAudit()).toEqual({ ok: true, entries: await count(env) });
  });

  it('refuses UPDATE and DELETE while its triggers are in place', async () => {
    const env = await freshEnv({ fixtures: ['toeslag', 'ophalen'] });
    const { caseId } = await journey(env);
    const before = await env.store.cases.audit(caseId);
    await expect(
      exec(env.store, sql`UPDATE audit SET data = '{}' WHERE case_id = ${caseId} AND seq = 3`),
    ).rejects.toThrow(/append-only/);
    await expect(exec(env.store, sql`DELETE FROM audit WHERE case_id = ${caseId} AND seq = 3`)).rejects.toThrow(
      /append-only/,
    );
    await expect(exec(env.store, sql`DELETE FROM audit`)).rejects.toThrow(/append-only/);
    expect(await env.store.cases.audit(caseId)).toEqual(before);
    expect(await env.store.cases.verifyAudit()).toMatchObject({ ok: true });
  });

  it("reports the case and entry whose content was changed behind the triggers' back", async () => {
    const env = await freshEnv({ fixtures: ['toeslag', 'ophalen'] });
    const { caseId } = await journey(env);
    await dropGuard(env.store, 'update');
    const decision = (await env.store.cases.audit(caseId)).find((e) => e.type === 'decision.made')!;
    const forged = JSON.stringify({ ...decision.data, rule: 3, because: { nl: 'Toegekend.', en: 'Granted.' } });
    await exec(env.store, sql`UPDATE audit SET data = ${forged} WHERE case_id = ${caseId} AND seq = ${decision.seq}`);
    expect(await env.store.cases.verifyAudit()).toEqual({
      ok: false,
      caseId,
      seq: decision.seq,
      reason: 'content does not match its hash',
    });
  });

  it('notices a forged entry whose own hash was recomputed: the next entry no longer follows it', async () => {
    const env = await freshEnv({ fixtures: ['toeslag', 'ophalen'] });
    const { caseId } = await journey(env);
    await dropGuard(env.store, 'update');
    const target = (await env.store.cases.audit(caseId))[4];
    const data = JSON.stringify({ ...target.data, forged: true });
    const hash = auditHash(target.prevHash, caseId, target.seq, target.at, target.actor, target.type, data);
    await exec(
      env.store,
      sql`UPDATE audit SET data = ${data}, hash = ${hash} WHERE case_id = ${caseId} AND seq = ${target.seq}`,
    );
    expect(await env.store.cases.verifyAudit()).toEqual({
      ok: false,
      caseId,
      seq: target.seq + 1,
      reason: 'does not follow the previous entry',
    });
  });

  it('notices a deleted entry', async () => {
    const env = await freshEnv({ fixtures: ['toeslag', 'ophalen'] });
    const { caseId } = await journey(env);
    await dropGuard(env.store, 'delete');
    await exec(env.store, sql`DELETE FROM audit WHERE case_id = ${caseId} AND seq = 3`);
    expect(await env.store.cases.verifyAudit()).toEqual({ ok: false, caseId, seq: 3, reason: 'entry missing' });
  });

  it('notices a changed actor or time, not only data', async () => {
    const env = await freshEnv({ fixtures: ['toeslag', 'ophalen'] });
    const { otherId } = await journey(env);
    await dropGuard(env.store, 'update');
    await exec(env.store, sql`UPDATE audit SET actor = 'user:ann' WHERE case_id = ${otherId} AND seq = 1`);
    expect(await env.store.cases.verifyAudit()).toEqual({
      ok: false,
      caseId: otherId,
      seq: 1,
      reason: 'content does not match its hash',
    });
  });

  it('verifies a trail longer than one page of its walk, and finds a gap on a later page', async () => {
    const env = await freshEnv({ fixtures: ['toeslag', 'ophalen'] });
    const { caseId } = await journey(env);
    // verifyAudit reads 1,000 entries at a time: 2,500 more spread the chains over three pages.
    await env.store.transaction(async () => {
      for (let i = 0; i < 2500; i++) await env.store.cases.appendAudit(caseId, `n${i}`, 'test', 'filler', { i });
    });
    expect(await env.store.cases.verifyAudit()).toEqual({ ok: true, entries: await count(env) });
    await dropGuard(env.store, 'delete');
    await exec(env.store, sql`DELETE FROM audit WHERE case_id = ${caseId} AND seq = 2222`);
    expect(await env.store.cases.verifyAudit()).toEqual({ ok: false, caseId, seq: 2222, reason: 'entry missing' });
  });

  it('keeps its chain across connections and restarts', async () => {
    const env = await freshEnv({ fixtures: ['toeslag', 'ophalen'] });
    const row = await toeslagAtMoney(env);
    await closeStore(env.store);
    const again = await openEnv(env.file, '2026-03-03T09:00:00Z');
    await again.engine.send(row.id, { type: 'submit', data: money() }, { actor: asCitizen() });
    const entries = await again.store.cases.audit(row.id);
    for (let i = 1; i < entries.length; i++) expect(entries[i].prevHash).toBe(entries[i - 1].hash);
    expect(await again.store.cases.verifyAudit()).toMatchObject({ ok: true });
  });
});
