/**
 * Reasons cannot be skipped (runtime/model/negative.ts): whether an
 * official's outcome is negative follows from where it leads, and such an
 * outcome without a required free-text reason is P023.
 */
import { describe, expect, it } from 'vitest';
import { checkDefinition, isNegativeOutcome, type Process } from '../../../runtime/model/index.js';
import { fixtureProcess } from '../../helpers/fixtures.js';

type Def = Record<string, any>;
const toeslag = (change: (d: Def) => void): Def => {
  const d = fixtureProcess('toeslag') as Def;
  change(d);
  return d;
};
const p023 = (d: Def) =>
  checkDefinition(d)
    .problems.filter((p) => p.code === 'P023')
    .map((p) => `${p.node}:${p.path}`);
const afwijzen = (d: Def) => d.steps.beoordeling.outcomes[1];

describe('negative outcomes by where they lead', () => {
  it('an outcome straight to a rejected end without a reason field is P023, with or without the flag', () => {
    expect(p023(toeslag(() => {}))).toEqual([]);
    const bare = toeslag((d) => {
      delete afwijzen(d).negative;
      delete afwijzen(d).fields;
    });
    expect(p023(bare)).toEqual(['beoordeling:outcomes.afwijzen']);
    // The reason field is there but not required, or asked only sometimes: no reason for certain.
    expect(p023(toeslag((d) => (afwijzen(d).fields[0].required = false)))).toEqual(['beoordeling:outcomes.afwijzen']);
    expect(p023(toeslag((d) => (afwijzen(d).fields[0].showIf = 'true')))).toEqual(['beoordeling:outcomes.afwijzen']);
    // A number is not a reason a citizen reads.
    expect(p023(toeslag((d) => (afwijzen(d).fields[0].type = 'number')))).toEqual(['beoordeling:outcomes.afwijzen']);
  });

  it('follows automatic steps to the end, and an end the designer marks negative counts', () => {
    // toekennen goes through a message step to a granted end: not negative...
    expect(p023(toeslag(() => {}))).toEqual([]);
    // ...until that end is marked negative, or is a rejection.
    expect(p023(toeslag((d) => (d.steps.toegekend.negative = true)))).toEqual(['beoordeling:outcomes.toekennen']);
    expect(p023(toeslag((d) => (d.steps.toegekend.outcome = 'rejected')))).toEqual(['beoordeling:outcomes.toekennen']);
    // An end under another word is not negative unless marked.
    expect(p023(toeslag((d) => (d.steps.toegekend.outcome = 'stopped')))).toEqual([]);
  });

  it('stops where someone else decides: past a form the citizen fills, the refusal is not this outcome', () => {
    const viaForm = toeslag((d) => {
      delete afwijzen(d).negative;
      delete afwijzen(d).fields;
      afwijzen(d).goto = 'geldzaken';
    });
    expect(p023(viaForm)).toEqual([]);
    const process = checkDefinition(viaForm).process as Process;
    expect(isNegativeOutcome(process, { goto: 'geldzaken' })).toBe(false);
    expect(isNegativeOutcome(process, { goto: 'afgewezen' })).toBe(true);
    expect(isNegativeOutcome(process, { goto: 'toekenning' })).toBe(false);
    expect(isNegativeOutcome(process, { goto: 'toekenning', negative: true })).toBe(true);
  });
});
