import { dutchDate } from '../runtime/model/today.js';
import {
  fieldsCatalogues,
  formatDate as i18nDate,
  formatNumber as i18nNumber,
  translate,
} from '../runtime/i18n/index.js';
import type { Lang } from './messages.js';

// Dates, times and numbers for the designer and the workspace, in one place.
// Dates are shown in Dutch time (runtime/i18n formats in Europe/Amsterdam), whatever the
// computer's own zone says: a deadline or a publication happened at a Dutch hour.

const valid = (iso: string) => !Number.isNaN(new Date(iso).getTime());

/** "vr 13 maart 2026"; '' without a date; the text itself when it is no date. */
export function formatDate(iso: string | null | undefined, lang: Lang): string {
  if (!iso) return '';
  if (!valid(iso)) return iso;
  return i18nDate(iso, lang, { weekday: 'short', day: 'numeric', month: 'long', year: 'numeric' });
}

/** "13 mrt 2026, 14:05"; '' without a date; the text itself when it is no date. */
export function formatDateTime(iso: string | null | undefined, lang: Lang): string {
  if (!iso) return '';
  if (!valid(iso)) return iso;
  return i18nDate(iso, lang, { dateStyle: 'medium', timeStyle: 'short' });
}

/** "14:05:09" */
export function formatTime(date: Date, lang: Lang): string {
  return i18nDate(date, lang, { timeStyle: 'medium' });
}

/** The calendar day of an instant in Dutch time, as YYYY-MM-DD (runtime/model's one "today"). */
export const dutchDay = (date: Date): string => dutchDate(date);

/** "1.234" in Dutch, "1,234" in English. */
export const formatNumber = (n: number, lang: Lang): string => i18nNumber(n, lang);

/** An answer or input value as text. */
export function valueText(value: unknown, lang: Lang): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return translate(fieldsCatalogues, lang, value ? 'values.yes' : 'values.no');
  if (Array.isArray(value)) return value.map((v) => valueText(v, lang)).join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
