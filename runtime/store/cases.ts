import { createHash } from 'node:crypto';
import { dutchDate } from '../model/ids.js';
import type { Selectable } from 'kysely';
import type { AuditTable, CasesTable } from './schema.js';
import type { Sql } from './sql.js';
import { addTo } from './histogram.js';
import { outboxRepo, type OutboxKind } from './outbox.js';

export type CaseRow = {
  id: string;
  reference: string;
  processKey: string;
  version: number;
  subject: string;
  status: 'active' | 'ended';
  step: string | null;
  outcome: string | null;
  snapshot: unknown;
  rev: number;
  createdAt: string;
  updatedAt: string;
  endedAt: string | null;
};
export type AuditEntry = {
  caseId: string;
  seq: number;
  at: string;
  actor: string;
  type: string;
  data: Record<string, unknown>;
  prevHash: string;
  hash: string;
};
export type MessageRow = {
  id: number;
  caseId: string;
  step: string;
  subject: Record<string, string>;
  body: Record<string, string>;
  createdAt: string;
};

/** Thrown when a case changed since it was read (optimistic concurrency). */
export class StaleCaseError extends Error {
  constructor(
    readonly caseId: string,
    readonly expectedRev: number,
  ) {
    super(`case ${caseId} changed since revision ${expectedRev}`);
  }
}

export const GENESIS = '0'.repeat(64);
export function auditHash(
  prevHash: string,
  caseId: string,
  seq: number,
  at: string,
  actor: string,
  type: string,
  data: string,
): string {
  return createHash('sha256')
    .update(`${prevHash}\n${JSON.stringify([caseId, seq, at, actor, type, data])}`)
    .digest('hex');
}

const toCase = (r: Selectable<CasesTable>): CaseRow => ({
  id: r.id,
  reference: r.reference,
  processKey: r.process_key,
  version: r.version,
  subject: r.subject,
  status: r.status,
  step: r.step,
  outcome: r.outcome,
  snapshot: JSON.parse(r.snapshot),
  rev: r.rev,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  endedAt: r.ended_at,
});
const toAudit = (r: Selectable<AuditTable>): AuditEntry => ({
  caseId: r.case_id,
  seq: r.seq,
  at: r.at,
  actor: r.actor,
  type: r.type,
  data: JSON.parse(r.data),
  prevHash: r.prev_hash,
  hash: r.hash,
});

/** Rows read per query while verifying every chain. */
const VERIFY_PAGE = 1000;

