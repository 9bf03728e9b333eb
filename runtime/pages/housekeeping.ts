import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Clock } from '../engine/index.js';
import type { Store } from '../store/index.js';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

export type Retention = {
  /** Answers not sent and not changed for this long are deleted (the case stays open; it can be filled in again). */
  draftMs: number;
  /** A file not sent and no longer named by its draft is kept this long (an upload in progress is never caught). */
  unsentFileMs: number;
  /** A temporary upload file older than this was left by a crash. */
  uploadTmpMs: number;
};
export const defaultRetention: Retention = { draftMs: 30 * DAY, unsentFileMs: DAY, uploadTmpMs: HOUR };

/**
 * One round of housekeeping: expired sessions (citizens' and staff's),
 * stale drafts (not changed for `draftMs`, or of a case that ended), the
 * files of those drafts and uploads replaced before sending, and temporary
 * upload files a crash left behind. Returns what it removed.
 */
export function cleanUp(store: Store, now: Date, opts: { retention?: Partial<Retention>; uploadDir?: string } = {}) {
  const r = { ...defaultRetention, ...opts.retention };
  const at = now.getTime();
  const removed = store.transaction(() => ({
    sessions: store.sessions.deleteExpired(now),
    drafts: store.drafts.deleteStale(new Date(at - r.draftMs).toISOString()),
    // After the drafts: a deleted draft's files are unsent and named by nothing now.
    files: store.files.deleteUnsent(new Date(at - r.unsentFileMs).toISOString()),
    uploads: 0,
  }));
  if (opts.uploadDir) {
    for (const name of safeList(opts.uploadDir)) {
      const path = join(opts.uploadDir, name);
      try {
        if (statSync(path).mtimeMs < Date.now() - r.uploadTmpMs) {
          rmSync(path, { force: true });
          removed.uploads++;
        }
      } catch {
        /* gone meanwhile */
      }
    }
  }
  return removed;
}

const safeList = (dir: string) => {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
};

/** Runs `cleanUp` now and then every `everyMs` (default 15 minutes) until stopped. */
export function startHousekeeping(
  deps: { store: Store; clock: Clock },
  opts: { everyMs?: number; retention?: Partial<Retention>; uploadDir?: string; log?: (e: unknown) => void } = {},
) {
  const round = () => {
    try {
      cleanUp(deps.store, deps.clock.now(), opts);
    } catch (error) {
      (opts.log ?? console.error)(error);
    }
  };
  round();
  const timer = setInterval(round, opts.everyMs ?? 15 * 60 * 1000);
  timer.unref();
  return { stop: () => clearInterval(timer), runNow: round };
}
