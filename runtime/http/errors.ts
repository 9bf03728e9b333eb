import type { ErrorRequestHandler } from 'express';
import { EngineError } from '../engine/index.js';
import { FeelEvaluationError } from '../model/index.js';
import { StaleCaseError } from '../store/index.js';

/** An error with an HTTP status and a stable kebab-case code. */
export class HttpError extends Error {
  constructor(readonly status: number, readonly code: string, message: string, readonly details?: unknown) {
    super(message);
  }
}

const statusOf: Record<EngineError['kind'], number> = { invalid: 422, 'not-found': 404, conflict: 409, forbidden: 403 };

/** What a client can be told for a 4xx we did not raise ourselves (body-parser, zlib, the router). */
const generic: Record<number, [string, string]> = {
  400: ['bad-request', 'the request could not be read'],
  403: ['forbidden', 'the request is not allowed'],
  404: ['not-found', 'not found'],
  413: ['payload-too-large', 'the request body is too large'],
  415: ['unsupported-media-type', 'the request body has a type or encoding this route does not take'],
};

/**
 * Every error, ours or a library's, as status + stable code + a message that
 * names no internals. Unknown errors are 500 (and logged by the caller).
 */
export function toHttpError(error: unknown): HttpError {
  if (error instanceof HttpError) return error;
  if (error instanceof EngineError) return new HttpError(statusOf[error.kind], error.code, error.message, error.details);
  if (error instanceof StaleCaseError) return new HttpError(409, 'stale-case', 'the case changed meanwhile; reload and try again');
  // A rule that cannot be evaluated here (a budget ran out) decides nothing: the request changed nothing, a person can help.
  if (error instanceof FeelEvaluationError) return new HttpError(409, 'expression-failed', 'a rule of this process cannot be evaluated for this input; nothing was changed; ask for a person');
  const e = (error ?? {}) as { type?: unknown; status?: unknown; statusCode?: unknown; code?: unknown; expose?: unknown };
  // body-parser's errors (Express 5 json(), urlencoded()).
  if (e.type === 'entity.too.large') return new HttpError(413, 'payload-too-large', 'the request body is too large');
  if (e.type === 'parameters.too.many') return new HttpError(413, 'payload-too-large', 'the form has too many fields');
  if (e.type === 'entity.parse.failed') return new HttpError(400, 'invalid-json', 'the request body is not valid JSON');
  if (e.type === 'encoding.unsupported') return new HttpError(415, 'unsupported-encoding', 'the Content-Encoding is not one of gzip, deflate, br or identity');
  if (e.type === 'charset.unsupported') return new HttpError(415, 'unsupported-charset', 'the body must be UTF-8');
  if (e.type === 'request.size.invalid') return new HttpError(400, 'invalid-length', 'the body is not as long as its Content-Length says');
  if (e.type === 'request.aborted') return new HttpError(400, 'request-aborted', 'the request ended before its body did');
  // zlib under body-parser: a body declared gzip/deflate/br that is not (Z_DATA_ERROR, ERR__ERROR_FORMAT_… for brotli).
  if (typeof e.code === 'string' && (e.code.startsWith('Z_') || e.code.startsWith('ERR__ERROR_') || e.code.startsWith('ERR_BROTLI'))) {
    return new HttpError(400, 'invalid-content-encoding', 'the body is not encoded as its Content-Encoding says');
  }
  // The router's own 400s, e.g. a path with a malformed %-escape.
  if (error instanceof URIError) return new HttpError(400, 'invalid-url', 'the URL is malformed (a bad %-escape)');
  // Any other library error that carries a client status (http-errors): its status with our wording.
  const status = Number(e.status ?? e.statusCode);
  if (Number.isInteger(status) && status >= 400 && status < 500 && e.expose !== false) {
    const [code, message] = generic[status] ?? ['bad-request', 'the request could not be handled'];
    return new HttpError(status, code, message);
  }
  return new HttpError(500, 'internal', 'something went wrong on our side; the request changed nothing');
}

/** The one error middleware, after all routes: one envelope, never a stack trace. */
export function errorHandler(log: (e: unknown) => void = console.error): ErrorRequestHandler {
  return (error, _req, res, _next) => {
    const http = toHttpError(error);
    if (http.status >= 500) log(error);
    res.status(http.status).json({ error: { code: http.code, message: http.message, ...(http.details !== undefined ? { details: http.details } : {}) } });
  };
}
