/**
 * Real Omslag server processes ("nodes") for the tests of several nodes on
 * one PostgreSQL database: each is `node --import tsx runtime/main.ts` with
 * its own NODE_ID, a free port and a temp DATA_DIR, as an operator would run
 * it. And a client that spreads requests over them round-robin, as a load
 * balancer does.
 *
 * Nothing outlives the test run: every node is killed when the test process
 * exits, and each has an IPC channel to it, so a node whose parent dies (even
 * by kill -9) stops by itself (main.ts: "supervisor gone").
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '../..');
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

export type OmslagNode = {
  id: string;
  base: string;
  pid: number;
  /** The node's recent stdout and stderr (for a failing test's report). */
  output(): string;
  alive(): boolean;
  /** kill -9: no shutdown, no releasing of anything, as a crash or a pulled plug. */
  kill9(): Promise<void>;
  /** SIGTERM (a clean stop), SIGKILL if it has not stopped within `graceMs`. */
  stop(graceMs?: number): Promise<void>;
};

export type NodeOptions = {
  id: string;
  databaseUrl: string;
  /** More settings (or overrides) for the node's environment. */
  env?: Record<string, string>;
  readyTimeoutMs?: number;
  /** More options for `node` itself (e.g. `--cpu-prof` to see where a node spends its time). */
  nodeArgs?: string[];
};

const KEEP_OUTPUT = 64 * 1024;

/** Starts one node and waits until it listens and GET /api/ready answers 200. */
export async function startNode(opts: NodeOptions): Promise<OmslagNode> {
  const dataDir = mkdtempSync(join(tmpdir(), `omslag-${opts.id}-`));
  const emptyProcesses = mkdtempSync(join(tmpdir(), `omslag-${opts.id}-processes-`));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: opts.databaseUrl,
    NODE_ID: opts.id,
    HOST: '127.0.0.1',
    PORT: '0',
    DATA_DIR: dataDir,
    // The tests publish what they need through the API; no examples, no demo accounts.
    PROCESSES_DIR: emptyProcesses,
    DEMO_ACCOUNTS: 'false',
    TIMER_INTERVAL_MS: '200',
    ...opts.env,
  };
  delete env.OMSLAG_TEST_STORE;
  const child = spawn(process.execPath, [...(opts.nodeArgs ?? []), '--import', 'tsx', 'runtime/main.ts'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  running.add(child);
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-KEEP_OUTPUT);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<void>((resolve) =>
    child.once('exit', () => {
      running.delete(child);
      rmSync(dataDir, { recursive: true, force: true });
      rmSync(emptyProcesses, { recursive: true, force: true });
      resolve();
    }),
  );
  const alive = () => child.exitCode === null && child.signalCode === null;

  const node: OmslagNode = {
    id: opts.id,
    base: '',
    pid: child.pid!,
    output: () => output,
    alive,
    async kill9() {
      if (alive()) child.kill('SIGKILL');
      await exited;
    },
    async stop(graceMs = 8000) {
      if (!alive()) return exited;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };

  try {
    const port = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`node ${opts.id} did not listen within ${opts.readyTimeoutMs ?? 90_000} ms`)),
        opts.readyTimeoutMs ?? 90_000,
      );
      // main.ts tells a parent with an IPC channel (the supervisor, or this helper) its port once it listens.
      child.on('message', (m: { type?: string; port?: number }) => {
        if (m?.type === 'omslag.listening' && typeof m.port === 'number') {
          clearTimeout(timer);
          resolve(m.port);
        }
      });
      // Or the line it prints: "Omslag listens on http://127.0.0.1:PORT".
      const onLine = () => {
        const m = /listens on http:\/\/[^\s:]+:(\d+)/.exec(output);
        if (m) {
          clearTimeout(timer);
          child.stdout!.off('data', onLine);
          resolve(Number(m[1]));
        }
      };
      child.stdout!.on('data', onLine);
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`node ${opts.id} exited before it listened (${signal ?? code})`));
      });
    });
    node.base = `http://127.0.0.1:${port}`;
    await waitReady(node, opts.readyTimeoutMs ?? 90_000);
    return node;
  } catch (error) {
    await node.kill9();
    throw new Error(`${(error as Error).message}\n--- output of ${opts.id} ---\n${output}`, { cause: error });
  }
}

async function waitReady(node: OmslagNode, timeoutMs: number) {
  const until = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < until) {
    if (!node.alive()) throw new Error(`node ${node.id} exited while starting`);
    try {
      const res = await fetch(`${node.base}/api/ready`);
      last = `${res.status} ${await res.text()}`;
      if (res.status === 200) return;
    } catch (error) {
      last = String(error);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`node ${node.id} not ready within ${timeoutMs} ms (GET /api/ready: ${last})`);
}

/** Starts `count` nodes n1…nN on one database, side by side. */
export async function startNodes(
  count: number,
  opts: Omit<NodeOptions, 'id'> & { env?: Record<string, string> },
): Promise<OmslagNode[]> {
  const started = await Promise.allSettled(
    Array.from({ length: count }, (_, i) => startNode({ ...opts, id: `n${i + 1}` })),
  );
  const nodes = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  const failed = started.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failed) {
    await stopNodes(nodes, 0);
    throw failed.reason;
  }
  return nodes;
}

/** Stops every node still running (SIGTERM, then SIGKILL after `graceMs`). */
export async function stopNodes(nodes: OmslagNode[], graceMs = 8000): Promise<void> {
  await Promise.all(nodes.map((n) => (graceMs ? n.stop(graceMs) : n.kill9())));
}

export type Reply = {
  status: number;
  body: any;
  headers: Headers;
  /** The node that answered. */
  node: string;
  /** The nodes whose connection failed before this answer (their request was retried elsewhere). */
  failedOn: string[];
};

