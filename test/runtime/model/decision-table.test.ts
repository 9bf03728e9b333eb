import { describe, expect, it } from 'vitest';
import {
  checkDefinition,
  matchingRows,
  overlappingRows,
  type DecisionTable,
  type Process,
} from '../../../runtime/model/index.js';
import { fixtureProcess } from '../../helpers/fixtures.js';
import { asCitizen, BSN, freshEnv } from '../engine/setup.js';

const tabeltoets = fixtureProcess('tabeltoets') as Process;

/** A small process around one decision table. */
function withTable(table: DecisionTable, extra: Record<string, unknown> = {}): Process {
  return {
    key: 'tabel',
    title: 'Tabel',
    start: 'vraag',
    contact: { team: 'kcc' },
    steps: {
      vraag: {
        kind: 'form',
        title: 'Vraag',
        fields: [
          { id: 'a', label: 'A', type: 'number', required: true },
          { id: 'b', label: 'B', type: 'text' },
        ],
        next: 'toets',
      },
      toets: {
        kind: 'decision',
        title: 'Toets',
        rules: [],
        table,
        otherwise: { goto: 'mens', because: 'Anders.' },
        onError: 'mens',
        ...extra,
      },
      mens: {
        kind: 'handoff',
        title: 'Mens',
        team: 't',
        due: 'P1D',
        outcomes: [
          { id: 'ja', label: 'Ja', goto: 'ja' },
          {
            id: 'nee',
            label: 'Nee',
            goto: 'nee',
            fields: [{ id: 'reden', label: 'Reden', type: 'textarea', required: true }],
          },
        ],
      },
      ja: { kind: 'end', title: 'Ja', outcome: 'granted', message: 'Ja.' },
      nee: { kind: 'end', title: 'Nee', outcome: 'rejected', message: 'Nee.' },
    },
  } as unknown as Process;
}
const inputs = [
  { id: 'waarde', label: 'Waarde', expr: 'a * 10' },
  { id: 'soort', label: 'Soort', expr: 'b' },
];

