/**
 * What would have changed the outcome, end to end: a case decided by the
 * real engine on a real store records the counterfactual with its
 * decision.made entry, the status page shows it under "Waarom is dit
 * besloten?" (escaped), and the case view API gives it to the workspace.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageBrowser } from '../../helpers/browser.js';
import { fixtureProcess } from '../../helpers/fixtures.js';
import { startTestServer, type TestServer } from '../../helpers/server.js';

const GRANT =
  'Als ‘Inkomen per maand’ € 1.400,00 of minder (nu: € 1.850,00) was geweest, dan was de uitkomst: Toeslag toegekend.';
const CANNOT = 'Wij kunnen niet berekenen wat tot een andere uitkomst had geleid.';

describe('counterfactuals of automated decisions', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer({ fixtures: ['cf-inkomen', 'cf-onberekenbaar'] });
    // A label with markup in it: what the page shows of it must be escaped.
    const marked = fixtureProcess('cf-inkomen');
    marked.key = 'cf-opmaak';
    marked.steps.gegevens.fields[0].label.nl = 'Inkomen <b>per maand</b>';
    const { problems } = await s.processes.saveDraft(marked.key, marked, 'test');
    expect(problems).toEqual([]);
    await s.processes.publish(marked.key, 'test');
  });
  afterAll(async () => {
    await s.close();
  });

  async function decide(key: string, data: Record<string, unknown>) {
    const started = await s.api('POST', `/api/processes/${key}/cases`, { as: 'citizen', body: {} });
    const id = (started.body as { id: string }).id;
    const sent = await s.api('POST', `/api/cases/${id}/events`, { as: 'citizen', body: { type: 'submit', data } });
    expect(sent.status).toBe(200);
    return id;
  }

  async function statusPage(id: string) {
    const b = pageBrowser(s.base);
    await b.signIn('999993653');
    const page = await b.request('GET', `/zaken/${id}/status`);
    expect(page.status).toBe(200);
    return page.text.slice(page.text.indexOf('Waarom is dit besloten?'));
  }

  it('records the counterfactual with the decision, in both languages', async () => {
    const id = await decide('cf-inkomen', { inkomen: '1850' });
    const entry = (await s.store.cases.audit(id)).find((e) => e.type === 'decision.made')!;
    expect((entry.data as Record<string, unknown>).counterfactual).toEqual({
      computable: true,
      nl: GRANT,
      en: 'Had ‘Income a month’ been € 1.400,00 or less (now: € 1.850,00), the outcome would have been: Allowance granted.',
      alternatives: [{ outcome: 'toegekend', changes: [{ field: 'inkomen', from: 1850, to: 1400, op: '<=' }] }],
    });
  });

  it('shows it on the status page, under the reason of the automated decision', async () => {
    const id = await decide('cf-inkomen', { inkomen: '1850' });
    const why = await statusPage(id);
    expect(why).toMatch(
      /^Waarom is dit besloten\?<\/h2>\s*<ul class="utrecht-unordered-list"><li class="utrecht-unordered-list__item"><span class="omslag-because">Uw inkomen \(€ 1\.850,00\) is hoger dan € 1\.400\.<\/span><p class="utrecht-paragraph omslag-counterfactual"><strong>Wat had de uitkomst veranderd\?<\/strong> Als ‘Inkomen per maand’/,
    );
    expect(why).toContain(GRANT);
  });

  it('says on the status page when it cannot be calculated', async () => {
    const id = await decide('cf-onberekenbaar', { inkomen: '1800', toeslag: '400' });
    const entry = (await s.store.cases.audit(id)).find((e) => e.type === 'decision.made')!;
    expect((entry.data as { counterfactual: { computable: boolean } }).counterfactual.computable).toBe(false);
    expect(await statusPage(id)).toContain(`<strong>Wat had de uitkomst veranderd?</strong> ${CANNOT}`);
  });

  it('escapes what it shows', async () => {
    const id = await decide('cf-opmaak', { inkomen: '1850' });
    const why = await statusPage(id);
    expect(why).toContain('‘Inkomen &lt;b&gt;per maand&lt;/b&gt;’ € 1.400,00 of minder');
    expect(why).not.toContain('<b>per maand</b>');
  });

  it('gives it to the workspace in the case view, in the reader’s language', async () => {
    const id = await decide('cf-inkomen', { inkomen: '1850' });
    // An admin reads every case (an official, the cases of their teams' tasks): the workspace's case view.
    const nl = await s.api('GET', `/api/cases/${id}`, { as: 'admin' });
    expect(nl.status).toBe(200);
    const [explanation] = (nl.body as { explanations: { counterfactual?: unknown }[] }).explanations;
    expect(explanation.counterfactual).toEqual({
      computable: true,
      text: GRANT,
      alternatives: [{ outcome: 'toegekend', changes: [{ field: 'inkomen', from: 1850, to: 1400, op: '<=' }] }],
    });
    const en = await s.api('GET', `/api/cases/${id}`, { as: 'admin', headers: { 'accept-language': 'en' } });
    const [english] = (en.body as { explanations: { counterfactual: { text: string } }[] }).explanations;
    expect(english.counterfactual.text).toMatch(/^Had ‘Income a month’ been € 1\.400,00 or less/);
  });
});
