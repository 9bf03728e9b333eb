import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../helpers/server.js';

const bewijs = {
  key: 'bewijs',
  title: 'Bewijs inleveren',
  start: 'upload',
  contact: { team: 'klantcontact' },
  steps: {
    upload: {
      kind: 'form',
      title: 'Bewijsstuk',
      fields: [{ id: 'bewijsstuk', label: 'Uw loonstrook', type: 'file', required: true, max: 1000 }],
      next: 'klaar',
    },
    klaar: { kind: 'end', title: 'Ontvangen', outcome: 'completed', message: 'Wij hebben {{bewijsstuk}} ontvangen.' },
  },
};

describe('a file question on the pages', () => {
  let s: TestServer;
  let cookie = '';
  const get = async (path: string) => {
    const res = await fetch(s.base + path, { headers: { cookie }, redirect: 'manual' });
    const set = res.headers.get('set-cookie');
    if (set) cookie = set.split(';')[0];
    return { status: res.status, location: res.headers.get('location'), text: await res.text() };
  };
  const post = async (path: string, body: FormData | URLSearchParams) => {
    const res = await fetch(s.base + path, { method: 'POST', headers: { cookie }, body, redirect: 'manual' });
    const set = res.headers.get('set-cookie');
    if (set) cookie = set.split(';')[0];
    return { status: res.status, location: res.headers.get('location'), text: await res.text() };
  };
  const csrf = async (path: string) => /name="_csrf" value="([^"]+)"/.exec((await get(path)).text)![1];

  beforeAll(async () => {
    s = await startTestServer({ fixtures: [] });
    expect((await s.api('PUT', '/api/processes/bewijs/draft', { as: 'designer', body: bewijs })).body.problems).toEqual(
      [],
    );
    expect((await s.api('POST', '/api/processes/bewijs/publish', { as: 'designer' })).status).toBe(201);
    const token = await csrf('/inloggen');
    await post('/inloggen', new URLSearchParams({ _csrf: token, bsn: '999993653' }));
  });
  afterAll(async () => {
    await s.close();
  });

  it('stores the bytes, keeps the answer as metadata, and refuses a file that is too large or of the wrong type', async () => {
    const token = await csrf('/diensten/bewijs');
    const start = await post('/diensten/bewijs/start', new URLSearchParams({ _csrf: token }));
    const id = start.location!.split('/')[2];
    const page = await get(`/zaken/${id}/stap/upload`);
    expect(page.text).toContain('enctype="multipart/form-data"');

    const form = (content: string, type: string, name: string) => {
      const f = new FormData();
      f.set('_csrf', token);
      f.set('bewijsstuk', new Blob([content], { type }), name);
      return f;
    };
    const tooBig = await post(`/zaken/${id}/stap/upload`, form('x'.repeat(2000), 'application/pdf', 'groot.pdf'));
    expect(tooBig.status).toBe(422);
    expect(tooBig.text).toContain('Het bestand is te groot');
    const wrongType = await post(`/zaken/${id}/stap/upload`, form('MZ', 'application/x-msdownload', 'virus.exe'));
    expect(wrongType.status).toBe(422);
    expect(await s.store.drafts.get(id)).toBeUndefined();

    const ok = await post(`/zaken/${id}/stap/upload`, form('%PDF-1.4 loonstrook', 'application/pdf', 'loonstrook.pdf'));
    expect(ok.location).toBe(`/zaken/${id}/controle`);
    const answer = (await s.store.drafts.get(id))!.steps[0].values.bewijsstuk as {
      id: string;
      name: string;
      size: number;
    };
    expect(answer).toMatchObject({ name: 'loonstrook.pdf', type: 'application/pdf', size: 19 });
    expect((await s.store.files.get(answer.id))!.data.toString()).toBe('%PDF-1.4 loonstrook');

    await post(`/zaken/${id}/versturen`, new URLSearchParams({ _csrf: token }));
    const row = (await s.store.cases.get(id))!;
    expect(row.outcome).toBe('completed');
    expect((row.snapshot as { context: { data: Record<string, unknown> } }).context.data.bewijsstuk).toMatchObject({
      id: answer.id,
      name: 'loonstrook.pdf',
    });
  });
});
