/**
 * Every route of the API's route table against a real server and a real
 * SQLite file: the happy path, 401, 403, 404, 422 with field details, 413,
 * 400 and 409, and after each refusal proof that nothing changed.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { apiRoutes } from '../../../runtime/http/app.js';
import type { RouteDef } from '../../../runtime/http/route.js';
import { readAuthSettings } from '../../../runtime/auth/index.js';
import { fixtureProcess } from '../../helpers/fixtures.js';
import { freePort, startTestProvider } from '../../helpers/oidc-provider.js';
import { webAgent } from '../../helpers/web-agent.js';
import { startTestServer, type TestServer } from '../../helpers/server.js';
import {
  atMoney,
  atReview,
  BAD_BSN,
  CITIZEN_BSN,
  countOf,
  dbState,
  ended,
  expectStatus,
  household,
  money,
  refused,
  signalProcess,
  startToeslag,
  type Role,
} from './support.js';

let s: TestServer;
let routes: RouteDef[];
/** A citizen's `toeslag` case waiting at the belastingen handoff, and its task. */
let review: Awaited<ReturnType<typeof atReview>>;
/** A mandate of the citizen for the `intermediary` token's organisation, on toeslag (registered below). */
let mandateId = 'none-yet';
const PDF = Buffer.from('%PDF-1.4\n%%EOF\n');
const mandateBody = (over: Record<string, unknown> = {}) => ({
  citizen: CITIZEN_BSN,
  holder: { kind: 'organisation', kvk: '90000001', name: 'Schuldhulp Test' },
  process: 'toeslag',
  rights: ['view', 'fill', 'submit'],
  reason: 'Beschikking kantonrechter: bewindvoering',
  document: { name: 'beschikking.pdf', content: PDF.toString('base64') },
  ...over,
});

beforeAll(async () => {
  s = await startTestServer({ fixtures: ['toeslag', 'ophalen', 'pas'] });
  routes = apiRoutes({ store: s.store, engine: s.engine, processes: s.processes, clock: s.clock });
  review = await atReview(s);
  mandateId = expectStatus(await s.api('POST', '/api/mandates', { as: 'admin', body: mandateBody() }), 201).id;
  // A process that only has a draft (never published).
  expectStatus(
    await s.api('PUT', '/api/processes/concept/draft', { as: 'designer', body: signalProcess('concept') }),
    200,
  );
});
afterAll(async () => {
  await s?.close();
});

/** The routes whose happy path a test below walked (checked against the table at the end). */
const walked = new Set<string>();
const hit = (method: string, path: string) => walked.add(`${method.toUpperCase()} ${path}`);

const toeslagJson = () => fixtureProcess('toeslag');
const big = () => 'x'.repeat(300 * 1024); // > 256kb once in JSON

/** A concrete URL for a route path, with real ids. */
function urlOf(path: string): string {
  return path
    .replace(':key', 'toeslag')
    .replace(':version', '1')
    .replace(':team', 'belastingen')
    .replace(':name', 'olaf')
    .replace(':fileId', 'geen-bestand')
    .replace(
      ':id',
      path.startsWith('/api/tasks')
        ? review.task.id
        : path.startsWith('/api/teams')
          ? 'afval'
          : path.startsWith('/api/mandates')
            ? mandateId
            : path.startsWith('/api/api-clients')
              ? 'oc_nobody'
              : review.view.id,
    );
}
/** A valid body for each changing route, so only the credentials are wrong. */
function bodyOf(def: RouteDef): unknown {
  switch (`${def.method} ${def.path}`) {
    case 'put /api/processes/:key/draft':
      return toeslagJson();
    case 'post /api/processes/:key/cases':
      return {};
    case 'post /api/cases/:id/events':
      return { type: 'withdraw' };
    case 'post /api/tasks/:id/complete':
      return { outcome: 'toekennen' };
    case 'post /api/signals':
      return { type: 'register.verhuisd', subject: CITIZEN_BSN };
    case 'post /api/tasks/:id/assign':
      return { team: 'belastingen' };
    case 'post /api/tasks/:id/reject-proposal':
      return {};
    case 'post /api/cases/:id/feedback':
      return { score: 3 };
    case 'post /api/processes/:key/migrate':
      return { from: 1, to: 2, dryRun: true };
    case 'post /api/mandates':
      return mandateBody();
    case 'post /api/mandates/:id/revoke':
      return { reason: 'opgeheven' };
    case 'post /api/api-clients':
      return { kvk: '12345678', name: 'Schuldhulp Utrecht' };
    case 'put /api/users/:name':
      return { role: 'official', teams: ['belastingen'] };
    case 'post /api/teams':
      return { id: 'vergunningen', name: 'Vergunningen' };
    case 'post /api/cases/:id/notes':
      return { text: 'Inwoner belde over de termijn.' };
    default:
      return undefined;
  }
}
const roleTokens: Record<string, Role> = {
  designer: 'designer',
  official: 'official',
  admin: 'admin',
  citizen: 'citizen',
  intermediary: 'intermediary',
};

describe('credentials and roles, for every route in the table', () => {
  test('the table has the routes of the contract, the public ones marked', () => {
    expect(routes.length).toBeGreaterThanOrEqual(19);
    expect(
      routes
        .filter((r) => r.roles === 'public')
        .map((r) => r.path)
        .sort(),
    ).toEqual([
      '/api/health',
      '/api/oauth/token',
      '/api/ready',
      '/api/schema/process.json',
      '/api/session',
      '/api/session/oidc',
      '/api/session/oidc/callback',
      '/api/session/providers',
    ]);
  });

  test('401 without credentials, with an unknown token and with a malformed header; nothing changes', async () => {
    for (const def of routes.filter((r) => r.roles !== 'public')) {
      const url = urlOf(def.path);
      const body = bodyOf(def);
      await refused(s, 401, 'unauthenticated', def.method.toUpperCase(), url, { body });
      await refused(s, 401, 'unauthenticated', def.method.toUpperCase(), url, {
        body,
        headers: { authorization: 'Bearer oms_not-a-real-token' },
      });
      await refused(s, 401, 'unauthenticated', def.method.toUpperCase(), url, {
        body,
        headers: { authorization: `Basic ${Buffer.from('a:b').toString('base64')}` },
      });
    }
  });

  test('403 for every role a route does not allow; nothing changes', async () => {
    let checked = 0;
    for (const def of routes.filter((r) => r.roles !== 'public')) {
      for (const role of Object.keys(roleTokens).filter((r) => !(def.roles as string[]).includes(r))) {
        await refused(s, 403, 'forbidden', def.method.toUpperCase(), urlOf(def.path), {
          as: roleTokens[role],
          body: bodyOf(def),
        });
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(15);
  });

  test('the named examples: designer reads a case, citizen lists tasks, official saves a draft, citizen sends a signal', async () => {
    await refused(s, 403, 'forbidden', 'GET', `/api/cases/${review.view.id}`, { as: 'designer' });
    await refused(s, 403, 'forbidden', 'GET', '/api/tasks', { as: 'citizen' });
    await refused(s, 403, 'forbidden', 'PUT', '/api/processes/toeslag/draft', { as: 'official', body: toeslagJson() });
    await refused(s, 403, 'forbidden', 'POST', '/api/signals', {
      as: 'citizen',
      body: { type: 'register.verhuisd', subject: CITIZEN_BSN },
    });
    // Officials do not send a citizen's events.
    await refused(s, 403, 'forbidden', 'POST', `/api/cases/${review.view.id}/events`, {
      as: 'official',
      body: { type: 'withdraw' },
    });
  });

  test('an unknown API route is a 404 in the error envelope', async () => {
    await refused(s, 404, 'not-found', 'GET', '/api/nothing-here', { as: 'admin' });
    await refused(s, 404, 'not-found', 'DELETE', `/api/cases/${review.view.id}`, { as: 'admin' });
  });
});

describe('system', () => {
  test('GET /api/me names the principal', async () => {
    expect(expectStatus(await s.api('GET', '/api/me', { as: 'citizen' }), 200)).toEqual({
      role: 'citizen',
      bsn: CITIZEN_BSN,
    });
    expect(expectStatus(await s.api('GET', '/api/me', { as: 'official' }), 200)).toEqual({
      role: 'official',
      name: 'olaf',
      teams: ['belastingen', 'klantcontact'],
    });
    expect(expectStatus(await s.api('GET', '/api/me', { as: 'designer' }), 200)).toMatchObject({
      role: 'designer',
      name: 'dina',
    });
    hit('get', '/api/me');
  });

  test('GET /api/health, /api/ready and /api/schema/process.json are public', async () => {
    expect(expectStatus(await s.api('GET', '/api/health'), 200)).toEqual({ ok: true });
    hit('get', '/api/health');
    expect(expectStatus(await s.api('GET', '/api/ready'), 200)).toMatchObject({ ready: true });
    hit('get', '/api/ready');
    const schema = expectStatus(await s.api('GET', '/api/schema/process.json'), 200);
    expect(schema.type).toBe('object');
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['key', 'title', 'start', 'steps']));
    hit('get', '/api/schema/process.json');
  });
});