export type SendOptions = {
  /** Bearer token. */
  token?: string;
  /** JSON body. */
  body?: unknown;
  headers?: Record<string, string>;
  /** Sent as Idempotency-Key: makes a POST safe to retry on another node. */
  idempotencyKey?: string;
  /** Send to this node only (no round-robin, no retry elsewhere). */
  on?: OmslagNode;
};

/** A request that could not be delivered: a connection error, and not safe (or not allowed) to retry elsewhere. */
export class ConnectionLost extends Error {
  constructor(
    readonly method: string,
    readonly path: string,
    readonly failedOn: string[],
    cause: unknown,
  ) {
    super(`${method} ${path}: connection lost on ${failedOn.join(', ')} (${String(cause)})`, { cause });
  }
}

const IDEMPOTENT = new Set(['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS']);
/** How long a node whose connection failed is skipped (a balancer's health check would do the same). */
const DOWN_MS = 1000;

/**
 * A round-robin client over the nodes: each request goes to the next node.
 * A connection error (refused, reset, closed mid-answer) is retried on the
 * next node only when that is safe: an idempotent method, or a request with
 * an Idempotency-Key (the first node may have committed it; the retry then
 * gets the stored answer). Anything else throws ConnectionLost. HTTP answers,
 * 4xx and 5xx included, are returned, never retried.
 */
export function roundRobin(nodes: OmslagNode[]) {
  let turn = 0;
  const downUntil = new Map<string, number>();
  const stats = {
    /** Answers per node, by status. */
    answers: new Map<string, Map<number, number>>(),
    /** Connection errors per node. */
    connectionErrors: new Map<string, number>(),
    retried: 0,
  };
  const bump = <K>(m: Map<K, number>, k: K) => m.set(k, (m.get(k) ?? 0) + 1);

  function pick(): OmslagNode {
    const now = Date.now();
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[turn++ % nodes.length];
      if ((downUntil.get(node.id) ?? 0) <= now) return node;
    }
    return nodes[turn++ % nodes.length];
  }

  async function send(method: string, path: string, opts: SendOptions = {}): Promise<Reply> {
    const headers: Record<string, string> = { ...(opts.headers ?? {}) };
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    if (opts.body !== undefined) headers['content-type'] = 'application/json';
    if (opts.idempotencyKey) headers['idempotency-key'] = opts.idempotencyKey;
    const retryable = !opts.on && (IDEMPOTENT.has(method) || !!opts.idempotencyKey);
    const failedOn: string[] = [];
    for (;;) {
      const node = opts.on ?? pick();
      try {
        const res = await fetch(node.base + path, {
          method,
          headers,
          body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
          redirect: 'manual',
          signal: AbortSignal.timeout(30_000),
        });
        const text = await res.text();
        let body: any = text;
        try {
          body = text ? JSON.parse(text) : undefined;
        } catch {
          // Not JSON: kept as text.
        }
        const byStatus = stats.answers.get(node.id) ?? new Map<number, number>();
        stats.answers.set(node.id, byStatus);
        bump(byStatus, res.status);
        return { status: res.status, body, headers: res.headers, node: node.id, failedOn };
      } catch (error) {
        bump(stats.connectionErrors, node.id);
        failedOn.push(node.id);
        downUntil.set(node.id, Date.now() + DOWN_MS);
        if (!retryable || failedOn.length >= nodes.length * 2) throw new ConnectionLost(method, path, failedOn, error);
        stats.retried++;
      }
    }
  }

  /** How many answers `node` gave with a status matching `which` (all answers without it). */
  function answered(node: string, which: (status: number) => boolean = () => true): number {
    let n = 0;
    for (const [status, count] of stats.answers.get(node) ?? []) if (which(status)) n += count;
    return n;
  }

  return { send, stats, answered };
}
export type RoundRobin = ReturnType<typeof roundRobin>;

/** Runs `fn` over `items` with at most `concurrency` at a time; the results in order. */
export async function inParallel<T, R>(
  items: readonly T[],
  concurrency: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return results;
}

/**
 * A tiny browser for the pages and the workspace API: keeps its cookies
 * (whichever node set them), follows no redirects, reads a page's form token.
 */
export function browser() {
  const jar = new Map<string, string>();
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  async function request(
    node: OmslagNode,
    method: string,
    path: string,
    opts: { form?: Record<string, string>; json?: unknown; headers?: Record<string, string> } = {},
  ) {
    const headers: Record<string, string> = { ...(opts.headers ?? {}) };
    if (jar.size) headers.cookie = cookie();
    let body: string | undefined;
    if (opts.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(opts.form).toString();
    } else if (opts.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(opts.json);
    }
    const res = await fetch(node.base + path, { method, headers, body, redirect: 'manual' });
    for (const set of res.headers.getSetCookie()) {
      const [pair, ...attrs] = set.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const gone = attrs.some((a) => /^\s*max-age=0\s*$/i.test(a) || /^\s*expires=thu, 01 jan 1970/i.test(a));
      if (gone || !value) jar.delete(name);
      else jar.set(name, value);
    }
    const text = await res.text();
    let json: any;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: res.status, location: res.headers.get('location'), text, json };
  }
  return {
    request,
    cookies: () => new Map(jar),
    /** The form token (`_csrf`) of the page at `path` on `node`. */
    async csrf(node: OmslagNode, path: string): Promise<string> {
      const page = await request(node, 'GET', path);
      const token = /name="_csrf" value="([^"]+)"/.exec(page.text)?.[1];
      if (!token) throw new Error(`no form token on ${path} at ${node.id} (${page.status} ${page.location ?? ''})`);
      return token;
    },
  };
}