/** Cases with their snapshots, the hash-chained audit trail, and the citizen's inbox. */
export function caseRepo(sql: Sql) {
  const pg = sql.dialect === 'postgres';
  const outbox = outboxRepo(sql);
  const cases = () => sql.q().selectFrom('cases').selectAll('cases');

  /**
   * PostgreSQL: takes the case's row lock once per transaction, so two
   * transactions appending to one case's chain (or counting one visit) run
   * one after the other. SQLite has one writer at a time already.
   * FOR NO KEY UPDATE is the lock an UPDATE of the case takes (the engine's
   * revision guard): it excludes another appender or mover of the case, yet
   * not a transaction that only inserts rows pointing at it (a foreign-key
   * check), so it adds no waits and no deadlocks beyond those.
   */
  const lockCase = async (id: string) => {
    const marks = sql.txState();
    if (!pg || !marks || marks.has(`case:${id}`)) return;
    await sql.q().selectFrom('cases').select('id').where('id', '=', id).forNoKeyUpdate().execute();
    marks.set(`case:${id}`, true);
  };
  /** Runs `fn` in the open transaction, or in one of its own (a read followed by a write must not interleave). */
  const inTransaction = <T>(fn: () => Promise<T>): Promise<T> => (sql.inTransaction() ? fn() : sql.transaction(fn));

  /** A visit left: its day's count and duration histogram. */
  const leave = async (key: string, version: number, step: string, day: string, duration: number) => {
    const row = await sql
      .q()
      .selectFrom('step_stats')
      .select('histogram')
      .where('process_key', '=', key)
      .where('version', '=', version)
      .where('step', '=', step)
      .where('day', '=', day)
      .$if(pg, (qb) => qb.forUpdate())
      .executeTakeFirst();
    const histogram = JSON.stringify(addTo(row ? JSON.parse(row.histogram) : {}, duration));
    await sql
      .q()
      .updateTable('step_stats')
      .set((eb) => ({ left_count: eb('left_count', '+', 1), histogram }))
      .where('process_key', '=', key)
      .where('version', '=', version)
      .where('step', '=', step)
      .where('day', '=', day)
      .execute();
  };

  return {
    async insert(c: Omit<CaseRow, 'rev' | 'updatedAt' | 'endedAt'>): Promise<void> {
      await sql
        .q()
        .insertInto('cases')
        .values({
          id: c.id,
          reference: c.reference,
          process_key: c.processKey,
          version: c.version,
          subject: c.subject,
          status: c.status,
          step: c.step,
          outcome: c.outcome,
          snapshot: JSON.stringify(c.snapshot),
          rev: 1,
          created_at: c.createdAt,
          updated_at: c.createdAt,
          ended_at: c.status === 'ended' ? c.createdAt : null,
        })
        .execute();
    },
    async get(id: string): Promise<CaseRow | undefined> {
      const r = await cases().where('id', '=', id).executeTakeFirst();
      return r ? toCase(r) : undefined;
    },
    /** The case with this reference (references are unique), if any. */
    async byReference(reference: string): Promise<CaseRow | undefined> {
      const r = await cases().where('reference', '=', reference).executeTakeFirst();
      return r ? toCase(r) : undefined;
    },
    async referenceExists(reference: string): Promise<boolean> {
      const r = await sql
        .q()
        .selectFrom('cases')
        .select('id')
        .where('reference', '=', reference)
        .limit(1)
        .executeTakeFirst();
      return r !== undefined;
    },
    /** Writes the next snapshot only if nobody else did since `rev` was read. */
    async update(
      id: string,
      rev: number,
      next: { status: CaseRow['status']; step: string | null; outcome: string | null; snapshot: unknown; at: string },
    ): Promise<number> {
      const result = await sql
        .q()
        .updateTable('cases')
        .set((eb) => ({
          status: next.status,
          step: next.step,
          outcome: next.outcome,
          snapshot: JSON.stringify(next.snapshot),
          rev: eb('rev', '+', 1),
          updated_at: next.at,
          // The first time it ended stays its end time.
          ended_at: next.status === 'ended' ? eb.fn.coalesce('ended_at', eb.val(next.at)) : null,
        }))
        .where('id', '=', id)
        .where('rev', '=', rev)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) throw new StaleCaseError(id, rev);
      return rev + 1;
    },
    /** Moves a case to another version of its process (migration), guarded by its revision. */
    async moveToVersion(
      id: string,
      rev: number,
      version: number,
      step: string,
      snapshot: unknown,
      at: string,
    ): Promise<void> {
      const result = await sql
        .q()
        .updateTable('cases')
        .set((eb) => ({ version, step, snapshot: JSON.stringify(snapshot), rev: eb('rev', '+', 1), updated_at: at }))
        .where('id', '=', id)
        .where('rev', '=', rev)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) throw new StaleCaseError(id, rev);
    },
    async activeOfVersion(key: string, version: number): Promise<CaseRow[]> {
      const rows = await cases()
        .where('process_key', '=', key)
        .where('version', '=', version)
        .where('status', '=', 'active')
        .orderBy('created_at')
        .execute();
      return rows.map(toCase);
    },
    async listBySubject(subject: string): Promise<CaseRow[]> {
      const rows = await cases().where('subject', '=', subject).orderBy('created_at', 'desc').execute();
      return rows.map(toCase);
    },
    /** One page of a subject's cases, newest first, and how many there are in all. */
    /** A page of a subject's cases, newest first; `processKeys`: only of these processes (an intermediary's mandates). */
    async pageBySubject(
      subject: string,
      limit: number,
      offset: number,
      processKeys: string[] | null = null,
    ): Promise<{ rows: CaseRow[]; total: number }> {
      if (processKeys && !processKeys.length) return { rows: [], total: 0 };
      const count = await sql
        .q()
        .selectFrom('cases')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('subject', '=', subject)
        .$if(!!processKeys, (q) => q.where('process_key', 'in', processKeys!))
        .executeTakeFirstOrThrow();
      const rows = await cases()
        .where('subject', '=', subject)
        .$if(!!processKeys, (q) => q.where('process_key', 'in', processKeys!))
        .orderBy('created_at', 'desc')
        .orderBy('id')
        .limit(limit)
        .offset(offset)
        .execute();
      return { rows: rows.map(toCase), total: Number(count.n) };
    },
    /** Cases that have (had) a task for one of these teams. */
    async listByTeams(teams: string[]): Promise<CaseRow[]> {
      if (!teams.length) return [];
      const rows = await cases()
        .where('id', 'in', (eb) => eb.selectFrom('tasks').select('case_id').where('team', 'in', teams))
        .orderBy('updated_at', 'desc')
        .limit(500)
        .execute();
      return rows.map(toCase);
    },
    async listAll(limit = 500): Promise<CaseRow[]> {
      const rows = await cases().orderBy('updated_at', 'desc').limit(limit).execute();
      return rows.map(toCase);
    },
    /** Active cases of a subject (for signals). */
    async activeBySubject(subject: string): Promise<CaseRow[]> {
      const rows = await cases()
        .where('subject', '=', subject)
        .where('status', '=', 'active')
        .orderBy('created_at')
        .execute();
      return rows.map(toCase);
    },
    /**
     * The next entry of the case's chain. On PostgreSQL the case's row is
     * locked first (once per transaction), so two transactions appending to
     * one case cannot both read the same last entry.
     */
    appendAudit(
      caseId: string,
      at: string,
      actor: string,
      type: string,
      data: Record<string, unknown>,
    ): Promise<AuditEntry> {
      return inTransaction(async () => {
        await lockCase(caseId);
        // The chain's last entry is read once per transaction; the entries this transaction adds are noted,
        // so a move's 3–4 entries cost one read (the case lock, or SQLite's one connection, keeps others out).
        const marks = sql.txState();
        const key = `head:${caseId}`;
        const last =
          (marks?.get(key) as { seq: number; hash: string } | undefined) ??
          (await sql
            .q()
            .selectFrom('audit')
            .select(['seq', 'hash'])
            .where('case_id', '=', caseId)
            .orderBy('seq', 'desc')
            .limit(1)
            .executeTakeFirst());
        const seq = (last?.seq ?? 0) + 1;
        const prevHash = last?.hash ?? GENESIS;
        const json = JSON.stringify(data);
        const hash = auditHash(prevHash, caseId, seq, at, actor, type, json);
        await sql
          .q()
          .insertInto('audit')
          .values({ case_id: caseId, seq, at, actor, type, data: json, prev_hash: prevHash, hash })
          .execute();
        marks?.set(key, { seq, hash });
        return { caseId, seq, at, actor, type, data, prevHash, hash };
      });
    },
    async audit(caseId: string): Promise<AuditEntry[]> {
      const rows = await sql.q().selectFrom('audit').selectAll().where('case_id', '=', caseId).orderBy('seq').execute();
      return rows.map(toAudit);
    },
    /** Walks every case's chain; returns the first entry that does not verify. */
    async verifyAudit(): Promise<
      { ok: true; entries: number } | { ok: false; caseId: string; seq: number; reason: string }
    > {
      let entries = 0;
      let prevCase = '';
      let prevHash = GENESIS;
      let expectSeq = 1;
      // Page by (case_id, seq), so a large trail is never read into memory at once.
      let after: { caseId: string; seq: number } | undefined;
      for (;;) {
        const from = after;
        const page = await sql
          .q()
          .selectFrom('audit')
          .select(['case_id', 'seq', 'at', 'actor', 'type', 'data', 'prev_hash', 'hash'])
          .$if(from !== undefined, (qb) =>
            qb.where((eb) =>
              eb.or([
                eb('case_id', '>', from!.caseId),
                eb.and([eb('case_id', '=', from!.caseId), eb('seq', '>', from!.seq)]),
              ]),
            ),
          )
          .orderBy('case_id')
          .orderBy('seq')
          .limit(VERIFY_PAGE)
          .execute();
        for (const r of page) {
          if (r.case_id !== prevCase) {
            prevCase = r.case_id;
            prevHash = GENESIS;
            expectSeq = 1;
          }
          if (r.seq !== expectSeq) return { ok: false, caseId: r.case_id, seq: expectSeq, reason: 'entry missing' };
          if (r.prev_hash !== prevHash)
            return { ok: false, caseId: r.case_id, seq: r.seq, reason: 'does not follow the previous entry' };
          if (auditHash(r.prev_hash, r.case_id, r.seq, r.at, r.actor, r.type, r.data) !== r.hash)
            return { ok: false, caseId: r.case_id, seq: r.seq, reason: 'content does not match its hash' };
          prevHash = r.hash;
          expectSeq++;
          entries++;
        }
        if (page.length < VERIFY_PAGE) return { ok: true, entries };
        const lastRow = page[page.length - 1];
        after = { caseId: lastRow.case_id, seq: lastRow.seq };
      }
    },
    /** The case entered a step: the open visit closes (with its duration and where it went), a new one opens. */
    enterStep(
      c: { id: string; processKey: string; version: number },
      step: string,
      at: string,
      final = false,
    ): Promise<void> {
      return inTransaction(async () => {
        await lockCase(c.id);
        const open = await sql
          .q()
          .selectFrom('step_visits')
          .select(['id', 'step', 'version', 'entered_at'])
          .where('case_id', '=', c.id)
          .where('left_at', 'is', null)
          .executeTakeFirst();
        if (open) {
          const duration = Date.parse(at) - Date.parse(open.entered_at);
          await sql
            .q()
            .updateTable('step_visits')
            .set({ left_at: at, duration_ms: duration, next_step: step })
            .where('id', '=', open.id)
            .execute();
          const day = dutchDate(new Date(open.entered_at));
          await leave(c.processKey, open.version, open.step, day, duration);
          await sql
            .q()
            .insertInto('transition_stats')
            .values({
              process_key: c.processKey,
              version: open.version,
              from_step: open.step,
              to_step: step,
              day,
              count: 1,
            })
            .onConflict((oc) =>
              oc
                .columns(['process_key', 'version', 'from_step', 'to_step', 'day'])
                .doUpdateSet((eb) => ({ count: eb('transition_stats.count', '+', 1) })),
            )
            .execute();
        }
        // An end is left the moment it is reached: open visits are only those of cases still under way.
        await sql
          .q()
          .insertInto('step_visits')
          .values({
            case_id: c.id,
            process_key: c.processKey,
            version: c.version,
            step,
            entered_at: at,
            left_at: final ? at : null,
            duration_ms: final ? 0 : null,
          })
          .execute();
        const day = dutchDate(new Date(at));
        await sql
          .q()
          .insertInto('step_stats')
          .values({ process_key: c.processKey, version: c.version, step, day, entered: 1 })
          .onConflict((oc) =>
            oc
              .columns(['process_key', 'version', 'step', 'day'])
              .doUpdateSet((eb) => ({ entered: eb('step_stats.entered', '+', 1) })),
          )
          .execute();
        if (final) await leave(c.processKey, c.version, step, day, 0);
      });
    },
    /** A citizen asked for a person during the current visit. */
    countPersonRequest(caseId: string): Promise<void> {
      return inTransaction(async () => {
        await lockCase(caseId);
        const open = await sql
          .q()
          .selectFrom('step_visits')
          .select(['id', 'process_key', 'version', 'step', 'entered_at'])
          .where('case_id', '=', caseId)
          .where('left_at', 'is', null)
          .executeTakeFirst();
        if (!open) return;
        await sql
          .q()
          .updateTable('step_visits')
          .set((eb) => ({ person_requests: eb('person_requests', '+', 1) }))
          .where('id', '=', open.id)
          .execute();
        await sql
          .q()
          .updateTable('step_stats')
          .set((eb) => ({ person_requests: eb('person_requests', '+', 1) }))
          .where('process_key', '=', open.process_key)
          .where('version', '=', open.version)
          .where('step', '=', open.step)
          .where('day', '=', dutchDate(new Date(open.entered_at)))
          .execute();
      });
    },
    /**
     * Puts a message in the case's inbox and, in the same statement's
     * transaction, a notice in the outbox (`message:<id>`) for the channels
     * the citizen chose (runtime/notify delivers it). Call inside the move's
     * transaction: the message, its notice and the case change are one.
     */
    async addMessage(
      caseId: string,
      step: string,
      subject: Record<string, string>,
      body: Record<string, string>,
      at: string,
      kind: OutboxKind = 'message',
    ): Promise<number> {
      const { id } = await sql
        .q()
        .insertInto('messages')
        .values({ case_id: caseId, step, subject: JSON.stringify(subject), body: JSON.stringify(body), created_at: at })
        .returning('id')
        .executeTakeFirstOrThrow();
      await outbox.queue({
        key: `message:${id}`,
        kind,
        recipient: `case:${caseId}`,
        caseId,
        data: { message: id, step, subject, body },
        at,
      });
      return id;
    },
    async messages(caseId: string): Promise<MessageRow[]> {
      const rows = await sql
        .q()
        .selectFrom('messages')
        .selectAll()
        .where('case_id', '=', caseId)
        .orderBy('id')
        .execute();
      return rows.map((r) => ({
        id: r.id,
        caseId: r.case_id,
        step: r.step,
        subject: JSON.parse(r.subject),
        body: JSON.parse(r.body),
        createdAt: r.created_at,
      }));
    },
  };
}
