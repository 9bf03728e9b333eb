/**
 * Bad requests for the citizen pages: every GET and POST route of the
 * pages router (read from its route stack, so a new page is fuzzed too),
 * form posts with and without the session's CSRF token, urlencoded and
 * multipart (many fields, many files, odd file names and types), bogus
 * Content-Encoding, odd params and query values; and odd paths anywhere
 * (`//`, `/%`, very long paths, traversal).
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import fc from 'fast-check';
import { createPages } from '../../runtime/pages/index.js';
import { defaultTheme } from '../../runtime/pages/theme.js';
import { sqliteOf, type Fuzz, type Req } from './harness.js';
import { short } from './api.js';
import {
  enc,
  ODD_QUERY_VALUES,
  ODD_SEGMENTS,
  ODD_STRINGS,
  PROTO_NAMES,
  RAW_QUERY_VALUES,
  longString,
} from './values.js';

export type PageRoute = { label: string; method: 'GET' | 'POST'; path: string };

/** The pages router's own routes, plus its static files. */
export function pageRouteTable(fz: Fuzz): PageRoute[] {
  const { store, engine, clock } = fz.s;
  // A second pages router over the same store, only to read its route table (its uploads go to the test's folder).
  const made = createPages({
    store,
    engine,
    clock,
    theme: defaultTheme,
    uploadDir: join(fz.s.dir, 'route-table-uploads'),
  }) as unknown as { router?: unknown };
  const router = (made.router ?? made) as { stack: { route?: { path: string; methods: Record<string, boolean> } }[] };
  const routes: PageRoute[] = [];
  for (const layer of router.stack) {
    if (!layer.route) continue;
    for (const method of Object.keys(layer.route.methods)) {
      const m = method.toUpperCase();
      if (m !== 'GET' && m !== 'POST') continue;
      routes.push({ label: `${m} ${layer.route.path}`, method: m, path: layer.route.path });
    }
  }
  routes.push({ label: 'GET /static/:file', method: 'GET', path: '/static/:file' });
  return routes;
}

const UPLOAD_PROCESS = {
  key: 'fz-bijlage',
  title: { nl: 'Bewijsstuk sturen', en: 'Send a document' },
  start: 'bewijs',
  contact: { team: 'klantcontact', due: 'P2D' },
  steps: {
    bewijs: {
      kind: 'form',
      title: { nl: 'Uw bewijsstuk', en: 'Your document' },
      fields: [
        { id: 'bestand', label: { nl: 'Bewijsstuk', en: 'Document' }, type: 'file', required: true },
        { id: 'toelichting', label: { nl: 'Toelichting', en: 'Note' }, type: 'text' },
      ],
      next: 'klaar',
    },
    klaar: {
      kind: 'end',
      title: { nl: 'Ontvangen', en: 'Received' },
      outcome: 'completed',
      message: { nl: 'Wij hebben uw bewijsstuk.', en: 'We have your document.' },
    },
  },
};

/** A visitor of the pages: the Cookie header its browser would send, and the form token of its pages. */
type Session = { cookie: string; csrf: string };
export type PageFixtures = {
  anon?: Session;
  a?: Session;
  b?: Session;
  staff?: string;
  ownCases: string[];
  otherCases: string[];
  steps: string[];
  keys: string[];
  fields: string[];
};

/** Cookies as a browser keeps them: every Set-Cookie replaces its name (an expired or empty one removes it). */
function jar(cookie: string, setCookie: string[] | string | undefined): string {
  const cookies = new Map(
    cookie
      .split('; ')
      .filter(Boolean)
      .map((c) => [c.slice(0, c.indexOf('=')), c.slice(c.indexOf('=') + 1)] as [string, string]),
  );
  for (const line of Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : []) {
    const [pair, ...attrs] = line.split(';');
    const name = pair.slice(0, pair.indexOf('=')).trim();
    const value = pair.slice(pair.indexOf('=') + 1).trim();
    if (!value || attrs.some((a) => /^\s*(max-age=0|expires=thu, 01 jan 1970)/i.test(a))) cookies.delete(name);
    else cookies.set(name, value);
  }
  return [...cookies].map(([k, v]) => `${k}=${v}`).join('; ');
}
const cookieOf = (setCookie: string[] | string | undefined, name: string) =>
  new RegExp(`${name}=([^;]+)`).exec(String(setCookie ?? ''))?.[1];
const csrfOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1];

/** A visitor of the pages: anonymous (with a form token), or signed in with a BSN (the development sign-in form). */
async function pageSession(fz: Fuzz, bsn?: string): Promise<Session | undefined> {
  const label = 'setup';
  const first = await fz.send({ label, method: 'GET', path: '/inloggen', headers: {}, page: true });
  let cookie = jar('', first.headers['set-cookie']);
  const csrf = csrfOf(first.text);
  if (!csrf) return undefined;
  if (!bsn) return { cookie, csrf };
  const signed = await fz.send({
    label,
    method: 'POST',
    path: '/inloggen',
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: `_csrf=${enc(csrf)}&bsn=${bsn}&terug=%2Fmijn-zaken`,
    page: true,
  });
  cookie = jar(cookie, signed.headers['set-cookie']);
  const page = await fz.send({ label, method: 'GET', path: '/mijn-zaken', headers: { cookie }, page: true });
  cookie = jar(cookie, page.headers['set-cookie']);
  const signedCsrf = csrfOf(page.text);
  return page.status === 200 && signedCsrf ? { cookie, csrf: signedCsrf } : undefined;
}

export async function pageFixtures(fz: Fuzz, previous?: PageFixtures): Promise<PageFixtures> {
  const { store } = fz.s;
  const alive = async (s?: Session) =>
    !!s &&
    (await fz.send({ label: 'setup', method: 'GET', path: '/mijn-zaken', headers: { cookie: s.cookie }, page: true }))
      .status === 200;
  const anon = await pageSession(fz);
  const a = (await alive(previous?.a)) ? previous!.a : await pageSession(fz, '999993653');
  const b = (await alive(previous?.b)) ? previous!.b : await pageSession(fz, '111222333');
  for (const [s, name] of [
    [anon, 'anonymous visitor'],
    [a, 'citizen'],
    [b, 'other citizen'],
  ] as const) {
    if (s) {
      fz.nameCookie(s.cookie, `cookies of the ${name}`);
      fz.nameCookie(s.csrf, `form token of the ${name}`);
    }
  }
  let staff = previous?.staff;
  if (!staff) {
    const dina = await store.accounts.userByName('dina');
    if (dina) await store.accounts.setPassword(dina.id, 'fuzz-password-1234');
    const r = await fz.api('POST', '/api/session', {
      body: { name: 'dina', password: 'fuzz-password-1234' },
      label: 'setup',
    });
    staff = cookieOf(r.headers['set-cookie'], 'omslag_werk');
    if (staff) fz.nameCookie(staff, 'designer session');
  }
  // A process with a file question (none of the examples has one), so uploads reach the code that stores them.
  if (!(await store.processes.latest(UPLOAD_PROCESS.key))) {
    await fz.api('PUT', `/api/processes/${UPLOAD_PROCESS.key}/draft`, {
      as: 'designer',
      body: UPLOAD_PROCESS,
      label: 'setup',
    });
    await fz.api('POST', `/api/processes/${UPLOAD_PROCESS.key}/publish`, { as: 'designer', body: {}, label: 'setup' });
  }
  // Cases of citizen A (the API citizen token is the same BSN) at a form, and one of citizen B.
  const ownCases: string[] = [];
  for (const key of ['kwijtschelding', 'grofvuil', 'stadspas', UPLOAD_PROCESS.key]) {
    const r = await fz.api('POST', `/api/processes/${key}/cases`, { as: 'citizen', body: {}, label: 'setup' });
    if (r.status === 201) ownCases.push(r.json.id);
  }
  const other = await fz.api('POST', '/api/processes/kwijtschelding/cases', {
    as: 'citizenB',
    body: {},
    label: 'setup',
  });
  const processes = ((await store.processes.list()) as { key: string }[]).map((p) => p.key);
  const steps = new Set<string>();
  const fields = new Set<string>();
  for (const key of processes) {
    const def = (await store.processes.latest(key))?.definition as
      { steps?: Record<string, { fields?: { id: string }[] }> } | undefined;
    for (const [id, step] of Object.entries(def?.steps ?? {})) {
      steps.add(id);
      for (const f of step.fields ?? []) fields.add(f.id);
    }
  }
  return {
    anon,
    a,
    b,
    staff,
    ownCases: ownCases.length ? ownCases : ['00000000-0000-0000-0000-000000000000'],
    otherCases: other.status === 201 ? [other.json.id] : ['00000000-0000-0000-0000-000000000000'],
    steps: [...steps],
    keys: processes,
    fields: [...fields],
  };
}

