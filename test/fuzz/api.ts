/**
 * Bad requests for every route of the API's route table: `apiRoutes()` (the
 * table the app mounts) plus anything else the OpenAPI document lists, so a
 * new route is fuzzed without touching this file. Per route: wrong, absent
 * and other-role credentials; malformed, deep, huge and odd JSON near the
 * route's own body schema; wrong content types and bogus Content-Encoding;
 * odd query strings and path params; bad Idempotency-Key and If-Match.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import type { z } from 'zod';
import { apiRoutes } from '../../runtime/http/app.js';
import type { Fuzz, Req, TokenName } from './harness.js';
import {
  emit,
  enc,
  fromValue,
  INVALID_UTF8,
  MALFORMED_JSON,
  ODD_QUERY_NAMES,
  ODD_QUERY_VALUES,
  ODD_SEGMENTS,
  oddJson,
  oddKey,
  oddLeaf,
  RAW_QUERY_VALUES,
  sometimes,
  str,
  validBsn,
  type Json,
} from './values.js';

/** The BPMN bodies: the test fixtures, cut, with prototype-name ids, an entity bomb, not XML at all. */
const bpmnDir = join(import.meta.dirname, '../fixtures/bpmn');
const fixtures = readdirSync(bpmnDir)
  .filter((f) => f.endsWith('.bpmn'))
  .map((f) => readFileSync(join(bpmnDir, f), 'utf8'));
const BPMN_BODIES: string[] = [
  ...fixtures,
  ...fixtures.map((x) => x.slice(0, Math.floor(x.length / 2))),
  ...fixtures.map((x) =>
    x.replace(
      /id="([^"]+)"/g,
      (_m, _id, offset: number) => `id="${['constructor', '__proto__', 'toString', 'hasOwnProperty'][offset % 4]}"`,
    ),
  ),
  ...fixtures.map((x) =>
    x.replace(
      /<bpmn:conditionExpression([^>]*)>[^<]*</g,
      `<bpmn:conditionExpression$1>${Array.from({ length: 3000 }, () => 'x = 1').join(' or ')}<`,
    ),
  ),
  '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]><bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"><bpmn:process id="p" name="&lol3;"/></bpmn:definitions>',
  '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"><bpmn:process id="p" name="&xxe;"/></bpmn:definitions>',
  '<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"><bpmn:process id="constructor"><bpmn:startEvent id="__proto__"/></bpmn:process></bpmn:definitions>',
  '<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"></bpmn:definitions>',
  '<not-bpmn/>',
  '',
  'not xml at all',
  '<a><b></a>',
  '<'.repeat(5000),
  `<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL">${'<bpmn:process>'.repeat(3000)}`,
];

type Role = 'designer' | 'official' | 'admin' | 'citizen' | 'intermediary';

export type ApiRoute = {
  label: string;
  method: string;
  path: string;
  roles: Role[] | 'public';
  /** The top-level keys of its JSON body schema (empty: a record or no body). */
  bodyKeys: string[];
  hasBody: boolean;
  query: string[];
  stream: boolean;
};

const TOKENS_OF: Record<Role, TokenName[]> = {
  designer: ['designer'],
  official: ['official', 'official2', 'otherTeam'],
  admin: ['admin'],
  citizen: ['citizen', 'citizenB'],
  // `intermediary`'s organisation holds a mandate of the fuzz citizen for kwijtschelding; `intermediaryB`'s none.
  intermediary: ['intermediary', 'intermediaryB'],
};
const ALL_TOKENS: TokenName[] = [
  'designer',
  'official',
  'official2',
  'otherTeam',
  'admin',
  'citizen',
  'citizenB',
  'intermediary',
  'intermediaryB',
];
/** The fuzz citizen's mandate for the `intermediary` token's organisation (test/helpers/server.ts names its KVK). */
const MANDATED = { citizen: '999993653', kvk: '90000001', process: 'kwijtschelding' };

function bodyKeys(schema: z.ZodType | undefined): string[] {
  const def = (
    schema as { _zod?: { def?: { type?: string; shape?: Record<string, unknown>; in?: z.ZodType } } } | undefined
  )?._zod?.def;
  if (def?.type === 'object' && def.shape) return Object.keys(def.shape);
  if (def?.type === 'pipe') return bodyKeys(def.in);
  return [];
}

