import { randomUUID } from 'node:crypto';
import { createWriteStream, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Request } from 'express';
import busboy, { type Busboy, type FileStream } from 'busboy';
import { fileTypeFromBuffer } from 'file-type';
import { PageError } from './context.js';

/** The kinds of file a citizen may add, by content: what `file-type` detects, or plain text (see `textSniffer`). */
const ACCEPTED = new Set(['application/pdf', 'image/png', 'image/jpeg', 'image/heic', 'text/plain']);
/** file-type's sample size: enough bytes to recognise every format it knows. */
const SNIFF_BYTES = 4100;

export type ReceivedFile = {
  field: string;
  /** The name the citizen's computer gave it, without folders or control characters. */
  name: string;
  size: number;
  /** The temporary file with the bytes (removed by `cleanup`). */
  path: string;
  /** The type its content shows; null when it is not a kind we accept, whatever its name or declared type says. */
  type: string | null;
};
/** A problem with one file question, shown next to it. */
export type FileProblem = { code: 'too-large'; max: number } | { code: 'one-file' };
export type ReceivedForm = {
  body: Record<string, string | string[]>;
  files: Map<string, ReceivedFile>;
  problems: Map<string, FileProblem>;
  /** Removes the temporary files; call it when the answers were stored or refused. */
  cleanup(): void;
};

export type ReceiveOptions = {
  /** The file questions of this page: field id → the most bytes it takes. A file for anything else is refused. */
  files: Record<string, number>;
  /** Whether a value is this visitor's form token. It must be the form's first part (the hidden field comes first). */
  token: (sent: string) => boolean;
  /** Where files wait (on disk, not in memory) until the answers are checked. */
  dir: string;
  /** The most text parts (answers) this page can send, and the most bytes per part. */
  maxFields: number;
  fieldSize: number;
};

/**
 * Reads a multipart form as it arrives: the token first (anything before it,
 * or a wrong one: 403, reading stops), answers into memory (counted and
 * bounded), files streamed to temporary files with their own size limit and
 * checked by content. Stops at the first limit: a file too large or a second
 * file for one question is a problem of that question (the page shows it);
 * too many parts, a part too large or a malformed body is a refusal
 * (413/400). What was not read is left to the server's drain
 * (web/request-body.ts).
 */