type SessionKind = 'none' | 'garbage' | 'anon' | 'a' | 'b' | 'staff';
type CsrfKind = 'none' | 'right' | 'wrong' | 'other' | 'array' | 'long';
type Encoding = 'urlencoded' | 'multipart' | 'multipart-broken' | 'json' | 'text' | 'none';
type File = { field: string; filename: string; type: string; content: string };
export type PageCase = {
  method: string;
  params: string[];
  query: string;
  session: SessionKind;
  csrf: CsrfKind;
  encoding: Encoding;
  fields: [string, string][];
  filler: number;
  files: File[];
  contentEncoding?: string;
};

const FILE_CONTENTS = [
  '%PDF-1.4\n%âãÏÓ\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF',
  '<html><script>alert(1)</script></html>',
  'MZ\x90\x00\x03\x00\x00\x00This program cannot be run in DOS mode',
  '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
  '\x89PNG\r\n\x1a\n',
  '',
  'GIF89a',
];
const fileArb = (fields: string[]): fc.Arbitrary<File> =>
  fc.record({
    field: fc.oneof(
      { weight: 3, arbitrary: fc.constant('bestand') },
      { weight: 1, arbitrary: fc.constantFrom(...(fields.length ? fields : ['bestand'])) },
      { weight: 1, arbitrary: fc.constantFrom(...PROTO_NAMES, '', 'a'.repeat(300)) },
    ),
    filename: fc.constantFrom(
      'x.pdf',
      'evil.exe.pdf',
      '../../etc/passwd',
      '',
      'a'.repeat(500) + '.pdf',
      'x".pdf',
      'x\u0000.pdf',
      '__proto__',
      'rapport.svg',
      'foto.png',
      'é.pdf',
    ),
    type: fc.constantFrom(
      'application/pdf',
      'image/png',
      'text/html',
      'image/svg+xml',
      'application/x-msdownload',
      '',
      'application/octet-stream',
      '__proto__',
    ),
    content: fc.constantFrom(...FILE_CONTENTS),
  });

const fieldValue = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...ODD_STRINGS) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      'ja',
      'nee',
      'true',
      '1',
      '5',
      '0',
      '1234 AB',
      '999993653',
      'NL91 ABNA 0417 1643 00',
      '2026-03-10',
      'alleenstaand',
      'meubels',
      'phone',
      'objection',
      'question',
    ),
  },
  { weight: 2, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 1, arbitrary: longString(1000, 70_000) },
);

const segment = (real: string[]) =>
  fc.oneof(
    { weight: real.length ? 5 : 0, arbitrary: fc.constantFrom(...(real.length ? real : ['x'])).map(enc) },
    { weight: 3, arbitrary: fc.constantFrom(...ODD_SEGMENTS) },
    { weight: 1, arbitrary: fc.string({ maxLength: 12 }).map(enc) },
  );

const STATIC_FILES = [
  'omslag.css',
  'show-if.js',
  'nlds/components.css',
  'nlds/theme.css',
  '..%2f..%2fpackage.json',
  '%2e%2e/%2e%2e/index.ts',
  '..%5c..%5cpackage.json',
  'theme-logo',
  '%00',
  'nope.css',
  '.',
  '%2e',
  'omslag.css%00.js',
];

const PAGE_DIMENSIONS = [
  'method',
  'params',
  'query',
  'session',
  'csrf',
  'encoding',
  'fields',
  'filler',
  'files',
  'contentEncoding',
] as const;

