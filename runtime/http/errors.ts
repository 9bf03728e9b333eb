import type { ErrorRequestHandler, Request } from 'express';
import { EngineError } from '../engine/index.js';
import { apiCatalogues, langFromHeader, translate, type Lang, type MessageKey, type Params } from '../i18n/index.js';
import { FeelEvaluationError } from '../model/index.js';
import { isRaceError, StaleCaseError } from '../store/index.js';

export type ApiMessageKey = MessageKey<(typeof apiCatalogues)['nl']>;
/** An API message: a key of runtime/i18n/catalogues/api, or a key with its parameters. */
export type ApiText = ApiMessageKey | readonly [ApiMessageKey, Params];

/** Per field, an API issue (…/api `issues.<code>`): rendered into `details` as `{ field: [text] }`. */
export type ApiIssues = Readonly<Record<string, { code: string; params?: Params }>>;

/**
 * An error with an HTTP status and a stable kebab-case code. Its message is rendered in the
 * reader's language at the edge (`messageIn`); `message` is the English text, for logs.
 * A plain string message is shown as written in every language.
 */
export class HttpError extends Error {
  private readonly render: (lang: Lang) => string;
  private readonly renderDetails: (lang: Lang) => unknown;
  /** The details in English (with any issues rendered), for code that reads them on the server. */
  readonly details?: unknown;
  /** Headers the error answer carries (Retry-After of a 503). */
  headers?: Record<string, string>;
  constructor(
    readonly status: number,
    readonly code: string,
    text: string | ApiText | ((lang: Lang) => string),
    details?: unknown,
    issues?: ApiIssues | ((lang: Lang) => unknown),
  ) {
    const render =
      typeof text === 'function' ? text : typeof text === 'string' && !isKey(text) ? () => text : apiText(text);
    super(render('en'));
    this.render = render;
    this.renderDetails =
      typeof issues === 'function'
        ? issues
        : issues
          ? (lang) => ({ ...(details ?? {}), ...issueTexts(issues, lang) })
          : () => details;
    this.details = this.renderDetails('en');
  }
  messageIn(lang: Lang): string {
    return this.render(lang);
  }
  detailsIn(lang: Lang): unknown {
    return this.renderDetails(lang);
  }
}

/** An API message in `lang` (for messages built from parts that are themselves language-dependent). */
export function apiMessage(lang: Lang, key: ApiMessageKey, params?: Params): string {
  return translate(apiCatalogues, lang, key, params);
}

const isKey = (text: string): text is ApiMessageKey => /^[a-z][A-Za-z]*$/.test(text) && text in apiCatalogues.nl;

function apiText(text: ApiText): (lang: Lang) => string {
  const [key, params] = typeof text === 'string' ? [text, {}] : text;
  return (lang) => translate(apiCatalogues, lang, key, params);
}

function issueTexts(issues: ApiIssues, lang: Lang): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [field, issue] of Object.entries(issues)) {
    out[field] = [translate(apiCatalogues, lang, `issues.${issue.code}` as ApiMessageKey, issue.params)];
  }
  return out;
}

const statusOf: Record<EngineError['kind'], number> = { invalid: 422, 'not-found': 404, conflict: 409, forbidden: 403 };

/** What a client can be told for a 4xx we did not raise ourselves (body-parser, zlib, the router). */
const generic: Record<number, [string, ApiMessageKey]> = {
  400: ['bad-request', 'badRequest'],
  403: ['forbidden', 'forbidden'],
  404: ['not-found', 'notFound'],
  413: ['payload-too-large', 'payloadTooLarge'],
  415: ['unsupported-media-type', 'unsupportedMediaType'],
};

/**
 * Every error, ours or a library's, as status + stable code + a message that
 * names no internals. Unknown errors are 500 (and logged by the caller).
 */
