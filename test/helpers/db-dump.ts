import type { Store } from '../../runtime/store/index.js';

/**
 * Every row of every table, in a stable order: compare a dump before and
 * after a refused request to show it changed nothing.
 */
export function dumpDb(store: Store): Record<string, string[]> {
  const tables = store.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
  return Object.fromEntries(tables.map((t) => [t, (store.db.prepare(`SELECT * FROM "${t}"`).all() as unknown[]).map((r) => JSON.stringify(r)).sort()]));
}

/** Row counts per table (a cheaper check, and readable in a failure). */
export function countRows(store: Store, tables: string[]): Record<string, number> {
  return Object.fromEntries(tables.map((t) => [t, (store.db.prepare(`SELECT count(*) AS n FROM "${t}"`).get() as { n: number }).n]));
}
