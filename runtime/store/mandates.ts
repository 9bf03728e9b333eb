import { randomUUID } from 'node:crypto';
import type { Sql } from './sql.js';

/** What a mandate lets its holder do for the citizen. */
export const RIGHTS = ['view', 'fill', 'submit', 'messages'] as const;
export type Right = (typeof RIGHTS)[number];

/** Who holds a mandate: a person by BSN, or an organisation by KVK number. */
export type Holder = { kind: 'person'; id: string } | { kind: 'organisation'; id: string };

export type Mandate = {
  id: string;
  /** The BSN of the citizen the holder acts for. */
  citizen: string;
  holder: Holder;
  holderName: string;
  /** An organisation's named staff (their ids at the provider) who may use it; empty: all its staff. */
  staff: string[];
  /** One process, or null for all. */
  processKey: string | null;
  rights: Right[];
  validFrom: string;
  validUntil: string | null;
  /** How it came about: granted by the citizen, asserted by the sign-in provider, registered by an official. */
  source: 'citizen' | 'provider' | 'official';
  reason: string | null;
  document: { name: string; type: string } | null;
  createdBy: string;
  createdAt: string;
  revokedAt: string | null;
  revokedBy: string | null;
};

export type NewMandate = Omit<Mandate, 'id' | 'createdAt' | 'revokedAt' | 'revokedBy' | 'document'> & {
  document?: { name: string; type: string; data: Buffer } | null;
};

/** Mandates (machtigingen), and whether one lets a holder do something for a citizen now. */
export function mandateRepo(sql: Sql) {
  const cols = [
    'id',
    'citizen',
    'holder_kind',
    'holder_id',
    'holder_name',
    'staff',
    'process_key',
    'rights',
    'valid_from',
    'valid_until',
    'source',
    'reason',
    'document_name',
    'document_type',
    'created_by',
    'created_at',
    'revoked_at',
    'revoked_by',
  ] as const;
  const toMandate = (r: any): Mandate => ({
    id: r.id,
    citizen: r.citizen,
    holder: { kind: r.holder_kind, id: r.holder_id },
    holderName: r.holder_name,
    staff: JSON.parse(r.staff),
    processKey: r.process_key,
    rights: JSON.parse(r.rights),
    validFrom: r.valid_from,
    validUntil: r.valid_until,
    source: r.source,
    reason: r.reason,
    document: r.document_name ? { name: r.document_name, type: r.document_type } : null,
    createdBy: r.created_by,
    createdAt: r.created_at,
    revokedAt: r.revoked_at,
    revokedBy: r.revoked_by,
  });
  /** In force at `at`: not revoked, started, not ended. */
  const inForce = (m: Mandate, at: string) =>
    !m.revokedAt && m.validFrom <= at && (m.validUntil === null || m.validUntil > at);
  const covers = (m: Mandate, processKey: string | null, right: Right, staffId?: string | null) =>
    (processKey === null || m.processKey === null || m.processKey === processKey) &&
    m.rights.includes(right) &&
    (m.holder.kind === 'person' || m.staff.length === 0 || (!!staffId && m.staff.includes(staffId)));

  const self = {
    inForce,
    async create(m: NewMandate, at: string): Promise<Mandate> {
      const id = randomUUID();
      await sql
        .q()
        .insertInto('mandates')
        .values({
          id,
          citizen: m.citizen,
          holder_kind: m.holder.kind,
          holder_id: m.holder.id,
          holder_name: m.holderName,
          staff: JSON.stringify(m.staff),
          process_key: m.processKey,
          rights: JSON.stringify(m.rights),
          valid_from: m.validFrom,
          valid_until: m.validUntil,
          source: m.source,
          reason: m.reason,
          document_name: m.document?.name ?? null,
          document_type: m.document?.type ?? null,
          document: m.document?.data ?? null,
          created_by: m.createdBy,
          created_at: at,
        })
        .execute();
      return (await self.get(id))!;
    },
    async get(id: string): Promise<Mandate | undefined> {
      const r = await sql.q().selectFrom('mandates').select(cols).where('id', '=', id).executeTakeFirst();
      return r ? toMandate(r) : undefined;
    },
    async document(id: string): Promise<{ name: string; type: string; data: Buffer } | undefined> {
      const r = await sql
        .q()
        .selectFrom('mandates')
        .select(['document_name', 'document_type', 'document'])
        .where('id', '=', id)
        .executeTakeFirst();
      return r?.document && r.document_name
        ? { name: r.document_name, type: r.document_type ?? 'application/octet-stream', data: r.document }
        : undefined;
    },
    /** The mandates a citizen granted or that were registered for them, newest first (revoked and ended too). */
    async forCitizen(citizen: string): Promise<Mandate[]> {
      const rows = await sql
        .q()
        .selectFrom('mandates')
        .select(cols)
        .where('citizen', '=', citizen)
        .orderBy('created_at', 'desc')
        .orderBy('id')
        .execute();
      return rows.map(toMandate);
    },
    /** The mandates a holder has, newest first (revoked and ended too). */
    async forHolder(holder: Holder): Promise<Mandate[]> {
      const rows = await sql
        .q()
        .selectFrom('mandates')
        .select(cols)
        .where('holder_kind', '=', holder.kind)
        .where('holder_id', '=', holder.id)
        .orderBy('created_at', 'desc')
        .orderBy('id')
        .execute();
      return rows.map(toMandate);
    },
    /**
     * The mandate in force at `at` that lets `holder` (an organisation's
     * employee `staffId`) do `right` for `citizen` on `processKey` (null: a
     * right not bound to one process, such as listing the citizen's cases),
     * or undefined. A revoked or ended mandate gives nothing from that moment.
     */
    async allowing(q: {
      holder: Holder;
      citizen: string;
      processKey: string | null;
      right: Right;
      at: string;
      staffId?: string | null;
    }): Promise<Mandate | undefined> {
      const rows = await sql
        .q()
        .selectFrom('mandates')
        .select(cols)
        .where('holder_kind', '=', q.holder.kind)
        .where('holder_id', '=', q.holder.id)
        .where('citizen', '=', q.citizen)
        .where('revoked_at', 'is', null)
        .execute();
      return rows.map(toMandate).find((m) => inForce(m, q.at) && covers(m, q.processKey, q.right, q.staffId));
    },
    /** The citizens a holder may act for now (any right), each with its mandates in force. */
    async citizensOf(holder: Holder, at: string, staffId?: string | null): Promise<Map<string, Mandate[]>> {
      const out = new Map<string, Mandate[]>();
      for (const m of await self.forHolder(holder)) {
        if (!inForce(m, at)) continue;
        if (m.holder.kind === 'organisation' && m.staff.length && !(staffId && m.staff.includes(staffId))) continue;
        out.set(m.citizen, [...(out.get(m.citizen) ?? []), m]);
      }
      return out;
    },
    /** Ends a mandate now; false when it was revoked already or does not exist. */
    async revoke(id: string, by: string, at: string): Promise<boolean> {
      const r = await sql
        .q()
        .updateTable('mandates')
        .set({ revoked_at: at, revoked_by: by })
        .where('id', '=', id)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) > 0;
    },
  };
  return self;
}
export type MandateRepo = ReturnType<typeof mandateRepo>;

