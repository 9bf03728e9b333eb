/**
 * What would have changed the outcome: alternatives derived from the rules'
 * and tables' boundaries, verified by deciding again, on the purpose-made
 * processes of test/fixtures/counterfactual/.
 */
import { describe, expect, it } from 'vitest';
import {
  checkDefinition,
  counterfactualOf,
  fieldsById,
  reasoningOf,
  type Process,
} from '../../../runtime/model/index.js';
import { fixtureProcess, type CounterfactualFixture } from '../../helpers/fixtures.js';

function load(name: CounterfactualFixture): Process {
  const { process, problems } = checkDefinition(fixtureProcess(name));
  expect(problems).toEqual([]);
  return process!;
}

const explain = (name: CounterfactualFixture, rule: number | 'otherwise', data: Record<string, unknown>) => {
  const process = load(name);
  return counterfactualOf(process, 'toets', rule, data, fieldsById(process));
};

describe('counterfactuals on a number threshold', () => {
  it('gives the boundary that would have granted a refused case', () => {
    const cf = explain('cf-inkomen', 'otherwise', { inkomen: 1850 });
    expect(cf?.computable).toBe(true);
    expect(cf?.alternatives).toEqual([
      { outcome: 'toegekend', changes: [{ field: 'inkomen', from: 1850, to: 1400, op: '<=' }] },
    ]);
    expect(cf?.nl).toBe(
      'Als ‘Inkomen per maand’ € 1.400,00 of minder (nu: € 1.850,00) was geweest, dan was de uitkomst: Toeslag toegekend.',
    );
    expect(cf?.en).toBe(
      'Had ‘Income a month’ been € 1.400,00 or less (now: € 1.850,00), the outcome would have been: Allowance granted.',
    );
  });

  it('and the one that would have refused a granted case (a strict bound on money)', () => {
    const cf = explain('cf-inkomen', 0, { inkomen: 1200 });
    expect(cf?.alternatives).toEqual([
      { outcome: 'afgewezen', changes: [{ field: 'inkomen', from: 1200, to: 1400, op: '>' }] },
    ]);
    expect(cf?.nl).toContain('meer dan € 1.400,00 (nu: € 1.200,00)');
  });
});

describe('counterfactuals on dates', () => {
  it('gives the boundary dates of both rules (text and FEEL dates)', () => {
    const cf = explain('cf-leeftijd', 'otherwise', { geboortedatum: '2010-05-01' });
    expect(cf?.alternatives).toEqual([
      { outcome: 'senior', changes: [{ field: 'geboortedatum', from: '2010-05-01', to: '1960-01-01', op: '<' }] },
      { outcome: 'toegekend', changes: [{ field: 'geboortedatum', from: '2010-05-01', to: '2008-06-30', op: '<=' }] },
    ]);
    expect(cf?.nl).toContain('‘Geboortedatum’ vóór 1 januari 1960 (nu: 1 mei 2010)');
    expect(cf?.nl).toContain('‘Geboortedatum’ op of vóór 30 juni 2008 (nu: 1 mei 2010)');
    expect(cf?.en).toContain('‘Date of birth’ been on or before 30 June 2008 (now: 1 May 2010)');
  });

  it('from the middle rule: later for the one, earlier for the other', () => {
    const cf = explain('cf-leeftijd', 1, { geboortedatum: '1980-03-15' });
    expect(cf?.alternatives.map((a) => [a.outcome, a.changes[0].op, a.changes[0].to])).toEqual([
      ['senior', '<', '1960-01-01'],
      ['afgewezen', '>', '2008-06-30'],
    ]);
    expect(cf?.nl).toContain('na 30 juni 2008');
  });
});

describe('counterfactuals on a choice', () => {
  it('names the option that would have led elsewhere, by its label', () => {
    const cf = explain('cf-woonsituatie', 'otherwise', { woonsituatie: 'koop' });
    expect(cf?.alternatives).toEqual([
      { outcome: 'toegekend', changes: [{ field: 'woonsituatie', from: 'koop', to: 'huur', op: '=' }] },
    ]);
    expect(cf?.nl).toBe(
      'Als ‘Hoe woont u?’ In een huurhuis (nu: In een koophuis) was geweest, dan was de uitkomst: Toeslag toegekend.',
    );
  });

  it('and the one outside the list for the other way', () => {
    const cf = explain('cf-woonsituatie', 0, { woonsituatie: 'huur' });
    expect(cf?.alternatives).toEqual([
      { outcome: 'afgewezen', changes: [{ field: 'woonsituatie', from: 'huur', to: 'koop', op: '=' }] },
    ]);
  });
});