export function receiveMultipart(req: Request, opts: ReceiveOptions): Promise<ReceivedForm> {
  const body: Record<string, string | string[]> = Object.create(null);
  const files = new Map<string, ReceivedFile>();
  const problems = new Map<string, FileProblem>();
  const paths: string[] = [];
  const streams = new Set<{ destroy(): void }>();
  const cleanup = () => {
    for (const p of paths.splice(0)) rmSync(p, { force: true });
  };
  const maxFile = Math.max(0, ...Object.values(opts.files));

  return new Promise<ReceivedForm>((resolve, reject) => {
    let parser: Busboy;
    try {
      parser = busboy({
        headers: req.headers,
        defParamCharset: 'utf8',
        // busboy reports a limit when it is reached; +1 so reaching exactly the limit is still fine.
        limits: {
          files: Object.keys(opts.files).length,
          fields: opts.maxFields,
          fieldSize: opts.fieldSize + 1,
          fileSize: maxFile + 1,
          fieldNameSize: 200,
          headerPairs: 20,
        },
      });
    } catch {
      return reject(new PageError(400, 'badRequest'));
    }
    let trusted = false;
    let settled = false;
    let parsed = false;
    let pending = 0;

    const stop = () => {
      req.unpipe(parser);
      parser.removeAllListeners();
      parser.on('error', () => {});
      for (const s of streams) s.destroy();
    };
    const fail = (error: unknown) => {
      if (settled) return;
      settled = true;
      stop();
      cleanup();
      reject(error);
    };
    const done = () => {
      if (settled) return;
      settled = true;
      stop();
      resolve({ body, files, problems, cleanup });
    };
    const maybeDone = () => {
      if (!parsed || pending > 0) return;
      if (!trusted) fail(new PageError(403, 'expiredForm'));
      else done();
    };

    parser.on('field', (name, value, info) => {
      if (!trusted) {
        if (name === '_csrf' && opts.token(value)) trusted = true;
        else fail(new PageError(403, 'expiredForm'));
        return;
      }
      if (info.nameTruncated || info.valueTruncated) return fail(new PageError(413, 'tooLarge'));
      const before = body[name];
      body[name] = before === undefined ? value : Array.isArray(before) ? [...before, value] : [before, value];
    });

    parser.on('file', (field, stream, info) => {
      if (!trusted) {
        stream.resume();
        return fail(new PageError(403, 'expiredForm'));
      }
      if (!Object.hasOwn(opts.files, field)) {
        stream.resume();
        return fail(new PageError(400, 'badRequest'));
      }
      // An empty file input (nothing chosen) still sends a part, without a name.
      if (!info.filename) {
        stream.resume();
        return;
      }
      if (files.has(field)) {
        stream.resume();
        problems.set(field, { code: 'one-file' });
        return done();
      }
      pending++;
      receiveFile(field, stream, info.filename).then(() => {
        pending--;
        maybeDone();
      }, fail);
    });

    const receiveFile = (field: string, stream: FileStream, filename: string) =>
      new Promise<void>((fileDone, fileFailed) => {
        const max = opts.files[field];
        const path = join(opts.dir, randomUUID());
        paths.push(path);
        const out = createWriteStream(path, { flags: 'wx', mode: 0o600 });
        streams.add(out);
        const head: Buffer[] = [];
        let headBytes = 0;
        let size = 0;
        const text = textSniffer();
        const tooLarge = () => {
          problems.set(field, { code: 'too-large', max });
          done();
        };
        stream.on('limit', tooLarge);
        stream.on('data', (chunk: Buffer) => {
          if (settled) return;
          size += chunk.length;
          if (size > max) return tooLarge();
          if (headBytes < SNIFF_BYTES) {
            head.push(chunk);
            headBytes += chunk.length;
          }
          text.feed(chunk);
          if (!out.write(chunk)) {
            stream.pause();
            out.once('drain', () => stream.resume());
          }
        });
        stream.on('end', () => out.end());
        stream.on('error', fileFailed);
        out.on('error', fileFailed);
        out.on('close', async () => {
          streams.delete(out);
          if (settled || size > max || !out.writableFinished) return fileDone();
          if (size > 0) {
            const found = await fileTypeFromBuffer(Buffer.concat(head).subarray(0, SNIFF_BYTES)).catch(() => undefined);
            const type = found ? (ACCEPTED.has(found.mime) ? found.mime : null) : text.isText() ? 'text/plain' : null;
            files.set(field, { field, name: safeName(filename), size, path, type });
          }
          fileDone();
        });
      });

    parser.on('filesLimit', () => fail(new PageError(413, 'tooLarge')));
    parser.on('fieldsLimit', () => fail(new PageError(413, 'tooLarge')));
    parser.on('partsLimit', () => fail(new PageError(413, 'tooLarge')));
    parser.on('error', () => fail(new PageError(400, 'badRequest')));
    parser.on('close', () => {
      parsed = true;
      maybeDone();
    });
    // The citizen's browser went away mid-upload.
    req.on('close', () => {
      if (!req.complete) fail(new PageError(400, 'badRequest'));
    });
    req.pipe(parser);
  });
}

/**
 * Plain text has no magic bytes, so it is accepted by what it is not: it
 * decodes as UTF-8, has no control characters but tab, line breaks and form
 * feed, and no markup (`<` followed by a letter, `!`, `?` or `/`), so an
 * HTML or SVG page can never pass as text.
 */
function textSniffer() {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let ok = true;
  let tail = '';
  const check = (s: string) => {
    const window = tail + s;
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u0008\u000B\u000E-\u001F\u007F]/.test(s) || /<[A-Za-z!?/]/.test(window)) ok = false;
    tail = window.slice(-1);
  };
  return {
    feed(chunk: Buffer) {
      if (!ok) return;
      try {
        check(decoder.decode(chunk, { stream: true }));
      } catch {
        ok = false;
      }
    },
    isText(): boolean {
      if (!ok) return false;
      try {
        check(decoder.decode());
      } catch {
        ok = false;
      }
      return ok;
    },
  };
}

/** A file's name as shown and stored: no folders, no control or direction-changing characters, at most 255 characters. */
export function safeName(raw: string): string {
  // eslint-disable-next-line no-control-regex
  const base = (raw.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001F\u007F\u202A-\u202E\u2066-\u2069]/g, '').trim();
  const name = base.length > 255 ? base.slice(0, 240) + base.slice(-15) : base;
  return name || 'bestand';
}
