import { z } from 'zod';
import { compileFeel } from '../feel.js';
import { targetSchema } from '../ids.js';
import { textSchema } from '../text.js';
import { entered, stepBase, targetOf, type StepKind, type TransitionConfig } from './step-kind.js';

const ruleSchema = z.object({ when: z.string().min(1), goto: targetSchema, because: textSchema }).strict();

const schema = z.object({
  kind: z.literal('decision'),
  ...stepBase,
  rules: z.array(ruleSchema),
  otherwise: z.object({ goto: targetSchema, because: textSchema }).strict().optional(),
}).strict();
export type DecisionStep = z.infer<typeof schema>;

function inputsOf(expr: string): string[] {
  try {
    return compileFeel(expr).names;
  } catch {
    return [];
  }
}

/**
 * Rules decide without the citizen: the first rule whose `when` holds wins,
 * else `otherwise`. Each way out records an explanation (rule, inputs, reason).
 */
export const decisionKind: StepKind<DecisionStep> = {
  kind: 'decision',
  schema,
  citizenActs: false,
  edges: (step) => [
    ...step.rules.map((r, i) => ({ to: r.goto, via: `rule:${i}`, label: r.because })),
    ...(step.otherwise ? [{ to: step.otherwise.goto, via: 'otherwise', label: step.otherwise.because }] : []),
  ],
  expressions: (step) => step.rules.map((r, i) => ({ expr: r.when, where: `rules[${i}].when` })),
  fields: () => [],
  templates: (step) => [...step.rules.map((r) => r.because), ...(step.otherwise ? [step.otherwise.because] : [])],
  check: (step) => (step.otherwise ? [] : [{ code: 'P004', message: 'decision has no "otherwise": a case that matches no rule would stop here' }]),
  compile(id, step) {
    const allInputs = [...new Set(step.rules.flatMap((r) => inputsOf(r.when)))];
    const always: TransitionConfig[] = step.rules.map((r, i) => ({
      guard: { type: 'feel', params: { expr: r.when } },
      target: targetOf(r.goto),
      actions: [{ type: 'explain', params: { step: id, rule: i, when: r.when, because: r.because, inputs: inputsOf(r.when) } }],
    }));
    if (step.otherwise) {
      always.push({
        target: targetOf(step.otherwise.goto),
        actions: [{ type: 'explain', params: { step: id, rule: 'otherwise', because: step.otherwise.because, inputs: allInputs } }],
      });
    }
    return { id, tags: ['decision'], entry: [entered(id)], always };
  },
};
