import { z } from 'zod';
import { textSchema } from '../text.js';
import { notReserved } from '../ids.js';
import { entered, stepBase, type StepKind } from './step-kind.js';
import { outcomeWord, say } from './words.js';

const schema = z
  .object({
    kind: z.literal('end'),
    ...stepBase,
    /** granted, rejected, withdrawn, completed, or a word of the team's own. */
    outcome: notReserved(z.string().regex(/^[a-z][a-z0-9-]*$/, 'an outcome is a lowercase word, like granted')),
    message: textSchema,
    /** The designer marks this end negative (a refusal under another word than "rejected"): it needs a reason too. */
    negative: z.boolean().optional(),
  })
  .strict();
export type EndStep = z.infer<typeof schema>;

/**
 * An outcome. Ends are final states of the journey (compiled outside any
 * group, so no group event can leave them); the end message is queued for
 * the citizen.
 */
export const endKind: StepKind<EndStep, 'end'> = {
  kind: 'end',
  schema,
  citizenActs: false,
  edges: () => [],
  expressions: () => [],
  fields: () => [],
  templates: (step) => [step.message],
  compile(id, step) {
    return {
      id,
      type: 'final',
      tags: ['end'],
      entry: [entered(id), { type: 'queueMessage', params: { step: id, subject: step.title, body: step.message } }],
    };
  },
  final: true,
  outcomeOf: (step) => ({ outcome: step.outcome, message: step.message }),
  task: () => undefined,
  durations: () => [],
  withField: () => undefined,
  shape: () => undefined,
  create: (lang) => ({
    kind: 'end',
    title: say(lang)('newStep.endTitle'),
    outcome: 'completed',
    message: say(lang)('newStep.endMessage'),
  }),
  idWord: 'einde',
  slots: () => [],
  setSlot: (step) => step,
  // The outcome in the designer's words ("Afgewezen"); a team's own word as it is.
  facts: (s, lang) => [outcomeWord(s.outcome, lang)],
};