describe('processes', () => {
  test('GET /api/processes: published ones for citizens, drafts with problem counts for designers', async () => {
    const forCitizen = expectStatus(await s.api('GET', '/api/processes', { as: 'citizen' }), 200);
    expect(forCitizen.map((p: any) => p.key).sort()).toEqual(['ophalen', 'pas', 'toeslag']);
    const k = forCitizen.find((p: any) => p.key === 'toeslag');
    expect(k).toEqual({
      key: 'toeslag',
      title: 'Toeslag aanvragen',
      description: expect.stringContaining('twee formulieren'),
      latestVersion: 1,
    });

    const forDesigner = expectStatus(await s.api('GET', '/api/processes', { as: 'designer' }), 200);
    expect(forDesigner.map((p: any) => p.key)).toEqual(expect.arrayContaining(['concept', 'ophalen', 'toeslag']));
    expect(forDesigner.find((p: any) => p.key === 'concept')).toMatchObject({
      latestVersion: null,
      versions: [],
      problems: 0,
    });

    const english = expectStatus(await s.api('GET', '/api/processes?lang=en', { as: 'official' }), 200);
    expect(english.find((p: any) => p.key === 'ophalen').title).toBe('Collection of goods');
    hit('get', '/api/processes');
  });

  test('GET /api/processes/:key: the published definition; the draft and its problems for designers only', async () => {
    const forCitizen = expectStatus(await s.api('GET', '/api/processes/toeslag', { as: 'citizen' }), 200);
    expect(forCitizen).toMatchObject({ key: 'toeslag', versions: [1], latestVersion: 1 });
    expect(forCitizen.definition.start).toBe('huishouden');
    expect(forCitizen).not.toHaveProperty('draft');
    expect(forCitizen).not.toHaveProperty('problems');

    const forDesigner = expectStatus(await s.api('GET', '/api/processes/concept', { as: 'designer' }), 200);
    expect(forDesigner).toMatchObject({
      key: 'concept',
      versions: [],
      latestVersion: null,
      definition: null,
      problems: [],
    });
    expect(forDesigner.draft.steps.wachten.signal).toBe('register.verhuisd');
    hit('get', '/api/processes/:key');
  });

  test('GET /api/processes/:key: 404 for an unknown key, and for a draft-only process unless you design', async () => {
    await refused(s, 404, 'not-found', 'GET', '/api/processes/bestaat-niet', { as: 'designer' });
    await refused(s, 404, 'not-found', 'GET', '/api/processes/concept', { as: 'citizen' });
    await refused(s, 404, 'not-found', 'GET', '/api/processes/concept', { as: 'official' });
  });

  test('PUT /api/processes/:key/draft saves, even with problems, and returns the problems', async () => {
    const edited = { ...signalProcess('concept'), title: { nl: 'Verhuizing (nieuw)', en: 'Move (new)' } };
    expect(
      expectStatus(await s.api('PUT', '/api/processes/concept/draft', { as: 'designer', body: edited }), 200),
    ).toEqual({ problems: [] });
    const after = expectStatus(await s.api('GET', '/api/processes/concept', { as: 'designer' }), 200);
    expect(after.draft.title.nl).toBe('Verhuizing (nieuw)');
    expect(after.updatedAt).toBe(s.clock.now().toISOString());

    const withProblems = signalProcess('proef');
    delete (withProblems.steps.wachten as { signal?: string }).signal; // a wait for nothing: P017
    const saved = expectStatus(
      await s.api('PUT', '/api/processes/proef/draft', { as: 'designer', body: withProblems }),
      200,
    );
    expect(saved.problems.map((p: any) => p.code)).toContain('P017');
    const stored = expectStatus(await s.api('GET', '/api/processes/proef', { as: 'designer' }), 200);
    expect(stored.draft.steps.wachten).not.toHaveProperty('signal');
    expect(stored.problems.map((p: any) => p.code)).toContain('P017');
    hit('put', '/api/processes/:key/draft');
  });

  test('PUT draft of a published process leaves the published version as it was', async () => {
    const draft = { ...toeslagJson(), title: { nl: 'Toeslag (concept)' } };
    expectStatus(await s.api('PUT', '/api/processes/toeslag/draft', { as: 'designer', body: draft }), 200);
    const forCitizen = expectStatus(await s.api('GET', '/api/processes/toeslag', { as: 'citizen' }), 200);
    expect(forCitizen.definition.title.nl).toBe('Toeslag aanvragen');
    expect(forCitizen.versions).toEqual([1]);
    // Back to the published text, for the other tests.
    expectStatus(await s.api('PUT', '/api/processes/toeslag/draft', { as: 'designer', body: toeslagJson() }), 200);
  });

  test('PUT draft refuses bad input with field details, and changes nothing', async () => {
    let res = await refused(s, 422, 'invalid-request', 'PUT', '/api/processes/concept/draft', {
      as: 'designer',
      body: [1, 2],
    });
    expect(res.body.error.details).toBeTypeOf('object');
    res = await refused(s, 422, 'key-mismatch', 'PUT', '/api/processes/concept/draft', {
      as: 'designer',
      body: signalProcess('anders'),
    });
    expect(Object.keys(res.body.error.details)).toEqual(['key']);
    await refused(s, 413, 'payload-too-large', 'PUT', '/api/processes/concept/draft', {
      as: 'designer',
      body: { ...signalProcess('concept'), description: big() },
    });
    await refused(s, 400, 'invalid-json', 'PUT', '/api/processes/concept/draft', {
      as: 'designer',
      body: '{"key": "concept", ',
    });
    await refused(s, 400, 'invalid-json', 'PUT', '/api/processes/concept/draft', {
      as: 'designer',
      body: '"just a string"',
    });
  });

  test('POST /api/processes/:key/publish: 201 with the next version; it is then readable and startable', async () => {
    expectStatus(
      await s.api('PUT', '/api/processes/verhuizing-r/draft', { as: 'designer', body: signalProcess('verhuizing-r') }),
      200,
    );
    expect(expectStatus(await s.api('POST', '/api/processes/verhuizing-r/publish', { as: 'designer' }), 201)).toEqual({
      key: 'verhuizing-r',
      version: 1,
    });
    expect(expectStatus(await s.api('POST', '/api/processes/verhuizing-r/publish', { as: 'designer' }), 201)).toEqual({
      key: 'verhuizing-r',
      version: 2,
    });
    const listed = expectStatus(await s.api('GET', '/api/processes', { as: 'citizen' }), 200);
    expect(listed.find((p: any) => p.key === 'verhuizing-r')).toMatchObject({ latestVersion: 2 });
    const started = expectStatus(
      await s.api('POST', '/api/processes/verhuizing-r/cases', { as: 'citizenB', body: {} }),
      201,
    );
    expect(started.process).toMatchObject({ key: 'verhuizing-r', version: 2 });
    hit('post', '/api/processes/:key/publish');
  });

  test('POST publish: 404 for an unknown process; 422 draft-has-problems listing them, and no new version', async () => {
    await refused(s, 404, 'not-found', 'POST', '/api/processes/bestaat-niet/publish', { as: 'designer' });
    const res = await refused(s, 422, 'draft-has-problems', 'POST', '/api/processes/proef/publish', { as: 'designer' });
    expect(res.body.error.details.problems.map((p: any) => p.code)).toContain('P017');
    expect(expectStatus(await s.api('GET', '/api/processes/proef', { as: 'designer' }), 200).versions).toEqual([]);
  });

  test('GET /api/processes/:key/versions/:version: the published definition', async () => {
    const v = expectStatus(await s.api('GET', '/api/processes/toeslag/versions/1', { as: 'official' }), 200);
    expect(v).toMatchObject({ key: 'toeslag', version: 1, publishedBy: 'test' });
    expect(v.definition).toEqual(toeslagJson());
    // A citizen reads the same version without what is meant for officials (finding 12 of issue 11).
    const forCitizen = expectStatus(await s.api('GET', '/api/processes/toeslag/versions/1', { as: 'citizen' }), 200);
    expect(JSON.stringify(forCitizen.definition)).not.toContain('"instructions"');
    expect(Object.keys(forCitizen.definition.steps)).toEqual(Object.keys(toeslagJson().steps));
    hit('get', '/api/processes/:key/versions/:version');
  });

  test('GET versions/:version: 404 for an unknown version, a non-number, or an unknown or unpublished process', async () => {
    for (const url of [
      '/api/processes/toeslag/versions/2',
      '/api/processes/toeslag/versions/0',
      '/api/processes/toeslag/versions/abc',
      '/api/processes/toeslag/versions/-1',
      '/api/processes/bestaat-niet/versions/1',
      '/api/processes/concept/versions/1',
    ]) {
      await refused(s, 404, 'not-found', 'GET', url, { as: 'designer' });
    }
  });

  test('GET versions/:version/xstate: the compiled machine config for officials and designers', async () => {
    const machine = expectStatus(
      await s.api('GET', '/api/processes/toeslag/versions/1/xstate', { as: 'official' }),
      200,
    );
    expect(machine).toMatchObject({ id: 'toeslag', type: 'parallel' });
    expect(Object.keys(machine.states)).toEqual(['journey', 'contact']);
    expect(machine.states.journey.states.aanvraag.on.withdraw.target).toBe('#ingetrokken');
    hit('get', '/api/processes/:key/versions/:version/xstate');
    await refused(s, 404, 'not-found', 'GET', '/api/processes/toeslag/versions/9/xstate', { as: 'designer' });
    await refused(s, 404, 'not-found', 'GET', '/api/processes/bestaat-niet/versions/1/xstate', { as: 'designer' });
  });
});

