import type { NextFunction, Request, Response } from 'express';
import { pickLang, type Lang } from '../model/index.js';
import type { Acting, SessionExtra, SessionRow, SigninFlow, Store } from '../store/index.js';
import type { Clock } from '../engine/index.js';
import { cookieOptions, readCookie, SESSION_COOKIE, VISIT_COOKIE } from './cookies.js';
import { newCsrfToken, sameToken } from './csrf.js';

/** A signed-in citizen's session lasts this long from sign-in (not extended by use), unless the settings say otherwise. */
export const SESSION_TTL_MS = 8 * 60 * 60 * 1000;
const VISIT_TTL_MS = 30 * 24 * 60 * 60 * 1000;
/** Use is written down at most this often: a session's idle timeout restarts on the first request after a minute. */
export const TOUCH_EVERY_MS = 60_000;

/**
 * What a page knows about its visitor. `idHash` names the stored session
 * row of a signed-in citizen; an anonymous visitor has none (`null`): their
 * language and form token live in a cookie only.
 */
export type PageSession = {
  idHash: string | null;
  bsn: string | null;
  lang: Lang;
  csrf: string | null;
  flash: string | null;
  /** A company's KVK number (eHerkenning): its cases' subject is `kvk:<number>`. */
  kvk?: string | null;
  /** The level of assurance of the sign-in; null for the stand-in without one. */
  level?: string | null;
  /** 'dev' (the stand-in), 'digid', 'eherkenning'. */
  provider?: string | null;
  /** The provider's ID token, for signing out there too. */
  idToken?: string | null;
  staffId?: string | null;
  /** For whom the holder acts now, by a mandate. */
  acting?: Acting | null;
  /**
   * The session went idle (no request for the idle timeout): it counts as
   * signed out. Its holder and token are still known, so the router can keep
   * a form's answers before it asks to sign in again; then it is ended.
   */
  idle?: { bsn: string | null; kvk: string | null };
};

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      session?: PageSession;
    }
  }
}

const visitPattern = /^(nl|en)\.([A-Za-z0-9_-]{43})?$/;

/**
 * Sessions of the citizen pages. A row is stored only for a signed-in
 * citizen (created at sign-in, with a new id: no fixation). Anonymous
 * visitors get no row: a visit cookie holds their language and, once a page
 * with a form was shown, a random token that the form repeats (a
 * double-submit token; SameSite=Lax keeps the cookie off cross-site posts).
 */
