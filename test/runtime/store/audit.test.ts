/**
 * The audit trail is append-only (triggers) and hash-chained per case, so a
 * change made by someone with the file, who drops the triggers first, still shows.
 */
import { describe, expect, it } from 'vitest';
import { auditHash, GENESIS } from '../../../runtime/store/index.js';
import { asCitizen, BSN, freshEnv, toeslagAtMoney, money, openEnv, user, type Env } from '../engine/setup.js';

/** A full toeslag journey with a contact request, a handoff and a rejection, and a second case beside it. */
function journey(env: Env) {
  const row = toeslagAtMoney(env);
  env.engine.send(
    row.id,
    { type: 'person.requested', data: { question: 'Hoe lang duurt het?', channel: 'email', reach: 'jan@example.nl' } },
    { actor: asCitizen() },
  );
  env.engine.send(row.id, { type: 'submit', data: money() }, { actor: asCitizen() });
  const kees = user(env, 'kees');
  const ann = user(env, 'ann');
  const contact = env.store.tasks.list({ caseId: row.id }).find((t) => t.kind === 'contact')!;
  env.engine.completeTask(contact.id, 'answered', { note: 'Gemaild.' }, { actor: 'user:kees', userId: kees.id });
  const handoff = env.store.tasks.list({ caseId: row.id }).find((t) => t.kind === 'handoff')!;
  env.engine.claimTask(handoff.id, ann);
  env.clock.advance(86_400_000);
  const ended = env.engine.completeTask(
    handoff.id,
    'afwijzen',
    { reden: 'Te veel vermogen.' },
    { actor: 'user:ann', userId: ann.id },
  );
  expect(ended).toMatchObject({ status: 'ended', outcome: 'rejected' });
  const other = env.engine.startCase('ophalen', BSN, asCitizen());
  return { caseId: row.id, otherId: other.id };
}

const count = (env: Env) => env.store.db.prepare('SELECT COUNT(*) FROM audit').pluck().get() as number;

describe('audit trail', () => {
  it("chains each case's entries from the genesis hash and verifies after a full journey", () => {
    const env = freshEnv({ fixtures: ['toeslag', 'ophalen'] });
    const { caseId } = journey(env);
    const entries = env.store.cases.audit(caseId);
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
    expect(env.store.cases.verifyAudit()).toEqual({ ok: true, entries: count(env) });
  });

  it('refuses UPDATE and DELETE while its triggers are in place', () => {
    const env = freshEnv({ fixtures: ['toeslag', 'ophalen'] });
    const { caseId } = journey(env);
    const before = env.store.cases.audit(caseId);
    expect(() =>
      env.store.db.prepare("UPDATE audit SET data = '{}' WHERE case_id = ? AND seq = 3").run(caseId),
    ).toThrow(/append-only/);
    expect(() => env.store.db.prepare('DELETE FROM audit WHERE case_id = ? AND seq = 3').run(caseId)).toThrow(
      /append-only/,
    );
    expect(() => env.store.db.prepare('DELETE FROM audit').run()).toThrow(/append-only/);
    expect(env.store.cases.audit(caseId)).toEqual(before);
    expect(env.store.cases.verifyAudit()).toMatchObject({ ok: true });
  });

  it("reports the case and entry whose content was changed behind the triggers' back", () => {
    const env = freshEnv({ fixtures: ['toeslag', 'ophalen'] });
    const { caseId } = journey(env);
    env.store.db.exec('DROP TRIGGER audit_no_update');
    const decision = env.store.cases.audit(caseId).find((e) => e.type === 'decision.made')!;
    const forged = JSON.stringify({ ...decision.data, rule: 3, because: { nl: 'Toegekend.', en: 'Granted.' } });
    env.store.db.prepare('UPDATE audit SET data = ? WHERE case_id = ? AND seq = ?').run(forged, caseId, decision.seq);
    expect(env.store.cases.verifyAudit()).toEqual({
      ok: false,
      caseId,
      seq: decision.seq,
      reason: 'content does not match its hash',
    });
  });

  it('notices a forged entry whose own hash was recomputed: the next entry no longer follows it', () => {
    const env = freshEnv({ fixtures: ['toeslag', 'ophalen'] });
    const { caseId } = journey(env);
    env.store.db.exec('DROP TRIGGER audit_no_update');
    const target = env.store.cases.audit(caseId)[4];
    const data = JSON.stringify({ ...target.data, forged: true });
    const hash = auditHash(target.prevHash, caseId, target.seq, target.at, target.actor, target.type, data);
    env.store.db
      .prepare('UPDATE audit SET data = ?, hash = ? WHERE case_id = ? AND seq = ?')
      .run(data, hash, caseId, target.seq);
    expect(env.store.cases.verifyAudit()).toEqual({
      ok: false,
      caseId,
      seq: target.seq + 1,
      reason: 'does not follow the previous entry',
    });
  });

  it('notices a deleted entry', () => {
    const env = freshEnv({ fixtures: ['toeslag', 'ophalen'] });
    const { caseId } = journey(env);
    env.store.db.exec('DROP TRIGGER audit_no_delete');
    env.store.db.prepare('DELETE FROM audit WHERE case_id = ? AND seq = 3').run(caseId);
    expect(env.store.cases.verifyAudit()).toEqual({ ok: false, caseId, seq: 3, reason: 'entry missing' });
  });

  it('notices a changed actor or time, not only data', () => {
    const env = freshEnv({ fixtures: ['toeslag', 'ophalen'] });
    const { otherId } = journey(env);
    env.store.db.exec('DROP TRIGGER audit_no_update');
    env.store.db.prepare("UPDATE audit SET actor = 'user:ann' WHERE case_id = ? AND seq = 1").run(otherId);
    expect(env.store.cases.verifyAudit()).toEqual({
      ok: false,
      caseId: otherId,
      seq: 1,
      reason: 'content does not match its hash',
    });
  });

  it('keeps its chain across connections and restarts', () => {
    const env = freshEnv({ fixtures: ['toeslag', 'ophalen'] });
    const row = toeslagAtMoney(env);
    env.store.close();
    const again = openEnv(env.file, '2026-03-03T09:00:00Z');
    again.engine.send(row.id, { type: 'submit', data: money() }, { actor: asCitizen() });
    const entries = again.store.cases.audit(row.id);
    for (let i = 1; i < entries.length; i++) expect(entries[i].prevHash).toBe(entries[i - 1].hash);
    expect(again.store.cases.verifyAudit()).toMatchObject({ ok: true });
  });
});