describe('cases', () => {
  test('POST /api/processes/:key/cases: a citizen starts a case for themselves (201, the first step, an ETag)', async () => {
    const res = await s.api('POST', '/api/processes/toeslag/cases', { as: 'citizen', body: {} });
    const view = expectStatus(res, 201);
    expect(view).toMatchObject({
      status: 'active',
      process: { key: 'toeslag', version: 1 },
      step: { id: 'huishouden', kind: 'form' },
      outcome: null,
    });
    expect(view.reference).toMatch(/^OMS-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(view.step.fields.map((f: any) => f.id)).toEqual(['huishouden', 'aanslagnummer']);
    expect(view.actions.map((a: any) => a.type)).toEqual(['submit', 'withdraw', 'person.requested']);
    expect(res.headers.get('etag')).toBe(`"${view.rev}"`);
    expect((await s.store.cases.get(view.id))!.subject).toBe(CITIZEN_BSN);
    // Naming oneself as subject is fine too.
    expect(
      expectStatus(
        await s.api('POST', '/api/processes/ophalen/cases', { as: 'citizen', body: { subject: CITIZEN_BSN } }),
        201,
      ).step.id,
    ).toBe('ophaalverzoek');
    hit('post', '/api/processes/:key/cases');
  });

  test('POST cases: an official or admin starts a case for a subject', async () => {
    const byOfficial = expectStatus(
      await s.api('POST', '/api/processes/ophalen/cases', { as: 'official', body: { subject: '111222333' } }),
      201,
    );
    expect((await s.store.cases.get(byOfficial.id))!.subject).toBe('111222333');
    expect((await s.store.cases.audit(byOfficial.id))[0]).toMatchObject({ type: 'case.started', actor: 'user:olaf' });
    // The citizen it was started for sees it.
    expect(expectStatus(await s.api('GET', `/api/cases/${byOfficial.id}`, { as: 'citizenB' }), 200).id).toBe(
      byOfficial.id,
    );
    const byAdmin = expectStatus(
      await s.api('POST', '/api/processes/ophalen/cases', { as: 'admin', body: { subject: CITIZEN_BSN } }),
      201,
    );
    expect(expectStatus(await s.api('GET', `/api/cases/${byAdmin.id}`, { as: 'admin' }), 200).id).toBe(byAdmin.id);
  });

  test('POST cases: 422 with details.subject for a missing or elfproef-failing BSN, wrong types or unknown keys', async () => {
    let res = await refused(s, 422, 'invalid-request', 'POST', '/api/processes/toeslag/cases', {
      as: 'official',
      body: {},
    });
    expect(Object.keys(res.body.error.details)).toEqual(['subject']);
    res = await refused(s, 422, 'invalid-request', 'POST', '/api/processes/toeslag/cases', {
      as: 'official',
      body: { subject: BAD_BSN },
    });
    expect(Object.keys(res.body.error.details)).toEqual(['subject']);
    res = await refused(s, 422, 'invalid-request', 'POST', '/api/processes/toeslag/cases', {
      as: 'admin',
      body: { subject: 999993653 },
    });
    expect(Object.keys(res.body.error.details)).toEqual(['subject']);
    res = await refused(s, 422, 'invalid-request', 'POST', '/api/processes/toeslag/cases', {
      as: 'citizen',
      body: { process: 'x' },
    });
    expect(Object.keys(res.body.error.details)).toEqual(['process']);
    await refused(s, 400, 'invalid-json', 'POST', '/api/processes/toeslag/cases', { as: 'citizen', body: '{' });
    await refused(s, 413, 'payload-too-large', 'POST', '/api/processes/toeslag/cases', {
      as: 'citizen',
      body: { subject: big() },
    });
  });

  test('POST cases: 403 for a citizen naming someone else; 404 for an unknown or unpublished process', async () => {
    await refused(s, 403, 'forbidden', 'POST', '/api/processes/toeslag/cases', {
      as: 'citizen',
      body: { subject: '111222333' },
    });
    await refused(s, 404, 'not-found', 'POST', '/api/processes/bestaat-niet/cases', { as: 'citizen', body: {} });
    await refused(s, 404, 'not-found', 'POST', '/api/processes/concept/cases', { as: 'citizen', body: {} });
  });

  test("GET /api/cases: a citizen's own, an official's teams', all for admins", async () => {
    const ids = (list: any[]) => list.map((c) => c.id);
    const mine = expectStatus(await s.api('GET', '/api/cases', { as: 'citizen' }), 200);
    expect(ids(mine)).toContain(review.view.id);
    const subjects = await Promise.all(mine.map(async (c: any) => (await s.store.cases.get(c.id))!.subject));
    expect(subjects.every((subject) => subject === CITIZEN_BSN)).toBe(true);
    expect(mine.find((c: any) => c.id === review.view.id)).toMatchObject({
      reference: review.view.reference,
      process: 'toeslag',
      version: 1,
      status: 'active',
      step: 'beoordeling',
      outcome: null,
    });
    expect(ids(expectStatus(await s.api('GET', '/api/cases', { as: 'citizenB' }), 200))).not.toContain(review.view.id);
    expect(ids(expectStatus(await s.api('GET', '/api/cases', { as: 'official2' }), 200))).toContain(review.view.id);
    expect(ids(expectStatus(await s.api('GET', '/api/cases', { as: 'otherTeam' }), 200))).toEqual([]);
    const all = expectStatus(await s.api('GET', '/api/cases', { as: 'admin' }), 200);
    expect(all.length).toBe(await countOf(s, 'SELECT COUNT(*) AS n FROM cases'));
    hit('get', '/api/cases');
  });

  test('GET /api/cases/:id: the case view with its ETag; officials see who holds a task, citizens do not', async () => {
    const res = await s.api('GET', `/api/cases/${review.view.id}`, { as: 'citizen' });
    const view = expectStatus(res, 200);
    expect(view).toMatchObject({
      id: review.view.id,
      status: 'active',
      step: { id: 'beoordeling', kind: 'handoff' },
      expectedBy: '2026-03-12T09:00:00.000Z',
    });
    expect(res.headers.get('etag')).toBe(`"${view.rev}"`);
    expect(view.step.fields).toBeUndefined();
    expect(view.actions.map((a: any) => a.type)).toEqual(['withdraw', 'person.requested']);
    expect(view.tasks[0]).not.toHaveProperty('assignee');
    expect(view.explanations[0]).not.toHaveProperty('when');
    const internal = expectStatus(await s.api('GET', `/api/cases/${review.view.id}`, { as: 'official2' }), 200);
    expect(internal.tasks[0]).toHaveProperty('assignee', null);
    expect(expectStatus(await s.api('GET', `/api/cases/${review.view.id}`, { as: 'admin' }), 200).rev).toBe(view.rev);
    hit('get', '/api/cases/:id');
  });

  test('GET /api/cases/:id/letter: the decision letter of an ended case as a PDF; 404 before it ended', async () => {
    const at = await atReview(s);
    expectStatus(
      await s.api('POST', `/api/tasks/${at.task.id}/complete`, {
        as: 'official',
        body: { outcome: 'afwijzen', data: { reden: 'Uw vaste lasten zijn gewoon.' } },
      }),
      200,
    );
    const res = await fetch(`${s.base}/api/cases/${at.view.id}/letter`, {
      headers: { authorization: `Bearer ${s.tokens.official}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="besluit-${at.view.reference}.pdf"`);
    expect(
      Buffer.from(await res.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    hit('get', '/api/cases/:id/letter');
    await refused(s, 404, 'not-found', 'GET', `/api/cases/${review.view.id}/letter`, { as: 'citizen' });
    await refused(s, 404, 'not-found', 'GET', `/api/cases/${at.view.id}/letter`, { as: 'citizenB' });
    await refused(s, 404, 'not-found', 'GET', `/api/cases/${at.view.id}/letter`, { as: 'otherTeam' });
  });

  test("GET /api/cases/:id: 404 for an unknown id, for citizen B asking for A's case, and for an official of another team", async () => {
    await refused(s, 404, 'not-found', 'GET', '/api/cases/00000000-0000-0000-0000-000000000000', { as: 'admin' });
    await refused(s, 404, 'not-found', 'GET', `/api/cases/${review.view.id}`, { as: 'citizenB' });
    await refused(s, 404, 'not-found', 'GET', `/api/cases/${review.view.id}`, { as: 'otherTeam' });
    // A case without any task for the official's teams is not theirs to see.
    const early = await startToeslag(s);
    await refused(s, 404, 'not-found', 'GET', `/api/cases/${early.id}`, { as: 'official' });
  });

  test('POST /api/cases/:id/events: submit moves the case, bumps its revision and ETag, keeps the answers', async () => {
    const started = await startToeslag(s);
    const res = await s.api('POST', `/api/cases/${started.id}/events`, {
      as: 'citizen',
      body: { type: 'submit', data: household, step: 'huishouden' },
    });
    const view = expectStatus(res, 200);
    expect(view.step.id).toBe('geldzaken');
    expect(view.rev).toBeGreaterThan(started.rev);
    expect(res.headers.get('etag')).toBe(`"${view.rev}"`);
    expect(view.answers).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: 'huishouden', value: 'alleenstaand', text: 'Alleen' })]),
    );
    const again = expectStatus(await s.api('GET', `/api/cases/${started.id}`, { as: 'citizen' }), 200);
    expect(again).toEqual(view);
    hit('post', '/api/cases/:id/events');
  });

  test('POST events: 422 invalid-request with details for wrong types, missing or unknown keys', async () => {
    const c = await atMoney(s);
    const url = `/api/cases/${c.id}/events`;
    const cases: [unknown, string[]][] = [
      [{}, ['type']],
      [{ type: 42 }, ['type']],
      [{ type: '' }, ['type']],
      [{ type: 'submit', data: ['a'] }, ['data']],
      [{ type: 'submit', data: 'inkomen=1' }, ['data']],
      [{ type: 'submit', data: money(), extra: true }, ['extra']],
      [{ type: 'submit', data: money(), step: 7 }, ['step']],
      [[1, 2, 3], ['(body)']],
    ];
    for (const [body, keys] of cases) {
      const res = await refused(s, 422, 'invalid-request', 'POST', url, { as: 'citizen', body });
      expect(Object.keys(res.body.error.details).sort(), JSON.stringify(body)).toEqual(keys);
      for (const messages of Object.values(res.body.error.details)) expect(messages).toEqual([expect.any(String)]);
    }
    const view = expectStatus(await s.api('GET', `/api/cases/${c.id}`, { as: 'citizen' }), 200);
    expect({ rev: view.rev, step: view.step.id }).toEqual({ rev: c.rev, step: 'geldzaken' });
  });

  test('POST events: answers failing validation give 422 invalid-answers keyed by field id', async () => {
    const started = await startToeslag(s);
    let res = await refused(s, 422, 'invalid-answers', 'POST', `/api/cases/${started.id}/events`, {
      as: 'citizen',
      body: { type: 'submit', data: { huishouden: 'kasteel' } },
    });
    expect(Object.keys(res.body.error.details).sort()).toEqual(['aanslagnummer', 'huishouden']);

    const c = await atMoney(s);
    res = await refused(s, 422, 'invalid-answers', 'POST', `/api/cases/${c.id}/events`, {
      as: 'citizen',
      body: {
        type: 'submit',
        data: {
          inkomen: 'veel',
          vermogen: '-5',
          heeftAuto: 'misschien',
          iban: 'NL00 BANK 0000 0000 00',
          kleur: 'blauw',
        },
      },
    });
    expect(Object.keys(res.body.error.details).sort()).toEqual(['heeftAuto', 'iban', 'inkomen', 'kleur', 'vermogen']);
    // A field shown by an answer (heeftAuto = ja) is required then.
    res = await refused(s, 422, 'invalid-answers', 'POST', `/api/cases/${c.id}/events`, {
      as: 'citizen',
      body: { type: 'submit', data: money({ heeftAuto: 'ja' }) },
    });
    expect(Object.keys(res.body.error.details)).toEqual(['autoWaarde']);
    // English messages with ?lang=en.
    res = await refused(s, 422, 'invalid-answers', 'POST', `/api/cases/${c.id}/events?lang=en`, {
      as: 'citizen',
      body: { type: 'submit', data: money({ iban: 'x' }) },
    });
    expect(res.body.error.details.iban).toEqual(['Enter a valid IBAN, like NL91 ABNA 0417 1643 00.']);
    expect(expectStatus(await s.api('GET', `/api/cases/${c.id}`, { as: 'citizen' }), 200)).toMatchObject({
      rev: c.rev,
      step: { id: 'geldzaken' },
      answers: c.answers,
    });
  });

  test("POST events: 404 for an unknown case and for somebody else's case", async () => {
    await refused(s, 404, 'not-found', 'POST', '/api/cases/00000000-0000-0000-0000-000000000000/events', {
      as: 'citizen',
      body: { type: 'withdraw' },
    });
    await refused(s, 404, 'not-found', 'POST', `/api/cases/${review.view.id}/events`, {
      as: 'citizenB',
      body: { type: 'withdraw' },
    });
  });

  test('POST events: 409 for events not possible now (ended case, wrong step, engine events, stale revision)', async () => {
    const done = await ended(s);
    await refused(s, 409, 'event-not-allowed', 'POST', `/api/cases/${done.id}/events`, {
      as: 'citizen',
      body: { type: 'submit', data: household },
    });
    let res = await refused(s, 409, 'event-not-allowed', 'POST', `/api/cases/${done.id}/events`, {
      as: 'citizen',
      body: { type: 'withdraw' },
    });
    expect(res.body.error.message).toContain('withdraw');
    // Nothing to submit while an official has the case.
    await refused(s, 409, 'event-not-allowed', 'POST', `/api/cases/${review.view.id}/events`, {
      as: 'citizen',
      body: { type: 'submit', data: {} },
    });
    // Events only the engine sends.
    for (const type of ['task.completed', 'timer.fired', 'signal.register.verhuisd', 'Withdraw', 'verzin-iets']) {
      await refused(s, 409, 'event-not-allowed', 'POST', `/api/cases/${review.view.id}/events`, {
        as: 'citizen',
        body: { type },
      });
    }
    const c = await atMoney(s);
    res = await refused(s, 409, 'step-mismatch', 'POST', `/api/cases/${c.id}/events`, {
      as: 'citizen',
      body: { type: 'submit', data: household, step: 'huishouden' },
    });
    expect(res.body.error.details).toEqual({ step: 'geldzaken' });
    res = await refused(s, 409, 'stale-case', 'POST', `/api/cases/${c.id}/events`, {
      as: 'citizen',
      body: { type: 'submit', data: money() },
      headers: { 'if-match': `"${c.rev - 1}"` },
    });
    expect(res.body.error.details).toEqual({ rev: c.rev });
    await refused(s, 400, 'invalid-if-match', 'POST', `/api/cases/${c.id}/events`, {
      as: 'citizen',
      body: { type: 'submit', data: money() },
      headers: { 'if-match': 'yesterday' },
    });
    const after = expectStatus(await s.api('GET', `/api/cases/${c.id}`, { as: 'citizen' }), 200);
    expect({ rev: after.rev, step: after.step.id, status: after.status }).toEqual({
      rev: c.rev,
      step: 'geldzaken',
      status: 'active',
    });
  });

  test('POST events: 413 for an oversized body and 400 for malformed JSON; the case stays as it was', async () => {
    const c = await atMoney(s);
    await refused(s, 413, 'payload-too-large', 'POST', `/api/cases/${c.id}/events`, {
      as: 'citizen',
      body: { type: 'submit', data: money({ iban: big() }) },
    });
    await refused(s, 400, 'invalid-json', 'POST', `/api/cases/${c.id}/events`, {
      as: 'citizen',
      body: '{"type": "submit", "data": {',
    });
    await refused(s, 400, 'invalid-json', 'POST', `/api/cases/${c.id}/events`, {
      as: 'citizen',
      body: "{'type': 'withdraw'}",
    });
    const after = expectStatus(await s.api('GET', `/api/cases/${c.id}`, { as: 'citizen' }), 200);
    expect({ rev: after.rev, step: after.step.id }).toEqual({ rev: c.rev, step: 'geldzaken' });
  });

  test('malformed requests are 4xx, never a 500: a bad %-escape in the path, a repeated query parameter', async () => {
    await refused(s, 400, 'invalid-url', 'GET', '/api/cases/%E0%A4%A', { as: 'admin' });
    await refused(s, 400, 'invalid-url', 'POST', '/api/tasks/%ZZ/claim', { as: 'official' });
    const res = await refused(s, 422, 'invalid-request', 'GET', `/api/cases/${review.view.id}?lang=en&lang=nl`, {
      as: 'citizen',
    });
    expect(Object.keys(res.body.error.details)).toEqual(['lang']);
    await refused(s, 422, 'invalid-request', 'GET', '/api/tasks?team=belastingen&team=afval', { as: 'admin' });
    await refused(s, 422, 'invalid-request', 'GET', '/api/tasks?assignee=olaf&assignee=otto', { as: 'official' });
  });
});

