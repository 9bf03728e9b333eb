import type { Store } from '../../runtime/store/index.js';

/**
 * The sign-in guard counts every attempt per address, refused ones too (that
 * is its purpose: http/rate-limit.ts); its window counters are no data a
 * refusal may not change.
 */
const COUNTERS = ['rate_limits'];

/**
 * Every row of every table, in a stable order: compare a dump before and
 * after a refused request to show it changed nothing.
 */
export function dumpDb(store: Store, opts: { except?: string[] } = {}): Record<string, string[]> {
  const except = opts.except ?? COUNTERS;
  const tables = (
    store.db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
      .pluck()
      .all() as string[]
  ).filter((t) => !except.includes(t));
  return Object.fromEntries(
    tables.map((t) => [
      t,
      (store.db.prepare(`SELECT * FROM "${t}"`).all() as unknown[]).map((r) => JSON.stringify(r)).sort(),
    ]),
  );
}

/** Row counts per table (a cheaper check, and readable in a failure). */
export function countRows(store: Store, tables: string[]): Record<string, number> {
  return Object.fromEntries(
    tables.map((t) => [t, (store.db.prepare(`SELECT count(*) AS n FROM "${t}"`).get() as { n: number }).n]),
  );
}