/** One read of a case's data by someone other than the citizen (the Logboek dataverwerkingen). */
export type CaseRead = {
  id: number;
  caseId: string;
  subject: string;
  /** Who read: `user:<name>`, `mandate:<id>`, `client:<id>`. */
  actor: string;
  /** Their name as the citizen reads it. */
  actorName: string;
  /** For an intermediary: the organisation or person they act as. */
  onBehalf: string | null;
  /** Which data: `case` (the case view), `task`, `documents` … */
  data: string;
  /** Why: the purpose the route or the reader gave. */
  purpose: string;
  at: string;
};

/** The log of reads of citizens' cases by officials, intermediaries and API clients. */
export function readRepo(sql: Sql) {
  const toRead = (r: any): CaseRead => ({
    id: r.id,
    caseId: r.case_id,
    subject: r.subject,
    actor: r.actor,
    actorName: r.actor_name,
    onBehalf: r.on_behalf,
    data: r.data,
    purpose: r.purpose,
    at: r.at,
  });
  return {
    async record(r: Omit<CaseRead, 'id'>): Promise<void> {
      await sql
        .q()
        .insertInto('case_reads')
        .values({
          case_id: r.caseId,
          subject: r.subject,
          actor: r.actor,
          actor_name: r.actorName,
          on_behalf: r.onBehalf,
          data: r.data,
          purpose: r.purpose,
          at: r.at,
        })
        .execute();
    },
    /**
     * Records a read unless the same reader read the same data of the case for
     * the same purpose at or after `since` (one statement: INSERT … SELECT …
     * WHERE NOT EXISTS), so a page that polls every few seconds leaves one
     * entry per window, not hundreds. True when a row was written.
     */
    async recordUnlessSince(r: Omit<CaseRead, 'id'>, since: string): Promise<boolean> {
      const db = sql.q();
      const values = db
        .selectNoFrom((eb) => [
          eb.val(r.caseId).as('case_id'),
          eb.val(r.subject).as('subject'),
          eb.val(r.actor).as('actor'),
          eb.val(r.actorName).as('actor_name'),
          eb.cast<string | null>(eb.val(r.onBehalf), 'text').as('on_behalf'),
          eb.val(r.data).as('data'),
          eb.val(r.purpose).as('purpose'),
          eb.val(r.at).as('at'),
        ])
        .where((eb) =>
          eb.not(
            eb.exists(
              eb
                .selectFrom('case_reads')
                .select('id')
                .where('case_id', '=', r.caseId)
                .where('actor', '=', r.actor)
                .where('data', '=', r.data)
                .where('purpose', '=', r.purpose)
                .where('at', '>=', since),
            ),
          ),
        );
      const result = await db
        .insertInto('case_reads')
        .columns(['case_id', 'subject', 'actor', 'actor_name', 'on_behalf', 'data', 'purpose', 'at'])
        .expression(values)
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
    },
    /** Reads of one case, newest first. */
    async forCase(caseId: string, limit = 500): Promise<CaseRead[]> {
      const rows = await sql
        .q()
        .selectFrom('case_reads')
        .selectAll()
        .where('case_id', '=', caseId)
        .orderBy('at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .execute();
      return rows.map(toRead);
    },
    /** Reads of a citizen's cases, newest first. */
    async forSubject(subject: string, limit = 500): Promise<CaseRead[]> {
      const rows = await sql
        .q()
        .selectFrom('case_reads')
        .selectAll()
        .where('subject', '=', subject)
        .orderBy('at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .execute();
      return rows.map(toRead);
    },
    /** Reads between two moments (from inclusive, to exclusive), oldest first, in pages after `afterId`. */
    async between(from: string, to: string, afterId = 0, limit = 1000): Promise<CaseRead[]> {
      const rows = await sql
        .q()
        .selectFrom('case_reads')
        .selectAll()
        .where('at', '>=', from)
        .where('at', '<', to)
        .where('id', '>', afterId)
        .orderBy('id')
        .limit(limit)
        .execute();
      return rows.map(toRead);
    },
  };
}
