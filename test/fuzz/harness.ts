/**
 * The fuzz suite's harness: a real server (test/helpers/server.ts), a raw
 * HTTP client that can send what fetch will not (odd paths, GET bodies,
 * bogus encodings) over one keep-alive socket, and the invariants every
 * answer must keep:
 *
 * - no 5xx;
 * - no internals in any body (stack frames, source paths, `node_modules`,
 *   `.ts:` positions, `Error:`);
 * - under /api, every 4xx is the JSON envelope `{error:{code,message}}` with
 *   a kebab-case code; the pages never show Express's default error page;
 * - a refused request (4xx) leaves the database as it was (a fingerprint of
 *   every table but those a refusal writes by design: the guessing
 *   bookkeeping, and for the citizen pages `sessions`, see API_IGNORED);
 * - no request blocks the server (the event loop, which /api/health shares)
 *   longer than `stallMs`, none takes longer than `slowMs`, and the next
 *   request on the same keep-alive socket is not reset.
 *
 * Violations are collected per run: the test files fail on the first
 * (fast-check's fc.assert), scripts/fuzz.ts can survey them all.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import fc from 'fast-check';
import { startTestServer, type TestServer } from '../helpers/server.js';
import type { FuzzConfig } from './config.js';

export type TokenName = keyof TestServer['tokens'];

/** One request as sent on the wire. `label` names its route (for counts and grouping). */
export type Req = {
  label: string;
  method: string;
  /** The raw request target: path and query, already %-encoded as intended (or deliberately not). */
  path: string;
  headers: Record<string, string>;
  body?: string | Buffer;
  /** A citizen page (not /api): sessions may change on a read. */
  page?: boolean;
};

export type Reply = {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
  /** Wall time of the request. */
  ms: number;
  /** The longest the event loop (the server's, in this process) was blocked while it was in flight. */
  stalledMs: number;
  /** A transport failure: reset, timeout. */
  error?: string;
};

export type Violation = {
  kind: string;
  message: string;
  req: Req;
  reply?: Pick<Reply, 'status' | 'text'>;
  previous?: Req;
  curl?: string;
  previousCurl?: string;
  /** What the scenario was doing (the definition under test). */
  context?: string;
  /** The first line the server logged (console.error) while it answered. */
  serverLog?: string;
  /** The smallest variant of the request that still fails, and what it needs (set by scripts/fuzz.ts). */
  narrowed?: { curl: string; needs: string[] };
};

export type Mode = 'assert' | 'survey';

