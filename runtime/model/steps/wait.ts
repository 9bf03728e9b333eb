import { z } from 'zod';
import { fieldSchema } from '../fields/index.js';
import { durationSchema, targetSchema } from '../ids.js';
import type { KindFinding } from '../problems.js';
import { entered, stepBase, targetOf, type StateConfig, type StepKind } from './step-kind.js';
import { say } from './words.js';

const schema = z
  .object({
    kind: z.literal('wait'),
    ...stepBase,
    /** Wait this long, then go to `then`. */
    for: durationSchema.optional(),
    /** Or wait for this signal (a fact from outside), then go to `then`. */
    signal: z
      .string()
      .regex(/^[a-z][a-z0-9-]*(\.[a-z0-9-]+)*$/, 'a signal name is lowercase words joined by - or .')
      .optional(),
    /** The facts the signal brings, validated like answers and stored in the case data. */
    fields: z.array(fieldSchema).optional(),
    then: targetSchema,
    /** When the signal does not come in time. */
    timeout: z.object({ after: durationSchema, goto: targetSchema }).strict().optional(),
  })
  .strict();
export type WaitStep = z.infer<typeof schema>;

export const timeoutTimer = (id: string) => `${id}:timeout`;

/** A timer or an outside signal moves the case on; timers are durable rows. */
export const waitKind: StepKind<WaitStep, 'wait'> = {
  kind: 'wait',
  schema,
  citizenActs: false,
  edges: (step) => [
    { to: step.then, via: step.signal ? 'signal' : 'timer', label: step.signal ?? step.for, place: { at: 'then' } },
    ...(step.timeout
      ? [{ to: step.timeout.goto, via: 'timeout', label: step.timeout.after, place: { at: 'timeout' as const } }]
      : []),
  ],
  expressions: () => [],
  fields: (step) => step.fields ?? [],
  waitsFor: (id, step) => ({
    timer: step.for ? id : undefined,
    timeout: step.timeout ? timeoutTimer(id) : undefined,
    signal: step.signal,
  }),
  templates: () => [],
  check(step) {
    const problems: KindFinding[] = [];
    if (!step.for && !step.signal) problems.push({ code: 'P017', params: { case: 'none' } });
    if (step.for && step.signal) problems.push({ code: 'P017', params: { case: 'both' } });
    if (step.timeout && !step.signal) problems.push({ code: 'P017', params: { case: 'timeout' } });
    return problems;
  },
  compile(id, step) {
    const node: StateConfig = { id, tags: ['wait'], entry: [entered(id)], exit: [], on: {} };
    const timerFired: NonNullable<StateConfig['on']>[string] = [];
    if (step.for) {
      node.entry!.push({ type: 'setTimer', params: { timer: id, after: step.for } });
      node.exit!.push({ type: 'clearTimer', params: { timer: id } });
      timerFired.push({ guard: { type: 'timerIs', params: { timer: id } }, target: targetOf(step.then) });
    }
    if (step.signal) node.on![`signal.${step.signal}`] = { target: targetOf(step.then), actions: ['saveAnswers'] };
    if (step.timeout) {
      node.entry!.push({ type: 'setTimer', params: { timer: timeoutTimer(id), after: step.timeout.after } });
      node.exit!.push({ type: 'clearTimer', params: { timer: timeoutTimer(id) } });
      timerFired.push({
        guard: { type: 'timerIs', params: { timer: timeoutTimer(id) } },
        target: targetOf(step.timeout.goto),
      });
    }
    if (timerFired.length) node.on!['timer.fired'] = timerFired;
    return node;
  },
  final: false,
  outcomeOf: () => undefined,
  task: () => undefined,
  durations: (step) => [step.for, step.timeout?.after].filter((d): d is string => !!d),
  // A wait for a signal takes the facts the signal brings; a timer takes none.
  withField: (step, field) => (step.signal ? { ...step, fields: [...(step.fields ?? []), field] } : undefined),
  shape: () => undefined,
  create: (lang) => ({ kind: 'wait', title: say(lang)('newStep.waitTitle'), for: 'P1D', then: '' }),
  idWord: 'wachten',
  slots(step, lang) {
    const after = step.timeout?.after ?? 'P14D';
    return [
      {
        id: 'then',
        label: step.signal
          ? say(lang)('slots.signal', { signal: step.signal })
          : say(lang)('slots.after', { duration: step.for ?? '' }),
        target: step.then || null,
      },
      ...(step.signal
        ? [{ id: 'timeout', label: say(lang)('slots.timeout', { after }), target: step.timeout?.goto || null }]
        : []),
    ];
  },
  setSlot(step, slot, target) {
    if (slot === 'then') return { ...step, then: target ?? '' };
    if (!target) {
      const { timeout: _, ...rest } = step;
      return rest;
    }
    return { ...step, timeout: { after: step.timeout?.after ?? 'P14D', goto: target } };
  },
  facts: (s, lang) => [
    s.signal ? say(lang)('facts.signal', { signal: s.signal }) : say(lang)('facts.waits', { duration: s.for ?? '' }),
  ],
};
