import { z } from 'zod';
import type { Field } from '../fields/index.js';
import { stepIdSchema } from '../ids.js';
import { textSchema, type Text } from '../text.js';

/** Keys every step has, whatever its kind. */
export const stepBase = {
  title: textSchema,
  group: stepIdSchema.optional(),
  /** What the citizen reads about this step (status page, form intro). */
  citizenText: textSchema.optional(),
};

/** An edge of the process graph: from a step to another, and what takes it. */
export type StepEdge = { to: string; via: string; label?: Text };
/** An expression in a step, with where it stands (for problems and markers). */
export type StepExpression = { expr: string; where: string; unary?: boolean };

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

/** An outcome an official can choose to finish a step's task, with the fields it asks. */
export type StepChoice = { id: string; label: Text; fields: Field[] };
/** What a step waits for, by the names its compiled machine uses: its own timer, a timeout's timer, a signal. */
export type StepWait = { timer?: string; timeout?: string; signal?: string };

export const targetOf = (stepId: string) => `#${stepId}`;
export const entered = (step: string): ActionRef => ({ type: 'entered', params: { step } });

/**
 * One kind of step. Each kind lives in its own module and is registered once
 * in steps/index.ts; nothing else switches on `kind`.
 */
export type StepKind<S = any> = {
  kind: string;
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
  /** Kind-specific problems (code, message) beyond the shared checks. */
  check?(step: S): { code: string; message: string }[];
  compile(id: string, step: S): StateConfig;
  /** The outcome a case ends with at this step (ends). The journey simulator reads it. */
  endsWith?(step: S): string;
  /** The outcomes an official chooses from (handoffs). */
  choices?(step: S): StepChoice[];
  /** The timers and the signal this step waits for (waits). */
  waitsFor?(id: string, step: S): StepWait;
  /** The step as citizens and their intermediaries may read it: without what is meant for officials only (default: all of it). */
  publicView?(step: S): S;
};