describe('tasks', () => {
  test("GET /api/tasks: the teams' tasks, with filters", async () => {
    const ids = (list: any[]) => list.map((t) => t.id);
    const mine = expectStatus(await s.api('GET', '/api/tasks', { as: 'official2' }), 200);
    expect(ids(mine)).toContain(review.task.id);
    expect(mine.every((t: any) => t.team === 'belastingen')).toBe(true);
    expect(mine.find((t: any) => t.id === review.task.id)).toMatchObject({
      caseId: review.view.id,
      step: 'beoordeling',
      kind: 'handoff',
      status: 'open',
      assignee: null,
      dueAt: '2026-03-12T09:00:00.000Z',
      rev: 0,
    });
    expect(ids(expectStatus(await s.api('GET', '/api/tasks', { as: 'otherTeam' }), 200))).toEqual([]);
    expect(ids(expectStatus(await s.api('GET', '/api/tasks', { as: 'admin' }), 200))).toContain(review.task.id);
    expect(
      ids(expectStatus(await s.api('GET', '/api/tasks?team=belastingen&status=open', { as: 'official' }), 200)),
    ).toContain(review.task.id);
    expect(
      ids(expectStatus(await s.api('GET', '/api/tasks?team=klantcontact', { as: 'official' }), 200)),
    ).not.toContain(review.task.id);
    expect(ids(expectStatus(await s.api('GET', '/api/tasks?status=claimed', { as: 'official' }), 200))).not.toContain(
      review.task.id,
    );
    expect(ids(expectStatus(await s.api('GET', '/api/tasks?assignee=me', { as: 'official' }), 200))).not.toContain(
      review.task.id,
    );
    expect(
      ids(expectStatus(await s.api('GET', '/api/tasks?assignee=nobody-by-that-name', { as: 'official' }), 200)),
    ).toEqual([]);
    expect(ids(expectStatus(await s.api('GET', '/api/tasks?overdue=true', { as: 'official' }), 200))).not.toContain(
      review.task.id,
    );
    const now = s.clock.now();
    s.clock.advance(11 * 24 * 3600_000);
    try {
      expect(ids(expectStatus(await s.api('GET', '/api/tasks?overdue=true', { as: 'official' }), 200))).toContain(
        review.task.id,
      );
    } finally {
      s.clock.set(now);
    }
    hit('get', '/api/tasks');
  });

  test('GET /api/tasks: one queue over all my teams, sorted by deadline or received, filters together', async () => {
    // A second task, received later, in the official's other team (a contact request).
    const other = await atMoney(s);
    expectStatus(
      await s.api('POST', `/api/cases/${other.id}/events`, {
        as: 'citizen',
        body: {
          type: 'person.requested',
          data: { question: 'Hoe lang duurt het?', channel: 'email', reach: 'a@b.nl' },
        },
      }),
      200,
    );
    const all = expectStatus(await s.api('GET', '/api/tasks', { as: 'official' }), 200);
    expect(new Set(all.map((t: any) => t.team))).toEqual(new Set(['belastingen', 'klantcontact']));
    const received = expectStatus(await s.api('GET', '/api/tasks?sort=received', { as: 'official' }), 200);
    const at = (list: any[]) => list.map((t: any) => t.createdAt);
    expect(at(received)).toEqual([...at(received)].sort());
    expect(received.length).toBe(all.length);
    const newest = expectStatus(await s.api('GET', '/api/tasks?sort=-received', { as: 'official' }), 200);
    expect(at(newest)).toEqual([...at(received)].reverse());
    const byDeadline = expectStatus(await s.api('GET', '/api/tasks?sort=deadline', { as: 'official' }), 200);
    expect(byDeadline.map((t: any) => t.id)).toEqual(all.map((t: any) => t.id));
    const due = byDeadline.map((t: any) => t.dueAt);
    const dated = due.filter((d: string | null) => d !== null);
    expect(due).toEqual([...dated.sort(), ...due.filter((d: string | null) => d === null)]);
    // Every filter at once: team + process + status + only mine + only overdue, sorted (a task of its own to claim).
    const held = (await atReview(s)).task;
    expectStatus(await s.api('POST', `/api/tasks/${held.id}/claim`, { as: 'official' }), 200);
    const now = s.clock.now();
    s.clock.advance(11 * 24 * 3600_000);
    try {
      const all5 = { team: 'belastingen', process: 'toeslag', status: 'claimed', assignee: 'me', overdue: 'true' };
      const list = async (q: Record<string, string>) =>
        expectStatus(
          await s.api('GET', `/api/tasks?${new URLSearchParams({ ...q, sort: '-received' })}`, { as: 'official' }),
          200,
        ).map((t: any) => t.id);
      expect(await list(all5)).toEqual([held.id]);
      // One filter that does not fit empties it: they are combined with AND.
      for (const change of [{ team: 'klantcontact' }, { process: 'ophalen' }, { status: 'open' }, { assignee: 'otto' }])
        expect(await list({ ...all5, ...change })).toEqual([]);
    } finally {
      s.clock.set(now);
    }
  });

  test('GET /api/tasks: 403 for a team that is not yours, 422 for an unknown status, overdue value or sort', async () => {
    await refused(s, 403, 'forbidden', 'GET', '/api/tasks?team=afval', { as: 'official' });
    const sort = await refused(s, 422, 'invalid-request', 'GET', '/api/tasks?sort=name', { as: 'official' });
    expect(sort.body.error.message).toBe("sort is deadline, received of -received, niet 'name'");
    expect(sort.body.error.details).toEqual({ sort: ['one of deadline, received, -received'] });
    const english = await refused(s, 422, 'invalid-request', 'GET', '/api/tasks?sort=due', {
      as: 'official',
      headers: { 'accept-language': 'en' },
    });
    expect(english.body.error.message).toBe("sort is deadline, received or -received, not 'due'");
    let res = await refused(s, 422, 'invalid-request', 'GET', '/api/tasks?status=lost', { as: 'official' });
    expect(Object.keys(res.body.error.details)).toEqual(['status']);
    res = await refused(s, 422, 'invalid-request', 'GET', '/api/tasks?overdue=maybe', { as: 'official' });
    expect(Object.keys(res.body.error.details)).toEqual(['overdue']);
  });

  test('GET /api/tasks/:id: one task with its ETag; 404 for another team or an unknown id', async () => {
    const res = await s.api('GET', `/api/tasks/${review.task.id}`, { as: 'official2' });
    expect(expectStatus(res, 200)).toMatchObject({ id: review.task.id, team: 'belastingen', status: 'open' });
    expect(res.headers.get('etag')).toBe('"0"');
    expect(expectStatus(await s.api('GET', `/api/tasks/${review.task.id}`, { as: 'admin' }), 200).id).toBe(
      review.task.id,
    );
    hit('get', '/api/tasks/:id');
    await refused(s, 404, 'not-found', 'GET', `/api/tasks/${review.task.id}`, { as: 'otherTeam' });
    await refused(s, 404, 'not-found', 'GET', '/api/tasks/00000000-0000-0000-0000-000000000000', { as: 'official' });
  });

  test('an official of another team gets 404 for the task on every task route, and for its case', async () => {
    const id = review.task.id;
    await refused(s, 404, 'not-found', 'POST', `/api/tasks/${id}/claim`, { as: 'otherTeam' });
    await refused(s, 404, 'not-found', 'POST', `/api/tasks/${id}/release`, { as: 'otherTeam' });
    await refused(s, 404, 'not-found', 'POST', `/api/tasks/${id}/complete`, {
      as: 'otherTeam',
      body: { outcome: 'toekennen' },
    });
    await refused(s, 404, 'not-found', 'GET', `/api/cases/${review.view.id}`, { as: 'otherTeam' });
    for (const action of ['claim', 'release'])
      await refused(s, 404, 'not-found', 'POST', `/api/tasks/nope/${action}`, { as: 'official' });
    await refused(s, 404, 'not-found', 'POST', '/api/tasks/nope/complete', {
      as: 'official',
      body: { outcome: 'toekennen' },
    });
  });

  test('claim and release: 409 task-claimed naming the holder, task-not-claimed, and an admin may release', async () => {
    const id = review.task.id;
    const claimed = await s.api('POST', `/api/tasks/${id}/claim`, { as: 'official' });
    expect(expectStatus(claimed, 200)).toMatchObject({ id, status: 'claimed', assignee: 'olaf', rev: 1 });
    expect(claimed.headers.get('etag')).toBe('"1"');
    hit('post', '/api/tasks/:id/claim');
    // Claiming again as the holder is harmless.
    expect(expectStatus(await s.api('POST', `/api/tasks/${id}/claim`, { as: 'official' }), 200)).toMatchObject({
      status: 'claimed',
      assignee: 'olaf',
      rev: 1,
    });

    let res = await refused(s, 409, 'task-claimed', 'POST', `/api/tasks/${id}/claim`, { as: 'official2' });
    expect(res.body.error.message).toContain('olaf');
    expect(res.body.error.details).toEqual({ assignee: 'olaf' });
    res = await refused(s, 409, 'task-claimed', 'POST', `/api/tasks/${id}/release`, { as: 'official2' });
    expect(res.body.error.message).toContain('olaf');
    res = await refused(s, 409, 'task-claimed', 'POST', `/api/tasks/${id}/complete`, {
      as: 'official2',
      body: { outcome: 'toekennen' },
    });
    expect(res.body.error.message).toContain('olaf');
    expect(expectStatus(await s.api('GET', `/api/tasks/${id}`, { as: 'official2' }), 200)).toMatchObject({
      status: 'claimed',
      assignee: 'olaf',
      rev: 1,
    });

    expect(expectStatus(await s.api('POST', `/api/tasks/${id}/release`, { as: 'official' }), 200)).toMatchObject({
      status: 'open',
      assignee: null,
      rev: 2,
    });
    hit('post', '/api/tasks/:id/release');
    await refused(s, 409, 'task-not-claimed', 'POST', `/api/tasks/${id}/release`, { as: 'official' });
    await refused(s, 409, 'stale-task', 'POST', `/api/tasks/${id}/claim`, {
      as: 'official2',
      headers: { 'if-match': '"1"' },
    });

    expectStatus(await s.api('POST', `/api/tasks/${id}/claim`, { as: 'official2' }), 200);
    expect(expectStatus(await s.api('POST', `/api/tasks/${id}/release`, { as: 'admin' }), 200)).toMatchObject({
      status: 'open',
      assignee: null,
    });
    expect(
      (await s.store.cases.audit(review.view.id))
        .filter((e) => e.type === 'task.claimed' || e.type === 'task.released')
        .map((e) => [e.type, e.actor]),
    ).toEqual([
      ['task.claimed', 'user:olaf'],
      ['task.released', 'user:olaf'],
      ['task.claimed', 'user:otto'],
      ['task.released', 'user:ada'],
    ]);
  });

  test('complete: 422 for a missing or unknown outcome and for outcome fields failing validation; nothing changes', async () => {
    const id = review.task.id;
    const url = `/api/tasks/${id}/complete`;
    let res = await refused(s, 422, 'invalid-request', 'POST', url, { as: 'official', body: {} });
    expect(Object.keys(res.body.error.details)).toEqual(['outcome']);
    res = await refused(s, 422, 'invalid-request', 'POST', url, {
      as: 'official',
      body: { outcome: 'afwijzen', data: 'nee', note: 1 },
    });
    expect(Object.keys(res.body.error.details).sort()).toEqual(['data', 'note']);
    res = await refused(s, 422, 'unknown-outcome', 'POST', url, { as: 'official', body: { outcome: 'misschien' } });
    expect(Object.keys(res.body.error.details)).toEqual(['outcome']);
    res = await refused(s, 422, 'invalid-answers', 'POST', url, { as: 'official', body: { outcome: 'afwijzen' } });
    expect(Object.keys(res.body.error.details)).toEqual(['reden']);
    res = await refused(s, 422, 'invalid-answers', 'POST', url, {
      as: 'official',
      body: { outcome: 'afwijzen', data: { reden: 'Te hoog', inkomen: 1 } },
    });
    expect(Object.keys(res.body.error.details)).toEqual(['inkomen']);
    await refused(s, 413, 'payload-too-large', 'POST', url, {
      as: 'official',
      body: { outcome: 'afwijzen', data: { reden: big() } },
    });
    await refused(s, 400, 'invalid-json', 'POST', url, { as: 'official', body: '{"outcome":' });
    await refused(s, 409, 'stale-task', 'POST', url, {
      as: 'official',
      body: { outcome: 'toekennen' },
      headers: { 'if-match': '"0"' },
    });
    const view = expectStatus(await s.api('GET', `/api/cases/${review.view.id}`, { as: 'citizen' }), 200);
    expect({ status: view.status, step: view.step.id }).toEqual({ status: 'active', step: 'beoordeling' });
  });

  test('complete: the case moves on; completing or claiming again is 409 task-closed', async () => {
    const { view, task } = await atReview(s);
    const res = await s.api('POST', `/api/tasks/${task.id}/complete`, {
      as: 'official2',
      body: { outcome: 'toekennen' },
    });
    expect(expectStatus(res, 200)).toMatchObject({
      id: task.id,
      status: 'completed',
      outcome: 'toekennen',
      assignee: 'otto',
    });
    expect(res.headers.get('etag')).toBe(`"${res.body.rev}"`);
    hit('post', '/api/tasks/:id/complete');
    const after = expectStatus(await s.api('GET', `/api/cases/${view.id}`, { as: 'citizen' }), 200);
    expect(after).toMatchObject({ status: 'ended', outcome: { outcome: 'granted' } });
    expect(after.messages.map((m: any) => m.subject)).toEqual(['Uw toeslag is toegekend', 'Toeslag toegekend']);
    await refused(s, 409, 'task-closed', 'POST', `/api/tasks/${task.id}/complete`, {
      as: 'official2',
      body: { outcome: 'afwijzen', data: { reden: 'toch niet' } },
    });
    await refused(s, 409, 'task-closed', 'POST', `/api/tasks/${task.id}/claim`, { as: 'official' });
    await refused(s, 409, 'task-not-claimed', 'POST', `/api/tasks/${task.id}/release`, { as: 'official2' });
  });
});

