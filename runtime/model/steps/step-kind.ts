import { z } from 'zod';
import type { Field } from '../fields/index.js';
import type { DecisionStep } from './decision.js';
import type { KindFinding, Place } from '../problems.js';
import { stepIdSchema } from '../ids.js';
import { textSchema, type Lang, type Text } from '../text.js';

/** Keys every step has, whatever its kind. */
export const stepBase = {
  title: textSchema,
  group: stepIdSchema.optional(),
  /** What the citizen reads about this step (status page, form intro). */
  citizenText: textSchema.optional(),
};

/** An edge of the process graph: from a step to another, what takes it, and which exit it is (for problems, in words). */
export type StepEdge = { to: string; via: string; label?: Text; place: Place };
/** An expression in a step, with where it stands: a machine path (`where`, for markers) and in words (`place`, for problems). */
export type StepExpression = { expr: string; where: string; place: Place; unary?: boolean };

/** A JSON state node config for XState (no functions: actions and guards by name). */
export type StateConfig = {
  id?: string;
  type?: 'final' | 'compound' | 'parallel';
  tags?: string[];
  initial?: string;
  entry?: ActionRef[];
  exit?: ActionRef[];
  on?: Record<string, TransitionConfig | TransitionConfig[]>;
  always?: TransitionConfig | TransitionConfig[];
  states?: Record<string, StateConfig>;
  meta?: Record<string, unknown>;
};
export type ActionRef = string | { type: string; params: Record<string, unknown> };
export type TransitionConfig = { target?: string; guard?: ActionRef; actions?: ActionRef[]; reenter?: boolean };

/** What a step waits for, by the names its compiled machine uses: its own timer, a timeout's timer, a signal. */
export type StepWait = { timer?: string; timeout?: string; signal?: string };

export const targetOf = (stepId: string) => `#${stepId}`;
export const entered = (step: string): ActionRef => ({ type: 'entered', params: { step } });

/** A place a step points to another step: a source handle on the designer's canvas. */
export type Slot = { id: string; label: string; target: string | null };

/** How a case ends at an end step. */
export type StepOutcome = { outcome: string; message: Text };

/** What a step that opens a task for officials asks of them (a handoff). */
export type StepTask = {
  team: string;
  /** What the officials read (never the citizen). */
  instructions?: Text;
  /** The deadline: an ISO 8601 duration or a number of working days. */
  due?: string | { workingDays: number };
  /** The team an overdue task moves to, if any. */
  escalateTo?: string;
  outcomes: { id: string; label: Text; goto: string; fields?: Field[]; negative?: boolean; fourEyes?: boolean }[];
};

/**
 * One kind of step. Each kind lives in its own module and is registered once
 * in steps/index.ts; nothing else compares `kind` (test/runtime/model/kind-comparisons.test.ts
 * keeps it so): other code asks the descriptor (`stepKind(step.kind).opensTask`, `.outcomeOf(step)`).
 */
export type StepKind<S = any, K extends string = string> = {
  kind: K;
  schema: z.ZodType<S>;
  /** Whether the citizen acts in this step (forms). */
  citizenActs: boolean;
  edges(step: S): StepEdge[];
  expressions(step: S): StepExpression[];
  /** Fields this step asks or receives (form fields, outcome fields, signal facts). */
  fields(step: S): Field[];
  /** Names a step defines for its own expressions and texts (a decision table's inputs). */
  names?(step: S): string[];
  /** Texts with `{{field}}` placeholders. */
  templates(step: S): Text[];
  /** Kind-specific problems (code and params; runtime/model/problems.ts) beyond the shared checks. */
  check?(step: S): KindFinding[];
  compile(id: string, step: S): StateConfig;
  /** The timers and the signal this step waits for (waits); the journey simulator shows them. */
  waitsFor?(id: string, step: S): StepWait;
  /** The step as citizens and their intermediaries may read it: without what is meant for officials only (default: all of it). */
  publicView?(step: S): S;

  // --- Capabilities: what other code asks of a kind instead of comparing its name. ---
  /** An end: the case stops here with an outcome; ends sit outside any group (no group event leaves them). */
  final: boolean;
  /** The outcome of an end (granted, rejected, …) and the message the citizen gets; undefined for other kinds. */
  outcomeOf(step: S): StepOutcome | undefined;
  /** The task this step opens for officials (a handoff); undefined when it opens none. */
  task(step: S): StepTask | undefined;
  /** The rules or table this step decides by, without the citizen (a decision): what a counterfactual reads. */
  decision?(step: S): DecisionStep;
  /** The step moves on at once to its one next step (a message): an outcome reached through it is that step's. */
  passesOn?: boolean;
  /** The ISO 8601 durations in the step (deadlines, timers), checked as durations. */
  durations(step: S): string[];
  /** The teams the step names (a handoff's team, its escalation team), each with where: checked against the list of teams. */
  teams?(step: S): { team: string; path: string }[];
  /** The step with one more field where it takes data (BPMN import); undefined when it takes none. */
  withField(step: S, field: Field, towards?: string): S | undefined;
  /** The least shape the designer needs to draw a step of this kind from raw JSON: a problem, or undefined. */
  shape(raw: Record<string, unknown>): string | undefined;
  /** A new step of this kind with sensible defaults (the designer's palette), and the word its ids start with. */
  create(lang: Lang): S;
  idWord: string;
  /** The places it points to other steps (canvas handles), and how to point one elsewhere (null: disconnect). */
  slots(step: S, lang: Lang): Slot[];
  setSlot(step: S, slot: string, target: string | null): S;
  /** The key facts of a step, a short line each (what its node on the canvas shows). */
  facts(step: S, lang: Lang): string[];
};
