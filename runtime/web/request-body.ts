import type { Socket } from 'node:net';
import type { Request, RequestHandler } from 'express';

/** A refused request whose unread rest is at most this large is read and dropped; the connection stays open. */
export const DRAIN_LIMIT = 4 * 1024 * 1024;
/** How long a connection closed after a refusal keeps reading (and dropping) what the client still sends. */
export const LINGER_MS = 5000;

const hasBody = (req: Request) =>
  req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;

/**
 * One place that settles request bodies nobody read to the end: a request
 * refused early (401, 403, 404, 413 …) while its body is still arriving, or
 * a streaming route that stopped reading. Without it the socket either stalls
 * (a paused request) or is reset, and the client's next request on the
 * keep-alive socket fails with ECONNRESET.
 *
 * - A declared body of at most `drainLimit` bytes: the answer keeps the
 *   connection open, and the rest of the body is read and dropped (never kept).
 * - A larger or chunked body: the answer says `Connection: close`; the server
 *   stops writing but keeps reading and dropping for up to `lingerMs`
 *   ("lingering close", RFC 9112 §9.6), so closing is no reset that could
 *   destroy the answer before the client read it.
 *
 * Mount it first, before anything that can answer.
 */
export function settleUnreadBody(opts: { drainLimit?: number; lingerMs?: number } = {}): RequestHandler {
  const drainLimit = opts.drainLimit ?? DRAIN_LIMIT;
  const lingerMs = opts.lingerMs ?? LINGER_MS;
  return (req, res, next) => {
    if (!hasBody(req)) return next();
    const declared = Number(req.headers['content-length']);
    const small = req.headers['transfer-encoding'] === undefined && Number.isFinite(declared) && declared <= drainLimit;
    const writeHead = res.writeHead;
    // The moment the answer's headers go out is the last chance to say the connection closes.
    res.writeHead = function (this: typeof res, ...args: unknown[]) {
      if (!req.complete && !small && !res.headersSent) {
        this.setHeader('Connection', 'close');
        lingerOnClose(req.socket, lingerMs);
      }
      return (writeHead as (...a: unknown[]) => typeof res).apply(this, args);
    } as typeof res.writeHead;
    res.once('finish', () => {
      if (!req.complete) discard(req, drainLimit);
    });
    next();
  };
}

/** Reads the rest of a request and drops it; past `limit` bytes the connection is closed. */
function discard(req: Request, limit: number) {
  req.unpipe();
  req.removeAllListeners('data');
  req.removeAllListeners('readable');
  let seen = 0;
  req.on('data', (chunk: Buffer) => {
    seen += chunk.length;
    if (seen > limit) req.socket?.destroy();
  });
  req.resume();
}

/**
 * Node closes a `Connection: close` socket as soon as the answer is written
 * (`destroySoon`). With unread input the kernel then answers with a reset.
 * Instead: half-close (FIN after the answer), keep reading until the client
 * is done or `ms` passed, then close.
 */
function lingerOnClose(socket: Socket | null, ms: number) {
  const s = socket as (Socket & { destroySoon?: () => void }) | null;
  if (!s || s.destroyed) return;
  s.destroySoon = function () {
    s.end();
    const timer = setTimeout(() => s.destroy(), ms);
    timer.unref();
    s.once('close', () => clearTimeout(timer));
    s.once('end', () => s.destroy());
  };
}

/** `'256kb'`, `'1mb'`, `'512b'` or a number of bytes, as body-parser takes its `limit`. */
export function byteLimit(limit: string | number): number {
  if (typeof limit === 'number') return limit;
  const m = /^\s*(\d+(?:\.\d+)?)\s*(b|kb|mb|gb)?\s*$/i.exec(limit);
  if (!m) throw new Error(`a body limit is a size like '256kb' or '1mb', not '${limit}'`);
  const unit = { b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 }[(m[2] ?? 'b').toLowerCase() as 'b'];
  return Math.floor(Number(m[1]) * unit);
}

/**
 * Refuses a body whose declared length is over `limit` before anything reads
 * it (body-parser would read and drop all of it first, however large). The
 * rest is settled by `settleUnreadBody`.
 */
export function refuseDeclaredOver(limit: string | number, refusal: () => Error): RequestHandler {
  const max = byteLimit(limit);
  return (req, _res, next) => {
    if (Number(req.headers['content-length'] ?? 0) > max) return next(refusal());
    next();
  };
}