describe('who the citizen is: details, BSN, notes, documents, search', () => {
  const last4 = CITIZEN_BSN.slice(-4);
  test('GET /api/cases/:id/citizen: the BSN masked, what is known with its source, the documents sent; the read is logged', async () => {
    // A contact request with a phone number, and a document the citizen sent (stored as the pages store an upload).
    const c = await atMoney(s);
    expectStatus(
      await s.api('POST', `/api/cases/${c.id}/events`, {
        as: 'citizen',
        body: { type: 'person.requested', data: { question: 'Mag ik bellen?', channel: 'phone', reach: '0612345678' } },
      }),
      200,
    );
    const at = s.clock.now().toISOString();
    await s.store.files.put({
      id: 'f-sent',
      caseId: c.id,
      field: 'bewijs',
      name: 'loon strook.pdf',
      type: 'application/pdf',
      data: PDF,
      at,
    });
    await s.store.files.markSent(c.id, ['f-sent'], at);
    await s.store.files.put({
      id: 'f-draft',
      caseId: c.id,
      field: 'bewijs',
      name: 'concept.pdf',
      type: 'application/pdf',
      data: PDF,
      at,
    });
    const who = expectStatus(await s.api('GET', `/api/cases/${c.id}/citizen`, { as: 'official' }), 200);
    expect(who.bsn).toBe(`*****${last4}`);
    expect(JSON.stringify(who)).not.toContain(CITIZEN_BSN);
    expect(who.known).toContainEqual({ kind: 'phone', value: '0612345678', source: 'contact' });
    expect(who.documents).toEqual([
      {
        id: 'f-sent',
        field: 'bewijs',
        label: 'bewijs',
        name: 'loon strook.pdf',
        type: 'application/pdf',
        size: PDF.length,
        sentAt: at,
      },
    ]);
    hit('get', '/api/cases/:id/citizen');
    const reads = await s.store.reads.forCase(c.id);
    expect(reads.map((r: any) => r.data)).toContain('citizen');

    // The document as it was sent, named safely; a draft's file and another case's are 404; the read is logged.
    const doc = await fetch(`${s.base}/api/cases/${c.id}/documents/f-sent`, {
      headers: { authorization: `Bearer ${s.tokens.official}` },
    });
    expect(doc.status).toBe(200);
    expect(doc.headers.get('content-type')).toBe('application/pdf');
    expect(doc.headers.get('content-disposition')).toBe('attachment; filename="loon_strook.pdf"');
    expect(doc.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await doc.arrayBuffer()).equals(PDF)).toBe(true);
    hit('get', '/api/cases/:id/documents/:fileId');
    expect((await s.store.reads.forCase(c.id)).map((r: any) => r.data)).toContain('document');
    await refused(s, 404, 'not-found', 'GET', `/api/cases/${c.id}/documents/f-draft`, { as: 'official' });
    await refused(s, 404, 'not-found', 'GET', `/api/cases/${review.view.id}/documents/f-sent`, { as: 'official' });
    // Only staff who may see the case: another team's official gets 404, a citizen (even its own) and a designer 403.
    await refused(s, 404, 'not-found', 'GET', `/api/cases/${c.id}/documents/f-sent`, { as: 'otherTeam' });
    await refused(s, 404, 'not-found', 'GET', `/api/cases/${c.id}/citizen`, { as: 'otherTeam' });
    await refused(s, 403, 'forbidden', 'GET', `/api/cases/${c.id}/documents/f-sent`, { as: 'citizen' });
    await refused(s, 403, 'forbidden', 'GET', `/api/cases/${c.id}/citizen`, { as: 'designer' });
    await refused(s, 422, 'invalid-purpose', 'GET', `/api/cases/${c.id}/citizen`, {
      as: 'official',
      headers: { 'x-purpose': ' ' },
    });
  });

  test('POST /api/cases/:id/citizen/bsn reveals the BSN; every reveal is in the security log and the read log', async () => {
    const before = (await s.store.security.list({ kind: 'bsn.revealed', limit: 100 })).length;
    const res = expectStatus(await s.api('POST', `/api/cases/${review.view.id}/citizen/bsn`, { as: 'official' }), 200);
    expect(res).toEqual({ bsn: CITIZEN_BSN });
    expectStatus(await s.api('POST', `/api/cases/${review.view.id}/citizen/bsn`, { as: 'official2' }), 200);
    const logged = await s.store.security.list({ kind: 'bsn.revealed', limit: 100 });
    expect(logged.length).toBe(before + 2);
    expect(logged[0]).toMatchObject({
      account: 'otto',
      details: { case: review.view.id, reference: review.view.reference },
    });
    expect(logged[1]).toMatchObject({ account: 'olaf' });
    expect((await s.store.reads.forCase(review.view.id)).map((r: any) => r.data)).toContain('bsn');
    hit('post', '/api/cases/:id/citizen/bsn');
    // Refused: another team (404, not logged), a citizen or a designer (403).
    await refused(s, 404, 'not-found', 'POST', `/api/cases/${review.view.id}/citizen/bsn`, { as: 'otherTeam' });
    await refused(s, 403, 'forbidden', 'POST', `/api/cases/${review.view.id}/citizen/bsn`, { as: 'citizen' });
    expect((await s.store.security.list({ kind: 'bsn.revealed', limit: 100 })).length).toBe(before + 2);
  });

  test('POST and GET /api/cases/:id/notes: internal notes, oldest first; never in what the citizen reads', async () => {
    const id = review.view.id;
    const added = expectStatus(
      await s.api('POST', `/api/cases/${id}/notes`, {
        as: 'official',
        body: { text: '  Inwoner belde: loonstrook volgt.  ' },
      }),
      201,
    );
    expect(added).toMatchObject({ id: expect.any(Number), text: 'Inwoner belde: loonstrook volgt.', author: 'olaf' });
    hit('post', '/api/cases/:id/notes');
    expectStatus(
      await s.api('POST', `/api/cases/${id}/notes`, { as: 'official2', body: { text: 'Gebeld, geen gehoor.' } }),
      201,
    );
    const notes = expectStatus(await s.api('GET', `/api/cases/${id}/notes`, { as: 'official2' }), 200);
    expect(notes.map((n: any) => [n.author, n.text])).toEqual([
      ['olaf', 'Inwoner belde: loonstrook volgt.'],
      ['otto', 'Gebeld, geen gehoor.'],
    ]);
    hit('get', '/api/cases/:id/notes');
    // The citizen's case view holds no note; the notes route is not theirs.
    const own = expectStatus(await s.api('GET', `/api/cases/${id}`, { as: 'citizen' }), 200);
    expect(JSON.stringify(own)).not.toContain('loonstrook volgt');
    await refused(s, 403, 'forbidden', 'GET', `/api/cases/${id}/notes`, { as: 'citizen' });
    await refused(s, 403, 'forbidden', 'POST', `/api/cases/${id}/notes`, { as: 'citizen', body: { text: 'x' } });
    await refused(s, 404, 'not-found', 'GET', `/api/cases/${id}/notes`, { as: 'otherTeam' });
    await refused(s, 404, 'not-found', 'POST', `/api/cases/${id}/notes`, { as: 'otherTeam', body: { text: 'x' } });
    // Bad input: empty, too long, unknown keys.
    for (const body of [{ text: '   ' }, { text: 'x'.repeat(4001) }, { text: 'x', secret: true }, {}]) {
      const res = await refused(s, 422, 'invalid-request', 'POST', `/api/cases/${id}/notes`, { as: 'official', body });
      expect(res.body.error.details).toBeTypeOf('object');
    }
  });

  test('GET /api/case-search: by reference or by BSN, only cases you may see; a BSN search is logged; bad searches 422', async () => {
    const byRef = expectStatus(
      await s.api('GET', `/api/case-search?q=${encodeURIComponent(review.view.reference.toLowerCase())}`, {
        as: 'official',
      }),
      200,
    );
    expect(byRef).toEqual([
      {
        id: review.view.id,
        reference: review.view.reference,
        process: { key: 'toeslag', title: 'Toeslag aanvragen' },
        status: 'active',
        bsn: `*****${last4}`,
        createdAt: expect.any(String),
        task: { id: review.task.id, team: 'belastingen', status: expect.any(String) },
      },
    ]);
    hit('get', '/api/case-search');
    const byBsn = expectStatus(await s.api('GET', `/api/case-search?q=${CITIZEN_BSN}`, { as: 'official' }), 200);
    expect(byBsn.map((c: any) => c.id)).toContain(review.view.id);
    expect(JSON.stringify(byBsn)).not.toContain(CITIZEN_BSN);
    expect((await s.store.security.list({ kind: 'bsn.searched', limit: 1 }))[0]).toMatchObject({
      account: 'olaf',
      details: { bsn: CITIZEN_BSN },
    });
    // Another team sees none of them; an unknown reference finds nothing.
    expect(expectStatus(await s.api('GET', `/api/case-search?q=${CITIZEN_BSN}`, { as: 'otherTeam' }), 200)).toEqual([]);
    expect(expectStatus(await s.api('GET', '/api/case-search?q=OMS-0000-0000', { as: 'official' }), 200)).toEqual([]);
    for (const q of ['', '123456789', 'x'.repeat(41)]) {
      const res = await refused(s, 422, 'invalid-request', 'GET', `/api/case-search?q=${q}`, { as: 'official' });
      expect(Object.keys(res.body.error.details)).toEqual(['q']);
    }
    const bad = await refused(s, 422, 'invalid-request', 'GET', `/api/case-search?q=${BAD_BSN}`, {
      as: 'official',
      headers: { 'accept-language': 'en' },
    });
    expect(bad.body.error.message).toBe('this BSN is not right (elfproef); check the 9 digits');
    await refused(s, 403, 'forbidden', 'GET', `/api/case-search?q=${CITIZEN_BSN}`, { as: 'citizen' });
    await refused(s, 403, 'forbidden', 'GET', `/api/case-search?q=${CITIZEN_BSN}`, { as: 'designer' });
  });
});

describe('signals', () => {
  test('POST /api/signals: an admin sends a fact; nothing waits for it here, so nothing moves', async () => {
    const before = await dbState(s);
    expect(
      expectStatus(
        await s.api('POST', '/api/signals', {
          as: 'admin',
          body: { type: 'register.verhuisd', subject: CITIZEN_BSN, data: {} },
        }),
        200,
      ),
    ).toEqual({ moved: [], started: [], skipped: [] });
    expect(await dbState(s)).toEqual(before);
    hit('post', '/api/signals');
  });

  test('POST /api/signals: 422 with details for an elfproef-failing subject, a bad type, missing or unknown keys', async () => {
    const cases: [unknown, string[]][] = [
      [{ type: 'register.verhuisd', subject: BAD_BSN }, ['subject']],
      [{ type: 'register.verhuisd', subject: 999993653 }, ['subject']],
      [{ type: 'Register Verhuisd!', subject: CITIZEN_BSN }, ['type']],
      [{}, ['subject', 'type']],
      [{ type: 'register.verhuisd', subject: CITIZEN_BSN, data: [1] }, ['data']],
      [{ type: 'register.verhuisd', subject: CITIZEN_BSN, bsn: CITIZEN_BSN }, ['bsn']],
    ];
    for (const [body, keys] of cases) {
      const res = await refused(s, 422, 'invalid-request', 'POST', '/api/signals', { as: 'admin', body });
      expect(Object.keys(res.body.error.details).sort(), JSON.stringify(body)).toEqual(keys);
    }
    await refused(s, 400, 'invalid-json', 'POST', '/api/signals', { as: 'admin', body: 'type=x' });
    await refused(s, 413, 'payload-too-large', 'POST', '/api/signals', {
      as: 'admin',
      body: { type: 'x', subject: CITIZEN_BSN, data: { x: big() } },
    });
  });
});

