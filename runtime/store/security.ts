import type { Db } from './db.js';

export type SecurityKind = 'signin.failed' | 'signin.locked' | 'signin.refused' | 'rate-limit.hit';
export type SecurityEntry = {
  id: number;
  at: string;
  kind: SecurityKind;
  account: string | null;
  address: string | null;
  details: Record<string, unknown>;
};
export type Failures = { failures: number; lastFailedAt: string; lockedUntil: string | null };

/**
 * What guessing leaves behind: the security log, fixed-window counters per
 * key (an address), and failed sign-ins with their lock per account name.
 * All times are ISO strings from the caller's clock, so a fake clock drives
 * windows and locks in tests.
 */
export function securityRepo(db: Db) {
  const toEntry = (r: any): SecurityEntry => ({
    id: r.id,
    at: r.at,
    kind: r.kind,
    account: r.account,
    address: r.address,
    details: JSON.parse(r.details),
  });
  return {
    log(e: {
      at: string;
      kind: SecurityKind;
      account?: string | null;
      address?: string | null;
      details?: Record<string, unknown>;
    }): void {
      db.prepare('INSERT INTO security_log (at, kind, account, address, details) VALUES (?, ?, ?, ?, ?)').run(
        e.at,
        e.kind,
        e.account ?? null,
        e.address ?? null,
        JSON.stringify(e.details ?? {}),
      );
    },
    /** Newest first. */
    list(q: { kind?: string; since?: string; limit: number }): SecurityEntry[] {
      return (
        db
          .prepare(
            'SELECT * FROM security_log WHERE (@kind IS NULL OR kind = @kind) AND (@since IS NULL OR at >= @since) ORDER BY id DESC LIMIT @limit',
          )
          .all({ kind: q.kind ?? null, since: q.since ?? null, limit: q.limit }) as any[]
      ).map(toEntry);
    },
    /**
     * Counts one hit for `key` in its window (a window starts at its first
     * hit). Once at `cap` it stops writing: a flood past the limit costs a
     * read per request, not a durable write.
     */
    hit(key: string, now: string, windowEnd: string, cap: number): { hits: number; resetAt: string } {
      const row = db.prepare('SELECT hits, reset_at FROM rate_limits WHERE key = ?').get(key) as
        { hits: number; reset_at: string } | undefined;
      if (row && row.reset_at > now && row.hits >= cap) return { hits: row.hits, resetAt: row.reset_at };
      const r = db
        .prepare(
          `INSERT INTO rate_limits (key, hits, reset_at) VALUES (@key, 1, @windowEnd)
        ON CONFLICT (key) DO UPDATE SET hits = CASE WHEN reset_at <= @now THEN 1 ELSE hits + 1 END,
                                        reset_at = CASE WHEN reset_at <= @now THEN excluded.reset_at ELSE reset_at END
        RETURNING hits, reset_at`,
        )
        .get({ key, now, windowEnd }) as { hits: number; reset_at: string };
      return { hits: r.hits, resetAt: r.reset_at };
    },
    /** Takes back one hit of the current window (a request that turned out well). */
    refund(key: string, now: string): void {
      db.prepare('UPDATE rate_limits SET hits = max(hits - 1, 0) WHERE key = ? AND reset_at > ?').run(key, now);
    },
    failures(nameHash: string): Failures | undefined {
      const r = db
        .prepare('SELECT failures, last_failed_at, locked_until FROM signin_failures WHERE name_hash = ?')
        .get(nameHash) as any;
      return r ? { failures: r.failures, lastFailedAt: r.last_failed_at, lockedUntil: r.locked_until } : undefined;
    },
    setFailures(nameHash: string, f: Failures): void {
      db.prepare(
        `INSERT INTO signin_failures (name_hash, failures, last_failed_at, locked_until) VALUES (?, ?, ?, ?)
        ON CONFLICT (name_hash) DO UPDATE SET failures = excluded.failures, last_failed_at = excluded.last_failed_at, locked_until = excluded.locked_until`,
      ).run(nameHash, f.failures, f.lastFailedAt, f.lockedUntil);
    },
    clearFailures(nameHash: string): void {
      db.prepare('DELETE FROM signin_failures WHERE name_hash = ?').run(nameHash);
    },
    /** Forgets ended windows, failures older than `failuresBefore` and log entries older than `logBefore`. */
    prune(now: string, failuresBefore: string, logBefore: string): void {
      db.prepare('DELETE FROM rate_limits WHERE reset_at <= ?').run(now);
      db.prepare(
        'DELETE FROM signin_failures WHERE last_failed_at < ? AND (locked_until IS NULL OR locked_until <= ?)',
      ).run(failuresBefore, now);
      db.prepare('DELETE FROM security_log WHERE at < ?').run(logBefore);
    },
  };
}