/** Every API route: the route table, plus what only the OpenAPI document knows (itself). */
export async function apiRouteTable(fz: Fuzz): Promise<ApiRoute[]> {
  const { store, engine, processes, clock } = fz.s;
  const routes: ApiRoute[] = apiRoutes({ store, engine, processes, clock }).map((d) => ({
    label: `${d.method.toUpperCase()} ${d.path}`,
    method: d.method.toUpperCase(),
    path: d.path,
    roles: d.roles as ApiRoute['roles'],
    bodyKeys: bodyKeys(d.body),
    hasBody: !!d.body,
    query: Object.keys(d.query ?? {}),
    stream: !!d.stream,
  }));
  const doc = (await fz.api('GET', '/api/openapi.json', { label: 'setup GET /api/openapi.json' })).json as
    | {
        paths?: Record<
          string,
          Record<
            string,
            { 'x-roles'?: ApiRoute['roles']; parameters?: { name: string; in: string }[]; requestBody?: unknown }
          >
        >;
      }
    | undefined;
  for (const [openPath, methods] of Object.entries(doc?.paths ?? {})) {
    const path = openPath.replace(/\{(\w+)\}/g, ':$1');
    for (const [method, op] of Object.entries(methods)) {
      const label = `${method.toUpperCase()} ${path}`;
      if (routes.some((r) => r.label === label)) continue;
      routes.push({
        label,
        method: method.toUpperCase(),
        path,
        roles: op['x-roles'] ?? 'public',
        bodyKeys: [],
        hasBody: !!op.requestBody,
        query: (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
        stream: false,
      });
    }
  }
  return routes;
}

/** Real ids to put in path params, so requests reach past the lookups: made fresh per route. */
export type ApiFixtures = {
  keys: string[];
  caseIds: string[];
  taskIds: string[];
  versions: string[];
  teams: string[];
  mandateIds: string[];
  staffCookie?: { cookie: string; csrf: string };
};

const PASSWORD = 'fuzz-password-1234';

export async function apiFixtures(fz: Fuzz, previous?: ApiFixtures): Promise<ApiFixtures> {
  const { store } = fz.s;
  const label = 'setup';
  const caseIds: string[] = [];
  const start = async (key: string, as: TokenName) => {
    const r = await fz.api('POST', `/api/processes/${key}/cases`, { as, body: {}, label });
    if (r.status === 201) caseIds.push(r.json.id);
    return r.status === 201 ? r.json : undefined;
  };
  const submit = async (id: string, data: Record<string, unknown>) =>
    (await fz.api('POST', `/api/cases/${id}/events`, { as: 'citizen', body: { type: 'submit', data }, label })).json;
  // A kwijtschelding case at the official's review (an open task), one at its second form, one of another citizen, one ended.
  const review = await start('kwijtschelding', 'citizen');
  if (review) {
    await submit(review.id, { huishouden: 'alleenstaand', aanslagnummer: '2026-0001234' });
    await submit(review.id, { inkomen: '1450', vermogen: '100', heeftAuto: 'nee', iban: 'NL91 ABNA 0417 1643 00' });
  }
  const second = await start('kwijtschelding', 'citizen');
  if (second) await submit(second.id, { huishouden: 'samen', aanslagnummer: '2026-0004321' });
  await start('grofvuil', 'citizenB');
  const ended = await start('stadspas', 'citizen');
  if (ended) await submit(ended.id, { inkomen: '9000' });
  const tasks = (await store.tasks.list({
    teams: ['belastingen', 'klantcontact', 'inkomen', 'afval'],
    status: 'active',
    limit: 20,
  } as never)) as { id: string }[];
  const taskIds = tasks.slice(-3).map((t) => t.id);
  if (review) {
    const task = (await store.tasks.list({ caseId: review.id } as never)) as { id: string }[];
    if (task[0]) {
      await fz.api('POST', `/api/tasks/${task[0].id}/claim`, { as: 'official', label });
      taskIds.push(task[0].id);
    }
  }

  // The designer's workspace session (a cookie and its CSRF token), kept while it works.
  let staffCookie = previous?.staffCookie;
  if (staffCookie) {
    const r = await fz.send({
      label,
      method: 'GET',
      path: '/api/session',
      headers: { cookie: `omslag_werk=${staffCookie.cookie}` },
    });
    if (r.status !== 200) staffCookie = undefined;
  }
  if (!staffCookie) {
    const dina = await store.accounts.userByName('dina');
    if (dina) await store.accounts.setPassword(dina.id, PASSWORD);
    const r = await fz.api('POST', '/api/session', { body: { name: 'dina', password: PASSWORD }, label });
    const cookie = /omslag_werk=([^;]+)/.exec(String(r.headers['set-cookie'] ?? ''))?.[1];
    if (r.status === 200 && cookie) {
      staffCookie = { cookie, csrf: r.json.csrf };
      fz.nameCookie(cookie, 'designer session');
      fz.nameCookie(r.json.csrf, 'its csrf token');
    }
  }
  // The intermediary's mandate, in force (a fuzzed revoke may have ended the last one): view, fill, submit.
  const at = fz.s.clock.now().toISOString();
  const holder = { kind: 'organisation' as const, id: MANDATED.kvk };
  let mandate = (await store.mandates.forHolder(holder)).find((m) => store.mandates.inForce(m, at));
  mandate ??= await store.mandates.create(
    {
      citizen: MANDATED.citizen,
      holder,
      holderName: 'Schuldhulp Test',
      staff: [],
      processKey: MANDATED.process,
      rights: ['view', 'fill', 'submit'],
      validFrom: at,
      validUntil: null,
      source: 'official',
      reason: 'fuzz',
      createdBy: 'user:ada',
    },
    at,
  );
  // No answer to an intermediary may show a case its mandate does not cover (none at all without one).
  const all = await store.cases.listAll(100_000);
  const covered = (c: { subject: string; processKey: string }) =>
    c.subject === MANDATED.citizen && c.processKey === MANDATED.process;
  const marks = (cs: typeof all) => cs.flatMap((c) => [c.id, c.reference]);
  fz.hideFrom('intermediary', marks(all.filter((c) => !covered(c))));
  fz.hideFrom('intermediaryB', marks(all));
  // And a citizen sees no other citizen's case.
  fz.hideFrom('citizenB', marks(all.filter((c) => c.subject !== '111222333')));
  const keys = ((await store.processes.list()) as { key: string }[]).map((p) => p.key);
  return {
    mandateIds: [mandate.id],
    keys: keys.length ? keys : ['kwijtschelding'],
    caseIds: caseIds.length ? caseIds : ['00000000-0000-0000-0000-000000000000'],
    taskIds: taskIds.length ? taskIds : ['00000000-0000-0000-0000-000000000000'],
    versions: ['1', '2'],
    teams: ['belastingen', 'klantcontact', 'afval', 'inkomen'],
    staffCookie,
  };
}

/** Plausible values by body key name, so one odd value can get past the others. */
const PLAUSIBLE: Record<string, unknown[]> = {
  type: ['submit', 'withdraw', 'person.requested', 'inkomen.vastgesteld', 'bijstand.toegekend'],
  subject: ['999993653', '111222333', validBsn(1234)],
  data: [{}, { inkomen: 1200 }, { huishouden: 'alleenstaand', aanslagnummer: '1' }],
  step: ['huishouden', 'geldzaken', 'aanvraag'],
  referenceDate: ['2026-03-02', '2027-01-01'],
  effectiveFrom: ['2027-01-01', '2026-03-02'],
  outcome: ['toekennen', 'afwijzen'],
  message: ['bericht'],
  note: ['nee'],
  user: ['otto', 'olaf'],
  team: ['belastingen', 'afval'],
  name: ['dina', 'olaf'],
  password: ['fuzz-password-1234', 'x'],
  score: [3, 1, 5],
  comment: ['prima'],
  from: [1],
  to: [1, 2],
  mapping: [{}, { huishouden: 'geldzaken' }],
  dryRun: [true, false],
  // Mandates: a holder that is none of the fuzz intermediaries, so no fuzzed mandate widens what they may see.
  citizen: ['999993653', '111222333'],
  holder: [
    { kind: 'organisation', kvk: '12345678', name: 'Schuldhulp Utrecht' },
    { kind: 'person', bsn: '111222333', name: 'J. de Vries' },
  ],
  process: ['kwijtschelding', null],
  rights: [['view'], ['view', 'fill', 'submit']],
  reason: ['Beschikking kantonrechter'],
  document: [{ name: 'beschikking.pdf', content: Buffer.from('%PDF-1.4\n%%EOF\n').toString('base64') }],
  validUntil: ['2027-01-01', null],
  kvk: ['12345678'],
};

const plausible = (key: string): fc.Arbitrary<Json> =>
  PLAUSIBLE[key] ? fc.constantFrom(...PLAUSIBLE[key]).map(fromValue) : fc.constantFrom('x', '1').map(str);

/** A JSON body near the schema: its own keys with odd or plausible values, and extra keys. */
const nearValid = (keys: string[]) =>
  fc
    .tuple(
      fc.tuple(
        ...(keys.length ? keys : ['x']).map((k) =>
          fc.option(
            fc
              .oneof(
                { weight: 2, arbitrary: plausible(k) },
                { weight: 2, arbitrary: oddLeaf },
                { weight: 1, arbitrary: oddJson(keys) },
              )
              .map((v) => [k, v] as [string, Json]),
            { freq: 4 },
          ),
        ),
      ),
      fc.array(fc.tuple(oddKey(keys), oddJson(keys)), { maxLength: 2 }),
    )
    .map(([own, extra]): string =>
      emit({ obj: [...(keys.length ? own.filter((e): e is [string, Json] => e !== null) : []), ...extra] }),
    );

type Body = { text?: string | Buffer; kind: string };

const jsonBody = (keys: string[]): fc.Arbitrary<Body> =>
  fc.oneof(
    { weight: 2, arbitrary: fc.constant<Body>({ kind: 'none' }) },
    { weight: 2, arbitrary: fc.constantFrom(...MALFORMED_JSON).map((text): Body => ({ text, kind: 'malformed' })) },
    { weight: 6, arbitrary: nearValid(keys).map((text): Body => ({ text, kind: 'near-valid' })) },
    { weight: 3, arbitrary: oddJson(keys).map((j): Body => ({ text: emit(j), kind: 'odd' })) },
    {
      weight: 1,
      arbitrary: fc
        .integer({ min: 257 * 1024, max: 400 * 1024 })
        .map((n): Body => ({ text: `{"x":"${'x'.repeat(n)}"}`, kind: 'too-large' })),
    },
    { weight: 1, arbitrary: fc.constantFrom(...INVALID_UTF8).map((text): Body => ({ text, kind: 'not-utf8' })) },
  );

const csvValue = fc.constantFrom(
  'abc',
  '',
  '[]',
  '1e309',
  '-0',
  'NaN',
  '1500',
  '1200',
  '-1',
  '"quoted, comma"',
  '"unclosed',
  'true',
  '__proto__',
  '=cmd|calc',
  '1.234,56',
);
const csvBsn = fc.oneof(
  fc.integer({ min: 1, max: 1e6 }).map(validBsn),
  fc.constantFrom('123', '', '999993653', '%', '0', '1e9', ' 999993653 '),
);
const streamBody: fc.Arbitrary<Body> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .tuple(
        fc.constantFrom(
          'bsn,inkomen',
          'bsn,inkomen,__proto__',
          'subject,inkomen',
          '__proto__,bsn',
          'constructor,bsn,inkomen',
          'bsn',
          '',
          'bsn;inkomen',
          '\ufeffbsn,inkomen',
          'bsn,bsn',
        ),
        fc.array(fc.tuple(csvBsn, csvValue, csvValue), { maxLength: 30 }),
        fc.constantFrom('\n', '\r\n'),
      )
      .map(([header, rows, eol]): Body => ({
        text: [header, ...rows.map((r) => r.join(','))].join(eol) + eol,
        kind: 'csv',
      })),
  },
  {
    weight: 3,
    arbitrary: fc
      .array(
        fc.oneof(
          fc.tuple(csvBsn, oddLeaf).map(([bsn, v]) => `{"bsn":${JSON.stringify(bsn)},"inkomen":${emit(v)}}`),
          fc.constantFrom(
            '[1]',
            'not json',
            '{"__proto__":{"bsn":"999993653"}}',
            '{"bsn":999993653}',
            '{"bsn":"999993653","constructor":1}',
            '{"subject":"111222333","inkomen":"abc"}',
            'null',
            '{}',
            '"x"',
          ),
          oddJson(['bsn', 'inkomen']).map(emit),
        ),
        { maxLength: 20 },
      )
      .map((lines): Body => ({ text: lines.join('\n'), kind: 'ndjson' })),
  },
  { weight: 2, arbitrary: fc.constantFrom(...BPMN_BODIES).map((text): Body => ({ text, kind: 'xml' })) },
  // A large body for an early refusal: the socket must stay usable.
  {
    weight: 1,
    arbitrary: fc
      .integer({ min: 300_000, max: 1_100_000 })
      .map((n): Body => ({ text: `bsn,inkomen\n${'999993653,1200\n'.repeat(Math.ceil(n / 15))}`, kind: 'large' })),
  },
  { weight: 1, arbitrary: jsonBody(['bsn']) },
);

