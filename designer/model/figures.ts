// Live figures on the canvas (the learning loop): the pure part. What
// `GET /api/processes/:key/insights` answers, turned into what a node and an
// edge show: a colour class (with a readable ink on it), the figure as text
// (colour is never the only carrier), counts on edges, and the legend.
import { createTranslator, formatNumber as intlNumber, learningCatalogues } from '../../runtime/i18n/index.js';
import { groupChain, isFinal, type Lang, type Process } from '../../runtime/model/index.js';

/** One step's figures as the API gives them. */
export type StepFigures = {
  step: string;
  title: string;
  kind: string | null;
  entered: number;
  left: number;
  dropOff: number;
  medianMs: number | null;
  p90Ms: number | null;
  personRequests: number;
};
export type Transition = { from: string; to: string; count: number };
/** `GET /api/processes/:key/insights`. */
export type Insights = {
  process: string;
  version: number | null;
  period: { from: string | null; to: string | null };
  cases: { started: number; active: number; finished: Record<string, number> };
  steps: StepFigures[];
  transitions: Transition[];
  handoffRate: number;
  tasksOverdue: number;
  feedback: {
    count: number;
    average: number | null;
    recent: { score: number; comment: string | null; at: string; step: string | null }[];
  };
};

/** What colours the steps: the median time spent there, or the share of cases that dropped off there. */
export type Measure = 'time' | 'dropOff';

const say = (lang: Lang) => createTranslator(learningCatalogues, lang);

/** A number with at most one decimal, in the language's way (1,5 / 1.5), without a trailing ,0. */
export function formatNumber(n: number, lang: Lang, decimals = 1): string {
  const raw = n.toFixed(decimals);
  const fixed = raw.includes('.') ? raw.replace(/\.?0+$/, '') : raw;
  // Rounded as toFixed does; the decimal mark from Intl (no grouping: "1250,5").
  return intlNumber(Number(fixed), lang, { useGrouping: false, maximumFractionDigits: decimals });
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * A duration as people say it: "< 1 s", "40 s", "20 min", "1,5 u", "3 dagen"
 * (English: "1.5 h", "3 days"); "–" when there is none. One decimal below 10
 * hours or days, whole numbers above.
 */
export function formatDuration(ms: number | null | undefined, lang: Lang): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms) || ms < 0) return '–';
  if (ms < SECOND) return '< 1 s';
  if (ms < MINUTE) return `${Math.round(ms / SECOND)} s`;
  if (ms < HOUR) return `${Math.min(59, Math.round(ms / MINUTE))} min`;
  if (ms < DAY) {
    const h = ms / HOUR;
    return say(lang)('figHours', { text: formatNumber(h, lang, h < 10 ? 1 : 0) });
  }
  const d = ms / DAY;
  const text = formatNumber(d, lang, d < 10 ? 1 : 0);
  return say(lang)('figDays', { text, n: Number(d.toFixed(d < 10 ? 1 : 0)) });
}

/** A share (0..1) as a percentage: "25%", "2,5%" below 10 %. */
export function formatPercent(share: number | null | undefined, lang: Lang): string {
  if (share === null || share === undefined || !Number.isFinite(share)) return '–';
  const p = share * 100;
  return `${formatNumber(p, lang, p > 0 && p < 10 ? 1 : 0)}%`;
}

/** The share of the cases that entered a step and dropped off there (null without cases). */
export function dropOffRate(s: Pick<StepFigures, 'entered' | 'dropOff'>): number | null {
  return s.entered > 0 ? s.dropOff / s.entered : null;
}

/**
 * Five classes, light to dark (after ColorBrewer YlOrRd: also apart for the
 * colour-blind and in greyscale). Fixed bounds, so the same colour means the
 * same in every version and period: time spent < 1 min, < 10 min, < 1 h,
 * < 1 day, longer; drop-off none, ≤ 5 %, ≤ 15 %, ≤ 30 %, more.
 */
