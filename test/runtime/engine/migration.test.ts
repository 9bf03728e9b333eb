import { describe, expect, it } from 'vitest';
import { createMigration } from '../../../runtime/engine/index.js';
import { asCitizen, BSN, fixture, freshEnv, user } from './setup.js';

const household = { huishouden: 'samen', aanslagnummer: 'A-1' };
const money = { inkomen: 1850, vermogen: 100, heeftAuto: false, iban: 'NL91ABNA0417164300' };

describe('migration of active cases to a later version', () => {
  it('a dry run reports exactly the movable cases; moved cases continue on the new version with a verifying audit chain; a case whose step is gone stays', async () => {
    const env = await freshEnv({ fixtures: ['toeslag'] });
    const { engine, store } = env;
    const atForm = await engine.startCase('toeslag', BSN, asCitizen());
    const atMoney = await engine.send(
      (await engine.startCase('toeslag', BSN, asCitizen())).id,
      { type: 'submit', data: household },
      { actor: asCitizen() },
    );
    const atReview = await engine.send(
      (
        await engine.send(
          (await engine.startCase('toeslag', BSN, asCitizen())).id,
          { type: 'submit', data: household },
          { actor: asCitizen() },
        )
      ).id,
      { type: 'submit', data: money },
      { actor: asCitizen() },
    );
    const ended = await engine.send(
      (await engine.startCase('toeslag', BSN, asCitizen())).id,
      { type: 'withdraw' },
      { actor: asCitizen() },
    );

    // Version 2: the first form is split off under another id; the money step gets a new field.
    const v2 = fixture('toeslag');
    v2.steps.gezin = { ...v2.steps.huishouden, title: 'Uw gezin' };
    delete v2.steps.huishouden;
    v2.start = 'gezin';
    v2.steps.geldzaken.fields.push({ id: 'kinderen', label: 'Aantal kinderen', type: 'number' });
    expect((await env.processes.saveDraft('toeslag', v2, 't')).problems).toEqual([]);
    await env.processes.publish('toeslag', 't');

    const migration = createMigration(env);
    const plan = await migration.plan('toeslag', 1, 2);
    expect(plan.movable.map((m) => m.caseId).sort()).toEqual([atMoney.id, atReview.id].sort());
    expect(plan.blocked).toEqual([
      {
        caseId: atForm.id,
        reference: atForm.reference,
        step: 'huishouden',
        reason: "step 'huishouden' does not exist in the new version (map it to a step that does)",
      },
    ]);
    expect((await store.cases.get(atMoney.id))!.version).toBe(1); // a dry run changes nothing

    const result = await migration.migrate('toeslag', 1, 2, {}, 'user:dina');
    expect(result.moved).toBe(2);
    const moved = (await store.cases.get(atMoney.id))!;
    expect(moved).toMatchObject({ version: 2, step: 'geldzaken', status: 'active' });
    // It continues on version 2: the new field is asked and stored.
    const next = await engine.send(
      moved.id,
      { type: 'submit', data: { ...money, kinderen: 2 } },
      { actor: asCitizen() },
    );
    expect(next.step).toBe('beoordeling');
    expect((next.snapshot as any).context.data).toMatchObject({ kinderen: 2, huishouden: 'samen' });
    // The handoff's open task is still there and completes on version 2.
    const task = (await store.tasks.list({ caseId: atReview.id }))[0];
    expect(
      (await engine.completeTask(task.id, 'toekennen', {}, { actor: 'user:ann', userId: (await user(env, 'ann')).id }))
        .outcome,
    ).toBe('granted');
    expect((await store.cases.audit(atMoney.id)).filter((e) => e.type === 'case.migrated').map((e) => e.data)).toEqual([
      { from: 1, to: 2, step: 'geldzaken' },
    ]);
    expect(await store.cases.verifyAudit()).toMatchObject({ ok: true });
    // Not moved: the case whose step is gone, and the ended one.
    expect((await store.cases.get(atForm.id))!.version).toBe(1);
    expect((await store.cases.get(ended.id))!.version).toBe(1);

    // With a mapping the designer moves it too.
    const mapped = await migration.migrate('toeslag', 1, 2, { huishouden: 'gezin' }, 'user:dina');
    expect(mapped.moved).toBe(1);
    expect(await store.cases.get(atForm.id)).toMatchObject({ version: 2, step: 'gezin' });
    expect((await engine.send(atForm.id, { type: 'submit', data: household }, { actor: asCitizen() })).step).toBe(
      'geldzaken',
    );
    expect(await store.cases.verifyAudit()).toMatchObject({ ok: true });
  });
});
