/**
 * Notices leave by email and SMS (runtime/notify), to real receivers started
 * here: an SMTP server (smtp-server) and a local HTTP receiver as the SMS
 * provider. Over a real store; "a restart" closes the store and opens it
 * again with a new notifier, as a new process would.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createNotifier, type NotifySettings } from '../../../runtime/notify/index.js';
import { defaultTheme } from '../../../runtime/pages/theme.js';
import type { Store } from '../../../runtime/store/index.js';
import { fixtureProcess } from '../../helpers/fixtures.js';
import { startSmsPeer, startSmtpPeer, type SmsPeer, type SmtpPeer } from '../../helpers/mail-peers.js';
import {
  asCitizen,
  BSN,
  closeStore,
  freshEnv,
  household,
  money,
  openEnv,
  OTHER_BSN,
  type Env,
} from '../engine/setup.js';

let smtp: SmtpPeer;
let sms: SmsPeer;
beforeEach(async () => {
  smtp = await startSmtpPeer();
  sms = await startSmsPeer();
});
afterEach(async () => {
  await smtp.stop();
  await sms.stop();
});

const settings = (over: Partial<NotifySettings> = {}): NotifySettings => ({
  smtp: { url: smtp.url, from: 'Gemeente Voorbeeld <noreply@voorbeeld.nl>' },
  sms: { url: sms.url, token: 'sms-secret' },
  publicUrl: 'https://loket.voorbeeld.nl',
  maxAttempts: 4,
  backoffMs: 30_000,
  backoffMaxMs: 600_000,
  digestMs: 3_600_000,
  confirmHours: 24,
  everyMs: 1000,
  ...over,
});
const notifierOf = (env: Pick<Env, 'store' | 'clock'>, over: Partial<NotifySettings> = {}) =>
  createNotifier({
    store: env.store,
    clock: env.clock,
    nodeId: 'node-1',
    settings: settings(over),
    theme: defaultTheme,
    log: () => {},
  });

/** Publishes `toeslag` with what its emails carry. */
async function publishToeslag(env: Env, carries?: 'message' | 'notice') {
  const def = { ...fixtureProcess('toeslag'), ...(carries ? { notifications: { email: carries } } : {}) };
  const { problems } = await env.processes.saveDraft('toeslag', def, 'test');
  expect(problems).toEqual([]);
  await env.processes.publish('toeslag', 'test');
}
/** A confirmed channel for a citizen, as their page leaves it after the link. */
const channel = (store: Store, bsn: string, kind: 'email' | 'sms', address: string, lang = 'nl') =>
  store.channels.set(bsn, kind, address, lang, '2026-03-01T09:00:00.000Z', { confirmed: true });
/** A toeslag case with too much savings: the rules reject it at once, an end with a message (the outcome). */
async function rejectedCase(env: Pick<Env, 'engine'>, bsn = BSN) {
  const started = await env.engine.startCase('toeslag', bsn, asCitizen(bsn));
  await env.engine.send(started.id, { type: 'submit', data: household }, { actor: asCitizen(bsn) });
  const ended = await env.engine.send(
    started.id,
    { type: 'submit', data: money({ vermogen: '5000' }) },
    { actor: asCitizen(bsn) },
  );
  expect(ended.status).toBe('ended');
  return ended;
}
const later = (env: Pick<Env, 'clock'>, ms: number) => env.clock.advance(ms);

