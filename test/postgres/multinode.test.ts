/**
 * Three real Omslag nodes (server processes) on one PostgreSQL database,
 * behind a round-robin client: nothing is lost or done twice when citizens'
 * steps, races, due timers and a crashed node are spread over them, and a
 * session made on one node holds on the others.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { openStore, type Store } from '../../runtime/store/index.js';
import { fixtureProcess } from '../helpers/fixtures.js';
import {
  browser,
  inParallel,
  roundRobin,
  startNodes,
  stopNodes,
  type OmslagNode,
  type Reply,
  type RoundRobin,
} from '../helpers/nodes.js';
import { newPostgresDatabase } from '../helpers/test-store.js';

const ROOT = join(import.meta.dirname, '../..');
const BSN = '999993653';
const STEPS = 10;
/** A timer lease short enough to wait for (the nodes' TIMER_LEASE_MS). */
const LEASE_MS = 3000;
const LONG_AGO = '2000-01-01T00:00:00.000Z';

/** `stappen`: ten citizen forms in a row (one number each), then an end. */
function stappen() {
  const steps: Record<string, unknown> = {};
  for (let i = 1; i <= STEPS; i++)
    steps[`stap${i}`] = {
      kind: 'form',
      title: { nl: `Stap ${i}`, en: `Step ${i}` },
      fields: [
        { id: `antwoord${i}`, label: { nl: `Antwoord ${i}`, en: `Answer ${i}` }, type: 'number', required: true },
      ],
      next: i < STEPS ? `stap${i + 1}` : 'klaar',
    };
  steps.klaar = {
    kind: 'end',
    title: { nl: 'Klaar', en: 'Done' },
    outcome: 'completed',
    message: { nl: 'Alle stappen gezet.', en: 'All steps taken.' },
  };
  return {
    key: 'stappen',
    title: { nl: 'Tien stappen', en: 'Ten steps' },
    start: 'stap1',
    contact: { team: 'klantcontact' },
    steps,
  };
}

let url: string;
let store: Store;
let db: pg.Pool;
let nodes: OmslagNode[];
let client: RoundRobin;
let citizen: string;
let designer: string;

const q = async <T = any>(text: string, values: unknown[] = []): Promise<T[]> => (await db.query(text, values)).rows;
const expectOk = (r: Reply, status = 200) => {
  if (r.status !== status) throw new Error(`${r.node}: ${r.status} ${JSON.stringify(r.body)} (expected ${status})`);
  return r.body;
};
const etagOf = (r: Reply) => r.headers.get('etag')!;

/** Starts a case of `key` as the citizen through the round-robin client. */
async function startCase(key: string, n: number) {
  const r = await client.send('POST', `/api/processes/${key}/cases`, {
    token: citizen,
    body: {},
    idempotencyKey: `start-${key}-${n}-${Math.random()}`,
  });
  return { view: expectOk(r, 201), etag: etagOf(r) };
}

/** Submits step `i` of a `stappen` case with If-Match; the next view and ETag. */
function submit(id: string, i: number, etag: string, extra: { idempotencyKey?: string; on?: OmslagNode } = {}) {
  return client.send('POST', `/api/cases/${id}/events`, {
    token: citizen,
    body: { type: 'submit', step: `stap${i}`, data: { [`antwoord${i}`]: String(i) } },
    headers: { 'if-match': etag },
    ...extra,
  });
}

/**
 * Walks a `stappen` case through all its steps, each to the next node
 * round-robin, each with an Idempotency-Key (safe to retry on another node).
 * A retry after a lost connection may meet its own first attempt's commit
 * (the dead node committed, the answer never came): then the case has moved
 * past the step, which a read shows.
 */
async function walk(id: string, etag: string, onStep?: () => void) {
  let settledByRead = 0;
  for (let i = 1; i <= STEPS; i++) {
    const r = await submit(id, i, etag, { idempotencyKey: `${id}-stap${i}` });
    if (r.status === 409 && r.failedOn.length) {
      const now = await client.send('GET', `/api/cases/${id}`, { token: citizen });
      const moved = expectOk(now).step?.id !== `stap${i}`;
      if (!moved) throw new Error(`${id} stap${i}: 409 after a retry, and the case did not move`);
      etag = etagOf(now);
      settledByRead++;
    } else {
      expectOk(r);
      etag = etagOf(r);
    }
    onStep?.();
  }
  return { settledByRead };
}

