/**
 * The connection under the store, for either dialect: better-sqlite3 (a
 * file, the embedded default) or PostgreSQL (`postgres://…`, several nodes
 * on one database). Repositories write their SQL once with Kysely and run
 * it through `q()`: inside `transaction()` that is the transaction (found
 * through AsyncLocalStorage, so a repository needs no transaction handed
 * in), outside it the connection or pool.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import Database from 'better-sqlite3';
import {
  CompiledQuery,
  Kysely,
  PostgresDialect,
  sql,
  SqliteDialect,
  type DatabaseConnection,
  type Driver,
  type Logger,
  type Transaction,
} from 'kysely';
import pg from 'pg';
import { migrations as sqliteMigrations, type Migration } from './migrations.js';
import { postgresMigrations } from './postgres.js';
import type { DB } from './schema.js';

export type Dialect = 'sqlite' | 'postgres';
export type Synchronous = 'full' | 'normal';
export type DbOptions = {
  synchronous?: Synchronous;
  /** PostgreSQL: connections this node keeps (default 10). */
  poolSize?: number;
  /** Apply pending migrations on open (default true); false only checks, for a node that must not change the schema. */
  migrate?: boolean;
  /** Called after every statement with its SQL and duration (Kysely's `log`); the benchmarks count round trips with it. */
  log?: Logger;
};

type Executor = Kysely<DB> | Transaction<DB>;
type TxState = { trx: Transaction<DB>; savepoints: number; marks: Map<string, unknown> };

/** A database whose schema is newer than this code: refused at start, so an old node cannot write into a newer schema. */
export class SchemaTooNewError extends Error {
  constructor(
    readonly current: number,
    readonly known: number,
  ) {
    super(
      `the database is at schema version ${current}, this Omslag knows up to ${known}: start the newer Omslag, or restore a backup made for this one`,
    );
  }
}

export type Sql = {
  dialect: Dialect;
  /** The executor for a query now: the current transaction, or the connection. */
  q(): Executor;
  /** Whether a transaction is open in this async context. */
  inTransaction(): boolean;
  /**
   * What the open transaction has noted about itself (e.g. the rows it
   * locked: `case:<id>`, the last audit entry it wrote per case), undefined
   * outside a transaction. A savepoint rolled back forgets what was noted
   * inside it (its locks and rows went with it).
   */
  txState(): Map<string, unknown> | undefined;
  /**
   * Runs `fn` in one transaction: all or nothing. Nested calls become
   * savepoints: an inner failure rolls back the inner part only when the
   * caller catches it.
   */
  transaction<T>(fn: () => Promise<T>): Promise<T>;
  /**
   * A transaction whose commit is not waited for on disk: for records of
   * which the last few may be lost on power loss (rate-limit counters, the
   * security log), never a case. SQLite: synchronous=NORMAL for it;
   * PostgreSQL: synchronous_commit=off for it. Inside an outer transaction
   * it is simply part of it.
   */
  relaxedTransaction<T>(fn: () => Promise<T>): Promise<T>;
  /** Schema versions: applied in the database, and the newest this code knows. */
  schema(): Promise<{ current: number; latest: number }>;
  /** Applies pending migrations (each in its own transaction); refuses a newer schema. */
  migrate(): Promise<number[]>;
  kysely: Kysely<DB>;
  /** The better-sqlite3 handle (SQLite only): online backup. */
  sqlite?: Database.Database;
  pool?: pg.Pool;
  close(): Promise<void>;
};

export const isPostgresUrl = (target: string) => /^postgres(ql)?:\/\//i.test(target);

/** int8 (counts, sums) and numeric (averages) come back as numbers, as from SQLite. */
const pgTypes = {
  getTypeParser(oid: number, format?: string) {
    if (oid === 20) return (v: string) => Number(v);
    if (oid === 1700) return (v: string) => Number(v);
    return (pg.types.getTypeParser as (o: number, f?: string) => unknown)(oid, format);
  },
} as unknown as pg.CustomTypesConfig;

