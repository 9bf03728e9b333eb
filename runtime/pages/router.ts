import type { Request, RequestHandler, Response, Router } from 'express';
import type { RouteParameters } from 'express-serve-static-core';
import { actorOf, canSeeCase, staffPrincipal } from '../auth/index.js';
import type { Clock } from '../engine/index.js';
import type { CaseRow, Principal, Store } from '../store/index.js';
import type { Process } from '../model/index.js';
import { PageError } from './context.js';
import type { SignInGate } from './signin-gate.js';

/** A case's pages: every address under it belongs to that case and is checked here, before its handler. */
export const CASE_PATH = '/zaken/:id';
/** A service's pages: under it, a service that is not published is not found, before any sign-in is asked. */
export const SERVICE_PATH = '/diensten/:key';

type Under<P extends string, Base extends string> = P extends Base | `${Base}/${string}` ? true : false;
const under = (path: string, base: string) => path === base || path.startsWith(`${base}/`);

/**
 * Who a citizen page acts for and as: `subject` is whose cases these are (a
 * BSN; `kvk:<number>` for a company); `principal` who is asking (a citizen,
 * `via` an intermediary when one acts for them by a mandate); `actor` the
 * audit trail's name for who acts (`citizen`, or `mandate:<id>`).
 */
export type CitizenAccess = { subject: string; principal: Principal; actor: string };
/** Under a case path: the case too, loaded and found to be this citizen's. */
export type CaseAccess = CitizenAccess & { row: CaseRow };
export type StaffAccess = { principal: Principal };
/** What the router checked for a citizen page at path P, handed to its handler. */
export type Access<P extends string> = Under<P, typeof CASE_PATH> extends true ? CaseAccess : CitizenAccess;

export type PageRequest<P extends string> = Request<RouteParameters<P>>;
export type PageHandler<P extends string, A> = (req: PageRequest<P>, res: Response, access: A) => unknown;
// The table holds handlers of every path: their params are checked where they are written, against their own path.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyHandler = (req: any, res: Response, access: any) => unknown;
/** What runs before a POST's handler (its body parsers and token check: `deps.form`, `deps.upload`). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type BodyParsers = RequestHandler<any>[];

/** Who a registered page is for: the route table tests read (and a new kind of page must say which it is). */
export type PageAudience = 'public' | 'citizen' | 'case' | 'staff';
export type PageRoute = { method: 'get' | 'post'; path: string; audience: PageAudience };

/**
 * How the citizen pages register their routes, so that a page is protected
 * unless it says otherwise:
 *
 * - `get`/`post`: for the signed-in citizen. An anonymous visitor is sent to
 *   sign in and comes back (a multipart post, whose token was not read, is
 *   refused with 403 instead). Under `/zaken/:id` the case is loaded and must
 *   be the citizen's own, else 404 (never 403: it does not confirm that
 *   another's case exists); the handler gets it as `access.row`.
 * - `public.get`/`public.post`: pages anyone may open, declared as such.
 * - `staff(policy).get`: pages for signed-in staff a runtime/auth policy
 *   admits (the designer's preview); to everyone else they do not exist (404).
 *
 * The checks run after a POST's body parsers (so a form without its token is
 * still 403) and before the handler. `routes` lists every page with its audience.
 */