/** The generated requests of one page route: what a browser of a signed-in citizen sends, with one to three things wrong. */
export function pageCaseArb(route: PageRoute, fx: PageFixtures): fc.Arbitrary<PageCase> {
  const params = [...route.path.matchAll(/:(\w+)/g)].map((m) => m[1]);
  const realOf = (name: string) =>
    name === 'id'
      ? fx.ownCases
      : name === 'step'
        ? ['huishouden', 'ophaalverzoek', 'aanvraag', 'bewijs', ...fx.steps]
        : name === 'key'
          ? fx.keys
          : name === 'event'
            ? ['withdraw']
            : name === 'file'
              ? ['omslag.css', 'show-if.js']
              : ['x'];
  const paramArb = (name: string) =>
    name === 'id'
      ? segment([...fx.ownCases, ...fx.ownCases, ...fx.otherCases])
      : name === 'step'
        ? segment([...fx.steps, 'constructor', 'toString', '__proto__'])
        : name === 'key'
          ? segment(fx.keys)
          : name === 'event'
            ? segment([
                'withdraw',
                'constructor',
                '__proto__',
                'toString',
                'submit',
                'person.requested',
                'timer.fired',
                'xstate.init',
                'WITHDRAW',
                'hasOwnProperty',
              ])
            : name === 'file'
              ? fc.constantFrom(...STATIC_FILES)
              : segment([]);
  const post = route.method === 'POST';
  const pageFieldNames = [
    ...fx.fields,
    'bsn',
    'terug',
    'score',
    'comment',
    'question',
    'channel',
    'reach',
    'kind',
    '_csrf',
  ];
  const plausibleFields = fc.array(
    fc.tuple(
      fc.constantFrom(...pageFieldNames.filter((n) => n !== '_csrf')),
      fc.constantFrom(
        'ja',
        'nee',
        '1450',
        '2026-03-10',
        '1234 AB',
        '999993653',
        'NL91 ABNA 0417 1643 00',
        'alleenstaand',
        'meubels',
        'phone',
        'question',
        '3',
        'x',
      ),
    ),
    { maxLength: 6 },
  );
  const wrong = fc
    .oneof(
      { weight: 6, arbitrary: fc.constant(1) },
      { weight: 3, arbitrary: fc.constant(2) },
      { weight: 1, arbitrary: fc.constant(3) },
    )
    .chain((n) => fc.shuffledSubarray([...PAGE_DIMENSIONS], { minLength: n, maxLength: n }));
  return fc
    .record({
      wrong,
      baseParams: params.length
        ? fc.tuple(...params.map((p) => fc.constantFrom(...realOf(p)).map(enc)))
        : fc.constant([] as string[]),
      baseFields: plausibleFields,
      // Other methods (HEAD, PUT, DELETE…) are the odd-paths property's: here a route gets its own and the other form method.
      method: fc.constant(route.method === 'GET' ? 'POST' : 'GET'),
      params: params.length ? fc.tuple(...params.map(paramArb)) : fc.constant([] as string[]),
      query: fc
        .array(
          fc.tuple(
            fc.constantFrom('lang', 'terug', 'vraag', 'wijzig', 'versie', '__proto__', 'constructor', '_csrf', 'a[b]'),
            fc.oneof(
              {
                weight: 4,
                arbitrary: fc
                  .constantFrom(
                    ...ODD_QUERY_VALUES,
                    '//evil.example',
                    '/\\evil.example',
                    'javascript:alert(1)',
                    'https://evil.example/',
                    '/mijn-zaken',
                    '%2F%2Fevil.example',
                  )
                  .map((v) => (v.startsWith('%') ? v : enc(v))),
              },
              { weight: 1, arbitrary: fc.constantFrom(...RAW_QUERY_VALUES) },
            ),
          ),
          { minLength: 1, maxLength: 3 },
        )
        .map((pairs) => `?${pairs.map(([k, v]) => `${k}=${v}`).join('&')}`),
      session: fc.constantFrom<SessionKind>('anon', 'b', 'none', 'garbage', 'staff'),
      csrf: fc.constantFrom<CsrfKind>('none', 'wrong', 'other', 'array', 'long'),
      encoding: post
        ? fc.constantFrom<Encoding>('multipart', 'multipart', 'multipart-broken', 'json', 'text', 'none')
        : fc.constantFrom<Encoding>('urlencoded', 'multipart'),
      fields: fc.array(
        fc.tuple(
          fc.oneof(fc.constantFrom(...pageFieldNames), fc.constantFrom(...PROTO_NAMES), fc.string({ maxLength: 8 })),
          fieldValue,
        ),
        { minLength: 1, maxLength: 8 },
      ),
      filler: fc.integer({ min: 190, max: 260 }),
      files: fc.oneof(
        { weight: 6, arbitrary: fc.array(fileArb(fx.fields), { minLength: 1, maxLength: 2 }) },
        { weight: 1, arbitrary: fc.array(fileArb(fx.fields), { minLength: 10, maxLength: 13 }) },
      ),
      contentEncoding: fc.constantFrom('gzip', 'deflate', 'br', 'identity', 'x-bogus'),
    })
    .map((g) => {
      const has = (d: (typeof PAGE_DIMENSIONS)[number]) => g.wrong.includes(d);
      const files = has('files') ? g.files : [];
      const c: PageCase = {
        method: has('method') ? g.method : route.method,
        params: has('params') ? g.params : g.baseParams,
        query: has('query') ? g.query : '',
        session: has('session') ? g.session : 'a',
        csrf: has('csrf') ? g.csrf : 'right',
        // Files go as multipart; a GET has no body unless its body is what is wrong.
        encoding: has('encoding') ? g.encoding : files.length ? 'multipart' : post ? 'urlencoded' : 'none',
        fields: has('fields') ? g.fields : g.baseFields,
        filler: has('filler') ? g.filler : 0,
        files,
        contentEncoding: has('contentEncoding') ? g.contentEncoding : undefined,
      };
      const text = `${c.method} ${JSON.stringify(c.params.map((p) => short(p, 40)))}${short(c.query, 60)} session=${c.session} csrf=${c.csrf} ${c.encoding} fields=${short(JSON.stringify(c.fields.map(([k, v]) => [k, short(v, 30)])), 200)} filler=${c.filler} files=${c.files.length} encoding=${c.contentEncoding ?? '-'} (wrong: ${g.wrong.join(', ')})`;
      return Object.defineProperty(c, fc.toStringMethod, { value: () => text, enumerable: false });
    });
}

