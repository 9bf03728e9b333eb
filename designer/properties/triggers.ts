import {
  triggerSchema,
  type Field,
  type Problem,
  type Process,
  type Text,
  type Trigger,
} from '../../runtime/model/index.js';
import { moveItem, withKey } from './text-pair.js';

// Pure edits of a process's triggers (proactive starts), for the process
// properties: each returns a new definition, one command on the stack.

/** Whether a text is a signal name the process language accepts (lowercase words joined by - or .). */
export function isSignalName(name: string): boolean {
  return triggerSchema.shape.signal.safeParse(name).success;
}

/** The definition with these triggers; without the key when there are none left (optional properties are left out). */
export function setTriggers(def: Process, triggers: Trigger[]): Process {
  return withKey(def, 'triggers', triggers.length ? triggers : undefined);
}

/** A new trigger at the end: an offer on a signal, starting where the process starts. */
export function addTrigger(def: Process, because: Text): Process {
  return setTriggers(def, [
    ...(def.triggers ?? []),
    { signal: 'register.gewijzigd', mode: 'offer', start: def.start, because },
  ]);
}

export function updateTrigger(def: Process, index: number, trigger: Trigger): Process {
  return setTriggers(
    def,
    (def.triggers ?? []).map((x, i) => (i === index ? trigger : x)),
  );
}

export function removeTrigger(def: Process, index: number): Process {
  return setTriggers(
    def,
    (def.triggers ?? []).filter((_, i) => i !== index),
  );
}

/** Order matters: of the triggers on one signal, the first whose condition holds starts the case. */
export function moveTrigger(def: Process, from: number, to: number): Process {
  return setTriggers(def, moveItem(def.triggers ?? [], from, to));
}

/** A trigger with this condition; an empty condition is left out (the trigger then always holds). */
export function withCondition(trigger: Trigger, when: string): Trigger {
  return withKey(trigger, 'when', when.trim() ? when : undefined);
}

/** A trigger with these declared facts (the signal's data it reads, with their types); none: the key is left out. */
export function withFacts(trigger: Trigger, facts: Field[]): Trigger {
  return withKey(trigger, 'facts', facts.length ? facts : undefined);
}

/**
 * The problems of one trigger (by their path `triggers.N…`), less the
 * condition's syntax (P009), which its FEEL editor shows already.
 */
export function triggerProblems(problems: readonly Problem[], index: number): Problem[] {
  const at = `triggers.${index}`;
  return problems.filter(
    (p) => (p.path === at || p.path?.startsWith(`${at}.`)) && !(p.path === `${at}.when` && p.code === 'P009'),
  );
}
