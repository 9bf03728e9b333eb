import { z } from 'zod';
import { textSchema, type Lang, type Text } from '../text.js';
import { notReserved } from '../ids.js';
import type { Field } from './index.js';

/** Field ids are FEEL-safe names: letters, digits and underscores. */
export const fieldIdSchema = notReserved(
  z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/, 'a field id starts with a letter and has only letters, digits and _'),
);

export const optionSchema = z.object({ value: z.string().min(1), label: textSchema }).strict();
export type Option = z.infer<typeof optionSchema>;

/** A reason an answer is not accepted; `code` is stable, `params` fill the message. */
export type FieldIssue = { code: string; params?: Record<string, string | number> };
/** What parsing may depend on besides the answer: today's date (YYYY-MM-DD) from the engine's clock. */
export type ParseContext = { today: string };
export type ParseResult = { value: unknown } | { issue: FieldIssue };

/** What is wrong with a field's own definition (problem P014). */
export type FieldDefinitionIssue = { case: 'noOptions' } | { case: 'dateBound'; bound: string };

/** What `min`/`max` of a field mean, as the designer names them. */
export type Bound = 'number' | 'length' | 'date' | 'count' | 'size';

/**
 * One kind of field. Each kind lives in its own module and is registered once
 * in fields/index.ts; nothing else compares a field's `type`: other code asks
 * the descriptor (`fieldKind(field.type).choices`, `.upload`).
 */
export type FieldKind<T extends string = string> = {
  type: T;
  /** Turns a non-empty raw answer (JSON value or form string) into the stored value. */
  parse(raw: unknown, field: Field, ctx: ParseContext): ParseResult;
  /** Problems with the field's own definition (e.g. a choice without options): P014, worded by the checks. */
  check?(field: Field): FieldDefinitionIssue[];
  /** How a stored value reads to a person (check-your-answers, explanations). */
  format?(value: unknown, field: Field, lang: Lang): string;
  /** The options a person picks from (one, or several when `many`); absent for kinds one types or uploads. */
  choices?(field: Field): Option[];
  many?: boolean;
  /** The choices are the field's own `options` (the designer edits them). */
  hasOptions?: boolean;
  /** The answer is a document the citizen adds (a multipart upload), not something typed. */
  upload?: boolean;
  /** The answer is free text a person writes (a reason the citizen can read, a note), not a code or a number. */
  freeText?: boolean;
  /** What the answer says about reaching the person (the workspace's "who is the citizen"): their email, phone or part of their address. */
  reaches?: 'email' | 'phone' | 'address';
  /** What `min`/`max` mean for this kind, if it takes bounds. */
  bounds?: Bound;
  /** The smallest difference between two answers, when answers come in steps (money: a cent, 0.01). */
  precision?: number;
  /** A value of this kind to start a simulation from (the designer changes it). */
  sample(field: Field, today: string): unknown;
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

export type { Field, Text };
