import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import express, { type ErrorRequestHandler, type Router } from 'express';
import multer from 'multer';
import type { Clock, Engine } from '../engine/index.js';
import type { Store } from '../store/index.js';
import { PageError, pageContext, send, type PagesDeps } from './context.js';
import { html } from './html.js';
import { msg } from './i18n.js';
import { caseRoutes } from './routes/case.js';
import { journeyRoutes } from './routes/journey.js';
import { previewRoutes } from './routes/preview.js';
import { publicRoutes } from './routes/public.js';
import { sessions } from './session.js';
import type { Theme } from './theme.js';

const require = createRequire(import.meta.url);
/** The largest upload accepted at all; a file field's own `max` may be smaller. */
const MAX_UPLOAD = 20 * 1024 * 1024;
const nlds = {
  components: join(dirname(require.resolve('@utrecht/component-library-css/package.json')), 'dist', 'index.css'),
  theme: join(dirname(require.resolve('@utrecht/design-tokens/package.json')), 'dist', 'theme.css'),
};

export type PagesOptions = { store: Store; engine: Engine; clock: Clock; theme: Theme; secureCookies?: boolean; bodyLimit?: string };

/**
 * The citizen pages: server-rendered HTML forms (no JavaScript needed), NL
 * Design System CSS, sessions with CSRF tokens on every form.
 */
export function createPages(opts: PagesOptions): Router {
  const router = express.Router();
  const deps: PagesDeps = { ...opts, sessions: sessions(opts.store, opts.clock, { secureCookies: !!opts.secureCookies }) };
  const week = { maxAge: '7d' };

  router.get('/static/nlds/components.css', (_req, res) => res.sendFile(nlds.components, week));
  router.get('/static/nlds/theme.css', (_req, res) => res.sendFile(nlds.theme, week));
  router.use('/static', express.static(join(import.meta.dirname, 'static'), week));
  if (opts.theme.logo) router.get('/static/theme-logo', (_req, res) => res.sendFile(opts.theme.logo!, week));

  router.use(express.urlencoded({ extended: false, limit: opts.bodyLimit ?? '64kb', parameterLimit: 200 }));
  // Forms with a file question post multipart; the bytes stay in memory until the answers validate.
  router.use(multer({ storage: multer.memoryStorage(), limits: { fileSize: MAX_UPLOAD, files: 10, fields: 200, fieldSize: 64 * 1024 } }).any());
  router.use(deps.sessions.middleware);
  // Every form post must carry this session's token; a forged post changes nothing.
  router.use((req, _res, next) => {
    if (req.method === 'POST' && !deps.sessions.csrf(req)) throw new PageError(403, 'expiredForm');
    next();
  });

  publicRoutes(router, deps);
  journeyRoutes(router, deps);
  caseRoutes(router, deps);
  previewRoutes(router, deps);

  router.use((req) => {
    if (req.method === 'GET' || req.method === 'POST') throw new PageError(404, 'notFound');
  });
  const errors: ErrorRequestHandler = (error, req, res, next) => {
    if (req.path.startsWith('/api')) return next(error);
    const tooLarge = (error as { status?: number }).status === 413 || (error as { code?: string }).code === 'LIMIT_FILE_SIZE';
    const status = error instanceof PageError ? error.status : tooLarge ? 413 : 500;
    if (status === 500) console.error(error);
    if (!req.session) return res.status(status).type('text').send(status === 413 ? 'Too large' : 'Error');
    const key = error instanceof PageError ? error.key : 'somethingWrong';
    const ctx = pageContext(req, deps);
    send(res, ctx, msg(key === 'notFound' ? 'notFound' : 'errorSummary', ctx.lang), html`<h1 class="utrecht-heading-1">${msg(key === 'notFound' ? 'notFound' : 'errorSummary', ctx.lang)}</h1>
<p class="utrecht-paragraph">${msg(key === 'notFound' ? 'notFoundText' : key, ctx.lang)}</p>
<p class="utrecht-paragraph"><a class="utrecht-link" href="/">${msg('services', ctx.lang)}</a></p>`, { status });
  };
  router.use(errors);
  return router;
}
