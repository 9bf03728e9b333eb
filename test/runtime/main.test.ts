import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
const dataDir = mkdtempSync(join(tmpdir(), 'omslag-main-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** Starts `runtime/main.ts` as `npm start` does, and waits until it listens. */
function start(): Promise<{ child: ChildProcess; output: () => string; base: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'runtime/main.ts'], {
    cwd: root,
    env: { ...process.env, PORT: '0', DATA_DIR: dataDir, TIMER_INTERVAL_MS: '200' },
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
});
