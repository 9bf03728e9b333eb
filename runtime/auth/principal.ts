import type { Request, RequestHandler, Response } from 'express';
import type { Clock } from '../engine/index.js';
import { CLIENT_TOKEN_PREFIX, type Principal, type SessionRow, type Store } from '../store/index.js';
import { staffSignedIn } from './staff-sessions.js';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      principal?: Principal;
      /** Set when the principal came from the session cookie: changes then need the CSRF header. */
      staffSession?: SessionRow;
    }
  }
}

/** The staff principal of the workspace cookie, or undefined (the citizen pages' preview asks this). */
export async function staffPrincipal(store: Store, clock: Clock, req: Request): Promise<Principal | undefined> {
  const signedIn = await staffSignedIn(store, clock, req);
  return signedIn ? { kind: 'user', ...signedIn.user } : undefined;
}

/**
 * Reads `Authorization: Bearer <token>` and looks up its hash; without one,
 * the workspace session cookie. Routes decide what a missing or wrong
 * principal means (401/403/404). An unknown token is reported to
 * `onUnknownToken` (the guard against guessing, which answers 429 once an
 * address sends too many). A citizen's token (`tokens.bsn`, made by the
 * demo accounts and the CLI's `citizen-token`) is itself a stand-in for
 * DigiD: it counts only with `devSignIn` on, and is then refused as unknown.
 */
export function bearerAuth(
  store: Store,
  clock: Clock,
  guard?: { tokenFailed(req: Request, res: Response): Promise<void> },
  opts: { devSignIn?: boolean } = {},
): RequestHandler {
  const citizens = opts.devSignIn ?? true;
  return async (req, res, next) => {
    const header = req.get('authorization');
    const match = header && /^Bearer\s+(\S+)$/i.exec(header);
    if (match) {
      // An intermediary's API client token (POST /api/oauth/token) stands for its organisation until it expires.
      req.principal = match[1].startsWith(CLIENT_TOKEN_PREFIX)
        ? await store.clients.principalForToken(match[1], clock.now().toISOString())
        : await store.accounts.principalForToken(match[1], { citizens });
      if (!req.principal) await guard?.tokenFailed(req, res);
    } else {
      const signedIn = await staffSignedIn(store, clock, req);
      if (signedIn) {
        req.principal = { kind: 'user', ...signedIn.user };
        req.staffSession = signedIn.session;
      }
    }
    next();
  };
}
