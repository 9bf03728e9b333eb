import { DateTime } from 'luxon';
import { bad, ok, type Field, type FieldDefinitionIssue, type FieldKind } from './field-kind.js';

/**
 * Reads a date as `YYYY-MM-DD`, as Dutch `DD-MM-YYYY`, or as the
 * `{ day, month, year }` of three separate inputs (the accessible way to ask a
 * date, GOV.UK / NL Design System pattern).
 */
function toIso(raw: unknown): string | undefined {
  let y: string, m: string, d: string;
  if (raw && typeof raw === 'object' && !Array.isArray(raw)) {
    const o = raw as Record<string, unknown>;
    [y, m, d] = [o.year, o.month, o.day].map((v) => String(v ?? '').trim());
  } else if (typeof raw === 'string') {
    const s = raw.trim();
    const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
    const nl = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(s);
    if (iso) [, y, m, d] = iso;
    else if (nl) [, d, m, y] = nl;
    else return undefined;
  } else return undefined;
  if (!/^\d{4}$/.test(y) || !/^\d{1,2}$/.test(m) || !/^\d{1,2}$/.test(d)) return undefined;
  const dt = DateTime.fromObject({ year: Number(y), month: Number(m), day: Number(d) });
  return dt.isValid ? dt.toISODate()! : undefined;
}

function bound(value: Field['min'], today: string): string | undefined {
  if (value === 'today') return today;
  return typeof value === 'string' ? value : undefined;
}

const date: FieldKind<'date'> = {
  type: 'date',
  bounds: 'date',
  sample: (_field, today) => today,
  parse(raw, field, ctx) {
    const iso = toIso(raw);
    if (!iso) return bad('invalid-date');
    const min = bound(field.min, ctx.today);
    const max = bound(field.max, ctx.today);
    if (min && iso < min) return bad('date-before', { min });
    if (max && iso > max) return bad('date-after', { max });
    return ok(iso);
  },
  check(field) {
    const problems: FieldDefinitionIssue[] = [];
    for (const b of [field.min, field.max]) {
      if (b !== undefined && b !== 'today' && !(typeof b === 'string' && toIso(b) === b))
        problems.push({ case: 'dateBound', bound: String(b) });
    }
    return problems;
  },
  format(value, _field, lang) {
    const dt = typeof value === 'string' ? DateTime.fromISO(value) : undefined;
    return dt?.isValid ? dt.setLocale(lang).toFormat('d LLLL yyyy') : String(value ?? '');
  },
};

export const dateKinds = [date] as const;