describe('decision tables', () => {
  it('FIRST: the first matching row wins, also when later rows match too', async () => {
    const params = {
      inputs,
      rows: [
        ['< 50', '-'],
        ['< 100', '-'],
        ['-', '"x"'],
      ],
    };
    expect(matchingRows(params, { a: 3, b: 'x' })).toEqual([0, 1, 2]);
    const env = await freshEnv({ publish: false });
    const def = withTable({
      hitPolicy: 'FIRST',
      inputs,
      rows: [
        { tests: ['< 50', '-'], goto: 'ja', because: 'Klein: {{waarde}}.' },
        { tests: ['< 100', '-'], goto: 'nee', because: 'Middel.' },
      ],
    });
    expect(checkDefinition(def).problems).toEqual([]);
    await env.processes.saveDraft('tabel', def, 't');
    await env.processes.publish('tabel', 't');
    const c = await env.engine.startCase('tabel', BSN, asCitizen());
    const done = await env.engine.send(c.id, { type: 'submit', data: { a: 3 } }, { actor: asCitizen() });
    expect(done.outcome).toBe('granted');
    const made = (await env.store.cases.audit(c.id)).find((e) => e.type === 'decision.made')!.data;
    expect(made).toMatchObject({
      step: 'toets',
      rule: 0,
      inputs: { waarde: 30, soort: null },
      because: { nl: 'Klein: 30.' },
    });
  });

  it('UNIQUE: exactly one row decides; a run-time overlap is a recorded error that hands the case to a person', async () => {
    const env = await freshEnv({ publish: false });
    // `not("y")` cannot be decided statically, so the overlap shows at run time.
    const def = withTable({
      hitPolicy: 'UNIQUE',
      inputs,
      rows: [
        { tests: ['< 50', '-'], goto: 'ja', because: 'Klein.' },
        { tests: ['-', 'not("y")'], goto: 'nee', because: 'Geen y.' },
      ],
    });
    expect(checkDefinition(def).problems).toEqual([]);
    await env.processes.saveDraft('tabel', def, 't');
    await env.processes.publish('tabel', 't');
    const one = await env.engine.startCase('tabel', BSN, asCitizen());
    expect(
      (await env.engine.send(one.id, { type: 'submit', data: { a: 3, b: 'y' } }, { actor: asCitizen() })).outcome,
    ).toBe('granted');
    const two = await env.engine.startCase('tabel', BSN, asCitizen());
    const moved = await env.engine.send(two.id, { type: 'submit', data: { a: 3, b: 'x' } }, { actor: asCitizen() });
    expect(moved.step).toBe('mens');
    expect(await env.store.tasks.list({ caseId: two.id })).toHaveLength(1);
    expect((await env.store.cases.audit(two.id)).find((e) => e.type === 'decision.made')!.data).toMatchObject({
      rule: 'error',
      error: 'more than one row matches (UNIQUE)',
      inputs: { waarde: 30, soort: 'x' },
    });
    const none = await env.engine.startCase('tabel', BSN, asCitizen());
    // No row matches: otherwise (here, also to a person).
    expect(
      (await env.engine.send(none.id, { type: 'submit', data: { a: 9, b: 'y' } }, { actor: asCitizen() })).step,
    ).toBe('mens');
    expect((await env.store.cases.audit(none.id)).find((e) => e.type === 'decision.made')!.data).toMatchObject({
      rule: 'otherwise',
      inputs: { waarde: 90, soort: 'y' },
    });
  });

  it('catches overlapping numeric ranges statically (P026), and not disjoint ones', () => {
    const table = (rows: string[][]): DecisionTable => ({
      hitPolicy: 'UNIQUE',
      inputs,
      rows: rows.map((tests) => ({ tests, goto: 'ja', because: 'x' })),
    });
    expect(
      overlappingRows(
        table([
          ['< 50', '-'],
          ['>= 50', '-'],
        ]),
      ),
    ).toEqual([]);
    expect(
      overlappingRows(
        table([
          ['<= 50', '-'],
          ['>= 50', '-'],
        ]),
      ),
    ).toEqual([[0, 1]]);
    expect(
      overlappingRows(
        table([
          ['[10..20]', '"a"'],
          ['(20..30]', '"a"'],
          ['[15..25]', '"b"'],
        ]),
      ),
    ).toEqual([]);
    expect(
      overlappingRows(
        table([
          ['[10..20]', '"a","b"'],
          ['[15..25]', '"b"'],
        ]),
      ),
    ).toEqual([[0, 1]]);
    expect(
      overlappingRows(
        table([
          ['< grens', '-'],
          ['> 3', '-'],
        ]),
      ),
    ).toEqual([]); // not decidable: left to run time
    const problems = checkDefinition(
      withTable(
        table([
          ['< 50', '-'],
          ['< 100', '-'],
        ]),
      ),
    ).problems;
    expect(problems.map((p) => [p.code, p.node])).toEqual([['P026', 'toets']]);
  });

  it('checks the table: tests per input (P025), onError for UNIQUE (P027), unknown names (P005), bad tests (P009)', () => {
    const codes = (table: DecisionTable, extra = {}) =>
      checkDefinition(withTable(table, extra))
        .problems.map((p) => p.code)
        .sort();
    expect(codes({ hitPolicy: 'FIRST', inputs, rows: [{ tests: ['< 1'], goto: 'ja', because: 'x' }] })).toEqual([
      'P025',
    ]);
    expect(codes({ hitPolicy: 'UNIQUE', inputs, rows: [] }, { onError: undefined })).toEqual(['P027']);
    expect(
      codes({
        hitPolicy: 'FIRST',
        inputs: [{ id: 'x', label: 'X', expr: 'onbekend + 1' }],
        rows: [{ tests: ['< c'], goto: 'ja', because: '{{x}} {{y}}' }],
      }),
    ).toEqual(['P005', 'P005', 'P013']);
    expect(codes({ hitPolicy: 'FIRST', inputs, rows: [{ tests: ['< <', '-'], goto: 'ja', because: 'x' }] })).toEqual([
      'P009',
    ]);
  });

  it('a process deciding with a UNIQUE table explains with the inputs', async () => {
    expect(checkDefinition(tabeltoets).problems).toEqual([]);
    const env = await freshEnv({ fixtures: ['tabeltoets'] });
    const c = await env.engine.startCase('tabeltoets', BSN, asCitizen());
    const done = await env.engine.send(
      c.id,
      {
        type: 'submit',
        data: { huishouden: 'samen', leeftijd: 45, jarenLaagInkomen: 4, inkomen: 1800, iban: 'NL91ABNA0417164300' },
      },
      { actor: asCitizen() },
    );
    expect(done.outcome).toBe('granted');
    const made = (await env.store.cases.audit(c.id)).find((e) => e.type === 'decision.made')!.data;
    expect(made).toMatchObject({
      rule: 3,
      inputs: { leeftijdJaren: 45, jaren: 4, procent: 95 },
      because: { nl: 'U bent 21 jaar of ouder, heeft 3 jaar of langer een laag inkomen (95% van de norm).' },
    });
  });
});
