import { stepKind, stepKindNames } from '../../runtime/model/index.js';

/** The definition as the code view shows it. */
export const toJsonText = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

export type ParsedJson =
  { ok: true; value: Record<string, unknown> } | { ok: false; message: string; offset: number | null };

/**
 * Reads the code view's text. Only a JSON object can be a definition; while
 * the text does not parse, the canvas keeps the last valid state and the
 * error says where (an offset, when the engine tells it).
 */
export function parseJsonText(text: string): ParsedJson {
  try {
    const value = JSON.parse(text) as unknown;
    if (!value || typeof value !== 'object' || Array.isArray(value))
      return { ok: false, message: 'not-an-object', offset: 0 };
    return { ok: true, value: value as Record<string, unknown> };
  } catch (error) {
    const message = (error as Error).message;
    const m = /position (\d+)/.exec(message);
    return { ok: false, message, offset: m ? Number(m[1]) : null };
  }
}

/** Whether the text already says what the definition says (so it need not be replaced, keeping the cursor and layout of the text). */
export function sameDefinition(text: string, def: unknown): boolean {
  const parsed = parseJsonText(text);
  return parsed.ok && JSON.stringify(parsed.value) === JSON.stringify(def);
}

const KINDS = new Set<string>(stepKindNames);
const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/**
 * Whether parsed JSON has the outline the canvas needs to draw it (steps as
 * an object of steps of known kinds, with their lists as lists). Anything
 * finer is for the checks to say; a text without this outline is treated like
 * one that does not parse: the canvas keeps the last state that had it.
 */
export function outlineProblem(value: Record<string, unknown>): string | null {
  if (!isObject(value.steps)) return '"steps" must be an object of steps';
  for (const [id, step] of Object.entries(value.steps)) {
    if (!isObject(step)) return `steps.${id} must be an object`;
    if (!KINDS.has(step.kind as string)) return `steps.${id}.kind must be one of ${[...KINDS].join(', ')}`;
    for (const list of ['fields', 'rules', 'outcomes'] as const) {
      if (list in step && !Array.isArray(step[list])) return `steps.${id}.${list} must be a list`;
    }
    const problem = stepKind(String(step.kind)).shape(step);
    if (problem) return `steps.${id}.${problem}`;
  }
  for (const key of ['groups', 'layout'] as const)
    if (key in value && !isObject(value[key])) return `"${key}" must be an object`;
  for (const [id, g] of Object.entries((value.groups as Record<string, unknown>) ?? {})) {
    if (!isObject(g)) return `groups.${id} must be an object`;
    if ('on' in g && !isObject(g.on)) return `groups.${id}.on must be an object`;
  }
  for (const [id, p] of Object.entries((value.layout as Record<string, unknown>) ?? {})) {
    if (!isObject(p) || typeof p.x !== 'number' || typeof p.y !== 'number') return `layout.${id} needs numbers x and y`;
  }
  return null;
}