/** Requests every page route gets first: each finding of issue 11 that concerns the pages, as a request. */
export function pageExamples(route: PageRoute, fx: PageFixtures): PageCase[] {
  const params = [...route.path.matchAll(/:(\w+)/g)].map((m) => m[1]);
  const real = (name: string) =>
    enc(
      (name === 'id'
        ? fx.ownCases
        : name === 'step'
          ? ['huishouden', ...fx.steps]
          : name === 'key'
            ? fx.keys
            : name === 'event'
              ? ['withdraw']
              : name === 'file'
                ? ['omslag.css']
                : ['x'])[0],
    );
  const post = route.method === 'POST';
  const base = (over: Partial<PageCase>): PageCase => {
    const c: PageCase = {
      method: route.method,
      params: params.map(real),
      query: '',
      session: 'a',
      csrf: 'right',
      encoding: post ? 'urlencoded' : 'none',
      fields: [],
      filler: 0,
      files: [],
      ...over,
    };
    return Object.defineProperty(c, fc.toStringMethod, {
      value: () =>
        `example: ${c.method} ${JSON.stringify(c.params.map((p) => short(p, 30)))} ${c.encoding} session=${c.session} csrf=${c.csrf} fields=${c.fields.length + c.filler} files=${c.files.length} encoding=${c.contentEncoding ?? '-'}`,
      enumerable: false,
    });
  };
  const out: PageCase[] = [];
  for (const [i] of params.entries())
    for (const v of ['%', '%E0%A4%A', 'constructor', '__proto__', 'toString'])
      out.push(base({ params: params.map((p, j) => (j === i ? v : real(p))) }));
  if (post) {
    for (const contentEncoding of ['gzip', 'deflate', 'br']) out.push(base({ contentEncoding, fields: [['x', 'y']] }));
    const file: File = { field: 'bestand', filename: 'x.pdf', type: 'application/pdf', content: FILE_CONTENTS[0] };
    out.push(base({ encoding: 'multipart', fields: [['', 'naamloos']] }));
    out.push(base({ encoding: 'multipart', files: Array.from({ length: 11 }, () => file) }));
    out.push(base({ encoding: 'multipart', filler: 250 }));
    out.push(base({ encoding: 'multipart-broken', fields: [['x', 'y']] }));
    out.push(base({ encoding: 'multipart', files: [file], csrf: 'none' }));
    out.push(
      base({ csrf: 'array' }),
      base({ csrf: 'none', session: 'none' }),
      base({ encoding: 'urlencoded', filler: 250 }),
    );
    if (route.path === '/zaken/:id/stap/:step') {
      // Finding 10: HTML as a PDF, a program named .pdf, SVG as a PNG, to the step with a file question.
      const at = [enc(fx.ownCases.at(-1) ?? 'x'), 'bewijs'];
      for (const [content, type, filename] of [
        [FILE_CONTENTS[1], 'application/pdf', 'brief.pdf'],
        [FILE_CONTENTS[2], 'application/pdf', 'rapport.pdf'],
        [FILE_CONTENTS[3], 'image/png', 'foto.png'],
      ] as const) {
        out.push(base({ params: at, encoding: 'multipart', files: [{ field: 'bestand', filename, type, content }] }));
      }
    }
  }
  return out;
}