describe('counterfactuals on combined conditions', () => {
  it('gives the set of changes an and-condition needs', () => {
    const cf = explain('cf-combinatie', 'otherwise', { inkomen: 1600, vermogen: 4000, heeftAuto: false });
    expect(cf?.alternatives).toEqual([
      {
        outcome: 'toegekend',
        changes: [
          { field: 'inkomen', from: 1600, to: 1400, op: '<=' },
          { field: 'vermogen', from: 4000, to: 2500, op: '<=' },
        ],
      },
    ]);
    expect(cf?.nl).toBe(
      'Als ‘Inkomen per maand’ € 1.400,00 of minder (nu: € 1.600,00) en ‘Spaargeld’ € 2.500,00 of minder (nu: € 4.000,00) waren geweest, dan was de uitkomst: Toeslag toegekend.',
    );
  });

  it('prefers a single field when one is enough', () => {
    const cf = explain('cf-combinatie', 'otherwise', { inkomen: 1200, vermogen: 4000, heeftAuto: false });
    expect(cf?.alternatives).toEqual([
      { outcome: 'toegekend', changes: [{ field: 'vermogen', from: 4000, to: 2500, op: '<=' }] },
    ]);
  });

  it('also lifts a rule that would still hold first (the car), verified by deciding again', () => {
    const cf = explain('cf-combinatie', 0, { inkomen: 1600, vermogen: 100, heeftAuto: true, autoWaarde: 5000 });
    const income = { field: 'inkomen', from: 1600, to: 1400, op: '<=' };
    expect(cf?.alternatives).toEqual([
      { outcome: 'toegekend', changes: [income, { field: 'heeftAuto', from: true, to: false, op: '=' }] },
      { outcome: 'toegekend', changes: [income, { field: 'autoWaarde', from: 5000, to: 3000, op: '<=' }] },
    ]);
    expect(cf?.nl).toContain(
      'Als ‘Inkomen per maand’ € 1.400,00 of minder (nu: € 1.600,00) en ‘Heeft u een auto?’ Nee (nu: Ja) waren geweest',
    );
  });

  it('a granted case: what the other rule would have needed (a yes/no and an amount)', () => {
    const cf = explain('cf-combinatie', 1, { inkomen: 1000, vermogen: 100, heeftAuto: false });
    expect(cf?.alternatives[0].outcome).toBe('afgewezen');
    expect(cf?.alternatives[0].changes).toHaveLength(1);
    expect(cf?.alternatives[0].changes[0]).toEqual({ field: 'inkomen', from: 1000, to: 1400, op: '>' });
  });
});

describe('counterfactuals on a decision table', () => {
  it('reads the unary tests per column, ranges included: each smallest change', () => {
    const cf = explain('cf-tabel', 'otherwise', { inkomen: 1700, kinderen: 1 });
    expect(cf?.alternatives).toEqual([
      { outcome: 'toegekend', changes: [{ field: 'inkomen', from: 1700, to: 1400, op: '<=' }] },
      { outcome: 'toegekend', changes: [{ field: 'kinderen', from: 1, to: 2, op: '>=' }] },
    ]);
    expect(cf?.nl).toContain('‘Aantal kinderen’ 2 of meer (nu: 1) was geweest');
  });

  it('a row that needs two columns changed is not the smallest when one column is enough', () => {
    const cf = explain('cf-tabel', 'otherwise', { inkomen: 1900, kinderen: 1 });
    expect(cf?.alternatives).toEqual([
      { outcome: 'toegekend', changes: [{ field: 'inkomen', from: 1900, to: 1400, op: '<=' }] },
    ]);
  });

  it('from the range row: out of the range, or too few children', () => {
    const cf = explain('cf-tabel', 1, { inkomen: 1500, kinderen: 3 });
    expect(cf?.alternatives).toEqual([
      { outcome: 'afgewezen', changes: [{ field: 'inkomen', from: 1500, to: 1800, op: '>' }] },
      { outcome: 'afgewezen', changes: [{ field: 'kinderen', from: 3, to: 2, op: '<' }] },
    ]);
    // A bound is told as it is: "less than 2" holds for any number, "1 or less" only for whole ones.
    expect(cf?.en).toContain('‘Number of children’ been less than 2 (now: 3)');
  });
});

