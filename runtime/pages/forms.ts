import express, { type RequestHandler } from 'express';
import { refuseDeclaredOver } from '../web/request-body.js';
import { PageError } from './context.js';
import type { Sessions } from '../auth/index.js';

/**
 * What a page's POST route mounts before its handler. Bodies are read only
 * on routes that exist (an unknown address is refused unread), and a form
 * changes nothing without this visitor's token.
 *
 * - `form`: answers as `application/x-www-form-urlencoded` (bounded), then the
 *   token check. A multipart body is not read at all: its token cannot be
 *   checked, so it is refused like a post without one (403).
 * - `upload`: the same for urlencoded posts; a multipart post passes unread,
 *   for a route with a file question to check who and where first and then
 *   read it as it streams in (uploads.ts), the token first.
 */
export function formParsers(sessions: Sessions, opts: { bodyLimit?: string } = {}) {
  const limit = opts.bodyLimit ?? '64kb';
  const urlencoded = express.urlencoded({ extended: false, limit, parameterLimit: 200 });
  // A form that says it is larger than any of ours is refused before it is read.
  const declared = refuseDeclaredOver(limit, () => new PageError(413, 'tooLarge'));
  // `any` params: these run before handlers of any path, whose params Express infers from the path.
  const token =
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    (multipartWaits: boolean): RequestHandler<any> =>
      (req, _res, next) => {
        if (multipartWaits && req.is('multipart/form-data')) return next();
        if (!sessions.csrf(req)) throw new PageError(403, 'expiredForm');
        next();
      };
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const parsers = (last: RequestHandler<any>): RequestHandler<any>[] => [
    (req, res, next) => (req.is('multipart/form-data') ? next() : declared(req, res, next)),
    urlencoded,
    last,
  ];
  return { form: parsers(token(false)), upload: parsers(token(true)) };
}
export type FormParsers = ReturnType<typeof formParsers>;