const CONTENT_TYPES_JSON = [
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data',
  'multipart/form-data; boundary=zz',
  'application/json; charset=latin1',
  'application/json; charset=bogus',
  'application/xml',
  'text/csv',
  '',
  'application/json, text/plain',
  '*/*',
  'application/json; charset=utf-16le',
  'APPLICATION/JSON',
];
const CONTENT_TYPES_STREAM = [
  'text/csv',
  'text/csv; charset=utf-8',
  'application/x-ndjson',
  'application/jsonl',
  'application/xml',
  'text/xml',
  'application/bpmn+xml',
  'application/json',
  'text/plain',
  '',
  'text/csv; charset=utf-16',
  'multipart/form-data; boundary=zz',
];

const contentType = (stream: boolean, body: Body): fc.Arbitrary<string | undefined> => {
  if (body.text === undefined) return sometimes(fc.constantFrom('application/json', 'text/plain'));
  if (stream) return fc.constantFrom(...CONTENT_TYPES_STREAM).map((v) => v || undefined);
  return fc.oneof(
    { weight: 10, arbitrary: fc.constant('application/json') },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        'application/json; charset=utf-8',
        'application/merge-patch+json',
        'application/vnd.api+json',
      ),
    },
    { weight: 3, arbitrary: fc.constantFrom(...CONTENT_TYPES_JSON).map((v) => v || undefined) },
  );
};

