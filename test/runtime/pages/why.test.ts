/**
 * The status page's "Waarom is dit besloten?" after an official's decision:
 * the official's reason first (the reason field of a refusal, or the message
 * they wrote with any other outcome), with the automated reasons kept under
 * the automated check they belong to. The rule that sent the case to the
 * official ("Uw inkomen ligt dicht bij de norm") never answers the why then.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageBrowser } from '../../helpers/browser.js';
import { household, money } from '../../helpers/fixtures.js';
import { startTestServer, type TestServer } from '../../helpers/server.js';

describe("the status page's why", () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer({ fixtures: ['toeslag'] });
  });
  afterAll(async () => {
    await s.close();
  });

  /** A toeslag case with an income near the norm: the rules hand it to an official; completed with `body`. */
  async function decidedByOfficial(body: Record<string, unknown>) {
    const started = await s.api('POST', '/api/processes/toeslag/cases', { as: 'citizen', body: {} });
    const id = (started.body as { id: string }).id;
    await s.api('POST', `/api/cases/${id}/events`, { as: 'citizen', body: { type: 'submit', data: household } });
    await s.api('POST', `/api/cases/${id}/events`, { as: 'citizen', body: { type: 'submit', data: money() } });
    const tasks = (await s.api('GET', '/api/tasks?team=belastingen&status=open', { as: 'official' })).body as {
      id: string;
      caseId: string;
    }[];
    const task = tasks.find((t) => t.caseId === id)!;
    const done = await s.api('POST', `/api/tasks/${task.id}/complete`, { as: 'official', body });
    expect(done.status).toBe(200);
    const b = pageBrowser(s.base);
    await b.signIn('999993653');
    const page = await b.request('GET', `/zaken/${id}/status`);
    expect(page.status).toBe(200);
    return page.text.slice(page.text.indexOf('Waarom is dit besloten?'));
  }

  it("shows the official's reason after a human refusal, and the rule's reason under the automated check", async () => {
    const why = await decidedByOfficial({ outcome: 'afwijzen', data: { reden: 'U heeft <b>een tweede huis</b>.' } });
    expect(why).toMatch(
      /^Waarom is dit besloten\?<\/h2>\s*<p class="utrecht-paragraph omslag-official-by">Een medewerker heeft uw aanvraag beoordeeld\. De reden van de medewerker:<\/p>\s*<p class="utrecht-paragraph omslag-official-reason">U heeft &lt;b&gt;een tweede huis&lt;\/b&gt;\.<\/p>/,
    );
    expect(why).toMatch(
      /Eerder bekeken door de automatische toets<\/h3>\s*<ul[^>]*><li[^>]*><span[^>]*>Uw inkomen ligt dicht bij de norm/,
    );
  });

  it("after an official's grant with a message, that message is the reason, before the referral's text", async () => {
    const why = await decidedByOfficial({
      outcome: 'toekennen',
      data: {},
      message: 'Uw vaste lasten zijn hoog; daarom krijgt u de toeslag.',
    });
    expect(why).toMatch(
      /^Waarom is dit besloten\?<\/h2>\s*<p[^>]*omslag-official-by[^>]*>[^<]*<\/p>\s*<p class="utrecht-paragraph omslag-official-reason">Uw vaste lasten zijn hoog; daarom krijgt u de toeslag\.<\/p>/,
    );
    expect(why.indexOf('omslag-official-reason')).toBeLessThan(why.indexOf('Uw inkomen ligt dicht bij de norm'));
    expect(why.indexOf('Eerder bekeken door de automatische toets')).toBeLessThan(
      why.indexOf('Uw inkomen ligt dicht bij de norm'),
    );
  });

  it('after an official decided without a reason, the page says an official decided; the referral is not the why', async () => {
    const why = await decidedByOfficial({ outcome: 'toekennen', data: {} });
    expect(why).toMatch(
      /^Waarom is dit besloten\?<\/h2>\s*<p class="utrecht-paragraph omslag-official-by">Een medewerker heeft uw aanvraag beoordeeld en dit besloten\.<\/p>\s*<h3[^>]*>Eerder bekeken door de automatische toets<\/h3>/,
    );
    expect(why).not.toContain('omslag-official-reason');
  });
});
