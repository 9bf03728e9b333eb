import { describe, expect, it } from 'vitest';
import {
  classOf,
  compareRows,
  contrast,
  dropOffRate,
  edgeCountText,
  edgeFigures,
  edgeWidth,
  figureDetail,
  figureText,
  finishedTotal,
  formatDuration,
  formatPercent,
  inkFor,
  insightsQuery,
  legend,
  nextDay,
  NO_DATA,
  nodeFigures,
  PALETTE,
  type Insights,
  type StepFigures,
} from '../../designer/model/figures.js';
import { toFlow } from '../../designer/model/flow.js';
import type { Process } from '../../runtime/model/index.js';
import { fixtureProcess } from '../helpers/fixtures.js';

const toeslag = (): Process => fixtureProcess('toeslag') as Process;
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const step = (over: Partial<StepFigures> = {}): StepFigures => ({
  step: 'huishouden',
  title: 'Uw huishouden',
  kind: 'form',
  entered: 12,
  left: 9,
  dropOff: 3,
  medianMs: 20 * MIN,
  p90Ms: 2 * HOUR,
  personRequests: 0,
  ...over,
});
const insights = (over: Partial<Insights> = {}): Insights => ({
  process: 'toeslag',
  version: 1,
  period: { from: null, to: null },
  cases: { started: 10, active: 4, finished: { granted: 3, rejected: 2, withdrawn: 1 } },
  steps: [],
  transitions: [],
  handoffRate: 0.25,
  tasksOverdue: 0,
  feedback: { count: 0, average: null, recent: [] },
  ...over,
});

describe('durations and numbers, in Dutch and English', () => {
  it('says a duration as people do', () => {
    expect(formatDuration(null, 'nl')).toBe('–');
    expect(formatDuration(undefined, 'en')).toBe('–');
    expect(formatDuration(-5, 'nl')).toBe('–');
    expect(formatDuration(0, 'nl')).toBe('< 1 s');
    expect(formatDuration(999, 'en')).toBe('< 1 s');
    expect(formatDuration(40_000, 'nl')).toBe('40 s');
    expect(formatDuration(20 * MIN, 'nl')).toBe('20 min');
    expect(formatDuration(59.9 * MIN, 'nl')).toBe('59 min');
    expect(formatDuration(HOUR, 'nl')).toBe('1 u');
    expect(formatDuration(1.5 * HOUR, 'nl')).toBe('1,5 u');
    expect(formatDuration(1.5 * HOUR, 'en')).toBe('1.5 h');
    expect(formatDuration(13.4 * HOUR, 'nl')).toBe('13 u');
    expect(formatDuration(DAY, 'nl')).toBe('1 dag');
    expect(formatDuration(DAY, 'en')).toBe('1 day');
    expect(formatDuration(2.5 * DAY, 'nl')).toBe('2,5 dagen');
    expect(formatDuration(2.5 * DAY, 'en')).toBe('2.5 days');
    expect(formatDuration(12 * DAY, 'en')).toBe('12 days');
  });

  it('writes shares as percentages, with a decimal below 10 %', () => {
    expect(formatPercent(0.25, 'nl')).toBe('25%');
    expect(formatPercent(0.025, 'nl')).toBe('2,5%');
    expect(formatPercent(0.025, 'en')).toBe('2.5%');
    expect(formatPercent(0, 'nl')).toBe('0%');
    expect(formatPercent(null, 'nl')).toBe('–');
    expect(dropOffRate({ entered: 0, dropOff: 0 })).toBeNull();
    expect(dropOffRate({ entered: 12, dropOff: 3 })).toBe(0.25);
  });
});

