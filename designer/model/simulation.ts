import { createMachine } from 'xstate';
import { getSimplePaths } from 'xstate/graph';
import { createTranslator, designerCatalogues } from '../../runtime/i18n/index.js';
import {
  askPerson,
  citizenFields,
  createJourney,
  graphEdges,
  outcomeAtStep,
  own,
  renderText,
  t,
  taskOf,
  todayIn,
  validateAnswers,
  viewAt,
  wallClock,
  withAnswers,
  type CaseEvent,
  type Field,
  type JourneyRecord,
  type JourneySnapshot,
  type Lang,
  type Process,
  type TimeSource,
} from '../../runtime/model/index.js';

/** A decision's explanation; `trigger` (its index) when it is the reason a proactive case started. */
export type Explanation = {
  step: string;
  rule: number | 'otherwise' | 'error';
  because: string;
  inputs: Record<string, unknown>;
  trigger?: number;
};
/** A proactive start: the trigger (its index in `process.triggers`) and the signal's data as known facts. */
export type SimulationStart = { via?: number; facts?: Record<string, unknown> };
type Frame = { snapshot: JourneySnapshot; label: string; explanations: Explanation[]; messages: string[] };

/**
 * A journey run in the browser with the journey simulator the server moves
 * cases with (runtime/model/journey): forms validated by the same field
 * kinds, decisions explained and messages worded as the engine records
 * them, a rule that cannot be evaluated handed to a person as the engine
 * does, "today" in Dutch time. A log of events with step back; nothing is
 * stored.
 *
 * With `via` the journey starts as a trigger would start it on the server:
 * at that trigger's start step, with `facts` (the signal's data) as the
 * case data and the trigger's reason as the first explanation.
 */
