import type { Sql } from './sql.js';

export type ProactiveResult = 'started' | 'already-served' | 'opted-out' | 'not-eligible';
/** `invalid`: rows without a valid subject, duplicates, and rows whose facts do not parse; `errors`: rows a trigger failed on (recorded in proactive_errors). */
export type ScanCounts = {
  rows: number;
  invalid: number;
  eligible: number;
  started: number;
  alreadyServed: number;
  optedOut: number;
  notEligible: number;
  errors: number;
};

/** What a signal or scan did for one subject and process (a row of proactive_log). */
export type LogEntry = {
  key: string;
  subject: string;
  source: string;
  scanId: number | null;
  result: ProactiveResult;
  caseId: string | null;
  at: string;
};

/**
 * Rows per multi-row insert into proactive_log: 7 parameters each, well
 * under SQLite's 32,766 and PostgreSQL's 65,535 bound parameters a statement.
 */
const LOG_ROWS = 1000;
/** Subjects per `IN (…)` list: one parameter each. */
const IN_LIST = 1000;

function* chunks<T>(items: readonly T[], size: number): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

/** Opt-outs, scans, and what each signal or scan did for each subject. */
export function proactiveRepo(sql: Sql) {
  /** Log entries in their order, in as few inserts as the database's limit on parameters allows. */
  const logMany = async (entries: readonly LogEntry[]): Promise<void> => {
    for (const part of chunks(entries, LOG_ROWS))
      await sql
        .q()
        .insertInto('proactive_log')
        .values(
          part.map((entry) => ({
            process_key: entry.key,
            subject: entry.subject,
            source: entry.source,
            scan_id: entry.scanId,
            result: entry.result,
            case_id: entry.caseId,
            at: entry.at,
          })),
        )
        .execute();
  };
  return {
    async optOut(subject: string, key: string, at: string): Promise<void> {
      await sql
        .q()
        .insertInto('opt_outs')
        .values({ subject, process_key: key, at })
        .onConflict((oc) => oc.doNothing())
        .execute();
    },
    async optIn(subject: string, key: string): Promise<void> {
      await sql.q().deleteFrom('opt_outs').where('subject', '=', subject).where('process_key', '=', key).execute();
    },
    async isOptedOut(subject: string, key: string): Promise<boolean> {
      const r = await sql
        .q()
        .selectFrom('opt_outs')
        .select('subject')
        .where('subject', '=', subject)
        .where('process_key', '=', key)
        .executeTakeFirst();
      return !!r;
    },
    async optOutsOf(subject: string): Promise<string[]> {
      const rows = await sql
        .q()
        .selectFrom('opt_outs')
        .select('process_key')
        .where('subject', '=', subject)
        .orderBy('process_key')
        .execute();
      return rows.map((r) => r.process_key);
    },
    /** Whether the subject was served already: any case of this process. */
    async served(subject: string, key: string): Promise<boolean> {
      const r = await sql
        .q()
        .selectFrom('cases')
        .select('id')
        .where('subject', '=', subject)
        .where('process_key', '=', key)
        .limit(1)
        .executeTakeFirst();
      return !!r;
    },
    /** Of these subjects, those opted out of the process (one query; a register scan asks per batch of rows). */
    async optedOutAmong(key: string, subjects: readonly string[]): Promise<Set<string>> {
      const out = new Set<string>();
      for (const part of chunks(subjects, IN_LIST))
        for (const r of await sql
          .q()
          .selectFrom('opt_outs')
          .select('subject')
          .where('process_key', '=', key)
          .where('subject', 'in', part)
          .execute())
          out.add(r.subject);
      return out;
    },
    /** Of these subjects, those served already (any case of this process): {@link served} for many at once. */
    async servedAmong(key: string, subjects: readonly string[]): Promise<Set<string>> {
      const out = new Set<string>();
      for (const part of chunks(subjects, IN_LIST))
        for (const r of await sql
          .q()
          .selectFrom('cases')
          .select('subject')
          .distinct()
          .where('process_key', '=', key)
          .where('subject', 'in', part)
          .execute())
          out.add(r.subject);
      return out;
    },
    async log(entry: LogEntry): Promise<void> {
      await logMany([entry]);
    },
    logMany,
    /** A trigger that failed for one process (a bad published definition): recorded, the others go on. */
    async logError(entry: {
      key: string;
      subject: string;
      source: string;
      scanId: number | null;
      message: string;
      at: string;
    }): Promise<void> {
      await sql
        .q()
        .insertInto('proactive_errors')
        .values({
          process_key: entry.key,
          subject: entry.subject,
          source: entry.source,
          scan_id: entry.scanId,
          message: entry.message,
          at: entry.at,
        })
        .execute();
    },
    async errors(
      key: string,
      limit = 100,
    ): Promise<{ subject: string; source: string; message: string; at: string }[]> {
      return sql
        .q()
        .selectFrom('proactive_errors')
        .select(['subject', 'source', 'message', 'at'])
        .where('process_key', '=', key)
        .orderBy('id', 'desc')
        .limit(limit)
        .execute();
    },
    async startScan(key: string, at: string, dryRun: boolean): Promise<number> {
      const r = await sql
        .q()
        .insertInto('scans')
        .values({ process_key: key, at, dry_run: dryRun ? 1 : 0, counts: '{}' })
        .returning('id')
        .executeTakeFirstOrThrow();
      return Number(r.id);
    },
    async finishScan(id: number, counts: ScanCounts): Promise<void> {
      await sql
        .q()
        .updateTable('scans')
        .set({ counts: JSON.stringify(counts) })
        .where('id', '=', id)
        .execute();
    },
    async lastScan(key: string): Promise<{ id: number; at: string; counts: ScanCounts } | undefined> {
      const r = await sql
        .q()
        .selectFrom('scans')
        .select(['id', 'at', 'counts'])
        .where('process_key', '=', key)
        .where('dry_run', '=', 0)
        .orderBy('id', 'desc')
        .limit(1)
        .executeTakeFirst();
      return r ? { id: r.id, at: r.at, counts: JSON.parse(r.counts) } : undefined;
    },
    /** The cases proactive starts made for a process, with their state. */
    async startedCases(key: string): Promise<{ status: string; outcome: string | null; step: string | null }[]> {
      return sql
        .q()
        .selectFrom('proactive_log')
        .innerJoin('cases', 'cases.id', 'proactive_log.case_id')
        .select(['cases.status', 'cases.outcome', 'cases.step'])
        .where('proactive_log.process_key', '=', key)
        .where('proactive_log.result', '=', 'started')
        .execute();
    },
    async optedOutCount(key: string): Promise<number> {
      const r = await sql
        .q()
        .selectFrom('opt_outs')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('process_key', '=', key)
        .executeTakeFirstOrThrow();
      return Number(r.n);
    },
  };
}