describe('colour classes', () => {
  it('puts time spent in fixed classes (< 1 min, < 10 min, < 1 h, < 1 day, longer)', () => {
    expect(
      [0, 30_000, 5 * MIN, 30 * MIN, 5 * HOUR, 3 * DAY].map((ms) => classOf(step({ medianMs: ms }), 'time')),
    ).toEqual([0, 0, 1, 2, 3, 4]);
    expect(classOf(step({ medianMs: MIN }), 'time')).toBe(1);
    expect(classOf(step({ medianMs: null }), 'time')).toBeNull();
    expect(classOf(step({ entered: 0 }), 'time')).toBeNull();
    expect(classOf(undefined, 'time')).toBeNull();
  });

  it('puts drop-off in fixed classes (none, ≤ 5 %, ≤ 15 %, ≤ 30 %, more)', () => {
    const at = (dropOff: number) => classOf(step({ entered: 100, dropOff }), 'dropOff');
    expect([0, 1, 5, 6, 15, 16, 30, 31, 100].map(at)).toEqual([0, 1, 1, 2, 2, 3, 3, 4, 4]);
    expect(classOf(step({ entered: 0, dropOff: 0 }), 'dropOff')).toBeNull();
  });

  it('writes every colour with an ink of at least 4.5:1 contrast (WCAG AA)', () => {
    for (const bg of [...PALETTE, NO_DATA]) expect(contrast(bg, inkFor(bg)), bg).toBeGreaterThanOrEqual(4.5);
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(inkFor('#ffffb2')).toBe('#1a1a1a');
    expect(inkFor('#bd0026')).toBe('#ffffff');
    expect(() => contrast('red', '#fff')).toThrow(/#rrggbb/);
  });

  it('has a legend per measure: five classes light to dark and "no cases", each with a label', () => {
    const time = legend('time', 'nl');
    expect(time.map((e) => e.label)).toEqual([
      '< 1 min',
      '1 min – 10 min',
      '10 min – 1 u',
      '1 u – 1 dag',
      '≥ 1 dag',
      'geen zaken',
    ]);
    expect(time.map((e) => e.color)).toEqual([...PALETTE, NO_DATA]);
    expect(legend('dropOff', 'en').map((e) => e.label)).toEqual([
      'none',
      '≤ 5%',
      '5% – 15%',
      '15% – 30%',
      '> 30%',
      'no cases',
    ]);
  });
});

describe('figures on nodes', () => {
  it('shows the figure as text, the chosen measure first', () => {
    expect(figureText(step(), 'time', 'nl')).toBe('mediaan 20 min · uitval 3 (25%)');
    expect(figureText(step(), 'dropOff', 'nl')).toBe('uitval 3 (25%) · mediaan 20 min');
    expect(figureText(step({ dropOff: 0 }), 'time', 'en')).toBe('median 20 min · drop-off 0');
    expect(figureText(undefined, 'time', 'nl')).toBe('geen zaken');
    expect(figureDetail(step({ personRequests: 2 }), 'nl')).toBe(
      '12 keer binnengekomen, 9 keer verder; mediaan 20 min, 90% binnen 2 u; uitval 3 (25%); 2 keer een medewerker gevraagd.',
    );
    expect(figureDetail(undefined, 'en')).toBe('No cases in this period.');
  });

  it('decorates every step of the canvas, grey without cases', () => {
    const figures = nodeFigures(
      ['huishouden', 'geldzaken'],
      insights({ steps: [step({ medianMs: 3 * DAY })] }),
      'time',
      'nl',
    );
    expect(figures.huishouden).toMatchObject({
      level: 4,
      color: PALETTE[4],
      ink: '#ffffff',
      text: 'mediaan 3 dagen · uitval 3 (25%)',
    });
    expect(figures.geldzaken).toMatchObject({ level: null, color: NO_DATA, text: 'geen zaken' });
  });
});

describe('figures on edges', () => {
  const def = toeslag();
  const { edges } = toFlow(def, { problems: [], lang: 'nl' });
  const transitions = [
    { from: 'huishouden', to: 'geldzaken', count: 7 },
    { from: 'geldzaken', to: 'toets', count: 5 },
    { from: 'toets', to: 'afgewezen', count: 2 },
    { from: 'toets', to: 'beoordeling', count: 2 },
    { from: 'beoordeling', to: 'ingetrokken', count: 1 },
    { from: 'toets', to: 'ingetrokken', count: 1 },
    { from: 'oud', to: 'geldzaken', count: 4 },
  ];

  it("counts a transition on the edge between its steps, a group event on the group's edge, and returns what no edge explains", () => {
    const { byEdge, unmatched, max } = edgeFigures(def, edges, transitions);
    const on = (source: string, target: string) =>
      edges.filter((e) => e.source === source && e.target === target).map((e) => byEdge[e.id]);
    expect(on('huishouden', 'geldzaken')).toEqual([{ count: 7, parallel: 1, width: 7 }]);
    expect(on('geldzaken', 'toets')[0].count).toBe(5);
    // Three rules of toets lead to afgewezen: they share the count (the API cannot tell which rule it was).
    expect(on('toets', 'afgewezen').map((f) => [f.count, f.parallel])).toEqual([
      [2, 3],
      [2, 3],
      [2, 3],
    ]);
    // Withdrawn from beoordeling and from toets: both through the group "aanvraag".
    expect(on('group:aanvraag', 'ingetrokken')).toEqual([expect.objectContaining({ count: 2, parallel: 1 })]);
    expect(on('toekenning', 'toegekend')[0]).toEqual({ count: 0, parallel: 1, width: 1.5 });
    expect(unmatched).toEqual([{ from: 'oud', to: 'geldzaken', count: 4 }]);
    expect(max).toBe(7);
    expect(Object.keys(byEdge).sort()).toEqual(edges.map((e) => e.id).sort());
  });

  it('draws busier edges thicker and labels parallel ones as shared', () => {
    expect(edgeWidth(0, 10)).toBe(1.5);
    expect(edgeWidth(10, 10)).toBe(7);
    expect(edgeWidth(1, 100)).toBe(2.5);
    expect(edgeWidth(5, 0)).toBe(1.5);
    expect(edgeCountText({ count: 12, parallel: 1, width: 3 }, 'nl')).toBe('12');
    expect(edgeCountText({ count: 12, parallel: 3, width: 3 }, 'nl')).toBe('12 (samen, 3 lijnen)');
    expect(edgeCountText({ count: 12, parallel: 2, width: 3 }, 'en')).toBe('12 (together, 2 lines)');
  });
});

describe('the period and comparing versions', () => {
  it("asks for whole days, the last one included (the API's `to` is exclusive)", () => {
    expect(nextDay('2026-02-28')).toBe('2026-03-01');
    expect(nextDay('2024-12-31')).toBe('2025-01-01');
    expect(insightsQuery({ version: 2, from: '2026-01-01', to: '2026-01-31' })).toBe(
      '?version=2&from=2026-01-01&to=2026-02-01',
    );
    expect(insightsQuery({ version: 1 })).toBe('?version=1');
    expect(insightsQuery({ from: '', to: 'gisteren', inactiveDays: 7 })).toBe('?inactiveDays=7');
    expect(insightsQuery({})).toBe('');
  });

  it("puts two versions' figures side by side: the process, then per step (missing where a version has no such step)", () => {
    const a = insights({ steps: [step()] });
    const b = insights({
      cases: { started: 4, active: 1, finished: { granted: 3 } },
      handoffRate: 0.5,
      steps: [step({ medianMs: 2 * MIN, dropOff: 0 })],
    });
    expect(finishedTotal(a)).toBe(6);
    const rows = compareRows(
      a,
      b,
      [
        { id: 'huishouden', title: 'Uw huishouden', inA: true, inB: true },
        { id: 'nieuw', title: 'Nieuw', inA: false, inB: true },
      ],
      'nl',
      (o) => ({ granted: 'Toegekend' })[o] ?? o,
    );
    expect(rows.process).toEqual([
      { id: 'started', label: 'Zaken gestart', a: '10', b: '4' },
      { id: 'active', label: 'Nog lopend', a: '4', b: '1' },
      { id: 'finished:granted', label: 'Afgerond: Toegekend', a: '3', b: '3' },
      { id: 'finished:rejected', label: 'Afgerond: rejected', a: '2', b: '0' },
      { id: 'finished:withdrawn', label: 'Afgerond: withdrawn', a: '1', b: '0' },
      { id: 'handoff', label: 'Naar een medewerker', a: '25%', b: '50%' },
    ]);
    expect(rows.steps).toEqual([
      { id: 'huishouden', label: 'Uw huishouden', a: '20 min · uitval 3', b: '2 min · uitval 0' },
      { id: 'nieuw', label: 'Nieuw', a: null, b: 'geen zaken' },
    ]);
    expect(compareRows(null, b, [], 'en').process[0]).toEqual({
      id: 'started',
      label: 'Cases started',
      a: null,
      b: '4',
    });
  });
});
