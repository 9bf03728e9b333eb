import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageBrowser, type PageBrowser } from '../../helpers/browser.js';
import { dumpDb } from '../../helpers/db-dump.js';
import { expectNoInternals } from '../../helpers/internals.js';
import { keepAliveClient } from '../../helpers/keep-alive.js';
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
      fields: [
        { id: 'bewijsstuk', label: 'Uw loonstrook', type: 'file', required: true, max: 100 * 1024 },
        { id: 'toelichting', label: 'Toelichting', type: 'textarea' },
      ],
      next: 'klaar',
    },
    klaar: { kind: 'end', title: 'Ontvangen', outcome: 'completed', message: 'Wij hebben {{bewijsstuk}} ontvangen.' },
  },
};

const MB = 1024 * 1024;
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5f1a5a40000000049454e44ae426082',
  'hex',
);
const EXE = Buffer.concat([
  Buffer.from('4d5a90000300000004000000ffff0000b800000000000000400000000000000000000000', 'hex'),
  Buffer.alloc(200),
]);

/** A multipart body written by hand, for what a browser would never send. */
const part = (name: string, value: string) =>
  `--B\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
const filePart = (name: string, filename: string, type: string) =>
  `--B\r\nContent-Disposition: form-data; name="${name}"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`;

describe('uploads on the pages', () => {
  let s: TestServer;
  let b: PageBrowser;
  let caseId = '';
  let token = '';
  const stepUrl = () => `/zaken/${caseId}/stap/upload`;
  const upload = (content: Buffer | string, type: string, name: string, extra: (f: FormData) => void = () => {}) => {
    const f = new FormData();
    f.set('_csrf', token);
    f.set('bewijsstuk', new Blob([typeof content === 'string' ? content : new Uint8Array(content)], { type }), name);
    extra(f);
    return b.request('POST', stepUrl(), f);
  };
  /** Files and drafts, and every other table, exactly as before. */
  async function refusedUnchanged(send: () => Promise<{ status: number; text: string }>, status: number, text: string) {
    const before = await dumpDb(s.store);
    const res = await send();
    expect(res.status).toBe(status);
    expect(res.text).toContain(text);
    expectNoInternals(res.text);
    expect(await dumpDb(s.store)).toEqual(before);
    return res;
  }

  beforeAll(async () => {
    s = await startTestServer({ fixtures: [] });
    expect((await s.api('PUT', '/api/processes/bewijs/draft', { as: 'designer', body: bewijs })).body.problems).toEqual(
      [],
    );
    expect((await s.api('POST', '/api/processes/bewijs/publish', { as: 'designer' })).status).toBe(201);
    b = pageBrowser(s.base);
    await b.signIn('999993653');
    token = await b.csrf('/diensten/bewijs');
    caseId = (await b.request('POST', '/diensten/bewijs/start', { _csrf: token })).location!.split('/')[2];
  });
  afterAll(async () => {
    await s.close();
  });

  it('finding 10: HTML declared as application/pdf is refused', async () => {
    await refusedUnchanged(
      () => upload('<!doctype html><html><script>alert(1)</script></html>', 'application/pdf', 'loonstrook.pdf'),
      422,
      'Dit bestand kunnen wij niet gebruiken. Kies een PDF, een foto (JPG, PNG of HEIC) of een tekstbestand (.txt).',
    );
  });

  it('finding 10: an executable named .pdf is refused', async () => {
    await refusedUnchanged(
      () => upload(EXE, 'application/pdf', 'loonstrook.pdf'),
      422,
      'Dit bestand kunnen wij niet gebruiken',
    );
  });

  it('finding 10: SVG declared as image/png is refused, with or without an XML prolog', async () => {
    await refusedUnchanged(
      () => upload('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', 'image/png', 'foto.png'),
      422,
      'Dit bestand kunnen wij niet gebruiken',
    );
    await refusedUnchanged(
      () => upload('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>', 'image/png', 'foto.png'),
      422,
      'Dit bestand kunnen wij niet gebruiken',
    );
  });

  it('finding 10: text that is not UTF-8, has control characters or holds markup is refused', async () => {
    await refusedUnchanged(
      () => upload(Buffer.from([0x48, 0x61, 0xff, 0xfe, 0x6c]), 'text/plain', 'brief.txt'),
      422,
      'Dit bestand kunnen wij niet gebruiken',
    );
    await refusedUnchanged(
      () => upload('Hallo\u0000wereld', 'text/plain', 'brief.txt'),
      422,
      'Dit bestand kunnen wij niet gebruiken',
    );
    await refusedUnchanged(
      () => upload('Beste medewerker, <img src=x onerror=alert(1)>', 'text/plain', 'brief.txt'),
      422,
      'Dit bestand kunnen wij niet gebruiken',
    );
  });

  it('finding 10: says so in English too', async () => {
    const en = pageBrowser(s.base);
    await en.request('GET', '/?lang=en');
    await en.signIn('999993653');
    const t = await en.csrf(stepUrl());
    const f = new FormData();
    f.set('_csrf', t);
    f.set('bewijsstuk', new Blob(['<html></html>'], { type: 'application/pdf' }), 'x.pdf');
    const res = await en.request('POST', stepUrl(), f);
    expect(res.status).toBe(422);
    expect(res.text).toContain(
      'We cannot use this file. Choose a PDF, a photo (JPG, PNG or HEIC) or a text file (.txt).',
    );
  });

  it('finding 6: an oversize file gets a field error the citizen understands, and nothing is stored', async () => {
    const res = await refusedUnchanged(
      () => upload(Buffer.alloc(300 * 1024, '%'), 'application/pdf', 'groot.pdf'),
      422,
      'Het bestand is te groot. Kies een bestand van hoogstens 100 kB.',
    );
    expect(res.text).toContain('aria-invalid="true"');
    expect(res.text).toContain('href="#f-bewijsstuk"');
  });

  it('finding 6: multipart with 11 files answers 4xx', async () => {
    await refusedUnchanged(
      () =>
        upload('%PDF-1.4 a', 'application/pdf', 'a.pdf', (f) => {
          for (let i = 0; i < 10; i++) f.append(`extra${i}`, new Blob(['%PDF-1.4']), `b${i}.pdf`);
        }),
      413,
      'U heeft te veel verstuurd',
    );
    await refusedUnchanged(
      () =>
        upload('%PDF-1.4 a', 'application/pdf', 'a.pdf', (f) => {
          for (let i = 0; i < 10; i++) f.append('bewijsstuk', new Blob(['%PDF-1.4']), `b${i}.pdf`);
        }),
      413,
      'U heeft te veel verstuurd',
    );
  });

  it('a file for a question this page does not ask answers 400', async () => {
    const f = new FormData();
    f.set('_csrf', token);
    f.set('iets-anders', new Blob(['%PDF-1.4']), 'a.pdf');
    await refusedUnchanged(() => b.request('POST', stepUrl(), f), 400, 'Dit adres of formulier klopt niet');
  });

  it('finding 6: multipart with 250 fields answers 4xx', async () => {
    await refusedUnchanged(
      () =>
        upload('%PDF-1.4 a', 'application/pdf', 'a.pdf', (f) => {
          for (let i = 0; i < 250; i++) f.append(`veld${i}`, 'x');
        }),
      413,
      'U heeft te veel verstuurd',
    );
  });

  it('finding 6: an oversize text part answers 413', async () => {
    await refusedUnchanged(
      () => upload('%PDF-1.4 a', 'application/pdf', 'a.pdf', (f) => f.set('toelichting', 'x'.repeat(100 * 1024))),
      413,
      'U heeft te veel verstuurd',
    );
  });

  it('finding 6: malformed multipart answers 400 with our page', async () => {
    const headers = { 'content-type': 'multipart/form-data; boundary=B' };
    await refusedUnchanged(
      () =>
        b.request(
          'POST',
          stepUrl(),
          `${part('_csrf', token)}--B\r\nContent-Disposition: form-data; name="bewijsstuk"; filename="a.pdf"\r\n\r\n%PDF-1.4 no end`,
          headers,
        ),
      400,
      'Dit adres of formulier klopt niet',
    );
    await refusedUnchanged(
      () => b.request('POST', stepUrl(), 'garbage', { 'content-type': 'multipart/form-data' }),
      400,
      'Dit adres of formulier klopt niet',
    );
  });

  it('the token must come first: a file before it is refused (403) and not kept', async () => {
    const headers = { 'content-type': 'multipart/form-data; boundary=B' };
    const body = `${filePart('bewijsstuk', 'a.pdf', 'application/pdf')}%PDF-1.4 x\r\n${part('_csrf', token)}--B--\r\n`;
    await refusedUnchanged(() => b.request('POST', stepUrl(), body, headers), 403, 'Dit formulier is verlopen');
    await refusedUnchanged(
      () => upload('%PDF-1.4 x', 'application/pdf', 'a.pdf', (f) => f.set('_csrf', 'vervalst')),
      403,
      'Dit formulier is verlopen',
    );
  });

  it('finding 8: a multipart post without a valid token is refused without reading its body', async () => {
    const client = keepAliveClient(s.base);
    try {
      const head = Buffer.from(
        `${part('_csrf', 'vervalst')}${filePart('bewijsstuk', 'a.pdf', 'application/pdf')}%PDF-1.4`,
      );
      const before = await dumpDb(s.store);
      const res = await client.send('POST', stepUrl(), {
        headers: { cookie: b.cookieHeader(), 'content-type': 'multipart/form-data; boundary=B' },
        body: Buffer.concat([head, Buffer.alloc(3 * MB)]),
        firstBytes: head.length,
        waitMs: 2000,
      });
      expect(res.status).toBe(403);
      expect(res.early).toBe(true);
      expect(await dumpDb(s.store)).toEqual(before);
      // The rest was dropped and the socket serves the next request.
      const next = await client.send('GET', '/api/health');
      expect(next.localPort).toBe(res.localPort);
    } finally {
      client.close();
    }
  });

  it('finding 8: a multipart post to a missing page is refused without buffering', async () => {
    const client = keepAliveClient(s.base);
    const head = Buffer.from(`${part('_csrf', token)}${filePart('bewijsstuk', 'a.pdf', 'application/pdf')}%PDF-1.4`);
    const big = Buffer.concat([head, Buffer.alloc(3 * MB)]);
    try {
      for (const path of ['/zaken/bestaat-niet/stap/upload', `/zaken/${caseId}/stap/bestaat-niet`, '/bestaat-niet']) {
        const before = await dumpDb(s.store);
        const res = await client.send('POST', path, {
          headers: { cookie: b.cookieHeader(), 'content-type': 'multipart/form-data; boundary=B' },
          body: big,
          firstBytes: head.length,
          waitMs: 2000,
        });
        // Answered while the body had hardly begun: the server cannot have read it.
        expect([path, res.early]).toEqual([path, true]);
        expect(res.status === 404 || res.status === 303).toBe(true);
        expect(await dumpDb(s.store)).toEqual(before);
      }
    } finally {
      client.close();
    }
  });

  it('finding 8: eight concurrent 30 MB posts to a missing page leave memory flat', async () => {
    const body = Buffer.alloc(30 * MB, 'x');
    global.gc?.();
    const before = process.memoryUsage();
    const clients = Array.from({ length: 8 }, () => keepAliveClient(s.base));
    try {
      const answers = await Promise.all(
        clients.map((c) =>
          c.send('POST', '/bestaat-niet', {
            headers: { cookie: b.cookieHeader(), 'content-type': 'multipart/form-data; boundary=B' },
            body,
            waitMs: 0,
          }),
        ),
      );
      expect(answers.map((a) => a.status)).toEqual(Array(8).fill(404));
      const after = process.memoryUsage();
      // Buffered by the server, the bodies would be 240 MB; dropped as they come, memory stays where it was.
      expect((after.arrayBuffers - before.arrayBuffers) / MB).toBeLessThan(64);
      expect((after.rss - before.rss) / MB).toBeLessThan(160);
    } finally {
      clients.forEach((c) => c.close());
    }
  });

  it('finding 10: the stored type is the one the content shows, and the name keeps no folders or control characters', async () => {
    const res = await upload(PNG, 'application/pdf', 'C:\\fakepath\\loon\u202Estrook.pdf');
    expect(res.location).toBe(`/zaken/${caseId}/controle`);
    const answer = (await s.store.drafts.get(caseId))!.steps[0].values.bewijsstuk as {
      id: string;
      name: string;
      type: string;
      size: number;
    };
    expect(answer).toMatchObject({ name: 'loonstrook.pdf', type: 'image/png', size: PNG.length });
    const stored = (await s.store.files.get(answer.id))!;
    expect(stored.type).toBe('image/png');
    expect(stored.data.equals(PNG)).toBe(true);
  });

  it('finding 10: plain UTF-8 text is accepted as text/plain, whatever it was declared as', async () => {
    const res = await upload(
      'Geachte heer, mevrouw,\r\nHierbij mijn loonstrook van maart: € 1.850.\n',
      'application/octet-stream',
      'brief.txt',
    );
    expect(res.status).toBe(303);
    const answer = (await s.store.drafts.get(caseId))!.steps[0].values.bewijsstuk as { id: string; type: string };
    expect(answer.type).toBe('text/plain');
    expect((await s.store.files.get(answer.id))!.data.toString()).toContain('€ 1.850');
  });
});
