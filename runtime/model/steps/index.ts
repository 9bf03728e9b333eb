import { decisionKind } from './decision.js';
import { endKind } from './end.js';
import { formKind } from './form.js';
import { handoffKind } from './handoff.js';
import { messageKind } from './message.js';
import type { StepKind } from './step-kind.js';
import { waitKind } from './wait.js';

export * from './step-kind.js';
export type { DecisionStep } from './decision.js';
export type { EndStep } from './end.js';
export type { FormStep } from './form.js';
export type { HandoffStep } from './handoff.js';
export type { MessageStep } from './message.js';
export type { WaitStep } from './wait.js';

/** Every step kind, registered once. */
export const stepKinds = [formKind, decisionKind, handoffKind, waitKind, messageKind, endKind] as const;

const byKind = new Map<string, StepKind>(stepKinds.map((k) => [k.kind, k as StepKind]));

export function stepKind(kind: string): StepKind {
  const found = byKind.get(kind);
  if (!found) throw new Error(`Unknown step kind '${kind}': register it in runtime/model/steps/index.ts`);
  return found;
}
