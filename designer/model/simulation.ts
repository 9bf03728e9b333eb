import { createMachine, initialTransition, transition } from 'xstate';
import { getSimplePaths } from 'xstate/graph';
import { createTranslator, designerCatalogues } from '../../runtime/i18n/index.js';
import {
  compileToConfig, createCaseMachine, explanationInputs, fillPlaceholders, formatAnswer, graphEdges, stepKind, stepOf, t, validateAnswers,
  type Field, type Lang, type Process, type Step, type Text,
} from '../../runtime/model/index.js';
import { timeoutTimer } from '../../runtime/model/steps/wait.js';

type Action = { type: string; params?: Record<string, any>; info?: { context?: { data?: Record<string, unknown> } } };
/** A decision's explanation; `trigger` (its index) when it is the reason a proactive case started. */
export type Explanation = { step: string; rule: number | 'otherwise'; because: string; inputs: Record<string, unknown>; trigger?: number };
/** A proactive start: the trigger (its index in `process.triggers`) and the signal's data as known facts. */
export type SimulationStart = { via?: number; facts?: Record<string, unknown> };
type Frame = { snapshot: any; label: string; explanations: Explanation[]; messages: string[] };

const today = () => new Date().toISOString().slice(0, 10);

/**
 * A journey run in the browser with the same compiler and XState as the
 * server: forms validated by the same field kinds, decisions explained, a log
 * of events with step back. Nothing is stored.
 *
 * With `via` the journey starts as a trigger would start it on the server:
 * at that trigger's start step, with `facts` (the signal's data) as the
 * case data and the trigger's reason as the first explanation.
 */
export function createSimulation(def: Process, lang: Lang, opts: SimulationStart = {}) {
  const say = createTranslator(designerCatalogues, lang);
  const machine = createCaseMachine(compileToConfig(def));
  const fields = new Map<string, Field>();
  for (const step of Object.values(def.steps)) for (const f of stepKind(step.kind).fields(step)) fields.set(f.id, f);
  const render = (text: Text, data: Record<string, unknown>) =>
    fillPlaceholders(t(text, lang), data, (v, name) => (fields.has(name) ? formatAnswer(fields.get(name)!, v, lang) : String(v)));

  const effects = (actions: Action[]) => {
    const explanations: Explanation[] = [];
    const messages: string[] = [];
    for (const a of actions) {
      const data = a.info?.context?.data ?? {};
      if (a.type === 'explain') {
        const { inputs, scope } = explanationInputs(a.params as { inputs: string[]; table?: { id: string; expr: string }[] }, data);
        explanations.push({ step: a.params!.step, rule: a.params!.rule, because: render(a.params!.because, scope), inputs });
      }
      if (a.type === 'queueMessage') messages.push(`${render(a.params!.subject, data)}: ${render(a.params!.body, data)}`);
    }
    return { explanations, messages };
  };

  let frames: Frame[] = [];
  const trigger = opts.via !== undefined ? def.triggers?.[opts.via] : undefined;
  const start = () => {
    const facts = { ...(opts.facts ?? {}) };
    const [snapshot, actions] = initialTransition(machine, { data: facts, via: opts.via });
    const started = effects(actions as Action[]);
    if (trigger) {
      // The server records the reason the citizen qualifies as the case's first explanation.
      started.explanations.unshift({ step: trigger.start, rule: opts.via!, because: render(trigger.because, facts), inputs: facts, trigger: opts.via! });
    }
    const label = trigger
      ? say('simLogStartedVia', { n: opts.via! + 1, signal: trigger.signal })
      : say('simLogStarted');
    frames = [{ snapshot, label, ...started }];
  };
  start();

  const current = () => frames[frames.length - 1];
  const currentStep = (): [string | null, Step | undefined] => {
    const id = stepOf(current().snapshot.value);
    return [id, id ? def.steps[id] : undefined];
  };
  const apply = (event: Record<string, unknown> & { type: string }, label: string): boolean => {
    if (!current().snapshot.can(event)) return false;
    const [snapshot, actions] = transition(machine, current().snapshot, event as never);
    frames.push({ snapshot, label, ...effects(actions as Action[]) });
    return true;
  };
  const validate = (list: Field[], raw: Record<string, unknown>) =>
    validateAnswers(list, raw, current().snapshot.context.data, { today: today(), lang });

  return {
    state() {
      const [id, step] = currentStep();
      const data = current().snapshot.context.data as Record<string, unknown>;
      return {
        step: id,
        kind: step?.kind ?? null,
        title: step ? t(step.title, lang) : '',
        fields: step?.kind === 'form' ? step.fields : undefined,
        outcomes: step?.kind === 'handoff' ? step.outcomes.map((o) => ({ id: o.id, label: t(o.label, lang), fields: o.fields ?? [] })) : undefined,
        waits: step?.kind === 'wait' ? { timer: step.for ? id! : undefined, timeout: step.timeout ? timeoutTimer(id!) : undefined, signal: step.signal } : undefined,
        events: Object.entries(def.groups ?? {}).flatMap(([, g]) => Object.entries(g.on ?? {}).filter(([name]) => current().snapshot.can({ type: name })).map(([name, on]) => ({ name, label: t(on.label, lang) }))),
        ended: step?.kind === 'end',
        outcome: step?.kind === 'end' ? step.outcome : undefined,
        data,
        log: frames.map((f) => f.label),
        explanations: frames.flatMap((f) => f.explanations),
        messages: frames.flatMap((f) => f.messages),
      };
    },
    /** Answers the current form step; returns the field errors, or null when the journey moved on. */
    submit(raw: Record<string, unknown>): Record<string, string[]> | null {
      const [id, step] = currentStep();
      if (step?.kind !== 'form') return { _: ['not at a form step'] };
      const { values, cleared, errors } = validate(step.fields, raw);
      if (Object.keys(errors).length) return errors;
      apply({ type: 'submit', data: values, cleared }, say('simLogAnswers', { step: t(step.title, lang) || id }));
      return null;
    },
    /** Chooses a handoff outcome (with its fields), as the official would. */
    complete(outcome: string, raw: Record<string, unknown> = {}): Record<string, string[]> | null {
      const [id, step] = currentStep();
      if (step?.kind !== 'handoff') return { _: ['not at a handoff'] };
      const chosen = step.outcomes.find((o) => o.id === outcome);
      if (!chosen) return { outcome: ['unknown outcome'] };
      const { values, cleared, errors } = validate(chosen.fields ?? [], raw);
      if (Object.keys(errors).length) return errors;
      apply({ type: 'task.completed', step: id!, outcome, data: values, cleared }, `${t(step.title, lang)}: ${t(chosen.label, lang)}`);
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
  const states = Object.fromEntries(Object.keys(def.steps).map((id) => [id, def.steps[id].kind === 'end'
    ? { type: 'final' as const }
    : { on: Object.fromEntries((edges.get(id) ?? []).map((to) => [`go.${to}`, { target: to }])) }]));
  const graph = createMachine({ id: 'paths', initial: def.start, states } as never);
  const paths = getSimplePaths(graph as never) as { state: { value: unknown }; steps: { state: { value: unknown } }[] }[];
  const out: { end: string; steps: string[] }[] = [];
  for (const path of paths) {
    const end = String(path.state.value);
    if (def.steps[end]?.kind !== 'end') continue;
    const steps = [...path.steps.map((s) => String(s.state.value)), end].filter((id, i, all) => i === 0 || all[i - 1] !== id);
    out.push({ end, steps });
    if (out.length >= limit) break;
  }
  return out;
}