const INTERNALS: { name: string; re: RegExp }[] = [
  { name: 'stack frame', re: /\bat [^\n<>"]{0,200}?\(?(?:file:\/\/)?\/[^\s)"<>]+:\d+(?::\d+)?\)?/ },
  { name: 'node_modules path', re: /node_modules/ },
  { name: 'source path', re: /\/work\/[^\s"'<>]*/ },
  { name: 'temp folder', re: /\/tmp\/omslag-test-[^\s"'<>]*/ },
  { name: '.ts position', re: /\.[cm]?[tj]sx?:\d+/ },
  { name: 'Error: text', re: /\b(?:[A-Z][A-Za-z]*)?Error: / },
];

/** The kebab-case error code of the envelope. */
export const KEBAB = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

const isApiPath = (path: string) => /^\/api(?:[/?#]|$)/i.test(path);

/** Express's own error page (finalhandler): `<pre>Cannot GET /x</pre>` or a stack. */
const EXPRESS_DEFAULT_PAGE = /<title>Error<\/title>[\s\S]*<pre>|<pre>Cannot [A-Z]+ /;

/**
 * A hash of the rows of every table, kept current cheaply: temporary triggers
 * on this connection (every write of the server goes through it; a rolled-back
 * write rolls its mark back too) note which tables a statement touched, and
 * only those are hashed again.
 */
/** The SQLite handle under the test server's store: the fuzzer watches writes with SQLite triggers (SQLite only). */
export function sqliteOf(s: TestServer) {
  if (!s.store.sql.sqlite) throw new Error('the fuzzer watches a SQLite store: run it in the node project');
  return s.store.sql.sqlite;
}

class DbWatch {
  private readonly touched;
  private readonly clear;
  private readonly hashes = new Map<string, string>();
  constructor(private readonly db: NonNullable<TestServer['store']['sql']['sqlite']>) {
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
      .pluck()
      .all() as string[];
    // No constraint on the mark, so it can never fail a statement of the server: an upsert's conflict
    // policy would override an INSERT OR IGNORE in a trigger. (Trigger writes count in neither changes() nor
    // last_insert_rowid() of the statement that fired them.)
    db.exec('CREATE TEMP TABLE IF NOT EXISTS fuzz_touched (name TEXT)');
    for (const name of tables) {
      const q = name.replace(/"/g, '""');
      const lit = `'${name.replace(/'/g, "''")}'`;
      for (const op of ['INSERT', 'UPDATE', 'DELETE']) {
        db.exec(
          `CREATE TEMP TRIGGER IF NOT EXISTS "fuzz_${op}_${q}" AFTER ${op} ON main."${q}" BEGIN INSERT INTO temp.fuzz_touched (name) SELECT ${lit} WHERE NOT EXISTS (SELECT 1 FROM temp.fuzz_touched WHERE name = ${lit}); END`,
        );
      }
      this.hashes.set(name, this.hash(name));
    }
    this.touched = db.prepare('SELECT DISTINCT name FROM temp.fuzz_touched').pluck();
    this.clear = db.prepare('DELETE FROM temp.fuzz_touched');
  }
  private hash(name: string): string {
    const hash = createHash('sha1');
    let rows = 0;
    for (const row of this.db
      .prepare(`SELECT * FROM "${name.replace(/"/g, '""')}"`)
      .raw()
      .iterate() as Iterable<unknown[]>) {
      rows++;
      hash.update(
        JSON.stringify(row.map((v) => (Buffer.isBuffer(v) ? `blob:${createHash('sha1').update(v).digest('hex')}` : v))),
      );
      hash.update('\n');
    }
    return `${rows}:${hash.digest('hex')}`;
  }
  /** The hash of every table now. */
  snapshot(): Map<string, string> {
    const touched = this.touched.all() as string[];
    if (touched.length) {
      this.clear.run();
      for (const name of touched) this.hashes.set(name, this.hash(name));
    }
    return new Map(this.hashes);
  }
  /** Tables whose rows differ. */
  static diff(a: Map<string, string>, b: Map<string, string>, ignore: ReadonlySet<string>): string[] {
    const names = new Set([...a.keys(), ...b.keys()]);
    return [...names]
      .filter((n) => !ignore.has(n) && a.get(n) !== b.get(n))
      .map((n) => `${n} (${a.get(n)?.split(':')[0] ?? 0} → ${b.get(n)?.split(':')[0] ?? 0} rows)`);
  }
}

/** Where the printed requests go: a server started with `npm start` (its default port). */
const PRINT_BASE = 'http://localhost:3000';

/**
 * Tables a refusal may change by design: the bookkeeping of guessing (issue 11, finding 9) counts and logs
 * exactly the refused requests (failed tokens and sign-ins per address, locks per name, the security log).
 * The citizen pages also leave out `sessions`: a visit (a read) gets a session row for its CSRF token.
 */
const GUESSING = ['rate_limits', 'security_log', 'signin_failures'];
const PAGE_IGNORED = new Set([...GUESSING, 'sessions']);
const API_IGNORED = new Set(GUESSING);

/** Counts per route, and every violation seen (in survey mode all of them). */
export class Recorder {
  readonly counts = new Map<string, number>();
  /** Answers per route by status, to see how deep the requests got (not all stopped at the door). */
  readonly statuses = new Map<string, Map<number, number>>();
  readonly violations: Violation[] = [];
  definitions = 0;
  requests = 0;
  count(label: string) {
    this.requests++;
    this.counts.set(label, (this.counts.get(label) ?? 0) + 1);
  }
}

/** The server under fuzz and the client that talks to it. */
export class Fuzz {
  readonly base: string;
  private agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  private lastUse = 0;
  /** Whether the last request went over a keep-alive socket an earlier request had used. */
  private reusedSocket = false;
  private previous?: Req;
  private readonly db: DbWatch;
  private readonly loop = monitorEventLoopDelay({ resolution: 10 });
  private run: Violation[] = [];
  private readonly tokenNames: Map<string, string>;
  private readonly cookieNames = new Map<string, string>();
  /** Per bearer token: strings (ids and references of other people's cases) no answer to it may contain. */
  private readonly hidden = new Map<string, Set<string>>();

  private constructor(
    readonly s: TestServer,
    readonly cfg: FuzzConfig,
    readonly mode: Mode,
    readonly recorder: Recorder,
    readonly bodiesDir?: string,
  ) {
    this.base = s.base;
    this.db = new DbWatch(sqliteOf(s));
    this.loop.enable();
    this.tokenNames = new Map(Object.entries(s.tokens).map(([name, token]) => [token, `$${name.toUpperCase()}_TOKEN`]));
  }

  static async start(cfg: FuzzConfig, opts: { mode?: Mode; recorder?: Recorder; bodiesDir?: string } = {}) {
    const s = await startTestServer({ examples: true });
    // Durability is the crash test's (scripts/crash-test.ts); this suite checks answers and state. Without an
    // fsync per commit it runs in half the time on a shared 2-core machine, and tests the same code.
    sqliteOf(s).pragma('synchronous = OFF');
    return new Fuzz(s, cfg, opts.mode ?? 'assert', opts.recorder ?? new Recorder(), opts.bodiesDir);
  }

  async close() {
    this.loop.disable();
    this.agent.destroy();
    await this.s.close();
  }

  /** The database watch, for its own test: the tables whose rows changed since `before` (a snapshot). */
  dbSnapshot(): Map<string, string> {
    return this.db.snapshot();
  }
  changedSince(before: Map<string, string>): string[] {
    return DbWatch.diff(before, this.db.snapshot(), new Set());
  }

  /**
   * What the holder of a token must never see: the ids and references of cases that are not theirs (an
   * intermediary without a mandate for them). An answer to that token that contains one is a `leak`.
   */
  hideFrom(who: TokenName, values: string[]) {
    this.hidden.set(this.s.tokens[who], new Set(values));
  }

  /** Names a cookie value in printed requests (`omslag_sessie=<citizen session>`). */
  nameCookie(value: string, name: string) {
    this.cookieNames.set(value, name);
  }

  /** Sends one request; does not check anything. */
  async raw(req: Req, timeoutMs = this.cfg.timeoutMs): Promise<Reply> {
    // An idle keep-alive socket may be closed by the server (keepAliveTimeout 5 s): start afresh instead of racing it.
    if (Date.now() - this.lastUse > 4000) {
      this.agent.destroy();
      this.agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    }
    const url = new URL(this.base);
    const headers: Record<string, string> = { ...req.headers };
    if (req.body !== undefined) headers['content-length'] = String(Buffer.byteLength(req.body));
    const started = performance.now();
    this.loop.reset();
    const reply = await new Promise<Reply>((resolve) => {
      let done = false;
      const finish = (r: Omit<Reply, 'ms' | 'stalledMs'>) => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        resolve({ ...r, ms: performance.now() - started, stalledMs: this.loop.max / 1e6 });
      };
      let request: http.ClientRequest;
      try {
        request = http.request({
          host: url.hostname,
          port: url.port,
          method: req.method,
          path: req.path,
          headers,
          agent: this.agent,
        });
      } catch (e) {
        resolve({
          status: 0,
          headers: {},
          text: '',
          ms: 0,
          stalledMs: 0,
          error: `client:${(e as { code?: string }).code ?? (e as Error).message}`,
        });
        return;
      }
      const timer = setTimeout(() => {
        request.destroy(new Error('timeout'));
        finish({ status: 0, headers: {}, text: '', error: `no answer within ${timeoutMs} ms` });
      }, timeoutMs);
      request.on('socket', (socket) => {
        this.reusedSocket = (socket as { fuzzUsed?: boolean }).fuzzUsed === true;
        (socket as { fuzzUsed?: boolean }).fuzzUsed = true;
      });
      request.on('response', (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (c: Buffer) => {
          size += c.length;
          if (size <= 4 * 1024 * 1024) chunks.push(c);
        });
        res.on('end', () =>
          finish({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', (e) =>
          finish({
            status: res.statusCode ?? 0,
            headers: res.headers,
            text: Buffer.concat(chunks).toString('utf8'),
            error: (e as { code?: string }).code ?? e.message,
          }),
        );
      });
      request.on('error', (e) => {
        const code = (e as { code?: string }).code ?? e.message;
        finish({ status: 0, headers: {}, text: '', error: code });
      });
      request.end(req.body);
    });
    this.lastUse = Date.now();
    return reply;
  }

  /** What a scenario is doing now; recorded with its violations. */
  context?: string;

  /**
   * Sends a request and checks every invariant. `expect` adds a check of
   * the caller's (a status it must have). Violations go to the current run.
   */
  async send(req: Req, expect?: (reply: Reply) => string | undefined): Promise<Reply> {
    const { reply, violations } = await this.exchange(req, expect);
    if (reply.error?.startsWith('client:')) return reply;
    this.recorder.count(req.label);
    const byStatus = this.recorder.statuses.get(req.label) ?? new Map<number, number>();
    byStatus.set(reply.status, (byStatus.get(reply.status) ?? 0) + 1);
    this.recorder.statuses.set(req.label, byStatus);
    this.record(violations);
    return reply;
  }

  /** Sends a request and returns its violations without recording or counting it (to narrow a failure down). */
  async probe(req: Req): Promise<Violation[]> {
    return (await this.exchange(req)).violations;
  }

  private async exchange(
    req: Req,
    expect?: (reply: Reply) => string | undefined,
  ): Promise<{ reply: Reply; violations: Violation[] }> {
    const before = this.db.snapshot();
    const logged: string[] = [];
    const consoleError = console.error;
    // The pages log their 500s: keep the first line as the likely cause, keep the output clean.
    console.error = (...args: unknown[]) => {
      logged.push(
        args
          .map((a) => (a instanceof Error ? `${a.name}: ${a.message}` : String(a)))
          .join(' ')
          .split('\n')[0],
      );
    };
    let reply: Reply;
    try {
      reply = await this.raw(req);
    } finally {
      console.error = consoleError;
    }
    if (reply.error?.startsWith('client:')) return { reply, violations: [] }; // not sendable (an invalid header for Node's client): not a request
    const violations: Violation[] = [];
    const add = (kind: string, message: string, extra: Partial<Violation> = {}) =>
      violations.push({
        kind,
        message,
        req,
        reply: { status: reply.status, text: reply.text.slice(0, 2000) },
        context: this.context,
        serverLog: logged[0],
        ...extra,
      });
    const previous = this.previous;
    const reused = this.reusedSocket;
    if (reply.error && previous && reused) {
      // A reset, or a hang of a request that is safe to repeat, on a socket an earlier request used: again on a
      // fresh socket. If that is answered, the socket the previous request left behind was broken (e.g. an early
      // refusal that did not drain its body): the previous request's fault. (A change is never sent twice: the
      // server may have acted on it.)
      const reset = /ECONNRESET|EPIPE|socket hang up/.test(reply.error);
      const safe = ['GET', 'HEAD', 'OPTIONS'].includes(req.method);
      const error = reply.error;
      this.agent.destroy();
      this.agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
      if (reset || safe) {
        const again = await this.raw(req, Math.min(1000, this.cfg.timeoutMs));
        if (!again.error) {
          add(
            'broken-socket',
            `the next request on the same keep-alive socket got ${error} (on a fresh socket it was answered)`,
            { req: previous, previous: req },
          );
          reply = again;
        }
      }
    }
    if (reply.error)
      add(
        'transport',
        `no answer: ${reply.error}${previous && reused ? ` (on a socket the previous request used: ${previous.method} ${previous.path.slice(0, 80)})` : ''}`,
      );
    else {
      for (const v of checkReply(req, reply)) add(v.kind, v.message);
      const token = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
      const sent = `${req.path}\n${typeof req.body === 'string' ? req.body : (req.body?.toString('utf8') ?? '')}`;
      for (const value of (token && this.hidden.get(token)) || [])
        // Echoed from the request itself (a 404 naming the path) is no leak.
        if (reply.text.includes(value) && !sent.includes(value))
          add('leak', `the answer to ${this.tokenNames.get(token!)} shows ${value}, a case it may not see`);
      if (reply.status >= 400 && reply.status < 500) {
        const changed = DbWatch.diff(before, this.db.snapshot(), req.page ? PAGE_IGNORED : API_IGNORED);
        if (changed.length) add('changed-on-refusal', `answered ${reply.status} but changed ${changed.join(', ')}`);
      }
      if (reply.stalledMs > this.cfg.stallMs)
        add(
          'stall',
          `the server was blocked ${Math.round(reply.stalledMs)} ms (everybody else, /api/health too, waited)`,
        );
      if (reply.ms > this.cfg.slowMs) add('slow', `took ${Math.round(reply.ms)} ms`);
      const wrong = expect?.(reply);
      if (wrong) add('expectation', wrong);
    }
    this.previous = req;
    return { reply, violations };
  }

  /** Records violations found outside `send` (a scenario's own checks). */
  violation(kind: string, message: string, req: Req, reply?: Reply) {
    this.record([
      {
        kind,
        message,
        req,
        reply: reply && { status: reply.status, text: reply.text.slice(0, 2000) },
        context: this.context,
      },
    ]);
  }

  private record(violations: Violation[]) {
    // Printed by this server's names for its tokens and cookies, while it still knows them.
    for (const v of violations) {
      v.curl ??= this.curl(v.req);
      if (v.previous) v.previousCurl ??= this.curl(v.previous);
    }
    this.run.push(...violations);
    this.recorder.violations.push(...violations);
  }

  /** GET /api/health answers 200 within healthMs. */
  async healthy() {
    const req: Req = { label: 'GET /api/health (after)', method: 'GET', path: '/api/health', headers: {} };
    const reply = await this.raw(req);
    if (reply.error || reply.status !== 200 || reply.ms > this.cfg.healthMs) {
      this.violation(
        'unhealthy',
        `GET /api/health afterwards: ${reply.error ?? reply.status} in ${Math.round(reply.ms)} ms`,
        this.previous ?? req,
        reply,
      );
    }
  }

  /** JSON API helper for setup and scenario steps (checked like every request). */
  async api(
    method: string,
    path: string,
    opts: { as?: TokenName; body?: unknown; label?: string; headers?: Record<string, string> } = {},
    expect?: (r: Reply) => string | undefined,
  ) {
    const headers: Record<string, string> = { ...(opts.headers ?? {}) };
    if (opts.as) headers.authorization = `Bearer ${this.s.tokens[opts.as]}`;
    let body: string | undefined;
    if (opts.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body);
    }
    const reply = await this.send({ label: opts.label ?? `${method} ${path}`, method, path, headers, body }, expect);
    let json: any;
    try {
      json = reply.text ? JSON.parse(reply.text) : undefined;
    } catch {
      json = undefined;
    }
    return { ...reply, json };
  }

  /**
   * One property: `numRuns` generated values, each run's violations fail it
   * (assert mode) or are only recorded (survey mode). endOnFailure: the
   * first failing value is reported as generated, without shrinking (cheap).
   */
  async property<T>(
    name: string,
    arb: fc.Arbitrary<T>,
    numRuns: number,
    run: (value: T) => Promise<void>,
    examples: T[] = [],
  ) {
    if (numRuns <= 0 && !examples.length) return;
    await fc.assert(
      fc.asyncProperty(arb, async (value) => {
        this.run = [];
        await run(value);
        await this.healthy();
        const found = this.run;
        this.run = [];
        if (found.length && this.mode === 'assert')
          throw new Error(`${name}: ${found.length} violation(s)\n${formatViolations(found, this)}`);
      }),
      // The examples (each finding of issue 11 as a request) run first, then the generated values.
      // (fast-check counts examples as runs: numRuns generated values come on top of them.)
      {
        numRuns: numRuns + examples.length,
        seed: this.cfg.seed,
        endOnFailure: true,
        examples: examples.map((e) => [e] as [T]),
      },
    );
  }

  /** A curl-like line that repeats the request (tokens as $ROLE_TOKEN variables). */
  curl(req: Req): string {
    const q = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
    const named = (v: string) => {
      let out = v;
      for (const [token, name] of this.tokenNames) out = out.split(token).join(name);
      for (const [cookie, name] of this.cookieNames) out = out.split(cookie).join(`<${name}>`);
      return out;
    };
    const path = req.path.length > 1500 ? `${req.path.slice(0, 300)}…(${req.path.length} chars)` : req.path;
    const parts = ['curl -si', '-X', req.method, q(`${PRINT_BASE}${path}`)];
    for (const [k, v] of Object.entries(req.headers)) {
      const shown = named(v.length > 300 ? `${v.slice(0, 60)}…(${v.length} chars)` : v);
      parts.push('-H', shown.includes('$') ? `"${k}: ${shown.replace(/["\\`]/g, '\\$&')}"` : q(`${k}: ${shown}`));
    }
    if (req.body !== undefined) {
      const text = typeof req.body === 'string' ? req.body : req.body.toString('latin1');
      const binary = typeof req.body !== 'string' || /[^\x20-\x7e\n\t\r]/.test(text);
      if (this.bodiesDir && (text.length > 400 || binary)) {
        mkdirSync(this.bodiesDir, { recursive: true });
        const file = join(this.bodiesDir, `${createHash('sha1').update(req.body).digest('hex').slice(0, 12)}.body`);
        writeFileSync(file, req.body);
        parts.push('--data-binary', `@${file}`);
      } else if (text.length > 400) {
        parts.push(
          '--data-binary',
          `${q(named(text.slice(0, 200)))}…(${Buffer.byteLength(req.body)} bytes; npm run fuzz -- --bodies DIR writes such bodies to files)`,
        );
      } else {
        const bytes = typeof req.body === 'string' ? Buffer.from(req.body, 'utf8') : req.body;
        const escaped = [...bytes]
          .map((b) =>
            b >= 0x20 && b <= 0x7e && b !== 0x25 && b !== 0x5c && b !== 0x27
              ? String.fromCharCode(b)
              : `\\x${b.toString(16).padStart(2, '0')}`,
          )
          .join('');
        parts.push('--data-binary', binary ? `"$(printf '${escaped}')"` : q(named(text)));
      }
    }
    return parts.join(' ');
  }
}

/** The invariants on one answer that need no database: status, internals, envelope, default page. */
export function checkReply(req: Req, reply: Reply): { kind: string; message: string }[] {
  const out: { kind: string; message: string }[] = [];
  const workspaceNotBuilt =
    reply.status === 503 && /^\/(werkplek|ontwerp)\b/.test(req.path) && /is not built/.test(reply.text);
  if (reply.status >= 500 && !workspaceNotBuilt)
    out.push({ kind: '5xx', message: `answered ${reply.status}: ${reply.text.slice(0, 200)}` });
  const sent = `${req.path}\n${JSON.stringify(req.headers)}\n${typeof req.body === 'string' ? req.body : (req.body?.toString('utf8') ?? '')}`;
  for (const { name, re } of INTERNALS) {
    const m = re.exec(reply.text);
    // A fragment the request itself contained is an echo (a 404 naming the path), not a leak.
    if (m && !sent.includes(m[0]))
      out.push({
        kind: 'internals',
        message: `the body shows a ${name}: ${JSON.stringify(reply.text.slice(Math.max(0, m.index - 60), m.index + 120))}`,
      });
  }
  if (isApiPath(req.path) && reply.status >= 400 && req.method !== 'HEAD') {
    let json: any;
    try {
      json = JSON.parse(reply.text);
    } catch {
      /* not JSON */
    }
    const code = json?.error?.code;
    // OAuth 2's token endpoint answers its refusals as RFC 6749 §5.2 says: { error, error_description }.
    const oauth =
      /^\/api\/oauth\/token\/?(?:\?|$)/i.test(req.path) &&
      (reply.status === 400 || reply.status === 401) &&
      /^[a-z_]+$/.test(String(json?.error)) &&
      typeof json?.error_description === 'string';
    if (oauth) {
      /* the RFC's shape */
    } else if (
      !json ||
      typeof json.error !== 'object' ||
      typeof code !== 'string' ||
      typeof json.error.message !== 'string'
    ) {
      out.push({
        kind: 'envelope',
        message: `a ${reply.status} under /api without the error envelope {error:{code,message}}: ${reply.text.slice(0, 200)}`,
      });
    } else if (!KEBAB.test(code)) {
      out.push({ kind: 'envelope', message: `error code ${JSON.stringify(code)} is not kebab-case` });
    }
  }
  if (reply.status === 429 && !reply.headers['retry-after'])
    out.push({ kind: 'no-retry-after', message: 'a 429 without Retry-After (when may the client try again?)' });
  if (!isApiPath(req.path) && EXPRESS_DEFAULT_PAGE.test(reply.text))
    out.push({
      kind: 'default-error-page',
      message: `Express's default error page instead of a themed one: ${reply.text.slice(0, 200)}`,
    });
  return out;
}

/** Violations as text: one block per violation with the request repeated as curl. */
export function formatViolations(list: Violation[], fz: Fuzz): string {
  return list
    .map((v) => {
      const lines = [`[${v.kind}] ${v.req.label}: ${v.message}`];
      if (v.serverLog) lines.push(`    the server logged: ${v.serverLog.slice(0, 300)}`);
      if (v.context) lines.push(`    while: ${v.context}`);
      lines.push(`    ${v.curl ?? fz.curl(v.req)}`);
      if (v.narrowed)
        lines.push(
          `    narrowed down (needs ${v.narrowed.needs.join(' + ') || 'nothing of the above: the route alone'}):`,
          `    ${v.narrowed.curl}`,
        );
      if (v.previous) lines.push(`    (seen on the next request: ${v.previousCurl ?? fz.curl(v.previous)})`);
      return lines.join('\n');
    })
    .join('\n');
}

/** Distinct failures: one per kind, route and status (and error code), with the first request that showed it. */
export function groupViolations(list: Violation[]): { key: string; count: number; first: Violation }[] {
  const groups = new Map<string, { key: string; count: number; first: Violation }>();
  for (const v of list) {
    let code = '';
    try {
      code = JSON.parse(v.reply?.text ?? '')?.error?.code ?? '';
    } catch {
      /* not JSON */
    }
    const key = `${v.kind} | ${v.req.label} | ${v.reply?.status ?? '-'}${code ? ` ${code}` : ''}${v.narrowed ? ` | needs ${v.narrowed.needs.join(' + ') || 'the route alone'}` : ''}`;
    const g = groups.get(key);
    if (g) g.count++;
    else groups.set(key, { key, count: 1, first: v });
  }
  return [...groups.values()];
}
