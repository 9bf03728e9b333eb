/**
 * Recovery (issue 11, Build 11): the server is kept running by
 * runtime/supervisor.ts (`npm run serve`). Real processes on a real port with
 * a real SQLite file; everything started here is killed in afterAll.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, test } from 'vitest';
import { freePort, startSupervised, waitProcess } from '../../scripts/crash-test.js';

const dir = mkdtempSync(join(tmpdir(), 'omslag-supervisor-'));
const started: ReturnType<typeof startSupervised>[] = [];
afterAll(() => {
  for (const s of started) s.killAll();
  rmSync(dir, { recursive: true, force: true });
});

function supervised(name: string, env: Record<string, string>) {
  const processesDir = join(dir, name, 'processes');
  mkdirSync(processesDir, { recursive: true });
  writeFileSync(join(processesDir, `${waitProcess.key}.json`), JSON.stringify(waitProcess));
  const s = startSupervised({
    DATA_DIR: join(dir, name, 'data'),
    DATABASE_URL: '',
    PROCESSES_DIR: processesDir,
    TIMER_INTERVAL_MS: '100',
    DEMO_ACCOUNTS: 'true',
    ...env,
  });
  started.push(s);
  return s;
}

describe('the supervisor (npm run serve)', () => {
  test('finding 11: after kill -9 the server is restarted, serves again, and the timer that fell due while it was down fires exactly once', async () => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    // Down for at least 1.5 s: longer than the one-second wait, so the timer falls due while no server runs.
    const s = supervised('restart', { PORT: String(port), SUPERVISOR_BACKOFF_MS: '1500' });
    await s.listening(1);
    const token = /citizen\s+BSN \d+\s+token (\S+)/.exec(s.output())![1];
    const call = async (method: string, path: string, body?: unknown) => {
      const res = await fetch(base + path, {
        method,
        headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
        body: body ? JSON.stringify(body) : undefined,
      });
      return { status: res.status, body: (await res.json()) as any };
    };
    const created = await call('POST', `/api/processes/${waitProcess.key}/cases`, {});
    expect(created.status).toBe(201);
    const waiting = await call('POST', `/api/cases/${created.body.id}/events`, {
      type: 'submit',
      data: { omschrijving: 'Losse stoeptegel' },
    });
    expect(waiting.body.step.id).toBe('bedenktijd');

    const first = s.pid();
    const killedAt = new Date().toISOString();
    process.kill(first, 'SIGKILL');
    await s.listening(2);
    const relistenedAt = new Date().toISOString();
    expect(s.pid()).not.toBe(first);
    expect(s.output()).toMatch(new RegExp(`server \\(pid ${first}\\) died \\(signal SIGKILL\\); restart 1 in 1500 ms`));
    expect((await call('GET', '/api/health')).status).toBe(200);

    // The restarted server fires the timer on its first tick.
    let view = (await call('GET', `/api/cases/${created.body.id}`)).body;
    for (let i = 0; i < 50 && view.step?.id !== 'bevestigen'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      view = (await call('GET', `/api/cases/${created.body.id}`)).body;
    }
    expect(view.step.id).toBe('bevestigen');

    const db = new Database(join(dir, 'restart', 'data', 'omslag.db'), { readonly: true });
    try {
      const timers = db.prepare('SELECT fire_at, fired_at FROM timers WHERE case_id = ?').all(created.body.id) as {
        fire_at: string;
        fired_at: string;
      }[];
      expect(timers).toHaveLength(1);
      // It fell due after the kill and before the new server listened: while no server ran. It fired after that, once.
      expect(timers[0].fire_at > killedAt, JSON.stringify({ killedAt, relistenedAt, timers })).toBe(true);
      expect(timers[0].fire_at < relistenedAt, JSON.stringify({ killedAt, relistenedAt, timers })).toBe(true);
      expect(timers[0].fired_at >= timers[0].fire_at).toBe(true);
      const fired = db
        .prepare(
          "SELECT COUNT(*) FROM audit WHERE case_id = ? AND type = 'event.received' AND json_extract(data, '$.type') = 'timer.fired'",
        )
        .pluck()
        .get(created.body.id);
      expect(fired).toBe(1);
    } finally {
      db.close();
    }

    // A stop passes through: the server stops cleanly and the supervisor exits 0 without restarting it.
    process.kill(s.child.pid!, 'SIGTERM');
    expect(await s.exited).toBe(0);
    expect(s.output()).toMatch(/stopped cleanly/);
    expect(s.output()).not.toMatch(/restart 2/);
  }, 60_000);

  test('a server that cannot start on its first try is a setup error: reported, not restarted in a loop', async () => {
    const s = supervised('broken', { PORT: 'not-a-port' });
    expect(await s.exited).toBe(1);
    expect(s.output()).toMatch(/PORT must be a port number/);
    expect(s.output()).toMatch(/before it listened on its first start: not restarting/);
    expect(s.output().match(/server started/g)).toHaveLength(1);
  }, 30_000);
});
