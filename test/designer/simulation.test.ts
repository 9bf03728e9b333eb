import { describe, expect, it } from 'vitest';
import { allPaths, createSimulation } from '../../designer/model/simulation.js';
import { deepChanges, DETAILS_PER_ITEM, diffDefinitions, type Process } from '../../runtime/model/index.js';
import { fixtureProcess, type FixtureName } from '../helpers/fixtures.js';

const load = (name: FixtureName): Process => fixtureProcess(name) as Process;

describe('simulation in the browser', () => {
  it('runs a form, decision and review process (toeslag) to the handoff with the decision explained, and on to an end; step back undoes', () => {
    const sim = createSimulation(load('toeslag'), 'nl');
    expect(sim.state()).toMatchObject({ step: 'huishouden', kind: 'form' });
    expect(sim.submit({ huishouden: 'kasteel' })).toMatchObject({
      huishouden: ['Kies een van de mogelijkheden.'],
      aanslagnummer: ['Vul dit in.'],
    });
    expect(sim.submit({ huishouden: 'samen', aanslagnummer: 'A1' })).toBeNull();
    expect(sim.submit({ inkomen: '1850', vermogen: '100', heeftAuto: 'nee', iban: 'NL91ABNA0417164300' })).toBeNull();
    const s = sim.state();
    expect(s).toMatchObject({ step: 'beoordeling', kind: 'handoff' });
    expect(s.explanations).toEqual([
      expect.objectContaining({
        step: 'toets',
        rule: 'otherwise',
        because: 'Uw inkomen ligt dicht bij de norm. Een medewerker bekijkt uw aanvraag.',
        inputs: expect.objectContaining({ inkomen: 1850, huishouden: 'samen' }),
      }),
    ]);
    expect(sim.complete('afwijzen', {})).toEqual({ reden: ['Vul dit in.'] });
    expect(sim.complete('afwijzen', { reden: 'Te hoge lasten.' })).toBeNull();
    expect(sim.state()).toMatchObject({ step: 'afgewezen', ended: true, outcome: 'rejected' });
    expect(sim.state().messages.at(-1)).toContain('Te hoge lasten.');
    sim.back();
    expect(sim.state().step).toBe('beoordeling');
    expect(sim.groupEvent('withdraw')).toBe(true);
    expect(sim.state().outcome).toBe('withdrawn');
    sim.reset();
    expect(sim.state().log).toHaveLength(1);
  });

  it('grants automatically below the norm, with the rule and its reason', () => {
    const sim = createSimulation(load('toeslag'), 'en');
    sim.submit({ huishouden: 'alleenstaand', aanslagnummer: 'A1' });
    sim.submit({ inkomen: '900', vermogen: '0', heeftAuto: 'nee', iban: 'NL91ABNA0417164300' });
    expect(sim.state()).toMatchObject({ step: 'toegekend', outcome: 'granted' });
    expect(sim.state().explanations[0]).toMatchObject({
      rule: 3,
      because: 'Your income and assets are below the norm for your household.',
    });
  });

  it('fires timers and signals of wait steps', () => {
    const def = {
      key: 'w',
      title: 'W',
      start: 'wacht',
      contact: { team: 'k' },
      steps: {
        wacht: {
          kind: 'wait',
          title: 'Wacht',
          signal: 'klaar',
          then: 'pauze',
          timeout: { after: 'P1D', goto: 'laat' },
        },
        pauze: { kind: 'wait', title: 'Pauze', for: 'P1D', then: 'einde' },
        einde: { kind: 'end', title: 'E', outcome: 'completed', message: 'x' },
        laat: { kind: 'end', title: 'L', outcome: 'rejected', message: 'x' },
      },
    } as unknown as Process;
    const sim = createSimulation(def, 'nl');
    expect(sim.state().waits).toEqual({ timer: undefined, timeout: 'wacht:timeout', signal: 'klaar' });
    expect(sim.signal('anders')).toBe(false);
    expect(sim.signal('klaar')).toBe(true);
    expect(sim.fireTimer('pauze')).toBe(true);
    expect(sim.state().outcome).toBe('completed');
  });
});

describe('a proactive start in the simulation', () => {
  it('starts a proactive process (pas) via its offer trigger at the offer, with the facts as data and the reason first', () => {
    const sim = createSimulation(load('pas'), 'nl', { via: 0, facts: { inkomen: 1200 } });
    const s = sim.state();
    expect(s).toMatchObject({ step: 'aanbod', kind: 'form', data: { inkomen: 1200 } });
    expect(s.log).toEqual(['gestart via aanleiding 1 (inkomen.vastgesteld)']);
    expect(s.explanations).toEqual([
      {
        step: 'aanbod',
        rule: 0,
        trigger: 0,
        inputs: { inkomen: 1200 },
        because: 'Uw inkomen (€ 1.200,00 per maand) is lager dan € 1.500. Daarom kunt u een Kortingspas krijgen.',
      },
    ]);
    expect(sim.submit({ accepteren: 'true' })).toBeNull();
    expect(sim.state()).toMatchObject({ step: 'toegekend', ended: true, outcome: 'granted' });
    // Starting again keeps the proactive start.
    sim.reset();
    expect(sim.state()).toMatchObject({ step: 'aanbod', data: { inkomen: 1200 } });
  });

  it('a grant decides and ends on its own, telling the citizen; without via the journey starts at the start', () => {
    const granted = createSimulation(load('pas'), 'en', { via: 1, facts: {} });
    expect(granted.state()).toMatchObject({ step: 'toegekend', ended: true, outcome: 'granted' });
    expect(granted.state().explanations[0]).toMatchObject({
      trigger: 1,
      because: 'You receive social assistance. That is why you get the discount pass automatically.',
    });
    expect(granted.state().messages[0]).toContain('You get the discount pass');
    expect(granted.state().log[0]).toBe('started via trigger 2 (bijstand.toegekend)');
    const applied = createSimulation(load('pas'), 'nl');
    expect(applied.state()).toMatchObject({ step: 'aanvraag', data: {}, explanations: [] });
  });
});

