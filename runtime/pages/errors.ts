import type { ErrorRequestHandler, Request, RequestHandler, Response } from 'express';
import { FeelEvaluationError, pickLang } from '../model/index.js';
import { PageError, pageContext, send, type PageErrorKey, type PagesDeps } from './context.js';
import { html } from './html.js';
import { msg, type MessageKey } from './i18n.js';

/** Title and text of each error page. */
const texts: Record<PageErrorKey, [MessageKey, MessageKey]> = {
  notFound: ['notFound', 'notFoundText'],
  notMandated: ['notMandatedTitle', 'notMandated'],
  expiredForm: ['errorSummary', 'expiredForm'],
  somethingWrong: ['errorSummary', 'somethingWrong'],
  badRequest: ['badRequestTitle', 'badRequest'],
  tooLarge: ['tooLargeTitle', 'tooLarge'],
  cannotDecide: ['cannotDecideTitle', 'cannotDecide'],
};

const keyFor = (status: number): PageErrorKey =>
  status === 404
    ? 'notFound'
    : status === 403
      ? 'expiredForm'
      : status === 413
        ? 'tooLarge'
        : status < 500
          ? 'badRequest'
          : 'somethingWrong';

/**
 * The status of an error the pages did not raise, when no one said better: a
 * library's client status (http-errors' `status`), else 500. The web root
 * passes the API's reading (runtime/http/errors.ts), so both answer alike.
 */
function clientStatus(error: unknown): number {
  const e = (error ?? {}) as { status?: unknown; statusCode?: unknown; expose?: unknown };
  const status = Number(e.status ?? e.statusCode);
  return Number.isInteger(status) && status >= 400 && status < 500 && e.expose !== false ? status : 500;
}

/** The last resort when even the themed page cannot be drawn: plain, both languages, nothing from the request. */
const FALLBACK = `<!doctype html><html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Er ging iets mis – Something went wrong</title></head>
<body><main><h1>Er ging iets mis</h1><p>Er is niets veranderd. Probeer het later opnieuw.</p><p lang="en">Something went wrong. Nothing was changed. Please try again later.</p><p><a href="/">Naar de diensten</a></p></main></body></html>`;

/**
 * The pages' 404 and error handler: every error, ours or a library's (body
 * parsing, a bad %-escape in the URL, an upload limit), becomes a themed page
 * in the visitor's language with a 4xx status where the request was at fault,
 * and never shows internals. Mounted at the end of the pages and once more
 * at the end of the app, so Express's own default page can never answer.
 */
export function pageErrors(
  deps: PagesDeps,
  log: (e: unknown) => void = console.error,
  statusOf: (error: unknown) => number = clientStatus,
) {
  async function render(req: Request, res: Response, status: number, key: PageErrorKey) {
    if (!req.session) {
      // Refused before the session middleware ran: the visitor as the cookies and `?lang=` say, nothing written.
      try {
        req.session = await deps.sessions.read(req);
      } catch {
        req.session = { idHash: null, bsn: null, lang: 'nl', csrf: null, flash: null };
      }
      if (typeof req.query.lang === 'string') req.session.lang = pickLang(req.query.lang);
    }
    const ctx = pageContext(req, deps);
    const [title, text] = texts[key];
    // A refused form post: the way back to the form (a step page answers GET at the same address).
    const back = req.method === 'POST' && /^\/zaken\/[^/?#]+\/stap\/[^/?#]+/.test(req.path) ? req.originalUrl : null;
    send(
      res,
      ctx,
      msg(title, ctx.lang),
      html`<h1 class="utrecht-heading-1">${msg(title, ctx.lang)}</h1>
<p class="utrecht-paragraph">${msg(text, ctx.lang)}</p>
${back ? html`<p class="utrecht-paragraph"><a class="utrecht-link" href="${back}">${msg('backToForm', ctx.lang)}</a></p>` : ''}
<p class="utrecht-paragraph"><a class="utrecht-link" href="/">${msg('services', ctx.lang)}</a></p>`,
      { status },
    );
  }

  const notFound: RequestHandler = () => {
    throw new PageError(404, 'notFound');
  };

  // Async (the session is read from the store), and it never rejects: whatever fails here ends in the plain page.
  const errors: ErrorRequestHandler = async (error, req, res, _next) => {
    // Half an answer went out already: all that is left is to end the connection.
    if (res.headersSent) {
      log(error);
      res.destroy();
      return;
    }
    const status = error instanceof PageError ? error.status : statusOf(error);
    const key =
      error instanceof PageError ? error.key : error instanceof FeelEvaluationError ? 'cannotDecide' : keyFor(status);
    if (status >= 500) log(error);
    try {
      await render(req, res, status, key);
    } catch (failure) {
      log(failure);
      if (res.headersSent) res.destroy();
      else res.status(status).type('html').set('Cache-Control', 'no-store').send(FALLBACK);
    }
  };
  return { notFound, errors };
}
