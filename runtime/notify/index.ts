import type { Clock } from '../engine/index.js';
import { asLang, createTranslator, locales, notifyCatalogues, type Lang } from '../i18n/index.js';
import { t, type Process } from '../model/index.js';
import type { Theme } from '../pages/theme.js';
import type { ChannelKind, OutboxEntry, OutboxRow, Store, TaskRow } from '../store/index.js';
import { channelsFor, isCitizenNotice, renderEmail, renderSms, type RenderContext } from './content.js';
import { backoff, type NotifySettings } from './settings.js';
import { transportsFrom, type Transports } from './transports.js';

export { renderEmail, renderSms, type EmailContent, type RenderContext } from './content.js';
export { backoff, readNotifySettings, type NotifySettings } from './settings.js';
export { httpSmsTransport, smtpTransport, transportsFrom, type Transports } from './transports.js';
export { startNotifyWorker, type NotifyWorker } from './worker.js';

/** How long a node holds the deliveries it claimed: far longer than a batch takes with the transports' timeouts. */
const LEASE_MS = 5 * 60_000;
const BATCH = 10;
/** A task older than this gets no more notices (a node down longer than a day sends no stale digests). */
const LOOKBACK_MS = 24 * 60 * 60_000;
/** Staff notices are looked for at most once a minute (the digest's window is an hour), not every round. */
const STAFF_EVERY_MS = 60_000;
/** Keys of staff notices a notifier remembers as queued; forgotten all at once past this (the outbox's key decides). */
const MAX_KNOWN = 50_000;
/** A notice not planned within a week is not sent any more: the inbox has it. */
const STALE_MS = 7 * 24 * 60 * 60_000;

type Target = { channel: ChannelKind; address: string; lang: Lang };

/**
 * Notices leave Omslag here. A notice in the outbox (written with the case
 * change that causes it) is planned once: one delivery per channel and
 * address of its recipient, in one transaction with marking it planned.
 * Deliveries are sent under a claim (a lease, so a node that dies hands
 * them on); a failed attempt waits longer each time (backoff) and after
 * `maxAttempts` it is a dead letter an admin can retry. Staff notices (a
 * digest of new tasks per team, an escalation, a four-eyes proposal) are
 * derived from the tasks with idempotent keys, so each is queued once
 * however many nodes look.
 */
