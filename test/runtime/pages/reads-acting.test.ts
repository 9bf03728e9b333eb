/**
 * An intermediary acting by a mandate on the citizen pages: every case page
 * they open is a read in the citizen's log, under the mandate and by the
 * holder's name; the log page itself is the citizen's only; after a revoke
 * nothing is read, so nothing is logged.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../../runtime/auth/index.js';
import { pageBrowser } from '../../helpers/browser.js';
import { startTestServer, type TestServer } from '../../helpers/server.js';
import { atReview, CITIZEN_BSN } from '../http/support.js';

const HOLDER = '123456782';
let s: TestServer;
beforeAll(async () => {
  s = await startTestServer({ fixtures: ['toeslag'] });
});
afterAll(async () => {
  await s?.close();
});

async function signedIn(bsn: string) {
  const b = pageBrowser(s.base);
  await b.signIn(bsn);
  return b;
}
const text = (page: string) =>
  page
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

describe('reads by an intermediary on the citizen pages', () => {
  it('are logged under the mandate with the holder’s name; the log page is 404 for them; revoked: nothing', async () => {
    const { view } = await atReview(s);
    const at = s.clock.now().toISOString();
    const mandate = await s.store.mandates.create(
      {
        citizen: CITIZEN_BSN,
        holder: { kind: 'person', id: HOLDER },
        holderName: 'Jan de Vries',
        staff: [],
        processKey: null,
        rights: ['view'],
        validFrom: at,
        validUntil: null,
        source: 'citizen',
        reason: null,
        createdBy: 'citizen',
      },
      at,
    );
    const holder = await signedIn(HOLDER);
    const session = (await s.store.sessions.get(holder.jar.get(SESSION_COOKIE)!, s.clock.now()))!;
    await s.store.sessions.setActing(session.idHash, { mandateId: mandate.id, citizen: CITIZEN_BSN });

    const status = await holder.request('GET', `/zaken/${view.id}/status`);
    expect(status.status).toBe(200);
    expect(status.text).not.toContain(`/zaken/${view.id}/inzage`);
    expect(await s.store.reads.forCase(view.id)).toEqual([
      {
        id: expect.any(Number),
        caseId: view.id,
        subject: CITIZEN_BSN,
        actor: `mandate:${mandate.id}`,
        actorName: 'Jan de Vries',
        onBehalf: null,
        data: 'case',
        purpose: 'mandate',
        at,
      },
    ]);
    // The log page is the citizen's: 404 for the holder, and opening it is not a read.
    s.clock.advance(11 * 60_000);
    expect((await holder.request('GET', `/zaken/${view.id}/inzage`)).status).toBe(404);
    expect(await s.store.reads.forCase(view.id)).toHaveLength(1);

    const citizen = await signedIn(CITIZEN_BSN);
    const page = text((await citizen.request('GET', `/zaken/${view.id}/inzage`)).text);
    expect(page).toContain('Jan de Vries');
    expect(page).toContain('Inzage door iemand die u hebt gemachtigd');

    await s.store.mandates.revoke(mandate.id, 'citizen', s.clock.now().toISOString());
    s.clock.advance(11 * 60_000);
    expect((await holder.request('GET', `/zaken/${view.id}/status`)).status).toBe(404);
    expect(await s.store.reads.forCase(view.id)).toHaveLength(1);
  });
});
