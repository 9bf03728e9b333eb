import { decisionKind } from './decision.js';
import { endKind } from './end.js';
import { formKind } from './form.js';
import { handoffKind } from './handoff.js';
import { messageKind } from './message.js';
import type { StepKind, StepOutcome, StepTask } from './step-kind.js';
import { waitKind } from './wait.js';

export * from './step-kind.js';
export type { DecisionStep } from './decision.js';
export type { EndStep } from './end.js';
export type { FormStep } from './form.js';
export type { HandoffStep } from './handoff.js';
export type { MessageStep } from './message.js';
export type { WaitStep } from './wait.js';
export { outcomeWord } from './words.js';

/** Every step kind, registered once. */
export const stepKinds = [formKind, decisionKind, handoffKind, waitKind, messageKind, endKind] as const;

/** The name of a registered step kind: `form`, `decision`, … (from the registry, so a new kind is in it). */
export type StepKindName = (typeof stepKinds)[number]['kind'];
export const stepKindNames: readonly StepKindName[] = stepKinds.map((k) => k.kind);

const byKind = new Map<string, StepKind>(stepKinds.map((k) => [k.kind, k as StepKind]));

export function stepKind(kind: string): StepKind {
  const found = byKind.get(kind);
  if (!found) throw new Error(`Unknown step kind '${kind}': register it in runtime/model/steps/index.ts`);
  return found;
}

/** The descriptor of a step's kind (what to ask instead of comparing `step.kind`). */
export const kindOf = (step: { kind: string }): StepKind => stepKind(step.kind);
/** Whether a step is an end (outside any group; the case stops there). False for a missing step. */
export const isFinal = (step: { kind: string } | undefined): boolean => !!step && kindOf(step).final;
/** Whether the citizen acts in a step (a form). False for a missing step. */
export const citizenActs = (step: { kind: string } | undefined): boolean => !!step && kindOf(step).citizenActs;
/** The task a step opens for officials, if any. */
export const taskOf = (step: { kind: string } | undefined): StepTask | undefined =>
  step ? kindOf(step).task(step) : undefined;
/** The outcome of an end step, if the step is one. */
export const outcomeOf = (step: { kind: string } | undefined): StepOutcome | undefined =>
  step ? kindOf(step).outcomeOf(step) : undefined;
