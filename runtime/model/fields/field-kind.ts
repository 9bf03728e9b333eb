import { z } from 'zod';
import { textSchema, type Lang, type Text } from '../text.js';
import { notReserved } from '../ids.js';

/** Field ids are FEEL-safe names: letters, digits and underscores. */
export const fieldIdSchema = notReserved(z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/, 'a field id starts with a letter and has only letters, digits and _'));

export const fieldTypes = [
  'text', 'textarea', 'number', 'money', 'date', 'email', 'phone', 'postcode',
  'bsn', 'iban', 'choice', 'multi-choice', 'yes-no', 'file',
] as const;
export type FieldType = (typeof fieldTypes)[number];

export const optionSchema = z.object({ value: z.string().min(1), label: textSchema }).strict();

export const fieldSchema = z.object({
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
}).strict();
export type Field = z.infer<typeof fieldSchema>;

/** A reason an answer is not accepted; `code` is stable, `params` fill the message. */
export type FieldIssue = { code: string; params?: Record<string, string | number> };
/** What parsing may depend on besides the answer: today's date (YYYY-MM-DD) from the engine's clock. */
export type ParseContext = { today: string };
export type ParseResult = { value: unknown } | { issue: FieldIssue };

/**
 * One kind of field. Each kind lives in its own module and is registered once
 * in fields/index.ts.
 */
export type FieldKind = {
  type: FieldType;
  /** Turns a non-empty raw answer (JSON value or form string) into the stored value. */
  parse(raw: unknown, field: Field, ctx: ParseContext): ParseResult;
  /** Problems with the field's own definition (e.g. a choice without options). */
  check?(field: Field): string[];
  /** How a stored value reads to a person (check-your-answers, explanations). */
  format?(value: unknown, field: Field, lang: Lang): string;
};

export const ok = (value: unknown): ParseResult => ({ value });
export const bad = (code: string, params?: FieldIssue['params']): ParseResult => ({ issue: { code, params } });

/** Reads a number the way Dutch people write it: `1.234,56`, `1234,5`, or `1234.56`. */
export function parseDutchNumber(raw: unknown): number | undefined {
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : undefined;
  if (typeof raw !== 'string') return undefined;
  let s = raw.trim().replace(/^€\s*/, '').replace(/\s/g, '');
  if (!/^-?[0-9.,]+$/.test(s)) return undefined;
  if (s.includes(',')) s = s.replace(/\./g, '').replace(',', '.');
  else if (/^-?\d{1,3}(\.\d{3})+$/.test(s)) s = s.replace(/\./g, '');
  if (!/^-?\d+(\.\d+)?$/.test(s)) return undefined;
  return Number(s);
}

export function textOf(raw: unknown): string | undefined {
  return typeof raw === 'string' ? raw.trim() : typeof raw === 'number' ? String(raw) : undefined;
}

export type { Text };
