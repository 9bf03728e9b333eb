/** Small helpers for the benchmarks: child servers, percentiles, a tiny cookie-keeping client. */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { join } from 'node:path';

export const root = join(import.meta.dirname, '..');

/** Starts `bench/servers.ts <kind> [...args]` in its own Node process; resolves with the JSON line it prints. */
export async function spawnServer<T = Record<string, unknown>>(
  kind: string,
  args: string[] = [],
): Promise<{ info: T & { port: number }; base: string; stop: () => Promise<void> }> {
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', join(root, 'bench/servers.ts'), kind, ...args],
    { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const line = await new Promise<string>((resolve, reject) => {
    const rl = createInterface({ input: child.stdout! });
    rl.once('line', (l) => {
      rl.close();
      resolve(l);
    });
    child.once('exit', (code) => reject(new Error(`bench server '${kind}' exited (${code}) before it listened`)));
    child.once('error', reject);
  });
  const info = JSON.parse(line) as T & { port: number };
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return { info, base: `http://127.0.0.1:${info.port}`, stop };
}

export function percentile(values: number[], p: number): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** Runs `fn` `runs` times in sequence (after `warm` unmeasured runs); the times in ms. */
export async function timeRuns(
  runs: number,
  fn: (i: number) => Promise<unknown> | unknown,
  warm = 3,
): Promise<number[]> {
  for (let i = 0; i < warm; i++) await fn(-1 - i);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const s = performance.now();
    await fn(i);
    times.push(performance.now() - s);
  }
  return times;
}

/** fetch as JSON with a bearer token; throws on an unexpected status. */
export async function api(
  base: string,
  method: string,
  path: string,
  token?: string,
  body?: unknown,
  expect = [200, 201],
) {
  const res = await fetch(base + path, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!expect.includes(res.status)) throw new Error(`${method} ${path}: ${res.status} ${text.slice(0, 300)}`);
  return text ? JSON.parse(text) : undefined;
}

/** A tiny browser for the citizen pages: keeps the session cookie, follows nothing, reads the CSRF token. */
export function browser(base: string) {
  let cookie = '';
  const request = async (method: string, path: string, form?: Record<string, string>) => {
    const res = await fetch(base + path, {
      method,
      redirect: 'manual',
      headers: { cookie, ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
      body: form ? new URLSearchParams(form).toString() : undefined,
    });
    const set = res.headers.get('set-cookie');
    if (set) cookie = set.split(';')[0];
    const body = Buffer.from(await res.arrayBuffer());
    return {
      status: res.status,
      location: res.headers.get('location'),
      text: body.toString('utf8'),
      bytes: body.length,
    };
  };
  const csrf = async (path: string) => {
    const page = await request('GET', path);
    const m = /name="_csrf" value="([^"]+)"/.exec(page.text);
    if (!m) throw new Error(`no CSRF token on ${path} (${page.status})`);
    return m[1];
  };
  return {
    request,
    csrf,
    async signIn(bsn: string) {
      const token = await csrf('/inloggen');
      return request('POST', '/inloggen', { _csrf: token, bsn, terug: '/mijn-zaken' });
    },
  };
}

/** Runs async jobs with at most `n` at a time. */
export async function inParallel<T>(count: number, n: number, job: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = new Array(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(n, count) }, async () => {
      while (next < count) {
        const i = next++;
        out[i] = await job(i);
      }
    }),
  );
  return out;
}
