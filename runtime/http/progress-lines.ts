import type { Lang } from '../model/index.js';
import { toHttpError } from './errors.js';

/**
 * Long work as a stream of JSON Lines (`application/x-ndjson`): one
 * `{"type":"progress",…}` line per report of `run`, then `{"type":"result",…}`
 * with its answer. The first line waits for the first report, so a refusal
 * before the work begins (a conflict, a 404) is still an ordinary error
 * answer; a failure after that is a last `{"type":"error","error":{code,message}}`
 * line, since the status was sent. `cleanup` runs when the stream ends.
 */
export async function* progressLines<P extends object, R extends object>(
  run: (report: (progress: P) => void) => Promise<R>,
  lang: Lang,
  cleanup: () => Promise<void>,
): AsyncGenerator<string> {
  const queue: string[] = [];
  let wake: (() => void) | null = null;
  let finished = false;
  let result: R | undefined;
  let failure: unknown;
  const work = run((p) => {
    queue.push(`${JSON.stringify({ type: 'progress', ...p })}\n`);
    wake?.();
  }).then(
    (r) => {
      result = r;
    },
    (e: unknown) => {
      failure = e ?? new Error('failed');
    },
  );
  void work.finally(() => {
    finished = true;
    wake?.();
  });
  let sent = false;
  try {
    for (;;) {
      if (queue.length) {
        sent = true;
        yield queue.shift()!;
        continue;
      }
      if (finished) break;
      await new Promise<void>((resolve) => (wake = resolve));
      wake = null;
    }
    if (failure !== undefined) {
      if (!sent) throw failure;
      const error = toHttpError(failure);
      yield `${JSON.stringify({ type: 'error', error: { code: error.code, message: error.messageIn(lang) } })}\n`;
      return;
    }
    yield `${JSON.stringify({ type: 'result', ...result })}\n`;
  } finally {
    // A client that went away stops reading, not the work: it finishes (or fails) before the files go.
    await work;
    await cleanup();
  }
}