describe('workspace routes', () => {
  test('session: sign in with a password, read it, sign out; wrong passwords are 401', async () => {
    await s.store.accounts.setPassword((await s.store.accounts.userByName('olaf'))!.id, 'correct horse battery');
    await refused(s, 401, 'invalid-credentials', 'POST', '/api/session', {
      body: { name: 'olaf', password: 'wrong password' },
    });
    await refused(s, 401, 'invalid-credentials', 'POST', '/api/session', {
      body: { name: 'nobody', password: 'correct horse battery' },
    });
    const signIn = await s.api('POST', '/api/session', { body: { name: 'olaf', password: 'correct horse battery' } });
    const { csrf, user, can } = expectStatus(signIn, 200);
    expect(user).toEqual({ name: 'olaf', role: 'official', teams: ['belastingen', 'klantcontact'] });
    const cookie = signIn.headers.get('set-cookie')!.split(';')[0];
    expect(signIn.headers.get('set-cookie')).toMatch(/HttpOnly/i);
    expect(signIn.headers.get('set-cookie')).toMatch(/SameSite=Strict/i);
    hit('post', '/api/session');
    // What an official may do, by the server's policies (runtime/auth): no designing, no drafts.
    expect(can).toEqual({ design: false, seeDrafts: false });
    expect(expectStatus(await s.api('GET', '/api/session', { headers: { cookie } }), 200)).toEqual({ user, csrf, can });
    hit('get', '/api/session');
    // The cookie works for reading; a change needs the CSRF header too.
    expect(expectStatus(await s.api('GET', '/api/tasks/counts', { headers: { cookie } }), 200)).toHaveProperty('open');
    await refused(s, 403, 'csrf', 'POST', `/api/tasks/${review.task.id}/claim`, { headers: { cookie } });
    await refused(s, 403, 'csrf', 'POST', `/api/tasks/${review.task.id}/claim`, {
      headers: { cookie, 'x-csrf-token': 'guess' },
    });
    // A password session ends here only: no provider to send the browser to.
    expect(
      expectStatus(await s.api('POST', '/api/session/end', { headers: { cookie, 'x-csrf-token': csrf } }), 200),
    ).toEqual({ endSessionUrl: null });
    hit('post', '/api/session/end');
    await refused(s, 401, 'unauthenticated', 'GET', '/api/session', { headers: { cookie } });
    // The two wrong passwords are in the security log (the name only where the account exists).
    const log = expectStatus(await s.api('GET', '/api/security-log?kind=signin.failed', { as: 'admin' }), 200);
    expect(log.entries.map((e: { account: string | null }) => e.account)).toEqual([null, 'olaf']);
    hit('get', '/api/security-log');
  });

  test('sign-in providers, and staff sign-in at the organisation provider: begin and callback', async () => {
    // This server has the stand-in and no staff provider.
    expect(expectStatus(await s.api('GET', '/api/session/providers'), 200)).toEqual({ staff: false, devSignIn: true });
    hit('get', '/api/session/providers');
    await refused(s, 404, 'not-found', 'GET', '/api/session/oidc');
    // A second server with a staff provider (the real test provider) walks the flow.
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const provider = await startTestProvider({
      clients: [
        {
          clientId: 'omslag-werk',
          clientSecret: 'geheim',
          redirectUris: [`${base}/api/session/oidc/callback`],
          postLogoutRedirectUris: [`${base}/werkplek/`],
        },
      ],
      users: [{ sub: 'fee', claims: { preferred_username: 'fee', roles: ['official'], groups: ['belastingen'] } }],
    });
    const withProvider = await startTestServer({
      port,
      auth: readAuthSettings({
        PUBLIC_URL: base,
        STAFF_OIDC_ISSUER: provider.issuer,
        STAFF_OIDC_CLIENT_ID: 'omslag-werk',
        STAFF_OIDC_CLIENT_SECRET: 'geheim',
      }),
    });
    try {
      const agent = webAgent();
      const start = await agent.get(`${base}/api/session/oidc?terug=/werkplek/`);
      expect(start.status).toBe(303);
      hit('get', '/api/session/oidc');
      const login = await agent.follow(start);
      const back = await agent.loginAtProvider(login.page, 'fee');
      const callback = back.hops.find((h) => h.url.startsWith(`${base}/api/session/oidc/callback`))!;
      expect(callback.status).toBe(303);
      expect(callback.location).toBe(`${base}/werkplek/`);
      hit('get', '/api/session/oidc/callback');
      const me = await agent.get(`${base}/api/session`);
      expect(JSON.parse(me.text).user).toEqual({ name: 'fee', role: 'official', teams: ['belastingen'] });
    } finally {
      await withProvider.close();
      await provider.close();
    }
  });

  test('PUT /api/users/:name: an admin maps role and teams (makes the user when new); bad input is 422', async () => {
    const made = await s.api('PUT', '/api/users/nieuwe-collega', {
      as: 'admin',
      body: { role: 'official', teams: ['afval'] },
    });
    expect(expectStatus(made, 201)).toEqual({
      name: 'nieuwe-collega',
      role: 'official',
      teams: ['afval'],
      email: null,
    });
    hit('put', '/api/users/:name');
    expect(
      expectStatus(
        await s.api('PUT', '/api/users/nieuwe-collega', { as: 'admin', body: { role: 'designer', teams: [] } }),
        200,
      ),
    ).toEqual({ name: 'nieuwe-collega', role: 'designer', teams: [], email: null });
    await refused(s, 422, 'invalid-request', 'PUT', '/api/users/nieuwe-collega', {
      as: 'admin',
      body: { role: 'citizen', teams: [] },
    });
    await refused(s, 422, 'invalid-request', 'PUT', `/api/users/${'x'.repeat(101)}`, {
      as: 'admin',
      body: { role: 'official', teams: [] },
    });
  });

  test('GET, POST and DELETE /api/teams: a managed list; a user is only put in teams that exist', async () => {
    const listed = expectStatus(await s.api('GET', '/api/teams', { as: 'official' }), 200);
    // The test server's users named these teams before the list had them: they are in it (store: ensureTeams).
    expect(listed.map((t: any) => t.id)).toEqual(expect.arrayContaining(['afval', 'belastingen', 'klantcontact']));
    expect(listed.find((t: any) => t.id === 'belastingen')).toEqual({
      id: 'belastingen',
      name: 'belastingen',
      members: expect.any(Number),
    });
    expect(listed.find((t: any) => t.id === 'belastingen').members).toBeGreaterThanOrEqual(2);
    hit('get', '/api/teams');
    expect(expectStatus(await s.api('GET', '/api/teams', { as: 'designer' }), 200)).toEqual(listed);

    expect(
      expectStatus(
        await s.api('POST', '/api/teams', { as: 'admin', body: { id: 'vergunningen', name: 'Vergunningen' } }),
        201,
      ),
    ).toEqual({ id: 'vergunningen', name: 'Vergunningen', members: 0 });
    hit('post', '/api/teams');
    expect(expectStatus(await s.api('GET', '/api/teams', { as: 'official' }), 200)).toContainEqual({
      id: 'vergunningen',
      name: 'Vergunningen',
      members: 0,
    });
    const twice = await refused(s, 409, 'team-exists', 'POST', '/api/teams', {
      as: 'admin',
      body: { id: 'vergunningen', name: 'Nog een keer' },
    });
    expect(twice.body.error.message).toContain('vergunningen');
    const badId = await refused(s, 422, 'invalid-request', 'POST', '/api/teams', {
      as: 'admin',
      body: { id: 'Ver gunningen', name: 'Vergunningen' },
    });
    expect(Object.keys(badId.body.error.details)).toEqual(['id']);
    await refused(s, 403, 'forbidden', 'POST', '/api/teams', {
      as: 'official',
      body: { id: 'eigen-team', name: 'Eigen team' },
    });

    // A user's teams must exist: the answer names the unknown one, and nothing changes.
    const typo = await refused(s, 422, 'unknown-team', 'PUT', '/api/users/otto', {
      as: 'admin',
      body: { role: 'official', teams: ['belastingen', 'inkomn'] },
    });
    expect(typo.body.error.details.unknownTeams).toEqual(['inkomn']);
    expect(typo.body.error.message).toMatch(/bestaat niet: inkomn/);
    expect((await s.store.accounts.userByName('otto'))!.teams).toEqual(['belastingen']);
    const english = await s.api('PUT', '/api/users/otto?lang=en', {
      as: 'admin',
      body: { role: 'official', teams: ['inkomn'] },
    });
    expect(english.body.error.message).toMatch(/does not exist: inkomn/);

    // In use: refused with what to do first.
    const inUse = await refused(s, 409, 'team-in-use', 'DELETE', '/api/teams/belastingen', { as: 'admin' });
    expect(inUse.body.error.message).toMatch(/belastingen/);
    expect(inUse.body.error.details.users).toEqual(expect.arrayContaining(['olaf', 'otto']));
    expect((await s.api('DELETE', '/api/teams/vergunningen', { as: 'admin' })).status).toBe(204);
    hit('delete', '/api/teams/:id');
    expect(expectStatus(await s.api('GET', '/api/teams', { as: 'official' }), 200).map((t: any) => t.id)).not.toContain(
      'vergunningen',
    );
    await refused(s, 404, 'not-found', 'DELETE', '/api/teams/vergunningen', { as: 'admin' });
  });

  test('counts and team members', async () => {
    const counts = expectStatus(await s.api('GET', '/api/tasks/counts?team=belastingen', { as: 'official' }), 200);
    expect(counts).toEqual({
      open: expect.any(Number),
      claimed: expect.any(Number),
      mine: expect.any(Number),
      overdue: expect.any(Number),
      dueToday: expect.any(Number),
    });
    expect(counts.open + counts.claimed).toBeGreaterThanOrEqual(1);
    hit('get', '/api/tasks/counts');
    await refused(s, 403, 'forbidden', 'GET', '/api/tasks/counts?team=afval', { as: 'official' });
    expect(
      expectStatus(await s.api('GET', '/api/teams/belastingen/members', { as: 'official' }), 200)
        .map((m: any) => m.name)
        .sort(),
    ).toEqual(['olaf', 'otto']);
    hit('get', '/api/teams/:team/members');
    await refused(s, 403, 'forbidden', 'GET', '/api/teams/afval/members', { as: 'official' });
  });

  test('assign to a member or another team; four-eyes proposals are approved by a second official only', async () => {
    const r = await atReview(s);
    await refused(s, 422, 'invalid-request', 'POST', `/api/tasks/${r.task.id}/assign`, {
      as: 'official',
      body: { user: 'wim' },
    });
    await refused(s, 422, 'invalid-request', 'POST', `/api/tasks/${r.task.id}/assign`, {
      as: 'official',
      body: { user: 'otto', team: 'afval' },
    });
    expect(
      expectStatus(
        await s.api('POST', `/api/tasks/${r.task.id}/assign`, { as: 'official', body: { user: 'otto' } }),
        200,
      ),
    ).toMatchObject({ status: 'claimed', assignee: 'otto' });
    hit('post', '/api/tasks/:id/assign');
    expect(
      (await s.store.cases.audit(r.view.id)).filter((e) => e.type === 'task.assigned').map((e) => [e.actor, e.data.to]),
    ).toEqual([['user:olaf', 'otto']]);
    // The toeslag fixture has no four-eyes outcome: no proposal to approve.
    await refused(s, 409, 'no-proposal', 'POST', `/api/tasks/${r.task.id}/approve`, { as: 'official' });
    await refused(s, 409, 'no-proposal', 'POST', `/api/tasks/${r.task.id}/reject-proposal`, {
      as: 'official',
      body: {},
    });

    const vierOgen = {
      key: 'vier-ogen',
      title: 'Vier ogen',
      start: 'vraag',
      contact: { team: 'klantcontact' },
      steps: {
        vraag: {
          kind: 'form',
          title: 'Vraag',
          fields: [{ id: 'bedrag', label: 'Bedrag', type: 'money', required: true }],
          next: 'besluit',
        },
        besluit: {
          kind: 'handoff',
          title: 'Besluit',
          team: 'belastingen',
          due: { workingDays: 3 },
          outcomes: [{ id: 'toekennen', label: 'Toekennen', goto: 'klaar', fourEyes: true }],
        },
        klaar: { kind: 'end', title: 'Klaar', outcome: 'granted', message: 'Toegekend.' },
      },
    };
    expect(
      expectStatus(await s.api('PUT', '/api/processes/vier-ogen/draft', { as: 'designer', body: vierOgen }), 200)
        .problems,
    ).toEqual([]);
    expectStatus(await s.api('POST', '/api/processes/vier-ogen/publish', { as: 'designer' }), 201);
    const c = expectStatus(await s.api('POST', '/api/processes/vier-ogen/cases', { as: 'citizen', body: {} }), 201);
    expectStatus(
      await s.api('POST', `/api/cases/${c.id}/events`, {
        as: 'citizen',
        body: { type: 'submit', data: { bedrag: '5000' } },
      }),
      200,
    );
    const task = expectStatus(await s.api('GET', '/api/tasks?process=vier-ogen', { as: 'official' }), 200)[0];
    const proposed = await s.api('POST', `/api/tasks/${task.id}/complete`, {
      as: 'official',
      body: { outcome: 'toekennen', message: 'Goed nieuws.' },
    });
    expect(expectStatus(proposed, 202)).toMatchObject({
      status: 'claimed',
      assignee: 'olaf',
      proposal: { outcome: 'toekennen', outcomeLabel: 'Toekennen', proposedBy: 'olaf', message: 'Goed nieuws.' },
    });
    await refused(s, 409, 'four-eyes', 'POST', `/api/tasks/${task.id}/approve`, { as: 'official' });
    await refused(s, 409, 'awaiting-approval', 'POST', `/api/tasks/${task.id}/complete`, {
      as: 'official',
      body: { outcome: 'toekennen' },
    });
    expect(
      expectStatus(
        await s.api('POST', `/api/tasks/${task.id}/reject-proposal`, {
          as: 'official2',
          body: { note: 'Eerst de stukken zien.' },
        }),
        200,
      ).proposal,
    ).toBeNull();
    hit('post', '/api/tasks/:id/reject-proposal');
    expectStatus(
      await s.api('POST', `/api/tasks/${task.id}/complete`, {
        as: 'official',
        body: { outcome: 'toekennen', message: 'Goed nieuws.' },
      }),
      202,
    );
    expect(expectStatus(await s.api('GET', `/api/cases/${c.id}`, { as: 'citizen' }), 200).status).toBe('active');
    expect(expectStatus(await s.api('POST', `/api/tasks/${task.id}/approve`, { as: 'official2' }), 200)).toMatchObject({
      status: 'completed',
      outcome: 'toekennen',
      proposal: null,
    });
    hit('post', '/api/tasks/:id/approve');
    const done = expectStatus(await s.api('GET', `/api/cases/${c.id}`, { as: 'citizen' }), 200);
    expect(done.outcome).toMatchObject({ outcome: 'granted' });
    expect(done.messages.map((m: any) => m.body)).toContain('Goed nieuws.');
    expect(
      (await s.store.cases.audit(c.id)).filter((e) => e.type.startsWith('outcome.')).map((e) => [e.type, e.actor]),
    ).toEqual([
      ['outcome.proposed', 'user:olaf'],
      ['outcome.rejected', 'user:otto'],
      ['outcome.proposed', 'user:olaf'],
      ['outcome.approved', 'user:otto'],
    ]);
  });
});

