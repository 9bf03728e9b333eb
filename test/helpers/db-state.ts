import { createHash } from 'node:crypto';
import type { Store } from '../../runtime/store/index.js';
import { tableNames, tableRows } from './db-dump.js';

/**
 * Every row of every table, hashed per table: two equal fingerprints mean
 * the database holds the same data (what "a refused request changes
 * nothing" means, whatever table a route might touch). SQLite or PostgreSQL.
 */
export async function dbFingerprint(store: Store, opts: { except?: string[] } = {}): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const table of await tableNames(store)) {
    if (opts.except?.includes(table)) continue;
    const rows = (await tableRows(store, table, 'ORDER BY 1, 2')).map((r) => Object.values(r));
    out[table] = `${rows.length}:${createHash('sha256').update(JSON.stringify(rows)).digest('hex').slice(0, 16)}`;
  }
  return out;
}
