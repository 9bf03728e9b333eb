import { describe, expect, it } from 'vitest';
import {
  checkDefinition,
  checkProcess,
  graphEdges,
  problemCodes,
  processJsonSchema,
  type Problem,
  type Process,
} from '../../../runtime/model/index.js';
import base from '../../fixtures/model/base.json';
import deadEndCycle from '../../fixtures/model/dead-end-cycle.json';
import schemaErrors from '../../fixtures/model/schema-errors.json';
import { fixtureProcess, type FixtureName } from '../../helpers/fixtures.js';

/** A fresh, mutable copy of the valid base definition. */
type Def = Record<string, any>;
const fresh = (): Def => structuredClone(base) as Def;
const edit = (change: (def: Def) => void): Def => {
  const def = fresh();
  change(def);
  return def;
};

const problemsOf = (def: unknown): Problem[] => checkDefinition(def).problems;
/** `code@node` for each problem, so a test can say which node a code points at. */
const tags = (def: unknown): string[] => problemsOf(def).map((p) => `${p.code}@${p.node ?? '-'}`);

describe('valid definitions', () => {
  it('the base fixture has no problems', () => {
    const result = checkDefinition(base);
    expect(result.problems).toEqual([]);
    expect(result.process?.key).toBe('basis');
  });

  it.each<FixtureName>(['toeslag', 'ophalen', 'pas', 'tabeltoets'])('the fixture %s has zero problems', (name) => {
    const def = fixtureProcess(name);
    const result = checkDefinition(def);
    expect(result.problems).toEqual([]);
    expect(result.process).toEqual(def);
  });

  it('every problem carries a registered code, a message and only known nodes', () => {
    const broken = edit((d) => {
      delete d.contact;
      delete d.steps.toets.otherwise;
      delete d.steps.beoordeling.due;
      d.steps.bericht.body = '{{wie}}';
      d.steps.toets.rules[0].when = 'onbekend > 1';
    });
    const problems = problemsOf(broken);
    expect(problems.length).toBeGreaterThanOrEqual(5);
    const known = new Set([...Object.keys(broken.steps), ...Object.keys(broken.groups)]);
    for (const p of problems) {
      expect(Object.keys(problemCodes)).toContain(p.code);
      expect(p.message.length).toBeGreaterThan(0);
      if (p.node !== undefined) expect(known.has(p.node)).toBe(true);
    }
  });
});