export type Auth =
  | { kind: 'none' }
  | { kind: 'token'; who: TokenName }
  | { kind: 'header'; value: string }
  | { kind: 'cookie'; value: string; csrf?: string }
  | { kind: 'staff'; csrf: 'right' | 'wrong' | 'none' };

const authArb = (roles: ApiRoute['roles']): fc.Arbitrary<Auth> => {
  const allowed = roles === 'public' ? ALL_TOKENS : roles.flatMap((r) => TOKENS_OF[r]);
  const others = ALL_TOKENS.filter((t) => !allowed.includes(t));
  return fc.oneof(
    { weight: 10, arbitrary: fc.constantFrom(...allowed).map((who): Auth => ({ kind: 'token', who })) },
    {
      weight: others.length ? 3 : 0,
      arbitrary: fc.constantFrom(...(others.length ? others : allowed)).map((who): Auth => ({ kind: 'token', who })),
    },
    { weight: 2, arbitrary: fc.constant<Auth>({ kind: 'none' }) },
    {
      weight: 2,
      arbitrary: fc
        .constantFrom(
          'Bearer',
          'Bearer ',
          'Bearer x',
          `Bearer ${'A'.repeat(5000)}`,
          'Basic ZGluYTpwdw==',
          'Bearer a b',
          'Token abc',
          'Bearer %00',
          'Bearer __proto__',
          'Bearer constructor',
          'bearer\tx',
        )
        .map((value): Auth => ({ kind: 'header', value })),
    },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom(
          'omslag_werk=garbage',
          'omslag_werk=%E0%A4%A',
          'omslag_werk=',
          'omslag_werk=a; omslag_werk=b',
          'omslag_sessie=x',
          `omslag_werk=${'z'.repeat(4000)}`,
          'omslag_werk=__proto__',
        )
        .map((value): Auth => ({ kind: 'cookie', value })),
    },
    {
      weight: 2,
      arbitrary: fc
        .constantFrom<'right' | 'wrong' | 'none'>('right', 'wrong', 'none')
        .map((csrf): Auth => ({ kind: 'staff', csrf })),
    },
  );
};