export function createSimulation(def: Process, lang: Lang, opts: SimulationStart = {}, clock: TimeSource = wallClock) {
  const say = createTranslator(designerCatalogues, lang);
  const journey = createJourney(def);

  // What the engine would record, as the designer reads it: explanations and messages in the designer's language.
  const effects = (records: JourneyRecord[]) => ({
    explanations: records.flatMap((r): Explanation[] =>
      r.type === 'decision.made' ? [{ step: r.step, rule: r.rule, because: r.because[lang], inputs: r.inputs }] : [],
    ),
    messages: records.flatMap((r) => (r.type === 'message.queued' ? [`${r.subject[lang]}: ${r.body[lang]}`] : [])),
  });

  let frames: Frame[] = [];
  const trigger = opts.via !== undefined ? def.triggers?.[opts.via] : undefined;
  const start = () => {
    const facts = { ...(opts.facts ?? {}) };
    const move = journey.start({ data: facts, via: opts.via });
    const started = effects(journey.records(move.actions));
    if (trigger) {
      // The server records the reason the citizen qualifies as the case's first explanation.
      const because = renderText(trigger.because, facts, journey.fields)[lang];
      started.explanations.unshift({
        step: trigger.start,
        rule: opts.via!,
        because,
        inputs: facts,
        trigger: opts.via!,
      });
    }
    const label = trigger
      ? say('simLogStartedVia', { n: opts.via! + 1, signal: trigger.signal })
      : say('simLogStarted');
    frames = [{ snapshot: move.snapshot, label, ...started }];
  };
  start();

  const current = () => frames[frames.length - 1];
  const here = () => {
    const id = journey.stepAt(current().snapshot);
    return { id, step: own(def.steps, id) };
  };
  /** Moves as the engine would: not when the event is not possible; a rule that cannot be evaluated asks a person. */
  const apply = (event: CaseEvent, label: string): boolean => {
    const { snapshot } = current();
    const allowed = journey.can(snapshot, event);
    if (!allowed.value && !allowed.failure) return false;
    const move = journey.next(snapshot, event);
    if (!move.discard) {
      frames.push({ snapshot: move.snapshot, label, ...effects(journey.records(move.actions)) });
      return true;
    }
    const base = withAnswers(journey, snapshot, event);
    const asked = askPerson(journey, base, {
      step: move.failure!.step ?? here().id,
      message: move.failure!.error.message,
    });
    const failed = say('simLogRuleFailed');
    frames.push({
      snapshot: asked?.snapshot ?? base,
      label: `${label} (${failed})`,
      ...effects(asked ? journey.records(asked.actions) : []),
    });
    return true;
  };
  const validate = (list: Field[], raw: Record<string, unknown>) =>
    validateAnswers(list, raw, current().snapshot.context.data, { today: todayIn(clock), lang });

  return {
    state() {
      const view = viewAt(journey, current().snapshot, lang);
      return {
        ...view,
        data: current().snapshot.context.data as Record<string, unknown>,
        log: frames.map((f) => f.label),
        explanations: frames.flatMap((f) => f.explanations),
        messages: frames.flatMap((f) => f.messages),
      };
    },
    /** Answers the current form step; returns the field errors, or null when the journey moved on. */
    submit(raw: Record<string, unknown>): Record<string, string[]> | null {
      const { id, step } = here();
      const fields = citizenFields(def, id);
      if (!step || !fields) return { _: ['not at a form step'] };
      const { values, cleared, errors } = validate(fields, raw);
      if (Object.keys(errors).length) return errors;
      apply({ type: 'submit', data: values, cleared }, say('simLogAnswers', { step: t(step.title, lang) || id }));
      return null;
    },
    /** Chooses a handoff outcome (with its fields), as the official would. */
    complete(outcome: string, raw: Record<string, unknown> = {}): Record<string, string[]> | null {
      const { id, step } = here();
      const choices = taskOf(step)?.outcomes;
      if (!step || !choices) return { _: ['not at a handoff'] };
      const chosen = choices.find((o) => o.id === outcome);
      if (!chosen) return { outcome: ['unknown outcome'] };
      const { values, cleared, errors } = validate(chosen.fields ?? [], raw);
      if (Object.keys(errors).length) return errors;
      apply(
        { type: 'task.completed', step: id!, outcome, data: values, cleared },
        `${t(step.title, lang)}: ${t(chosen.label, lang)}`,
      );
      return null;
    },
    fireTimer(timer: string) {
      return apply({ type: 'timer.fired', timer }, `timer ${timer}`);
    },
    signal(name: string, data: Record<string, unknown> = {}) {
      return apply({ type: `signal.${name}`, data }, say('simLogSignal', { name }));
    },
    groupEvent(name: string) {
      return apply({ type: name }, name);
    },
    back() {
      if (frames.length > 1) frames.pop();
    },
    reset: start,
  };
}
export type Simulation = ReturnType<typeof createSimulation>;

/**
 * Every path from the start to each end, found with xstate/graph on the
 * process's graph (every edge an event, guards left out: which answers take
 * which route is the simulation's business). At most `limit` paths.
 */
export function allPaths(def: Process, limit = 500): { end: string; steps: string[] }[] {
  if (!def.steps[def.start]) return [];
  const edges = graphEdges(def);
  const ends = new Set(Object.keys(def.steps).filter((id) => outcomeAtStep(def, id) !== undefined));
  const states = Object.fromEntries(
    Object.keys(def.steps).map((id) => [
      id,
      ends.has(id)
        ? { type: 'final' as const }
        : { on: Object.fromEntries((edges.get(id) ?? []).map((to) => [`go.${to}`, { target: to }])) },
    ]),
  );
  const graph = createMachine({ id: 'paths', initial: def.start, states } as never);
  const paths = getSimplePaths(graph as never) as {
    state: { value: unknown };
    steps: { state: { value: unknown } }[];
  }[];
  const out: { end: string; steps: string[] }[] = [];
  for (const path of paths) {
    const end = String(path.state.value);
    if (!ends.has(end)) continue;
    const steps = [...path.steps.map((s) => String(s.state.value)), end].filter(
      (id, i, all) => i === 0 || all[i - 1] !== id,
    );
    out.push({ end, steps });
    if (out.length >= limit) break;
  }
  return out;
}