/** A fixture with other rules (and an extra end), checked like the files. */
function variant(rules: { when: string; goto: string }[]): Process {
  const def = fixtureProcess('cf-combinatie');
  def.steps.toets.rules = rules.map((r) => ({ ...r, because: { nl: 'Omdat.', en: 'Because.' } }));
  def.steps.anders = { ...def.steps.afgewezen, title: { nl: 'Anders', en: 'Other' }, outcome: 'other' };
  def.steps.toets.otherwise.goto = 'anders';
  const { process, problems } = checkDefinition(def);
  expect(problems).toEqual([]);
  return process!;
}

describe('counterfactuals on or, not and what cannot be read', () => {
  it('an or: each side is an alternative, and leaving it takes both', () => {
    const process = variant([
      { when: 'inkomen <= 1400 or vermogen <= 100', goto: 'toegekend' },
      { when: 'not(heeftAuto)', goto: 'afgewezen' },
    ]);
    const fields = fieldsById(process);
    const refused = counterfactualOf(process, 'toets', 1, { inkomen: 1600, vermogen: 4000, heeftAuto: false }, fields);
    expect(refused?.alternatives).toEqual([
      { outcome: 'toegekend', changes: [{ field: 'inkomen', from: 1600, to: 1400, op: '<=' }] },
      { outcome: 'toegekend', changes: [{ field: 'vermogen', from: 4000, to: 100, op: '<=' }] },
      { outcome: 'anders', changes: [{ field: 'heeftAuto', from: false, to: true, op: '=' }] },
    ]);
    const granted = counterfactualOf(process, 'toets', 0, { inkomen: 1000, vermogen: 50, heeftAuto: true }, fields);
    expect(granted?.alternatives).toEqual([
      {
        outcome: 'afgewezen',
        changes: expect.arrayContaining([expect.objectContaining({ field: 'inkomen', op: '>' })]),
      },
      {
        outcome: 'anders',
        changes: [
          { field: 'inkomen', from: 1000, to: 1400, op: '>' },
          { field: 'vermogen', from: 50, to: 100, op: '>' },
        ],
      },
    ]);
  });

  it('gives what it can, and says that other outcomes could not be calculated', () => {
    const process = variant([
      { when: 'sum([inkomen, vermogen]) > 10000', goto: 'afgewezen' },
      { when: 'inkomen <= 1400', goto: 'toegekend' },
    ]);
    const cf = counterfactualOf(process, 'toets', 'otherwise', { inkomen: 1600, vermogen: 100 }, fieldsById(process));
    expect(cf?.computable).toBe(true);
    expect(cf?.alternatives).toEqual([
      { outcome: 'toegekend', changes: [{ field: 'inkomen', from: 1600, to: 1400, op: '<=' }] },
    ]);
    expect(cf?.nl).toMatch(
      / Of andere antwoorden tot nog een andere uitkomst hadden geleid, kunnen wij niet berekenen\.$/,
    );
  });

  it('reads a comparison of two fields as one changing while the other stays', () => {
    const process = variant([
      { when: 'inkomen > vermogen', goto: 'afgewezen' },
      { when: 'string length(string(inkomen)) > 10', goto: 'toegekend' },
    ]);
    const cf = counterfactualOf(process, 'toets', 'otherwise', { inkomen: 100, vermogen: 200 }, fieldsById(process));
    expect(cf?.alternatives).toEqual([
      { outcome: 'afgewezen', changes: [{ field: 'inkomen', from: 100, to: 200, op: '>' }] },
    ]);
    expect(cf?.nl).toContain('kunnen wij niet berekenen');
  });

  it('does not read an expression on the field side', () => {
    const process = variant([
      { when: '(if heeftAuto then inkomen else 0) > 1400', goto: 'afgewezen' },
      { when: 'string length(string(inkomen)) > 10', goto: 'toegekend' },
    ]);
    const cf = counterfactualOf(process, 'toets', 'otherwise', { inkomen: 100, heeftAuto: true }, fieldsById(process));
    expect(cf).toMatchObject({ computable: false, alternatives: [] });
  });
});

