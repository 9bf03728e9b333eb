import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Clock } from '../engine/index.js';
import type { Store } from '../store/index.js';
import { noticeDrafts } from './draft-notices.js';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

export type Retention = {
  /** Answers not sent and not changed for this long are deleted (the case stays open; it can be filled in again). */
  draftMs: number;
  /** A file not sent and no longer named by its draft is kept this long (an upload in progress is never caught). */
  unsentFileMs: number;
  /** A temporary upload file older than this was left by a crash. */
  uploadTmpMs: number;
  /** How long before a stale draft is removed its citizen is told (README, "Eerlijk wachten"). */
  draftNoticeMs: number;
};
export const defaultRetention: Retention = {
  draftMs: 30 * DAY,
  unsentFileMs: DAY,
  uploadTmpMs: HOUR,
  draftNoticeMs: 7 * DAY,
};

/**
 * One round of housekeeping: expired sessions (citizens' and staff's),
 * sign-ins at a provider never finished (their flows, past their time),
 * stale drafts (not changed for `draftMs`, or of a case that ended), the
 * files of those drafts and uploads replaced before sending, and temporary
 * upload files a crash left behind. Returns what it removed. Safe on several
 * nodes at once: the deletes are idempotent, and each node clears its own
 * upload folder.
 */
export async function cleanUp(
  store: Store,
  now: Date,
  opts: { retention?: Partial<Retention>; uploadDir?: string } = {},
) {
  const r = { ...defaultRetention, ...opts.retention };
  const at = now.getTime();
  const removed = await store.transaction(async () => {
    const sessions = await store.sessions.deleteExpired(now);
    const signinFlows = await store.signinFlows.deleteExpired(now);
    // Intermediaries' API tokens that ended (an hour after they were fetched).
    const clientTokens = await store.clients.deleteExpired(now.toISOString());
    // First the notices: a reminder, and the notice before removal; a stale draft goes only after its notice.
    const notices = await noticeDrafts(store, now, { draftMs: r.draftMs, noticeMs: r.draftNoticeMs });
    const drafts = await store.drafts.deleteStale(
      new Date(at - r.draftMs).toISOString(),
      new Date(at - r.draftNoticeMs).toISOString(),
    );
    // After the drafts: a deleted draft's files are unsent and named by nothing now.
    const files = await store.files.deleteUnsent(new Date(at - r.unsentFileMs).toISOString());
    return { sessions, signinFlows, clientTokens, drafts, files, uploads: 0, ...notices };
  });
  if (opts.uploadDir) {
    for (const name of await safeList(opts.uploadDir)) {
      const path = join(opts.uploadDir, name);
      try {
        if ((await stat(path)).mtimeMs < Date.now() - r.uploadTmpMs) {
          await rm(path, { force: true });
          removed.uploads++;
        }
      } catch {
        /* gone meanwhile */
      }
    }
  }
  return removed;
}

const safeList = async (dir: string) => {
  try {
    return await readdir(dir);
  } catch {
    return [];
  }
};

/**
 * Runs `cleanUp` now and then every `everyMs` (default 15 minutes) until
 * stopped. Rounds never overlap: a tick that comes while a round still runs
 * is skipped (runNow then waits for that round). `stop` waits for a round
 * in progress, so the store can be closed after it.
 */
export function startHousekeeping(
  deps: { store: Store; clock: Clock },
  opts: { everyMs?: number; retention?: Partial<Retention>; uploadDir?: string; log?: (e: unknown) => void } = {},
) {
  let running: Promise<void> | undefined;
  let stopped = false;
  const round = (): Promise<void> => {
    if (running) return running;
    if (stopped) return Promise.resolve();
    running = (async () => {
      try {
        await cleanUp(deps.store, deps.clock.now(), opts);
      } catch (error) {
        (opts.log ?? console.error)(error);
      } finally {
        running = undefined;
      }
    })();
    return running;
  };
  void round();
  const timer = setInterval(() => void round(), opts.everyMs ?? 15 * 60 * 1000);
  timer.unref();
  return {
    async stop(): Promise<void> {
      stopped = true;
      clearInterval(timer);
      await running;
    },
    runNow: round,
  };
}
