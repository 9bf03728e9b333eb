import Database from 'better-sqlite3';
import { migrations } from './migrations.js';

export type Db = Database.Database;

export type Synchronous = 'full' | 'normal';
export type DbOptions = { synchronous?: Synchronous };

/**
 * Opens (or creates) the database: WAL, foreign keys on, migrations applied.
 *
 * `synchronous` is FULL by default: every commit is fsynced to the WAL before
 * the answer goes out, so an acknowledged step survives a power loss or a
 * kernel crash, not only a crash of the process. NORMAL syncs at checkpoints
 * only (never corrupt, but the last commits can be lost on power loss); it is
 * a setting (SQLITE_SYNCHRONOUS) for those who measured and accept that —
 * see bench/ ("Durability") for what FULL costs per step.
 */
export function openDb(file: string, options: DbOptions = {}): Db {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${options.synchronous === 'normal' ? 'NORMAL' : 'FULL'}`);
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  cacheStatements(db);
  return db;
}

/**
 * Runs `fn` in one IMMEDIATE transaction whose commit is not synced to disk
 * (synchronous=NORMAL for it): for records of which the last few may be lost
 * on power loss, never corrupted — rate-limit counters and the security log,
 * never a case. A guesser's failed request then costs no fsync on the event
 * loop (measured: 1.4 ms → 0.3 ms per failed sign-in). Inside an outer
 * transaction it is simply part of it.
 */
export function relaxedTransaction<T>(db: Db, fn: () => T): T {
  if (db.inTransaction) return fn();
  const mode = db.pragma('synchronous', { simple: true }) as number;
  if (mode <= 1) return db.transaction(fn).immediate();
  db.pragma('synchronous = NORMAL');
  try {
    return db.transaction(fn).immediate();
  } finally {
    db.pragma(`synchronous = ${mode}`);
  }
}

/**
 * Prepares each SQL text once per connection and reuses the statement: the
 * repositories write their SQL inline, and preparing it on every call was
 * about a tenth of a citizen step's CPU time (measured with --cpu-prof).
 */
function cacheStatements(db: Db): void {
  const prepare = db.prepare.bind(db);
  const cache = new Map<string, ReturnType<Db['prepare']>>();
  db.prepare = ((sql: string) => {
    let statement = cache.get(sql);
    // A statement in the middle of an iterate() cannot run again: prepare a fresh one then.
    if (!statement || statement.busy) {
      statement = prepare(sql);
      if (!cache.has(sql)) cache.set(sql, statement);
    }
    return statement;
  }) as Db['prepare'];
}

export function migrate(db: Db): void {
  db.exec(
    'CREATE TABLE IF NOT EXISTS migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)',
  );
  const applied = new Set(db.prepare('SELECT version FROM migrations').pluck().all() as number[]);
  for (const m of migrations) {
    if (applied.has(m.version)) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.prepare('INSERT INTO migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
        m.version,
        m.name,
        new Date().toISOString(),
      );
    })();
  }
}
