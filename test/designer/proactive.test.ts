import { describe, expect, it } from 'vitest';
import { checkFeel, checkUnaryTest } from '../../designer/editor/feel-check.js';
import {
  addTrigger,
  isSignalName,
  moveTrigger,
  removeTrigger,
  triggerProblems,
  updateTrigger,
  withCondition,
  withFacts,
} from '../../designer/properties/triggers.js';
import { exampleFacts, factNames, parseFacts, triggerHolds } from '../../designer/simulate/facts.js';
import { checkDefinition, type Process } from '../../runtime/model/index.js';
import { fixtureProcess, type FixtureName } from '../helpers/fixtures.js';

const load = (name: FixtureName): Process => fixtureProcess(name) as Process;

describe('editing triggers (pure edits, one definition each)', () => {
  it('adds an offer at the start, edits, moves and removes; the last one removed leaves no "triggers" key', () => {
    const base = load('ophalen');
    expect(base.triggers).toBeUndefined();
    const one = addTrigger(base, 'Omdat …');
    expect(one.triggers).toEqual([
      { signal: 'register.gewijzigd', mode: 'offer', start: base.start, because: 'Omdat …' },
    ]);
    expect(base.triggers).toBeUndefined();
    expect(checkDefinition(one).problems).toEqual([]);
    const two = addTrigger(updateTrigger(one, 0, { ...one.triggers![0], mode: 'grant' }), 'Tweede');
    expect(two.triggers!.map((x) => x.mode)).toEqual(['grant', 'offer']);
    expect(moveTrigger(two, 1, 0).triggers!.map((x) => x.because)).toEqual(['Tweede', 'Omdat …']);
    expect(removeTrigger(two, 0).triggers!.map((x) => x.because)).toEqual(['Tweede']);
    expect('triggers' in removeTrigger(one, 0)).toBe(false);
  });

  it('an empty condition is left out (the trigger always holds)', () => {
    const [offer] = load('pas').triggers!;
    expect(withCondition(offer, 'inkomen <= 1600').when).toBe('inkomen <= 1600');
    expect('when' in withCondition(offer, '  ')).toBe(false);
  });

  it('knows signal names as the language does', () => {
    expect(isSignalName('inkomen.vastgesteld')).toBe(true);
    expect(isSignalName('brp.verhuisd-buitenland')).toBe(true);
    expect(isSignalName('Inkomen')).toBe(false);
    expect(isSignalName('inkomen vastgesteld')).toBe(false);
    expect(isSignalName('')).toBe(false);
  });

  it("finds one trigger's problems by their path, less the condition's syntax (its FEEL editor shows that)", () => {
    const def = load('pas');
    const wrongStart = updateTrigger(def, 1, { ...def.triggers![1], start: 'nergens' });
    expect(triggerProblems(checkDefinition(wrongStart).problems, 1).map((p) => p.code)).toEqual(['P010']);
    expect(triggerProblems(checkDefinition(wrongStart).problems, 0)).toEqual([]);
    const badName = updateTrigger(def, 0, { ...def.triggers![0], signal: 'Fout Signaal' });
    expect(triggerProblems(checkDefinition(badName).problems, 0).map((p) => p.code)).toEqual(['P000']);
    const badWhen = updateTrigger(def, 0, withCondition(def.triggers![0], 'inkomen <='));
    expect(checkDefinition(badWhen).problems.map((p) => p.code)).toContain('P009');
    expect(triggerProblems(checkDefinition(badWhen).problems, 0)).toEqual([]);
  });
});

describe('declared facts of a trigger', () => {
  it('a condition reading an undeclared fact is P005 on the trigger; declaring it with a type clears it; none declared leaves no key', () => {
    const base = load('pas');
    const bare = updateTrigger(base, 0, withFacts(base.triggers![0], []));
    expect(bare.triggers![0]).not.toHaveProperty('facts');
    const problems = checkDefinition(bare).problems;
    // The condition and the reason's {{inkomen}} both read it.
    expect(triggerProblems(problems, 0).map((p) => `${p.code} ${p.path}`)).toEqual([
      'P005 triggers.0.when',
      'P013 triggers.0.because',
    ]);
    const declared = updateTrigger(
      bare,
      0,
      withFacts(bare.triggers![0], [{ id: 'inkomen', label: 'Inkomen', type: 'money' }]),
    );
    expect(checkDefinition(declared).problems).toEqual([]);
    // The simulation starts from the declared facts, with values of their types.
    expect(exampleFacts(declared, declared.triggers![0])).toEqual({ inkomen: 0 });
    expect(factNames(declared.triggers![0])).toEqual(['inkomen']);
  });
});

describe('FEEL checks for triggers and table cells', () => {
  it("marks only syntax when names are not to be checked (a signal's data)", () => {
    expect(checkFeel('inkomen <= 1500 and leeftijd >= 18', ['inkomen'])).toMatchObject([
      { code: 'unknown-field', name: 'leeftijd' },
    ]);
    expect(checkFeel('inkomen <= 1500 and leeftijd >= 18', null)).toEqual([]);
    expect(checkFeel('inkomen <=', null)).toMatchObject([{ code: 'syntax', severity: 'error' }]);
  });

  it('checks a unary test of a table cell with the same parser as the run time', () => {
    for (const ok of ['< 21', '>= 3', '[1..5]', '"a","b"', '-', 'not(1, 2)', '']) expect(checkUnaryTest(ok)).toBeNull();
    expect(checkUnaryTest('< ')).toMatchObject({ code: 'syntax', severity: 'error', from: 2 });
    expect(checkUnaryTest('>= 3 3')).toMatchObject({ code: 'syntax' });
    expect(checkUnaryTest('"open')).toMatchObject({ code: 'syntax' });
  });
});

describe('the facts of a simulated proactive start', () => {
  it('reads a JSON object, and says what is wrong otherwise', () => {
    expect(parseFacts('{ "inkomen": 1200 }')).toEqual({ ok: true, facts: { inkomen: 1200 } });
    expect(parseFacts('  ')).toEqual({ ok: true, facts: {} });
    expect(parseFacts('{ inkomen: 1200 }')).toMatchObject({ ok: false, error: 'json' });
    expect(parseFacts('[1]')).toMatchObject({ ok: false, error: 'not-object' });
    expect(parseFacts('12')).toMatchObject({ ok: false, error: 'not-object' });
  });

  it("begins with the names the trigger reads, valued by the process's field of that name", () => {
    const def = load('pas');
    expect(factNames(def.triggers![0])).toEqual(['inkomen']);
    expect(exampleFacts(def, def.triggers![0])).toEqual({ inkomen: 0 });
    expect(exampleFacts(def, def.triggers![1])).toEqual({});
    const other = { ...def.triggers![0], when: 'inkomen < 10 and regio = "noord"', because: 'In {{gemeente}}' };
    expect(exampleFacts(def, other)).toEqual({ inkomen: 0, regio: null, gemeente: null });
  });

  it('says whether the condition holds for the facts (null when it cannot be read)', () => {
    const [offer, grant] = load('pas').triggers!;
    expect(triggerHolds(offer, { inkomen: 1200 })).toBe(true);
    expect(triggerHolds(offer, { inkomen: 2600 })).toBe(false);
    expect(triggerHolds(offer, {})).toBe(false);
    expect(triggerHolds(grant, {})).toBe(true);
    expect(triggerHolds({ ...offer, when: 'inkomen <=' }, {})).toBeNull();
  });
});