/** Contents that are not the document they claim to be (HTML, a Windows program, SVG with script). */
const NOT_A_DOCUMENT = new Set([FILE_CONTENTS[1], FILE_CONTENTS[2], FILE_CONTENTS[3]]);
const DOCUMENT_TYPES = new Set(['application/pdf', 'image/png', 'image/jpeg', 'image/heic']);

/**
 * Sends a page request and checks what only the pages promise: an anonymous
 * visit stores no session row, and an upload is stored by what its content
 * is (HTML declared as a PDF is not stored as a PDF).
 */
export async function sendPage(fz: Fuzz, c: PageCase, req: Req): Promise<void> {
  const sessions = sqliteOf(fz.s).prepare('SELECT count(*) FROM sessions').pluck();
  const before = sessions.get() as number;
  const reply = await fz.send(req);
  const anonymous = c.session === 'none' || c.session === 'garbage' || c.session === 'anon';
  if (anonymous && req.method === 'GET' && (sessions.get() as number) > before && reply.status > 0) {
    fz.violation(
      'session-row-on-visit',
      `an anonymous ${req.method} (answered ${reply.status}) stored a session row`,
      req,
      reply,
    );
  }
  for (const f of c.files) {
    if (!NOT_A_DOCUMENT.has(f.content)) continue;
    const sha = createHash('sha256').update(Buffer.from(f.content, 'utf8')).digest('hex');
    const row = sqliteOf(fz.s).prepare('SELECT type FROM files WHERE sha256 = ?').get(sha) as
      { type: string } | undefined;
    if (row && DOCUMENT_TYPES.has(row.type))
      fz.violation(
        'upload-trusted',
        `${JSON.stringify(f.content.slice(0, 20))}… declared ${f.type || '(no type)'} was stored as ${row.type}`,
        req,
        reply,
      );
  }
}

const BOUNDARY = 'FuzzBoundary7MA4YWxkTrZu0gW';

export function pageRequest(route: PageRoute, c: PageCase, fx: PageFixtures): Req {
  let i = 0;
  const path = route.path.replace(/:(\w+)/g, () => c.params[i++] ?? 'x') + c.query;
  const headers: Record<string, string> = {};
  const session = c.session === 'anon' ? fx.anon : c.session === 'a' ? fx.a : c.session === 'b' ? fx.b : undefined;
  if (session) headers.cookie = session.cookie;
  else if (c.session === 'garbage')
    headers.cookie = 'omslag_sessie=%E0%A4%A; omslag_sessie=garbage; omslag_bezoek=xx.%ZZ; omslag_bezoek=nl.__proto__';
  else if (c.session === 'staff' && fx.staff) headers.cookie = `omslag_werk=${fx.staff}`;
  const csrf =
    c.csrf === 'right'
      ? session?.csrf
      : c.csrf === 'wrong'
        ? 'x'.repeat(43)
        : c.csrf === 'other'
          ? session === fx.a
            ? fx.b?.csrf
            : fx.a?.csrf
          : c.csrf === 'long'
            ? 'y'.repeat(60_000)
            : undefined;
  const fields: [string, string][] = [];
  if (c.csrf === 'array' && session) fields.push(['_csrf', session.csrf], ['_csrf', session.csrf]);
  else if (csrf) fields.push(['_csrf', csrf]);
  fields.push(...c.fields);
  for (let n = 0; n < c.filler; n++) fields.push([`f${n}`, 'x']);
  let body: string | Buffer | undefined;
  if (c.encoding === 'urlencoded') {
    headers['content-type'] = 'application/x-www-form-urlencoded';
    body = fields.map(([k, v]) => `${enc(k)}=${enc(v)}`).join('&');
  } else if (c.encoding === 'multipart' || c.encoding === 'multipart-broken') {
    headers['content-type'] = `multipart/form-data; boundary=${BOUNDARY}`;
    const parts = fields.map(
      ([k, v]) =>
        `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${k.replace(/["\r\n]/g, '_')}"\r\n\r\n${v}\r\n`,
    );
    for (const f of c.files) {
      parts.push(
        `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${f.field.replace(/["\r\n]/g, '_')}"; filename="${f.filename.replace(/["\r\n]/g, '_')}"\r\n${f.type ? `Content-Type: ${f.type}\r\n` : ''}\r\n${f.content}\r\n`,
      );
    }
    const whole = parts.join('') + `--${BOUNDARY}--\r\n`;
    body = Buffer.from(
      c.encoding === 'multipart-broken' ? whole.slice(0, Math.floor(whole.length * 0.6)) : whole,
      'utf8',
    );
  } else if (c.encoding === 'json') {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(Object.fromEntries(fields));
  } else if (c.encoding === 'text') {
    headers['content-type'] = 'text/plain';
    body = fields.map(([k, v]) => `${k}=${v}`).join('\n');
  }
  if (c.contentEncoding && body !== undefined) headers['content-encoding'] = c.contentEncoding;
  return { label: route.label, method: c.method, path, headers, body, page: true };
}

