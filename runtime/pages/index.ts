import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import express, { type ErrorRequestHandler, type RequestHandler, type Router } from 'express';
import { citizenSessions, devAuthSettings, mandateService, type AuthSettings } from '../auth/index.js';
import { createJourneyService, type Clock, type Engine } from '../engine/index.js';
import { createLetterService, type LetterService } from '../letters/index.js';
import type { Store } from '../store/index.js';
import { PageError, type PagesDeps } from './context.js';
import { pageErrors } from './errors.js';
import { formParsers } from './forms.js';
import { caseRoutes } from './routes/case.js';
import { journeyRoutes } from './routes/journey.js';
import { channelService } from '../notify/channels.js';
import { channelRoutes } from './routes/channels.js';
import { mandateRoutes } from './routes/mandates.js';
import { previewRoutes } from './routes/preview.js';
import { publicRoutes } from './routes/public.js';
import { readRoutes } from './routes/reads.js';
import { pageRouter, type PageRoute } from './router.js';
import { signinRoutes } from './routes/signin.js';
import { signInGate } from './signin-gate.js';
import type { Theme } from './theme.js';

const require = createRequire(import.meta.url);
const nlds = {
  components: join(dirname(require.resolve('@utrecht/component-library-css/package.json')), 'dist', 'index.css'),
  theme: join(dirname(require.resolve('@utrecht/design-tokens/package.json')), 'dist', 'theme.css'),
};

export type PagesOptions = {
  store: Store;
  engine: Engine;
  clock: Clock;
  theme: Theme;
  /** The decision letters (default: made in the theme's style). */
  letters?: LetterService;
  secureCookies?: boolean;
  bodyLimit?: string;
  /** Where uploads wait on disk while they are checked (default: the system's temp folder). */
  uploadDir?: string;
  log?: (e: unknown) => void;
  /** The HTTP status of an error the pages did not raise (the web root passes the API's reading). */
  statusOf?: (error: unknown) => number;
  /** How citizens and companies sign in (runtime/auth/settings.ts); default: a laptop's (the stand-in on). */
  auth?: AuthSettings;
  /** How long the link that confirms a citizen's email address works (default 24 hours). */
  confirmHours?: number;
};

/** The default folder for uploads being checked; housekeeping removes what a crash left there. */
export const defaultUploadDir = () => join(tmpdir(), 'omslag-uploads');

/**
 * The citizen pages: server-rendered HTML forms (no JavaScript needed), NL
 * Design System CSS, a CSRF token on every form. `routes` lists every page
 * with who it is for. `notFound` and `errors` answer at the end of the whole
 * app too, so no request ever gets Express's default page.
 */
export function createPages(opts: PagesOptions): {
  router: Router;
  routes: PageRoute[];
  notFound: RequestHandler;
  errors: ErrorRequestHandler;
} {
  const router = express.Router();
  const auth = opts.auth ?? devAuthSettings();
  const pageSessions = citizenSessions(opts.store, opts.clock, {
    secureCookies: !!opts.secureCookies,
    idleMs: auth.idleMs,
    maxMs: auth.maxMs,
  });
  const uploadDir = opts.uploadDir ?? defaultUploadDir();
  mkdirSync(uploadDir, { recursive: true, mode: 0o700 });
  const deps: PagesDeps = {
    ...opts,
    journeys: createJourneyService(opts.engine),
    letters: opts.letters ?? createLetterService({ ...opts, style: opts.theme }),
    auth,
    mandates: mandateService(opts.store, opts.clock),
    channels: channelService(opts.store, opts.clock, { confirmHours: opts.confirmHours }),
    sessions: pageSessions,
    ...formParsers(pageSessions, { bodyLimit: opts.bodyLimit }),
    uploadDir,
  };
  const week = { maxAge: '7d' };

  // None of our addresses has an empty segment: `//`, `/a//b` are not ours (and `//host` is another site to a browser).
  router.use((req, _res, next) => (req.path.includes('//') ? next(new PageError(404, 'notFound')) : next()));

  // Every page registers through this: protected unless declared public (router.ts).
  const pages = pageRouter(router, { ...deps, gate: signInGate(deps) });
  pages.public.get('/static/nlds/components.css', (_req, res) => res.sendFile(nlds.components, week));
  pages.public.get('/static/nlds/theme.css', (_req, res) => res.sendFile(nlds.theme, week));
  router.use('/static', express.static(join(import.meta.dirname, 'static'), week));
  // The theme's logo (checked at start: a local image). Opened on its own, an SVG can run nothing (sandbox).
  if (opts.theme.logo)
    pages.public.get('/static/theme-logo', (_req, res) => {
      res.set('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; sandbox");
      res.set('X-Content-Type-Options', 'nosniff');
      res.sendFile(opts.theme.logo!, week);
    });

  // Reads the cookies only: no body is read and no row is written here.
  router.use(pageSessions.middleware);

  publicRoutes(pages, deps);
  signinRoutes(pages, deps);
  journeyRoutes(pages, deps);
  caseRoutes(pages, deps);
  mandateRoutes(pages, deps);
  channelRoutes(pages, deps);
  previewRoutes(pages, deps);
  readRoutes(pages, deps);

  const { notFound, errors } = pageErrors(deps, opts.log, opts.statusOf);
  // Every method, every path left: our 404 page (a POST's body is never read for it).
  router.use(notFound);
  router.use(errors);
  return { router, routes: pages.routes, notFound, errors };
}
