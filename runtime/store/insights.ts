import { sql as raw, type RawBuilder } from 'kysely';
import { dutchDate } from '../model/ids.js';
import { merge, type Histogram } from './histogram.js';
import type { Sql } from './sql.js';

const toDay = (v: string) => (/^\d{4}-\d{2}-\d{2}$/.test(v) ? v : dutchDate(new Date(v)));

export type InsightFilter = { key: string; version?: number; from?: string; to?: string };

/**
 * The queries behind the learning loop's figures; every one runs on an index
 * (see migration 7). Written as SQL fragments with bound values: SQLite gets
 * index hints (INDEXED BY) that PostgreSQL has no words for.
 */
export function insightRepo(sql: Sql) {
  const sqlite = sql.dialect === 'sqlite';
  /** The filter as `process_key = … AND …` on `time` (a column name from this file, never input). */
  const where = (f: InsightFilter, time: string, day: (v: string) => string = (v) => v): RawBuilder<unknown> => {
    const parts: RawBuilder<unknown>[] = [raw`process_key = ${f.key}`];
    if (f.version !== undefined) parts.push(raw`version = ${f.version}`);
    if (f.from) parts.push(raw`${raw.ref(time)} >= ${day(f.from)}`);
    if (f.to) parts.push(raw`${raw.ref(time)} < ${day(f.to)}`);
    return raw.join(parts, raw` AND `);
  };
  /** The roll-ups are per Dutch day: a period's bounds become days. */
  const dayWhere = (f: InsightFilter) => where(f, 'day', toDay);
  /** A table with an index hint on SQLite; the bare table on PostgreSQL, whose planner takes no hints. */
  const hinted = (table: string, index: string | undefined) =>
    raw.raw(sqlite && index ? `${table} INDEXED BY ${index}` : table);
  /** With a period, the period index (range on entered_at) serves every visit query; the planner may prefer the step index otherwise. */
  const visits = (f: InsightFilter) => hinted('step_visits', f.from || f.to ? 'step_visits_period' : undefined);
  const rows = async <T>(query: RawBuilder<T>): Promise<T[]> => (await query.execute(sql.q())).rows;
  return {
    async casesByStatus(f: InsightFilter): Promise<{ status: string; outcome: string | null; n: number }[]> {
      // A period: the covering (process, version, created_at, status, outcome) index; the planner may not see it on its own.
      const table = hinted('cases', (f.from || f.to) && f.version !== undefined ? 'cases_created' : undefined);
      return rows(
        raw<{ status: string; outcome: string | null; n: number }>`SELECT status, outcome, COUNT(*) AS n FROM ${table}
          WHERE ${where(f, 'created_at')} GROUP BY status, outcome`,
      );
    },
    /**
     * Cases started per UTC hour (`YYYY-MM-DDTHH`) of `created_at`, on the cases_created index. The
     * Netherlands is a whole number of hours from UTC, so the caller folds hours into Dutch days and weeks.
     */
    async startedByHour(f: InsightFilter): Promise<{ hour: string; n: number }[]> {
      const table = hinted('cases', f.version !== undefined ? 'cases_created' : undefined);
      return rows(
        raw<{ hour: string; n: number }>`SELECT substr(created_at, 1, 13) AS hour, COUNT(*) AS n FROM ${table}
          WHERE ${where(f, 'created_at')} GROUP BY substr(created_at, 1, 13)`,
      );
    },
    /** Visits that began per Dutch day at the given steps (the end steps: cases finished that day), from the roll-ups. */
    async enteredByDay(f: InsightFilter, steps: string[]): Promise<{ day: string; n: number }[]> {
      if (!steps.length) return [];
      return rows(
        raw<{ day: string; n: number }>`SELECT day, SUM(entered) AS n FROM step_stats WHERE ${dayWhere(f)}
          AND step IN (${raw.join(steps)}) GROUP BY day`,
      );
    },
    /** Per step: visits, visits that left, person requests — from the daily roll-ups. */
    async stepCounts(
      f: InsightFilter,
    ): Promise<{ step: string; entered: number; left: number; personRequests: number }[]> {
      return rows(
        raw<{ step: string; entered: number; left: number; personRequests: number }>`SELECT step,
          SUM(entered) AS entered, SUM(left_count) AS "left", SUM(person_requests) AS "personRequests"
          FROM step_stats WHERE ${dayWhere(f)} GROUP BY step`,
      );
    },
    /** The duration at a rank (0-based) among a step's finished visits, exactly: walks the index (for smaller sets). */
    async durationAt(f: InsightFilter, step: string, rank: number): Promise<number | null> {
      // A period: range over the period index and sort that part; else walk the step's index in duration order.
      const table = f.from || f.to ? visits(f) : hinted('step_visits', 'step_visits_step');
      const [r] = await rows(
        raw<{ duration_ms: number }>`SELECT duration_ms FROM ${table} WHERE ${where(f, 'entered_at')}
          AND step = ${step} AND duration_ms IS NOT NULL ORDER BY duration_ms LIMIT 1 OFFSET ${rank}`,
      );
      return r?.duration_ms ?? null;
    },
    /** A step's durations as one histogram, summed from the daily roll-ups (for large sets: one small row per day). */
    async durationHistogram(f: InsightFilter, step: string): Promise<Histogram> {
      const h: Histogram = {};
      for (const r of await rows(
        raw<{ histogram: string }>`SELECT histogram FROM step_stats WHERE ${dayWhere(f)} AND step = ${step}`,
      ))
        merge(h, JSON.parse(r.histogram));
      return h;
    },
    async transitions(f: InsightFilter): Promise<{ from: string; to: string; count: number }[]> {
      return rows(
        raw<{
          from: string;
          to: string;
          count: number;
        }>`SELECT from_step AS "from", to_step AS "to", SUM(count) AS count
          FROM transition_stats WHERE ${dayWhere(f)} GROUP BY from_step, to_step`,
      );
    },
    /** Visits still open in a step of an active case, entered before `before`: inactive citizens. */
    async inactive(f: InsightFilter, before: string): Promise<{ step: string; n: number }[]> {
      return rows(
        raw<{ step: string; n: number }>`SELECT step, COUNT(*) AS n FROM step_visits WHERE ${where(f, 'entered_at')}
          AND left_at IS NULL AND entered_at < ${before} GROUP BY step`,
      );
    },
    async tasksOverdue(key: string, now: string): Promise<number> {
      // Open tasks first (few), then their cases: SQLite's CROSS JOIN keeps that order (PostgreSQL plans it itself).
      const join = raw.raw(sqlite ? 'CROSS JOIN' : 'JOIN');
      const [r] = await rows(
        raw<{ n: number }>`SELECT COUNT(*) AS n FROM tasks ${join} cases ON cases.id = tasks.case_id
          WHERE tasks.status IN ('open', 'claimed') AND tasks.due_at < ${now} AND cases.process_key = ${key}`,
      );
      return Number(r.n);
    },
    async addFeedback(fb: {
      caseId: string;
      key: string;
      version: number;
      step: string | null;
      score: number;
      comment: string | null;
      at: string;
    }): Promise<void> {
      await sql
        .q()
        .insertInto('feedback')
        .values({
          case_id: fb.caseId,
          process_key: fb.key,
          version: fb.version,
          step: fb.step,
          score: fb.score,
          comment: fb.comment,
          at: fb.at,
        })
        .execute();
    },
    async hasFeedback(caseId: string): Promise<boolean> {
      return !!(await sql.q().selectFrom('feedback').select('id').where('case_id', '=', caseId).executeTakeFirst());
    },
    async feedback(f: InsightFilter): Promise<{
      count: number;
      average: number | null;
      recent: { score: number; comment: string | null; at: string; step: string | null }[];
    }> {
      const [agg] = await rows(
        raw<{ count: number; average: number | null }>`SELECT COUNT(*) AS count, AVG(score) AS average
          FROM feedback WHERE ${where(f, 'at')}`,
      );
      const recent = await rows(
        raw<{ score: number; comment: string | null; at: string; step: string | null }>`SELECT score, comment, at, step
          FROM feedback WHERE ${where(f, 'at')} ORDER BY at DESC LIMIT 20`,
      );
      const average = agg.average === null ? null : Number(agg.average);
      return { count: Number(agg.count), average: average === null ? null : Math.round(average * 100) / 100, recent };
    },
  };
}