/** Odd paths anywhere: the router's and the URL parser's corners. */
export const ODD_PATHS = [
  '//',
  '/%',
  '/%ZZ',
  '/%00',
  '/..',
  '/./',
  '/.',
  '//api/health',
  '/API/health',
  '/api//health',
  '/api/health/',
  '/api/health?x=%',
  '/api/%',
  '/api/%E0%A4%A',
  '/api',
  '/api/',
  '/api/processes/%',
  '/api/cases/%ZZ/events',
  '/zaken/%',
  '/zaken/%/stap/%',
  '/diensten/%ZZ',
  '/diensten/%E0%A4%A/start',
  '/static/..%2f..%2fpackage.json',
  '/static/%2e%2e/%2e%2e/package.json',
  '/assets/..%2f..%2fpackage.json',
  '/assets/%2e%2e/%2e%2e/package.json',
  '/werkplek/..%2f..%2fpackage.json',
  '/ontwerp/%',
  '/*',
  '/?%',
  '/\\',
  '/%5c..%5cpackage.json',
  '/;',
  '/index.html',
  '/.env',
  '/.git/config',
  '/package.json',
  '/runtime/main.ts',
  '/node_modules/express/package.json',
  '/mijn-zaken%00',
  '/mijn-zaken/',
  '/MIJN-ZAKEN',
  '/inloggen?terug=%2F%2Fevil.example',
  `/${'a'.repeat(8000)}`,
  `/api/${'b'.repeat(8000)}`,
  `/zaken/${'c'.repeat(8000)}/status`,
  `/diensten/${'%'.repeat(3000)}`,
  `/${'%2F'.repeat(2000)}`,
  `/?${'x=1&'.repeat(1500)}`,
  `/api/cases?${'a=1&'.repeat(1500)}`,
];

export type OddCase = { method: string; path: string; cookie: boolean; body: boolean };

export const oddPathArb: fc.Arbitrary<OddCase> = fc
  .record({
    method: fc.constantFrom('GET', 'GET', 'GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS'),
    path: fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(...ODD_PATHS) },
      {
        weight: 2,
        arbitrary: fc
          .array(
            fc.constantFrom(...ODD_SEGMENTS, 'api', 'zaken', 'diensten', 'static', 'stap', 'cases', 'processes', ''),
            { minLength: 1, maxLength: 5 },
          )
          .map((segs) => `/${segs.join('/')}`),
      },
    ),
    cookie: fc.boolean(),
    body: fc.boolean(),
  })
  .map((c) =>
    Object.defineProperty(c, fc.toStringMethod, {
      value: () => `${c.method} ${short(c.path, 120)}`,
      enumerable: false,
    }),
  );

export function oddRequest(c: OddCase, fx: PageFixtures): Req {
  const headers: Record<string, string> = {};
  if (c.cookie && fx.a) headers.cookie = fx.a.cookie;
  let body: string | undefined;
  if (c.body && c.method !== 'GET' && c.method !== 'HEAD') {
    headers['content-type'] = 'application/x-www-form-urlencoded';
    body = `_csrf=${enc(fx.a?.csrf ?? '')}&x=1`;
  }
  const fixed = ODD_PATHS.includes(c.path);
  return {
    label: fixed ? `odd path: ${c.method} ${short(c.path, 40)}` : `odd path: ${c.method} (generated)`,
    method: c.method,
    path: c.path,
    headers,
    body,
    page: !/^\/api(?:[/?#]|$)/i.test(c.path),
  };
}
