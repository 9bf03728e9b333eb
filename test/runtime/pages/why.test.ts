/**
 * The status page's "Waarom is dit besloten?" after an official's refusal:
 * the official's reason, with the automated reasons kept under the
 * automated check they belong to.
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

  it("shows the official's reason after a human refusal, and the rule's reason under the automated check", async () => {
    const started = await s.api('POST', '/api/processes/toeslag/cases', { as: 'citizen', body: {} });
    const id = (started.body as { id: string }).id;
    await s.api('POST', `/api/cases/${id}/events`, { as: 'citizen', body: { type: 'submit', data: household } });
    await s.api('POST', `/api/cases/${id}/events`, { as: 'citizen', body: { type: 'submit', data: money() } });
    const tasks = (await s.api('GET', '/api/tasks?team=belastingen&status=open', { as: 'official' })).body as {
      id: string;
      caseId: string;
    }[];
    const task = tasks.find((t) => t.caseId === id)!;
    const done = await s.api('POST', `/api/tasks/${task.id}/complete`, {
      as: 'official',
      body: { outcome: 'afwijzen', data: { reden: 'U heeft <b>een tweede huis</b>.' } },
    });
    expect(done.status).toBe(200);
    const b = pageBrowser(s.base);
    await b.signIn('999993653');
    const page = await b.request('GET', `/zaken/${id}/status`);
    const text = page.text;
    expect(page.status).toBe(200);
    const why = text.slice(text.indexOf('Waarom is dit besloten?'));
    expect(why).toMatch(
      /^Waarom is dit besloten\?<\/h2>\s*<p class="utrecht-paragraph omslag-official-reason">U heeft &lt;b&gt;een tweede huis&lt;\/b&gt;\.<\/p>/,
    );
    expect(why).toMatch(
      /Eerder bekeken door de automatische toets<\/h3>\s*<ul[^>]*><li[^>]*><span[^>]*>Uw inkomen ligt dicht bij de norm/,
    );
  });
});