/**
 * SQLite transactions begin IMMEDIATE: the write lock is taken at BEGIN, so
 * a second process on the file (the CLI beside the server) waits its
 * busy_timeout instead of failing when a read turns into a write.
 */
class ImmediateSqliteDialect extends SqliteDialect {
  override createDriver(): Driver {
    const driver = super.createDriver();
    driver.beginTransaction = async (connection: DatabaseConnection) => {
      await connection.executeQuery(CompiledQuery.raw('begin immediate'));
    };
    return driver;
  }
}

/** Most distinct SQL texts kept prepared (Kysely's texts are few: one per query shape). */
const STATEMENT_CACHE = 2000;

/**
 * Prepares each SQL text Kysely sends once per connection and reuses the
 * statement: preparing it on every call was about a tenth of a citizen
 * step's CPU time (measured with --cpu-prof before the port). Only Kysely's
 * statements are cached; `sqlite.prepare` stays as better-sqlite3 has it.
 */
function cachedStatements(db: Database.Database) {
  const cache = new Map<string, Database.Statement>();
  return {
    close: () => db.close(),
    prepare(text: string) {
      const cached = cache.get(text);
      // A statement in the middle of an iterate() cannot run again: prepare a fresh one then.
      if (cached && !cached.busy) return cached;
      const statement = db.prepare(text);
      if (!cached && cache.size < STATEMENT_CACHE) cache.set(text, statement);
      return statement;
    },
  };
}

