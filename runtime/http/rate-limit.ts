import { createHash } from 'node:crypto';
import type { Request, RequestHandler, Response } from 'express';
import { ipKeyGenerator } from 'express-rate-limit';
import type { Clock } from '../engine/index.js';
import type { Store } from '../store/index.js';
import { HttpError, requestLang } from './errors.js';
import { defaultLimits, type Limits } from './limits.js';

export { defaultLimits, type Limits };

/** Failures older than this no longer count towards a lock. */
const FORGET_FAILURES_MS = 24 * 60 * 60_000;
const KEEP_LOG_MS = 90 * 24 * 60 * 60_000;
const PRUNE_EVERY_MS = 10 * 60_000;

export type SignInAttempt = {
  /** The password was right: the failures of this name are forgotten. */
  succeeded(): Promise<void>;
  /** The password was wrong: 401, or 429 when this failure locks the name (always rejects). */
  failed(): Promise<never>;
};

/**
 * Rate limits per address and locks per account name, counted in the
 * database (not in memory) so that every node on a shared database counts
 * together and a restart — or a crash the guesser caused — does not reset a
 * lock. Refusals are 429 in the error envelope with Retry-After.
 */
export function createGuard({ store, clock }: { store: Store; clock: Clock }, overrides: Partial<Limits> = {}) {
  const limits: Limits = { ...defaultLimits, ...overrides };
  const security = store.security;
  const iso = (ms: number) => new Date(ms).toISOString();
  const secondsUntil = (at: string, now: number) => Math.max(1, Math.ceil((Date.parse(at) - now) / 1000));
  let prunedAt = 0;

  async function prune(now: number) {
    if (now - prunedAt < PRUNE_EVERY_MS) return;
    prunedAt = now;
    await security.prune(iso(now), iso(now - FORGET_FAILURES_MS), iso(now - KEEP_LOG_MS));
  }

  /** The client's address as a key: IPv6 addresses by their /56 (one subscriber's block), as express-rate-limit does. */
  const addressOf = (req: Request) => ipKeyGenerator(req.ip ?? req.socket.remoteAddress ?? 'unknown');

  const scopes = {
    signin: { limit: () => limits.signInPerAddress, windowMs: () => limits.signInWindowMs, code: 'too-many-sign-ins' },
    token: {
      limit: () => limits.tokenFailuresPerAddress,
      windowMs: () => limits.tokenWindowMs,
      code: 'too-many-token-failures',
    },
    start: {
      limit: () => limits.signInStartsPerAddress,
      windowMs: () => limits.signInWindowMs,
      code: 'too-many-sign-ins',
    },
  };

  /**
   * Counts one attempt from `address` before it is tried (so concurrent
   * attempts cannot slip past the limit), inside the caller's transaction;
   * the seconds to wait once the window's limit is used, else undefined.
   */
  async function count(scope: keyof typeof scopes, address: string, now: number): Promise<number | undefined> {
    const s = scopes[scope];
    const limit = s.limit();
    // Past limit + 1 the counter stops writing; limit + 1 itself is the one hit that is logged.
    const r = await security.hit(`${scope}:${address}`, iso(now), iso(now + s.windowMs()), limit + 2);
    if (r.hits === limit + 1)
      await security.log({
        at: iso(now),
        kind: 'rate-limit.hit',
        address,
        details: { limit: scope, max: limit, windowSeconds: s.windowMs() / 1000 },
      });
    await prune(now);
    return r.hits > limit ? secondsUntil(r.resetAt, now) : undefined;
  }

  function tooMany(scope: keyof typeof scopes, seconds: number, res: Response): HttpError {
    const s = scopes[scope];
    res.set('Retry-After', String(seconds));
    const params = { scope, limit: s.limit(), minutes: Math.round(s.windowMs() / 60_000), seconds };
    return new HttpError(429, s.code, ['tooMany', params], { retryAfter: seconds });
  }

  /** Counts one attempt in its own transaction; 429 past the limit. */
  async function admit(scope: keyof typeof scopes, address: string, res: Response): Promise<void> {
    const now = clock.now().getTime();
    const wait = await store.relaxedTransaction(() => count(scope, address, now));
    if (wait !== undefined) throw tooMany(scope, wait, res);
  }

  async function refund(scope: keyof typeof scopes, address: string): Promise<void> {
    await security.refund(`${scope}:${address}`, clock.now().toISOString());
  }

  const lockMsAfter = (failures: number) =>
    Math.min(limits.lockMaxMs, limits.lockMs * 2 ** Math.min(30, failures - limits.lockAfter));
  const nameHash = (name: string) => createHash('sha256').update(`signin\0${name}`).digest('hex');

  function locked(res: Response, until: string, now: number, failedNow = false): HttpError {
    const seconds = secondsUntil(until, now);
    res.set('Retry-After', String(seconds));
    // "This name", never "your account": the answer is the same whether or not the account exists.
    const params = { seconds, until, failedNow: failedNow ? 'yes' : 'no' };
    return new HttpError(429, 'sign-in-locked', ['signInLocked', params], { retryAfter: seconds, lockedUntil: until });
  }

  return {
    limits,
    addressOf,

    /**
     * Starts a sign-in with a name and password. Refused with 429 when the
     * address has used its failed sign-ins or the name is locked (without
     * checking the password). Otherwise the attempt is counted as failed
     * before the password is checked, so that concurrent guesses cannot slip
     * past the lock; `succeeded()` takes that back.
     */
    async beginSignIn(req: Request, res: Response, name: string): Promise<SignInAttempt> {
      const address = addressOf(req);
      const key = nameHash(name);
      const now = clock.now().getTime();
      const account = async () => ((await store.accounts.userByName(name)) ? name : null); // logged only for names that exist
      // One transaction (one sync to disk) for the address and the name.
      type State = { wait: number } | { refused: string } | { failures: number; lockedUntil: string | null };
      const state = await store.relaxedTransaction(async (): Promise<State> => {
        const wait = await count('signin', address, now);
        if (wait !== undefined) return { wait };
        const f = await security.failures(key);
        if (f?.lockedUntil && f.lockedUntil > iso(now)) {
          await security.log({
            at: iso(now),
            kind: 'signin.refused',
            account: await account(),
            address,
            details: { lockedUntil: f.lockedUntil },
          });
          return { refused: f.lockedUntil };
        }
        const failures = (f && Date.parse(f.lastFailedAt) > now - FORGET_FAILURES_MS ? f.failures : 0) + 1;
        const lockedUntil = failures >= limits.lockAfter ? iso(now + lockMsAfter(failures)) : null;
        await security.setFailures(key, { failures, lastFailedAt: iso(now), lockedUntil });
        return { failures, lockedUntil };
      });
      if ('wait' in state) throw tooMany('signin', state.wait, res);
      if ('refused' in state) throw locked(res, state.refused, now);
      const counted = state;
      return {
        async succeeded() {
          await store.relaxedTransaction(async () => {
            await security.clearFailures(key);
            await refund('signin', address);
          });
        },
        async failed() {
          await store.relaxedTransaction(async () => {
            const name = await account();
            await security.log({
              at: iso(now),
              kind: 'signin.failed',
              account: name,
              address,
              details: { failures: counted.failures },
            });
            if (counted.lockedUntil)
              await security.log({
                at: iso(now),
                kind: 'signin.locked',
                account: name,
                address,
                details: {
                  failures: counted.failures,
                  seconds: (Date.parse(counted.lockedUntil) - now) / 1000,
                  lockedUntil: counted.lockedUntil,
                },
              });
          });
          if (counted.lockedUntil) throw locked(res, counted.lockedUntil, now, true);
          throw new HttpError(401, 'invalid-credentials', 'invalidCredentials');
        },
      };
    },

    /** A request carried a bearer token that is not known: 429 once this address has sent too many. */
    async tokenFailed(req: Request, res: Response): Promise<void> {
      await admit('token', addressOf(req), res);
    },

    /**
     * Middleware for the addresses that begin a sign-in at a provider (each
     * stores a flow row until it is finished or expires): at most
     * `signInStartsPerAddress` per address per window, then 429 (a page, or
     * the envelope for a client asking JSON). Never refunded.
     */
    signInStart: (async (req, res, next) => {
      try {
        await admit('start', addressOf(req), res);
      } catch (error) {
        if (!(error instanceof HttpError)) throw error;
        return refusePage(req, res, error);
      }
      next();
    }) as RequestHandler,

    /**
     * Middleware for the citizen pages' sign-in form (POST /inloggen): a
     * refused sign-in counts against the address, a successful one (a
     * redirect) does not. Answers 429 itself: a short page, or the error
     * envelope for a client that asks for JSON.
     */
    pageSignIn: (async (req, res, next) => {
      const address = addressOf(req);
      try {
        await admit('signin', address, res);
      } catch (error) {
        if (!(error instanceof HttpError)) throw error;
        return refusePage(req, res, error);
      }
      res.once('finish', () => {
        if (res.statusCode >= 400) return;
        // The store may be closed already (a server shutting down): the hit then simply stays.
        refund('signin', address).catch(() => {});
      });
      next();
    }) as RequestHandler,
  };
}
export type Guard = ReturnType<typeof createGuard>;

function refusePage(req: Request, res: Response, error: HttpError) {
  res.status(429).set('Cache-Control', 'no-store');
  if (req.accepts(['html', 'json']) === 'json')
    return res.json({
      error: {
        code: error.code,
        message: error.messageIn(requestLang(req)),
        details: error.detailsIn(requestLang(req)),
      },
    });
  const minutes = Math.ceil(Number(res.get('Retry-After')) / 60);
  res.type('html').send(`<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Te veel inlogpogingen</title></head>
<body><main><h1>Te veel inlogpogingen</h1><p>Vanaf uw adres is te vaak zonder succes ingelogd. Probeer het over ${minutes} ${minutes === 1 ? 'minuut' : 'minuten'} opnieuw.</p>
<p lang="en">Too many failed sign-ins from your address. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.</p><p><a href="/">Terug naar de start / Back to the start</a></p></main></body></html>`);
}
