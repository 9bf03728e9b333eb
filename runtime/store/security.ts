import { sql as raw } from 'kysely';
import type { Sql } from './sql.js';

export const SECURITY_KINDS = [
  'signin.failed',
  'signin.locked',
  'signin.refused',
  'rate-limit.hit',
  // Who gave whom access: mandates registered or revoked by officials, intermediaries' API clients.
  'mandate.registered',
  'mandate.revoked',
  'api-client.created',
  'api-client.disabled',
  // An official asked to see a citizen's BSN in full (the workspace masks it), or searched cases by BSN.
  'bsn.revealed',
  'bsn.searched',
] as const;
export type SecurityKind = (typeof SECURITY_KINDS)[number];
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
 * windows and locks in tests. Callers write these in `relaxedTransaction`.
 */
export function securityRepo(sql: Sql) {
  const toEntry = (r: any): SecurityEntry => ({
    id: r.id,
    at: r.at,
    kind: r.kind,
    account: r.account,
    address: r.address,
    details: JSON.parse(r.details),
  });
  return {
    async log(e: {
      at: string;
      kind: SecurityKind;
      account?: string | null;
      address?: string | null;
      details?: Record<string, unknown>;
    }): Promise<void> {
      await sql
        .q()
        .insertInto('security_log')
        .values({
          at: e.at,
          kind: e.kind,
          account: e.account ?? null,
          address: e.address ?? null,
          details: JSON.stringify(e.details ?? {}),
        })
        .execute();
    },
    /** Newest first. */
    async list(q: { kind?: string; since?: string; limit: number }): Promise<SecurityEntry[]> {
      let query = sql.q().selectFrom('security_log').selectAll();
      if (q.kind != null) query = query.where('kind', '=', q.kind);
      if (q.since != null) query = query.where('at', '>=', q.since);
      return (await query.orderBy('id', 'desc').limit(q.limit).execute()).map(toEntry);
    },
    /**
     * Counts one hit for `key` in its window (a window starts at its first
     * hit). Once at `cap` it stops writing: a flood past the limit costs a
     * read per request, not a durable write.
     */
    async hit(key: string, now: string, windowEnd: string, cap: number): Promise<{ hits: number; resetAt: string }> {
      const row = await sql
        .q()
        .selectFrom('rate_limits')
        .select(['hits', 'reset_at'])
        .where('key', '=', key)
        .executeTakeFirst();
      if (row && row.reset_at > now && row.hits >= cap) return { hits: row.hits, resetAt: row.reset_at };
      // Qualified with the table: PostgreSQL finds a bare `hits` ambiguous next to `excluded`.
      const ended = raw<boolean>`rate_limits.reset_at <= ${now}`;
      const r = await sql
        .q()
        .insertInto('rate_limits')
        .values({ key, hits: 1, reset_at: windowEnd })
        .onConflict((oc) =>
          oc.column('key').doUpdateSet({
            hits: raw<number>`CASE WHEN ${ended} THEN 1 ELSE rate_limits.hits + 1 END`,
            reset_at: raw<string>`CASE WHEN ${ended} THEN excluded.reset_at ELSE rate_limits.reset_at END`,
          }),
        )
        .returning(['hits', 'reset_at'])
        .executeTakeFirstOrThrow();
      return { hits: r.hits, resetAt: r.reset_at };
    },
    /** Takes back one hit of the current window (a request that turned out well). */
    async refund(key: string, now: string): Promise<void> {
      await sql
        .q()
        .updateTable('rate_limits')
        .set({ hits: raw<number>`CASE WHEN hits > 1 THEN hits - 1 ELSE 0 END` })
        .where('key', '=', key)
        .where('reset_at', '>', now)
        .execute();
    },
    async failures(nameHash: string): Promise<Failures | undefined> {
      const r = await sql
        .q()
        .selectFrom('signin_failures')
        .select(['failures', 'last_failed_at', 'locked_until'])
        .where('name_hash', '=', nameHash)
        .executeTakeFirst();
      return r ? { failures: r.failures, lastFailedAt: r.last_failed_at, lockedUntil: r.locked_until } : undefined;
    },
    async setFailures(nameHash: string, f: Failures): Promise<void> {
      await sql
        .q()
        .insertInto('signin_failures')
        .values({
          name_hash: nameHash,
          failures: f.failures,
          last_failed_at: f.lastFailedAt,
          locked_until: f.lockedUntil,
        })
        .onConflict((oc) =>
          oc.column('name_hash').doUpdateSet((eb) => ({
            failures: eb.ref('excluded.failures'),
            last_failed_at: eb.ref('excluded.last_failed_at'),
            locked_until: eb.ref('excluded.locked_until'),
          })),
        )
        .execute();
    },
    async clearFailures(nameHash: string): Promise<void> {
      await sql.q().deleteFrom('signin_failures').where('name_hash', '=', nameHash).execute();
    },
    /** Forgets ended windows, failures older than `failuresBefore` and log entries older than `logBefore`. */
    async prune(now: string, failuresBefore: string, logBefore: string): Promise<void> {
      await sql.q().deleteFrom('rate_limits').where('reset_at', '<=', now).execute();
      await sql
        .q()
        .deleteFrom('signin_failures')
        .where('last_failed_at', '<', failuresBefore)
        .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', now)]))
        .execute();
      await sql.q().deleteFrom('security_log').where('at', '<', logBefore).execute();
    },
  };
}
