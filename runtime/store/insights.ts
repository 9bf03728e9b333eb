import { dutchDate } from '../model/ids.js';
import type { Db } from './db.js';
import { merge, type Histogram } from './histogram.js';

const toDay = (v: string) => (/^\d{4}-\d{2}-\d{2}$/.test(v) ? v : dutchDate(new Date(v)));

export type InsightFilter = { key: string; version?: number; from?: string; to?: string };

/** The queries behind the learning loop's figures; every one runs on an index (see migration 7). */
export function insightRepo(db: Db) {
  const where = (f: InsightFilter, time: string) => {
    const parts = ['process_key = ?'];
    const args: unknown[] = [f.key];
    if (f.version !== undefined) {
      parts.push('version = ?');
      args.push(f.version);
    }
    if (f.from) {
      parts.push(`${time} >= ?`);
      args.push(f.from);
    }
    if (f.to) {
      parts.push(`${time} < ?`);
      args.push(f.to);
    }
    return { sql: parts.join(' AND '), args };
  };
  /** The roll-ups are per Dutch day: a period's bounds become days. */
  const dayWhere = (f: InsightFilter) => {
    const parts = ['process_key = ?'];
    const args: unknown[] = [f.key];
    if (f.version !== undefined) {
      parts.push('version = ?');
      args.push(f.version);
    }
    if (f.from) {
      parts.push('day >= ?');
      args.push(toDay(f.from));
    }
    if (f.to) {
      parts.push('day < ?');
      args.push(toDay(f.to));
    }
    return { sql: parts.join(' AND '), args };
  };
  /** With a period, the period index (range on entered_at) serves every visit query; the planner may prefer the step index otherwise. */
  const visits = (f: InsightFilter) => (f.from || f.to ? 'step_visits INDEXED BY step_visits_period' : 'step_visits');
  return {
    casesByStatus(f: InsightFilter): { status: string; outcome: string | null; n: number }[] {
      const w = where(f, 'created_at');
      // A period: the covering (process, version, created_at, status, outcome) index; the planner may not see it on its own.
      const table = (f.from || f.to) && f.version !== undefined ? 'cases INDEXED BY cases_created' : 'cases';
      return db
        .prepare(`SELECT status, outcome, COUNT(*) AS n FROM ${table} WHERE ${w.sql} GROUP BY status, outcome`)
        .all(...w.args) as { status: string; outcome: string | null; n: number }[];
    },
    /** Per step: visits, visits that left, person requests — from the daily roll-ups. */
    stepCounts(f: InsightFilter): { step: string; entered: number; left: number; personRequests: number }[] {
      const w = dayWhere(f);
      return db
        .prepare(
          `SELECT step, SUM(entered) AS entered, SUM(left_count) AS left, SUM(person_requests) AS personRequests FROM step_stats WHERE ${w.sql} GROUP BY step`,
        )
        .all(...w.args) as { step: string; entered: number; left: number; personRequests: number }[];
    },
    /** The duration at a rank (0-based) among a step's finished visits, exactly: walks the index (for smaller sets). */
    durationAt(f: InsightFilter, step: string, rank: number): number | null {
      const w = where(f, 'entered_at');
      // A period: range over the period index and sort that part; else walk the step's index in duration order.
      const table = f.from || f.to ? visits(f) : 'step_visits INDEXED BY step_visits_step';
      const r = db
        .prepare(
          `SELECT duration_ms FROM ${table} WHERE ${w.sql} AND step = ? AND duration_ms IS NOT NULL ORDER BY duration_ms LIMIT 1 OFFSET ?`,
        )
        .get(...w.args, step, rank) as { duration_ms: number } | undefined;
      return r?.duration_ms ?? null;
    },
    /** A step's durations as one histogram, summed from the daily roll-ups (for large sets). */
    durationHistogram(f: InsightFilter, step: string): Histogram {
      const w = dayWhere(f);
      const h: Histogram = {};
      for (const r of db
        .prepare(`SELECT histogram FROM step_stats WHERE ${w.sql} AND step = ?`)
        .iterate(...w.args, step) as Iterable<{ histogram: string }>)
        merge(h, JSON.parse(r.histogram));
      return h;
    },
    transitions(f: InsightFilter): { from: string; to: string; count: number }[] {
      const w = dayWhere(f);
      return db
        .prepare(
          `SELECT from_step AS "from", to_step AS "to", SUM(count) AS count FROM transition_stats WHERE ${w.sql} GROUP BY from_step, to_step`,
        )
        .all(...w.args) as { from: string; to: string; count: number }[];
    },
    /** Visits still open in a step of an active case, entered before `before`: inactive citizens. */
    inactive(f: InsightFilter, before: string): { step: string; n: number }[] {
      const w = where(f, 'entered_at');
      return db
        .prepare(
          `SELECT step, COUNT(*) AS n FROM step_visits WHERE ${w.sql} AND left_at IS NULL AND entered_at < ? GROUP BY step`,
        )
        .all(...w.args, before) as { step: string; n: number }[];
    },
    tasksOverdue(key: string, now: string): number {
      // Open tasks first (few), then their cases: CROSS JOIN keeps that order.
      return db
        .prepare(
          `SELECT COUNT(*) FROM tasks CROSS JOIN cases ON cases.id = tasks.case_id WHERE tasks.status IN ('open', 'claimed') AND tasks.due_at < ? AND cases.process_key = ?`,
        )
        .pluck()
        .get(now, key) as number;
    },
    addFeedback(fb: {
      caseId: string;
      key: string;
      version: number;
      step: string | null;
      score: number;
      comment: string | null;
      at: string;
    }): void {
      db.prepare(
        'INSERT INTO feedback (case_id, process_key, version, step, score, comment, at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ).run(fb.caseId, fb.key, fb.version, fb.step, fb.score, fb.comment, fb.at);
    },
    hasFeedback(caseId: string): boolean {
      return !!db.prepare('SELECT 1 FROM feedback WHERE case_id = ?').get(caseId);
    },
    feedback(f: InsightFilter): {
      count: number;
      average: number | null;
      recent: { score: number; comment: string | null; at: string; step: string | null }[];
    } {
      const w = where(f, 'at');
      const agg = db
        .prepare(`SELECT COUNT(*) AS count, AVG(score) AS average FROM feedback WHERE ${w.sql}`)
        .get(...w.args) as { count: number; average: number | null };
      const recent = db
        .prepare(`SELECT score, comment, at, step FROM feedback WHERE ${w.sql} ORDER BY at DESC LIMIT 20`)
        .all(...w.args) as { score: number; comment: string | null; at: string; step: string | null }[];
      return { count: agg.count, average: agg.average === null ? null : Math.round(agg.average * 100) / 100, recent };
    },
  };
}
