import { createHash } from 'node:crypto';
import { dutchDate } from '../model/ids.js';
import type { Db } from './db.js';
import { addTo } from './histogram.js';

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

const toCase = (r: any): CaseRow => ({
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
const toAudit = (r: any): AuditEntry => ({
  caseId: r.case_id,
  seq: r.seq,
  at: r.at,
  actor: r.actor,
  type: r.type,
  data: JSON.parse(r.data),
  prevHash: r.prev_hash,
  hash: r.hash,
});

/** Cases with their snapshots, the hash-chained audit trail, and the citizen's inbox. */
export function caseRepo(db: Db) {
  /** A visit left: its day's count and duration histogram. */
  const leave = (key: string, version: number, step: string, day: string, duration: number) => {
    const row = db
      .prepare('SELECT histogram FROM step_stats WHERE process_key = ? AND version = ? AND step = ? AND day = ?')
      .get(key, version, step, day) as { histogram: string } | undefined;
    const histogram = JSON.stringify(addTo(row ? JSON.parse(row.histogram) : {}, duration));
    db.prepare(
      'UPDATE step_stats SET left_count = left_count + 1, histogram = ? WHERE process_key = ? AND version = ? AND step = ? AND day = ?',
    ).run(histogram, key, version, step, day);
  };
  const lastAudit = db.prepare('SELECT seq, hash FROM audit WHERE case_id = ? ORDER BY seq DESC LIMIT 1');
  const insertAudit = db.prepare(
    'INSERT INTO audit (case_id, seq, at, actor, type, data, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  return {
    insert(c: Omit<CaseRow, 'rev' | 'updatedAt' | 'endedAt'>): void {
      db.prepare(
        `INSERT INTO cases (id, reference, process_key, version, subject, status, step, outcome, snapshot, rev, created_at, updated_at, ended_at)
                  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?)`,
      ).run(
        c.id,
        c.reference,
        c.processKey,
        c.version,
        c.subject,
        c.status,
        c.step,
        c.outcome,
        JSON.stringify(c.snapshot),
        c.createdAt,
        c.createdAt,
        c.status === 'ended' ? c.createdAt : null,
      );
    },
    get(id: string): CaseRow | undefined {
      const r = db.prepare('SELECT * FROM cases WHERE id = ?').get(id);
      return r ? toCase(r) : undefined;
    },
    referenceExists(reference: string): boolean {
      return !!db.prepare('SELECT 1 FROM cases WHERE reference = ?').get(reference);
    },
    /** Writes the next snapshot only if nobody else did since `rev` was read. */
    update(
      id: string,
      rev: number,
      next: { status: CaseRow['status']; step: string | null; outcome: string | null; snapshot: unknown; at: string },
    ): number {
      const info = db
        .prepare(
          `UPDATE cases SET status = ?, step = ?, outcome = ?, snapshot = ?, rev = rev + 1, updated_at = ?,
                               ended_at = CASE WHEN ? = 'ended' THEN COALESCE(ended_at, ?) ELSE NULL END
                               WHERE id = ? AND rev = ?`,
        )
        .run(
          next.status,
          next.step,
          next.outcome,
          JSON.stringify(next.snapshot),
          next.at,
          next.status,
          next.at,
          id,
          rev,
        );
      if (info.changes !== 1) throw new StaleCaseError(id, rev);
      return rev + 1;
    },
    /** Moves a case to another version of its process (migration), guarded by its revision. */
    moveToVersion(id: string, rev: number, version: number, step: string, snapshot: unknown, at: string): void {
      const info = db
        .prepare(
          'UPDATE cases SET version = ?, step = ?, snapshot = ?, rev = rev + 1, updated_at = ? WHERE id = ? AND rev = ?',
        )
        .run(version, step, JSON.stringify(snapshot), at, id, rev);
      if (info.changes !== 1) throw new StaleCaseError(id, rev);
    },
    activeOfVersion(key: string, version: number): CaseRow[] {
      return db
        .prepare("SELECT * FROM cases WHERE process_key = ? AND version = ? AND status = 'active' ORDER BY created_at")
        .all(key, version)
        .map(toCase);
    },
    listBySubject(subject: string): CaseRow[] {
      return db.prepare('SELECT * FROM cases WHERE subject = ? ORDER BY created_at DESC').all(subject).map(toCase);
    },
    /** One page of a subject's cases, newest first, and how many there are in all. */
    pageBySubject(subject: string, limit: number, offset: number): { rows: CaseRow[]; total: number } {
      const total = (db.prepare('SELECT count(*) AS n FROM cases WHERE subject = ?').get(subject) as { n: number }).n;
      const rows = db
        .prepare('SELECT * FROM cases WHERE subject = ? ORDER BY created_at DESC, id LIMIT ? OFFSET ?')
        .all(subject, limit, offset)
        .map(toCase);
      return { rows, total };
    },
    /** Cases that have (had) a task for one of these teams. */
    listByTeams(teams: string[]): CaseRow[] {
      if (!teams.length) return [];
      return db
        .prepare(
          `SELECT * FROM cases WHERE id IN (SELECT case_id FROM tasks WHERE team IN (${teams.map(() => '?').join(',')})) ORDER BY updated_at DESC LIMIT 500`,
        )
        .all(...teams)
        .map(toCase);
    },
    listAll(limit = 500): CaseRow[] {
      return db.prepare('SELECT * FROM cases ORDER BY updated_at DESC LIMIT ?').all(limit).map(toCase);
    },
    /** Active cases of a subject (for signals). */
    activeBySubject(subject: string): CaseRow[] {
      return db
        .prepare("SELECT * FROM cases WHERE subject = ? AND status = 'active' ORDER BY created_at")
        .all(subject)
        .map(toCase);
    },
    appendAudit(caseId: string, at: string, actor: string, type: string, data: Record<string, unknown>): AuditEntry {
      const last = lastAudit.get(caseId) as { seq: number; hash: string } | undefined;
      const seq = (last?.seq ?? 0) + 1;
      const prevHash = last?.hash ?? GENESIS;
      const json = JSON.stringify(data);
      const hash = auditHash(prevHash, caseId, seq, at, actor, type, json);
      insertAudit.run(caseId, seq, at, actor, type, json, prevHash, hash);
      return { caseId, seq, at, actor, type, data, prevHash, hash };
    },
    audit(caseId: string): AuditEntry[] {
      return db.prepare('SELECT * FROM audit WHERE case_id = ? ORDER BY seq').all(caseId).map(toAudit);
    },
    /** Walks every case's chain; returns the first entry that does not verify. */
    verifyAudit(): { ok: true; entries: number } | { ok: false; caseId: string; seq: number; reason: string } {
      let entries = 0;
      let prevCase = '';
      let prevHash = GENESIS;
      let expectSeq = 1;
      for (const r of db
        .prepare('SELECT case_id, seq, at, actor, type, data, prev_hash, hash FROM audit ORDER BY case_id, seq')
        .iterate() as Iterable<any>) {
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
      return { ok: true, entries };
    },
    /** The case entered a step: the open visit closes (with its duration and where it went), a new one opens. */
    enterStep(c: { id: string; processKey: string; version: number }, step: string, at: string, final = false): void {
      const open = db
        .prepare('SELECT id, step, version, entered_at FROM step_visits WHERE case_id = ? AND left_at IS NULL')
        .get(c.id) as { id: number; step: string; version: number; entered_at: string } | undefined;
      if (open) {
        const duration = Date.parse(at) - Date.parse(open.entered_at);
        db.prepare('UPDATE step_visits SET left_at = ?, duration_ms = ?, next_step = ? WHERE id = ?').run(
          at,
          duration,
          step,
          open.id,
        );
        const day = dutchDate(new Date(open.entered_at));
        leave(c.processKey, open.version, open.step, day, duration);
        db.prepare(
          `INSERT INTO transition_stats (process_key, version, from_step, to_step, day, count) VALUES (?, ?, ?, ?, ?, 1)
                    ON CONFLICT DO UPDATE SET count = count + 1`,
        ).run(c.processKey, open.version, open.step, step, day);
      }
      // An end is left the moment it is reached: open visits are only those of cases still under way.
      db.prepare(
        'INSERT INTO step_visits (case_id, process_key, version, step, entered_at, left_at, duration_ms) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ).run(c.id, c.processKey, c.version, step, at, final ? at : null, final ? 0 : null);
      const day = dutchDate(new Date(at));
      db.prepare(
        `INSERT INTO step_stats (process_key, version, step, day, entered) VALUES (?, ?, ?, ?, 1)
                  ON CONFLICT DO UPDATE SET entered = entered + 1`,
      ).run(c.processKey, c.version, step, day);
      if (final) leave(c.processKey, c.version, step, day, 0);
    },
    /** A citizen asked for a person during the current visit. */
    countPersonRequest(caseId: string): void {
      const open = db
        .prepare(
          'SELECT id, process_key, version, step, entered_at FROM step_visits WHERE case_id = ? AND left_at IS NULL',
        )
        .get(caseId) as
        { id: number; process_key: string; version: number; step: string; entered_at: string } | undefined;
      if (!open) return;
      db.prepare('UPDATE step_visits SET person_requests = person_requests + 1 WHERE id = ?').run(open.id);
      db.prepare(
        'UPDATE step_stats SET person_requests = person_requests + 1 WHERE process_key = ? AND version = ? AND step = ? AND day = ?',
      ).run(open.process_key, open.version, open.step, dutchDate(new Date(open.entered_at)));
    },
    addMessage(
      caseId: string,
      step: string,
      subject: Record<string, string>,
      body: Record<string, string>,
      at: string,
    ): void {
      db.prepare('INSERT INTO messages (case_id, step, subject, body, created_at) VALUES (?, ?, ?, ?, ?)').run(
        caseId,
        step,
        JSON.stringify(subject),
        JSON.stringify(body),
        at,
      );
    },
    messages(caseId: string): MessageRow[] {
      return (db.prepare('SELECT * FROM messages WHERE case_id = ? ORDER BY id').all(caseId) as any[]).map((r) => ({
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
