import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { sha256 } from '../../../runtime/letters/index.js';
import { pageBrowser, type PageBrowser } from '../../helpers/browser.js';
import { household, money } from '../../helpers/fixtures.js';
import { startTestServer, type TestServer } from '../../helpers/server.js';
import { holds, LEGAL_BASIS, OBJECTION_TO, pdfText, publishToeslagWithLetter } from './support.js';

// The decision letter downloaded over HTTP from a real server: the citizen's page and the officials' API.
const CITIZEN = '999993653';
const OTHER = '111222333';
const HOLDER = '637337670';
const REASON = 'Uw vaste lasten zijn niet hoger dan gewoonlijk.';

let s: TestServer;
/** A case the official rejected, and one still waiting at the official's review. */
let rejected: { id: string; reference: string };
let waiting: { id: string };
let citizen: PageBrowser;

const signedIn = async (bsn: string) => {
  const b = pageBrowser(s.base);
  await b.signIn(bsn);
  return b;
};
/** Starts a toeslag case on the pages, fills both forms and sends them: it waits at the official's review. */
async function fillToeslag(b: PageBrowser) {
  const start = await b.request('POST', '/diensten/toeslag/start', { _csrf: await b.csrf('/diensten/toeslag') });
  const id = start.location!.split('/')[2];
  const token = await b.csrf(`/zaken/${id}/stap/huishouden`);
  expect((await b.request('POST', `/zaken/${id}/stap/huishouden`, { _csrf: token, ...household })).status).toBe(303);
  expect((await b.request('POST', `/zaken/${id}/stap/geldzaken`, { _csrf: token, ...money() })).status).toBe(303);
  expect((await b.request('POST', `/zaken/${id}/versturen`, { _csrf: token })).status).toBe(303);
  return id;
}
/** GET with the browser's cookies (or a token), the body as bytes. */
async function download(path: string, auth: { browser?: PageBrowser; token?: string } = {}) {
  const headers: Record<string, string> = {};
  if (auth.browser) headers.cookie = auth.browser.cookieHeader();
  if (auth.token) headers.authorization = `Bearer ${auth.token}`;
  const res = await fetch(s.base + path, { headers, redirect: 'manual' });
  return { res, bytes: Buffer.from(await res.arrayBuffer()) };
}

beforeAll(async () => {
  s = await startTestServer();
  await publishToeslagWithLetter(s.processes);
  citizen = await signedIn(CITIZEN);
  const id = await fillToeslag(citizen);
  const [task] = await s.store.tasks.list({ caseId: id });
  const done = await s.api('POST', `/api/tasks/${task.id}/complete`, {
    as: 'official',
    body: { outcome: 'afwijzen', data: { reden: REASON } },
  });
  expect(done.status).toBe(200);
  rejected = { id, reference: (await s.store.cases.get(id))!.reference };
  waiting = { id: await fillToeslag(citizen) };
});
afterAll(async () => {
  await s?.close();
});

