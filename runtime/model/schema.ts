import { z } from 'zod';
import { notReserved, processKeySchema, stepIdSchema, targetSchema } from './ids.js';
import { fieldSchema } from './fields/index.js';
import { stepKind, stepKinds, type StepKind } from './steps/index.js';
import { textSchema } from './text.js';

/** Group event names: lowercase words; dotted names are reserved for the engine. */
export const groupEventSchema = notReserved(
  z.string().regex(/^[a-z][a-z0-9-]*$/, 'an event name is a lowercase word, like withdraw'),
);

export const groupSchema = z
  .object({
    title: textSchema,
    /** The enclosing group, for nested phases. */
    group: stepIdSchema.optional(),
    /** Events that apply in every step of the group (statechart hierarchy). */
    on: z.record(groupEventSchema, z.object({ goto: targetSchema, label: textSchema }).strict()).optional(),
  })
  .strict();
export type Group = z.infer<typeof groupSchema>;

export const stepSchema = z.discriminatedUnion(
  'kind',
  stepKinds.map((k) => k.schema) as unknown as [z.ZodObject<any>, ...z.ZodObject<any>[]],
);
type StepOf<K> = K extends StepKind<infer S, string> ? S : never;
/** A step of any registered kind (derived from the registry in steps/index.ts). */
export type Step = StepOf<(typeof stepKinds)[number]>;

/**
 * A proactive start: when a signal (or a register row) about a subject meets
 * `when`, a case starts at `start` with the signal's data as known facts.
 * `offer`: the citizen only confirms or declines; `grant`: the case decides
 * on its own and tells the citizen, who can object. `because` is the reason
 * the citizen qualifies, recorded as the case's first explanation.
 */
export const triggerSchema = z
  .object({
    signal: z.string().regex(/^[a-z][a-z0-9-]*(\.[a-z0-9-]+)*$/, 'a signal name is lowercase words joined by - or .'),
    when: z.string().min(1).optional(),
    mode: z.enum(['offer', 'grant']),
    start: targetSchema,
    because: textSchema,
    /**
     * The facts the signal (or register row) brings that this trigger reads,
     * with their field types: parsed like answers before `when` is evaluated
     * (a fact that does not parse is refused, never evaluated) and the only
     * data the new case receives.
     */
    facts: z.array(fieldSchema).optional(),
  })
  .strict();
export type Trigger = z.infer<typeof triggerSchema>;

export const processSchema = z
  .object({
    $schema: z.string().optional(),
    key: processKeySchema,
    title: textSchema,
    description: textSchema.optional(),
    /**
     * "Wat heeft u nodig?" on the start page: what to have at hand before
     * starting (a payslip, the tax assessment number), one text per item.
     * Without it the page lists the sign-in and the form steps' questions.
     */
    needs: z.array(textSchema).min(1).max(20).optional(),
    start: targetSchema,
    triggers: z.array(triggerSchema).optional(),
    /** Where "ask for a person" goes. */
    contact: z
      .object({ team: z.string().min(1), due: z.string().regex(/^P/).optional() })
      .strict()
      .optional(),
    /**
     * Who may start it and how surely they must be known: `applicant` a person
     * (DigiD, the default) or a company (eHerkenning); `level` the lowest level
     * of assurance of the sign-in (basis < midden < substantieel < hoog).
     */
    signIn: z
      .object({
        applicant: z.enum(['person', 'company']).optional(),
        level: z.enum(['basis', 'midden', 'substantieel', 'hoog']).optional(),
      })
      .strict()
      .optional(),
    /**
     * The decision letter every ended case gets (runtime/letters): the legal
     * basis it names ("Participatiewet, artikel 35") and, when objections to
     * this process go elsewhere than the organisation's address, where.
     */
    letter: z
      .object({ legalBasis: textSchema.optional(), objectionTo: z.string().min(1).max(500).optional() })
      .strict()
      .optional(),
    /**
     * Honest waiting (README, "Eerlijk wachten"): a citizen whose application
     * is not sent yet gets one reminder `afterDays` days after their last change.
     */
    reminders: z
      .object({ afterDays: z.number().int().min(1).max(365) })
      .strict()
      .optional(),
    /**
     * Notices by email (runtime/notify): `message` sends the message itself;
     * `notice` (the default, as MijnOverheid does) only says a message is
     * waiting in Mijn zaken, so no case content leaves in an email.
     */
    notifications: z
      .object({ email: z.enum(['message', 'notice']).optional() })
      .strict()
      .optional(),
    steps: z.record(stepIdSchema, stepSchema),
    groups: z.record(stepIdSchema, groupSchema).optional(),
    layout: z
      .record(
        z.string(),
        z.object({ x: z.number(), y: z.number(), w: z.number().optional(), h: z.number().optional() }).strict(),
      )
      .optional(),
  })
  .strict();

/** A process definition: the source of truth the designer edits and the compiler reads. */
export type Process = Omit<z.infer<typeof processSchema>, 'steps'> & { steps: Record<string, Step> };

/** The JSON Schema of the process language (for Monaco's completion and checks). */
export function processJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(processSchema, { target: 'draft-2020-12', unrepresentable: 'any' }) as Record<string, unknown>;
}

/** A definition as a citizen (or an intermediary) may read it: each step kind leaves out what is for officials only, and the canvas layout. */
export function publicDefinition(process: Process): Process {
  const { layout: _layout, ...rest } = process;
  const steps = Object.fromEntries(
    Object.entries(process.steps).map(([id, step]) => {
      const kind = stepKind(step.kind);
      return [id, kind.publicView ? kind.publicView(step) : step];
    }),
  ) as Process['steps'];
  return { ...rest, steps };
}
