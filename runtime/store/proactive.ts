import type { Db } from './db.js';

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

/** Opt-outs, scans, and what each signal or scan did for each subject. */
export function proactiveRepo(db: Db) {
  return {
    optOut(subject: string, key: string, at: string): void {
      db.prepare('INSERT OR IGNORE INTO opt_outs (subject, process_key, at) VALUES (?, ?, ?)').run(subject, key, at);
    },
    optIn(subject: string, key: string): void {
      db.prepare('DELETE FROM opt_outs WHERE subject = ? AND process_key = ?').run(subject, key);
    },
    isOptedOut(subject: string, key: string): boolean {
      return !!db.prepare('SELECT 1 FROM opt_outs WHERE subject = ? AND process_key = ?').get(subject, key);
    },
    optOutsOf(subject: string): string[] {
      return db
        .prepare('SELECT process_key FROM opt_outs WHERE subject = ? ORDER BY process_key')
        .pluck()
        .all(subject) as string[];
    },
    /** Whether the subject was served already: any case of this process. */
    served(subject: string, key: string): boolean {
      return !!db.prepare('SELECT 1 FROM cases WHERE subject = ? AND process_key = ? LIMIT 1').get(subject, key);
    },
    log(entry: {
      key: string;
      subject: string;
      source: string;
      scanId: number | null;
      result: ProactiveResult;
      caseId: string | null;
      at: string;
    }): void {
      db.prepare(
        'INSERT INTO proactive_log (process_key, subject, source, scan_id, result, case_id, at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ).run(entry.key, entry.subject, entry.source, entry.scanId, entry.result, entry.caseId, entry.at);
    },
    /** A trigger that failed for one process (a bad published definition): recorded, the others go on. */
    logError(entry: {
      key: string;
      subject: string;
      source: string;
      scanId: number | null;
      message: string;
      at: string;
    }): void {
      db.prepare(
        'INSERT INTO proactive_errors (process_key, subject, source, scan_id, message, at) VALUES (?, ?, ?, ?, ?, ?)',
      ).run(entry.key, entry.subject, entry.source, entry.scanId, entry.message, entry.at);
    },
    errors(key: string, limit = 100): { subject: string; source: string; message: string; at: string }[] {
      return db
        .prepare(
          'SELECT subject, source, message, at FROM proactive_errors WHERE process_key = ? ORDER BY id DESC LIMIT ?',
        )
        .all(key, limit) as { subject: string; source: string; message: string; at: string }[];
    },
    startScan(key: string, at: string, dryRun: boolean): number {
      return Number(
        db
          .prepare("INSERT INTO scans (process_key, at, dry_run, counts) VALUES (?, ?, ?, '{}')")
          .run(key, at, dryRun ? 1 : 0).lastInsertRowid,
      );
    },
    finishScan(id: number, counts: ScanCounts): void {
      db.prepare('UPDATE scans SET counts = ? WHERE id = ?').run(JSON.stringify(counts), id);
    },
    lastScan(key: string): { id: number; at: string; counts: ScanCounts } | undefined {
      const r = db
        .prepare('SELECT id, at, counts FROM scans WHERE process_key = ? AND dry_run = 0 ORDER BY id DESC LIMIT 1')
        .get(key) as { id: number; at: string; counts: string } | undefined;
      return r ? { id: r.id, at: r.at, counts: JSON.parse(r.counts) } : undefined;
    },
    /** The cases proactive starts made for a process, with their state. */
    startedCases(key: string): { status: string; outcome: string | null; step: string | null }[] {
      return db
        .prepare(
          `SELECT cases.status, cases.outcome, cases.step FROM proactive_log JOIN cases ON cases.id = proactive_log.case_id
                         WHERE proactive_log.process_key = ? AND proactive_log.result = 'started'`,
        )
        .all(key) as { status: string; outcome: string | null; step: string | null }[];
    },
    optedOutCount(key: string): number {
      return db.prepare('SELECT COUNT(*) FROM opt_outs WHERE process_key = ?').pluck().get(key) as number;
    },
  };
}