const ALL_METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD'];

const extraHeaders = fc
  .record({
    'content-encoding': sometimes(
      fc.constantFrom('gzip', 'deflate', 'br', 'identity', 'x-gzip', 'zstd', 'gzip, br', 'GZIP', 'compress', ''),
      4,
    ),
    'idempotency-key': sometimes(
      fc.oneof(
        fc.constantFrom('', ' ', 'fuzz-same-key', 'x'.repeat(201), 'x'.repeat(4000), '../..', '__proto__'),
        fc.integer({ min: 0, max: 1e9 }).map((n) => `k-${n}`),
      ),
      3,
    ),
    'if-match': sometimes(
      fc.constantFrom(
        '"abc"',
        'W/"1"',
        '*',
        '"99999999999999999999999"',
        '-1',
        '"-1"',
        '1e3',
        '""',
        '"0"',
        '"1", "2"',
        `"${'9'.repeat(3000)}"`,
        '"1"',
        '"2"',
        'W/',
        '"1e309"',
      ),
      3,
    ),
    'accept-language': sometimes(
      fc.constantFrom('en', 'xx', '*', 'en;q=NaN', 'a'.repeat(3000), '__proto__', 'nl-NL,nl;q=0.9'),
      4,
    ),
    'x-csrf-token': sometimes(fc.constantFrom('', 'x', 'a'.repeat(43)), 8),
  })
  .map((h) => Object.fromEntries(Object.entries(h).filter(([, v]) => v !== undefined)) as Record<string, string>);

const paramArb = (name: string, fx: ApiFixtures): fc.Arbitrary<string> => {
  const real =
    name === 'key'
      ? fx.keys
      : name === 'id'
        ? [...fx.caseIds, ...fx.taskIds]
        : name === 'version'
          ? fx.versions
          : name === 'team'
            ? fx.teams
            : [];
  return fc.oneof(
    { weight: real.length ? 6 : 0, arbitrary: fc.constantFrom(...(real.length ? real : ['x'])).map(enc) },
    { weight: 4, arbitrary: fc.constantFrom(...ODD_SEGMENTS) },
    { weight: 1, arbitrary: fc.string({ maxLength: 20 }).map(enc) },
    { weight: 1, arbitrary: fc.uuid() },
  );
};

