import type { ChannelKind } from './channels.js';
import type { Sql } from './sql.js';

export type DeliveryStatus = 'pending' | 'sent' | 'dead';

export type Delivery = {
  id: number;
  outboxId: number;
  channel: ChannelKind;
  address: string;
  lang: string;
  status: DeliveryStatus;
  attempts: number;
  nextAt: string;
  lastError: string | null;
  sentAt: string | null;
  createdAt: string;
};

export type NewDelivery = { outboxId: number; channel: ChannelKind; address: string; lang: string; at: string };

type Row = {
  id: number;
  outbox_id: number;
  channel: ChannelKind;
  address: string;
  lang: string;
  status: DeliveryStatus;
  attempts: number;
  next_at: string;
  last_error: string | null;
  sent_at: string | null;
  created_at: string;
};
const columns = [
  'id',
  'outbox_id',
  'channel',
  'address',
  'lang',
  'status',
  'attempts',
  'next_at',
  'last_error',
  'sent_at',
  'created_at',
] as const;
const toDelivery = (r: Row): Delivery => ({
  id: r.id,
  outboxId: r.outbox_id,
  channel: r.channel,
  address: r.address,
  lang: r.lang,
  status: r.status,
  attempts: r.attempts,
  nextAt: r.next_at,
  lastError: r.last_error,
  sentAt: r.sent_at,
  createdAt: r.created_at,
});

/**
 * Deliveries of notices: one per notice, channel and address (a unique
 * key, so planning twice plans once). The notify worker claims due ones
 * under a lease, as the scheduler claims timers; marking one sent or failed
 * is guarded by the claim, so a node whose lease ran out cannot overwrite
 * what another node did meanwhile.
 */
export function deliveryRepo(sql: Sql) {
  const pg = sql.dialect === 'postgres';
  return {
    /** Plans a delivery; false if this notice already has one for this channel and address. */
    async plan(d: NewDelivery): Promise<boolean> {
      const result = await sql
        .q()
        .insertInto('deliveries')
        .values({
          outbox_id: d.outboxId,
          channel: d.channel,
          address: d.address,
          lang: d.lang,
          status: 'pending',
          next_at: d.at,
          created_at: d.at,
        })
        .onConflict((oc) => oc.columns(['outbox_id', 'channel', 'address']).doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
    },
    async get(id: number): Promise<Delivery | undefined> {
      const r = await sql.q().selectFrom('deliveries').select(columns).where('id', '=', id).executeTakeFirst();
      return r && toDelivery(r);
    },
    /** Claims up to `limit` pending deliveries due at `now` for `node` until `now + leaseMs`. */
    async claimDue(node: string, now: string, leaseMs: number, limit = 20): Promise<Delivery[]> {
      const until = new Date(Date.parse(now) + leaseMs).toISOString();
      const rows = await sql
        .q()
        .updateTable('deliveries')
        .set({ claimed_by: node, claimed_until: until })
        .where('id', 'in', (eb) =>
          eb
            .selectFrom('deliveries')
            .select('id')
            .where('status', '=', 'pending')
            .where('next_at', '<=', now)
            .where((w) => w.or([w('claimed_until', 'is', null), w('claimed_until', '<=', now)]))
            .orderBy('next_at')
            .orderBy('id')
            .limit(limit)
            .$if(pg, (qb) => qb.forUpdate().skipLocked()),
        )
        .returning(columns)
        .execute();
      return rows.map(toDelivery).sort((a, b) => a.id - b.id);
    },
    /** Sent: true if `node` still held it (else another node took it over and decides). */
    async markSent(id: number, node: string, at: string): Promise<boolean> {
      const result = await sql
        .q()
        .updateTable('deliveries')
        .set((eb) => ({
          status: 'sent',
          sent_at: at,
          attempts: eb('attempts', '+', 1),
          last_error: null,
          claimed_by: null,
          claimed_until: null,
        }))
        .where('id', '=', id)
        .where('status', '=', 'pending')
        .where('claimed_by', '=', node)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },
    /** A failed attempt: tried again at `nextAt`, or a dead letter when `dead`. */
    async markFailed(id: number, node: string, error: string, nextAt: string, dead: boolean): Promise<boolean> {
      const result = await sql
        .q()
        .updateTable('deliveries')
        .set((eb) => ({
          status: dead ? 'dead' : 'pending',
          attempts: eb('attempts', '+', 1),
          last_error: error.slice(0, 500),
          next_at: nextAt,
          claimed_by: null,
          claimed_until: null,
        }))
        .where('id', '=', id)
        .where('status', '=', 'pending')
        .where('claimed_by', '=', node)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },
    /** An admin's retry of a dead letter: pending again, due now, with a fresh count of attempts. */
    async retry(id: number, at: string): Promise<boolean> {
      const result = await sql
        .q()
        .updateTable('deliveries')
        .set({ status: 'pending', attempts: 0, next_at: at, claimed_by: null, claimed_until: null })
        .where('id', '=', id)
        .where('status', '=', 'dead')
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },
    /** Deliveries by status, newest first (the admins' list of dead letters). */
    async list(status: DeliveryStatus, limit = 100, before?: number): Promise<Delivery[]> {
      const rows = await sql
        .q()
        .selectFrom('deliveries')
        .select(columns)
        .where('status', '=', status)
        .$if(before !== undefined, (qb) => qb.where('id', '<', before!))
        .orderBy('id', 'desc')
        .limit(limit)
        .execute();
      return rows.map(toDelivery);
    },
    async forNotice(outboxId: number): Promise<Delivery[]> {
      const rows = await sql
        .q()
        .selectFrom('deliveries')
        .select(columns)
        .where('outbox_id', '=', outboxId)
        .orderBy('id')
        .execute();
      return rows.map(toDelivery);
    },
    async countByStatus(): Promise<Record<DeliveryStatus, number>> {
      const rows = await sql
        .q()
        .selectFrom('deliveries')
        .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
        .groupBy('status')
        .execute();
      const counts: Record<DeliveryStatus, number> = { pending: 0, sent: 0, dead: 0 };
      for (const r of rows) counts[r.status] = Number(r.n);
      return counts;
    },
  };
}
export type DeliveryRepo = ReturnType<typeof deliveryRepo>;
