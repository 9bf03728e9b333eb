import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEngine, createFakeClock, createProcessService, importProcesses } from '../../runtime/engine/index.js';
import { openStore } from '../../runtime/store/index.js';
import { createWebApp, type WebAppOptions } from '../../runtime/web/app.js';
import { publishFixtures, type FixtureName } from './fixtures.js';
import { testStoreTarget } from './test-store.js';

/**
 * A real server for a test: a store in a fresh temp folder (a SQLite file, or
 * with OMSLAG_TEST_STORE=postgres a fresh PostgreSQL database), the real
 * Express app on a free port, the processes published, and one account per
 * role with its token. `fixtures` names the fixture processes to publish
 * (test/helpers/fixtures.ts); `examples: true` publishes the example
 * processes of processes/ instead (the fuzzer works on the real ones).
 */
export async function startTestServer(
  opts: {
    bodyLimit?: string;
    scanLimit?: number;
    limits?: WebAppOptions['limits'];
    fixtures?: readonly FixtureName[];
    examples?: true;
    /** Sign-in settings (runtime/auth/settings.ts); default: a laptop's, the stand-in on. */
    auth?: WebAppOptions['auth'];
    /** Runs before the app is made: e.g. a provider that needs the server's address is started with `port`. */
    port?: number;
  } = {},
) {
  const dir = mkdtempSync(join(tmpdir(), 'omslag-test-'));
  const target = await testStoreTarget(dir);
  const store = await openStore(target);
  const clock = createFakeClock('2026-03-02T09:00:00Z');
  const engine = createEngine({ store, clock });
  const processes = createProcessService({ store, clock });
  if (opts.fixtures) await publishFixtures(processes, opts.fixtures);
  if (opts.examples) await importProcesses(join(import.meta.dirname, '../../processes'), store, processes, 'test');
  const at = clock.now().toISOString();
  const user = async (name: string, role: 'designer' | 'official' | 'admin', teams: string[] = []) =>
    store.accounts.createToken({ userId: (await store.accounts.addUser(name, role, teams, at)).id }, at);
  const clientToken = async (kvk: string, name: string) =>
    store.clients.issueToken((await store.clients.create({ kvk, name }, at)).clientId, clock.now(), 10 * 365 * 86400);
  const tokens = {
    designer: await user('dina', 'designer'),
    official: await user('olaf', 'official', ['belastingen', 'klantcontact']),
    official2: await user('otto', 'official', ['belastingen']),
    otherTeam: await user('wim', 'official', ['afval']),
    admin: await user('ada', 'admin'),
    citizen: await store.accounts.createToken({ bsn: '999993653' }, at),
    citizenB: await store.accounts.createToken({ bsn: '111222333' }, at),
    // Intermediary organisations' API clients (tokens as POST /api/oauth/token gives them, for ten years of the
    // fake clock). No mandate comes with them: a test registers the ones it needs (KVK 90000001, 90000002).
    intermediary: await clientToken('90000001', 'Schuldhulp Test'),
    intermediaryB: await clientToken('90000002', 'Budgetbeheer Elders'),
  };
  // checkResponses: every answer of the API must match its route's response schema (the OpenAPI document).
  const app = createWebApp(
    { store, engine, processes, clock },
    {
      bodyLimit: opts.bodyLimit,
      scanLimit: opts.scanLimit,
      limits: opts.limits,
      log: () => {},
      checkResponses: true,
      auth: opts.auth,
    },
  );
  const server = app.listen(opts.port ?? 0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  /** fetch with a token (a key of `tokens`, or none) and a JSON body. */
  async function api(
    method: string,
    path: string,
    opts: { as?: keyof typeof tokens; body?: unknown; headers?: Record<string, string> } = {},
  ) {
    const headers: Record<string, string> = { ...(opts.headers ?? {}) };
    if (opts.as) headers.authorization = `Bearer ${tokens[opts.as]}`;
    if (opts.body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(base + path, {
      method,
      headers,
      body: opts.body === undefined ? undefined : typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body),
    });
    const text = await res.text();
    let json: any;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = text;
    }
    return { status: res.status, body: json, headers: res.headers };
  }

  async function close() {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
  /** Whether the node is stopping (main.ts sets this on shutdown): GET /api/ready then answers 503. */
  const drain = (draining = true) => {
    app.locals.draining = draining;
  };
  return { base, dir, target, store, engine, processes, clock, tokens, api, close, app, drain };
}
export type TestServer = Awaited<ReturnType<typeof startTestServer>>;
