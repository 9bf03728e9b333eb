import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE, SESSION_TTL_MS } from '../../../runtime/auth/index.js';
import { pageBrowser, type PageBrowser } from '../../helpers/browser.js';
import { household, money } from '../../helpers/fixtures.js';
import { startTestServer, type TestServer } from '../../helpers/server.js';

// Mandates on the citizen pages, over HTTP on a real server: granted by the citizen, used by the holder.
const CITIZEN = '999993653';
const HOLDER = '111222333';
const OTHER = '123456782';
const KVK = '12345678';
// One holder per test: a mandate of one test gives nothing in another.
const H = ['637337670', '250591960', '552619292', '314202699', '862347816'];

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer({ fixtures: ['toeslag', 'ophalen'] });
});
afterAll(async () => {
  await s.close();
});

const signedIn = async (bsn: string) => {
  const b = pageBrowser(s.base);
  await b.signIn(bsn);
  return b;
};

type Grant = {
  soort?: string;
  bsn?: string;
  kvk?: string;
  naam?: string;
  medewerkers?: string;
  dienst?: string;
  rechten?: string[];
  tot?: string;
  vanaf?: string;
};
/** The grant form posted as a browser posts it (checkboxes repeat their name; dates in three parts). */
async function grant(b: PageBrowser, g: Grant) {
  const form = new URLSearchParams({ _csrf: await b.csrf('/machtigingen/nieuw'), soort: g.soort ?? 'persoon' });
  for (const k of ['bsn', 'kvk', 'naam', 'medewerkers', 'dienst'] as const) if (g[k] !== undefined) form.set(k, g[k]!);
  for (const r of g.rechten ?? []) form.append('rechten', r);
  for (const [k, v] of [
    ['vanaf', g.vanaf],
    ['tot', g.tot],
  ] as const) {
    if (!v) continue;
    const [y, m, d] = v.split('-');
    form.set(`${k}-day`, d);
    form.set(`${k}-month`, m);
    form.set(`${k}-year`, y);
  }
  return b.request('POST', '/machtigingen/nieuw', form);
}
const ALL_RIGHTS = ['view', 'fill', 'submit', 'messages'];

/** The mandate the citizen granted to the holder of this name (granted at one fake moment, so not "the newest"). */
const named = async (name: string) => (await s.store.mandates.forCitizen(CITIZEN)).find((m) => m.holderName === name)!;

/** Chooses to act for the mandate's citizen on /namens. */
async function actFor(b: PageBrowser, mandateId: string) {
  return b.request('POST', '/namens', { _csrf: await b.csrf('/namens'), namens: mandateId, terug: '/mijn-zaken' });
}

const sessionOf = (b: PageBrowser) => s.store.sessions.get(b.jar.get(SESSION_COOKIE)!, s.clock.now());

/** Starts a toeslag case and fills both forms; returns its id. */
async function fillToeslag(b: PageBrowser) {
  const start = await b.request('POST', '/diensten/toeslag/start', { _csrf: await b.csrf('/diensten/toeslag') });
  expect(start.status).toBe(303);
  const id = start.location!.split('/')[2];
  const token = await b.csrf(`/zaken/${id}/stap/huishouden`);
  expect((await b.request('POST', `/zaken/${id}/stap/huishouden`, { _csrf: token, ...household })).status).toBe(303);
  expect((await b.request('POST', `/zaken/${id}/stap/geldzaken`, { _csrf: token, ...money() })).status).toBe(303);
  return { id, token };
}