describe('the citizen downloads the letter at /zaken/:id/brief', () => {
  test('the status page of the ended case links to it; the PDF holds the decision, the reasons and the objection clause', async () => {
    const status = await citizen.request('GET', `/zaken/${rejected.id}/status`);
    expect(status.text).toContain(`href="/zaken/${rejected.id}/brief"`);
    expect(status.text).toContain('Download de brief met het besluit (pdf)');
    const { res, bytes } = await download(`/zaken/${rejected.id}/brief`, { browser: citizen });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="besluit-${rejected.reference}.pdf"`);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const text = await pdfText(bytes);
    for (const phrase of [
      rejected.reference,
      'Toeslag afgewezen',
      'Uw inkomen ligt dicht bij de norm. Een medewerker bekijkt uw aanvraag.',
      'besloten: Afwijzen.',
      REASON,
      LEGAL_BASIS.nl,
      'Dat moet binnen zes weken na de datum van deze brief',
      `Stuur uw bezwaar naar: ${OBJECTION_TO}`,
    ])
      expect(holds(text, phrase), phrase).toBe(true);
    // The letter the worker would have made is the one stored: its hash is the audit entry's.
    const issued = (await s.store.cases.audit(rejected.id)).filter((e) => e.type === 'letter.issued');
    expect(issued).toHaveLength(1);
    expect(issued[0].data).toMatchObject({ hash: sha256(bytes), bytes: bytes.length });
  });

  test('not yet ended: no link and 404; another citizen: 404; anonymous: sent to sign in', async () => {
    const status = await citizen.request('GET', `/zaken/${waiting.id}/status`);
    expect(status.text).not.toContain('/brief"');
    expect((await download(`/zaken/${waiting.id}/brief`, { browser: citizen })).res.status).toBe(404);
    expect(await s.store.letters.get(waiting.id)).toBeUndefined();
    const other = await signedIn(OTHER);
    expect((await download(`/zaken/${rejected.id}/brief`, { browser: other })).res.status).toBe(404);
    const anonymous = (await download(`/zaken/${rejected.id}/brief`)).res;
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get('location')).toBe(
      `/inloggen?terug=${encodeURIComponent(`/zaken/${rejected.id}/brief`)}`,
    );
  });

  test('someone acting for the citizen gets it with a mandate that lets them read messages, not without', async () => {
    const at = s.clock.now().toISOString();
    const base = {
      citizen: CITIZEN,
      holder: { kind: 'person' as const, id: HOLDER },
      holderName: 'Jan de Vries',
      staff: [],
      processKey: 'toeslag',
      validFrom: at.slice(0, 10),
      validUntil: null,
      source: 'citizen' as const,
      reason: null,
      createdBy: `citizen:${CITIZEN}`,
    };
    const viewOnly = await s.store.mandates.create({ ...base, rights: ['view'] }, at);
    const holder = await signedIn(HOLDER);
    await holder.request('POST', '/namens', { _csrf: await holder.csrf('/namens'), namens: viewOnly.id });
    expect((await download(`/zaken/${rejected.id}/brief`, { browser: holder })).res.status).toBe(403);
    await s.store.mandates.revoke(viewOnly.id, `citizen:${CITIZEN}`, at);
    const full = await s.store.mandates.create({ ...base, rights: ['view', 'messages'] }, at);
    const again = await signedIn(HOLDER);
    await again.request('POST', '/namens', { _csrf: await again.csrf('/namens'), namens: full.id });
    const { res, bytes } = await download(`/zaken/${rejected.id}/brief`, { browser: again });
    expect(res.status).toBe(200);
    expect(holds(await pdfText(bytes), REASON)).toBe(true);
  });
});

describe('the official downloads the letter at GET /api/cases/:id/letter', () => {
  test('an official of the team and an admin get the PDF, the same bytes as the citizen', async () => {
    const mine = await download(`/zaken/${rejected.id}/brief`, { browser: citizen });
    for (const token of [s.tokens.official, s.tokens.admin]) {
      const { res, bytes } = await download(`/api/cases/${rejected.id}/letter`, { token });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/pdf');
      expect(res.headers.get('content-disposition')).toBe(`attachment; filename="besluit-${rejected.reference}.pdf"`);
      expect(Buffer.compare(bytes, mine.bytes)).toBe(0);
    }
    // The official's reading is in the read log the citizen sees.
    expect((await s.store.reads.forCase(rejected.id)).map((r) => r.actor)).toContain('user:olaf');
  });

  test('anonymous 401, a designer 403, another team and another citizen 404, a case not ended 404', async () => {
    const status = async (path: string, token?: string) => (await download(path, { token })).res.status;
    const url = `/api/cases/${rejected.id}/letter`;
    expect(await status(url)).toBe(401);
    expect(await status(url, s.tokens.designer)).toBe(403);
    expect(await status(url, s.tokens.otherTeam)).toBe(404);
    expect(await status(url, s.tokens.citizenB)).toBe(404);
    expect(await status(url, s.tokens.citizen)).toBe(200);
    expect(await status(`/api/cases/${waiting.id}/letter`, s.tokens.official)).toBe(404);
    expect(await status('/api/cases/nope/letter', s.tokens.admin)).toBe(404);
    expect(await s.store.letters.get(waiting.id)).toBeUndefined();
  });
});