export function createNotifier(deps: {
  store: Store;
  clock: Clock;
  nodeId: string;
  settings: NotifySettings;
  theme: Pick<Theme, 'name' | 'letter'>;
  transports?: Transports;
  log?: (e: unknown) => void;
}) {
  const { store, clock, settings } = deps;
  const transports = deps.transports ?? transportsFrom(settings);
  const log = deps.log ?? console.error;
  const known = new Set<string>();
  let lastDerived = -Infinity;

  const definitionOf = async (key: string, version: number) =>
    (await store.processes.version(key, version))?.definition as Process | undefined;

  async function subjectOf(row: OutboxRow): Promise<string | undefined> {
    if (row.recipient.startsWith('subject:')) return row.recipient.slice('subject:'.length);
    if (row.recipient.startsWith('case:')) return (await store.cases.get(row.recipient.slice('case:'.length)))?.subject;
    return undefined;
  }

  /** Where a notice goes: the recipient's confirmed channels that a transport is configured for. */
  async function targetsOf(row: OutboxRow): Promise<Target[]> {
    const allowed = channelsFor(row.kind).filter((c) => (c === 'email' ? transports.email : transports.sms));
    const targets: Target[] = [];
    const lang = asLang(typeof row.data.lang === 'string' ? row.data.lang : 'nl');
    if (row.recipient.startsWith('email:')) targets.push({ channel: 'email', address: row.recipient.slice(6), lang });
    else if (row.recipient.startsWith('user:')) {
      const email = await store.accounts.emailOf(Number(row.recipient.slice(5)));
      if (email) targets.push({ channel: 'email', address: email, lang });
    } else if (row.recipient.startsWith('team:')) {
      const exclude = typeof row.data.exclude === 'number' ? row.data.exclude : undefined;
      for (const member of await store.accounts.teamMembers(row.recipient.slice(5))) {
        if (member.id === exclude) continue;
        const email = await store.accounts.emailOf(member.id);
        if (email) targets.push({ channel: 'email', address: email, lang });
      }
    } else {
      const subject = await subjectOf(row);
      if (subject)
        for (const c of await store.channels.forSubject(subject))
          if (c.confirmedAt) targets.push({ channel: c.kind, address: c.address, lang: asLang(c.lang) });
    }
    return targets.filter((x) => allowed.includes(x.channel));
  }

  /** Plans the deliveries of up to `limit` unplanned notices; the number planned. */
  async function planOnce(limit = 50): Promise<number> {
    let planned = 0;
    for (const row of await store.outbox.unplanned(limit)) {
      const now = clock.now();
      const at = now.toISOString();
      // A notice older than a week (one written before notices were sent, or while no node ran) goes to the inbox only.
      const stale = Date.parse(row.createdAt) < now.getTime() - STALE_MS;
      const targets = stale ? [] : await targetsOf(row);
      await store.transaction(async () => {
        for (const target of targets) await store.deliveries.plan({ outboxId: row.id, ...target, at });
        if (await store.outbox.markPlanned(row.id, at)) planned++;
      });
    }
    return planned;
  }

  async function contextOf(row: OutboxRow, lang: Lang): Promise<RenderContext> {
    const ctx: RenderContext = {
      organisation: deps.theme.name,
      colour: deps.theme.letter?.colour ?? '#154273',
      publicUrl: settings.publicUrl,
      emailCarries: 'notice',
      confirmHours: settings.confirmHours,
    };
    if (row.caseId && isCitizenNotice(row.kind)) {
      const c = await store.cases.get(row.caseId);
      const def = c && (await definitionOf(c.processKey, c.version));
      if (def) {
        ctx.emailCarries = def.notifications?.email ?? 'notice';
        ctx.process = t(def.title, lang);
      }
    }
    return ctx;
  }

  /** Sends up to `limit` due deliveries; what happened to them. */
  async function sendOnce(limit = BATCH) {
    const done = { sent: 0, failed: 0, dead: 0 };
    const claimed = await store.deliveries.claimDue(deps.nodeId, clock.now().toISOString(), LEASE_MS, limit);
    for (const d of claimed) {
      const id = `delivery-${d.id}`;
      try {
        const row = await store.outbox.get(d.outboxId);
        if (!row) throw new Error('the notice is gone');
        const lang = asLang(d.lang);
        const ctx = await contextOf(row, lang);
        if (d.channel === 'email') {
          if (!transports.email) throw new Error('no SMTP server is configured (SMTP_URL)');
          await transports.email.send({ id, to: d.address, lang, ...renderEmail(row, lang, ctx) });
        } else {
          if (!transports.sms) throw new Error('no SMS provider is configured (SMS_URL)');
          await transports.sms.send({ id, to: d.address, text: renderSms(row, lang, ctx) });
        }
        if (await store.deliveries.markSent(d.id, deps.nodeId, clock.now().toISOString())) {
          done.sent++;
          // The confirmation link's token is stored as a hash only (channels): once sent, the notice keeps no copy.
          if (row.kind === 'confirm') await store.outbox.setData(row.id, { ...row.data, link: '/meldingen' });
        }
      } catch (error) {
        const attempts = d.attempts + 1;
        const dead = attempts >= settings.maxAttempts;
        const nextAt = new Date(clock.now().getTime() + backoff(settings, attempts)).toISOString();
        const message = error instanceof Error ? error.message : String(error);
        if (await store.deliveries.markFailed(d.id, deps.nodeId, message, nextAt, dead)) {
          done.failed++;
          if (dead) done.dead++;
        }
      }
    }
    return done;
  }

  /** A task's process and step titles in both languages, for staff notices. */
  async function titlesOf(task: TaskRow) {
    const def = await definitionOf(task.processKey, task.version);
    const step = def?.steps[task.step] as { title?: unknown } | undefined;
    const of = (lang: Lang) => ({
      process: def ? t(def.title, lang) : task.processKey,
      step: step?.title ? t(step.title as Parameters<typeof t>[0], lang) : task.step,
    });
    return { nl: of('nl'), en: of('en') };
  }
  const both = (fn: (say: ReturnType<typeof createTranslator<typeof notifyCatalogues.nl>>, lang: Lang) => string) => ({
    nl: fn(createTranslator(notifyCatalogues, 'nl'), 'nl'),
    en: fn(createTranslator(notifyCatalogues, 'en'), 'en'),
  });
  const workspaceTask = (id: string) => `/werkplek/taken/${encodeURIComponent(id)}`;
  const timeOf = (iso: string, lang: Lang) =>
    new Intl.DateTimeFormat(locales[lang], {
      dateStyle: 'medium',
      timeStyle: 'short',
      timeZone: 'Europe/Amsterdam',
    }).format(new Date(iso));

  /** Queues the staff notices of tasks: digests of closed windows, escalations, proposals. The number queued. */
  async function deriveStaffNotices(): Promise<number> {
    const now = clock.now();
    const at = now.toISOString();
    const since = new Date(now.getTime() - LOOKBACK_MS).toISOString();
    const tasks = await store.tasks.forNotices(since);
    let queued = 0;
    // A key this notifier queued (or found queued) before is skipped without a query or a title lookup.
    const queue = async (key: string, make: () => Promise<Omit<OutboxEntry, 'key'>>) => {
      if (known.has(key)) return;
      if (await store.outbox.queue({ key, ...(await make()) })) queued++;
      if (known.size >= MAX_KNOWN) known.clear();
      known.add(key);
    };
    for (const task of tasks) {
      if (task.escalatedAt && task.escalatedAt >= since)
        await queue(`escalation:${task.id}`, async () => {
          const titles = await titlesOf(task);
          return {
            kind: 'escalation',
            recipient: `team:${task.team}`,
            caseId: task.caseId,
            data: {
              task: task.id,
              link: workspaceTask(task.id),
              subject: both((say, l) => say('escalationSubject', { process: titles[l].process })),
              body: both((say, l) =>
                say('escalationBody', {
                  step: titles[l].step,
                  reference: task.caseReference,
                  process: titles[l].process,
                  team: task.team,
                }),
              ),
            },
            at,
          };
        });
      const p = task.proposal;
      if (p && p.proposedAt >= since)
        await queue(`proposal:${task.id}:${p.proposedAt}`, async () => {
          const titles = await titlesOf(task);
          return {
            kind: 'proposal',
            recipient: `team:${task.team}`,
            caseId: task.caseId,
            data: {
              task: task.id,
              exclude: p.proposedBy,
              link: workspaceTask(task.id),
              subject: both((say) => say('proposalSubject', { reference: task.caseReference })),
              body: both((say, l) =>
                say('proposalBody', {
                  name: p.proposedByName,
                  reference: task.caseReference,
                  process: titles[l].process,
                  outcome: p.outcome,
                }),
              ),
            },
            at,
          };
        });
    }
    // Digests: per team, the tasks made in each closed window of the last day.
    const window = settings.digestMs;
    const lastEnd = Math.floor(now.getTime() / window) * window;
    const counts = new Map<string, number>();
    for (const task of tasks) {
      const made = Date.parse(task.createdAt);
      if (made >= lastEnd || made < now.getTime() - LOOKBACK_MS) continue;
      const start = Math.floor(made / window) * window;
      const key = `${task.team}\u0000${start}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    for (const [key, count] of counts) {
      const [team, start] = key.split('\u0000') as [string, string];
      const from = new Date(Number(start)).toISOString();
      const until = new Date(Number(start) + window).toISOString();
      await queue(`task-digest:${team}:${from}`, async () => ({
        kind: 'task-digest',
        recipient: `team:${team}`,
        data: {
          team,
          count,
          from,
          until,
          link: '/werkplek',
          subject: both((say) => say('digestSubject', { count, team })),
          body: both((say, l) => say('digestBody', { count, team, from: timeOf(from, l), until: timeOf(until, l) })),
        },
        at,
      }));
    }
    return queued;
  }

  /** One round: staff notices, planning, sending (a batch at a time while batches are full). */
  async function runOnce() {
    const now = clock.now().getTime();
    if (now - lastDerived >= STAFF_EVERY_MS) {
      lastDerived = now;
      await deriveStaffNotices().catch(log);
    }
    while ((await planOnce()) === 50);
    let total = { sent: 0, failed: 0, dead: 0 };
    for (let i = 0; i < 10; i++) {
      const done = await sendOnce();
      total = { sent: total.sent + done.sent, failed: total.failed + done.failed, dead: total.dead + done.dead };
      if (done.sent + done.failed < BATCH) break;
    }
    return total;
  }

  return {
    planOnce,
    sendOnce,
    deriveStaffNotices,
    runOnce,
    /** An admin's retry of a dead letter: due now, attempts counted afresh. */
    retry: (id: number) => store.deliveries.retry(id, clock.now().toISOString()),
    close: () => transports.email?.close(),
  };
}
export type Notifier = ReturnType<typeof createNotifier>;