export function toHttpError(error: unknown): HttpError {
  if (error instanceof HttpError) return error;
  if (error instanceof EngineError) {
    return new HttpError(
      statusOf[error.kind],
      error.code,
      (lang) => error.messageIn(lang),
      error.details,
      (lang) => error.detailsIn(lang),
    );
  }
  if (error instanceof StaleCaseError) return new HttpError(409, 'stale-case', 'staleCase');
  // Two nodes (or requests) changed the same case at once and the database refused the later one: as stale.
  if (isRaceError(error) || isAuditChainClash(error)) return new HttpError(409, 'stale-case', 'changedConcurrently');
  // Feedback is once per case (its primary key): the second of two at once is the second one.
  if (isUniqueClash(error, 'feedback')) return new HttpError(409, 'feedback-given', 'feedbackGiven');
  if (isStoreUnreachable(error)) {
    const unavailable = new HttpError(503, 'store-unavailable', 'storeUnavailable');
    unavailable.headers = { 'Retry-After': String(RETRY_AFTER_SECONDS) };
    return unavailable;
  }
  // A rule that cannot be evaluated here (a budget ran out) decides nothing: the request changed nothing, a person can help.
  if (error instanceof FeelEvaluationError) return new HttpError(409, 'expression-failed', 'expressionFailed');
  const e = (error ?? {}) as {
    type?: unknown;
    status?: unknown;
    statusCode?: unknown;
    code?: unknown;
    expose?: unknown;
  };
  // body-parser's errors (Express 5 json(), urlencoded()).
  if (e.type === 'entity.too.large') return new HttpError(413, 'payload-too-large', 'payloadTooLarge');
  if (e.type === 'parameters.too.many') return new HttpError(413, 'payload-too-large', 'tooManyFields');
  if (e.type === 'entity.parse.failed') return new HttpError(400, 'invalid-json', 'invalidJson');
  if (e.type === 'encoding.unsupported') return new HttpError(415, 'unsupported-encoding', 'unsupportedEncoding');
  if (e.type === 'charset.unsupported') return new HttpError(415, 'unsupported-charset', 'unsupportedCharset');
  if (e.type === 'request.size.invalid') return new HttpError(400, 'invalid-length', 'invalidLength');
  if (e.type === 'request.aborted') return new HttpError(400, 'request-aborted', 'requestAborted');
  // zlib under body-parser: a body declared gzip/deflate/br that is not (Z_DATA_ERROR, ERR__ERROR_FORMAT_… for brotli).
  if (
    typeof e.code === 'string' &&
    (e.code.startsWith('Z_') || e.code.startsWith('ERR__ERROR_') || e.code.startsWith('ERR_BROTLI'))
  ) {
    return new HttpError(400, 'invalid-content-encoding', 'invalidContentEncoding');
  }
  // The router's own 400s, e.g. a path with a malformed %-escape.
  if (error instanceof URIError) return new HttpError(400, 'invalid-url', 'invalidUrl');
  // Any other library error that carries a client status (http-errors): its status with our wording.
  const status = Number(e.status ?? e.statusCode);
  if (Number.isInteger(status) && status >= 400 && status < 500 && e.expose !== false) {
    const [code, message] = generic[status] ?? ['bad-request', 'notHandled'];
    return new HttpError(status, code, message);
  }
  return new HttpError(500, 'internal', 'internal');
}

/**
 * Whether a change failed because another request (on this node or another)
 * changed the same case or task between its read and its write: the
 * database refused it, or the engine's revision check did. Its transaction
 * rolled back, so running it once more, on what is there now, is safe; it then
 * answers what it would have answered had it come second (a 409 naming the
 * winner, or the change applied to the new state), as on SQLite, where
 * writes take turns.
 */
export function lostRace(error: unknown): boolean {
  if (error instanceof StaleCaseError) return true;
  if (error instanceof EngineError) return error.code === 'stale-task';
  return isRaceError(error) || isAuditChainClash(error) || isUniqueClash(error, 'feedback');
}

/** Seconds a client is asked to wait when the database cannot be reached. */
export const RETRY_AFTER_SECONDS = 5;

type DbError = { code?: unknown; table?: unknown; constraint?: unknown; message?: unknown };

/** A unique violation (PostgreSQL 23505) on `table`: another request wrote the same row a moment earlier. */
function isUniqueClash(error: unknown, table: string): boolean {
  const e = (error ?? {}) as DbError;
  return e.code === '23505' && (e.table === table || String(e.constraint ?? '').startsWith(`${table}_`));
}
/** On the audit trail: another write took this case's next entry (its `(case_id, seq)` key). */
const isAuditChainClash = (error: unknown) => isUniqueClash(error, 'audit');

/** Node's codes for a server that cannot be reached, and PostgreSQL's classes for a connection lost or refused. */
const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  'EPIPE',
  '57P01', // admin shutdown
  '57P02', // crash shutdown
  '57P03', // cannot connect now (starting up, recovering)
  '53300', // too many connections
]);
const UNREACHABLE_MESSAGES = [
  /connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /connection (is )?(not open|closed)/i,
  /database connection is not open/i,
  /pool after calling end/i,
  /driver has already been destroyed/i,
];

/** Whether an error says the database cannot be reached now (a 503 with Retry-After, never a stack trace). */
export function isStoreUnreachable(error: unknown): boolean {
  const e = (error ?? {}) as DbError;
  const code = typeof e.code === 'string' ? e.code : '';
  if (UNREACHABLE_CODES.has(code) || code.startsWith('08')) return true;
  const message = typeof e.message === 'string' ? e.message : '';
  return UNREACHABLE_MESSAGES.some((m) => m.test(message));
}

/** The language a request reads: `?lang=` first, then Accept-Language; Dutch by default. */
export function requestLang(req: Pick<Request, 'query' | 'get'>): Lang {
  const query = (req.query ?? {}) as Record<string, unknown>;
  return langFromHeader(typeof query.lang === 'string' ? query.lang : req.get('accept-language'));
}

/** The one error middleware, after all routes: one envelope, never a stack trace, in the reader's language. */
export function errorHandler(log: (e: unknown) => void = console.error): ErrorRequestHandler {
  return (error, req, res, _next) => {
    const http = toHttpError(error);
    if (http.status >= 500) log(error);
    if (http.headers) res.set(http.headers);
    const lang = requestLang(req);
    const details = http.detailsIn(lang);
    res.status(http.status).json({
      error: { code: http.code, message: http.messageIn(lang), ...(details !== undefined ? { details } : {}) },
    });
  };
}
