import { bad, ok, textOf, type Field, type FieldKind, type ParseResult } from './field-kind.js';

function lengthWithin(s: string, field: Field): ParseResult | undefined {
  if (typeof field.min === 'number' && s.length < field.min) return bad('too-short', { min: field.min });
  if (typeof field.max === 'number' && s.length > field.max) return bad('too-long', { max: field.max });
  return undefined;
}

function plain<T extends string>(type: T, defaultMax: number): FieldKind<T> {
  return {
    type,
    bounds: 'length',
    freeText: true,
    sample: () => '',
    parse(raw, field) {
      const s = textOf(raw);
      if (s === undefined) return bad('not-text');
      if (s.length > defaultMax && field.max === undefined) return bad('too-long', { max: defaultMax });
      return lengthWithin(s, field) ?? ok(s);
    },
  };
}

// A pragmatic address check (RFC 5322 is far wider than what people type).
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;

const email: FieldKind<'email'> = {
  type: 'email',
  reaches: 'email',
  sample: () => '',
  parse(raw) {
    const s = textOf(raw);
    if (s === undefined || s.length > 254 || !EMAIL.test(s)) return bad('invalid-email');
    return ok(s);
  },
};

// Dutch numbers (06…, 010…), or international with +; separators allowed.
const phone: FieldKind<'phone'> = {
  type: 'phone',
  reaches: 'phone',
  sample: () => '',
  parse(raw) {
    const s = textOf(raw);
    if (s === undefined) return bad('invalid-phone');
    const digits = s.replace(/[\s\-().]/g, '');
    if (!/^(\+[1-9]\d{7,14}|0\d{9})$/.test(digits)) return bad('invalid-phone');
    return ok(digits);
  },
};

// Dutch postcode: four digits not starting with 0, two letters except SA, SD, SS.
const postcode: FieldKind<'postcode'> = {
  type: 'postcode',
  reaches: 'address',
  sample: () => '',
  parse(raw) {
    const s = textOf(raw)?.toUpperCase().replace(/\s/g, '');
    const m = s && /^([1-9]\d{3})([A-Z]{2})$/.exec(s);
    if (!m || ['SA', 'SD', 'SS'].includes(m[2])) return bad('invalid-postcode');
    return ok(`${m[1]} ${m[2]}`);
  },
};

export const textKinds = [plain('text', 500), plain('textarea', 5000), email, phone, postcode] as const;