describe('all paths', () => {
  it('lists every path from the start to each end', () => {
    const paths = allPaths(load('toeslag'));
    const ends = new Set(paths.map((p) => p.end));
    expect(ends).toEqual(new Set(['toegekend', 'afgewezen', 'ingetrokken']));
    for (const p of paths) expect(p.steps[0]).toBe('huishouden');
    expect(paths.map((p) => p.steps.join('>'))).toContain(
      'huishouden>geldzaken>toets>beoordeling>toekenning>toegekend',
    );
    expect(paths.map((p) => p.steps.join('>'))).toContain('huishouden>ingetrokken');
    expect(allPaths(load('ophalen'))).toEqual([{ end: 'ingepland', steps: ['ophaalverzoek', 'ingepland'] }]);
  });
});

describe('what changed between two versions', () => {
  it('lists steps and fields added, removed and changed, not positions', () => {
    const a = load('toeslag');
    const b = structuredClone(a);
    delete (b.steps as any).toekenning;
    (b.steps.toets as any).rules.pop();
    (b.steps as any).extra = { kind: 'end', title: 'Extra', outcome: 'completed', message: 'x' };
    (b.steps.huishouden as any).fields[1].max = 30;
    (b.steps.geldzaken as any).fields.push({ id: 'kinderen', label: 'Kinderen', type: 'number' });
    b.layout = { huishouden: { x: 1, y: 1 } };
    const d = diffDefinitions(a, b);
    expect(d.steps.added).toEqual(['extra']);
    expect(d.steps.removed).toEqual(['toekenning']);
    expect(d.steps.changed).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: 'toets', changes: ['rules'] }),
        expect.objectContaining({ id: 'geldzaken', changes: ['fields'] }),
      ]),
    );
    expect(d.fields).toMatchObject({
      added: ['kinderen'],
      removed: [],
      changed: [expect.objectContaining({ id: 'aanslagnummer', changes: ['max'] })],
    });
    expect(d.process).toEqual([]);
  });

  it('says of each changed value where it is, what it was and what it is now', () => {
    const a = load('toeslag');
    const b = structuredClone(a);
    const rule = (b.steps.toets as any).rules[0];
    const was = rule.when;
    rule.when = 'inkomen < 1600';
    (b.steps.huishouden as any).fields[1].max = 30;
    (b.steps.huishouden as any).title = { nl: 'Uw gezin', en: (a.steps.huishouden as any).title.en };
    b.contact = { team: 'inkomen', due: 'P3D' };
    const d = diffDefinitions(a, b);
    const toets = d.steps.changed.find((c) => c.id === 'toets')!;
    expect(toets.details).toEqual([{ path: ['rules', 0, 'when'], before: was, after: 'inkomen < 1600' }]);
    const huishouden = d.steps.changed.find((c) => c.id === 'huishouden')!;
    // The questions are compared by id under fields, not again inside the step.
    expect(huishouden.details).toEqual([
      { path: ['title', 'nl'], before: (a.steps.huishouden as any).title.nl, after: 'Uw gezin' },
    ]);
    expect(d.fields.changed).toEqual([
      expect.objectContaining({
        id: 'aanslagnummer',
        details: [{ path: ['max'], before: (a.steps.huishouden as any).fields[1].max, after: 30 }],
      }),
    ]);
    expect(d.process).toEqual(['contact']);
    expect(d.processDetails.map((c) => c.path)).toEqual(expect.arrayContaining([['contact', 'team']]));
  });

  it('keeps at most DETAILS_PER_ITEM values per step, and gives a value that appears or goes one side only', () => {
    const a = load('toeslag');
    const b = structuredClone(a);
    const toets = b.steps.toets as any;
    toets.rules = Array.from({ length: 40 }, (_, i) => ({
      when: `inkomen < ${i}`,
      goto: 'toekenning',
      because: `r${i}`,
    }));
    const d = diffDefinitions(a, b);
    const details = d.steps.changed.find((c) => c.id === 'toets')!.details;
    expect(details).toHaveLength(DETAILS_PER_ITEM);
    expect(details.some((c) => c.before === undefined && c.after !== undefined)).toBe(true);
    expect(deepChanges({ a: 1 }, { b: 2 })).toEqual([
      { path: ['a'], before: 1 },
      { path: ['b'], after: 2 },
    ]);
    // Something there on one side only is listed value by value; an empty one as itself.
    expect(deepChanges({}, { r: { when: 'x', because: { nl: 'n' } }, e: {} })).toEqual([
      { path: ['e'], after: {} },
      { path: ['r', 'because', 'nl'], after: 'n' },
      { path: ['r', 'when'], after: 'x' },
    ]);
  });
});
