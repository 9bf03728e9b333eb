import type { AuthSettings } from '../auth/index.js';
import express, { type Router } from 'express';
import { bearerAuth, devAuthSettings, roleOf } from '../auth/index.js';
import { refuseDeclaredOver } from '../web/request-body.js';
import { errorHandler, HttpError } from './errors.js';
import { jsonDepthGuard } from './json-depth.js';
import { createGuard, type Guard, type Limits } from './rate-limit.js';
import { documentedApi } from './openapi.js';
import { mountRoutes, type RouteDef } from './route.js';
import { citizenRoutes } from './routes/citizen.js';
import { caseRoutes } from './routes/cases.js';
import { processRoutes } from './routes/processes.js';
import { sessionRoutes } from './routes/session.js';
import { userRoutes } from './routes/users.js';
import { insightRoutes } from './routes/insights.js';
import { mandateRoutes } from './routes/mandates.js';
import { notifyRoutes } from './routes/notify.js';
import { oauthRoutes } from './routes/oauth.js';
import { MANDATE_BODY_LIMIT } from './schemas/mandates.js';
import { proactiveRoutes } from './routes/proactive.js';
import { readRoutes } from './routes/reads.js';
import { systemRoutes } from './routes/system.js';
import { taskRoutes } from './routes/tasks.js';
import { teamRoutes } from './routes/teams.js';
import type { Services } from './services.js';

export type ApiOptions = {
  bodyLimit?: string;
  /** Largest register extract in bytes (default 200 MiB). */
  scanLimit?: number;
  version?: string;
  log?: (e: unknown) => void;
  secureCookies?: boolean;
  /** Against guessing (runtime/http/rate-limit.ts). */
  limits?: Partial<Limits>;
  /** The guard the API shares with the citizen pages' sign-in (the web root makes one); else its own. */
  guard?: Guard;
  /** Tests: every answer is checked against its route's response schema (a 500 naming what differs). */
  checkResponses?: boolean;
  /** How people sign in (runtime/auth/settings.ts); default: a laptop's (the stand-in on, no provider). */
  auth?: AuthSettings;
};

/** Every API route, as data (mounted below and described in /api/openapi.json). */
export function apiRoutes(services: Services, options: ApiOptions = {}): RouteDef[] {
  return [
    ...systemRoutes(services),
    ...sessionRoutes(services, options),
    ...userRoutes(services),
    ...teamRoutes(services),
    ...processRoutes(services),
    ...caseRoutes(services),
    ...citizenRoutes(services),
    ...taskRoutes(services),
    ...proactiveRoutes(services, options),
    ...insightRoutes(services),
    ...readRoutes(services),
    ...mandateRoutes(services),
    ...notifyRoutes(services),
    ...oauthRoutes(services, options),
  ];
}

/**
 * The JSON API under /api: body limits, who is asking (runtime/auth), the
 * route table, one error envelope. A router: runtime/web/app.ts mounts it
 * next to the citizen pages, with the shared security headers in front.
 */
export function createApi(services: Services, options: ApiOptions = {}): Router {
  const api = express.Router();
  // Where a request goes, as the router matches it (case-insensitive, a trailing slash allowed).
  const target = (req: express.Request) => `${req.method} ${req.path.toLowerCase().replace(/\/+$/, '')}`;
  // OAuth 2's token endpoint takes a form, as RFC 6749 §4.4.2 says: a small one.
  const tokenForm = express.urlencoded({ extended: false, limit: '8kb', parameterLimit: 20 });
  api.use('/api', (req, res, next) => (target(req) === 'POST /oauth/token' ? tokenForm(req, res, next) : next()));
  // A mandate carries its document in base64: that one route takes a larger body (read below, once signed in).
  const mandateBody = (req: express.Request) => target(req) === 'POST /mandates';
  // The API reads JSON (and a few routes their own types); a form or an upload is refused unread.
  api.use('/api', (req, _res, next) => {
    if (target(req) === 'POST /oauth/token') return next();
    if (req.is('multipart/*') || req.is('application/x-www-form-urlencoded'))
      throw new HttpError(415, 'unsupported-media-type', 'apiTakesJson');
    next();
  });
  // JSON too large by its own account: refused before a byte of it is read (streaming routes set their own limits).
  const json = ['application/json', 'application/*+json'];
  const tooLarge = refuseDeclaredOver(
    options.bodyLimit ?? '256kb',
    () => new HttpError(413, 'payload-too-large', 'payloadTooLarge'),
  );
  api.use('/api', (req, res, next) => (req.is(json) && !mandateBody(req) ? tooLarge(req, res, next) : next()));
  const limit = options.bodyLimit ?? '256kb';
  const parseJson = express.json({ limit, strict: true, type: json, verify: jsonDepthGuard() });
  api.use('/api', (req, res, next) => (mandateBody(req) ? next() : parseJson(req, res, next)));
  // Personal data and revision-dependent views: never cached by browsers or proxies.
  api.use('/api', (_req, res, next) => {
    res.set('Cache-Control', 'no-store');
    next();
  });
  api.use(
    '/api',
    bearerAuth(services.store, services.clock, options.guard ?? createGuard(services, options.limits), {
      devSignIn: (options.auth ?? devAuthSettings()).devSignIn,
    }),
  );
  // Read only for those who may register one: anybody else's upload is refused (401/403) unread.
  const mandateTooLarge = refuseDeclaredOver(
    MANDATE_BODY_LIMIT,
    () => new HttpError(413, 'payload-too-large', 'payloadTooLarge'),
  );
  const parseMandate = express.json({ limit: MANDATE_BODY_LIMIT, strict: true, type: json, verify: jsonDepthGuard() });
  api.use('/api', (req, res, next) => {
    const staff = req.principal && ['official', 'admin'].includes(roleOf(req.principal));
    if (!mandateBody(req) || !staff || !req.is(json)) return next();
    mandateTooLarge(req, res, (error?: unknown) => (error ? next(error) : parseMandate(req, res, next)));
  });

  // The document describes itself too: every mounted route is in the table.
  const { routes } = documentedApi(apiRoutes(services, options), options.version ?? '1');
  mountRoutes(api, services.store, routes, { checkResponses: options.checkResponses });
  api.use('/api', (req) => {
    throw new HttpError(404, 'not-found', ['noRoute', { method: req.method, url: req.originalUrl }]);
  });
  api.use('/api', errorHandler(options.log));
  return api;
}
