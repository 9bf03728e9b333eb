import type { ScanProgress } from './engine/index.js';

/** A duration as the CLI says it: "40 s", "3 min 5 s", "1 h 2 min". */
export function roughDuration(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${s % 60} s`;
  return `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`;
}

/** One line of a scan's progress: "400 of 450 rows read, eligible 120, started 118, about 2 s left". */
export function scanProgressLine(p: ScanProgress): string {
  const read = p.total === null ? `${p.rows} rows read` : `${p.rows} of ${p.total} rows read`;
  const when = p.done
    ? `done in ${roughDuration(p.elapsedMs)}`
    : p.leftMs === null
      ? 'time left not known yet'
      : `about ${roughDuration(p.leftMs)} left`;
  return `${read}, eligible ${p.eligible}, started ${p.started}, ${when}`;
}

/**
 * Writes a scan's progress to a stream (stderr): on a terminal one line that
 * updates in place (at most 5 times a second); elsewhere (a log, a pipe) a
 * line at the start, at most one every `everyMs` after, and the last.
 */
export function progressPrinter(out: NodeJS.WriteStream, everyMs = 1000) {
  const tty = !!out.isTTY;
  let last = -Infinity;
  return (p: ScanProgress) => {
    const now = Date.now();
    if (!p.done && p.rows > 0 && now - last < (tty ? 200 : everyMs)) return;
    last = now;
    const line = `scan: ${scanProgressLine(p)}`;
    if (tty) out.write(`\r\x1b[K${line}${p.done ? '\n' : ''}`);
    else out.write(`${line}\n`);
  };
}
