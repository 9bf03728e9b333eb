import { accountRepo } from './accounts.js';
import { caseRepo } from './cases.js';
import { idempotencyRepo } from './idempotency.js';
import { insightRepo } from './insights.js';
import { letterRepo } from './letters.js';
import { lockRepo } from './locks.js';
import { proactiveRepo } from './proactive.js';
import { processRepo } from './processes.js';
import { securityRepo } from './security.js';
import { draftRepo, fileRepo, sessionRepo, signinFlowRepo } from './sessions.js';
import { mandateRepo, readRepo } from './mandates.js';
import { clientRepo } from './clients.js';
import { outboxRepo } from './outbox.js';
import { channelRepo } from './channels.js';
import { deliveryRepo } from './deliveries.js';
import { openSql, type DbOptions, type Sql } from './sql.js';
import { taskRepo } from './tasks.js';
import { teamRepo } from './teams.js';
import { noteRepo } from './notes.js';
import { claimRepo } from './claims.js';

export * from './accounts.js';
export * from './cases.js';
export * from './sql.js';
export * from './processes.js';
export * from './proactive.js';
export * from './insights.js';
export * from './histogram.js';
export * from './sessions.js';
export * from './tasks.js';
export * from './idempotency.js';
export * from './letters.js';
export * from './locks.js';
export * from './security.js';
export * from './mandates.js';
export * from './clients.js';
export * from './outbox.js';
export * from './channels.js';
export * from './deliveries.js';
export * from './teams.js';
export * from './notes.js';
export * from './claims.js';

/**
 * The store port: every repository over one database, SQLite or
 * PostgreSQL, and its transaction. Every method is asynchronous; inside
 * `transaction()` each repository call joins the transaction by itself.
 */
export function createStore(sql: Sql) {
  return {
    sql,
    dialect: sql.dialect,
    processes: processRepo(sql),
    cases: caseRepo(sql),
    tasks: taskRepo(sql),
    accounts: accountRepo(sql),
    idempotency: idempotencyRepo(sql),
    sessions: sessionRepo(sql),
    drafts: draftRepo(sql),
    files: fileRepo(sql),
    proactive: proactiveRepo(sql),
    insights: insightRepo(sql),
    security: securityRepo(sql),
    locks: lockRepo(sql),
    signinFlows: signinFlowRepo(sql),
    mandates: mandateRepo(sql),
    reads: readRepo(sql),
    clients: clientRepo(sql),
    outbox: outboxRepo(sql),
    letters: letterRepo(sql),
    channels: channelRepo(sql),
    deliveries: deliveryRepo(sql),
    teams: teamRepo(sql),
    notes: noteRepo(sql),
    claims: claimRepo(sql),
    /** Runs `fn` in one transaction (nested calls become savepoints): all or nothing. */
    transaction<T>(fn: () => Promise<T>): Promise<T> {
      return sql.transaction(fn);
    },
    /** A transaction not synced to disk on commit: counters and logs only, never case data (see sql.ts). */
    relaxedTransaction<T>(fn: () => Promise<T>): Promise<T> {
      return sql.relaxedTransaction(fn);
    },
    /** Whether the database answers and its schema is the one this code knows (GET /api/ready). */
    async ready(): Promise<{ ok: boolean; schema?: { current: number; latest: number }; error?: string }> {
      try {
        const schema = await sql.schema();
        return { ok: schema.current === schema.latest, schema };
      } catch (error) {
        return { ok: false, error: String((error as Error).message).slice(0, 200) };
      }
    },
    /** SQLite: an online backup to a file, safe while the server runs. PostgreSQL: use pg_dump (README). */
    backup(file: string): Promise<unknown> {
      if (!sql.sqlite) throw new Error('online backup is for SQLite; back PostgreSQL up with pg_dump (see the README)');
      return sql.sqlite.backup(file);
    },
    close(): Promise<void> {
      return sql.close();
    },
  };
}
export type Store = ReturnType<typeof createStore>;

/** Opens a SQLite file or a `postgres://` URL as the store, migrations applied. */
export async function openStore(target: string, options: DbOptions = {}): Promise<Store> {
  return createStore(await openSql(target, options));
}
