import type { CookieOptions, Request } from 'express';

/** The workspace's session cookie (officials, designers, admins in the browser apps). */
export const STAFF_COOKIE = 'omslag_werk';
/** A signed-in citizen's session cookie on the citizen pages (the id of a stored session row). */
export const SESSION_COOKIE = 'omslag_sessie';
/** An anonymous visitor's language and form token: `<lang>.<token>` (or `<lang>.` before any form). No row. */
export const VISIT_COOKIE = 'omslag_bezoek';

/** One cookie of the request, URL-decoded; undefined when absent or not decodable. */
export function readCookie(req: Request, name: string): string | undefined {
  for (const part of (req.get('cookie') ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) {
      try {
        return decodeURIComponent(v.join('='));
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

/**
 * Options of our session cookies: never readable by scripts, the whole site.
 * The staff cookie is SameSite=Strict (the browser apps are same-site only);
 * the citizen cookies are Lax, so a link from another site (an e-mail, the
 * municipality's site) arrives signed in, while cross-site posts do not carry them.
 */
export const cookieOptions = (sameSite: 'strict' | 'lax', secure: boolean, maxAge: number): CookieOptions => ({
  httpOnly: true,
  sameSite,
  secure,
  path: '/',
  maxAge,
});