describe('counterfactuals that cannot be computed', () => {
  it('says so for a rule over a function, and guesses nothing', () => {
    const cf = explain('cf-onberekenbaar', 0, { inkomen: 1800, toeslag: 400 });
    expect(cf).toEqual({
      computable: false,
      nl: 'Wij kunnen niet berekenen wat tot een andere uitkomst had geleid.',
      en: 'We cannot calculate what would have led to a different outcome.',
      alternatives: [],
    });
  });

  it('is not given for a decision that went to its onError, nor for a step that is not a decision', () => {
    const process = load('cf-inkomen');
    expect(counterfactualOf(process, 'toets', 'error', { inkomen: 1 }, fieldsById(process))).toBeUndefined();
    expect(counterfactualOf(process, 'gegevens', 0, { inkomen: 1 }, fieldsById(process))).toBeUndefined();
  });
});

describe('how the rules were weighed, in words (for officials)', () => {
  const toeslag = () => checkDefinition(fixtureProcess('toeslag')).process!;
  // A couple with € 1.850 a month: close to their 1.900 norm, so no rule held and an official reviews it.
  const couple = { vermogen: 1000, heeftAuto: true, autoWaarde: 2000, inkomen: 1850, huishouden: 'samen' };

  it('lists each rule tried with its condition in words, the values and the norm that applied, and the otherwise', () => {
    const process = toeslag();
    const r = reasoningOf(process, 'toets', 'otherwise', couple, fieldsById(process), 'nl')!;
    expect(r.rules.map((x) => [x.n, x.held, x.summary])).toEqual([
      [1, false, 'Regel 1 gold niet'],
      [2, false, 'Regel 2 gold niet'],
      [3, false, 'Regel 3 gold niet'],
      [4, false, 'Regel 4 gold niet'],
    ]);
    const words = r.rules.map((x) => x.clauses?.map((c) => c.map((p) => p.text)));
    expect(words[0]).toEqual([
      [expect.stringMatching(/^‘.+’ is € 1\.000,00, de regel vraagt meer dan € 2\.500,00: klopt niet$/)],
    ]);
    // Both parts of rule 2: the car is there (true), its value is not above the limit.
    expect(r.rules[1].clauses![0].map((p) => p.holds)).toEqual([true, false]);
    // The norm for a couple (1.900) plus and minus 100: the numbers that applied, not the formula.
    expect(words[2]![0][0]).toMatch(/is € 1\.850,00, de regel vraagt meer dan € 2\.000,00: klopt niet$/);
    expect(words[3]![0][0]).toMatch(/is € 1\.850,00, de regel vraagt minder dan € 1\.800,00: klopt niet$/);
    expect(r.otherwise).toBe(
      'Geen regel gold, dus: Uw inkomen ligt dicht bij de norm. Een medewerker bekijkt uw aanvraag.',
    );
    // Labels, never field ids.
    expect(JSON.stringify(r)).not.toMatch(/‘(autoWaarde|heeftAuto|inkomen|vermogen)’/);
    expect(JSON.stringify(r)).not.toContain('{{');
  });

  it('stops at the rule that held, says why, and speaks English when asked', () => {
    const process = toeslag();
    const r = reasoningOf(process, 'toets', 1, { ...couple, autoWaarde: 5000 }, fieldsById(process), 'en')!;
    expect(r.rules.map((x) => [x.n, x.held])).toEqual([
      [1, false],
      [2, true],
    ]);
    expect(r.rules[1].summary).toBe('Rule 2 held: Your car is worth more than € 3,000.');
    expect(r.rules[1].clauses![0].every((p) => p.holds)).toBe(true);
    expect(r.rules[1].clauses![0][1].text).toMatch(/, the rule asks for more than € 3[.,]000[.,]00: true$/);
    expect(r.otherwise).toBeNull();
  });

  it('gives nothing for a step that is not a decision', () => {
    const process = toeslag();
    expect(reasoningOf(process, 'huishouden', 0, couple, fieldsById(process), 'nl')).toBeUndefined();
  });
});
