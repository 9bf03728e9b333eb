import { fieldKind, type Field } from './fields/index.js';
import { citizenActs, kindOf, outcomeOf, taskOf } from './steps/index.js';
import type { Process } from './schema.js';

/**
 * Whether an outcome is negative follows from where it leads, not from a
 * flag the designer may forget: an end whose outcome is `rejected`, or an
 * end the designer marks `negative`, reached from the outcome's target
 * without anyone else deciding on the way (through decisions, messages and
 * waits, never past a form the citizen fills or another official's task).
 * Such an outcome needs a reason the citizen reads (P023), and the engine
 * refuses to complete it without one, also on versions published before this
 * check existed.
 */
export function isNegativeEnd(step: { kind: string } | undefined): boolean {
  const ending = outcomeOf(step);
  return !!ending && (ending.outcome === 'rejected' || (step as { negative?: boolean }).negative === true);
}

/**
 * Whether an end is a decision the citizen may object to (bezwaar, Awb
 * art. 7:1): a grant or a refusal of what they asked, or an end the designer
 * marks negative. A withdrawal, a declined offer or a finished service
 * (a booked pick-up) decides nothing to object to.
 */
export function mayObjectTo(step: { kind: string } | undefined): boolean {
  const ending = outcomeOf(step);
  return !!ending && (ending.outcome === 'granted' || isNegativeEnd(step));
}

/** Whether a case sent to `target` can come to a negative end without another person deciding first. */
export function leadsToNegative(process: Pick<Process, 'steps'>, target: string): boolean {
  const seen = new Set<string>();
  const queue = [target];
  while (queue.length) {
    const id = queue.shift()!;
    if (seen.has(id) || !Object.hasOwn(process.steps, id)) continue;
    seen.add(id);
    const step = process.steps[id];
    if (isNegativeEnd(step)) return true;
    // Someone decides here: what follows is their decision, with its own reason.
    if (citizenActs(step) || taskOf(step)) continue;
    for (const edge of kindOf(step).edges(step as never)) queue.push(edge.to);
  }
  return false;
}

/** Whether an official's outcome is negative: flagged so, or leading to a negative end. */
export function isNegativeOutcome(
  process: Pick<Process, 'steps'>,
  outcome: { goto: string; negative?: boolean },
): boolean {
  return outcome.negative === true || leadsToNegative(process, outcome.goto);
}

/** A field that always carries a reason the citizen can read: required, always asked, free text. */
export function isReasonField(field: Field): boolean {
  return !!field.required && !field.showIf && !!fieldKind(field.type).freeText;
}

/** The reason given with an outcome: the first non-empty free-text answer among its fields. */
export function reasonGiven(fields: readonly Field[], values: Record<string, unknown>): string | undefined {
  for (const f of fields) {
    const v = values[f.id];
    if (fieldKind(f.type).freeText && typeof v === 'string' && v.trim()) return v.trim();
  }
  return undefined;
}
