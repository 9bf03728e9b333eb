import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../helpers/server.js';

describe('preview of a form step for the designer', () => {
  let s: TestServer;
  const cookieFor = async (name: string) => {
    await s.store.accounts.setPassword((await s.store.accounts.userByName(name))!.id, 'een-goed-wachtwoord');
    const res = await s.api('POST', '/api/session', { body: { name, password: 'een-goed-wachtwoord' } });
    return res.headers.get('set-cookie')!.split(';')[0];
  };
  const get = async (path: string, cookie?: string) => {
    const res = await fetch(s.base + path, { headers: cookie ? { cookie } : {} });
    return { status: res.status, text: await res.text() };
  };
  beforeAll(async () => {
    s = await startTestServer({ fixtures: ['toeslag'] });
  });
  afterAll(async () => {
    await s.close();
  });

  it('renders the draft step as citizens see it, only for designers', async () => {
    const designer = await cookieFor('dina');
    const page = await get('/voorbeeld/toeslag/geldzaken', designer);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Netto inkomen per maand (huishouden)');
    expect(page.text).toContain('Voorbeeld: zo ziet de inwoner deze stap');
    // The conditional question is shown with its hint.
    expect(page.text).toContain('Alleen invullen als u bij &quot;Heeft u een auto?&quot; &quot;Ja&quot; kiest.');
    // A draft change shows at once.
    const def = (await s.api('GET', '/api/processes/toeslag', { as: 'designer' })).body.draft;
    def.steps.geldzaken.title = 'Geld en spullen';
    await s.api('PUT', '/api/processes/toeslag/draft', { as: 'designer', body: def });
    expect((await get('/voorbeeld/toeslag/geldzaken', designer)).text).toContain('Geld en spullen');
    expect((await get('/voorbeeld/toeslag/geldzaken?versie=1', designer)).text).toContain('Inkomen en vermogen');
    expect((await get('/voorbeeld/toeslag/geldzaken?lang=en', designer)).text).toContain('Net monthly income');
    // Not a form step, unknown process, no designer: not found.
    expect((await get('/voorbeeld/toeslag/toets', designer)).status).toBe(404);
    expect((await get('/voorbeeld/bestaat-niet/x', designer)).status).toBe(404);
    expect((await get('/voorbeeld/toeslag/geldzaken')).status).toBe(404);
    expect((await get('/voorbeeld/toeslag/geldzaken', await cookieFor('olaf'))).status).toBe(404);
  });
});