const queryArb = (declared: string[]) =>
  fc
    .array(
      fc.tuple(
        fc.oneof(
          { weight: 3, arbitrary: fc.constantFrom(...(declared.length ? declared : ['lang'])) },
          { weight: 1, arbitrary: fc.constantFrom(...ODD_QUERY_NAMES) },
        ),
        fc.oneof(
          { weight: 5, arbitrary: fc.constantFrom(...ODD_QUERY_VALUES).map(enc) },
          { weight: 1, arbitrary: fc.constantFrom(...RAW_QUERY_VALUES) },
        ),
        fc.boolean(),
      ),
      { maxLength: 4 },
    )
    .map((pairs) => {
      const parts = pairs.flatMap(([name, value, twice]) => {
        const one = `${/[[\]]/.test(name) ? name : enc(name)}=${value}`;
        return twice ? [one, one] : [one];
      });
      return parts.length ? `?${parts.join('&')}` : '';
    });

export type ApiCase = {
  method: string;
  params: string[];
  query: string;
  auth: Auth;
  body: Body;
  contentType?: string;
  headers: Record<string, string>;
};

/** The generated requests of one route. */
/** What a generated request gets wrong: one thing mostly, sometimes two or three (the rest is right). */
const DIMENSIONS = [
  'method',
  'params',
  'query',
  'auth',
  'body',
  'contentType',
  'encoding',
  'idempotency',
  'ifMatch',
  'language',
] as const;
type Dimension = (typeof DIMENSIONS)[number];

/** A request the route takes (as far as the fuzzer knows): the baseline each generated request departs from. */
function baseline(route: ApiRoute, fx: ApiFixtures): fc.Arbitrary<Omit<ApiCase, 'method'>> {
  const params = [...route.path.matchAll(/:(\w+)/g)].map((m) => m[1]);
  const ids = route.path.startsWith('/api/tasks')
    ? fx.taskIds
    : route.path.startsWith('/api/cases')
      ? fx.caseIds
      : route.path.startsWith('/api/mandates')
        ? fx.mandateIds
        : [...fx.caseIds, ...fx.taskIds];
  const real = (name: string) =>
    fc
      .constantFrom(
        ...(name === 'key'
          ? fx.keys
          : name === 'id'
            ? ids
            : name === 'version'
              ? fx.versions
              : name === 'team'
                ? fx.teams
                : ['x']),
      )
      .map(enc);
  const allowed = route.roles === 'public' ? ALL_TOKENS : route.roles.flatMap((r) => TOKENS_OF[r]);
  const json = route.hasBody || (!route.stream && route.method !== 'GET');
  const validCsv = fc
    .array(fc.tuple(fc.integer({ min: 1, max: 1e6 }).map(validBsn), fc.constantFrom('1200', '1400', '2500', '900')), {
      minLength: 1,
      maxLength: 5,
    })
    .map((rows): Body => ({ text: `bsn,inkomen\n${rows.map((r) => r.join(',')).join('\n')}\n`, kind: 'csv' }));
  const body: fc.Arbitrary<[Body, string | undefined]> = route.stream
    ? fc.oneof(
        validCsv.map((b): [Body, string] => [b, 'text/csv']),
        fc.constantFrom(...fixtures).map((text): [Body, string] => [{ text, kind: 'xml' }, 'application/xml']),
      )
    : json
      ? fc
          .tuple(
            ...(route.bodyKeys.length ? route.bodyKeys : ['x']).map((k) =>
              fc.option(
                plausible(k).map((v) => [k, v] as [string, Json]),
                { freq: 3 },
              ),
            ),
          )
          .map((entries): [Body, string] => [
            {
              text: emit({ obj: route.bodyKeys.length ? entries.filter((e): e is [string, Json] => e !== null) : [] }),
              kind: 'valid',
            },
            'application/json',
          ])
      : fc.constant<[Body, string | undefined]>([{ kind: 'none' }, undefined]);
  return fc
    .record({
      params: params.length ? fc.tuple(...params.map(real)) : fc.constant([] as string[]),
      auth: fc.constantFrom(...allowed).map((who): Auth => ({ kind: 'token', who })),
      body,
    })
    .map(({ params, auth, body: [b, contentType] }) => ({
      params,
      query: '',
      auth,
      body: b,
      contentType,
      headers: {},
    }));
}

