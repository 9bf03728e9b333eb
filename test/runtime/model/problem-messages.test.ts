import { describe, expect, it } from 'vitest';
import { languages, lookup, problemsCatalogues } from '../../../runtime/i18n/index.js';
import {
  checkTeams,
  findDefinition,
  inLanguage,
  problemCodes,
  worded,
  type Finding,
  type Problem,
  type Process,
} from '../../../runtime/model/index.js';
import base from '../../fixtures/model/base.json';

type Def = Record<string, any>;
const edit = (change: (def: Def) => void): Def => {
  const def = structuredClone(base) as Def;
  change(def);
  return def;
};

/**
 * Definitions with mistakes, together finding every problem code (and most of their causes). A new
 * code needs a definition here (or, for a check outside checkDefinition, its findings in allProblems):
 * the first test fails until it has one.
 */
const broken: Def[] = [
  edit((d) => {
    d.key = 'Niet Goed';
    d.steps.aanvraag.fields[0].id = '1naam';
    d.steps.klaar.kind = 'onbekend';
    delete d.steps.afgewezen.message;
    d.extra = true;
    d.steps.toets.rules = 'geen lijst';
    d.steps.bericht.title = '';
    d.steps.pauze.signal = 'x';
  }),
  edit((d) => {
    d.steps.toets.rules[0].goto = '__proto__';
  }),
  edit((d) => {
    d.steps.__proto__ = { kind: 'end', title: 'X', outcome: 'completed', message: 'x' };
    Object.defineProperty(d.steps, '__proto__', {
      value: { kind: 'end', title: 'X', outcome: 'completed', message: 'x' },
      enumerable: true,
    });
  }),
  edit((d) => {
    d.start = 'nergens';
    d.triggers = [
      {
        signal: 'brp.verhuisd',
        mode: 'offer',
        start: 'weg',
        when: 'gemeente = "Utrecht" and onbekend',
        because: 'Omdat {{wie}}.',
        facts: [
          { id: 'gemeente', label: 'Gemeente', type: 'text' },
          { id: 'bedrag', label: 'Bedrag', type: 'text' },
          { id: 'keus', label: 'Keus', type: 'choice' },
        ],
      },
      { signal: 'brp.x', mode: 'grant', start: 'aanvraag', when: 'matches(gemeente, "a", "q")', because: 'x' },
      { signal: 'brp.y', mode: 'offer', start: '', because: 'y' },
    ];
  }),
  edit((d) => {
    delete d.contact;
    d.groups.fase.group = 'hoofdfase';
    d.groups.lus = { title: 'Lus', group: 'lus' };
    d.groups.klaar = { title: 'Klaar' };
    d.groups.fase.on.withdraw.goto = 'weg';
    d.groups.fase.on.stop = { goto: '', label: 'Stoppen' };
    d.steps.wacht.group = 'geen';
  }),
  edit((d) => {
    d.steps.aanvraag.next = [{ when: 'bedrag > grens', goto: '' }];
    d.steps.aanvraag.fields[3].showIf = 'soort = "b';
    d.steps.aanvraag.fields.push({ id: 'soort2', label: 'Soort 2', type: 'choice' });
    d.steps.aanvraag.fields.push({ id: 'datum', label: 'Datum', type: 'date', min: '1-1-2020' });
    d.steps.toets.rules[0].when = 'x'.repeat(2001);
    d.steps.toets.rules.push({ when: '('.repeat(40) + '1' + ')'.repeat(40), goto: 'wacht', because: 'a' });
    d.steps.toets.rules.push({ when: 'matches(naam, "(a)\\\\1")', goto: 'wacht', because: 'b' });
    d.steps.toets.rules.push({ when: 'naam = ', goto: 'nergens', because: 'c' });
    d.steps.toets.rules.push({ when: "${naam == 'a'}", goto: 'wacht', because: 'd' });
    delete d.steps.toets.otherwise;
    delete d.steps.beoordeling.due;
    d.steps.beoordeling.escalate = { team: 'hoger' };
    d.steps.beoordeling.outcomes[1].fields = [];
    d.steps.beoordeling.outcomes.push({ id: 'goed', label: 'Nog eens', goto: 'bericht' });
    d.steps.wacht.for = 'P1D';
    d.steps.pauze.for = 'P99Y';
    d.steps.pauze.timeout = { after: 'PXD', goto: 'klaar' };
    d.steps.bericht.body = 'Beste {{wie}}';
    d.contact.due = 'P2X';
  }),
  edit((d) => {
    d.steps.beoordeling.outcomes = [];
    d.steps.pauze = { kind: 'wait', title: 'Even wachten', then: 'pauze' };
    d.steps.aanvraag.fields.push({ id: 'naam', label: 'Naam nog eens', type: 'text' });
    d.steps.toets.table = {
      hitPolicy: 'UNIQUE',
      inputs: [{ id: 'b', label: 'Bedrag', expr: 'bedrag' }],
      rows: [
        { tests: ['> 10'], goto: 'bericht', because: 'a' },
        { tests: ['> 20', '"x"'], goto: 'bericht', because: 'b' },
        { tests: ['> 20'], goto: 'bericht', because: 'c' },
      ],
    };
    d.steps.eenzaam = { kind: 'end', title: 'Eenzaam', outcome: 'completed', message: 'x' };
  }),
];

