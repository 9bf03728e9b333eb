import { citizenActs, isFinal, outcomeOf, own, t, taskOf, type Lang, type Process } from '../model/index.js';
import { valueAtRank, type Store } from '../store/index.js';
import type { Clock } from './clock.js';
import type { Engine } from './engine.js';
import { notFound } from './errors.js';
import { foldWeeks, planWeeks } from './weeks.js';

/** Up to this many finished visits of a step, its percentiles are exact; above, they come from log-scale histograms (within ±10 %). */
export const EXACT_LIMIT = 10_000;

export type InsightOptions = { version?: number; from?: string; to?: string; inactiveDays?: number; lang?: Lang };

/**
 * The learning loop's figures for a process (and version, and period):
 * cases started, finished by outcome, active; per step entered, left,
 * drop-off (withdrawn from it, or inactive there longer than `inactiveDays`),
 * median and 90th percentile of the time spent, requests for a person; per
 * transition how many cases took it; the handoff rate, overdue tasks and
 * citizen feedback. From the step visits the engine writes with every
 * transition, on indexes: fast at a million cases.
 */
export async function insights(store: Store, engine: Engine, clock: Clock, key: string, opts: InsightOptions = {}) {
  const row = await store.processes.get(key);
  if (!row) throw notFound('process', { key });
  const version = opts.version ?? (await store.processes.latest(key))?.version;
  const def = (version ? (await engine.loadVersion(key, version)).process : row.draft) as Process;
  const lang = opts.lang ?? 'nl';
  const f = { key, version, from: opts.from, to: opts.to };

  const byStatus = await store.insights.casesByStatus(f);
  const started = byStatus.reduce((n, r) => n + r.n, 0);
  const finished: Record<string, number> = {};
  for (const r of byStatus)
    if (r.status === 'ended') finished[r.outcome ?? 'unknown'] = (finished[r.outcome ?? 'unknown'] ?? 0) + r.n;

  const withdrawnEnds = new Set(
    Object.entries(def.steps)
      .filter(([, s]) => outcomeOf(s)?.outcome === 'withdrawn')
      .map(([id]) => id),
  );
  const transitions = await store.insights.transitions(f);
  const inactiveBefore = new Date(clock.now().getTime() - (opts.inactiveDays ?? 14) * 86_400_000).toISOString();
  // Inactive: still at a step where the citizen must act (a form), since before the period of inactivity.
  const inactive = new Map(
    (await store.insights.inactive(f, inactiveBefore))
      .filter((r) => citizenActs(own(def.steps, r.step)))
      .map((r) => [r.step, r.n]),
  );
  const percentiles = async (step: string, done: number) => {
    if (!done) return { medianMs: null, p90Ms: null, exact: true };
    if (done <= EXACT_LIMIT)
      return {
        medianMs: await store.insights.durationAt(f, step, Math.ceil(0.5 * done) - 1),
        p90Ms: await store.insights.durationAt(f, step, Math.ceil(0.9 * done) - 1),
        exact: true,
      };
    const h = await store.insights.durationHistogram(f, step);
    return {
      medianMs: valueAtRank(h, Math.ceil(0.5 * done) - 1),
      p90Ms: valueAtRank(h, Math.ceil(0.9 * done) - 1),
      exact: false,
    };
  };
  const steps = [];
  for (const s of await store.insights.stepCounts(f)) {
    const withdrawn = transitions
      .filter((tr) => tr.from === s.step && withdrawnEnds.has(tr.to))
      .reduce((n, tr) => n + tr.count, 0);
    const done = s.left;
    steps.push({
      step: s.step,
      title: own(def.steps, s.step) ? t(own(def.steps, s.step)!.title, lang) : s.step,
      kind: own(def.steps, s.step)?.kind ?? null,
      entered: s.entered,
      left: s.left,
      dropOff: withdrawn + (inactive.get(s.step) ?? 0),
      // Nearest-rank percentiles over the finished visits: exact up to EXACT_LIMIT visits, else from the histograms.
      ...(await percentiles(s.step, done)),
      personRequests: s.personRequests ?? 0,
    });
  }
  // Per week (Monday first, Dutch time): started from the cases' creation, finished from the visits to an end step.
  const plan = planWeeks({ from: opts.from, to: opts.to }, clock.now());
  const wf = { key, version, from: plan.from, to: plan.to };
  const ends = Object.entries(def.steps)
    .filter(([, s]) => isFinal(s))
    .map(([id]) => id);
  const startedPerWeek = foldWeeks(
    plan.weeks,
    (await store.insights.startedByHour(wf)).map((r) => ({ at: r.hour, n: r.n })),
  );
  const finishedPerWeek = foldWeeks(
    plan.weeks,
    (await store.insights.enteredByDay(wf, ends)).map((r) => ({ at: r.day, n: r.n })),
  );
  return {
    process: key,
    version: version ?? null,
    period: { from: opts.from ?? null, to: opts.to ?? null },
    cases: { started, active: byStatus.filter((r) => r.status === 'active').reduce((n, r) => n + r.n, 0), finished },
    steps,
    transitions,
    weeks: plan.weeks.map((week, i) => ({ week, started: startedPerWeek[i], finished: finishedPerWeek[i] })),
    // Handoffs per started case (a case handed off twice counts twice).
    handoffRate: started
      ? Math.round(
          (steps.filter((s) => !!taskOf(own(def.steps, s.step))).reduce((n, s) => n + s.entered, 0) / started) * 1000,
        ) / 1000
      : 0,
    tasksOverdue: await store.insights.tasksOverdue(key, clock.now().toISOString()),
    feedback: await store.insights.feedback(f),
  };
}
export type Insights = Awaited<ReturnType<typeof insights>>;
