import { sql } from 'kysely';
import type { Store } from '../../runtime/store/index.js';

/**
 * The sign-in guard counts every attempt per address, refused ones too (that
 * is its purpose: http/rate-limit.ts); its window counters are no data a
 * refusal may not change.
 */
const COUNTERS = ['rate_limits'];

/** The store's tables by name (SQLite or PostgreSQL), without the engine's own (sqlite_*). */
export async function tableNames(store: Store): Promise<string[]> {
  const tables = await store.sql.kysely.introspection.getTables();
  return tables
    .filter((t) => !t.isView && !t.name.startsWith('sqlite_'))
    .map((t) => t.name)
    .sort();
}

/** Every row of one table, as the driver returns it (text as stored). */
export async function tableRows(store: Store, table: string, orderBy = ''): Promise<Record<string, unknown>[]> {
  const { rows } = await sql<Record<string, unknown>>`SELECT * FROM ${sql.table(table)} ${sql.raw(orderBy)}`.execute(
    store.sql.q(),
  );
  return rows;
}

/**
 * Every row of every table, in a stable order: compare a dump before and
 * after a refused request to show it changed nothing.
 */
export async function dumpDb(store: Store, opts: { except?: string[] } = {}): Promise<Record<string, string[]>> {
  const except = opts.except ?? COUNTERS;
  const tables = (await tableNames(store)).filter((t) => !except.includes(t));
  const out: Record<string, string[]> = {};
  for (const t of tables) out[t] = (await tableRows(store, t)).map((r) => JSON.stringify(r)).sort();
  return out;
}

/** Row counts per table (a cheaper check, and readable in a failure). */
export async function countRows(store: Store, tables: string[]): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of tables) {
    const { rows } = await sql<{ n: number }>`SELECT count(*) AS n FROM ${sql.table(t)}`.execute(store.sql.q());
    out[t] = Number(rows[0].n);
  }
  return out;
}
