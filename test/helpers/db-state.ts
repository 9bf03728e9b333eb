import { createHash } from 'node:crypto';
import type { Store } from '../../runtime/store/index.js';

/**
 * Every row of every table, hashed per table: two equal fingerprints mean
 * the database holds the same data (what "a refused request changes
 * nothing" means, whatever table a route might touch).
 */
export function dbFingerprint(store: Store, opts: { except?: string[] } = {}): Record<string, string> {
  const tables = store.db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[];
  const out: Record<string, string> = {};
  for (const table of tables) {
    if (opts.except?.includes(table)) continue;
    const rows = store.db.prepare(`SELECT * FROM "${table}" ORDER BY 1, 2`).raw().all();
    out[table] = `${rows.length}:${createHash('sha256').update(JSON.stringify(rows)).digest('hex').slice(0, 16)}`;
  }
  return out;
}
