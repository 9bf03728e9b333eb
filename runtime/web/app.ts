import { join } from 'node:path';
import express, { type ErrorRequestHandler } from 'express';
import helmet from 'helmet';
import { createApi, type ApiOptions } from '../http/app.js';
import { errorHandler, toHttpError } from '../http/errors.js';
import { createGuard } from '../http/rate-limit.js';
import type { Services } from '../http/services.js';
import { createLetterService } from '../letters/index.js';
import { createPages } from '../pages/index.js';
import { defaultTheme, type Theme } from '../pages/theme.js';
import { settleUnreadBody } from './request-body.js';
import { workspaceStatic } from './workspace-static.js';

export type WebAppOptions = ApiOptions & {
  /** The browser apps' build (default dist/). */
  distDir?: string;
  /** The citizen pages' look (runtime/pages/theme.ts). */
  theme?: Theme;
  /** Express's `trust proxy`, so limits see the client's address behind a proxy. */
  trustProxy?: boolean | number | string;
  /** How long the link that confirms a citizen's email address works (runtime/notify). */
  confirmHours?: number;
};

/** The app's last error handler: the envelope for the API, a themed page for everything else. */
const finalErrors =
  (pages: ErrorRequestHandler, api: ErrorRequestHandler): ErrorRequestHandler =>
  (error, req, res, next) =>
    (req.path === '/api' || req.path.startsWith('/api/') ? api : pages)(error, req, res, next);

/**
 * The web composition root: one Express app with the JSON API (/api,
 * runtime/http), the browser apps (/werkplek, /ontwerp) and the citizen pages
 * (everything else, runtime/pages) side by side, behind what they share:
 * settling unread bodies, security headers, the proxy setting and one guard
 * against guessing for both sign-ins. Neither half imports the other; this
 * file wires them.
 */
export function createWebApp(services: Services, options: WebAppOptions = {}) {
  const app = express();
  // First: a request refused before its body was read still leaves the connection usable.
  app.use(settleUnreadBody());
  app.disable('x-powered-by');
  app.set('trust proxy', options.trustProxy ?? false);
  app.use(helmet());
  // Guessing: failed sign-ins on the API and the citizen pages count together per address.
  const guard = createGuard(services, options.limits);

  // Each sign-in begun at a provider stores a flow: limited per address, so a flood cannot fill the table.
  // (A middleware, not a route: the API's route table stays the only place that mounts /api routes.)
  const starts = new Set(['/inloggen/digid', '/inloggen/eherkenning', '/api/session/oidc']);
  app.use((req, res, next) =>
    req.method === 'GET' && starts.has(req.path) ? guard.signInStart(req, res, next) : next(),
  );
  // The decision letters, in the theme's style: one service for the API and the pages.
  const theme = options.theme ?? defaultTheme;
  const wired = { ...services, letters: services.letters ?? createLetterService({ ...services, style: theme }) };
  app.use(createApi(wired, { ...options, guard }));
  // The browser apps built by Vite (the officials' workspace at /werkplek, the designer at /ontwerp).
  app.use(workspaceStatic(options.distDir ?? join(import.meta.dirname, '../../dist')));
  app.post('/inloggen', guard.pageSignIn);
  // A callback that fails (a wrong state, a guessed flow) counts as a failed sign-in too.
  app.get('/inloggen/terug', guard.pageSignIn);
  // The citizen pages (server-rendered; their own error pages, with the API's reading of a library's error status).
  const pages = createPages({
    ...wired,
    theme,
    secureCookies: options.secureCookies,
    log: options.log,
    statusOf: (error) => toHttpError(error).status,
    auth: options.auth,
    confirmHours: options.confirmHours,
  });
  app.use(pages.router);
  // Nothing may reach Express's default handler: it answers with a stack trace and source paths.
  app.use(pages.notFound);
  app.use(finalErrors(pages.errors, errorHandler(options.log)));
  return app;
}
