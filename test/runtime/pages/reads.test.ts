/**
 * "Wie heeft uw gegevens bekeken" (/zaken/:id/inzage) on a real server: the
 * citizen sees staff's reads of their case, newest first, with who, when,
 * which data and why, in Dutch or English; their own reads are not listed;
 * nobody else can open the page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageBrowser } from '../../helpers/browser.js';
import { startTestServer, type TestServer } from '../../helpers/server.js';
import { atReview, CITIZEN_BSN, expectStatus, startToeslag } from '../http/support.js';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer({ fixtures: ['toeslag'] });
});
afterAll(async () => {
  await s?.close();
});

async function signedIn(bsn: string) {
  const b = pageBrowser(s.base);
  const token = await b.csrf('/inloggen');
  const res = await b.request('POST', '/inloggen', { _csrf: token, bsn, terug: '/mijn-zaken' });
  expect(res.status).toBe(303);
  return b;
}
const text = (page: string) =>
  page
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

describe('the read log page', () => {
  it("lists an official's reads of the case with who, when, which data and why, newest first; not the citizen's own", async () => {
    const { view, task } = await atReview(s);
    const citizen = await signedIn(CITIZEN_BSN);
    // The status page links to it; the citizen's own page views are not reads for the log.
    const status = await citizen.request('GET', `/zaken/${view.id}/status`);
    expect(status.status).toBe(200);
    expect(status.text).toContain(`href="/zaken/${view.id}/inzage"`);
    expect(status.text).toContain('Wie heeft uw gegevens bekeken');

    const empty = await citizen.request('GET', `/zaken/${view.id}/inzage`);
    expect(empty.status).toBe(200);
    expect(text(empty.text)).toContain('Nog niemand anders dan uzelf heeft de gegevens van deze zaak bekeken.');
    expect(empty.text).not.toContain('<script');

    s.clock.set('2026-03-02T09:00:00Z');
    expectStatus(await s.api('GET', `/api/cases/${view.id}`, { as: 'official' }), 200);
    s.clock.set('2026-03-02T09:05:00Z'); // within the citizen's idle timeout
    expectStatus(
      await s.api('GET', `/api/tasks/${task.id}`, {
        as: 'admin',
        headers: { 'X-Purpose': 'Controle <steekproef> 2026' },
      }),
      200,
    );

    const page = await citizen.request('GET', `/zaken/${view.id}/inzage`);
    expect(page.status).toBe(200);
    const shown = text(page.text);
    expect(shown).toContain('Wie heeft uw gegevens bekeken');
    expect(shown).toContain('Medewerker van team belastingen');
    expect(shown).toContain('Behandeling van uw aanvraag');
    expect(shown).toContain('Uw zaak: uw antwoorden, berichten en het verloop');
    expect(shown).toContain('maandag 2 maart 2026 om 10:00');
    // The admin's own purpose, as given, escaped.
    expect(shown).toContain('Beheerder');
    expect(page.text).toContain('Controle &lt;steekproef&gt; 2026');
    expect(shown).toContain('maandag 2 maart 2026 om 10:05');
    expect(shown).toContain('De taak bij uw zaak');
    // Newest first; never an official's personal name.
    expect(shown.indexOf('Beheerder')).toBeLessThan(shown.indexOf('Medewerker van team belastingen'));
    expect(shown).not.toMatch(/\bolaf\b|\bada\b/);
    expect(page.text).toContain('<time datetime="2026-03-02T09:00:00.000Z">');
    // Reading it again lists nothing new: the citizen's reads are not recorded.
    expect(await s.store.reads.forCase(view.id)).toHaveLength(2);

    const english = await citizen.request('GET', `/zaken/${view.id}/inzage?lang=en`);
    const en = text(english.text);
    expect(en).toContain('Who looked at your data');
    expect(en).toContain('Official of team belastingen');
    expect(en).toContain('Handling your application');
    expect(en).toContain('Monday, 2 March 2026 at 10:00');
  });

  it('is 404 for another citizen and sends an anonymous visitor to sign in', async () => {
    const started = await startToeslag(s);
    const other = await signedIn('123456782');
    const res = await other.request('GET', `/zaken/${started.id}/inzage`);
    expect(res.status).toBe(404);
    expect(res.text).not.toContain(started.reference);
    const anonymous = await pageBrowser(s.base).request('GET', `/zaken/${started.id}/inzage`);
    expect(anonymous.status).toBe(303);
    expect(anonymous.location).toMatch(/^\/inloggen\?terug=/);
  });
});
