import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import { defaultLimits, type Limits } from './http/limits.js';
import type { Synchronous } from './store/index.js';
import { readAuthSettings } from './auth/settings.js';
import { readNotifySettings } from './notify/settings.js';

/**
 * Settings, from environment variables (the README lists them). This is the
 * only module that reads the environment; main.ts and cli.ts call it.
 */
export function readConfig(env: NodeJS.ProcessEnv = process.env) {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a port number, not '${env.PORT}'`);
  const timerIntervalMs = Number(env.TIMER_INTERVAL_MS ?? 1000);
  if (!(timerIntervalMs >= 50)) throw new Error(`TIMER_INTERVAL_MS must be 50 or more, not '${env.TIMER_INTERVAL_MS}'`);
  const synchronous = (env.SQLITE_SYNCHRONOUS ?? 'full').toLowerCase();
  if (synchronous !== 'full' && synchronous !== 'normal')
    throw new Error(
      `SQLITE_SYNCHRONOUS is 'full' (the default: durable on power loss) or 'normal', not '${env.SQLITE_SYNCHRONOUS}'`,
    );
  const dataDir = resolve(env.DATA_DIR ?? './data');
  const auth = readAuthSettings(env);
  return {
    port,
    host: env.HOST ?? '127.0.0.1',
    dataDir,
    database: readDatabase(env, dataDir),
    /** This node's name in timer leases and locks: unique among the nodes that share a database. */
    nodeId: nodeId(env.NODE_ID),
    processesDir: resolve(env.PROCESSES_DIR ?? './processes'),
    timerIntervalMs,
    /** How long a node holds the due timers it claimed; a node that dies leaves them to the others after this. */
    timerLeaseMs: count(env, 'TIMER_LEASE_MS', 30_000, 1000),
    bodyLimit: env.BODY_LIMIT ?? '256kb',
    /** How citizens, companies and staff sign in (runtime/auth/settings.ts): the providers, the stand-in, the timeouts. */
    auth,
    /** Demo accounts at a first start: only with the development stand-in (never in production). */
    demo: auth.devSignIn && env.DEMO_ACCOUNTS !== 'false',
    themeFile: env.THEME_FILE ? resolve(env.THEME_FILE) : undefined,
    /** Set behind HTTPS so session cookies are only sent over TLS. */
    secureCookies: env.COOKIE_SECURE === 'true',
    /** FULL: every commit reaches the disk before the answer (durable on power loss); NORMAL: at checkpoints. */
    synchronous: synchronous as Synchronous,
    /** Express's `trust proxy`: behind a reverse proxy, which hops' X-Forwarded-For to believe (per-address limits need it). */
    trustProxy: trustProxy(env.TRUST_PROXY),
    limits: readLimits(env),
    /** Notices by email and SMS (runtime/notify): the SMTP server, the SMS provider, retries. */
    notify: readNotifySettings(env, auth.publicUrl, port),
  };
}
export type Config = ReturnType<typeof readConfig>;

function count(env: NodeJS.ProcessEnv, name: string, fallback: number, min = 1): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min)
    throw new Error(`${name} must be a whole number of at least ${min}, not '${raw}'`);
  return n;
}

/** The store: PostgreSQL when DATABASE_URL names one, otherwise the SQLite file in DATA_DIR. */
function readDatabase(env: NodeJS.ProcessEnv, dataDir: string) {
  const poolSize = count(env, 'DATABASE_POOL_SIZE', 10);
  const url = env.DATABASE_URL?.trim();
  if (!url) {
    const file = join(dataDir, 'omslag.db');
    return { dialect: 'sqlite' as const, target: file, shown: file, poolSize };
  }
  const shown = maskPassword(url);
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {
    /* reported below */
  }
  if (!parsed || !/^postgres(ql)?:$/i.test(parsed.protocol))
    throw new Error(
      `DATABASE_URL must be a PostgreSQL URL such as postgres://omslag:PASSWORD@localhost:5432/omslag, not '${shown}' (leave it unset for the SQLite file in DATA_DIR)`,
    );
  if (parsed.pathname.length <= 1)
    throw new Error(`DATABASE_URL names no database: add it after the host, as in postgres://…@host:5432/omslag`);
  return { dialect: 'postgres' as const, target: url, shown, poolSize };
}

