import {
  compileFeel,
  feelHolds,
  placeholderNames,
  sampleValue,
  stepKind,
  todayIn,
  wallClock,
  type Field,
  type Process,
  type Text,
  type Trigger,
} from '../../runtime/model/index.js';

// The facts a simulated proactive start brings (the signal's data), typed
// as JSON in the simulation panel: reading them, a first example, and
// whether the trigger's condition holds for them.

export type ParsedFacts =
  { ok: true; facts: Record<string, unknown> } | { ok: false; error: 'json' | 'not-object'; message: string };

/** The typed text as facts: a JSON object (empty text: no facts). */
export function parseFacts(text: string): ParsedFacts {
  if (!text.trim()) return { ok: true, facts: {} };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: 'json', message: (error as Error).message };
  }
  if (!value || typeof value !== 'object' || Array.isArray(value))
    return { ok: false, error: 'not-object', message: 'not a JSON object' };
  return { ok: true, facts: value as Record<string, unknown> };
}

const textNames = (text: Text): string[] =>
  typeof text === 'string'
    ? placeholderNames(text)
    : [...placeholderNames(text.nl), ...placeholderNames(text.en ?? '')];

/** The names a trigger reads from its signal's data: those of its condition, then the placeholders of its reason. */
export function factNames(trigger: Trigger): string[] {
  let read: string[];
  try {
    read = trigger.when ? compileFeel(trigger.when).names : [];
  } catch {
    read = [];
  }
  return [...new Set([...(trigger.facts ?? []).map((f) => f.id), ...read, ...textNames(trigger.because)])];
}

/** Facts to begin with for a trigger: each name it reads, with a value of the process field of that name (else null). */
export function exampleFacts(def: Process, trigger: Trigger, today = todayIn(wallClock)): Record<string, unknown> {
  // The trigger's declared facts first (their types are what the server parses), then process fields of the same name.
  const fields = new Map<string, Field>((trigger.facts ?? []).map((f) => [f.id, f]));
  for (const step of Object.values(def.steps ?? {})) {
    try {
      for (const f of stepKind(step.kind).fields(step)) if (!fields.has(f.id)) fields.set(f.id, f);
    } catch {
      // A step of an unknown kind (a broken draft) has no fields to offer.
    }
  }
  return Object.fromEntries(factNames(trigger).map((name) => [name, sampleValue(fields.get(name), today)]));
}

/** Whether the trigger would start a case for these facts: true without a condition; null when the condition cannot be read. */
export function triggerHolds(trigger: Trigger, facts: Record<string, unknown>): boolean | null {
  if (!trigger.when) return true;
  try {
    return feelHolds(trigger.when, facts);
  } catch {
    return null;
  }
}