export function pageRouter(router: Router, deps: { store: Store; clock: Clock; gate?: SignInGate }) {
  const { store, clock, gate } = deps;
  const routes: PageRoute[] = [];

  async function citizenAccess(
    path: string,
    req: Request,
    res: Response,
  ): Promise<CitizenAccess | CaseAccess | undefined> {
    const params = req.params as Record<string, string>;
    const service = under(path, SERVICE_PATH) ? await store.processes.latest(params.key) : undefined;
    if (under(path, SERVICE_PATH) && !service) throw new PageError(404, 'notFound');
    const session = req.session;
    // A company signs in with its KVK number: its cases' subject is `kvk:<number>`.
    const subject = session?.bsn ?? (session?.kvk ? `kvk:${session.kvk}` : undefined);
    if (!subject) {
      const multipart = req.method === 'POST' && req.is('multipart/form-data');
      let back = req.originalUrl;
      if (session?.idle && gate) {
        // Idle: a form's answers (its token checked by the parsers) are kept first when the case is the holder's own.
        const holder = session.idle.bsn ?? `kvk:${session.idle.kvk}`;
        const row = req.method === 'POST' && !multipart && under(path, CASE_PATH) && (await store.cases.get(params.id));
        if (row && row.subject === holder && (await gate.rescue(req, row)))
          back += `${back.includes('?') ? '&' : '?'}bewaard=1`;
        await gate.end(req, res);
      }
      // A multipart body is not read for an anonymous visitor: its token is unchecked, so it is refused like a post without one.
      if (multipart) throw new PageError(403, 'expiredForm');
      res.redirect(303, `/inloggen?terug=${encodeURIComponent(back)}${session?.idle ? '&verlopen=1' : ''}`);
      return undefined;
    }
    const principal: Principal = { kind: 'citizen', bsn: subject };
    const access: CitizenAccess = { subject, principal, actor: actorOf(principal) };
    // The process's sign-in: the right kind (person or company) at its level, on its start and every page of its cases.
    const admits = (def: unknown) => !gate || gate.admits(req, res, def as Process);
    if (!under(path, CASE_PATH)) return service && !admits(service.definition) ? undefined : access;
    const row = await store.cases.get(params.id);
    if (!row || !(await canSeeCase(store, principal, row, clock.now().toISOString())))
      throw new PageError(404, 'notFound');
    if (gate && !admits((await store.processes.version(row.processKey, row.version))?.definition ?? {}))
      return undefined;
    return { ...access, row };
  }

  function add<A>(
    method: 'get' | 'post',
    path: string,
    audience: PageAudience,
    parsers: BodyParsers,
    check: (req: Request, res: Response) => Promise<A | undefined> | A | undefined,
    handler: AnyHandler,
  ) {
    routes.push({ method, path, audience });
    // Async: a check or handler that rejects reaches the pages' error handler (Express 5 passes it on).
    router[method](path, ...parsers, async (req: Request, res: Response) => {
      const access = await check(req, res);
      if (access !== undefined) await handler(req, res, access);
    });
  }
  const open = () => ({});
  const citizen = (path: string) => (req: Request, res: Response) => citizenAccess(path, req, res);
  const audienceOf = (path: string): PageAudience => (under(path, CASE_PATH) ? 'case' : 'citizen');

  return {
    routes,
    /** A page for the signed-in citizen; under `/zaken/:id`, only for the citizen whose case it is. */
    get<P extends string>(path: P, handler: PageHandler<P, Access<P>>) {
      add('get', path, audienceOf(path), [], citizen(path), handler);
    },
    /** A form post of the signed-in citizen; `parsers` read and check the body first. */
    post<P extends string>(path: P, parsers: BodyParsers, handler: PageHandler<P, Access<P>>) {
      add('post', path, audienceOf(path), parsers, citizen(path), handler);
    },
    /** Pages anyone may open: only these are reachable without signing in. */
    public: {
      get<P extends string>(path: P, handler: PageHandler<P, object>) {
        add('get', path, 'public', [], open, handler);
      },
      post<P extends string>(path: P, parsers: BodyParsers, handler: PageHandler<P, object>) {
        add('post', path, 'public', parsers, open, handler);
      },
    },
    /** Pages for signed-in staff whom `policy` admits (workspace cookie); a 404 page for everyone else. */
    staff(policy: (p: Principal | undefined) => boolean) {
      const check = async (req: Request): Promise<StaffAccess> => {
        const principal = await staffPrincipal(store, clock, req);
        if (!principal || !policy(principal)) throw new PageError(404, 'notFound');
        return { principal };
      };
      return {
        get<P extends string>(path: P, handler: PageHandler<P, StaffAccess>) {
          add('get', path, 'staff', [], check, handler);
        },
      };
    },
  };
}
export type PageRouter = ReturnType<typeof pageRouter>;
