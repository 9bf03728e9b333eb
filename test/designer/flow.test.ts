import { describe, expect, it } from 'vitest';
import {
  addAfter,
  addStep,
  connect,
  handlesOf,
  moveNodes,
  needsLayout,
  openSlot,
  removeElements,
  setGroup,
  parallelBends,
  toFlow,
  type GroupNodeData,
  type StepNodeData,
} from '../../designer/model/flow.js';
import { checkDefinition, stepKind, type Process } from '../../runtime/model/index.js';
import { fixtureProcess, type FixtureName } from '../helpers/fixtures.js';

const load = (name: FixtureName): Process => fixtureProcess(name) as Process;

/** A process with every step kind, a group with an event, conditional routes, a signal wait with timeout. */
const all: Process = {
  key: 'alles',
  title: 'Alles',
  start: 'vraag',
  contact: { team: 'kcc' },
  groups: { aanvraag: { title: 'Aanvraag', on: { withdraw: { goto: 'ingetrokken', label: 'Intrekken' } } } },
  steps: {
    vraag: {
      kind: 'form',
      title: 'Vraag',
      group: 'aanvraag',
      fields: [{ id: 'n', label: 'N', type: 'number', required: true }],
      next: [{ when: 'n > 5', goto: 'toets' }, { goto: 'wacht' }],
    },
    toets: {
      kind: 'decision',
      title: 'Toets',
      group: 'aanvraag',
      rules: [{ when: 'n > 10', goto: 'ingetrokken', because: 'Te veel' }],
      otherwise: { goto: 'beoordeling', because: 'Anders' },
    },
    beoordeling: {
      kind: 'handoff',
      title: 'Beoordeling',
      group: 'aanvraag',
      team: 't',
      due: { workingDays: 3 },
      outcomes: [{ id: 'ok', label: 'Goed', goto: 'bericht' }],
    },
    wacht: {
      kind: 'wait',
      title: 'Wacht',
      signal: 'register.klaar',
      then: 'bericht',
      timeout: { after: 'P14D', goto: 'ingetrokken' },
    },
    bericht: { kind: 'message', title: 'Bericht', subject: 'Klaar', body: 'Klaar {{n}}', next: 'klaar' },
    klaar: { kind: 'end', title: 'Klaar', outcome: 'completed', message: 'Klaar.' },
    ingetrokken: {
      kind: 'end',
      title: 'Ingetrokken',
      group: 'aanvraag',
      outcome: 'withdrawn',
      message: 'Ingetrokken.',
    },
  },
  layout: {
    aanvraag: { x: 0, y: 0 },
    vraag: { x: 40, y: 40 },
    toets: { x: 40, y: 200 },
    beoordeling: { x: 300, y: 200 },
    wacht: { x: 600, y: 0 },
    bericht: { x: 600, y: 200 },
    klaar: { x: 600, y: 400 },
    ingetrokken: { x: 0, y: 600 },
  },
} as Process;