/** Audit entries of these cases by case and type: `counts[caseId][type]`. */
async function auditCounts(ids: string[]) {
  const rows = await q<{ case_id: string; type: string; n: number }>(
    `SELECT case_id, CASE WHEN type = 'event.received' AND data::jsonb->>'type' = 'timer.fired' THEN 'timer.fired' ELSE type END AS type,
            count(*)::int AS n
       FROM audit WHERE case_id = ANY($1) GROUP BY 1, 2`,
    [ids],
  );
  const counts: Record<string, Record<string, number>> = Object.fromEntries(ids.map((id) => [id, {}]));
  for (const r of rows) counts[r.case_id][r.type] = r.n;
  return counts;
}

/** `npm run omslag -- audit verify` against the database, as an operator runs it. */
async function auditVerifyCli() {
  const dataDir = mkdtempSync(join(tmpdir(), 'omslag-cli-'));
  try {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', 'runtime/cli.ts', 'audit', 'verify'],
      {
        cwd: ROOT,
        env: { ...process.env, DATABASE_URL: url, DATA_DIR: dataDir, NODE_ID: 'cli' },
        timeout: 60_000,
      },
    );
    return stdout;
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Polls `check` until it is true or `timeoutMs` passed; returns whether it became true. */
async function eventually(check: () => Promise<boolean>, timeoutMs: number, everyMs = 100) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, everyMs));
  }
  return check();
}

/** Moves the unfired timers of these cases to long ago: due at once for every node. */
async function makeDue(ids: string[], claim?: { by: string; until: string }) {
  const res = await db.query(
    `UPDATE timers SET fire_at = $2, claimed_by = $3, claimed_until = $4 WHERE case_id = ANY($1) AND fired_at IS NULL`,
    [ids, LONG_AGO, claim?.by ?? null, claim?.until ?? null],
  );
  return res.rowCount;
}
const unfired = async (ids: string[]) =>
  (
    await q<{ n: number }>('SELECT count(*)::int AS n FROM timers WHERE case_id = ANY($1) AND fired_at IS NULL', [ids])
  )[0].n;

beforeAll(async () => {
  url = await newPostgresDatabase();
  store = await openStore(url);
  db = new pg.Pool({ connectionString: url, max: 4 });
  const at = new Date().toISOString();
  const dina = await store.accounts.addUser('dina', 'designer', [], at);
  await store.accounts.setPassword(dina.id, 'ontwerp-wachtwoord-1');
  designer = await store.accounts.createToken({ userId: dina.id }, at);
  const olaf = await store.accounts.addUser('olaf', 'official', ['klantcontact'], at);
  await store.accounts.setPassword(olaf.id, 'werk-wachtwoord-1');
  citizen = await store.accounts.createToken({ bsn: BSN }, at);

  nodes = await startNodes(3, { databaseUrl: url, env: { TIMER_LEASE_MS: String(LEASE_MS) } });
  client = roundRobin(nodes);
  // Published on one node through the API; the cases start on all three.
  for (const definition of [stappen(), fixtureProcess('herhaling')]) {
    const saved = expectOk(
      await client.send('PUT', `/api/processes/${definition.key}/draft`, { token: designer, body: definition }),
    );
    expect(saved.problems).toEqual([]);
    expectOk(
      await client.send('POST', `/api/processes/${definition.key}/publish`, {
        token: designer,
        body: {},
        idempotencyKey: `publish-${definition.key}`,
      }),
      201,
    );
  }
}, 120_000);

afterAll(async () => {
  await stopNodes(nodes ?? []);
  await db?.end();
  await store?.close();
}, 30_000);