describe('an outcome by email', () => {
  it('arrives in Dutch with the message, a plain-text and an HTML part, and a link to the case and the letter', async () => {
    const env = await freshEnv();
    await publishToeslag(env, 'message');
    await channel(env.store, BSN, 'email', 'inwoner@example.nl');
    const row = await rejectedCase(env);
    const done = await notifierOf(env).runOnce();
    expect(done).toEqual({ sent: 1, failed: 0, dead: 0 });
    expect(smtp.received).toHaveLength(1);
    const [mail] = smtp.received;
    expect(smtp.recipients[0]).toEqual(['inwoner@example.nl']);
    expect(mail.from?.text).toBe('"Gemeente Voorbeeld" <noreply@voorbeeld.nl>');
    expect(mail.headers.get('content-language')).toBe('nl');
    expect(mail.text).toContain('Beste inwoner,');
    expect(mail.text).toContain('U krijgt geen toeslag.');
    expect(mail.text).toContain(`https://loket.voorbeeld.nl/zaken/${row.id}/status`);
    expect(mail.text).toContain(`Lees de besluitbrief: https://loket.voorbeeld.nl/zaken/${row.id}/brief`);
    expect(mail.html).toContain('<html lang="nl">');
    expect(mail.html).toContain('Gemeente Voorbeeld');
    expect(mail.html).toContain('U krijgt geen toeslag.');
    const [delivery] = await env.store.deliveries.list('sent');
    expect(mail.messageId).toBe(`<delivery-${delivery.id}@voorbeeld.nl>`);
    expect(delivery).toMatchObject({ channel: 'email', address: 'inwoner@example.nl', attempts: 1, status: 'sent' });
  });

  it('arrives in English for a citizen who chose English', async () => {
    const env = await freshEnv();
    await publishToeslag(env, 'message');
    await channel(env.store, OTHER_BSN, 'email', 'resident@example.org', 'en');
    await rejectedCase(env, OTHER_BSN);
    await notifierOf(env).runOnce();
    expect(smtp.received).toHaveLength(1);
    const [mail] = smtp.received;
    expect(mail.headers.get('content-language')).toBe('en');
    expect(mail.text).toContain('Dear resident,');
    expect(mail.text).toContain('Your allowance is rejected.');
    expect(mail.text).toContain('Read the decision letter:');
    expect(mail.text).not.toContain('U krijgt geen toeslag');
    expect(mail.html).toContain('<html lang="en">');
  });

  it('only says a message is waiting when the process keeps the content in Mijn zaken (the default)', async () => {
    const env = await freshEnv();
    await publishToeslag(env);
    await channel(env.store, BSN, 'email', 'inwoner@example.nl');
    await rejectedCase(env);
    await notifierOf(env).runOnce();
    const [mail] = smtp.received;
    expect(mail.subject).toBe('Er staat een bericht voor u klaar');
    expect(mail.text).toContain('Er staat een nieuw bericht voor u klaar in Mijn zaken.');
    expect(mail.text).toContain('Het gaat over: ');
    expect(mail.text).not.toContain('U krijgt geen toeslag');
    expect(mail.html).not.toContain('U krijgt geen toeslag');
  });

  it('goes nowhere without a confirmed address: the notice is planned with no delivery', async () => {
    const env = await freshEnv();
    await publishToeslag(env, 'message');
    await env.store.channels.set(BSN, 'email', 'nog-niet@example.nl', 'nl', '2026-03-01T09:00:00.000Z', {
      token: 'x'.repeat(43),
      tokenExpiresAt: '2026-03-03T09:00:00.000Z',
    });
    const row = await rejectedCase(env);
    await notifierOf(env).runOnce();
    expect(smtp.received).toHaveLength(0);
    const notices = await env.store.outbox.forCase(row.id);
    expect(notices.every((n) => n.plannedAt !== null)).toBe(true);
    expect(await env.store.deliveries.countByStatus()).toEqual({ pending: 0, sent: 0, dead: 0 });
  });
});

describe('with the SMTP server down', () => {
  it('retries with backoff and delivers once it is back, never twice, also across a restart', async () => {
    const first = await freshEnv();
    await publishToeslag(first, 'message');
    await channel(first.store, BSN, 'email', 'inwoner@example.nl');
    await rejectedCase(first);
    await smtp.stop();
    expect(await notifierOf(first).runOnce()).toEqual({ sent: 0, failed: 1, dead: 0 });
    let [d] = await first.store.deliveries.list('pending');
    expect(d.attempts).toBe(1);
    expect(d.lastError).toMatch(/ECONNREFUSED|connect/i);
    // Not due yet: nothing is tried before the backoff has passed.
    expect(await notifierOf(first).runOnce()).toEqual({ sent: 0, failed: 0, dead: 0 });
    later(first, 40_000);
    expect(await notifierOf(first).runOnce()).toEqual({ sent: 0, failed: 1, dead: 0 });
    [d] = await first.store.deliveries.list('pending');
    expect(d.attempts).toBe(2);
    // The second wait is longer (doubling): 40 s on is not enough.
    later(first, 40_000);
    expect(await notifierOf(first).runOnce()).toEqual({ sent: 0, failed: 0, dead: 0 });

    // A restart: the store closed and opened again, a new notifier; the server is back.
    const at = first.clock.now().toISOString();
    await closeStore(first.store);
    const second = await openEnv(first.file, at);
    await smtp.start();
    later(second, 60_000);
    expect(await notifierOf(second).runOnce()).toEqual({ sent: 1, failed: 0, dead: 0 });
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0].text).toContain('U krijgt geen toeslag.');
    // Later rounds, also after another restart, send nothing again.
    later(second, 3_600_000);
    expect(await notifierOf(second).runOnce()).toEqual({ sent: 0, failed: 0, dead: 0 });
    await closeStore(second.store);
    const third = await openEnv(first.file, second.clock.now().toISOString());
    expect(await notifierOf(third).runOnce()).toEqual({ sent: 0, failed: 0, dead: 0 });
    expect(smtp.received).toHaveLength(1);
    expect((await third.store.deliveries.list('sent'))[0].attempts).toBe(3);
  });

  it('is a dead letter after the set number of failures, listed for admins, and their retry delivers it', async () => {
    const env = await freshEnv();
    await publishToeslag(env, 'message');
    await channel(env.store, BSN, 'email', 'inwoner@example.nl');
    await rejectedCase(env);
    await smtp.stop();
    const notifier = notifierOf(env, { maxAttempts: 3 });
    for (let i = 0; i < 3; i++) {
      await notifier.runOnce();
      later(env, 600_000);
    }
    const dead = await env.store.deliveries.list('dead');
    expect(dead).toHaveLength(1);
    expect(dead[0].attempts).toBe(3);
    // Dead letters are not tried again by themselves.
    await smtp.start();
    later(env, 3_600_000);
    expect(await notifier.runOnce()).toEqual({ sent: 0, failed: 0, dead: 0 });
    expect(smtp.received).toHaveLength(0);
    expect(await notifier.retry(dead[0].id)).toBe(true);
    // A second retry of the same letter is no dead letter any more.
    expect(await notifier.retry(dead[0].id)).toBe(false);
    expect(await notifier.runOnce()).toEqual({ sent: 1, failed: 0, dead: 0 });
    expect(smtp.received).toHaveLength(1);
    expect(await env.store.deliveries.countByStatus()).toEqual({ pending: 0, sent: 1, dead: 0 });
  });
});