/** The generated requests of one route: a request it takes, with one to three things wrong. */
export function apiCaseArb(route: ApiRoute, fx: ApiFixtures): fc.Arbitrary<ApiCase> {
  const params = [...route.path.matchAll(/:(\w+)/g)].map((m) => m[1]);
  const badBody: fc.Arbitrary<Body> = route.stream
    ? streamBody
    : route.method === 'GET'
      ? jsonBody([])
      : jsonBody(route.bodyKeys);
  const wrong = fc
    .oneof(
      { weight: 6, arbitrary: fc.constant(1) },
      { weight: 3, arbitrary: fc.constant(2) },
      { weight: 1, arbitrary: fc.constant(3) },
    )
    .chain((n) => fc.shuffledSubarray([...DIMENSIONS], { minLength: n, maxLength: n }));
  return fc
    .record({
      base: baseline(route, fx),
      wrong,
      method: fc.constantFrom(...ALL_METHODS.filter((m) => m !== route.method)),
      params: params.length ? fc.tuple(...params.map((p) => paramArb(p, fx))) : fc.constant([] as string[]),
      query: queryArb(route.query).filter((q) => q !== ''),
      auth: authArb(route.roles),
      body: badBody,
      headers: extraHeaders,
    })
    .chain((c) =>
      contentType(route.stream, c.body).map((contentType): ApiCase => {
        const has = (d: Dimension) => c.wrong.includes(d);
        const body = has('body') ? c.body : c.base.body;
        const headers: Record<string, string> = {};
        const pickHeader = (d: Dimension, name: string, fallback?: string) => {
          const v = c.headers[name] ?? fallback;
          if (has(d) && v !== undefined) headers[name] = v;
        };
        pickHeader('encoding', 'content-encoding', 'gzip');
        pickHeader('idempotency', 'idempotency-key', 'fuzz-same-key');
        pickHeader('ifMatch', 'if-match', '"abc"');
        pickHeader('language', 'accept-language', 'xx');
        if (has('auth') && c.headers['x-csrf-token'] !== undefined) headers['x-csrf-token'] = c.headers['x-csrf-token'];
        return withSummary({
          method: has('method') ? c.method : route.method,
          params: has('params') ? c.params : c.base.params,
          query: has('query') ? c.query : c.base.query,
          auth: has('auth') ? c.auth : c.base.auth,
          body,
          contentType: has('contentType')
            ? contentType
            : has('body')
              ? (contentType ?? c.base.contentType)
              : c.base.contentType,
          headers,
        });
      }),
    );
}

/** fast-check prints a counterexample with this: short, never the 300 KB body itself. */
function withSummary(c: ApiCase): ApiCase {
  const body =
    c.body.text === undefined
      ? 'no body'
      : `${c.body.kind} body of ${Buffer.byteLength(c.body.text)} bytes: ${short(String(c.body.text), 120)}`;
  const auth =
    c.auth.kind === 'token'
      ? `as ${c.auth.who}`
      : c.auth.kind === 'staff'
        ? `designer session cookie, csrf ${c.auth.csrf}`
        : c.auth.kind === 'none'
          ? 'no credentials'
          : `${c.auth.kind} ${short(c.auth.value, 40)}`;
  const text = `${c.method} params=${JSON.stringify(c.params.map((p) => short(p, 40)))} query=${short(c.query, 80)} ${auth}; content-type ${c.contentType ?? '-'}; headers ${short(JSON.stringify(c.headers), 160)}; ${body}`;
  return Object.defineProperty(c, fc.toStringMethod, { value: () => text, enumerable: false });
}

export const short = (s: string, n: number) => (s.length > n ? `${s.slice(0, n)}…(${s.length} chars)` : s);

const NUMERIC_ODD = ['Infinity', '-Infinity', 'NaN', '1e999', '-1', '1e-999', '0x10', '9007199254740993'];

/**
 * Requests every route gets, before the generated ones: each odd number in
 * each query parameter, prototype names and bad escapes in each path
 * param, prototype-name keys in its body, and each bogus Content-Encoding,
 * all with a token of a role the route allows (so they reach the handler).
 */
