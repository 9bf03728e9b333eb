import { describe, expect, it } from 'vitest';
import { asCitizen, BSN, fixture, freshEnv } from './setup.js';

describe('rules by reference date (peildatum)', () => {
  it('a new case uses the version in force on its reference date, around a 1 January change', async () => {
    const env = await freshEnv({ at: '2026-12-30T10:00:00Z', fixtures: ['toeslag', 'ophalen'] });
    // Next year's norms, published in advance: in force from 1 January 2027.
    const next = fixture('toeslag');
    next.steps.toets.rules[2].when = next.steps.toets.rules[2].when.replace('1900', '1950');
    await env.processes.saveDraft('toeslag', next, 't');
    expect(await env.processes.publish('toeslag', 't', '2027-01-01')).toEqual({
      key: 'toeslag',
      version: 2,
      effectiveFrom: '2027-01-01',
    });

    expect((await env.engine.startCase('toeslag', BSN, asCitizen())).version).toBe(1);
    // 31 December, 23:30 in Amsterdam: still this year's rules.
    env.clock.set('2026-12-31T22:30:00Z');
    expect((await env.engine.startCase('toeslag', BSN, asCitizen())).version).toBe(1);
    // Midnight in Amsterdam (23:00 UTC): next year's.
    env.clock.set('2026-12-31T23:00:00Z');
    expect((await env.engine.startCase('toeslag', BSN, asCitizen())).version).toBe(2);
    // A reference date supplied (a trigger, an official) wins over today.
    expect((await env.engine.startCase('toeslag', BSN, asCitizen(), {}, { referenceDate: '2026-06-01' })).version).toBe(
      1,
    );
    const row = await env.engine.startCase('toeslag', BSN, asCitizen(), {}, { referenceDate: '2027-03-01' });
    expect(row.version).toBe(2);
    expect((await env.store.cases.audit(row.id))[0].data).toMatchObject({ referenceDate: '2027-03-01', version: 2 });
    // Before the first publication: the oldest rules there are.
    expect((await env.engine.startCase('toeslag', BSN, asCitizen(), {}, { referenceDate: '2020-01-01' })).version).toBe(
      1,
    );
    // A process whose only version starts later is not in force yet.
    const future = fixture('ophalen');
    future.key = 'ophalen-2027';
    await env.processes.saveDraft('ophalen-2027', future, 't');
    await env.processes.publish('ophalen-2027', 't', '2027-06-01');
    await expect(env.engine.startCase('ophalen-2027', BSN, asCitizen())).rejects.toThrowError(
      expect.objectContaining({ code: 'not-in-force' }),
    );
  });

  it('without an effective date a new version is in force at once', async () => {
    const env = await freshEnv({ fixtures: ['toeslag', 'ophalen'] });
    await env.processes.saveDraft('ophalen', fixture('ophalen'), 't');
    await env.processes.publish('ophalen', 't');
    expect((await env.engine.startCase('ophalen', BSN, asCitizen())).version).toBe(2);
  });
});