describe('SMS through the HTTP provider', () => {
  it('sends only that a message waits, with the idempotency key, the token, and the link', async () => {
    const env = await freshEnv();
    await publishToeslag(env, 'message');
    await channel(env.store, BSN, 'sms', '+31612345678');
    const row = await rejectedCase(env);
    expect(await notifierOf(env).runOnce()).toEqual({ sent: 1, failed: 0, dead: 0 });
    expect(sms.received).toHaveLength(1);
    const [request] = sms.received;
    const [d] = await env.store.deliveries.list('sent');
    expect(request.headers['idempotency-key']).toBe(`delivery-${d.id}`);
    expect(request.headers.authorization).toBe('Bearer sms-secret');
    expect(request.body).toEqual({
      to: '+31612345678',
      text: `Gemeente Voorbeeld: er staat een bericht voor u klaar in Mijn zaken. https://loket.voorbeeld.nl/zaken/${row.id}/status`,
      reference: `delivery-${d.id}`,
    });
    expect(request.body.text).not.toContain('toeslag');
  });

  it('retries while the provider fails, once per message when back (across a restart), then dead after the set failures', async () => {
    const first = await freshEnv();
    await publishToeslag(first, 'message');
    await channel(first.store, BSN, 'sms', '+31612345678');
    await channel(first.store, OTHER_BSN, 'sms', '+31687654321');
    await rejectedCase(first);
    sms.answer = 503;
    expect(await notifierOf(first, { maxAttempts: 3 }).runOnce()).toEqual({ sent: 0, failed: 1, dead: 0 });
    later(first, 60_000);
    expect(await notifierOf(first, { maxAttempts: 3 }).runOnce()).toEqual({ sent: 0, failed: 1, dead: 0 });
    const at = first.clock.now().toISOString();
    await closeStore(first.store);
    const second = await openEnv(first.file, at);
    sms.answer = 200;
    later(second, 120_000);
    expect(await notifierOf(second, { maxAttempts: 3 }).runOnce()).toEqual({ sent: 1, failed: 0, dead: 0 });
    expect(sms.accepted()).toHaveLength(1);
    // Every attempt carried the same key: a provider that honours it sends the message once.
    expect(new Set(sms.received.map((r) => r.headers['idempotency-key'])).size).toBe(1);
    later(second, 3_600_000);
    await notifierOf(second, { maxAttempts: 3 }).runOnce();
    expect(sms.received).toHaveLength(3);

    // The other citizen's case meets a provider down for good: a dead letter after three failures.
    sms.answer = 500;
    await rejectedCase(second, OTHER_BSN);
    const notifier = notifierOf(second, { maxAttempts: 3 });
    for (let i = 0; i < 3; i++) {
      await notifier.runOnce();
      later(second, 600_000);
    }
    const dead = await second.store.deliveries.list('dead');
    expect(dead.map((d) => d.address)).toEqual(['+31687654321']);
    expect(dead[0].lastError).toBe('the SMS provider answered 500');
  });
});