describe('definition → canvas', () => {
  it('maps every step kind to a node with its facts, groups to parents before their steps, ends outside groups', () => {
    expect(checkDefinition(all).problems).toEqual([]);
    const { nodes } = toFlow(all, { problems: [], lang: 'nl', active: 'toets' });
    expect(nodes[0]).toMatchObject({
      id: 'group:aanvraag',
      type: 'group',
      data: { title: 'Aanvraag', events: [{ name: 'withdraw', label: 'Intrekken', goto: 'ingetrokken' }] },
    });
    const byId = Object.fromEntries(nodes.map((n) => [n.id, n]));
    expect(byId.vraag).toMatchObject({
      parentId: 'group:aanvraag',
      extent: 'parent',
      position: { x: 40, y: 40 },
      data: { kind: 'form', facts: ['1 vraag'] },
    });
    expect(byId.toets.data as StepNodeData).toMatchObject({ kind: 'decision', facts: ['1 regel'], active: true });
    expect((byId.beoordeling.data as StepNodeData).facts).toEqual(['team t', '3 werkdagen']);
    expect((byId.wacht.data as StepNodeData).facts).toEqual(['signaal register.klaar']);
    expect((byId.bericht.data as StepNodeData).facts).toEqual(['Klaar']);
    // An end shows its outcome in the designer's words, a team's own word as it is.
    expect((byId.klaar.data as StepNodeData).facts).toEqual(['Afgerond']);
    const en = toFlow(all, { problems: [], lang: 'en' }).nodes.find((n) => n.id === 'klaar')!;
    expect((en.data as StepNodeData).facts).toEqual(['Completed']);
    const own = { ...all, steps: { ...all.steps, klaar: { ...all.steps.klaar!, outcome: 'doorverwezen' } } } as Process;
    expect(
      (toFlow(own, { problems: [], lang: 'nl' }).nodes.find((n) => n.id === 'klaar')!.data as StepNodeData).facts,
    ).toEqual(['doorverwezen']);
    expect(byId.ingetrokken.parentId).toBeUndefined();
    expect(byId.wacht.parentId).toBeUndefined();
    expect((byId['group:aanvraag'].data as GroupNodeData).handles).toEqual([
      { id: 'event:withdraw', label: 'Intrekken' },
    ]);
  });

  it('derives an edge from every kind of slot, with labels', () => {
    const { edges } = toFlow(all, { problems: [], lang: 'nl' });
    const seen = edges.map((e) => `${e.source} ${e.sourceHandle} ${e.target}`).sort();
    expect(seen).toEqual([
      'beoordeling outcome:ok bericht',
      'bericht next klaar',
      'group:aanvraag event:withdraw ingetrokken',
      'toets otherwise beoordeling',
      'toets rule:0 ingetrokken',
      'vraag route:0 toets',
      'vraag route:1 wacht',
      'wacht then bericht',
      'wacht timeout ingetrokken',
    ]);
    expect(edges.find((e) => e.sourceHandle === 'route:0')!.label).toBe('n > 5');
    expect(edges.find((e) => e.sourceHandle === 'timeout')!.label).toBe('te laat (P14D)');
  });

  it('counts problems per node and marks a path', () => {
    const { nodes, edges } = toFlow(all, {
      problems: [{ code: 'P001', message: 'x', node: 'wacht' }],
      lang: 'en',
      highlight: ['vraag', 'toets'],
    });
    expect((nodes.find((n) => n.id === 'wacht')!.data as StepNodeData).problemCount).toBe(1);
    expect((nodes.find((n) => n.id === 'vraag')!.data as StepNodeData).highlighted).toBe(true);
    expect(edges.find((e) => e.source === 'vraag' && e.target === 'toets')!.animated).toBe(true);
  });

  it.each<FixtureName>(['toeslag', 'ophalen', 'pas', 'tabeltoets', 'wachttijd', 'betaling'])(
    'maps %s without losing an edge: every edge of the definition graph is on the canvas',
    (name) => {
      const def = load(name);
      const { nodes, edges } = toFlow(def, { problems: [], lang: 'nl' });
      expect(
        nodes
          .filter((n) => n.type === 'step')
          .map((n) => n.id)
          .sort(),
      ).toEqual(Object.keys(def.steps).sort());
      // The definition's own edges (each step kind's, and each group event), as source → target, each once.
      const wanted = [
        ...Object.entries(def.steps).flatMap(([id, step]) =>
          stepKind(step.kind)
            .edges(step)
            .map((e) => `${id} → ${e.to}`),
        ),
        ...Object.entries(def.groups ?? {}).flatMap(([g, group]) =>
          Object.values(group.on ?? {}).map((on) => `group:${g} → ${on.goto}`),
        ),
      ];
      expect(edges.map((e) => `${e.source} → ${e.target}`).sort()).toEqual(wanted.sort());
      expect(needsLayout(def)).toBe(true);
    },
  );

  it('labels each edge on the canvas as its slot says: rules and routes by their condition, outcomes, events and timers by name', () => {
    const label = (name: FixtureName) =>
      toFlow(load(name), { problems: [], lang: 'nl' }).edges.map((e) => [e.source, e.target, e.label]);
    expect(label('toeslag')).toEqual([
      ['group:aanvraag', 'ingetrokken', 'Aanvraag intrekken'],
      ['huishouden', 'geldzaken', 'volgende'],
      ['geldzaken', 'toets', 'volgende'],
      ['toets', 'afgewezen', 'vermogen > 2500'],
      ['toets', 'afgewezen', 'heeftAuto = true and autoWaarde > 3000'],
      ['toets', 'afgewezen', expect.stringMatching(/^inkomen > \(if huishouden = "samen" then 1900/)],
      ['toets', 'toekenning', expect.stringMatching(/^inkomen < \(if huishouden = "samen" then 1900/)],
      ['toets', 'beoordeling', 'anders'],
      ['beoordeling', 'toekenning', 'Toeslag toekennen'],
      ['beoordeling', 'afgewezen', 'Afwijzen'],
      ['toekenning', 'toegekend', 'volgende'],
    ]);
    expect(label('wachttijd')).toEqual([
      ['group:lopend', 'ingetrokken', 'Melding intrekken'],
      ['melding', 'bevestiging', 'soort = "spoed"'],
      ['melding', 'bedenktijd', 'anders'],
      ['bedenktijd', 'bevestiging', 'na P3D'],
      ['bevestiging', 'klaar', 'volgende'],
    ]);
  });
});

describe('canvas → definition', () => {
  it('connecting a handle sets the right target, for every kind of slot', () => {
    let def = all;
    def = connect(def, 'bericht', 'next', 'ingetrokken');
    expect(def.steps.bericht).toMatchObject({ next: 'ingetrokken' });
    def = connect(def, 'toets', 'otherwise', 'klaar');
    expect(def.steps.toets).toMatchObject({ otherwise: { goto: 'klaar', because: 'Anders' } });
    def = connect(def, 'toets', 'rule:new', 'wacht');
    expect((def.steps.toets as any).rules.at(-1)).toMatchObject({ when: 'true', goto: 'wacht' });
    def = connect(def, 'beoordeling', 'outcome:ok', 'klaar');
    def = connect(def, 'beoordeling', 'outcome:new', 'ingetrokken');
    expect((def.steps.beoordeling as any).outcomes.map((o: any) => [o.id, o.goto])).toEqual([
      ['ok', 'klaar'],
      ['uitkomst-2', 'ingetrokken'],
    ]);
    def = connect(def, 'wacht', 'timeout', 'klaar');
    expect(def.steps.wacht).toMatchObject({ timeout: { after: 'P14D', goto: 'klaar' } });
    def = connect(def, 'vraag', 'route:new', 'bericht');
    expect((def.steps.vraag as any).next.map((r: any) => r.goto)).toEqual(['toets', 'bericht', 'wacht']);
    def = connect(def, 'group:aanvraag', 'event:withdraw', 'klaar');
    expect(def.groups!.aanvraag.on!.withdraw.goto).toBe('klaar');
    // An unknown target changes nothing.
    expect(connect(def, 'bericht', 'next', 'nergens')).toBe(def);
  });

  it('a new route on a simple form turns next into routes with the old target as default', () => {
    const def = connect(all, 'bericht', 'next', 'klaar');
    const form = { ...all, steps: { ...all.steps, vraag: { ...all.steps.vraag, next: 'wacht' } } } as Process;
    const routed = connect(form, 'vraag', 'route:new', 'toets');
    expect((routed.steps.vraag as any).next).toEqual([{ when: 'true', goto: 'toets' }, { goto: 'wacht' }]);
    // Connecting `next` of a step that had none sets it and changes nothing else.
    expect(def.steps.bericht).toMatchObject({ next: 'klaar' });
    expect({ ...def, steps: { ...def.steps, bericht: all.steps.bericht } }).toEqual(all);
  });

  it('adds steps of every kind with defaults and a unique id; the first becomes the start', () => {
    let def: Process = { key: 'leeg', title: 'Leeg', start: '', steps: {} } as Process;
    const ids: string[] = [];
    for (const kind of ['form', 'decision', 'handoff', 'wait', 'message', 'end', 'form'] as const) {
      const r = addStep(def, kind, { x: 10.4, y: 20.6 }, 'nl');
      def = r.def;
      ids.push(r.id);
    }
    expect(ids).toEqual([
      'formulier-1',
      'besluit-1',
      'overdracht-1',
      'wachten-1',
      'bericht-1',
      'einde-1',
      'formulier-2',
    ]);
    expect(def.start).toBe('formulier-1');
    expect(def.layout!['besluit-1']).toEqual({ x: 10, y: 21 });
    // Unconnected steps are problems (P003 "not connected"), not schema errors.
    const codes = checkDefinition(def).problems.map((p) => p.code);
    expect(codes).toContain('P003');
    expect(codes).not.toContain('P000');
  });

  it('adds the next step after another, connected from its first open slot; none after an end', () => {
    let def: Process = { key: 'leeg', title: 'Leeg', start: '', steps: {} } as Process;
    def = addStep(def, 'form', { x: 0, y: 0 }, 'nl').def;
    const decision = addAfter(def, 'formulier-1', 'decision', { x: 300, y: 0 }, 'nl')!;
    expect(decision.id).toBe('besluit-1');
    expect(handlesOf(decision.def, 'formulier-1', 'nl').find((h) => h.id === 'next')?.target).toBe('besluit-1');
    expect(decision.def.layout!['besluit-1']).toEqual({ x: 300, y: 0 });
    // A decision's plain slots first (its "otherwise"), then a new rule once those are taken.
    const first = addAfter(decision.def, 'besluit-1', 'end', { x: 600, y: 0 }, 'nl')!;
    const slots = () => handlesOf(second.def, 'besluit-1', 'nl');
    const second = addAfter(first.def, 'besluit-1', 'end', { x: 600, y: 200 }, 'nl')!;
    expect(
      slots()
        .filter((h) => h.target)
        .map((h) => h.target),
    ).toEqual(expect.arrayContaining(['einde-1', 'einde-2']));
    expect(addAfter(second.def, 'einde-1', 'form', { x: 900, y: 0 }, 'nl')).toBeNull();
    expect(openSlot(second.def, 'einde-1', 'nl')).toBeNull();
  });

  it('removing an edge disconnects its slot; removing a step or a group removes it (a group keeps its steps)', () => {
    let def = removeElements(
      all,
      [],
      ['toets->beoordeling:otherwise', 'vraag->toets:route:0', 'group:aanvraag->ingetrokken:event:withdraw'],
    );
    expect((def.steps.toets as any).otherwise).toBeUndefined();
    expect((def.steps.vraag as any).next).toBe('wacht');
    expect(def.groups!.aanvraag.on).toEqual({});
    def = removeElements(def, ['bericht', 'group:aanvraag'], []);
    expect(def.steps.bericht).toBeUndefined();
    expect(def.layout!.bericht).toBeUndefined();
    expect(def.groups!.aanvraag).toBeUndefined();
    expect(def.steps.vraag.group).toBeUndefined();
    expect(checkDefinition(def).problems.map((p) => p.code)).toContain('P003'); // wacht → bericht is gone
  });

  it('moves nodes into the layout and puts steps in and out of groups', () => {
    let def = moveNodes(all, { vraag: { x: 1.2, y: 2.7 }, 'group:aanvraag': { x: 5, y: 6 } });
    expect(def.layout!.vraag).toEqual({ x: 1, y: 3 });
    expect(def.layout!.aanvraag).toEqual({ x: 5, y: 6 });
    def = setGroup(def, 'wacht', 'aanvraag');
    expect(def.steps.wacht.group).toBe('aanvraag');
    def = setGroup(def, 'wacht', undefined);
    expect('group' in def.steps.wacht).toBe(false);
  });

  it('lists the handles of each kind, empty slots included', () => {
    expect(handlesOf(all, 'toets', 'en').map((h) => h.id)).toEqual(['rule:0', 'rule:new', 'otherwise']);
    expect(handlesOf(all, 'beoordeling', 'nl').map((h) => h.id)).toEqual(['outcome:ok', 'outcome:new']);
    expect(handlesOf(all, 'wacht', 'nl').map((h) => h.id)).toEqual(['then', 'timeout']);
    expect(handlesOf(all, 'klaar', 'nl')).toEqual([]);
  });
});

describe('decision tables on the canvas', () => {
  it('shows a slot per row and the UNIQUE error slot; connecting sets the row target', () => {
    const def = load('tabeltoets');
    expect(handlesOf(def, 'toets', 'nl').map((h) => h.id)).toEqual([
      'row:0',
      'row:1',
      'row:2',
      'row:3',
      'error',
      'otherwise',
    ]);
    const { edges } = toFlow(def, { problems: [], lang: 'nl' });
    expect(edges.filter((e) => e.source === 'toets').map((e) => `${e.sourceHandle}>${e.target}`)).toEqual([
      'row:0>afgewezen',
      'row:1>afgewezen',
      'row:2>afgewezen',
      'row:3>toekenning',
      'error>beoordeling',
      'otherwise>beoordeling',
    ]);
    const changed = connect(def, 'toets', 'row:1', 'beoordeling');
    expect((changed.steps.toets as any).table.rows[1].goto).toBe('beoordeling');
    const removed = removeElements(def, [], ['toets->afgewezen:row:0']);
    expect((removed.steps.toets as any).table.rows).toHaveLength(3);
  });
});

describe('parallel lines', () => {
  it('bend apart when they join the same two steps, so each stays visible; a single line bends halfway', () => {
    const bends = parallelBends([
      { id: 'a', source: 'toets', target: 'afgewezen' },
      { id: 'b', source: 'toets', target: 'afgewezen' },
      { id: 'c', source: 'toets', target: 'afgewezen' },
      { id: 'd', source: 'toets', target: 'toegekend' },
    ]);
    expect(bends.get('d')).toEqual({ index: 0, count: 1, stepPosition: 0.5 });
    const positions = ['a', 'b', 'c'].map((id) => bends.get(id)!.stepPosition);
    expect(new Set(positions).size).toBe(3);
    for (const p of positions) {
      expect(p).toBeGreaterThanOrEqual(0.15);
      expect(p).toBeLessThanOrEqual(0.85);
    }
    expect(['a', 'b', 'c'].map((id) => bends.get(id)!.index)).toEqual([0, 1, 2]);
  });
});
