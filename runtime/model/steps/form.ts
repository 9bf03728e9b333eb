import { z } from 'zod';
import { fieldSchema } from '../fields/index.js';
import { targetSchema } from '../ids.js';
import { entered, stepBase, targetOf, type StepKind, type TransitionConfig } from './step-kind.js';
import { say } from './words.js';

/** A route after a form: the first whose `when` holds; one without `when` is the default. */
const routeSchema = z.object({ when: z.string().min(1).optional(), goto: targetSchema }).strict();

const schema = z
  .object({
    kind: z.literal('form'),
    ...stepBase,
    fields: z.array(fieldSchema),
    /** Ask each question on a page of its own (for long or hard questions), instead of all on one page. */
    onePerPage: z.boolean().optional(),
    next: z.union([targetSchema, z.array(routeSchema).min(1)]),
  })
  .strict();
export type FormStep = z.infer<typeof schema>;

const routes = (step: FormStep) =>
  (typeof step.next === 'string' ? [{ goto: step.next }] : step.next) as { when?: string; goto: string }[];

/** A citizen answers questions; `submit` carries the (validated) answers. */
export const formKind: StepKind<FormStep, 'form'> = {
  kind: 'form',
  schema,
  citizenActs: true,
  edges: (step) =>
    routes(step).map((r, i) => ({
      to: r.goto,
      via: r.when ? `next:${i}` : 'next',
      label: r.when,
      place: typeof step.next === 'string' ? { at: 'next' as const } : { at: 'route' as const, i },
    })),
  expressions: (step) => [
    ...routes(step).flatMap((r, i) =>
      r.when ? [{ expr: r.when, where: `next[${i}].when`, place: { at: 'routeWhen' as const, i } }] : [],
    ),
    ...step.fields.flatMap((f) =>
      f.showIf
        ? [{ expr: f.showIf, where: `fields.${f.id}.showIf`, place: { at: 'showIf' as const, field: f.id } }]
        : [],
    ),
  ],
  fields: (step) => step.fields,
  templates: () => [],
  check(step) {
    const list = routes(step);
    return typeof step.next !== 'string' && !list.some((r) => !r.when) ? [{ code: 'P012' as const, params: {} }] : [];
  },
  compile(id, step) {
    const submit: TransitionConfig[] = routes(step).map((r) => ({
      ...(r.when ? { guard: { type: 'feel', params: { expr: r.when } } } : {}),
      target: targetOf(r.goto),
      actions: ['saveAnswers'],
    }));
    return { id, tags: ['form'], entry: [entered(id)], on: { submit } };
  },
  final: false,
  outcomeOf: () => undefined,
  task: () => undefined,
  durations: () => [],
  withField: (step, field) => ({ ...step, fields: [...step.fields, field] }),
  shape(raw) {
    if (!Array.isArray(raw.fields)) return 'fields must be a list';
    const next = raw.next;
    const ok =
      typeof next === 'string' ||
      (Array.isArray(next) && next.every((r) => typeof r === 'object' && r !== null && !Array.isArray(r)));
    return ok ? undefined : 'next must be a step id or a list of routes';
  },
  create: (lang) => ({ kind: 'form', title: say(lang)('newStep.formTitle'), fields: [], next: '' }),
  idWord: 'formulier',
  slots(step, lang) {
    const next = say(lang)('slots.next');
    if (typeof step.next === 'string')
      return [
        { id: 'next', label: next, target: step.next || null },
        { id: 'route:new', label: '+ route', target: null },
      ];
    return [
      ...step.next.map((r, i) => ({
        id: `route:${i}`,
        label: r.when ?? say(lang)('slots.otherwise'),
        target: r.goto || null,
      })),
      { id: 'route:new', label: '+ route', target: null },
    ];
  },
  setSlot(step, slot, target) {
    if (slot === 'next') return { ...step, next: target ?? '' };
    const list: { when?: string; goto: string }[] =
      typeof step.next === 'string' ? (step.next ? [{ goto: step.next }] : []) : [...step.next];
    if (slot === 'route:new') {
      if (!target) return step;
      // A new route goes before the default (the route without "when"), with a condition to fill in.
      const at = list.findIndex((r) => !r.when);
      const route = { when: 'true', goto: target };
      return { ...step, next: at < 0 ? [...list, route] : [...list.slice(0, at), route, ...list.slice(at)] };
    }
    const i = Number(slot.slice('route:'.length));
    if (target) list[i] = { ...list[i], goto: target };
    else list.splice(i, 1);
    return { ...step, next: list.length === 1 && !list[0].when ? list[0].goto : list.length ? list : '' };
  },
  facts: (s, lang) => [say(lang)('facts.questions', { n: s.fields.length })],
};
