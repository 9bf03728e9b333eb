import type { Db } from './db.js';

export type InsightFilter = { key: string; version?: number; from?: string; to?: string };

/** The queries behind the learning loop's figures; every one runs on an index (see migration 7). */
export function insightRepo(db: Db) {
  const where = (f: InsightFilter, time: string) => {
    const parts = ['process_key = ?'];
    const args: unknown[] = [f.key];
    if (f.version !== undefined) { parts.push('version = ?'); args.push(f.version); }
    if (f.from) { parts.push(`${time} >= ?`); args.push(f.from); }
    if (f.to) { parts.push(`${time} < ?`); args.push(f.to); }
    return { sql: parts.join(' AND '), args };
  };
  /** With a period, the period index (range on entered_at) serves every visit query; the planner may prefer the step index otherwise. */
  const visits = (f: InsightFilter) => (f.from || f.to ? 'step_visits INDEXED BY step_visits_period' : 'step_visits');
  return {
    casesByStatus(f: InsightFilter): { status: string; outcome: string | null; n: number }[] {
      const w = where(f, 'created_at');
      return db.prepare(`SELECT status, outcome, COUNT(*) AS n FROM cases WHERE ${w.sql} GROUP BY status, outcome`).all(...w.args) as { status: string; outcome: string | null; n: number }[];
    },
    /** Per step: visits, visits that left, person requests. */
    stepCounts(f: InsightFilter): { step: string; entered: number; left: number; personRequests: number }[] {
      const w = where(f, 'entered_at');
      // A visit that left has a duration: COUNT(duration_ms) answers from the index.
      const counts = db.prepare(`SELECT step, COUNT(*) AS entered, COUNT(duration_ms) AS left FROM ${visits(f)} WHERE ${w.sql} GROUP BY step`)
        .all(...w.args) as { step: string; entered: number; left: number }[];
      const asks = new Map((db.prepare(`SELECT step, SUM(person_requests) AS n FROM step_visits WHERE ${w.sql} AND person_requests > 0 GROUP BY step`)
        .all(...w.args) as { step: string; n: number }[]).map((r) => [r.step, r.n]));
      return counts.map((c) => ({ ...c, personRequests: asks.get(c.step) ?? 0 }));
    },
    /** The duration at a rank (0-based) among the step's finished visits: percentiles without loading them. */
    durationAt(f: InsightFilter, step: string, rank: number): number | null {
      const w = where(f, 'entered_at');
      // A period: range over the period index and sort that part; else walk the step's index in duration order.
      const table = f.from || f.to ? visits(f) : 'step_visits INDEXED BY step_visits_step';
      const r = db.prepare(`SELECT duration_ms FROM ${table} WHERE ${w.sql} AND step = ? AND duration_ms IS NOT NULL ORDER BY duration_ms LIMIT 1 OFFSET ?`)
        .get(...w.args, step, rank) as { duration_ms: number } | undefined;
      return r?.duration_ms ?? null;
    },
    transitions(f: InsightFilter): { from: string; to: string; count: number }[] {
      const w = where(f, 'entered_at');
      return db.prepare(`SELECT step AS "from", next_step AS "to", COUNT(*) AS count FROM ${visits(f)} WHERE ${w.sql} AND next_step IS NOT NULL GROUP BY step, next_step`)
        .all(...w.args) as { from: string; to: string; count: number }[];
    },
    /** Visits still open in a step of an active case, entered before `before`: inactive citizens. */
    inactive(f: InsightFilter, before: string): { step: string; n: number }[] {
      const w = where(f, 'entered_at');
      return db.prepare(`SELECT step, COUNT(*) AS n FROM step_visits WHERE ${w.sql} AND left_at IS NULL AND entered_at < ? GROUP BY step`)
        .all(...w.args, before) as { step: string; n: number }[];
    },
    casesWithHandoff(f: InsightFilter): number {
      const w = where(f, 'created_at');
      return db.prepare(`SELECT COUNT(*) FROM cases WHERE ${w.sql} AND EXISTS (SELECT 1 FROM tasks WHERE tasks.case_id = cases.id AND tasks.kind = 'handoff')`).pluck().get(...w.args) as number;
    },
    tasksOverdue(key: string, now: string): number {
      return db.prepare(`SELECT COUNT(*) FROM tasks JOIN cases ON cases.id = tasks.case_id WHERE cases.process_key = ? AND tasks.status IN ('open', 'claimed') AND tasks.due_at < ?`)
        .pluck().get(key, now) as number;
    },
    addFeedback(fb: { caseId: string; key: string; version: number; step: string | null; score: number; comment: string | null; at: string }): void {
      db.prepare('INSERT INTO feedback (case_id, process_key, version, step, score, comment, at) VALUES (?, ?, ?, ?, ?, ?, ?)')
        .run(fb.caseId, fb.key, fb.version, fb.step, fb.score, fb.comment, fb.at);
    },
    hasFeedback(caseId: string): boolean {
      return !!db.prepare('SELECT 1 FROM feedback WHERE case_id = ?').get(caseId);
    },
    feedback(f: InsightFilter): { count: number; average: number | null; recent: { score: number; comment: string | null; at: string; step: string | null }[] } {
      const w = where(f, 'at');
      const agg = db.prepare(`SELECT COUNT(*) AS count, AVG(score) AS average FROM feedback WHERE ${w.sql}`).get(...w.args) as { count: number; average: number | null };
      const recent = db.prepare(`SELECT score, comment, at, step FROM feedback WHERE ${w.sql} ORDER BY at DESC LIMIT 20`).all(...w.args) as { score: number; comment: string | null; at: string; step: string | null }[];
      return { count: agg.count, average: agg.average === null ? null : Math.round(agg.average * 100) / 100, recent };
    },
  };
}
