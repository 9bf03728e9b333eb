import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../helpers/server.js';

// A form step whose designer asked for one question per page.
const vragen = {
  key: 'vragen',
  title: 'Vragen',
  start: 'situatie',
  contact: { team: 'klantcontact' },
  steps: {
    situatie: {
      kind: 'form',
      title: 'Uw situatie',
      onePerPage: true,
      fields: [
        { id: 'naam', label: 'Wat is uw naam?', type: 'text', required: true },
        { id: 'werk', label: 'Heeft u werk?', type: 'yes-no', required: true },
        { id: 'werkgever', label: 'Wie is uw werkgever?', type: 'text', required: true, showIf: 'werk = true' },
      ],
      next: 'klaar',
    },
    klaar: { kind: 'end', title: 'Klaar', outcome: 'completed', message: 'Dank u, {{naam}}.' },
  },
};

describe('one question per page', () => {
  let s: TestServer;
  let cookie = '';
  const req = async (method: string, path: string, form?: Record<string, string>) => {
    const res = await fetch(s.base + path, {
      method,
      headers: { cookie, ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
      body: form ? new URLSearchParams(form) : undefined,
      redirect: 'manual',
    });
    const set = res.headers.get('set-cookie');
    if (set) cookie = set.split(';')[0];
    return { status: res.status, location: res.headers.get('location'), text: await res.text() };
  };
  let csrf = '';

  beforeAll(async () => {
    s = await startTestServer({ fixtures: [] });
    expect((await s.api('PUT', '/api/processes/vragen/draft', { as: 'designer', body: vragen })).body.problems).toEqual(
      [],
    );
    await s.api('POST', '/api/processes/vragen/publish', { as: 'designer' });
    csrf = /name="_csrf" value="([^"]+)"/.exec((await req('GET', '/inloggen')).text)![1];
    await req('POST', '/inloggen', { _csrf: csrf, bsn: '999993653' });
    csrf = /name="_csrf" value="([^"]+)"/.exec((await req('GET', '/diensten/vragen')).text)![1];
  });
  afterAll(async () => {
    await s.close();
  });

  it('asks each question on its own page with the question as heading, skips what does not apply, and resumes at the first open question', async () => {
    const id = (await req('POST', '/diensten/vragen/start', { _csrf: csrf })).location!.split('/')[2];
    const first = await req('GET', `/zaken/${id}/stap/situatie`);
    expect(first.text).toMatch(
      /<h1 class="utrecht-heading-1"><label class="utrecht-form-label" for="f-naam">Wat is uw naam\?/,
    );
    expect(first.text).not.toContain('f-werk');
    expect(first.text).toContain('vraag 1 van 2');

    // An empty answer: the error on this question alone.
    const empty = await req('POST', `/zaken/${id}/stap/situatie?vraag=1`, { _csrf: csrf });
    expect(empty.status).toBe(422);
    expect(empty.text).toContain('Wat is uw naam?: Vul dit in.');

    expect((await req('POST', `/zaken/${id}/stap/situatie?vraag=1`, { _csrf: csrf, naam: 'Fatima' })).location).toBe(
      `/zaken/${id}/stap/situatie?vraag=2`,
    );
    // Saved per question: coming back lands on the open question.
    expect((await req('GET', `/zaken/${id}`)).location).toBe(`/zaken/${id}/stap/situatie`);
    expect((await req('GET', `/zaken/${id}/stap/situatie`)).text).toContain('Heeft u werk?');

    // "Yes" brings the follow-up question; "no" skips it.
    expect((await req('POST', `/zaken/${id}/stap/situatie?vraag=2`, { _csrf: csrf, werk: 'ja' })).location).toBe(
      `/zaken/${id}/stap/situatie?vraag=3`,
    );
    expect((await req('POST', `/zaken/${id}/stap/situatie?vraag=2`, { _csrf: csrf, werk: 'nee' })).location).toBe(
      `/zaken/${id}/controle`,
    );
    const check = await req('GET', `/zaken/${id}/controle`);
    expect(check.text).toContain('Fatima');
    expect(check.text).not.toContain('Wie is uw werkgever?');

    // A change link goes to that question and back to the check page.
    expect(check.text).toContain(`/zaken/${id}/stap/situatie?vraag=1&amp;wijzig=1`);
    expect(
      (await req('POST', `/zaken/${id}/stap/situatie?vraag=1&wijzig=1`, { _csrf: csrf, naam: 'Fatima B.' })).location,
    ).toBe(`/zaken/${id}/controle`);

    await req('POST', `/zaken/${id}/versturen`, { _csrf: csrf });
    expect((await s.store.cases.get(id))!.outcome).toBe('completed');
    expect((await s.store.cases.messages(id)).at(-1)!.body.nl).toBe('Dank u, Fatima B..');
  });
});
