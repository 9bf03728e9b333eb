import { z } from 'zod';
import { targetSchema } from '../ids.js';
import { t, textSchema } from '../text.js';
import { entered, stepBase, targetOf, type StepKind } from './step-kind.js';
import { say } from './words.js';

const schema = z
  .object({
    kind: z.literal('message'),
    ...stepBase,
    subject: textSchema,
    /** The message, with `{{field}}` placeholders filled from the case data. */
    body: textSchema,
    next: targetSchema,
  })
  .strict();
export type MessageStep = z.infer<typeof schema>;

/** Informs the citizen: a message is queued in their inbox and the case moves on. */
export const messageKind: StepKind<MessageStep, 'message'> = {
  kind: 'message',
  schema,
  citizenActs: false,
  edges: (step) => [{ to: step.next, via: 'next', place: { at: 'next' } }],
  expressions: () => [],
  fields: () => [],
  templates: (step) => [step.subject, step.body],
  compile(id, step) {
    return {
      id,
      tags: ['message'],
      entry: [entered(id), { type: 'queueMessage', params: { step: id, subject: step.subject, body: step.body } }],
      always: { target: targetOf(step.next) },
    };
  },
  final: false,
  outcomeOf: () => undefined,
  task: () => undefined,
  passesOn: true,
  durations: () => [],
  withField: () => undefined,
  shape: () => undefined,
  create: (lang) => ({
    kind: 'message',
    title: say(lang)('newStep.messageTitle'),
    subject: say(lang)('newStep.messageSubject'),
    body: say(lang)('newStep.messageBody'),
    next: '',
  }),
  idWord: 'bericht',
  slots: (step, lang) => [{ id: 'next', label: say(lang)('slots.next'), target: step.next || null }],
  setSlot: (step, _slot, target) => ({ ...step, next: target ?? '' }),
  facts: (s, lang) => [t(s.subject, lang)],
};
