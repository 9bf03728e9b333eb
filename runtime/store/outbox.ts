import type { Sql } from './sql.js';

/**
 * What a notice is about. Citizens: a message step's text, an official's
 * message, a case's outcome, a proactive offer, a delay notice, a deadline
 * extension, a reminder of an unfinished application, a notice before a
 * draft is removed, an address to confirm. Staff: a digest of new tasks, an
 * escalation, a four-eyes proposal waiting for them.
 */
export type OutboxKind =
  | 'message'
  | 'official-message'
  | 'outcome'
  | 'offer'
  | 'late'
  | 'extended'
  | 'reminder'
  | 'draft-expiry'
  | 'confirm'
  | 'task-digest'
  | 'escalation'
  | 'proposal';

/**
 * Who a notice is for: the citizen of a case (`case:<id>`), a citizen by
 * subject without a case yet (`subject:<bsn>`), a member of staff
 * (`user:<id>`), every member of a team (`team:<name>`), or one address
 * (`email:<address>`, for a confirmation link before the address is in use).
 */
export type Recipient =
  `case:${string}` | `subject:${string}` | `user:${number}` | `team:${string}` | `email:${string}`;

export type OutboxEntry = {
  /** Idempotency: a second queue of the same key is ignored (`message:<id>`, `late:<task>`, …). */
  key: string;
  kind: OutboxKind;
  recipient: Recipient;
  caseId?: string | null;
  /** What the notice says, by language where it has text: `{ subject: {nl, en}, body: {nl, en}, … }`. */
  data: Record<string, unknown>;
  at: string;
};

export type OutboxRow = Omit<OutboxEntry, 'at'> & { id: number; createdAt: string; plannedAt: string | null };

/**
 * The outbox: notices written in the same transaction as the case change
 * that causes them, so a notice exists exactly when its change does. The
 * notify worker (runtime/notify) reads unplanned rows and plans one
 * delivery per channel; the inbox on the citizen's pages is the messages
 * table and needs no delivery.
 */
export function outboxRepo(sql: Sql) {
  const row = (r: {
    id: number;
    key: string;
    kind: string;
    recipient: string;
    case_id: string | null;
    data: string;
    created_at: string;
    planned_at: string | null;
  }): OutboxRow => ({
    id: r.id,
    key: r.key,
    kind: r.kind as OutboxKind,
    recipient: r.recipient as Recipient,
    caseId: r.case_id,
    data: JSON.parse(r.data) as Record<string, unknown>,
    createdAt: r.created_at,
    plannedAt: r.planned_at,
  });
  return {
    /** Queues a notice; false if its key was queued before (nothing changes then). */
    async queue(entry: OutboxEntry): Promise<boolean> {
      const result = await sql
        .q()
        .insertInto('outbox')
        .values({
          key: entry.key,
          kind: entry.kind,
          recipient: entry.recipient,
          case_id: entry.caseId ?? null,
          data: JSON.stringify(entry.data),
          created_at: entry.at,
        })
        .onConflict((oc) => oc.column('key').doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
    },
    async get(id: number): Promise<OutboxRow | undefined> {
      const r = await sql.q().selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirst();
      return r && row(r);
    },
    async byKey(key: string): Promise<OutboxRow | undefined> {
      const r = await sql.q().selectFrom('outbox').selectAll().where('key', '=', key).executeTakeFirst();
      return r && row(r);
    },
    /** Notices whose deliveries are not planned yet, oldest first. */
    async unplanned(limit: number): Promise<OutboxRow[]> {
      const rows = await sql
        .q()
        .selectFrom('outbox')
        .selectAll()
        .where('planned_at', 'is', null)
        .orderBy('id')
        .limit(limit)
        .execute();
      return rows.map(row);
    },
    /** Marks a notice planned, once: false if another node planned it first. */
    async markPlanned(id: number, at: string): Promise<boolean> {
      const result = await sql
        .q()
        .updateTable('outbox')
        .set({ planned_at: at })
        .where('id', '=', id)
        .where('planned_at', 'is', null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },
    /** Replaces a notice's data (the notify worker drops a confirmation link's token once it is sent). */
    async setData(id: number, data: Record<string, unknown>): Promise<void> {
      await sql
        .q()
        .updateTable('outbox')
        .set({ data: JSON.stringify(data) })
        .where('id', '=', id)
        .execute();
    },
    /** A case's notices, oldest first (tests, the case's history). */
    async forCase(caseId: string): Promise<OutboxRow[]> {
      const rows = await sql.q().selectFrom('outbox').selectAll().where('case_id', '=', caseId).orderBy('id').execute();
      return rows.map(row);
    },
  };
}
export type OutboxRepo = ReturnType<typeof outboxRepo>;
