import { spawn, type ChildProcess } from 'node:child_process';
import { request } from 'node:http';
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
const dataDir = mkdtempSync(join(tmpdir(), 'omslag-main-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** Starts `runtime/main.ts` as `npm start` does, and waits until it listens. */
function start(dir = dataDir): Promise<{ child: ChildProcess; output: () => string; base: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'runtime/main.ts'], {
    cwd: root,
    env: { ...process.env, PORT: '0', DATA_DIR: dir, TIMER_INTERVAL_MS: '200', DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => {
    out += d;
  });
  child.stderr!.on('data', (d) => {
    out += d;
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 15_000);
    child.stdout!.on('data', () => {
      const m = /listens on (http:\/\/[\d.]+:\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, output: () => out, base: m[1] });
      }
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${out}`)));
  });
}

function stop(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    child.on('exit', (code) => resolve(code));
    child.kill('SIGTERM');
  });
}

describe('npm start (runtime/main.ts)', () => {
  it('publishes the examples and prints demo tokens on first start, serves the API, and stops cleanly on SIGTERM', async () => {
    const { child, output, base } = await start();
    expect(output()).toMatch(/published kwijtschelding v1/);
    expect(output()).toMatch(/published grofvuil v1/);
    expect(output()).toMatch(/published individuele-inkomenstoeslag v1/);
    const citizenToken = /citizen\s+BSN 999993653\s+token (\S+)/.exec(output())?.[1];
    expect(citizenToken).toMatch(/^oms_[A-Za-z0-9_-]{32}$/);
    const res = await fetch(`${base}/api/processes`, { headers: { authorization: `Bearer ${citizenToken}` } });
    expect(res.status).toBe(200);
    expect((await res.json()).map((p: { key: string }) => p.key).sort()).toEqual(
      readdirSync(join(root, 'processes'))
        .filter((f) => f.endsWith('.json'))
        .map((f) => f.slice(0, -5))
        .sort(),
    );
    expect(await stop(child)).toBe(0);
    expect(output()).toMatch(/stopped cleanly/);
  });

  it('keeps its data and prints no new demo accounts on the next start', async () => {
    const { child, output } = await start();
    expect(output()).not.toMatch(/Demo accounts/);
    expect(output()).not.toMatch(/published/);
    expect(await stop(child)).toBe(0);
  });

  it('answers a request in flight on SIGTERM before it stops', async () => {
    const { child, output, base } = await start();
    const { hostname, port } = new URL(base);
    const body = JSON.stringify({ name: 'niemand', password: 'geen-goed-wachtwoord' });
    const req = request({
      host: hostname,
      port,
      method: 'POST',
      path: '/api/session',
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
    });
    const answered = new Promise<number>((resolve, reject) => {
      req.on('response', (res) => {
        res.resume();
        resolve(res.statusCode!);
      });
      req.on('error', reject);
    });
    // Half a body: the server holds the request open, waiting for the rest.
    req.write(body.slice(0, 10));
    await new Promise((resolve) => setTimeout(resolve, 300));
    const exited = stop(child);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(output()).toMatch(/SIGTERM: stopping/);
    expect(child.exitCode).toBe(null);
    req.end(body.slice(10));
    expect(await answered).toBe(401);
    expect(await exited).toBe(0);
    expect(output()).toMatch(/stopped cleanly/);
  });

  it('refuses to start on a database whose schema is newer than this Omslag, with a clear message', async () => {
    const dir = join(dataDir, 'future');
    mkdirSync(dir);
    const db = new Database(join(dir, 'omslag.db'));
    db.exec('CREATE TABLE migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
    db.prepare("INSERT INTO migrations VALUES (999, 'from the future', '2030-01-01T00:00:00Z')").run();
    db.close();
    const error = await start(dir).then(
      () => undefined,
      (e: Error) => e.message,
    );
    expect(error).toMatch(/server exited with 1/);
    expect(error).toMatch(/Not starting: the database is at schema version 999, this Omslag knows up to \d+/);
  });
});