describe('three nodes on one PostgreSQL database', () => {
  // A failing test shows what the nodes said.
  const showNodeOutput = () =>
    onTestFailed(() => {
      for (const n of nodes) console.error(`--- ${n.id} (${n.alive() ? 'alive' : 'dead'}) ---\n${n.output()}`);
    });

  it('1,000 citizen steps spread over the nodes lose nothing and double nothing', async () => {
    showNodeOutput();
    const CASES = 100;
    const before = nodes.map((n) => client.answered(n.id));
    const ids = await inParallel(
      Array.from({ length: CASES }, (_, i) => i),
      20,
      async (i) => {
        const { view, etag } = await startCase('stappen', i);
        expect(view).toMatchObject({ status: 'active', step: { id: 'stap1' } });
        const { settledByRead } = await walk(view.id, etag);
        expect(settledByRead).toBe(0);
        return view.id as string;
      },
    );
    expect(new Set(ids).size).toBe(CASES);

    // Every node served its share (1,100 requests, round-robin).
    const served = nodes.map((n, i) => client.answered(n.id) - before[i]);
    for (const n of served) expect(n).toBeGreaterThan(300);
    expect(served.reduce((a, b) => a + b)).toBe(CASES * (STEPS + 1));
    expect([...client.stats.connectionErrors]).toEqual([]);

    const rows = await q('SELECT id, status, step, outcome FROM cases WHERE id = ANY($1)', [ids]);
    expect(rows).toHaveLength(CASES);
    for (const r of rows) expect(r).toMatchObject({ status: 'ended', step: 'klaar', outcome: 'completed' });
    const counts = await auditCounts(ids);
    for (const id of ids) {
      // The nodes' letter workers issue each ended case's decision letter once, some of them by now.
      const { 'letter.issued': letters = 0, ...moves } = counts[id];
      expect(letters, id).toBeLessThanOrEqual(1);
      expect(moves, id).toEqual({
        'case.started': 1,
        'step.entered': STEPS + 1,
        'event.received': STEPS,
        'message.queued': 1,
        'case.ended': 1,
      });
    }
    // Each step answered once, in order.
    const answered = await q<{ case_id: string; steps: string[] }>(
      `SELECT case_id, array_agg(data::jsonb->>'step' ORDER BY seq) AS steps FROM audit
        WHERE case_id = ANY($1) AND type = 'event.received' GROUP BY case_id`,
      [ids],
    );
    for (const a of answered) expect(a.steps).toEqual(Array.from({ length: STEPS }, (_, i) => `stap${i + 1}`));

    expect(await store.cases.verifyAudit()).toMatchObject({ ok: true });
    expect(await auditVerifyCli()).toMatch(/audit trail intact: \d+ entries/);
  }, 150_000);

  it('two nodes racing on one case with the same revision: one winner, one 409', async () => {
    showNodeOutput();
    const RACES = 12;
    const ids: string[] = [];
    // The loser learns the winner's revision; checked after the rest, so a failure here shows the rest held.
    const told: { expected: unknown; got: unknown }[] = [];
    for (let k = 0; k < RACES; k++) {
      const { view, etag } = await startCase('stappen', 1000 + k);
      ids.push(view.id);
      const pair = [nodes[k % 3], nodes[(k + 1) % 3]];
      const replies = await Promise.all(
        pair.map((on, j) =>
          client.send('POST', `/api/cases/${view.id}/events`, {
            on,
            token: citizen,
            body: { type: 'submit', step: 'stap1', data: { antwoord1: String(10 + j) } },
            headers: { 'if-match': etag },
          }),
        ),
      );
      expect(replies.map((r) => r.status).sort(), JSON.stringify(replies.map((r) => r.body))).toEqual([200, 409]);
      const winner = replies.find((r) => r.status === 200)!;
      const loser = replies.find((r) => r.status === 409)!;
      expect(loser.body.error.code).toBe('stale-case');
      told.push({ expected: { rev: winner.body.rev }, got: loser.body.error.details });
      expect(winner.body.rev).toBe(view.rev + 1);
      expect(winner.body.step.id).toBe('stap2');
      // Whichever node is asked now sees the winner's case.
      for (const on of nodes) {
        const now = await client.send('GET', `/api/cases/${view.id}`, { on, token: citizen });
        expect(expectOk(now)).toEqual(winner.body);
      }
    }
    const counts = await auditCounts(ids);
    for (const id of ids) expect(counts[id]['event.received'], id).toBe(1);
    expect(await store.cases.verifyAudit()).toMatchObject({ ok: true });
    expect(told.map((t) => t.got)).toEqual(told.map((t) => t.expected));
  }, 60_000);

  it('200 timers due at once fire exactly once across the nodes', async () => {
    showNodeOutput();
    const TIMERS = 200;
    const started = await inParallel(
      Array.from({ length: TIMERS }, (_, i) => i),
      20,
      async (i) => {
        const { view } = await startCase('herhaling', i);
        expect(view).toMatchObject({ status: 'active', step: { id: 'wachten' } });
        return view as { id: string; rev: number };
      },
    );
    const ids = started.map((v) => v.id);
    expect(await unfired(ids)).toBe(TIMERS);

    // A day early: the nodes run a real clock, so the database is told the day has passed.
    expect(await makeDue(ids)).toBe(TIMERS);
    expect(await eventually(async () => (await unfired(ids)) === 0, 40_000)).toBe(true);
    // A few more ticks of every node: a double firing would show now.
    await new Promise((r) => setTimeout(r, 1000));

    const timers = await q('SELECT case_id, timer, fired_at, claimed_by FROM timers WHERE case_id = ANY($1)', [ids]);
    expect(timers).toHaveLength(TIMERS);
    for (const t of timers) expect(t).toMatchObject({ timer: 'wachten', fired_at: expect.any(String) });
    const counts = await auditCounts(ids);
    for (const id of ids) expect(counts[id]['timer.fired'], id).toBe(1);
    const rows = await q('SELECT id, status, step, rev FROM cases WHERE id = ANY($1)', [ids]);
    const revOf = new Map(started.map((v) => [v.id, v.rev]));
    for (const r of rows) expect(r).toMatchObject({ status: 'active', step: 'nogmaals', rev: revOf.get(r.id)! + 1 });
    // Which nodes fired them (nice to see, not required: one node may take them all).
    const byNode: Record<string, number> = {};
    for (const t of timers) byNode[t.claimed_by ?? '?'] = (byNode[t.claimed_by ?? '?'] ?? 0) + 1;
    console.log('timers fired per node:', byNode);
    expect(await store.cases.verifyAudit()).toMatchObject({ ok: true });
  }, 90_000);

  it('a citizen session and a staff session made on one node work on the others', async () => {
    showNodeOutput();
    const [n1, n2, n3] = nodes;

    // Staff: signed in on n1 (a cookie and a CSRF token), then reading on n2 and changing on n3.
    const staff = browser();
    const signedIn = await staff.request(n1, 'POST', '/api/session', {
      json: { name: 'dina', password: 'ontwerp-wachtwoord-1' },
    });
    expect(signedIn.status).toBe(200);
    expect(staff.cookies().has('omslag_werk')).toBe(true);
    const csrf = signedIn.json.csrf as string;
    const session = await staff.request(n2, 'GET', '/api/session');
    expect(session.status).toBe(200);
    expect(session.json).toMatchObject({ user: { name: 'dina', role: 'designer' }, csrf });
    const draft = { ...stappen(), key: 'sessie', title: { nl: 'Sessie', en: 'Session' } };
    const noToken = await staff.request(n3, 'PUT', '/api/processes/sessie/draft', { json: draft });
    expect(noToken.status).toBe(403);
    const saved = await staff.request(n3, 'PUT', '/api/processes/sessie/draft', {
      json: draft,
      headers: { 'x-csrf-token': csrf },
    });
    expect(saved.status).toBe(200);
    expect(saved.json.problems).toEqual([]);
    // Signed out on n2: gone on n1 and n3 too.
    expect((await staff.request(n2, 'POST', '/api/session/end', { headers: { 'x-csrf-token': csrf } })).status).toBe(
      200,
    );
    expect((await staff.request(n1, 'GET', '/api/session')).status).toBe(401);
    expect((await staff.request(n3, 'GET', '/api/session')).status).toBe(401);

    // An official's session of n3 works on n1.
    const official = browser();
    const olaf = await official.request(n3, 'POST', '/api/session', {
      json: { name: 'olaf', password: 'werk-wachtwoord-1' },
    });
    expect(olaf.status).toBe(200);
    expect((await official.request(n1, 'GET', '/api/tasks')).status).toBe(200);

    // A citizen: signed in on the pages of n1, starts on n2, answers on n3, and n1 knows where they are.
    const b = browser();
    const token = await b.csrf(n1, '/inloggen');
    const signIn = await b.request(n1, 'POST', '/inloggen', { form: { _csrf: token, bsn: BSN, terug: '/mijn-zaken' } });
    expect(signIn).toMatchObject({ status: 303, location: '/mijn-zaken' });
    expect(b.cookies().has('omslag_sessie')).toBe(true);
    const mine = await b.request(n2, 'GET', '/mijn-zaken');
    expect(mine.status).toBe(200);
    const start = await b.request(n2, 'POST', '/diensten/stappen/start', {
      form: { _csrf: await b.csrf(n2, '/diensten/stappen') },
    });
    expect(start.status).toBe(303);
    const caseUrl = start.location!;
    expect(caseUrl).toMatch(/^\/zaken\/[^/]+$/);
    const first = await b.request(n3, 'GET', caseUrl);
    expect(first).toMatchObject({ status: 303, location: `${caseUrl}/stap/stap1` });
    // The form token of n3's page is the session's (in the database): good on every node.
    const formToken = await b.csrf(n3, `${caseUrl}/stap/stap1`);
    for (let i = 1; i <= 5; i++) {
      const [on, next] = [nodes[(i + 1) % 3], nodes[(i + 2) % 3]];
      const answered = await b.request(on, 'POST', `${caseUrl}/stap/stap${i}`, {
        form: { _csrf: formToken, [`antwoord${i}`]: String(i) },
      });
      expect(answered).toMatchObject({ status: 303, location: `${caseUrl}/stap/stap${i + 1}` });
      // Asked at once on another node: the answers are there (saved before the page answered).
      expect(await b.request(next, 'GET', caseUrl), `after stap${i} on ${on.id}, asking ${next.id}`).toMatchObject({
        status: 303,
        location: `${caseUrl}/stap/stap${i + 1}`,
      });
    }
    // Signed out on n3: n2 sends to the sign-in page.
    await b.request(n3, 'POST', '/uitloggen', { form: { _csrf: await b.csrf(n3, '/mijn-zaken') } });
    expect((await b.request(n2, 'GET', '/mijn-zaken')).location).toMatch(/^\/inloggen/);
  }, 60_000);

  // Last: it kills a node.
  it('kill -9 of one node under load: the others serve on, its claimed timers fire after its lease, audit holds', async () => {
    showNodeOutput();
    const [, , n3] = nodes;
    const CASES = 30;
    const cases = await inParallel(
      Array.from({ length: CASES }, (_, i) => i),
      15,
      (i) => startCase('stappen', 2000 + i),
    );
    const waiting = await inParallel(
      Array.from({ length: 20 }, (_, i) => i),
      15,
      async (i) => {
        const { view } = await startCase('herhaling', 1000 + i);
        return view.id as string;
      },
    );

    // Load over all three nodes; a third of the way in, n3 dies.
    let steps = 0;
    let killedAt = 0;
    let kill: Promise<void> | undefined;
    const ok = (n: OmslagNode) => client.answered(n.id, (s) => s < 300);
    let okAtKill = new Map<string, number>();
    const walked = await inParallel(cases, 15, ({ view, etag }) =>
      walk(view.id, etag, () => {
        if (++steps === Math.round((CASES * STEPS) / 3)) {
          killedAt = Date.now();
          okAtKill = new Map(nodes.map((n) => [n.id, ok(n)]));
          kill = n3.kill9();
        }
      }),
    );
    await kill;
    expect(killedAt).toBeGreaterThan(0);
    expect(n3.alive()).toBe(false);
    console.log(
      'after kill -9:',
      JSON.stringify({
        connectionErrors: Object.fromEntries(client.stats.connectionErrors),
        retried: client.stats.retried,
        settledByRead: walked.reduce((a, w) => a + w.settledByRead, 0),
      }),
    );

    // Only the dead node's connections failed; the live nodes answered everything, and kept serving after the kill.
    expect([...client.stats.connectionErrors.keys()]).toEqual(['n3']);
    for (const n of nodes.slice(0, 2)) {
      expect(client.answered(n.id, (s) => s >= 300 && s !== 409)).toBe(0);
      expect(ok(n) - okAtKill.get(n.id)!).toBeGreaterThan((CASES * STEPS) / 6);
    }
    // Every case done, each step once: no retry doubled a step, no lost answer lost one.
    const ids = cases.map((c) => c.view.id as string);
    const rows = await q('SELECT id, status, step FROM cases WHERE id = ANY($1)', [ids]);
    for (const r of rows) expect(r).toMatchObject({ status: 'ended', step: 'klaar' });
    const counts = await auditCounts(ids);
    for (const id of ids) expect(counts[id]['event.received'], id).toBe(STEPS);

    // The dead node held these timers when it died (a lease until `until`): nobody fires them before that, n1 or n2 after.
    const until = new Date(Date.now() + LEASE_MS).toISOString();
    expect(await makeDue(waiting, { by: 'n3', until })).toBe(waiting.length);
    await new Promise((r) => setTimeout(r, LEASE_MS / 2));
    expect(await unfired(waiting)).toBe(waiting.length);
    expect(await eventually(async () => (await unfired(waiting)) === 0, LEASE_MS + 20_000)).toBe(true);
    const fired = await q('SELECT fired_at, claimed_by FROM timers WHERE case_id = ANY($1)', [waiting]);
    for (const t of fired) {
      expect(t.fired_at >= until, `${t.fired_at} before the lease ended at ${until}`).toBe(true);
      expect(t.claimed_by).not.toBe('n3');
    }
    const timerCounts = await auditCounts(waiting);
    for (const id of waiting) expect(timerCounts[id]['timer.fired'], id).toBe(1);

    expect(await store.cases.verifyAudit()).toMatchObject({ ok: true });
    expect(await auditVerifyCli()).toMatch(/audit trail intact: \d+ entries/);
  }, 120_000);
});
