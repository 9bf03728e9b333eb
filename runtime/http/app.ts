import { join } from 'node:path';
import express from 'express';
import { workspaceStatic } from './workspace-static.js';
import helmet from 'helmet';
import { bearerAuth } from './auth.js';
import { errorHandler, HttpError } from './errors.js';
import { jsonDepthGuard } from './json-depth.js';
import { createGuard, type Limits } from './rate-limit.js';
import { refuseDeclaredOver, settleUnreadBody } from './request-body.js';
import { openApiDocument } from './openapi.js';
import { defineRoute, mountRoutes, type RouteDef } from './route.js';
import { caseRoutes } from './routes/cases.js';
import { processRoutes } from './routes/processes.js';
import { sessionRoutes } from './routes/session.js';
import { insightRoutes } from './routes/insights.js';
import { proactiveRoutes } from './routes/proactive.js';
import { systemRoutes } from './routes/system.js';
import { taskRoutes } from './routes/tasks.js';
import type { Services } from './services.js';
import { createPages } from '../pages/index.js';
import { defaultTheme, type Theme } from '../pages/theme.js';
import type { ErrorRequestHandler } from 'express';

/** The app's last error handler: the envelope for the API, a themed page for everything else. */
const finalErrors = (pages: ErrorRequestHandler, api: ErrorRequestHandler): ErrorRequestHandler => (error, req, res, next) =>
  (req.path === '/api' || req.path.startsWith('/api/') ? api : pages)(error, req, res, next);

export type AppOptions = {
  distDir?: string; bodyLimit?: string; /** Largest register extract in bytes (default 200 MiB). */ scanLimit?: number; version?: string; log?: (e: unknown) => void; theme?: Theme; secureCookies?: boolean;
  /** Against guessing (runtime/http/rate-limit.ts); `trustProxy` is Express's, so limits see the client's address behind a proxy. */
  limits?: Partial<Limits>; trustProxy?: boolean | number | string;
};

/** Every API route, as data (mounted below and described in /api/openapi.json). */
export function apiRoutes(services: Services, options: AppOptions = {}): RouteDef[] {
  return [...systemRoutes(), ...sessionRoutes(services, options), ...processRoutes(services), ...caseRoutes(services), ...taskRoutes(services), ...proactiveRoutes(services, options), ...insightRoutes(services)];
}

/** The Express app: security headers, body limits, auth, the API, one error envelope. */
export function createApp(services: Services, options: AppOptions = {}) {
  const app = express();
  // First: a request refused before its body was read still leaves the connection usable.
  app.use(settleUnreadBody());
  app.disable('x-powered-by');
  app.set('trust proxy', options.trustProxy ?? false);
  app.use(helmet());
  // The API reads JSON (and a few routes their own types); a form or an upload is refused unread.
  app.use('/api', (req, _res, next) => {
    if (req.is('multipart/*') || req.is('application/x-www-form-urlencoded')) throw new HttpError(415, 'unsupported-media-type', 'apiTakesJson');
    next();
  });
  // JSON too large by its own account: refused before a byte of it is read (streaming routes set their own limits).
  const json = ['application/json', 'application/*+json'];
  const tooLarge = refuseDeclaredOver(options.bodyLimit ?? '256kb', () => new HttpError(413, 'payload-too-large', 'payloadTooLarge'));
  app.use('/api', (req, res, next) => (req.is(json) ? tooLarge(req, res, next) : next()));
  app.use('/api', express.json({ limit: options.bodyLimit ?? '256kb', strict: true, type: json, verify: jsonDepthGuard() }));
  // Personal data and revision-dependent views: never cached by browsers or proxies.
  app.use('/api', (_req, res, next) => { res.set('Cache-Control', 'no-store'); next(); });
  const guard = createGuard(services, options.limits);
  app.use('/api', bearerAuth(services.store, services.clock, guard));

  // The document describes itself too: every mounted route is in the table.
  let document: Record<string, unknown> = {};
  const routes = [...apiRoutes(services, options), defineRoute({
    method: 'get', path: '/api/openapi.json', tag: 'system', roles: 'public', errors: [],
    summary: 'This document: the API as OpenAPI 3.1',
    handler: () => ({ body: document }),
  })];
  document = openApiDocument(routes, options.version ?? '1');
  const api = express.Router();
  mountRoutes(api, services.store, routes);
  app.use(api);
  app.use('/api', (req) => { throw new HttpError(404, 'not-found', ['noRoute', { method: req.method, url: req.originalUrl }]); });
  app.use('/api', errorHandler(options.log));
  // The browser apps built by Vite (the officials' workspace at /werkplek).
  app.use(workspaceStatic(options.distDir ?? join(import.meta.dirname, '../../dist')));
  // Guessing: failed sign-ins on the citizen pages count against the address, as on the API.
  app.post('/inloggen', guard.pageSignIn);
  // The citizen pages (server-rendered; their own error pages).
  const pages = createPages({ ...services, theme: options.theme ?? defaultTheme, secureCookies: options.secureCookies, log: options.log });
  app.use(pages.router);
  // Nothing may reach Express's default handler: it answers with a stack trace and source paths.
  app.use(pages.notFound);
  app.use(finalErrors(pages.errors, errorHandler(options.log)));
  return app;
}
