import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEngine, createFakeClock, createProcessService, importProcesses } from '../../runtime/engine/index.js';
import { openStore } from '../../runtime/store/index.js';
import { createWebApp, type WebAppOptions } from '../../runtime/web/app.js';
import { publishFixtures, type FixtureName } from './fixtures.js';

/**
 * A real server for a test: a SQLite file in a fresh temp folder, the real
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
  } = {},
) {
  const dir = mkdtempSync(join(tmpdir(), 'omslag-test-'));
  const store = openStore(join(dir, 'omslag.db'));
  const clock = createFakeClock('2026-03-02T09:00:00Z');
  const engine = createEngine({ store, clock });
  const processes = createProcessService({ store, clock });
  if (opts.fixtures) publishFixtures(processes, opts.fixtures);
  if (opts.examples) importProcesses(join(import.meta.dirname, '../../processes'), store, processes, 'test');
  const at = clock.now().toISOString();
  const user = (name: string, role: 'designer' | 'official' | 'admin', teams: string[] = []) =>
    store.accounts.createToken({ userId: store.accounts.addUser(name, role, teams, at).id }, at);
  const tokens = {
    designer: user('dina', 'designer'),
    official: user('olaf', 'official', ['belastingen', 'klantcontact']),
    official2: user('otto', 'official', ['belastingen']),
    otherTeam: user('wim', 'official', ['afval']),
    admin: user('ada', 'admin'),
    citizen: store.accounts.createToken({ bsn: '999993653' }, at),
    citizenB: store.accounts.createToken({ bsn: '111222333' }, at),
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
    },
  );
  const server = app.listen(0, '127.0.0.1');
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
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return { base, dir, store, engine, processes, clock, tokens, api, close };
}
export type TestServer = Awaited<ReturnType<typeof startTestServer>>;