/**
 * A database URL or file as it may be printed: the password of a URL masked,
 * also in one that does not parse and in a `password=` parameter.
 */
export function maskPassword(target: string): string {
  let shown = target;
  try {
    const url = new URL(target);
    if (url.password) {
      url.password = '***';
      shown = url.toString();
    }
  } catch {
    // Up to the last @: a password may hold an unencoded @.
    shown = target.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:/?#@]*):.*@/i, '$1:***@');
  }
  return shown.replace(/([?&]password=)[^&#]*/gi, '$1***');
}

function nodeId(raw: string | undefined): string {
  if (raw === undefined || raw === '') return `${hostname()}:${process.pid}`;
  if (!/^[\w.:@-]{1,100}$/.test(raw))
    throw new Error(`NODE_ID is up to 100 letters, digits and . : @ - _ (unique per node, e.g. web-1), not '${raw}'`);
  return raw;
}

/** Rate limits and locks against guessing (runtime/http/rate-limit.ts applies them). */
function readLimits(env: NodeJS.ProcessEnv): Limits {
  const limits: Limits = {
    signInPerAddress: count(env, 'SIGNIN_LIMIT_PER_ADDRESS', defaultLimits.signInPerAddress),
    signInWindowMs: count(env, 'SIGNIN_WINDOW_MINUTES', defaultLimits.signInWindowMs / 60_000) * 60_000,
    lockAfter: count(env, 'SIGNIN_LOCK_AFTER', defaultLimits.lockAfter),
    lockMs: count(env, 'SIGNIN_LOCK_SECONDS', defaultLimits.lockMs / 1000) * 1000,
    lockMaxMs: count(env, 'SIGNIN_LOCK_MAX_SECONDS', defaultLimits.lockMaxMs / 1000) * 1000,
    tokenFailuresPerAddress: count(env, 'TOKEN_FAILURES_PER_MINUTE', defaultLimits.tokenFailuresPerAddress),
    tokenWindowMs: 60_000,
    signInStartsPerAddress: count(env, 'SIGNIN_STARTS_PER_ADDRESS', defaultLimits.signInStartsPerAddress),
  };
  if (limits.lockMaxMs < limits.lockMs) throw new Error('SIGNIN_LOCK_MAX_SECONDS must be at least SIGNIN_LOCK_SECONDS');
  return limits;
}

function trustProxy(raw: string | undefined): boolean | number | string {
  if (raw === undefined || raw === '' || raw === 'false') return false;
  if (raw === 'true') return true;
  return /^\d+$/.test(raw) ? Number(raw) : raw; // a hop count, or addresses/subnets ('loopback', '10.0.0.0/8')
}

/** Settings of `npm run serve` (runtime/supervisor.ts); the server it runs reads readConfig itself. */
export function readSupervisorConfig(env: NodeJS.ProcessEnv = process.env) {
  const backoffMs = count(env, 'SUPERVISOR_BACKOFF_MS', 500, 0);
  return {
    /** The wait before the first restart; doubles for each crash soon after a start. */
    backoffMs,
    backoffMaxMs: Math.max(backoffMs, count(env, 'SUPERVISOR_BACKOFF_MAX_MS', 30_000, 0)),
    /** A server that ran this long counts as stable: its next crash restarts after backoffMs again. */
    stableMs: count(env, 'SUPERVISOR_STABLE_MS', 60_000, 0),
    /** How long a stop (SIGTERM) may take before the server is killed. */
    stopTimeoutMs: count(env, 'SUPERVISOR_STOP_TIMEOUT_MS', 15_000, 0),
  };
}
export type SupervisorConfig = ReturnType<typeof readSupervisorConfig>;
