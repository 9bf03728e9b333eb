import { feelHolds } from '../feel.js';
import type { Lang } from '../text.js';
import { choiceKinds } from './choice-kinds.js';
import { dateKinds } from './date-kind.js';
import { z } from 'zod';
import { textSchema } from '../text.js';
import { fieldIdSchema, optionSchema, type FieldIssue, type FieldKind, type ParseContext } from './field-kind.js';
import { fileKinds } from './file-kind.js';
import { identityKinds } from './identity-kinds.js';
import { issueMessages } from './messages.js';
import { numberKinds } from './number-kinds.js';
import { textKinds } from './text-kinds.js';

export * from './field-kind.js';
export { bsnProblem, isValidBsn, isValidIban } from './identity-kinds.js';
export { issueMessage, issueMessages } from './messages.js';

const registered = [
  ...textKinds,
  ...numberKinds,
  ...dateKinds,
  ...identityKinds,
  ...choiceKinds,
  ...fileKinds,
] as const;

/** The type of a registered field kind: `text`, `date`, … (from the registry, so a new kind is in it). */
export type FieldType = (typeof registered)[number]['type'];
export const fieldTypes = registered.map((k) => k.type) as [FieldType, ...FieldType[]];

/** Every field kind, registered once. */
export const fieldKinds: ReadonlyMap<FieldType, FieldKind> = new Map(registered.map((k) => [k.type, k]));

export const fieldSchema = z
  .object({
    id: fieldIdSchema,
    label: textSchema,
    type: z.enum(fieldTypes),
    required: z.boolean().optional(),
    hint: textSchema.optional(),
    options: z.array(optionSchema).optional(),
    /** number/money: smallest value; text: shortest length; date: earliest (YYYY-MM-DD or 'today'); file: - */
    min: z.union([z.number(), z.string()]).optional(),
    /** number/money: largest value; text: longest length; date: latest; file: largest size in bytes */
    max: z.union([z.number(), z.string()]).optional(),
    showIf: z.string().min(1).optional(),
  })
  .strict();
export type Field = z.infer<typeof fieldSchema>;

export function fieldKind(type: FieldType): FieldKind {
  const kind = fieldKinds.get(type);
  if (!kind) throw new Error(`Unknown field type '${type}': register it in runtime/model/fields/index.ts`);
  return kind;
}

/** Field errors as the API returns them: `{ fieldId: ["message"] }`. */
export type FieldErrors = Record<string, string[]>;

function isEmpty(raw: unknown): boolean {
  if (raw === undefined || raw === null) return true;
  if (typeof raw === 'string') return raw.trim() === '';
  if (Array.isArray(raw)) return raw.length === 0;
  if (typeof raw === 'object')
    return Object.values(raw as object).every((v) => v === undefined || v === null || String(v).trim() === '');
  return false;
}

/** Whether a field is asked, given what is known: its showIf over the case data. */
export function isShown(field: Field, data: Record<string, unknown>): boolean {
  return !field.showIf || feelHolds(field.showIf, data);
}

/**
 * Validates the answers to one step's fields. Fields whose `showIf` is false
 * (over the known data plus these answers) are not asked: they are neither
 * required nor stored, and an earlier answer to them is cleared (`cleared`).
 * Answers to fields that are not part of the step are an error. Issues are codes with parameters:
 * the edge renders them in the reader's language (issueMessages).
 */
export function checkAnswers(
  fields: Field[],
  raw: Record<string, unknown>,
  known: Record<string, unknown>,
  ctx: ParseContext,
): { values: Record<string, unknown>; cleared: string[]; issues: Record<string, FieldIssue> } {
  // Null prototypes: an answer keyed `__proto__` or `constructor` is a key like any other (an unknown field), never an inherited member.
  const values: Record<string, unknown> = Object.create(null);
  const issues: Record<string, FieldIssue> = Object.create(null);
  const cleared: string[] = [];
  const ids = new Set(fields.map((f) => f.id));
  for (const key of Object.keys(raw)) if (!ids.has(key)) issues[key] = { code: 'unknown-field' };
  // First pass: parse every answer, so showIf can see this step's own answers.
  const parsed: Record<string, unknown> = Object.create(null);
  for (const field of fields) {
    const answer = Object.prototype.hasOwnProperty.call(raw, field.id) ? raw[field.id] : undefined;
    if (isEmpty(answer)) continue;
    const result = fieldKind(field.type).parse(answer, field, ctx);
    if ('issue' in result) issues[field.id] = result.issue;
    else parsed[field.id] = result.value;
  }
  const scope = { ...known, ...parsed };
  for (const field of fields) {
    if (!isShown(field, scope)) {
      delete issues[field.id];
      if (Object.prototype.hasOwnProperty.call(known, field.id)) cleared.push(field.id);
      continue;
    }
    if (issues[field.id]) continue;
    if (field.id in parsed) values[field.id] = parsed[field.id];
    else if (field.required)
      issues[field.id] = { code: fieldKind(field.type).choices ? 'required-choice' : 'required' };
  }
  // In the order of the fields (a format problem was found before a missing answer above it), unknown keys last.
  const ordered: Record<string, FieldIssue> = Object.create(null);
  for (const field of fields) if (issues[field.id]) ordered[field.id] = issues[field.id];
  for (const key of Object.keys(issues)) if (!ids.has(key)) ordered[key] = issues[key];
  return { values, cleared, issues: ordered };
}

/** checkAnswers with the issues rendered in `ctx.lang`, for callers that show them at once. */
export function validateAnswers(
  fields: Field[],
  raw: Record<string, unknown>,
  known: Record<string, unknown>,
  ctx: ParseContext & { lang: Lang },
): { values: Record<string, unknown>; cleared: string[]; errors: FieldErrors } {
  const { values, cleared, issues } = checkAnswers(fields, raw, known, ctx);
  return { values, cleared, errors: issueMessages(issues, ctx.lang) };
}

/** A stored answer as a person reads it. */
/** A value of a field's kind to start a simulation from (null without a field). */
export const sampleValue = (field: Field | undefined, today: string): unknown =>
  field ? fieldKind(field.type).sample(field, today) : null;

/** The options a person picks from for a field, or undefined when it is typed or uploaded. */
export const choicesOf = (field: Field) => fieldKind(field.type).choices?.(field);

/**
 * An answer as typed so far, read as the value it will become (yes/no as a
 * boolean, `1.234,5` as a number; bounds aside), or undefined while it is not
 * yet valid: to decide which conditional questions to show while answering.
 */
export function roughValue(field: Field, raw: unknown): unknown {
  if (isEmpty(raw)) return undefined;
  // Without bounds, parsing does not depend on the date.
  const result = fieldKind(field.type).parse(raw, { ...field, min: undefined, max: undefined }, { today: '' });
  return 'value' in result ? result.value : undefined;
}

export function formatAnswer(field: Field, value: unknown, lang: Lang = 'nl'): string {
  const kind = fieldKind(field.type);
  return kind.format ? kind.format(value, field, lang) : String(value ?? '');
}
