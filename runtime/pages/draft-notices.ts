import { createTranslator, longDate, notifyCatalogues, type Lang } from '../i18n/index.js';
import { t, type Process } from '../model/index.js';
import type { Store } from '../store/index.js';

const DAY = 24 * 60 * 60 * 1000;

const both = (fn: (say: ReturnType<typeof createTranslator<typeof notifyCatalogues.nl>>, lang: Lang) => string) => ({
  nl: fn(createTranslator(notifyCatalogues, 'nl'), 'nl'),
  en: fn(createTranslator(notifyCatalogues, 'en'), 'en'),
});

/**
 * Honest waiting for unfinished applications (README, "Eerlijk wachten"):
 * one reminder per draft after the process's `reminders.afterDays`, and one
 * notice `noticeMs` before housekeeping removes a stale draft (it removes it
 * only after that notice: drafts.deleteStale's `noticedBefore`). Each notice
 * is queued with its draft's mark, in the caller's transaction, once
 * (outbox keys `reminder:<case>` and `draft-expiry:<case>`, and the column
 * guards). Returns how many were queued.
 */
export async function noticeDrafts(store: Store, now: Date, opts: { draftMs: number; noticeMs: number }) {
  const at = now.toISOString();
  const processes = new Map<string, Process | null>();
  const processOf = async (key: string, version: number) => {
    const id = `${key}@${version}`;
    if (!processes.has(id))
      processes.set(id, ((await store.processes.version(key, version))?.definition as Process | undefined) ?? null);
    return processes.get(id)!;
  };
  const facts = (process: Process, reference: string, l: Lang) => ({ process: t(process.title, l), reference });
  let reminders = 0;
  for (const d of await store.drafts.untold('reminded_at', new Date(now.getTime() - DAY).toISOString())) {
    const process = await processOf(d.processKey, d.version);
    const after = process?.reminders?.afterDays;
    if (!process || !after || Date.parse(d.updatedAt) > now.getTime() - after * DAY) continue;
    if (!(await store.drafts.markTold(d.caseId, 'reminded_at', d.updatedAt, at))) continue;
    await store.outbox.queue({
      key: `reminder:${d.caseId}:${d.updatedAt}`,
      kind: 'reminder',
      recipient: `case:${d.caseId}`,
      caseId: d.caseId,
      data: {
        subject: both((say, l) => say('reminderSubject', facts(process, d.reference, l))),
        body: both((say, l) => say('reminderBody', facts(process, d.reference, l))),
        link: `/zaken/${d.caseId}`,
        draftUpdatedAt: d.updatedAt,
      },
      at,
    });
    reminders++;
  }
  let expiries = 0;
  const noticeFrom = new Date(now.getTime() - (opts.draftMs - opts.noticeMs)).toISOString();
  for (const d of await store.drafts.untold('expiry_noticed_at', noticeFrom)) {
    if (!(await store.drafts.markTold(d.caseId, 'expiry_noticed_at', d.updatedAt, at))) continue;
    // Removed no sooner than noticeMs from now, even if the draft is older already (it was made before this existed).
    const removeAt = new Date(Math.max(Date.parse(d.updatedAt) + opts.draftMs, now.getTime() + opts.noticeMs));
    const process = await processOf(d.processKey, d.version);
    const say = (l: Lang) => ({
      process: process ? t(process.title, l) : d.processKey,
      reference: d.reference,
      date: longDate(removeAt.toISOString(), l),
    });
    await store.outbox.queue({
      key: `draft-expiry:${d.caseId}:${d.updatedAt}`,
      kind: 'draft-expiry',
      recipient: `case:${d.caseId}`,
      caseId: d.caseId,
      data: {
        subject: both((tr, l) => tr('draftExpirySubject', say(l))),
        body: both((tr, l) => tr('draftExpiryBody', say(l))),
        link: `/zaken/${d.caseId}`,
        removeAt: removeAt.toISOString(),
      },
      at,
    });
    expiries++;
  }
  return { reminders, expiries };
}
