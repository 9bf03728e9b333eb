import { accountRepo } from './accounts.js';
import { caseRepo } from './cases.js';
import { openDb, relaxedTransaction, type Db, type DbOptions } from './db.js';
import { idempotencyRepo } from './idempotency.js';
import { insightRepo } from './insights.js';
import { proactiveRepo } from './proactive.js';
import { processRepo } from './processes.js';
import { securityRepo } from './security.js';
import { draftRepo, fileRepo, sessionRepo } from './sessions.js';
import { taskRepo } from './tasks.js';

export * from './accounts.js';
export * from './cases.js';
export * from './db.js';
export * from './processes.js';
export * from './proactive.js';
export * from './insights.js';
export * from './histogram.js';
export * from './sessions.js';
export * from './tasks.js';
export * from './security.js';

/** The store: every repository over one connection, and its transaction. */
export function createStore(db: Db) {
  return {
    db,
    processes: processRepo(db),
    cases: caseRepo(db),
    tasks: taskRepo(db),
    accounts: accountRepo(db),
    idempotency: idempotencyRepo(db),
    sessions: sessionRepo(db),
    drafts: draftRepo(db),
    files: fileRepo(db),
    proactive: proactiveRepo(db),
    insights: insightRepo(db),
    security: securityRepo(db),
    /** Runs `fn` in one IMMEDIATE transaction (nested calls become savepoints): all or nothing. */
    transaction<T>(fn: () => T): T {
      return db.transaction(fn).immediate();
    },
    /** A transaction not synced to disk on commit: counters and logs only, never case data (see db.ts). */
    relaxedTransaction<T>(fn: () => T): T {
      return relaxedTransaction(db, fn);
    },
    /** An online backup to a file, safe while the server runs. */
    backup(file: string): Promise<unknown> {
      return db.backup(file);
    },
    close(): void {
      db.close();
    },
  };
}
export type Store = ReturnType<typeof createStore>;

export function openStore(file: string, options: DbOptions = {}): Store {
  return createStore(openDb(file, options));
}