describe('static checks', () => {
  it('P000: the definition does not match the schema (fixture)', () => {
    const result = checkDefinition(schemaErrors);
    expect(result.process).toBeUndefined();
    expect(result.problems.length).toBeGreaterThan(0);
    expect(result.problems.every((p) => p.code === 'P000')).toBe(true);
    const nodes = result.problems.map((p) => p.node);
    expect(nodes).toContain('vraag'); // field id starting with a digit
    expect(nodes).toContain('onbekend'); // unknown step kind
    expect(nodes).toContain('klaar'); // end without message
    // root-level problems (bad key, unknown property) point at no node
    expect(result.problems.some((p) => p.node === undefined && p.path === 'key')).toBe(true);
    expect(result.problems.some((p) => p.node === undefined && p.path === '')).toBe(true);
    expect(result.problems.find((p) => p.node === 'vraag')?.path).toMatch(/^steps\.vraag\.fields\.0\.id$/);
  });

  it('P000: non-objects and missing required keys', () => {
    expect(tags(null)).toEqual(['P000@-']);
    expect(tags(edit((d) => delete d.start))).toEqual(['P000@-']);
    expect(
      tags(
        edit((d) => {
          d.steps.aanvraag.title = '';
        }),
      ),
    ).toEqual(['P000@aanvraag']);
    expect(
      tags(
        edit((d) => {
          d.groups.fase.on = { 'Intrekken!': { goto: 'ingetrokken', label: 'x' } };
        }),
      ),
    ).toEqual(['P000@fase']);
  });

  it('P001: a step that cannot be reached from the start', () => {
    const def = edit((d) => {
      d.steps.vergeten = { kind: 'end', title: 'Vergeten', outcome: 'completed', message: 'Nooit gezien.' };
    });
    expect(tags(def)).toEqual(['P001@vergeten']);
  });

  it('P001: steps only reachable through a removed edge', () => {
    const def = edit((d) => {
      d.steps.toets.rules = [];
      d.steps.aanvraag.next = 'toets';
    });
    // wacht and beoordeling are no longer targets, and afgewezen only followed from them
    expect(tags(def).sort()).toEqual(['P001@afgewezen', 'P001@beoordeling', 'P001@wacht']);
  });

  it('P001: an end that only an unreachable step leads to', () => {
    const def = edit((d) => {
      d.steps.aanvraag.next = 'bericht';
      d.steps.toets.otherwise.goto = 'afgewezen';
    });
    expect(tags(def).sort()).toEqual(['P001@afgewezen', 'P001@beoordeling', 'P001@toets', 'P001@wacht']);
  });

  it('P002: a cycle without exit (fixture), and its unreachable end', () => {
    expect(tags(deadEndCycle).sort()).toEqual(['P001@klaar', 'P002@eerste', 'P002@tweede']);
  });

  it('P002: a cycle outside the group (no withdraw) is a dead end; inside the group withdraw is a way out', () => {
    const outside = edit((d) => {
      d.steps.pauze.then = 'bericht';
    });
    expect(tags(outside).sort()).toEqual(['P001@klaar', 'P002@bericht', 'P002@pauze']);
    const inside = edit((d) => {
      d.steps.pauze.group = 'fase';
      d.steps.bericht.group = 'fase';
      d.steps.pauze.then = 'bericht';
    });
    expect(tags(inside)).toEqual(['P001@klaar']);
  });

  it('P003: a target that is not a step', () => {
    expect(
      tags(
        edit((d) => {
          d.steps.toets.otherwise.goto = 'nergens';
        }),
      ),
    ).toContain('P003@toets');
    expect(
      tags(
        edit((d) => {
          d.steps.aanvraag.next[1].goto = 'nergens';
        }),
      ),
    ).toContain('P003@aanvraag');
    expect(
      tags(
        edit((d) => {
          d.steps.beoordeling.outcomes[0].goto = 'nergens';
        }),
      ),
    ).toContain('P003@beoordeling');
    expect(
      tags(
        edit((d) => {
          d.steps.wacht.timeout.goto = 'nergens';
        }),
      ),
    ).toContain('P003@wacht');
    expect(
      tags(
        edit((d) => {
          d.steps.bericht.next = 'nergens';
        }),
      ),
    ).toContain('P003@bericht');
  });

  it('P004: a decision without otherwise', () => {
    const def = edit((d) => {
      delete d.steps.toets.otherwise;
    });
    expect(tags(def)).toEqual(['P004@toets']);
  });

  it('P005: an unknown field in an expression', () => {
    const route = problemsOf(
      edit((d) => {
        d.steps.aanvraag.next[0].when = 'bedrag > grens';
      }),
    );
    expect(route).toEqual([expect.objectContaining({ code: 'P005', node: 'aanvraag', path: 'next[0].when' })]);
    expect(route[0].message).toContain('grens');
    expect(
      tags(
        edit((d) => {
          d.steps.toets.rules[0].when = 'soortt = "a"';
        }),
      ),
    ).toEqual(['P005@toets']);
    expect(
      tags(
        edit((d) => {
          d.steps.aanvraag.fields[3].showIf = 'type = "b"';
        }),
      ),
    ).toEqual(['P005@aanvraag']);
    expect(
      tags(
        edit((d) => {
          d.steps.beoordeling.outcomes[1].fields[0].showIf = 'ernst > 2';
        }),
      ),
      // A reason asked only sometimes is no reason for a refusal: P023 too.
    ).toEqual(['P023@beoordeling', 'P005@beoordeling']);
  });

  it('P005: fields of any step, outcome or signal are known; functions and bound names are not fields', () => {
    const def = edit((d) => {
      d.steps.toets.rules[0].when = 'reden = null and adresBevestigd != true and string length(naam) > 0';
      d.steps.toets.rules.push({ when: 'some x in [1, 2] satisfies x > bedrag', goto: 'bericht', because: 'x' });
      d.steps.toets.rules.push({ when: 'bedrag instance of number', goto: 'bericht', because: 'y' });
    });
    expect(tags(def)).toEqual([]);
  });

  it('P006: the same field id twice', () => {
    const def = edit((d) => {
      d.steps.beoordeling.outcomes[1].fields[0].id = 'naam';
      d.steps.afgewezen.message = 'Afgewezen.';
    });
    expect(problemsOf(def)).toEqual([expect.objectContaining({ code: 'P006', node: 'beoordeling' })]);
    const sameStep = edit((d) => {
      d.steps.aanvraag.fields.push({ id: 'bedrag', label: 'Nog eens', type: 'number' });
    });
    expect(tags(sameStep)).toEqual(['P006@aanvraag']);
  });

  it('P007: a handoff without due', () => {
    expect(
      tags(
        edit((d) => {
          delete d.steps.beoordeling.due;
        }),
      ),
    ).toEqual(['P007@beoordeling']);
  });

  it('P008: a group event to a missing step', () => {
    const def = edit((d) => {
      d.groups.fase.on.withdraw.goto = 'weg';
    });
    expect(problemsOf(def)).toContainEqual(
      expect.objectContaining({ code: 'P008', node: 'fase', path: 'groups.fase.on.withdraw' }),
    );
    expect(tags(def).sort()).toEqual(['P001@ingetrokken', 'P008@fase']);
  });

  it('P009: a FEEL syntax error', () => {
    const rule = problemsOf(
      edit((d) => {
        d.steps.toets.rules[0].when = 'soort = "a" and';
      }),
    );
    expect(rule).toEqual([expect.objectContaining({ code: 'P009', node: 'toets', path: 'rules[0].when' })]);
    expect(rule[0].params).toEqual({ case: 'syntax', place: { at: 'ruleWhen', i: 0 }, position: 16, near: '' });
    expect(rule[0].message).toBe(
      'De voorwaarde van de eerste regel van stap ‘Toets’ is geen geldige FEEL: er gaat iets mis bij teken 16 (aan het eind).',
    );
    expect(
      tags(
        edit((d) => {
          d.steps.aanvraag.fields[3].showIf = 'soort = "b';
        }),
      ),
    ).toEqual(['P009@aanvraag']);
    expect(
      tags(
        edit((d) => {
          d.steps.aanvraag.next[0].when = 'if bedrag then';
        }),
      ),
    ).toEqual(['P009@aanvraag']);
  });

  it('P010: start is not a step', () => {
    const problems = problemsOf(
      edit((d) => {
        d.start = 'begin';
      }),
    );
    expect(problems).toEqual([expect.objectContaining({ code: 'P010', node: undefined, path: 'start' })]);
  });

  it('P011: a step in an unknown group', () => {
    expect(
      tags(
        edit((d) => {
          d.steps.aanvraag.group = 'onbekend';
        }),
      ),
    ).toEqual(['P011@aanvraag']);
  });

  it('P011: a group inside an unknown group, and groups inside each other', () => {
    expect(
      tags(
        edit((d) => {
          d.groups.fase.group = 'buiten';
        }),
      ),
    ).toEqual(['P011@fase']);
    const circular = edit((d) => {
      d.groups.fase.group = 'tweede';
      d.groups.tweede = { title: 'Tweede', group: 'fase' };
    });
    expect(tags(circular).sort()).toEqual(['P011@fase', 'P011@tweede']);
    expect(
      tags(
        edit((d) => {
          d.groups.fase.group = 'fase';
        }),
      ),
    ).toEqual(['P011@fase']);
  });

  it('nested groups that are sound have no problems, and their events are ways out', () => {
    const def = edit((d) => {
      d.groups.buiten = { title: 'Buiten', on: { stop: { goto: 'ingetrokken', label: 'Stoppen' } } };
      d.groups.fase.group = 'buiten';
      delete d.groups.fase.on;
    });
    expect(tags(def)).toEqual([]);
    expect(graphEdges(checkDefinition(def).process!).get('aanvraag')).toContain('ingetrokken');
  });

  it('P012: a conditional next without a default route', () => {
    expect(
      tags(
        edit((d) => {
          d.steps.aanvraag.next = [
            { when: 'bedrag > 1000', goto: 'beoordeling' },
            { when: 'bedrag <= 1000', goto: 'toets' },
          ];
        }),
      ),
    ).toEqual(['P012@aanvraag']);
  });

  it('P013: an unknown placeholder', () => {
    expect(
      tags(
        edit((d) => {
          d.steps.bericht.body = { nl: 'Beste {{naam}}', en: 'Dear {{name}}' };
        }),
      ),
    ).toEqual(['P013@bericht']);
    expect(
      tags(
        edit((d) => {
          d.steps.bericht.subject = 'Over {{ onderwerp }}';
        }),
      ),
    ).toEqual(['P013@bericht']);
    expect(
      tags(
        edit((d) => {
          d.steps.klaar.message = 'Klaar, {{voornaam}}.';
        }),
      ),
    ).toEqual(['P013@klaar']);
    expect(
      tags(
        edit((d) => {
          d.steps.toets.otherwise.because = 'Omdat {{waarom}}';
        }),
      ),
    ).toEqual(['P013@toets']);
  });

  it('P014: a choice without options, or a bad field definition', () => {
    expect(
      tags(
        edit((d) => {
          delete d.steps.aanvraag.fields[2].options;
        }),
      ),
    ).toEqual(['P014@aanvraag']);
    expect(
      tags(
        edit((d) => {
          d.steps.aanvraag.fields[2].options = [];
        }),
      ),
    ).toEqual(['P014@aanvraag']);
    expect(
      tags(
        edit((d) => {
          d.steps.beoordeling.outcomes[0].fields = [{ id: 'datum', label: 'Datum', type: 'date', min: 'gisteren' }];
        }),
      ),
    ).toEqual(['P014@beoordeling']);
  });

  it('P015: no contact team', () => {
    const problems = problemsOf(
      edit((d) => {
        delete d.contact;
      }),
    );
    expect(problems).toEqual([expect.objectContaining({ code: 'P015', node: undefined, path: 'contact' })]);
  });

  it('P016: an id used for a step and a group', () => {
    expect(
      tags(
        edit((d) => {
          d.groups.klaar = { title: 'Klaar' };
        }),
      ),
    ).toEqual(['P016@klaar']);
  });

  it('P017: a wait without a clear trigger', () => {
    expect(
      tags(
        edit((d) => {
          delete d.steps.pauze.for;
        }),
      ),
    ).toEqual(['P017@pauze']);
    // without a signal, the timeout has nothing to time out
    expect(
      tags(
        edit((d) => {
          delete d.steps.wacht.signal;
        }),
      ),
    ).toEqual(['P017@wacht', 'P017@wacht']);
    expect(
      tags(
        edit((d) => {
          d.steps.pauze.signal = 'brp.bevestigd';
        }),
      ),
    ).toEqual(['P017@pauze']);
  });

  it('P019: a duration that is not ISO 8601', () => {
    expect(
      tags(
        edit((d) => {
          d.steps.beoordeling.due = 'P5X';
        }),
      ),
    ).toEqual(['P019@beoordeling']);
    expect(
      tags(
        edit((d) => {
          d.steps.pauze.for = 'P1DT';
        }),
      ),
    ).toEqual(['P019@pauze']);
    // durations luxon would take but ISO 8601 does not
    for (const bad of ['P', 'PT', 'P-1D'])
      expect(
        tags(
          edit((d) => {
            d.steps.beoordeling.due = bad;
          }),
        ),
      ).toEqual(['P019@beoordeling']);
    for (const good of ['P5D', 'PT2H', 'P1Y2M3DT4H5M6S', 'P2W', 'PT0.5S'])
      expect(
        tags(
          edit((d) => {
            d.steps.beoordeling.due = good;
          }),
        ),
      ).toEqual([]);
    expect(
      tags(
        edit((d) => {
          d.steps.wacht.timeout.after = 'P2W3';
        }),
      ),
    ).toEqual(['P019@wacht']);
    expect(
      problemsOf(
        edit((d) => {
          d.contact.due = 'Pmorgen';
        }),
      ),
    ).toEqual([expect.objectContaining({ code: 'P019', node: undefined, path: 'contact.due' })]);
  });

  it('P021: a handoff without outcomes (and so a dead end)', () => {
    const def = edit((d) => {
      d.steps.beoordeling.outcomes = [];
    });
    expect(tags(def)).toContain('P021@beoordeling');
    expect(tags(def)).not.toContain('P002@beoordeling'); // withdraw from the group still ends it
    const outside = edit((d) => {
      d.steps.beoordeling.outcomes = [];
      delete d.steps.beoordeling.group;
    });
    // afgewezen's {{reden}} came from the removed outcome
    expect(tags(outside).sort()).toEqual(['P002@beoordeling', 'P013@afgewezen', 'P021@beoordeling']);
  });

  it('P022: two outcomes with the same id', () => {
    expect(
      tags(
        edit((d) => {
          d.steps.beoordeling.outcomes[1].id = 'goed';
        }),
      ),
    ).toEqual(['P022@beoordeling']);
  });
});

describe('checkProcess and the JSON Schema', () => {
  it('checkProcess runs the same checks on a parsed definition', () => {
    const process = checkDefinition(fixtureProcess('toeslag')).process as Process;
    expect(checkProcess(process)).toEqual([]);
    const broken = structuredClone(process);
    delete (broken.steps.toets as { otherwise?: unknown }).otherwise;
    // beoordeling was only reached through otherwise
    expect(checkProcess(broken).map((p) => `${p.code}@${p.node}`)).toEqual(['P004@toets', 'P001@beoordeling']);
  });

  it('exports a JSON Schema with every step kind', () => {
    const schema = processJsonSchema() as {
      $schema: string;
      type: string;
      required: string[];
      properties: Record<string, any>;
    };
    expect(schema).toMatchObject({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      type: 'object',
      required: ['key', 'title', 'start', 'steps'],
    });
    // One alternative per step kind, told apart by a constant `kind`.
    const kinds = schema.properties.steps.additionalProperties.oneOf.map((alt: any) => alt.properties.kind.const);
    expect(kinds.sort()).toEqual(['decision', 'end', 'form', 'handoff', 'message', 'wait']);
    for (const alt of schema.properties.steps.additionalProperties.oneOf) expect(alt.required).toContain('kind');
  });
});
