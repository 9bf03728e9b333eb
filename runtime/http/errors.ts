import type { ErrorRequestHandler } from 'express';
import { EngineError } from '../engine/index.js';
import { StaleCaseError } from '../store/index.js';

/** An error with an HTTP status and a stable kebab-case code. */
export class HttpError extends Error {
  constructor(readonly status: number, readonly code: string, message: string, readonly details?: unknown) {
    super(message);
  }
}

const statusOf: Record<EngineError['kind'], number> = { invalid: 422, 'not-found': 404, conflict: 409, forbidden: 403 };

export function toHttpError(error: unknown): HttpError {
  if (error instanceof HttpError) return error;
  if (error instanceof EngineError) return new HttpError(statusOf[error.kind], error.code, error.message, error.details);
  if (error instanceof StaleCaseError) return new HttpError(409, 'stale-case', 'the case changed meanwhile; reload and try again');
  const e = error as { type?: string; status?: number; message?: string };
  // body-parser's errors (Express 5 json()).
  if (e?.type === 'entity.too.large') return new HttpError(413, 'payload-too-large', 'the request body is too large');
  if (e?.type === 'entity.parse.failed') return new HttpError(400, 'invalid-json', 'the request body is not valid JSON');
  // The router's own 400s, e.g. a path with a malformed %-escape.
  if (e?.status === 400 && e instanceof URIError) return new HttpError(400, 'invalid-url', 'the URL is malformed (a bad %-escape)');
  if (e?.type === 'encoding.unsupported' || e?.type === 'charset.unsupported') return new HttpError(415, 'unsupported-encoding', e.message ?? 'unsupported encoding');
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
