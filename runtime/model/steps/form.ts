import { z } from 'zod';
import { fieldSchema } from '../fields/index.js';
import { targetSchema } from '../ids.js';
import { entered, stepBase, targetOf, type StepKind, type TransitionConfig } from './step-kind.js';

/** A route after a form: the first whose `when` holds; one without `when` is the default. */
const routeSchema = z.object({ when: z.string().min(1).optional(), goto: targetSchema }).strict();

const schema = z.object({
  kind: z.literal('form'),
  ...stepBase,
  fields: z.array(fieldSchema),
  /** Ask each question on a page of its own (for long or hard questions), instead of all on one page. */
  onePerPage: z.boolean().optional(),
  next: z.union([targetSchema, z.array(routeSchema).min(1)]),
}).strict();
export type FormStep = z.infer<typeof schema>;

const routes = (step: FormStep) => (typeof step.next === 'string' ? [{ goto: step.next }] : step.next) as { when?: string; goto: string }[];

/** A citizen answers questions; `submit` carries the (validated) answers. */
export const formKind: StepKind<FormStep> = {
  kind: 'form',
  schema,
  citizenActs: true,
  edges: (step) => routes(step).map((r, i) => ({ to: r.goto, via: r.when ? `next:${i}` : 'next', label: r.when })),
  expressions: (step) => [
    ...routes(step).flatMap((r, i) => (r.when ? [{ expr: r.when, where: `next[${i}].when` }] : [])),
    ...step.fields.flatMap((f) => (f.showIf ? [{ expr: f.showIf, where: `fields.${f.id}.showIf` }] : [])),
  ],
  fields: (step) => step.fields,
  templates: () => [],
  check(step) {
    const list = routes(step);
    return typeof step.next !== 'string' && !list.some((r) => !r.when)
      ? [{ code: 'P012', message: 'conditional next has no default route (a route without "when")' }]
      : [];
  },
  compile(id, step) {
    const submit: TransitionConfig[] = routes(step).map((r) => ({
      ...(r.when ? { guard: { type: 'feel', params: { expr: r.when } } } : {}),
      target: targetOf(r.goto),
      actions: ['saveAnswers'],
    }));
    return { id, tags: ['form'], entry: [entered(id)], on: { submit } };
  },
};