export function citizenSessions(
  store: Store,
  clock: Clock,
  opts: { secureCookies: boolean; idleMs?: number; maxMs?: number },
) {
  const maxMs = opts.maxMs ?? SESSION_TTL_MS;
  const cookieOpts = (maxAge: number) => cookieOptions('lax', opts.secureCookies, maxAge);
  const setVisit = (res: Response, lang: Lang, token: string | null) =>
    res.cookie(VISIT_COOKIE, `${lang}.${token ?? ''}`, cookieOpts(VISIT_TTL_MS));

  /** The visitor as the cookies say, without writing anything. */
  async function read(req: Request): Promise<PageSession> {
    const id = readCookie(req, SESSION_COOKIE);
    const now = clock.now();
    const row = id ? await store.sessions.get(id, now) : undefined;
    if (row && (row.bsn || row.kvk) && row.userId === null) {
      const session = fromRow(row);
      if (row.idleUntil && row.idleUntil <= now.toISOString())
        return { ...session, bsn: null, kvk: null, acting: null, idle: { bsn: row.bsn, kvk: row.kvk } };
      return session;
    }
    const visit = visitPattern.exec(readCookie(req, VISIT_COOKIE) ?? '');
    return {
      idHash: null,
      bsn: null,
      lang: (visit?.[1] as Lang | undefined) ?? 'nl',
      csrf: visit?.[2] ?? null,
      flash: null,
    };
  }

  const fromRow = (row: SessionRow): PageSession & { lastSeenAt: string | null } => ({
    idHash: row.idHash,
    bsn: row.bsn,
    lang: row.lang,
    csrf: row.csrf,
    flash: row.flash,
    kvk: row.kvk,
    level: row.level,
    provider: row.provider,
    idToken: row.idToken,
    staffId: row.staffId,
    acting: row.acting,
    lastSeenAt: row.lastSeenAt,
  });

  return {
    read,
    async middleware(req: Request, res: Response, next: NextFunction) {
      let session = await read(req);
      if (session.idle && session.idHash && req.method !== 'POST') {
        // Idle: signed out now. Only a post is kept a moment, for the router to save its answers first.
        await store.sessions.delete(session.idHash);
        res.clearCookie(SESSION_COOKIE, { path: '/' });
        session = { idHash: null, bsn: null, lang: session.lang, csrf: null, flash: null, idle: session.idle };
      }
      // Use restarts the idle timeout; written at most once a minute, not on every request.
      const seen = (session as { lastSeenAt?: string | null }).lastSeenAt;
      if (session.idHash && !session.idle && opts.idleMs) {
        const now = clock.now();
        if (!seen || now.getTime() - Date.parse(seen) > TOUCH_EVERY_MS)
          await store.sessions.touch(session.idHash, now, opts.idleMs);
      }
      const asked = typeof req.query.lang === 'string' ? pickLang(req.query.lang) : undefined;
      // Dutch by default (not the browser's language): English is a visible switch.
      if (asked && asked !== session.lang) {
        session = { ...session, lang: asked };
        if (session.idHash) await store.sessions.setLang(session.idHash, asked);
        else setVisit(res, asked, session.csrf);
      }
      req.session = session;
      next();
    },
    /** The token for a form on this page; an anonymous visitor's is made (and set in the cookie) when first needed. */
    token(req: Request): string {
      const session = req.session!;
      if (!session.csrf) {
        session.csrf = newCsrfToken();
        setVisit(req.res!, session.lang, session.csrf);
      }
      return session.csrf;
    },
    /** Whether `sent` (the form's `_csrf`) is this visitor's token. */
    csrf(req: Request, sent: unknown = req.body?._csrf): boolean {
      return sameToken(sent, req.session?.csrf ?? null);
    },
    /**
     * Signs in: a new session row and id (no fixation), the language kept. A
     * person has a BSN, a company a KVK number (`extra.kvk`, bsn null). It
     * ends `maxMs` after now and goes idle after `idleMs` without use.
     */
    async signIn(req: Request, res: Response, bsn: string | null, extra: SessionExtra = {}): Promise<PageSession> {
      const lang = req.session?.lang ?? 'nl';
      if (req.session?.idHash) await store.sessions.delete(req.session.idHash);
      const { id, row } = await store.sessions.create(bsn, lang, clock.now(), maxMs, null, {
        ...extra,
        idleMs: opts.idleMs ?? null,
      });
      res.cookie(SESSION_COOKIE, id, cookieOpts(maxMs));
      req.session = fromRow(row);
      return req.session;
    },
    /** A sign-in under way at a provider: stored under a new random id (for the browser's cookie). */
    beginFlow: (flow: SigninFlow, ttlMs: number): Promise<string> => store.signinFlows.begin(flow, clock.now(), ttlMs),
    /** The flow of that id, once: gone after this (a callback cannot be replayed). */
    takeFlow: (id: string): Promise<SigninFlow | undefined> => store.signinFlows.take(id, clock.now()),
    /**
     * The signed-in person acts for `citizen` from now on, by a mandate the
     * provider asserted (DigiD Machtigen): all four rights, for one process
     * or all, until this session ends.
     */
    async actFor(
      req: Request,
      m: { citizen: string; processKey: string | null; holderName: string },
    ): Promise<Acting | undefined> {
      const session = req.session;
      if (!session?.idHash || !session.bsn) return undefined;
      const now = clock.now();
      const mandate = await store.mandates.create(
        {
          source: 'provider',
          holder: { kind: 'person', id: session.bsn },
          holderName: m.holderName,
          citizen: m.citizen,
          staff: [],
          rights: ['view', 'fill', 'submit', 'messages'],
          processKey: m.processKey,
          validFrom: now.toISOString(),
          validUntil: new Date(now.getTime() + maxMs).toISOString(),
          reason: null,
          createdBy: 'provider',
        },
        now.toISOString(),
      );
      const acting = { mandateId: mandate.id, citizen: m.citizen };
      await store.sessions.setActing(session.idHash, acting);
      session.acting = acting;
      return acting;
    },
    /** Signs out: the row is deleted; the visitor goes on anonymously in the same language. */
    async signOut(req: Request, res: Response): Promise<PageSession> {
      const lang = req.session?.lang ?? 'nl';
      if (req.session?.idHash) await store.sessions.delete(req.session.idHash);
      res.clearCookie(SESSION_COOKIE, { path: '/' });
      setVisit(res, lang, null);
      req.session = { idHash: null, bsn: null, lang, csrf: null, flash: null };
      return req.session;
    },
    /** A one-time notice for the next page (signed-in citizens only; anonymous pages have none). */
    async flash(req: Request, text: string | null): Promise<void> {
      if (req.session?.idHash) await store.sessions.setFlash(req.session.idHash, text);
    },
  };
}
export type Sessions = ReturnType<typeof citizenSessions>;
