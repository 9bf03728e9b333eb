/**
 * Objection (bezwaar) as an action on the status page, and the contact
 * request's way to reach the citizen: a decided case says by when (the
 * decision date + 6 weeks, Awb art. 6:7) and offers "Bezwaar maken", which
 * opens the contact request as an objection; the request asks for the phone
 * number or email address of the chosen way, checked by the server, and the
 * official's task carries it.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { pageBrowser, type PageBrowser } from '../../helpers/browser.js';
import { household, money } from '../../helpers/fixtures.js';
import { startTestServer, type TestServer } from '../../helpers/server.js';

type Task = { caseId: string; kind: string; team: string; request: Record<string, unknown> };

describe('objection and the contact request', () => {
  let s: TestServer;
  let b: PageBrowser;
  beforeAll(async () => {
    s = await startTestServer({ fixtures: ['toeslag'] });
    b = pageBrowser(s.base);
    await b.signIn('999993653');
  });
  afterAll(async () => {
    await s.close();
  });
  beforeEach(() => {
    s.clock.set('2026-03-02T09:00:00Z'); // Monday 2 March 2026, 10:00 in Amsterdam
  });

  /** A toeslag case with savings above the norm: the rules reject it at once (now). */
  async function rejected(): Promise<string> {
    const id = (await s.api('POST', '/api/processes/toeslag/cases', { as: 'citizen', body: {} })).body.id as string;
    await s.api('POST', `/api/cases/${id}/events`, { as: 'citizen', body: { type: 'submit', data: household } });
    const sent = await s.api('POST', `/api/cases/${id}/events`, {
      as: 'citizen',
      body: { type: 'submit', data: money({ vermogen: '5000' }) },
    });
    expect(sent.body.status).toBe('ended');
    return id;
  }

  /** A toeslag case waiting for an official (income near the norm). */
  async function waiting(): Promise<string> {
    const id = (await s.api('POST', '/api/processes/toeslag/cases', { as: 'citizen', body: {} })).body.id as string;
    await s.api('POST', `/api/cases/${id}/events`, { as: 'citizen', body: { type: 'submit', data: household } });
    await s.api('POST', `/api/cases/${id}/events`, { as: 'citizen', body: { type: 'submit', data: money() } });
    return id;
  }

  const contactTask = async (id: string) =>
    ((await s.api('GET', '/api/tasks?team=klantcontact', { as: 'official' })).body as Task[]).find(
      (t) => t.caseId === id,
    );

  const post = async (path: string, form: Record<string, string>) =>
    b.request('POST', path, { _csrf: await b.csrf(path), ...form });

  it('a rejection: the status page says until when to object (decision + 6 weeks) and leads to the objection', async () => {
    const id = await rejected();
    const status = await b.request('GET', `/zaken/${id}/status`);
    expect(status.status).toBe(200);
    const section = /<section class="omslag-objection"[\s\S]*?<\/section>/.exec(status.text)?.[0] ?? '';
    expect(section).toContain('Bent u het niet eens met dit besluit?</h2>');
    expect(section).toContain('Dan kunt u bezwaar maken. Dat kan tot en met 13 april 2026.');
    expect(section).toContain(`href="/zaken/${id}/medewerker?soort=bezwaar">Bezwaar maken</a>`);

    // The link opens the contact request as an objection.
    const form = await b.request('GET', `/zaken/${id}/medewerker?soort=bezwaar`);
    expect(form.text).toMatch(/<h1 class="utrecht-heading-1">Bezwaar maken<\/h1>/);
    expect(form.text).toMatch(/<input[^>]*name="kind" value="objection" checked>/);
    expect(form.text).toContain('Waarom bent u het niet eens met het besluit?');

    // Sent: a task for the contact team, as an objection, with the number to call.
    const done = await post(`/zaken/${id}/medewerker`, {
      question: 'Mijn spaargeld is voor de begrafenis van mijn moeder.',
      kind: 'objection',
      channel: 'phone',
      phone: '06 1234 5678',
      email: '',
    });
    expect(done.status).toBe(303);
    expect(done.location).toBe(`/zaken/${id}/status`);
    expect(await contactTask(id)).toMatchObject({
      kind: 'contact',
      team: 'klantcontact',
      request: { kind: 'objection', channel: 'phone', reach: '06 1234 5678' },
    });
    expect((await b.request('GET', `/zaken/${id}/status`)).text).toMatch(
      /role="status"><p class="utrecht-paragraph">Uw bezwaar is verstuurd\. Een medewerker neemt uiterlijk 4 maart 2026 contact met u op\./,
    );
    // While that request is open no second one can be made: the page says to tell the official instead.
    const after = (await b.request('GET', `/zaken/${id}/status`)).text;
    expect(after).toContain('U heeft al gevraagd om contact met een medewerker. Wilt u bezwaar maken?');
    expect(after).not.toContain('?soort=bezwaar');
  });

  it('after the last day the page says the term is over, without the button; in English the same', async () => {
    const id = await rejected();
    s.clock.set('2026-04-13T21:59:00Z'); // 23:59 on the last day: still open
    await b.signIn('999993653'); // weeks on, the session has long expired
    expect((await b.request('GET', `/zaken/${id}/status`)).text).toContain('?soort=bezwaar');
    s.clock.set('2026-04-13T22:00:01Z'); // 14 April in Amsterdam
    await b.signIn('999993653');
    const late = (await b.request('GET', `/zaken/${id}/status`)).text;
    expect(late).toContain('U kon bezwaar maken tot en met 13 april 2026. Die termijn is voorbij.');
    expect(late).not.toContain('?soort=bezwaar');
    const en = (await b.request('GET', `/zaken/${id}/status?lang=en`)).text;
    expect(en).toContain('You could object until and including 13 April 2026.');
    await b.request('GET', `/zaken/${id}/status?lang=nl`);
    s.clock.set('2026-03-02T09:00:00Z');
    await b.signIn('999993653');
  });

  it('no objection on a case that is still open, nor on a withdrawn one', async () => {
    const id = await waiting();
    expect((await b.request('GET', `/zaken/${id}/status`)).text).not.toContain('omslag-objection');
    await post(`/zaken/${id}/actie/withdraw`, {});
    const withdrawn = await b.request('GET', `/zaken/${id}/status`);
    expect(withdrawn.text).toContain('Aanvraag ingetrokken');
    expect(withdrawn.text).not.toContain('omslag-objection');
  });

  it('phone chosen: the number is asked for and checked; the error summary lists the errors in page order', async () => {
    const id = await waiting();
    const path = `/zaken/${id}/medewerker`;
    const page = await b.request('GET', path);
    // Without script both fields are there, each saying when it is needed.
    expect(page.text).toMatch(/<label class="utrecht-form-label" for="f-phone">Telefoonnummer<\/label>/);
    expect(page.text).toContain('Alleen als u gebeld wilt worden.');
    expect(page.text).toMatch(/<label class="utrecht-form-label" for="f-email">E-mailadres<\/label>/);
    expect(page.text).toContain('Alleen als u een e-mail wilt krijgen.');

    const empty = await post(path, { question: '', channel: 'phone', phone: '', email: '' });
    expect(empty.status).toBe(422);
    const links = [
      ...empty.text.matchAll(
        /<li class="utrecht-unordered-list__item"><a class="utrecht-link" href="([^"]+)">([^<]+)<\/a>/g,
      ),
    ];
    expect(links.map((m) => [m[1], m[2]])).toEqual([
      ['#f-question', 'Vertel waarmee wij u kunnen helpen.'],
      ['#f-phone', 'Vul uw telefoonnummer in. Dan kunnen wij u bellen.'],
    ]);
    expect(empty.text).toMatch(/id="f-phone" name="phone" value=""[^>]*aria-invalid="true"/);

    for (const bad of ['06 123', '06-abc-12345678', '0612345678+', '+31 6 1234 5678 9012 34'])
      expect((await post(path, { question: 'Wanneer hoor ik iets?', channel: 'phone', phone: bad })).text).toContain(
        'Vul een telefoonnummer in met minstens 10 cijfers, zoals 06 12345678.',
      );
    expect(await contactTask(id)).toBeUndefined();

    // An email address typed as well is not asked for and not stored: the chosen way counts.
    const ok = await post(path, {
      question: 'Wanneer hoor ik iets?',
      channel: 'phone',
      phone: '+31 6-1234-5678',
      email: 'geen adres',
    });
    expect(ok.status).toBe(303);
    expect((await contactTask(id))!.request).toMatchObject({ channel: 'phone', reach: '+31 6-1234-5678' });
  });

  it('email chosen: the address is asked for and checked, the answers kept; a visit needs neither', async () => {
    const id = await waiting();
    const path = `/zaken/${id}/medewerker`;
    const missing = await post(path, { question: 'Hoe lang duurt het?', channel: 'email', phone: '', email: '' });
    expect(missing.status).toBe(422);
    expect(missing.text).toContain('href="#f-email">Vul uw e-mailadres in. Dan kunnen wij u mailen.</a>');
    expect(missing.text).not.toContain('href="#f-phone"');
    expect(missing.text).toMatch(/value="email" checked>/);
    expect(missing.text).toContain('>Hoe lang duurt het?</textarea>');
    const bad = await post(path, { question: 'Hoe lang duurt het?', channel: 'email', email: 'inwoner@voorbeeld' });
    expect(bad.text).toContain('Vul een e-mailadres in zoals naam@voorbeeld.nl.');
    expect(bad.text).toContain('value="inwoner@voorbeeld"');
    const odd = await post(path, { question: 'Hoe lang duurt het?', channel: 'duif' });
    expect(odd.status).toBe(422);
    expect(odd.text).toContain('href="#f-channel">Kies hoe wij contact met u opnemen.</a>');
    expect(await contactTask(id)).toBeUndefined();
    const ok = await post(path, { question: 'Hoe lang duurt het?', channel: 'email', email: 'inwoner@voorbeeld.nl' });
    expect(ok.status).toBe(303);
    expect((await contactTask(id))!.request).toMatchObject({ channel: 'email', reach: 'inwoner@voorbeeld.nl' });

    const other = await waiting();
    expect(
      (await post(`/zaken/${other}/medewerker`, { question: 'Mag ik langskomen?', channel: 'visit' })).status,
    ).toBe(303);
    expect((await contactTask(other))!.request).toMatchObject({ channel: 'visit', reach: '' });
  });

  it('the API refuses a number or address that does not fit the chosen way (422), and stores nothing', async () => {
    const id = await waiting();
    const refused = await s.api('POST', `/api/cases/${id}/events`, {
      as: 'citizen',
      body: { type: 'person.requested', data: { question: 'Vraag', channel: 'email', reach: '0612345678' } },
    });
    expect(refused.status).toBe(422);
    expect(refused.body.error.details).toHaveProperty('reach');
    expect(await contactTask(id)).toBeUndefined();
  });
});
