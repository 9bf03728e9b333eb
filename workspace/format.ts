import { fieldsCatalogues, locales, translate } from '../runtime/i18n/index.js';
import type { Lang } from './messages.js';
import type { Task } from './types.js';

// Dates are shown in Dutch time, whatever the official's computer says.
const zone = 'Europe/Amsterdam';
const locale = (lang: Lang) => locales[lang];

/** "vr 13 maart 2026" */
export function formatDate(iso: string | null | undefined, lang: Lang): string {
  if (!iso) return '';
  return new Intl.DateTimeFormat(locale(lang), { weekday: 'short', day: 'numeric', month: 'long', year: 'numeric', timeZone: zone }).format(new Date(iso));
}

/** "13 mrt 2026, 14:05" */
export function formatDateTime(iso: string | null | undefined, lang: Lang): string {
  if (!iso) return '';
  return new Intl.DateTimeFormat(locale(lang), { dateStyle: 'medium', timeStyle: 'short', timeZone: zone }).format(new Date(iso));
}

export function formatTime(date: Date, lang: Lang): string {
  return new Intl.DateTimeFormat(locale(lang), { timeStyle: 'medium', timeZone: zone }).format(date);
}

const dayOf = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(d);

/** Overdue and due-today as the API says, or computed here when it does not say. */
export function deadlineState(task: Pick<Task, 'dueAt' | 'overdue' | 'dueToday' | 'status'>, now = new Date()): { overdue: boolean; dueToday: boolean } {
  const active = task.status === 'open' || task.status === 'claimed';
  if (!task.dueAt || !active) return { overdue: !!task.overdue && active, dueToday: !!task.dueToday && active };
  const due = new Date(task.dueAt);
  return {
    overdue: task.overdue ?? due.getTime() < now.getTime(),
    dueToday: task.dueToday ?? (due.getTime() >= now.getTime() && dayOf(due) === dayOf(now)),
  };
}

/** An answer or input value as text. */
export function valueText(value: unknown, lang: Lang): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return translate(fieldsCatalogues, lang, value ? 'values.yes' : 'values.no');
  if (Array.isArray(value)) return value.map((v) => valueText(v, lang)).join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
