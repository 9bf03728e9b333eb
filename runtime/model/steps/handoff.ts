import { z } from 'zod';
import { fieldSchema } from '../fields/index.js';
import { durationSchema, stepIdSchema, targetSchema } from '../ids.js';
import { t, textSchema } from '../text.js';
import type { KindFinding } from '../problems.js';
import { entered, stepBase, targetOf, type StepKind } from './step-kind.js';
import { say } from './words.js';

const outcomeSchema = z
  .object({
    id: stepIdSchema,
    label: textSchema,
    goto: targetSchema,
    fields: z.array(fieldSchema).optional(),
    /** A negative outcome (a rejection) must carry a reason for the citizen: a required text field. Outcomes that
     * lead to a `rejected` end (or an end marked negative) are negative without this flag (runtime/model/negative.ts). */
    negative: z.boolean().optional(),
    /** Takes effect only when a second official of the team approves it. */
    fourEyes: z.boolean().optional(),
  })
  .strict();

/** A deadline: an ISO 8601 duration (calendar time) or a number of working days (Mon–Fri, not Dutch public holidays). */
export const deadlineSchema = z.union([
  durationSchema,
  z.object({ workingDays: z.number().int().min(1).max(365) }).strict(),
]);
export type Deadline = z.infer<typeof deadlineSchema>;

const schema = z
  .object({
    kind: z.literal('handoff'),
    ...stepBase,
    team: z.string().min(1),
    instructions: textSchema.optional(),
    due: deadlineSchema.optional(),
    /** When the deadline passes: the task is flagged, and moved to this team's queue if one is named. */
    escalate: z
      .object({ team: z.string().min(1).optional() })
      .strict()
      .optional(),
    outcomes: z.array(outcomeSchema),
  })
  .strict();
export type HandoffStep = z.infer<typeof schema>;

/** An expert official of `team` takes over: a task opens on entry and closes on exit. */
export const handoffKind: StepKind<HandoffStep, 'handoff'> = {
  kind: 'handoff',
  schema,
  citizenActs: false,
  // The instructions are for the officials of the team, not for the citizen.
  publicView: ({ instructions: _internal, ...step }) => step,
  edges: (step) =>
    step.outcomes.map((o) => ({
      to: o.goto,
      via: `outcome:${o.id}`,
      label: o.label,
      place: { at: 'outcome' as const, outcome: o.id },
    })),
  expressions: (step) =>
    step.outcomes.flatMap((o) =>
      (o.fields ?? []).flatMap((f) =>
        f.showIf
          ? [
              {
                expr: f.showIf,
                where: `outcomes.${o.id}.fields.${f.id}.showIf`,
                place: { at: 'outcomeShowIf' as const, outcome: o.id, field: f.id },
              },
            ]
          : [],
      ),
    ),
  fields: (step) => step.outcomes.flatMap((o) => o.fields ?? []),
  templates: () => [],
  check(step) {
    const problems: KindFinding[] = [];
    if (!step.due) problems.push({ code: 'P007', params: { case: 'noDue' } });
    if (!step.outcomes.length) problems.push({ code: 'P021', params: {} });
    const ids = step.outcomes.map((o) => o.id);
    const twice = ids.find((id, i) => ids.indexOf(id) !== i);
    if (twice !== undefined) problems.push({ code: 'P022', params: { id: twice } });
    if (step.escalate && !step.due) problems.push({ code: 'P007', params: { case: 'escalate' } });
    return problems;
  },
  compile(id, step) {
    return {
      id,
      tags: ['handoff'],
      entry: [
        entered(id),
        {
          type: 'openTask',
          params: {
            step: id,
            team: step.team,
            due: step.due ?? null,
            kind: 'handoff',
            escalate: step.escalate ?? null,
          },
        },
      ],
      exit: [{ type: 'closeTask', params: { step: id } }],
      on: {
        'task.completed': step.outcomes.map((o) => ({
          guard: { type: 'outcomeIs', params: { step: id, outcome: o.id } },
          target: targetOf(o.goto),
          actions: ['saveAnswers'],
        })),
      },
    };
  },
  final: false,
  outcomeOf: () => undefined,
  task: (step) => ({
    team: step.team,
    instructions: step.instructions,
    due: step.due,
    ...(step.escalate?.team ? { escalateTo: step.escalate.team } : {}),
    outcomes: step.outcomes,
  }),
  durations: (step) => (typeof step.due === 'string' ? [step.due] : []),
  teams: (step) => [
    { team: step.team, path: 'team' },
    ...(step.escalate?.team ? [{ team: step.escalate.team, path: 'escalate.team' }] : []),
  ],
  // An outcome takes the fields its official fills in: the one on the way to `towards`, else the first.
  withField(step, field, towards) {
    if (!step.outcomes.length) return undefined;
    const at = Math.max(
      0,
      step.outcomes.findIndex((o) => o.goto === towards),
    );
    return {
      ...step,
      outcomes: step.outcomes.map((o, i) => (i === at ? { ...o, fields: [...(o.fields ?? []), field] } : o)),
    };
  },
  shape: (raw) => (Array.isArray(raw.outcomes) ? undefined : 'outcomes must be a list'),
  create: (lang) => ({
    kind: 'handoff',
    title: say(lang)('newStep.handoffTitle'),
    team: 'team',
    due: { workingDays: 5 },
    outcomes: [{ id: 'afgerond', label: say(lang)('newStep.handoffOutcome'), goto: '' }],
  }),
  idWord: 'overdracht',
  slots: (step, lang) => [
    ...step.outcomes.map((o) => ({ id: `outcome:${o.id}`, label: t(o.label, lang) || o.id, target: o.goto || null })),
    { id: 'outcome:new', label: say(lang)('slots.newOutcome'), target: null },
  ],
  setSlot(step, slot, target) {
    if (slot === 'outcome:new') {
      if (!target) return step;
      const ids = new Set(step.outcomes.map((o) => o.id));
      let n = step.outcomes.length + 1;
      while (ids.has(`uitkomst-${n}`)) n++;
      return { ...step, outcomes: [...step.outcomes, { id: `uitkomst-${n}`, label: `Uitkomst ${n}`, goto: target }] };
    }
    const id = slot.slice('outcome:'.length);
    return { ...step, outcomes: step.outcomes.map((o) => (o.id === id ? { ...o, goto: target ?? '' } : o)) };
  },
  facts: (s, lang) => [
    `team ${s.team}`,
    !s.due
      ? say(lang)('facts.noDeadline')
      : typeof s.due === 'string'
        ? say(lang)('facts.deadline', { due: s.due })
        : say(lang)('facts.workingDays', { n: s.due.workingDays }),
  ],
};