describe('proactive routes', () => {
  test('scan a register (CSV and JSON Lines, dry run first), take-up report, opt-out and opt-in', async () => {
    const csv = 'bsn,inkomen\n111222333,900\n999993653,2400\n123456789,900\n';
    const post = (query: string, body: string, type: string) =>
      fetch(`${s.base}/api/processes/pas/scan${query}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${s.tokens.admin}`, 'content-type': type },
        body,
      });
    const dry = await post('?dryRun=true', csv, 'text/csv');
    expect(dry.status).toBe(200);
    expect(await dry.json()).toEqual({
      rows: 3,
      invalid: 1,
      eligible: 1,
      started: 1,
      alreadyServed: 0,
      optedOut: 0,
      notEligible: 1,
      errors: 0,
      scan: null,
      dryRun: true,
    });
    const real = await (await post('', csv, 'text/csv')).json();
    expect(real).toMatchObject({ started: 1, dryRun: false });
    const again = await (await post('', '{"bsn":"111222333","inkomen":900}\n', 'application/x-ndjson')).json();
    expect(again).toMatchObject({ rows: 1, started: 0, alreadyServed: 1 });
    hit('post', '/api/processes/:key/scan');
    // Asked for JSON Lines: its progress as it runs (rows read of the total, eligible, started, time left), then the counts.
    const streamed = await fetch(`${s.base}/api/processes/pas/scan?dryRun=true`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${s.tokens.admin}`,
        'content-type': 'text/csv',
        accept: 'application/x-ndjson',
      },
      body: csv,
    });
    expect(streamed.status).toBe(200);
    expect(streamed.headers.get('content-type')).toMatch(/^application\/x-ndjson/);
    const lines = (await streamed.text())
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines[0]).toMatchObject({ type: 'progress', rows: 0, total: 3, eligible: 0, started: 0, done: false });
    expect(lines.at(-2)).toMatchObject({ type: 'progress', rows: 3, total: 3, eligible: 1, leftMs: 0, done: true });
    expect(lines.at(-1)).toEqual({ type: 'result', ...(await (await post('?dryRun=true', csv, 'text/csv')).json()) });
    // A designer may try the triggers on an extract (a dry run) but not start cases.
    const asDesigner = (query: string) =>
      fetch(`${s.base}/api/processes/pas/scan${query}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${s.tokens.designer}`, 'content-type': 'text/csv' },
        body: csv,
      });
    expect((await asDesigner('?dryRun=true')).status).toBe(200);
    const refusedDesigner = await asDesigner('');
    expect(refusedDesigner.status).toBe(403);
    expect((await refusedDesigner.json()).error.code).toBe('forbidden');
    // A refusal before the scan begins is an ordinary error answer, not a stream.
    const missing = await fetch(`${s.base}/api/processes/bestaat-niet/scan`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${s.tokens.admin}`,
        'content-type': 'text/csv',
        accept: 'application/x-ndjson',
      },
      body: csv,
    });
    expect(missing.status).toBe(404);
    expect((await missing.json()).error.code).toBe('not-found');
    expect((await post('', csv, 'text/plain')).status).toBe(415);
    expect(
      (
        await fetch(`${s.base}/api/processes/bestaat-niet/scan`, {
          method: 'POST',
          headers: { authorization: `Bearer ${s.tokens.admin}`, 'content-type': 'text/csv' },
          body: csv,
        })
      ).status,
    ).toBe(404);

    const takeUp = expectStatus(await s.api('GET', '/api/processes/pas/take-up', { as: 'designer' }), 200);
    expect(takeUp).toMatchObject({ process: 'pas', eligible: 1, reached: 1, granted: 0, declined: 0, open: 1 });
    hit('get', '/api/processes/:key/take-up');

    expect(expectStatus(await s.api('POST', '/api/processes/pas/opt-out', { as: 'citizen' }), 200)).toEqual({
      process: 'pas',
      optedOut: true,
    });
    hit('post', '/api/processes/:key/opt-out');
    const ignored = expectStatus(
      await s.api('POST', '/api/signals', {
        as: 'admin',
        body: { type: 'inkomen.vastgesteld', subject: CITIZEN_BSN, data: { inkomen: 800 } },
      }),
      200,
    );
    expect(ignored).toMatchObject({ started: [], skipped: [{ process: 'pas', reason: 'opted-out' }] });
    expect(expectStatus(await s.api('POST', '/api/processes/pas/opt-in', { as: 'citizen' }), 200)).toEqual({
      process: 'pas',
      optedOut: false,
    });
    hit('post', '/api/processes/:key/opt-in');
    await refused(s, 404, 'not-found', 'POST', '/api/processes/bestaat-niet/opt-out', { as: 'citizen' });
  });
});

describe('insight routes', () => {
  test('figures for designers; feedback once per case from its citizen', async () => {
    const figures = expectStatus(
      await s.api('GET', '/api/processes/toeslag/insights?version=1&inactiveDays=7', { as: 'designer' }),
      200,
    );
    expect(figures).toMatchObject({ process: 'toeslag', version: 1, cases: { started: expect.any(Number) } });
    expect(figures.steps.find((x: any) => x.step === 'huishouden').entered).toBeGreaterThan(0);
    hit('get', '/api/processes/:key/insights');
    await refused(s, 422, 'invalid-request', 'GET', '/api/processes/toeslag/insights?version=x', { as: 'designer' });
    await refused(s, 404, 'not-found', 'GET', '/api/processes/toeslag/insights?version=99', { as: 'designer' });
    await refused(s, 422, 'invalid-request', 'GET', '/api/processes/toeslag/insights?from=gisteren', {
      as: 'designer',
    });
    // The weekly series: Monday-first weeks of the period, empty weeks as zeros, agreeing with the period's totals.
    const today = s.clock.now().toISOString().slice(0, 10);
    const weekly = expectStatus(
      await s.api('GET', `/api/processes/toeslag/insights?version=1&from=2020-01-06&to=${today}T23:59:59Z`, {
        as: 'designer',
      }),
      200,
    );
    expect(weekly.weeks).toHaveLength(104);
    for (const w of weekly.weeks) expect(new Date(`${w.week}T12:00:00Z`).getUTCDay()).toBe(1);
    expect(weekly.weeks.reduce((n: number, w: { started: number }) => n + w.started, 0)).toBe(
      figures.weeks.reduce((n: number, w: { started: number }) => n + w.started, 0),
    );
    expect(figures.weeks.at(-1).started).toBeGreaterThan(0);
    const refusal = await refused(
      s,
      422,
      'invalid-request',
      'GET',
      '/api/processes/toeslag/insights?from=2026-03-10&to=2026-03-01',
      { as: 'designer' },
    );
    expect(refusal.body.error.message).toMatch(/from/);
    expect(refusal.body.error.details).toEqual({ from: ['before to'] });

    const own = expectStatus(await s.api('POST', '/api/processes/ophalen/cases', { as: 'citizen', body: {} }), 201);
    await refused(s, 422, 'invalid-request', 'POST', `/api/cases/${own.id}/feedback`, {
      as: 'citizen',
      body: { score: 9 },
    });
    expect(
      expectStatus(
        await s.api('POST', `/api/cases/${own.id}/feedback`, {
          as: 'citizen',
          body: { score: 4, comment: 'Duidelijk' },
        }),
        201,
      ),
    ).toEqual({ case: own.id, score: 4 });
    hit('post', '/api/cases/:id/feedback');
    await refused(s, 409, 'feedback-given', 'POST', `/api/cases/${own.id}/feedback`, {
      as: 'citizen',
      body: { score: 5 },
    });
    await refused(s, 404, 'not-found', 'POST', `/api/cases/${own.id}/feedback`, { as: 'citizenB', body: { score: 5 } });
    expect(
      expectStatus(await s.api('GET', '/api/processes/ophalen/insights', { as: 'admin' }), 200).feedback,
    ).toMatchObject({ count: 1, average: 4 });
  });

  test('migrate: a dry run lists, a run moves; bad versions and mappings are 404/422', async () => {
    const def = toeslagJson();
    def.steps.geldzaken.title = 'Geld';
    expectStatus(await s.api('PUT', '/api/processes/toeslag/draft', { as: 'designer', body: def }), 200);
    const v = expectStatus(await s.api('POST', '/api/processes/toeslag/publish', { as: 'designer' }), 201).version;
    const dry = expectStatus(
      await s.api('POST', '/api/processes/toeslag/migrate', { as: 'designer', body: { from: 1, to: v, dryRun: true } }),
      200,
    );
    expect(dry.dryRun).toBe(true);
    expect(dry.movable.length).toBeGreaterThan(0);
    const run = expectStatus(
      await s.api('POST', '/api/processes/toeslag/migrate', { as: 'designer', body: { from: 1, to: v } }),
      200,
    );
    expect(run.moved).toBe(dry.movable.length);
    hit('post', '/api/processes/:key/migrate');
    await refused(s, 422, 'invalid-request', 'POST', '/api/processes/toeslag/migrate', {
      as: 'designer',
      body: { from: v, to: 1 },
    });
    await refused(s, 422, 'invalid-request', 'POST', '/api/processes/toeslag/migrate', {
      as: 'designer',
      body: { from: 1, to: v, mapping: { nergens: 'huishouden' } },
    });
    await refused(s, 404, 'not-found', 'POST', '/api/processes/toeslag/migrate', {
      as: 'designer',
      body: { from: 1, to: 99 },
    });
  });
});

