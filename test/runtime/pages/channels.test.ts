/**
 * The citizen's channels for notices on their pages: an email address used
 * only once its link is clicked (the link sent as a real email through a
 * real SMTP server), a mobile number, the language; bad input says what to
 * fix and changes nothing.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createNotifier } from '../../../runtime/notify/index.js';
import { defaultTheme } from '../../../runtime/pages/theme.js';
import { mobileNumber } from '../../../runtime/pages/routes/channels.js';
import { pageBrowser, type PageBrowser } from '../../helpers/browser.js';
import { notifySettings, startSmtpPeer, type SmtpPeer } from '../../helpers/mail-peers.js';
import { startTestServer, type TestServer } from '../../helpers/server.js';

const CITIZEN = '999993653';
let s: TestServer;
let smtp: SmtpPeer;
let b: PageBrowser;

const notifier = () =>
  createNotifier({
    store: s.store,
    clock: s.clock,
    nodeId: 'node-1',
    settings: notifySettings(smtp.url, { publicUrl: s.base }),
    theme: defaultTheme,
    log: () => {},
  });
const save = async (form: Record<string, string>) =>
  b.request('POST', '/meldingen', { _csrf: await b.csrf('/meldingen'), ...form });

beforeAll(async () => {
  smtp = await startSmtpPeer();
  s = await startTestServer();
  b = pageBrowser(s.base);
  await b.signIn(CITIZEN);
});
afterAll(async () => {
  await s?.close();
  await smtp?.stop();
});

describe('/meldingen', () => {
  test('asks a signed-in citizen only; an anonymous visitor is sent to sign in', async () => {
    const anonymous = await pageBrowser(s.base).request('GET', '/meldingen');
    expect(anonymous.status).toBe(303);
    expect(anonymous.location).toMatch(/^\/inloggen/);
    const page = await b.request('GET', '/meldingen');
    expect(page.status).toBe(200);
    expect(page.text).toContain('Meldingen per e-mail en sms');
    expect(page.text).toContain('type="email"');
    expect(page.text).toContain('type="tel"');
    expect(page.text).toContain('href="/meldingen"');
  });

  test('bad input says what to fix and saves nothing', async () => {
    const res = await save({ email: 'geen adres', sms: '12345', taal: 'nl' });
    expect(res.status).toBe(422);
    expect(res.text).toContain('Vul een e-mailadres in zoals naam@voorbeeld.nl');
    expect(res.text).toContain('Vul een mobiel nummer in zoals 06 12345678');
    expect(res.text).toContain('href="#f-email"');
    expect(res.text).toContain('value="geen adres"');
    expect(await s.store.channels.forSubject(CITIZEN)).toEqual([]);
  });

  test('an address is used only after its link is clicked; the number at once', async () => {
    const res = await save({ email: 'Inwoner@Example.nl', sms: '06-1234 5678', taal: 'en' });
    expect(res.status).toBe(303);
    const page = await b.request('GET', '/meldingen');
    expect(page.text).toContain('Wij hebben een e-mail gestuurd naar inwoner@example.nl');
    expect(page.text).toContain('nog niet bevestigd');
    const channels = await s.store.channels.forSubject(CITIZEN);
    expect(channels.map((c) => [c.kind, c.address, c.lang, !!c.confirmedAt])).toEqual([
      ['email', 'inwoner@example.nl', 'en', false],
      ['sms', '+31612345678', 'en', true],
    ]);
    // The link goes out as an email, in the chosen language.
    await notifier().runOnce();
    expect(smtp.received).toHaveLength(1);
    expect(smtp.recipients[0]).toEqual(['inwoner@example.nl']);
    expect(smtp.received[0].subject).toBe('Confirm your email address');
    const link = /(http:\/\/127\.0\.0\.1:\d+\/meldingen\/bevestigen\?token=[\w-]+)/.exec(smtp.received[0].text!)![1];
    const path = link.slice(s.base.length);
    // Sent: the notice keeps no copy of the token (the channel holds only its hash).
    const kept = await s.store.sql.q().selectFrom('outbox').select('data').where('kind', '=', 'confirm').execute();
    expect(kept.map((r) => JSON.parse(r.data).link)).toEqual(['/meldingen']);

    // Opening the link (as a mail scanner would) changes nothing; the button on it confirms, for anyone holding it.
    const elsewhere = pageBrowser(s.base);
    const opened = await elsewhere.request('GET', path);
    expect(opened.status).toBe(200);
    expect(opened.text).toContain('Bevestig mijn e-mailadres');
    expect((await s.store.channels.forSubject(CITIZEN))[0].confirmedAt).toBeNull();
    const token = /name="token" value="([^"]+)"/.exec(opened.text)![1];
    const csrf = /name="_csrf" value="([^"]+)"/.exec(opened.text)![1];
    const confirmed = await elsewhere.request('POST', '/meldingen/bevestigen', { _csrf: csrf, token });
    expect(confirmed.status).toBe(200);
    expect(confirmed.text).toContain('Uw e-mailadres is bevestigd');
    expect((await s.store.channels.forSubject(CITIZEN))[0].confirmedAt).not.toBeNull();
    // Once used, the link works no more.
    const again = await elsewhere.request('POST', '/meldingen/bevestigen', { _csrf: csrf, token });
    expect(again.status).toBe(410);
    expect(again.text).toContain('Deze link werkt niet meer');

    // Saving the same confirmed address again sends no new link and keeps it confirmed.
    expect((await save({ email: 'inwoner@example.nl', sms: '', taal: 'nl' })).status).toBe(303);
    await notifier().runOnce();
    expect(smtp.received).toHaveLength(1);
    const after = await s.store.channels.forSubject(CITIZEN);
    expect(after.map((c) => [c.kind, c.lang, !!c.confirmedAt])).toEqual([['email', 'nl', true]]);
  });

  test('an expired link confirms nothing', async () => {
    expect((await save({ email: 'later@example.nl', sms: '', taal: 'nl' })).status).toBe(303);
    await notifier().runOnce();
    const mail = smtp.received.at(-1)!;
    const token = /token=([\w-]+)/.exec(mail.text!)![1];
    s.clock.advance(25 * 3_600_000);
    const other = pageBrowser(s.base);
    const csrf = await other.csrf(`/meldingen/bevestigen?token=${token}`);
    expect((await other.request('POST', '/meldingen/bevestigen', { _csrf: csrf, token })).status).toBe(410);
    expect((await s.store.channels.forSubject(CITIZEN))[0]).toMatchObject({
      address: 'later@example.nl',
      confirmedAt: null,
    });
  });

  test('at most five confirmation emails a day: nobody floods an inbox from here', async () => {
    const other = pageBrowser(s.base);
    await other.signIn('111222333');
    const post = async (email: string) =>
      other.request('POST', '/meldingen', { _csrf: await other.csrf('/meldingen'), email, sms: '', taal: 'nl' });
    for (let i = 0; i < 5; i++) expect((await post(`a${i}@example.nl`)).status).toBe(303);
    const refused = await post('a5@example.nl');
    expect(refused.status).toBe(422);
    expect(refused.text).toContain('U heeft vandaag al vaak een bevestiging gevraagd');
    expect((await s.store.channels.forSubject('111222333'))[0].address).toBe('a4@example.nl');
  });
});

describe('mobileNumber', () => {
  test('Dutch mobile numbers become +316…; international ones keep their code; others are refused', () => {
    expect(mobileNumber('06 12 34 56 78')).toBe('+31612345678');
    expect(mobileNumber('+31 6 12345678')).toBe('+31612345678');
    expect(mobileNumber('0032 470 12 34 56')).toBe('+32470123456');
    expect(mobileNumber('010 1234567')).toBeUndefined();
    expect(mobileNumber('+310612345678')).toBeUndefined();
    expect(mobileNumber('hallo')).toBeUndefined();
  });
});