export const PALETTE = ['#ffffb2', '#fecc5c', '#fd8d3c', '#e31a1c', '#bd0026'] as const;
export const NO_DATA = '#e6e6e6';
export const TIME_BOUNDS = [MINUTE, 10 * MINUTE, HOUR, DAY] as const;
export const DROP_BOUNDS = [0, 0.05, 0.15, 0.3] as const;

/** The class (0..4) of a step's figure for a measure, or null when the step has no (finished) visits. */
export function classOf(s: StepFigures | undefined, measure: Measure): number | null {
  if (!s || s.entered === 0) return null;
  if (measure === 'time') {
    if (s.medianMs === null) return null;
    const i = TIME_BOUNDS.findIndex((b) => s.medianMs! < b);
    return i === -1 ? TIME_BOUNDS.length : i;
  }
  const rate = dropOffRate(s)!;
  if (rate === 0) return 0;
  const i = DROP_BOUNDS.findIndex((b, n) => n > 0 && rate <= b);
  return i === -1 ? DROP_BOUNDS.length : i;
}

/** WCAG relative luminance of a #rrggbb colour. */
export function luminance(hex: string): number {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new Error(`not a #rrggbb colour: ${hex}`);
  const [r, g, b] = m.slice(1).map((h) => {
    const c = parseInt(h, 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio of two colours (1..21). */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

const DARK = '#1a1a1a';
const LIGHT = '#ffffff';
/** The text colour with the most contrast on a background. */
export function inkFor(bg: string): string {
  return contrast(bg, DARK) >= contrast(bg, LIGHT) ? DARK : LIGHT;
}

/** The figure a node shows: colour, ink, the text on it, and a longer text for its title and screen readers. */
export type NodeFigure = { level: number | null; color: string; ink: string; text: string; detail: string };

/** The short text on a node: the chosen measure first ("mediaan 20 min · uitval 3 (25%)"). */
export function figureText(s: StepFigures | undefined, measure: Measure, lang: Lang): string {
  if (!s || s.entered === 0) return say(lang)('figNoCases');
  const time = say(lang)('figMedian', { duration: formatDuration(s.medianMs, lang) });
  const rate = dropOffRate(s);
  const drop =
    s.dropOff > 0 && rate !== null
      ? say(lang)('figDropOffRate', { n: s.dropOff, rate: formatPercent(rate, lang) })
      : say(lang)('figDropOff', { n: s.dropOff });
  return measure === 'time' ? `${time} · ${drop}` : `${drop} · ${time}`;
}

/** Everything about a step's figures in one sentence. */
export function figureDetail(s: StepFigures | undefined, lang: Lang): string {
  if (!s || s.entered === 0) return say(lang)('figNoCasesInPeriod');
  const parts = [
    say(lang)('figEntered', { entered: s.entered, left: s.left }),
    say(lang)('figMedianP90', { median: formatDuration(s.medianMs, lang), p90: formatDuration(s.p90Ms, lang) }),
    say(lang)('figDropOffRate', { n: s.dropOff, rate: formatPercent(dropOffRate(s), lang) }),
  ];
  if (s.personRequests) parts.push(say(lang)('figPersonRequests', { n: s.personRequests }));
  return `${parts.join('; ')}.`;
}

/** The figures of every step of a definition (steps without visits get "no cases", in grey). */
export function nodeFigures(
  stepIds: string[],
  insights: Pick<Insights, 'steps'>,
  measure: Measure,
  lang: Lang,
): Record<string, NodeFigure> {
  const byStep = new Map(insights.steps.map((s) => [s.step, s]));
  const out: Record<string, NodeFigure> = {};
  for (const id of stepIds) {
    const s = byStep.get(id);
    const level = classOf(s, measure);
    const color = level === null ? NO_DATA : PALETTE[level];
    out[id] = { level, color, ink: inkFor(color), text: figureText(s, measure, lang), detail: figureDetail(s, lang) };
  }
  return out;
}

/** One entry of the legend: a colour and what it stands for. */
export type LegendEntry = { level: number | null; color: string; ink: string; label: string };

/** The legend of a measure: the five classes, light to dark, and "no cases". */
export function legend(measure: Measure, lang: Lang): LegendEntry[] {
  const d = (ms: number) => formatDuration(ms, lang);
  const p = (x: number) => formatPercent(x, lang);
  const labels =
    measure === 'time'
      ? [
          `< ${d(TIME_BOUNDS[0])}`,
          `${d(TIME_BOUNDS[0])} – ${d(TIME_BOUNDS[1])}`,
          `${d(TIME_BOUNDS[1])} – ${d(TIME_BOUNDS[2])}`,
          `${d(TIME_BOUNDS[2])} – ${d(TIME_BOUNDS[3])}`,
          `≥ ${d(TIME_BOUNDS[3])}`,
        ]
      : [
          say(lang)('figNone'),
          `≤ ${p(DROP_BOUNDS[1])}`,
          `${p(DROP_BOUNDS[1])} – ${p(DROP_BOUNDS[2])}`,
          `${p(DROP_BOUNDS[2])} – ${p(DROP_BOUNDS[3])}`,
          `> ${p(DROP_BOUNDS[3])}`,
        ];
  return [
    ...PALETTE.map((color, level) => ({ level, color, ink: inkFor(color), label: labels[level] })),
    { level: null, color: NO_DATA, ink: inkFor(NO_DATA), label: say(lang)('figNoCases') },
  ];
}

/** What an edge shows: how many cases took it (for parallel edges between the same two nodes: together). */
export type EdgeFigure = { count: number; parallel: number; width: number };
type EdgeLike = { id: string; source: string; target: string };

/**
 * The API counts transitions from step to step; the canvas draws an edge
 * per slot. A transition goes on the edge from its step to its target; a
 * group event (withdraw) is drawn from the group, so a transition from a
 * step in a group with no edge of its own goes on the group's edge. Parallel
 * edges (two rules to the same step) share their count: the API cannot tell
 * which rule it was. Transitions no edge explains (a step the definition on
 * the canvas does not have) are returned as `unmatched`.
 */
export function edgeFigures(
  def: Process,
  edges: EdgeLike[],
  transitions: Transition[],
): { byEdge: Record<string, EdgeFigure>; unmatched: Transition[]; max: number } {
  const pair = (source: string, target: string) => `${source}\u0000${target}`;
  const byPair = new Map<string, EdgeLike[]>();
  for (const e of edges) {
    const k = pair(e.source, e.target);
    byPair.set(k, [...(byPair.get(k) ?? []), e]);
  }
  const counts = new Map<string, number>();
  const unmatched: Transition[] = [];
  for (const tr of transitions) {
    const step = def.steps[tr.from];
    const candidates = [
      tr.from,
      ...(step && !isFinal(step) ? groupChain(def, step.group).map((g) => `group:${g}`) : []),
    ];
    const source = candidates.find((c) => byPair.has(pair(c, tr.to)));
    if (source === undefined) {
      unmatched.push(tr);
      continue;
    }
    const k = pair(source, tr.to);
    counts.set(k, (counts.get(k) ?? 0) + tr.count);
  }
  const max = Math.max(0, ...counts.values());
  const byEdge: Record<string, EdgeFigure> = {};
  for (const [k, es] of byPair) {
    const count = counts.get(k) ?? 0;
    for (const e of es) byEdge[e.id] = { count, parallel: es.length, width: edgeWidth(count, max) };
  }
  return { byEdge, unmatched, max };
}

/** Stroke width of an edge: 1.5 px for none, up to 7 px for the busiest (square root, so small counts still show). */
export function edgeWidth(count: number, max: number): number {
  if (!(count > 0) || !(max > 0)) return 1.5;
  return Math.round((2 + 5 * Math.sqrt(count / max)) * 10) / 10;
}

/** The label of an edge with figures: "12", or for parallel edges "12 (3 lijnen)". */
export function edgeCountText(f: EdgeFigure, lang: Lang): string {
  const n = String(f.count);
  return f.parallel > 1 ? `${n} (${say(lang)('figTogether', { n: f.parallel })})` : n;
}

/** The next calendar day of YYYY-MM-DD (the API's `to` is exclusive; the designer picks the last day to include). */
export function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

type InsightsOptions = { version?: number | null; from?: string; to?: string; inactiveDays?: number };

type InsightsParams = { version?: string; from?: string; to?: string; inactiveDays?: string };

/** The query of `GET /api/processes/:key/insights` as parameters (for the API client): only what is set and valid. */
export function insightsParams(opts: InsightsOptions): InsightsParams {
  const q: InsightsParams = {};
  if (opts.version) q.version = String(opts.version);
  if (opts.from && /^\d{4}-\d{2}-\d{2}$/.test(opts.from)) q.from = opts.from;
  if (opts.to && /^\d{4}-\d{2}-\d{2}$/.test(opts.to)) q.to = nextDay(opts.to);
  if (opts.inactiveDays !== undefined) q.inactiveDays = String(opts.inactiveDays);
  return q;
}

/** The query of `GET …/insights` for a version and a period of whole days (both ends included); empty dates leave that end open. */
export function insightsQuery(opts: InsightsOptions): string {
  const s = new URLSearchParams(insightsParams(opts)).toString();
  return s ? `?${s}` : '';
}

/** Cases finished, all outcomes together. */
export function finishedTotal(i: Pick<Insights, 'cases'>): number {
  return Object.values(i.cases.finished).reduce((n, x) => n + x, 0);
}

/**
 * Two versions' figures next to each other: the process's own rows (started,
 * active, finished per outcome, handoff rate) and per step (the steps of
 * both, in the order given) the median time and drop-off. A missing side
 * (no figures, or the step is not in that version: `inA`/`inB` false) is null.
 */
export type CompareRow = { id: string; label: string; a: string | null; b: string | null };
export function compareRows(
  a: Insights | null,
  b: Insights | null,
  steps: { id: string; title: string; inA?: boolean; inB?: boolean }[],
  lang: Lang,
  outcomeLabel: (o: string) => string = (o) => o,
): { process: CompareRow[]; steps: CompareRow[] } {
  const outcomes = [
    ...new Set([...Object.keys(a?.cases.finished ?? {}), ...Object.keys(b?.cases.finished ?? {})]),
  ].sort();
  const side = (i: Insights | null, f: (i: Insights) => string) => (i ? f(i) : null);
  const process: CompareRow[] = [
    {
      id: 'started',
      label: say(lang)('cmpStarted'),
      a: side(a, (i) => String(i.cases.started)),
      b: side(b, (i) => String(i.cases.started)),
    },
    {
      id: 'active',
      label: say(lang)('cmpActive'),
      a: side(a, (i) => String(i.cases.active)),
      b: side(b, (i) => String(i.cases.active)),
    },
    ...outcomes.map((o) => ({
      id: `finished:${o}`,
      label: say(lang)('cmpFinished', { outcome: outcomeLabel(o) }),
      a: side(a, (i) => String(i.cases.finished[o] ?? 0)),
      b: side(b, (i) => String(i.cases.finished[o] ?? 0)),
    })),
    {
      id: 'handoff',
      label: say(lang)('cmpHandoff'),
      a: side(a, (i) => formatPercent(i.handoffRate, lang)),
      b: side(b, (i) => formatPercent(i.handoffRate, lang)),
    },
  ];
  const stepCell = (i: Insights | null, id: string, exists = true) => {
    if (!i || !exists) return null;
    const s = i.steps.find((x) => x.step === id);
    if (!s || s.entered === 0) return say(lang)('figNoCases');
    return `${formatDuration(s.medianMs, lang)} · ${say(lang)('figDropOff', { n: s.dropOff })}`;
  };
  return {
    process,
    steps: steps.map(({ id, title, inA, inB }) => ({
      id,
      label: title,
      a: stepCell(a, id, inA),
      b: stepCell(b, id, inB),
    })),
  };
}
