import { formatDate } from '../runtime/i18n/index.js';
import type { Lang } from './messages.js';

/** A date and time as people in the Netherlands write it (or in English). */
export function formatDateTime(iso: string, lang: Lang): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return formatDate(d, lang, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
}
