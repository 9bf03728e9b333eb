import { timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { pickLang, type Lang } from '../model/index.js';
import type { SessionRow, Store } from '../store/index.js';
import type { Clock } from '../engine/index.js';
import { readCookie } from '../http/auth.js';

export const SESSION_COOKIE = 'omslag_sessie';
const TTL_MS = 8 * 60 * 60 * 1000;

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      session?: SessionRow;
    }
  }
}

function setCookie(res: Response, id: string, secure: boolean) {
  // HttpOnly: no script reads it; SameSite=Lax: not sent on cross-site posts.
  res.cookie(SESSION_COOKIE, id, { httpOnly: true, sameSite: 'lax', secure, path: '/', maxAge: TTL_MS });
}

/**
 * Every visitor has a session (anonymous until sign-in), so every form,
 * the sign-in form too, carries a CSRF token bound to it.
 */
export function sessions(store: Store, clock: Clock, opts: { secureCookies: boolean }) {
  const start = (res: Response, bsn: string | null, lang: Lang) => {
    const { id, row } = store.sessions.create(bsn, lang, clock.now(), TTL_MS);
    setCookie(res, id, opts.secureCookies);
    return row;
  };
  return {
    middleware(req: Request, res: Response, next: NextFunction) {
      const id = readCookie(req, SESSION_COOKIE);
      let session = id ? store.sessions.get(id, clock.now()) : undefined;
      const asked = typeof req.query.lang === 'string' ? pickLang(req.query.lang) : undefined;
      // Dutch by default (not the browser's language): English is a visible switch.
      if (!session) session = start(res, null, asked ?? 'nl');
      if (asked && asked !== session.lang) {
        store.sessions.setLang(session.idHash, asked);
        session = { ...session, lang: asked };
      }
      req.session = session;
      next();
    },
    /** Refuses a form post whose token does not belong to this session. */
    csrf(req: Request): boolean {
      const sent = typeof req.body?._csrf === 'string' ? Buffer.from(req.body._csrf) : Buffer.alloc(0);
      const expected = Buffer.from(req.session?.csrf ?? '');
      return sent.length === expected.length && expected.length > 0 && timingSafeEqual(sent, expected);
    },
    /** Signs in: a new session id (no fixation), the language kept. */
    signIn(req: Request, res: Response, bsn: string): SessionRow {
      const lang = req.session?.lang ?? 'nl';
      if (req.session) store.sessions.delete(req.session.idHash);
      const row = start(res, bsn, lang);
      req.session = row;
      return row;
    },
    signOut(req: Request, res: Response): SessionRow {
      const lang = req.session?.lang ?? 'nl';
      if (req.session) store.sessions.delete(req.session.idHash);
      const row = start(res, null, lang);
      req.session = row;
      return row;
    },
  };
}
export type Sessions = ReturnType<typeof sessions>;
