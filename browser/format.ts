import type { Lang } from './messages.js';

// Dates, times and numbers for the designer and the workspace, in one place.
// Dates are shown in Dutch time, whatever the computer's own zone says: a
// deadline or a publication happened at a Dutch hour.
const zone = 'Europe/Amsterdam';
const locale = (lang: Lang) => (lang === 'en' ? 'en-GB' : 'nl-NL');

const valid = (iso: string) => !Number.isNaN(new Date(iso).getTime());

/** "vr 13 maart 2026"; '' without a date; the text itself when it is no date. */
export function formatDate(iso: string | null | undefined, lang: Lang): string {
  if (!iso) return '';
  if (!valid(iso)) return iso;
  const options = { weekday: 'short', day: 'numeric', month: 'long', year: 'numeric', timeZone: zone } as const;
  return new Intl.DateTimeFormat(locale(lang), options).format(new Date(iso));
}

/** "13 mrt 2026, 14:05"; '' without a date; the text itself when it is no date. */
export function formatDateTime(iso: string | null | undefined, lang: Lang): string {
  if (!iso) return '';
  if (!valid(iso)) return iso;
  return new Intl.DateTimeFormat(locale(lang), { dateStyle: 'medium', timeStyle: 'short', timeZone: zone }).format(
    new Date(iso),
  );
}

/** "14:05:09" */
export function formatTime(date: Date, lang: Lang): string {
  return new Intl.DateTimeFormat(locale(lang), { timeStyle: 'medium', timeZone: zone }).format(date);
}

/** The calendar day of an instant in Dutch time, as YYYY-MM-DD. */
export function dutchDay(date: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(date);
}

/** "1.234" in Dutch, "1,234" in English. */
export function formatNumber(n: number, lang: Lang): string {
  return n.toLocaleString(locale(lang));
}

/** An answer or input value as text. */
export function valueText(value: unknown, lang: Lang): string {
  if (value === null || value === undefined) return '';
  if (value === true) return lang === 'en' ? 'Yes' : 'Ja';
  if (value === false) return lang === 'en' ? 'No' : 'Nee';
  if (Array.isArray(value)) return value.map((v) => valueText(v, lang)).join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