function allProblems(lang: 'nl' | 'en'): Problem[] {
  const found: Finding[] = broken.flatMap((def) => findDefinition(def).findings);
  const problems = broken.flatMap((def) => worded(findDefinition(def).findings, lang, def));
  // The teams a process names, against a list of teams (P032, P033); an import of a file that is not JSON (P000).
  const teams = checkTeams(base as unknown as Process, new Map([['vergunningen', 0]]), lang);
  const json = worded([{ code: 'P000', params: { case: 'json' } }], lang, undefined);
  expect(found.length).toBeGreaterThan(0);
  return [...problems, ...teams, ...json];
}

/** What the old messages had: English in a Dutch sentence, paths, JSON. */
const FRAGMENTS = [
  /\bis not\b/i,
  / not a /i,
  /rules\[/,
  /steps\[/,
  /\w\[\d+\]/,
  /[{}[\]"]/,
  /\bundefined\b/,
  /\bnone\b/,
];
const ENGLISH = /\b(the|not|field|step|rule|must|should|cannot|needs?|has|set)\b/i;

describe('the words of every problem', () => {
  it('every code is found by a definition with that mistake', () => {
    const codes = new Set(allProblems('nl').map((p) => p.code));
    expect([...codes].sort()).toEqual(Object.keys(problemCodes).sort());
  });

  it('every code has a Dutch and an English message', () => {
    for (const code of Object.keys(problemCodes))
      for (const lang of languages)
        expect(lookup(problemsCatalogues[lang], `messages.${code}`), `${code} ${lang}`).toBeTruthy();
  });

  for (const lang of languages)
    it(`every problem reads as a whole sentence in ${lang}, without paths, JSON or fragments of code`, () => {
      for (const p of allProblems(lang)) {
        // What the designer wrote stands between ‘ and ’ (a name, a placeholder as {{naam}}, a bit of an expression).
        const text = p.message.replace(/‘[^’]*’/g, '‘…’');
        expect(p.message, p.code).toMatch(/^(\p{Lu}|‘)/u);
        expect(p.message, p.code).toMatch(/[.)]$/);
        // An empty value (a step not chosen yet) is said in words, never as ‘none’ or ‘’.
        expect(p.message, p.code).not.toMatch(/‘(none)?’/);
        for (const fragment of FRAGMENTS) expect(text, `${p.code}: ${p.message}`).not.toMatch(fragment);
        if (lang === 'nl') expect(text, `${p.code}: ${p.message}`).not.toMatch(ENGLISH);
      }
    });

  it('says where, in words, with titles and labels: the first rule of step ‘Toets’', () => {
    const def = edit((d) => {
      d.steps.toets.rules[0].when = 'soort = "a" and grens > 1';
      d.steps.aanvraag.fields[3].showIf = 'soort = "b" and x';
    });
    const [rule, showIf] = worded(findDefinition(def).findings, 'nl', def).sort((a, b) =>
      a.node!.localeCompare(b.node!),
    );
    expect(showIf).toMatchObject({ code: 'P005', node: 'toets', path: 'rules[0].when' });
    expect(showIf.message).toBe(
      'In de voorwaarde van de eerste regel van stap ‘Toets’ staat ‘grens’, maar zo heet geen veld van dit proces. ' +
        'Kies een veld dat een stap vraagt, of verbeter de naam.',
    );
    expect(rule.message).toContain('de voorwaarde om vraag ‘Toelichting’ (toelichting) te stellen');
    const [en] = inLanguage([showIf], 'en', def);
    expect(en.message).toBe(
      'The condition of the first rule of step ‘Toets’ reads ‘grens’, and no field of this process has that name. ' +
        'Choose a field a step asks for, or correct the name.',
    );
    expect(en).toMatchObject({ code: 'P005', node: 'toets', path: 'rules[0].when', params: showIf.params });
  });

  it('names an outcome by its label and a field by its label and id', () => {
    const def = edit((d) => {
      d.steps.beoordeling.outcomes[1].fields = [];
      d.steps.beoordeling.outcomes[0].fields = [{ id: 'naam', label: 'Naam nog eens', type: 'text' }];
    });
    const messages = worded(findDefinition(def).findings, 'nl', def).map((p) => p.message);
    expect(messages).toContain(
      'Uitkomst ‘Afwijzen’ van overdracht ‘Beoordeling’ kan eindigen in een afwijzing. ' +
        'Geef de uitkomst een verplicht tekstveld voor de reden die de inwoner leest.',
    );
    expect(messages).toContain(
      'Het veld ‘Naam’ (naam) komt twee keer voor: in stap ‘Aanvraag’ en in stap ‘Beoordeling’. ' +
        'Elk veld-id mag maar één keer in een proces voorkomen.',
    );
  });
});
