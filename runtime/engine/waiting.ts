import { createTranslator, longDate, notifyCatalogues, type Lang } from '../i18n/index.js';
import { t, type Process, type taskOf } from '../model/index.js';
import type { TaskRow } from '../store/index.js';
import { dueDate } from './deadlines.js';

/**
 * Honest waiting (README, "Eerlijk wachten"): what the citizen is told when a
 * handoff's deadline passes, or when an official extends it. Pure.
 */

/**
 * The new expected date once a deadline passed: the deadline plus the
 * handoff's own term again (the same duration or working days), counted
 * from now if the deadline is long gone; a task without a term of its own
 * gets two weeks.
 */
export function expectedAfterLate(dueAt: string, due: Term, now: Date): Date {
  const term = due ?? 'P14D';
  const next = dueDate(new Date(dueAt), term);
  return next.getTime() > now.getTime() ? next : dueDate(now, term);
}
type Term = NonNullable<ReturnType<typeof taskOf>>['due'];

const both = (fn: (say: ReturnType<typeof createTranslator<typeof notifyCatalogues.nl>>, lang: Lang) => string) => ({
  nl: fn(createTranslator(notifyCatalogues, 'nl'), 'nl'),
  en: fn(createTranslator(notifyCatalogues, 'en'), 'en'),
});

/** The late notice's subject and body, by language. */
export function lateText(process: Process, task: Pick<TaskRow, 'caseReference'>, expectedAt: string) {
  const facts = (l: Lang) => ({
    process: t(process.title, l),
    reference: task.caseReference,
    date: longDate(expectedAt, l),
  });
  return {
    subject: both((say, l) => say('lateSubject', facts(l))),
    body: both((say, l) => say('lateBody', facts(l))),
  };
}

/** The extension notice's subject and body, by language; the reason is the official's own words. */
export function extendedText(process: Process, task: Pick<TaskRow, 'caseReference'>, dueAt: string, reason: string) {
  const facts = (l: Lang) => ({
    process: t(process.title, l),
    reference: task.caseReference,
    date: longDate(dueAt, l),
    reason: /[.!?]$/.test(reason) ? reason : `${reason}.`,
  });
  return {
    subject: both((say, l) => say('extendedSubject', facts(l))),
    body: both((say, l) => say('extendedBody', facts(l))),
  };
}
