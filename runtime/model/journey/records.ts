import { counterfactualOf, type Counterfactual } from '../counterfactual.js';
import { explanationInputs } from '../decision-table.js';
import { formatAnswer, type Field } from '../fields/index.js';
import { own } from '../reserved.js';
import type { Process } from '../schema.js';
import { isFinal, stepKind } from '../steps/index.js';
import type { Deadline } from '../steps/handoff.js';
import { fillPlaceholders, languages, t, type Lang, type Text } from '../text.js';

/** An action as XState's `transition()` returns it: a name, its params, and the context and event at that moment. */
export type JourneyAction = {
  type: string;
  params?: Record<string, any>;
  info?: { context?: { data?: Record<string, unknown> }; event?: { type: string; data?: Record<string, unknown> } };
};

/** A text in every language of the interface. */
export type Texts = Record<Lang, string>;

/**
 * What one named action of a move records, before anything is stored: the
 * engine commits these (tasks, timers, messages, audit entries), the
 * designer's simulation shows them, the pages read the next step from them.
 * Texts are rendered here, once, in every language.
 */
export type JourneyRecord =
  | { type: 'step.entered'; step: string; journey: boolean; ends: boolean }
  | {
      type: 'decision.made';
      step: string;
      rule: number | 'otherwise' | 'error';
      when: string | null;
      inputs: Record<string, unknown>;
      because: Texts;
      error?: string;
      /** What would have led to another outcome (runtime/model/counterfactual.ts); absent when there is none to tell. */
      counterfactual?: Counterfactual;
    }
  | {
      type: 'task.opened';
      step: string;
      team: string;
      due: Deadline | null;
      kind: string;
      escalate: unknown;
      /** `contact`: a task of "ask for a person"; `request`: what the citizen asked and how to reach them. */
      contact: boolean;
      request: Record<string, unknown>;
    }
  | { type: 'task.closed'; step: string }
  | { type: 'timer.set'; timer: string; after: string }
  | { type: 'timer.cleared'; timer: string }
  | { type: 'message.queued'; step: string; subject: Texts; body: Texts };

/** All fields of a process by id, for formatting values in messages and explanations. */
export function fieldsById(process: Process): Map<string, Field> {
  const map = new Map<string, Field>();
  for (const step of Object.values(process.steps)) for (const f of stepKind(step.kind).fields(step)) map.set(f.id, f);
  return map;
}

/** Renders a text with placeholders in every language, values formatted per their field, white space collapsed. */
export function renderText(text: Text, data: Record<string, unknown>, fields: Map<string, Field>): Texts {
  return Object.fromEntries(
    languages.map((lang) => {
      const format = (value: unknown, name: string) => {
        const field = fields.get(name);
        return field ? formatAnswer(field, value, lang) : String(value);
      };
      return [lang, fillPlaceholders(t(text, lang), data, format).replace(/\s+/g, ' ').trim()];
    }),
  ) as Texts;
}

/** Whether a step ends the case, and with which outcome (undefined: it does not end it). */
export function outcomeAtStep(process: Process, step: string | null | undefined): string | undefined {
  const found = own(process.steps, step);
  return found ? stepKind(found.kind).outcomeOf(found)?.outcome : undefined;
}

/** A task of the contact region ("ask for a person") carries the citizen's request; a handoff's task none. */
function contactRequest(p: Record<string, any>, a: JourneyAction) {
  const contact = p.kind === CONTACT_TASK;
  return { contact, request: contact ? (a.info?.event?.data ?? {}) : {} };
}
const CONTACT_TASK = 'contact';

type Interpret = (
  p: Record<string, any>,
  a: JourneyAction,
  process: Process,
  fields: Map<string, Field>,
) => JourneyRecord;

// One interpretation per action name; xstate.* built-ins (assign) were applied by transition() itself.
const interpretations: Record<string, Interpret> = {
  entered: (p, _a, process) => {
    // The contact region's "step" is not a journey step.
    const step = own(process.steps, p.step);
    return { type: 'step.entered', step: p.step, journey: step !== undefined, ends: isFinal(step) };
  },
  explain: (p, a, process, fields) => {
    const data = a.info?.context?.data ?? {};
    const { inputs, scope } = explanationInputs(
      p as { inputs: string[]; table?: { id: string; expr: string }[] },
      data,
    );
    const counterfactual = counterfactualOf(process, p.step, p.rule, data, fields);
    return {
      type: 'decision.made',
      step: p.step,
      rule: p.rule,
      when: p.when ?? null,
      inputs,
      because: renderText(p.because, scope, fields),
      ...(p.error ? { error: p.error } : {}),
      ...(counterfactual ? { counterfactual } : {}),
    };
  },
  openTask: (p, a) => ({
    type: 'task.opened',
    step: p.step,
    team: p.team,
    due: p.due,
    kind: p.kind,
    escalate: p.escalate,
    ...contactRequest(p, a),
  }),
  closeTask: (p) => ({ type: 'task.closed', step: p.step }),
  setTimer: (p) => ({ type: 'timer.set', timer: p.timer, after: p.after }),
  clearTimer: (p) => ({ type: 'timer.cleared', timer: p.timer }),
  queueMessage: (p, a, _process, fields) => {
    const data = a.info?.context?.data ?? {};
    return {
      type: 'message.queued',
      step: p.step,
      subject: renderText(p.subject, data, fields),
      body: renderText(p.body, data, fields),
    };
  },
};

/** What the actions of one move record, in order. Evaluates table inputs of explanations (outside any event budget). */
export function recordsOf(
  process: Process,
  actions: JourneyAction[],
  fields: Map<string, Field> = fieldsById(process),
): JourneyRecord[] {
  return actions.flatMap((a) => {
    const interpret = own(interpretations, a.type);
    return interpret ? [interpret(a.params ?? {}, a, process, fields)] : [];
  });
}
