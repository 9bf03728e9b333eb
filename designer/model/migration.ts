// Moving running cases to a later version (`POST /api/processes/:key/migrate`): the pure part.
import type { Process, Step } from '../../runtime/model/index.js';

/** As the API answers a designer: per case its step, never which case (designers do not read case data). */
export type MigrationPlan = {
  movable: { step: string; to: string }[];
  blocked: { step: string | null; reason: string }[];
  moved?: number;
  dryRun: boolean;
};

/** A step of the old version whose cases cannot move as they are: how many, and why (the first reason). */
export type BlockedStep = { step: string; count: number; reason: string };

/** The blocked cases per step (in order of first appearance); cases not at a step are left out (nothing to map). */
export function blockedSteps(plan: Pick<MigrationPlan, 'blocked'>): BlockedStep[] {
  const out = new Map<string, BlockedStep>();
  for (const b of plan.blocked) {
    if (!b.step) continue;
    const seen = out.get(b.step);
    if (seen) seen.count++;
    else out.set(b.step, { step: b.step, count: 1, reason: b.reason });
  }
  return [...out.values()];
}

/**
 * The steps of the new version a step of the old one can be mapped to: the
 * same kind (the server refuses another), its own id first when it still
 * exists, then the rest by id.
 */
export function mappingOptions(source: Process, target: Process, step: string): string[] {
  const kind: Step['kind'] | undefined = source.steps[step]?.kind;
  const ids = Object.entries(target.steps)
    .filter(([, s]) => !kind || s.kind === kind)
    .map(([id]) => id)
    .sort();
  return ids.includes(step) ? [step, ...ids.filter((id) => id !== step)] : ids;
}

/** The mapping to send: only steps mapped to another step. */
export function cleanMapping(mapping: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(mapping).filter(([from, to]) => to && to !== from));
}

/** Words for the reasons the server gives (in English), or the reason as it came. */
export type ReasonWords = {
  notAtStep: string;
  missing(step: string): string;
  kind(step: string, now: string, was: string): string;
};

/** The server's reason in the designer's language. */
export function reasonText(reason: string, words: ReasonWords, kindName: (kind: string) => string = (k) => k): string {
  if (/^the case is not at a step/.test(reason)) return words.notAtStep;
  const missing = /^step '([^']+)' does not exist in the new version/.exec(reason);
  if (missing) return words.missing(missing[1]);
  const kind = /^step '([^']+)' is an? (\w+) in the new version, not an? (\w+)/.exec(reason);
  if (kind) return words.kind(kind[1], kindName(kind[2]), kindName(kind[3]));
  return reason;
}

/** The versions a version's cases can move to: the later ones, newest first. */
export function laterVersions(versions: number[], from: number): number[] {
  return versions.filter((v) => v > from).sort((a, b) => b - a);
}

/** Movable cases per step and target, with how many (in order of first appearance). */
export function movableSteps(plan: Pick<MigrationPlan, 'movable'>): { step: string; to: string; count: number }[] {
  const out = new Map<string, { step: string; to: string; count: number }>();
  for (const m of plan.movable) {
    const key = `${m.step}\u0000${m.to}`;
    const seen = out.get(key);
    if (seen) seen.count++;
    else out.set(key, { step: m.step, to: m.to, count: 1 });
  }
  return [...out.values()];
}

/** Blocked cases per step and reason, with how many (cases not at a step count under null). */
export function blockedRows(
  plan: Pick<MigrationPlan, 'blocked'>,
): { step: string | null; reason: string; count: number }[] {
  const out = new Map<string, { step: string | null; reason: string; count: number }>();
  for (const b of plan.blocked) {
    const key = `${b.step ?? ''}\u0000${b.reason}`;
    const seen = out.get(key);
    if (seen) seen.count++;
    else out.set(key, { step: b.step, reason: b.reason, count: 1 });
  }
  return [...out.values()];
}