describe('a mandate granted on the citizen pages', () => {
  it('lets the person act: chosen after sign-in, starts, fills in and submits; the citizen sees who did it', async () => {
    const citizen = await signedIn(CITIZEN);
    const granted = await grant(citizen, {
      bsn: HOLDER,
      naam: 'Jan de Vries',
      dienst: 'toeslag',
      rechten: ALL_RIGHTS,
    });
    expect(granted.location).toBe('/machtigingen');
    const list = await citizen.request('GET', '/machtigingen');
    expect(list.text).toContain('Jan de Vries');
    expect(list.text).toContain('door u zelf');
    expect(list.text).toContain('BSN ••••••333');
    const mandate = await named('Jan de Vries');
    expect(mandate).toMatchObject({ holder: { kind: 'person', id: HOLDER }, processKey: 'toeslag', source: 'citizen' });

    // The holder signs in and is asked for whom.
    const holder = pageBrowser(s.base);
    expect((await holder.signIn(HOLDER)).location).toBe('/namens?terug=%2Fmijn-zaken');
    const choice = await holder.request('GET', '/namens');
    expect(choice.text).toContain('Namens wie wilt u dit regelen?');
    expect(choice.text).toContain('Burger met BSN ••••••653');
    expect(choice.text).not.toContain(CITIZEN);
    expect((await actFor(holder, mandate.id)).location).toBe('/mijn-zaken');
    expect((await sessionOf(holder))!.acting).toEqual({ mandateId: mandate.id, citizen: CITIZEN });
    expect((await holder.request('GET', '/mijn-zaken')).text).toContain(
      'U regelt dit namens de burger met BSN ••••••653.',
    );

    // The mandates page is always the signed-in person's own: the holder grants nothing in the citizen's name.
    const own = await holder.request('GET', '/machtigingen');
    expect(own.text).toContain('U heeft nog niemand gemachtigd.');
    expect(own.text).not.toContain('Jan de Vries');

    const { id, token } = await fillToeslag(holder);
    expect((await s.store.cases.get(id))!.subject).toBe(CITIZEN);
    expect((await holder.request('GET', `/zaken/${id}/controle`)).status).toBe(200);
    expect((await holder.request('POST', `/zaken/${id}/versturen`, { _csrf: token })).location).toBe(
      `/zaken/${id}/bevestiging`,
    );

    // Every entry the holder caused names the mandate.
    const audit = await s.store.cases.audit(id);
    const actor = `mandate:${mandate.id}`;
    expect(audit.find((e) => e.type === 'case.started')!.actor).toBe(actor);
    const submits = audit.filter((e) => e.type === 'event.received' && e.data.type === 'submit');
    expect(submits.length).toBe(2);
    for (const e of submits) expect(e.actor).toBe(actor);

    // The citizen's own status page: what was done on their behalf, and by whom.
    const status = await citizen.request('GET', `/zaken/${id}/status`);
    expect(status.status).toBe(200);
    expect(status.text).toContain('Namens u gedaan');
    expect(status.text).toContain('(namens u door Jan de Vries)');
    expect(status.text).not.toContain('U regelt dit namens');
    // The holder's view of the same page.
    const theirs = await holder.request('GET', `/zaken/${id}/status`);
    expect(theirs.text).toContain('namens BSN ••••••653 door Jan de Vries');
    // In English too.
    expect((await citizen.request('GET', `/zaken/${id}/status?lang=en`)).text).toContain(
      'on your behalf by Jan de Vries',
    );
    await citizen.request('GET', '/mijn-zaken?lang=nl');

    // A group event by the holder (withdraw) carries the mandate too.
    const withdraw = await holder.request('POST', `/zaken/${id}/actie/withdraw`, { _csrf: token });
    expect(withdraw.location).toBe(`/zaken/${id}/status`);
    const after = await s.store.cases.audit(id);
    expect(after.find((e) => e.type === 'event.received' && e.data.type === 'withdraw')!.actor).toBe(actor);

    // Choosing "myself" again: the holder's own cases, no banner.
    await holder.request('POST', '/namens', { _csrf: token, namens: 'zelf', terug: '/mijn-zaken' });
    expect((await sessionOf(holder))!.acting).toBeNull();
    expect((await holder.request('GET', `/zaken/${id}/status`)).status).toBe(404);
  });

  it('stops at the next request when the citizen revokes it: 404, and acting is cleared', async () => {
    const citizen = await signedIn(CITIZEN);
    await grant(citizen, { bsn: OTHER, naam: 'Piet', dienst: '*', rechten: ['view', 'fill'] });
    const mandate = await named('Piet');
    const holder = await signedIn(OTHER);
    await actFor(holder, mandate.id);
    const start = await holder.request('POST', '/diensten/ophalen/start', { _csrf: await holder.csrf('/namens') });
    const caseUrl = start.location!;
    expect((await holder.request('GET', `${caseUrl}/status`)).status).toBe(200);

    const revoke = await citizen.request('POST', `/machtigingen/${mandate.id}/intrekken`, {
      _csrf: await citizen.csrf('/machtigingen'),
    });
    expect(revoke.location).toBe('/machtigingen');
    const list = await citizen.request('GET', '/machtigingen');
    expect(list.text).toContain('Ingetrokken');
    expect(list.text).toContain('De machtiging voor Piet is ingetrokken');

    expect((await holder.request('GET', `${caseUrl}/status`)).status).toBe(404);
    expect((await sessionOf(holder))!.acting).toBeNull();
    expect((await holder.request('GET', '/mijn-zaken')).text).not.toContain('U regelt dit namens');
    // Choosing it again is refused: it is not offered.
    const again = await actFor(holder, mandate.id);
    expect(again.status).toBe(422);
    expect((await sessionOf(holder))!.acting).toBeNull();
    // Another citizen cannot revoke someone else's mandate.
    const stranger = await signedIn(HOLDER);
    const other = await named('Piet');
    expect(
      (
        await stranger.request('POST', `/machtigingen/${other.id}/intrekken`, {
          _csrf: await stranger.csrf('/machtigingen'),
        })
      ).status,
    ).toBe(404);
  });

  it('gives nothing on another process: start refused, case pages 404, Mijn zaken lists only what it covers', async () => {
    const citizen = await signedIn(CITIZEN);
    const own = await citizen.request('POST', '/diensten/toeslag/start', {
      _csrf: await citizen.csrf('/diensten/toeslag'),
    });
    const ownCase = own.location!;
    await grant(citizen, { bsn: H[0], naam: 'Alleen ophalen', dienst: 'ophalen', rechten: ALL_RIGHTS });
    const mandate = await named('Alleen ophalen');
    const holder = await signedIn(H[0]);
    await actFor(holder, mandate.id);
    const token = await holder.csrf('/namens');
    expect((await holder.request('POST', '/diensten/toeslag/start', { _csrf: token })).status).toBe(404);
    expect((await holder.request('GET', `${ownCase}/status`)).status).toBe(404);
    expect((await holder.request('GET', ownCase)).status).toBe(404);
    const started = await holder.request('POST', '/diensten/ophalen/start', { _csrf: token });
    expect(started.status).toBe(303);
    const mine = await holder.request('GET', '/mijn-zaken');
    expect(mine.text).toContain('Spullen laten ophalen');
    expect(mine.text).not.toContain(ownCase);
    expect(mine.text).toContain(started.location!);
  });

  it('keeps to its rights: view only cannot fill in or send; fill without submit cannot send', async () => {
    const citizen = await signedIn(CITIZEN);
    const { id, token: citizenToken } = await fillToeslag(citizen);
    expect(citizenToken).toBeTruthy();
    await grant(citizen, { bsn: H[1], naam: 'Kijker', dienst: 'toeslag', rechten: ['view'] });
    const viewer = await named('Kijker');
    const holder = await signedIn(H[1]);
    await actFor(holder, viewer.id);
    const token = await holder.csrf('/namens');
    const seen = await holder.request('GET', `/zaken/${id}/status`);
    expect(seen.status).toBe(200);
    // What the mandate would refuse is not offered: the citizen's own page has these links, the viewer's not.
    expect((await citizen.request('GET', `/zaken/${id}/status`)).text).toContain(`/zaken/${id}/actie/withdraw`);
    expect(seen.text).not.toContain(`/zaken/${id}/actie/withdraw`);
    expect((await holder.request('GET', `/zaken/${id}/controle`)).status).toBe(200);
    const fill = await holder.request('POST', `/zaken/${id}/stap/huishouden`, { _csrf: token, ...household });
    expect(fill.status).toBe(403);
    expect(fill.text).toContain('Dit mag u niet doen');
    expect((await holder.request('GET', `/zaken/${id}/stap/huishouden`)).status).toBe(403);
    expect((await holder.request('POST', `/zaken/${id}/versturen`, { _csrf: token })).status).toBe(403);
    expect((await holder.request('POST', `/zaken/${id}/actie/withdraw`, { _csrf: token })).status).toBe(403);
    expect((await holder.request('POST', '/diensten/toeslag/start', { _csrf: token })).status).toBe(403);

    // Fill in, not send (granted as "fill" alone): answers are saved, sending is refused.
    const filler = await signedIn(H[2]);
    await grant(citizen, { bsn: H[2], naam: 'Invuller', dienst: 'toeslag', rechten: ['fill', 'view'] });
    await actFor(filler, (await named('Invuller')).id);
    const t2 = await filler.csrf('/namens');
    expect((await filler.request('POST', `/zaken/${id}/stap/huishouden`, { _csrf: t2, ...household })).status).toBe(
      303,
    );
    expect((await filler.request('POST', `/zaken/${id}/versturen`, { _csrf: t2 })).status).toBe(403);
    expect((await s.store.cases.get(id))!.step).toBe('huishouden');

    // The messages only with `messages`: an ended ophalen case, whose outcome is a message.
    const pickup = await citizen.request('POST', '/diensten/ophalen/start', { _csrf: citizenToken });
    const pid = pickup.location!.split('/')[2];
    await citizen.request('POST', `/zaken/${pid}/stap/ophaalverzoek`, {
      _csrf: citizenToken,
      postcode: '1234 AB',
      huisnummer: '1',
      spullen: 'matras',
      'ophaaldatum-day': '7',
      'ophaaldatum-month': '1',
      'ophaaldatum-year': '2030',
    });
    await citizen.request('POST', `/zaken/${pid}/versturen`, { _csrf: citizenToken });
    expect((await citizen.request('GET', `/zaken/${pid}/status`)).text).toContain('Wij halen uw spullen op');
    await grant(citizen, { bsn: H[1], naam: 'Kijker ophalen', dienst: 'ophalen', rechten: ['view'] });
    const blind = await holder.request('GET', `/zaken/${pid}/status`);
    expect(blind.status).toBe(200);
    expect(blind.text).not.toContain('Wij halen uw spullen op');
    expect(blind.text).toContain('U mag de berichten van deze zaak niet lezen.');
    expect((await holder.request('GET', `/zaken/${pid}/bevestiging`)).text).not.toContain('Wij halen uw spullen op');
    await grant(citizen, { bsn: H[1], naam: 'Lezer ophalen', dienst: 'ophalen', rechten: ['view', 'messages'] });
    expect((await holder.request('GET', `/zaken/${pid}/status`)).text).toContain('Wij halen uw spullen op');

    // "Send" brings "fill" with it.
    await grant(citizen, { bsn: H[2], naam: 'Verzender', dienst: 'ophalen', rechten: ['submit'] });
    expect((await named('Verzender')).rights).toEqual(['fill', 'submit']);
  });

  it("an organisation's mandate for named staff: the named employee can act, another of the same KVK cannot", async () => {
    const citizen = await signedIn(CITIZEN);
    const { id } = await fillToeslag(citizen);
    const granted = await grant(citizen, {
      soort: 'organisatie',
      kvk: KVK,
      naam: 'Schuldhulp Noord',
      medewerkers: 'emp-1\nemp-3',
      dienst: 'toeslag',
      rechten: ['view'],
    });
    expect(granted.location).toBe('/machtigingen');
    const mandate = await named('Schuldhulp Noord');
    expect(mandate).toMatchObject({ holder: { kind: 'organisation', id: KVK }, staff: ['emp-1', 'emp-3'] });
    expect((await citizen.request('GET', '/machtigingen')).text).toContain('alleen de medewerkers emp-1, emp-3');

    // The stand-in's company sign-in names no employee: the employees' sessions are made as eHerkenning's sign-in makes them.
    const employee = async (staffId: string) => {
      const { id: cookie } = await s.store.sessions.create(null, 'nl', s.clock.now(), SESSION_TTL_MS, null, {
        kvk: KVK,
        staffId,
        provider: 'eherkenning',
      });
      const b = pageBrowser(s.base);
      b.jar.set(SESSION_COOKIE, cookie);
      return b;
    };
    const listed = await employee('emp-1');
    expect((await listed.request('GET', '/namens')).text).toContain('Burger met BSN ••••••653');
    expect((await actFor(listed, mandate.id)).location).toBe('/mijn-zaken');
    expect((await listed.request('GET', `/zaken/${id}/status`)).status).toBe(200);

    expect((await listed.request('GET', '/machtigingen')).text).toContain('Een organisatie machtigt hier niemand.');

    const other = await employee('emp-2');
    const page = await other.request('GET', '/namens');
    expect(page.text).toContain('Niemand heeft u op dit moment gemachtigd.');
    expect((await actFor(other, mandate.id)).status).toBe(422);
    // Even with acting set by hand, the router finds no mandate for this employee: 404, acting cleared.
    const session = (await sessionOf(other))!;
    await s.store.sessions.setActing(session.idHash, { mandateId: mandate.id, citizen: CITIZEN });
    expect((await other.request('GET', `/zaken/${id}/status`)).status).toBe(404);
    expect((await sessionOf(other))!.acting).toBeNull();
  });

  it('refuses a grant form with a bad BSN, a bad KVK number, no right or an end before the start, and stores nothing', async () => {
    const citizen = await signedIn(CITIZEN);
    const before = (await s.store.mandates.forCitizen(CITIZEN)).length;
    const cases: [Grant, string][] = [
      [{ bsn: '123456789', naam: 'X', dienst: '*', rechten: ['view'] }, 'f-bsn'],
      [{ bsn: CITIZEN, naam: 'Ik', dienst: '*', rechten: ['view'] }, 'U kunt uzelf niet machtigen.'],
      [
        { soort: 'organisatie', kvk: '1234', naam: 'X', dienst: '*', rechten: ['view'] },
        'Vul een KVK-nummer van 8 cijfers in.',
      ],
      [{ bsn: HOLDER, naam: 'X', dienst: '*', rechten: [] }, 'f-rechten'],
      [
        { bsn: HOLDER, naam: 'X', dienst: '*', rechten: ['view'], vanaf: '2026-04-10', tot: '2026-04-01' },
        'De einddatum ligt vóór de begindatum.',
      ],
      [{ bsn: HOLDER, naam: 'X', dienst: '*', rechten: ['view'], tot: '2026-03-01' }, 'f-tot'],
      [{ bsn: HOLDER, naam: 'X', dienst: 'bestaat-niet', rechten: ['view'] }, 'f-dienst'],
      [{ bsn: HOLDER, naam: '', dienst: '*', rechten: ['view'] }, 'f-naam'],
    ];
    for (const [g, shows] of cases) {
      const res = await grant(citizen, g);
      expect(res.status, JSON.stringify(g)).toBe(422);
      expect(res.text).toContain('omslag-error-summary');
      expect(res.text, JSON.stringify(g)).toContain(shows);
    }
    expect((await s.store.mandates.forCitizen(CITIZEN)).length).toBe(before);
    // Without the form's token: 403, nothing stored.
    const forged = await citizen.request('POST', '/machtigingen/nieuw', {
      _csrf: 'forged',
      soort: 'persoon',
      bsn: HOLDER,
      naam: 'X',
      dienst: '*',
      rechten: 'view',
    });
    expect(forged.status).toBe(403);
    expect((await s.store.mandates.forCitizen(CITIZEN)).length).toBe(before);

    // A bounded list: at most 50 in force per citizen.
    const busy = H[4];
    for (let i = 0; i < 50; i++)
      await s.store.mandates.create(
        {
          citizen: busy,
          holder: { kind: 'person', id: HOLDER },
          holderName: `Helper ${i}`,
          staff: [],
          processKey: null,
          rights: ['view'],
          validFrom: s.clock.now().toISOString(),
          validUntil: null,
          source: 'citizen',
          reason: null,
          createdBy: 'citizen',
        },
        s.clock.now().toISOString(),
      );
    const full = await grant(await signedIn(busy), { bsn: HOLDER, naam: 'Nog een', dienst: '*', rechten: ['view'] });
    expect(full.status).toBe(422);
    expect(full.text).toContain('U heeft al 50 machtigingen die gelden.');
    expect((await s.store.mandates.forCitizen(busy)).length).toBe(50);
  });

  // Last: it moves the clock.
  it('stops when it ends: past its last day the holder gets 404 and acting is cleared', async () => {
    const citizen = await signedIn(CITIZEN);
    await grant(citizen, { bsn: H[3], naam: 'Tot vandaag', dienst: 'ophalen', rechten: ALL_RIGHTS, tot: '2026-03-02' });
    const mandate = await named('Tot vandaag');
    // It ends at the start of 3 March in Dutch time (23:00 UTC on the 2nd).
    expect(mandate.validUntil).toBe('2026-03-02T23:00:00.000Z');
    // Ten minutes before its end (within the idle timeout of 15 minutes).
    s.clock.set('2026-03-02T22:50:00Z');
    const holder = await signedIn(H[3]);
    await actFor(holder, mandate.id);
    const start = await holder.request('POST', '/diensten/ophalen/start', { _csrf: await holder.csrf('/namens') });
    expect((await holder.request('GET', `${start.location}/status`)).status).toBe(200);
    s.clock.set('2026-03-02T23:00:01Z');
    expect((await holder.request('GET', `${start.location}/status`)).status).toBe(404);
    expect((await sessionOf(holder))!.acting).toBeNull();
    // The citizen (signed in again: a session lasts 8 hours) finds it under "ended".
    const later = await signedIn(CITIZEN);
    const list = (await later.request('GET', '/machtigingen')).text;
    expect(list).toContain('<h2 class="utrecht-heading-2">Afgelopen</h2>');
    expect(list.indexOf('Tot vandaag')).toBeGreaterThan(list.indexOf('Afgelopen'));
  });
});