export function apiExamples(route: ApiRoute, fx: ApiFixtures): ApiCase[] {
  const params = [...route.path.matchAll(/:(\w+)/g)].map((m) => m[1]);
  const real = (name: string) =>
    enc(
      (name === 'key'
        ? fx.keys
        : name === 'id'
          ? fx.caseIds
          : name === 'version'
            ? fx.versions
            : name === 'team'
              ? fx.teams
              : ['x'])[0],
    );
  const who: TokenName = route.roles === 'public' ? 'designer' : TOKENS_OF[route.roles[0]][0];
  const json = !route.stream && route.method !== 'GET';
  const base = (over: Partial<ApiCase>): ApiCase =>
    withSummary({
      method: route.method,
      params: params.map(real),
      query: '',
      auth: { kind: 'token', who },
      body: json ? { text: '{}', kind: 'example' } : { kind: 'none' },
      contentType: json ? 'application/json' : undefined,
      headers: {},
      ...over,
    });
  const out: ApiCase[] = [];
  // Every intermediary route as each intermediary, on every fixture case: the leak check reads each answer.
  if (route.roles !== 'public' && route.roles.includes('intermediary'))
    for (const who of TOKENS_OF.intermediary)
      for (const id of params.includes('id') ? fx.caseIds : [fx.caseIds[0]])
        out.push(base({ auth: { kind: 'token', who }, params: params.map((p) => (p === 'id' ? enc(id) : real(p))) }));
  for (const q of route.query) for (const v of NUMERIC_ODD) out.push(base({ query: `?${q}=${enc(v)}` }));
  for (const [i] of params.entries()) {
    for (const v of ['constructor', '__proto__', 'toString', '%', '%E0%A4%A', 'c'.repeat(7000)])
      out.push(base({ params: params.map((p, j) => (j === i ? v : real(p))) }));
  }
  if (route.hasBody || route.method !== 'GET') {
    const keys = route.bodyKeys.length ? route.bodyKeys : ['x'];
    for (const k of ['toString', 'constructor', 'hasOwnProperty', '__proto__']) {
      out.push(
        base({
          body: {
            text: `{${keys.map((key) => `${JSON.stringify(key)}:${emit(PLAUSIBLE[key] ? fromValue(PLAUSIBLE[key][0]) : str('x'))}`).join(',')},${JSON.stringify(k)}:1}`,
            kind: 'example',
          },
          contentType: 'application/json',
        }),
      );
    }
    for (const ce of ['gzip', 'deflate', 'br'])
      out.push(
        base({
          body: { text: '{}', kind: 'example' },
          contentType: route.stream ? 'text/csv' : 'application/json',
          headers: { 'content-encoding': ce },
        }),
      );
    out.push(
      base({
        body: { text: `{"x":${'['.repeat(50_000)}${']'.repeat(50_000)}}`, kind: 'example' },
        contentType: 'application/json',
        headers: { 'idempotency-key': 'deep-body' },
      }),
    );
  }
  if (route.stream) {
    // Finding 6: refused early while a 1 MB body is still arriving (the next example shares the socket).
    const large = { text: `bsn,inkomen\n${'999993653,1200\n'.repeat(75_000)}`, kind: 'example' };
    out.push(
      base({ body: large, contentType: 'application/json' }),
      base({ body: large, contentType: 'text/csv', query: '?signal=bestaat.niet' }),
      base({ body: large, contentType: 'text/csv', query: '?dryRun=misschien' }),
    );
    out.push(
      base({ body: large, contentType: 'text/csv', auth: { kind: 'none' } }),
      base({ body: large, contentType: 'text/csv', params: params.map(() => 'bestaat-niet') }),
    );
    // Finding 5: 250 eligible rows, then a record of more than 1 MB (or a broken one): refused means nothing was started.
    const rows = Array.from({ length: 250 }, (_, i) => `${validBsn(7_000_000 + i * 7919)},1200`).join('\n');
    out.push(
      base({
        body: { text: `bsn,inkomen\n${rows}\n${validBsn(123)},"${'x'.repeat(1_100_000)}"\n`, kind: 'example' },
        contentType: 'text/csv',
        params: params.map(() => 'stadspas'),
      }),
    );
    out.push(
      base({
        body: { text: `bsn,inkomen\n${rows}\n${validBsn(321)},"kapot\n`, kind: 'example' },
        contentType: 'text/csv',
        params: params.map(() => 'stadspas'),
      }),
    );
  }
  return out;
}

export function toRequest(route: ApiRoute, c: ApiCase, fz: Fuzz, fx: ApiFixtures): Req {
  let i = 0;
  const path = route.path.replace(/:(\w+)/g, () => c.params[i++] ?? 'x') + c.query;
  const headers: Record<string, string> = { ...c.headers };
  if (c.contentType) headers['content-type'] = c.contentType;
  const a = c.auth;
  if (a.kind === 'token') headers.authorization = `Bearer ${fz.s.tokens[a.who]}`;
  else if (a.kind === 'header') headers.authorization = a.value;
  else if (a.kind === 'cookie') headers.cookie = a.value;
  else if (a.kind === 'staff' && fx.staffCookie) {
    headers.cookie = `omslag_werk=${fx.staffCookie.cookie}`;
    if (a.csrf === 'right') headers['x-csrf-token'] = fx.staffCookie.csrf;
    else if (a.csrf === 'wrong')
      headers['x-csrf-token'] = fx.staffCookie.csrf.replace(/^./, (ch) => (ch === 'A' ? 'B' : 'A'));
  }
  return { label: route.label, method: c.method, path, headers, body: c.body.text };
}