describe('interchange routes', () => {
  test('a version as Mermaid; a BPMN file imported into a draft with its problems and what was not mapped', async () => {
    const mermaid = await fetch(`${s.base}/api/processes/toeslag/versions/1/mermaid`, {
      headers: { authorization: `Bearer ${s.tokens.designer}` },
    });
    expect(mermaid.status).toBe(200);
    expect(mermaid.headers.get('content-type')).toMatch(/^text\/vnd\.mermaid/);
    const text = await mermaid.text();
    expect(text).toMatch(/^stateDiagram-v2/);
    expect(text).toContain('[*] --> huishouden');
    hit('get', '/api/processes/:key/versions/:version/mermaid');

    const xml = readFileSync(new URL('../../fixtures/bpmn/melding-servicetaak.bpmn', import.meta.url), 'utf8');
    const post = (query: string, body: string, type = 'application/xml') =>
      fetch(`${s.base}/api/processes/import/bpmn${query}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${s.tokens.designer}`, 'content-type': type },
        body,
      });
    const imported = await post('?key=melding-import', xml);
    expect(imported.status).toBe(201);
    const body = await imported.json();
    expect(body.key).toBe('melding-import');
    expect(body.unmapped.length).toBeGreaterThan(0);
    expect(body.unmapped[0]).toEqual({ id: expect.any(String), type: expect.any(String), reason: expect.any(String) });
    const draft = expectStatus(await s.api('GET', '/api/processes/melding-import', { as: 'designer' }), 200);
    expect(draft.draft.key).toBe('melding-import');
    expect(draft.problems).toEqual(body.problems);
    hit('post', '/api/processes/import/bpmn');
    expect((await post('?key=melding-import', xml)).status).toBe(422); // exists already
    expect((await post('?key=x2', '<niet-bpmn/>')).status).toBe(422);
    expect((await post('?key=x3', xml, 'text/plain')).status).toBe(415);
  });
});

describe('the read log', () => {
  test("GET /api/case-reads: an admin exports staff's reads (CSV or JSON); others 403; bad dates 422", async () => {
    expectStatus(await s.api('GET', `/api/cases/${review.view.id}`, { as: 'official' }), 200);
    const csv = await fetch(`${s.base}/api/case-reads?from=2026-01-01&to=2027-01-01`, {
      headers: { authorization: `Bearer ${s.tokens.admin}` },
    });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = (await csv.text()).trim().split('\r\n');
    expect(lines[0]).toBe('id,at,caseId,subject,actor,actorName,onBehalf,data,purpose');
    expect(
      lines.some((l) => l.includes(`${review.view.id},${CITIZEN_BSN},user:olaf,team:belastingen,,case,handling`)),
    ).toBe(true);
    const json = expectStatus(
      await s.api('GET', '/api/case-reads?from=2026-01-01&to=2027-01-01&format=json', { as: 'admin' }),
      200,
    );
    expect(json.length).toBe(lines.length - 1);
    hit('get', '/api/case-reads');
    for (const as of ['official', 'designer', 'citizen'] as const)
      await refused(s, 403, 'forbidden', 'GET', '/api/case-reads?from=2026-01-01&to=2027-01-01', { as });
    await refused(s, 422, 'invalid-request', 'GET', '/api/case-reads?from=2026-13-01&to=2027-01-01', { as: 'admin' });
    await refused(s, 422, 'invalid-request', 'GET', '/api/case-reads', { as: 'admin' });
  });
});

describe('mandates and API clients', () => {
  test("POST /api/mandates registers; GET lists a citizen's; GET …/document gives the bytes; POST …/revoke ends it", async () => {
    const m = expectStatus(
      await s.api('POST', '/api/mandates', {
        as: 'official',
        body: mandateBody({ holder: { kind: 'person', bsn: '111222333', name: 'J. de Vries' }, process: null }),
      }),
      201,
    );
    expect(m).toMatchObject({ source: 'official', createdBy: 'user:olaf', process: null, inForce: true });
    hit('post', '/api/mandates');
    const listed = expectStatus(await s.api('GET', `/api/mandates?citizen=${CITIZEN_BSN}`, { as: 'official' }), 200);
    expect(listed.map((x: any) => x.id)).toEqual(expect.arrayContaining([m.id, mandateId]));
    hit('get', '/api/mandates');
    const doc = await fetch(`${s.base}/api/mandates/${m.id}/document`, {
      headers: { authorization: `Bearer ${s.tokens.admin}` },
    });
    expect(doc.status).toBe(200);
    expect(doc.headers.get('content-disposition')).toBe(`attachment; filename="machtiging-${m.id}.pdf"`);
    expect(Buffer.from(await doc.arrayBuffer()).equals(PDF)).toBe(true);
    hit('get', '/api/mandates/:id/document');
    const revoked = expectStatus(
      await s.api('POST', `/api/mandates/${m.id}/revoke`, { as: 'official', body: { reason: 'opgeheven' } }),
      200,
    );
    expect(revoked.inForce).toBe(false);
    hit('post', '/api/mandates/:id/revoke');
    await refused(s, 409, 'mandate-revoked', 'POST', `/api/mandates/${m.id}/revoke`, {
      as: 'official',
      body: { reason: 'opgeheven' },
    });
    await refused(s, 404, 'not-found', 'POST', '/api/mandates/nope/revoke', { as: 'admin', body: { reason: 'x' } });
    await refused(s, 404, 'not-found', 'GET', '/api/mandates/nope/document', { as: 'admin' });
    await refused(s, 422, 'invalid-request', 'POST', '/api/mandates', {
      as: 'official',
      body: mandateBody({ reason: '' }),
    });
    await refused(s, 422, 'invalid-request', 'GET', '/api/mandates?citizen=123', { as: 'official' });
  });

  test('GET /api/mandates/citizens: the citizens who mandated the organisation; none for another', async () => {
    const mine = expectStatus(await s.api('GET', '/api/mandates/citizens', { as: 'intermediary' }), 200);
    expect(mine).toEqual([
      {
        bsn: CITIZEN_BSN,
        mandates: [{ id: mandateId, process: 'toeslag', rights: ['view', 'fill', 'submit'], validUntil: null }],
      },
    ]);
    expect(expectStatus(await s.api('GET', '/api/mandates/citizens', { as: 'intermediaryB' }), 200)).toEqual([]);
    hit('get', '/api/mandates/citizens');
    // With the mandate, the citizen's toeslag cases; without, none of them.
    const cases = expectStatus(await s.api('GET', '/api/cases', { as: 'intermediary' }), 200);
    expect(cases.map((c: any) => c.id)).toContain(review.view.id);
    expect(expectStatus(await s.api('GET', '/api/cases', { as: 'intermediaryB' }), 200)).toEqual([]);
    await refused(s, 404, 'not-found', 'GET', `/api/cases/${review.view.id}`, { as: 'intermediaryB' });
    await refused(s, 403, 'no-mandate', 'POST', '/api/processes/toeslag/cases', {
      as: 'intermediaryB',
      body: { subject: CITIZEN_BSN },
    });
  });

  test('POST /api/api-clients (the secret once), GET lists without secrets, POST …/disable; POST /api/oauth/token', async () => {
    const c = expectStatus(
      await s.api('POST', '/api/api-clients', { as: 'admin', body: { kvk: '12345678', name: 'Schuldhulp Utrecht' } }),
      201,
    );
    expect(c).toMatchObject({ kvk: '12345678', name: 'Schuldhulp Utrecht', disabledAt: null });
    hit('post', '/api/api-clients');
    const listed = expectStatus(await s.api('GET', '/api/api-clients', { as: 'admin' }), 200);
    expect(listed.map((x: any) => x.clientId)).toContain(c.clientId);
    expect(JSON.stringify(listed)).not.toContain(c.clientSecret);
    hit('get', '/api/api-clients');
    const token = await fetch(`${s.base}/api/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: c.clientId,
        client_secret: c.clientSecret,
      }),
    });
    expect(token.status).toBe(200);
    expect(await token.json()).toMatchObject({ token_type: 'Bearer', expires_in: 3600 });
    hit('post', '/api/oauth/token');
    const disabled = expectStatus(await s.api('POST', `/api/api-clients/${c.clientId}/disable`, { as: 'admin' }), 200);
    expect(disabled.disabledAt).not.toBeNull();
    hit('post', '/api/api-clients/:id/disable');
    await refused(s, 404, 'not-found', 'POST', '/api/api-clients/oc_nobody/disable', { as: 'admin' });
    await refused(s, 422, 'invalid-request', 'POST', '/api/api-clients', {
      as: 'admin',
      body: { kvk: 'x', name: 'y' },
    });
  });
});

describe('notices (admin)', () => {
  test('GET /api/admin/deliveries and POST /api/admin/deliveries/:id/retry (test/runtime/http/deliveries.test.ts has the rest)', async () => {
    const at = s.clock.now().toISOString();
    await s.store.outbox.queue({ key: 'routes:1', kind: 'message', recipient: 'subject:999993653', data: {}, at });
    const notice = (await s.store.outbox.byKey('routes:1'))!;
    await s.store.deliveries.plan({ outboxId: notice.id, channel: 'email', address: 'x@example.nl', lang: 'nl', at });
    const [d] = (await s.store.deliveries.claimDue('routes', at, 60_000)).filter((x) => x.outboxId === notice.id);
    await s.store.deliveries.markFailed(d.id, 'routes', 'refused', at, true);
    const list = expectStatus(await s.api('GET', '/api/admin/deliveries', { as: 'admin' }), 200);
    expect(list.deliveries.map((x: any) => x.id)).toContain(d.id);
    hit('get', '/api/admin/deliveries');
    const retried = expectStatus(
      await s.api('POST', `/api/admin/deliveries/${d.id}/retry`, { as: 'admin', body: {} }),
      200,
    );
    expect(retried).toMatchObject({ id: d.id, status: 'pending' });
    hit('post', '/api/admin/deliveries/:id/retry');
    await refused(s, 403, 'forbidden', 'GET', '/api/admin/deliveries', { as: 'official' });
    await refused(s, 404, 'not-found', 'POST', '/api/admin/deliveries/424242/retry', { as: 'admin', body: {} });
  });
});

describe('deadline extension', () => {
  test('POST /api/tasks/:id/extend moves the deadline once, with a reason; again is 409', async () => {
    const { task } = await atReview(s);
    const reason = 'Wij wachten op een rapport';
    const extended = expectStatus(
      await s.api('POST', `/api/tasks/${task.id}/extend`, { as: 'official', body: { days: 14, reason } }),
      200,
    );
    expect(extended).toMatchObject({ extensionReason: reason });
    expect(Date.parse(extended.dueAt)).toBeGreaterThan(Date.parse(task.dueAt!));
    hit('post', '/api/tasks/:id/extend');
    await refused(s, 409, 'already-extended', 'POST', `/api/tasks/${task.id}/extend`, {
      as: 'official',
      body: { days: 1, reason },
    });
    await refused(s, 422, 'invalid-request', 'POST', `/api/tasks/${task.id}/extend`, {
      as: 'official',
      body: { days: 1 },
    });
  });
});

test('every route in the table had its happy path walked above', () => {
  const table = routes.map((r) => `${r.method.toUpperCase()} ${r.path}`).sort();
  expect([...walked].sort()).toEqual(table);
});