/** Opens a file (SQLite) or a `postgres://` URL, applies migrations and refuses a newer schema. */
export async function openSql(target: string, options: DbOptions = {}): Promise<Sql> {
  let kysely: Kysely<DB>;
  let dialect: Dialect;
  let sqlite: Database.Database | undefined;
  let pool: pg.Pool | undefined;
  if (isPostgresUrl(target)) {
    dialect = 'postgres';
    // connectionTimeoutMillis: a database that does not answer fails the request (503, Retry-After) instead of hanging it.
    pool = new pg.Pool({
      connectionString: target,
      max: options.poolSize ?? 10,
      types: pgTypes,
      connectionTimeoutMillis: 5000,
    });
    // An idle connection the server dropped must not take the node down.
    pool.on('error', (error) => console.error(`[store] idle PostgreSQL connection failed: ${error.message}`));
    kysely = new Kysely<DB>({ dialect: new PostgresDialect({ pool }), log: options.log });
  } else {
    dialect = 'sqlite';
    const db = new Database(target);
    db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${options.synchronous === 'normal' ? 'NORMAL' : 'FULL'}`);
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    sqlite = db;
    kysely = new Kysely<DB>({
      dialect: new ImmediateSqliteDialect({ database: cachedStatements(db) }),
      log: options.log,
    });
  }
  const store = new AsyncLocalStorage<TxState>();
  const list: Migration[] = dialect === 'postgres' ? postgresMigrations : sqliteMigrations;
  const latest = Math.max(...list.map((m) => m.version));

  const transaction = async <T>(fn: () => Promise<T>, relaxed = false): Promise<T> => {
    const outer = store.getStore();
    if (outer) {
      const name = sql.raw(`sp${++outer.savepoints}`);
      const marks = new Map(outer.marks);
      await sql`SAVEPOINT ${name}`.execute(outer.trx);
      try {
        const result = await fn();
        await sql`RELEASE SAVEPOINT ${name}`.execute(outer.trx);
        return result;
      } catch (error) {
        await sql`ROLLBACK TO SAVEPOINT ${name}`.execute(outer.trx);
        await sql`RELEASE SAVEPOINT ${name}`.execute(outer.trx);
        outer.marks = marks;
        throw error;
      }
    }
    return kysely.transaction().execute(async (trx) => {
      if (relaxed && dialect === 'postgres') await sql`SET LOCAL synchronous_commit = off`.execute(trx);
      return store.run({ trx, savepoints: 0, marks: new Map() }, fn);
    });
  };

  const self: Sql = {
    dialect,
    kysely,
    sqlite,
    pool,
    q: () => store.getStore()?.trx ?? kysely,
    inTransaction: () => store.getStore() !== undefined,
    txState: () => store.getStore()?.marks,
    transaction: (fn) => transaction(fn),
    async relaxedTransaction(fn) {
      if (store.getStore()) return fn();
      if (dialect === 'postgres') return transaction(fn, true);
      // SQLite: one connection, so the pragma and the transaction hold it together.
      return kysely.connection().execute(async (conn) => {
        const mode = sqlite!.pragma('synchronous', { simple: true }) as number;
        if (mode > 1) await sql`PRAGMA synchronous = NORMAL`.execute(conn);
        try {
          return await conn.transaction().execute((trx) => store.run({ trx, savepoints: 0, marks: new Map() }, fn));
        } finally {
          if (mode > 1) await sql.raw(`PRAGMA synchronous = ${mode}`).execute(conn);
        }
      });
    },
    async schema() {
      await sql`CREATE TABLE IF NOT EXISTS migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`.execute(
        kysely,
      );
      const row = await kysely
        .selectFrom('migrations')
        .select((eb) => eb.fn.max('version').as('v'))
        .executeTakeFirst();
      return { current: Number(row?.v ?? 0), latest };
    },
    async migrate() {
      const applied: number[] = [];
      // Two nodes starting at once: PostgreSQL serialises them on an advisory lock, so each migration runs once.
      const run = async (db: Kysely<DB>) => {
        const { current } = await self.schema();
        if (current > latest) throw new SchemaTooNewError(current, latest);
        const done = new Set((await db.selectFrom('migrations').select('version').execute()).map((r) => r.version));
        for (const m of list) {
          if (done.has(m.version) || m.version <= current) continue;
          await db.transaction().execute(async (trx) => {
            // better-sqlite3 prepares one statement at a time; a migration is several (exec, on the same connection).
            if (sqlite) sqlite.exec(m.sql);
            else await sql.raw(m.sql).execute(trx);
            await trx
              .insertInto('migrations')
              .values({ version: m.version, name: m.name, applied_at: new Date().toISOString() })
              .execute();
          });
          applied.push(m.version);
        }
      };
      if (dialect === 'postgres') {
        await kysely.connection().execute(async (conn) => {
          await sql`SELECT pg_advisory_lock(hashtext('omslag:migrate'))`.execute(conn);
          try {
            await run(conn);
          } finally {
            await sql`SELECT pg_advisory_unlock(hashtext('omslag:migrate'))`.execute(conn);
          }
        });
      } else {
        await run(kysely);
      }
      return applied;
    },
    async close() {
      await kysely.destroy();
    },
  };

  try {
    if (options.migrate === false) {
      const { current } = await self.schema();
      if (current > latest) throw new SchemaTooNewError(current, latest);
    } else await self.migrate();
  } catch (error) {
    await self.close();
    throw error;
  }
  return self;
}

/**
 * Whether an error is the database refusing a write that raced another: PostgreSQL's serialisation failure or
 * deadlock, SQLite's busy or locked file (another process held the write lock past busy_timeout).
 */
export function isRaceError(error: unknown): boolean {
  const code = String((error as { code?: unknown } | null)?.code ?? '');
  return code === '40001' || code === '40P01' || /^SQLITE_(BUSY|LOCKED)/.test(code);
}

/** Whether an error came from the database itself (SQLite or PostgreSQL), not from a process or the engine. */
export function isDatabaseError(error: unknown): boolean {
  if (error instanceof pg.DatabaseError) return true;
  return /^SQLITE_/.test(String((error as { code?: unknown } | null)?.code ?? ''));
}
