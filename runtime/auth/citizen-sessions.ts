import type { NextFunction, Request, Response } from 'express';
import { pickLang, type Lang } from '../model/index.js';
import type { Acting, Store } from '../store/index.js';
import type { Clock } from '../engine/index.js';
import { cookieOptions, readCookie, SESSION_COOKIE, VISIT_COOKIE } from './cookies.js';
import { newCsrfToken, sameToken } from './csrf.js';

/** A signed-in citizen's session lasts this long from sign-in (not extended by use). */
export const SESSION_TTL_MS = 8 * 60 * 60 * 1000;
const VISIT_TTL_MS = 30 * 24 * 60 * 60 * 1000;

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
  /** A company's or intermediary organisation's KVK number, and its employee (eHerkenning). */
  kvk?: string | null;
  staffId?: string | null;
  /** For whom the holder acts now, by a mandate (the router checks it again on every request). */
  acting?: Acting | null;
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
export function citizenSessions(store: Store, clock: Clock, opts: { secureCookies: boolean }) {
  const cookieOpts = (maxAge: number) => cookieOptions('lax', opts.secureCookies, maxAge);
  const setVisit = (res: Response, lang: Lang, token: string | null) =>
    res.cookie(VISIT_COOKIE, `${lang}.${token ?? ''}`, cookieOpts(VISIT_TTL_MS));

  /** The visitor as the cookies say, without writing anything. */
  async function read(req: Request): Promise<PageSession> {
    const id = readCookie(req, SESSION_COOKIE);
    const row = id ? await store.sessions.get(id, clock.now()) : undefined;
    if (row?.bsn || row?.kvk)
      return {
        idHash: row.idHash,
        bsn: row.bsn,
        lang: row.lang,
        csrf: row.csrf,
        flash: row.flash,
        kvk: row.kvk,
        staffId: row.staffId,
        acting: row.acting,
      };
    const visit = visitPattern.exec(readCookie(req, VISIT_COOKIE) ?? '');
    return {
      idHash: null,
      bsn: null,
      lang: (visit?.[1] as Lang | undefined) ?? 'nl',
      csrf: visit?.[2] ?? null,
      flash: null,
    };
  }

  return {
    read,
    async middleware(req: Request, res: Response, next: NextFunction) {
      let session = await read(req);
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
    /** Signs in: a new session row and id, the language kept. */
    async signIn(req: Request, res: Response, bsn: string): Promise<PageSession> {
      const lang = req.session?.lang ?? 'nl';
      if (req.session?.idHash) await store.sessions.delete(req.session.idHash);
      const { id, row } = await store.sessions.create(bsn, lang, clock.now(), SESSION_TTL_MS);
      res.cookie(SESSION_COOKIE, id, cookieOpts(SESSION_TTL_MS));
      req.session = { idHash: row.idHash, bsn, lang, csrf: row.csrf, flash: null };
      return req.session;
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
