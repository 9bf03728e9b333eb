/**
 * Copies a whole store into an empty one, either way between SQLite and
 * PostgreSQL (`npm run omslag -- copy-store`): every table but `migrations`,
 * in foreign-key order, ids kept, in batches inside one transaction on the
 * target, so a failed copy leaves the target as empty as it was. Rows move
 * as they are (dates and JSON are text in both dialects, see postgres.ts),
 * so the audit trail's hash chain still holds on the target.
 */
import { sql as raw } from 'kysely';
import type { DB } from './schema.js';
import type { Store } from './index.js';
import type { Sql } from './sql.js';

type Table = Exclude<keyof DB, 'migrations'>;

/** Every table but `migrations`, parents before children; with the key a batch is read in order of. */
export const copiedTables: readonly { table: Table; key: readonly string[] }[] = [
  { table: 'processes', key: ['key'] },
  { table: 'versions', key: ['key', 'version'] },
  { table: 'users', key: ['id'] },
  { table: 'tokens', key: ['hash'] },
  { table: 'cases', key: ['id'] },
  { table: 'audit', key: ['id'] },
  { table: 'tasks', key: ['id'] },
  { table: 'timers', key: ['id'] },
  { table: 'messages', key: ['id'] },
  { table: 'idempotency', key: ['principal', 'key'] },
  { table: 'sessions', key: ['id_hash'] },
  { table: 'drafts', key: ['case_id'] },
  { table: 'files', key: ['id'] },
  { table: 'opt_outs', key: ['subject', 'process_key'] },
  { table: 'scans', key: ['id'] },
  { table: 'proactive_log', key: ['id'] },
  { table: 'proactive_errors', key: ['id'] },
  { table: 'step_visits', key: ['id'] },
  { table: 'feedback', key: ['id'] },
  { table: 'step_stats', key: ['process_key', 'version', 'step', 'day'] },
  { table: 'transition_stats', key: ['process_key', 'version', 'from_step', 'to_step', 'day'] },
  { table: 'security_log', key: ['id'] },
  { table: 'rate_limits', key: ['key'] },
  { table: 'signin_failures', key: ['name_hash'] },
  { table: 'locks', key: ['name'] },
  { table: 'signin_flows', key: ['id_hash'] },
  { table: 'mandates', key: ['id'] },
  { table: 'api_clients', key: ['client_id'] },
  { table: 'client_tokens', key: ['hash'] },
  { table: 'case_reads', key: ['id'] },
  { table: 'outbox', key: ['id'] },
  { table: 'letters', key: ['case_id'] },
  { table: 'channels', key: ['subject', 'kind'] },
  { table: 'deliveries', key: ['id'] },
  { table: 'teams', key: ['id'] },
  { table: 'case_notes', key: ['id'] },
  { table: 'signin_claims', key: ['subject'] },
];

/** Tables whose `id` the database counts (identity columns): PostgreSQL's sequences are moved past the copied ids. */
const identityTables: readonly Table[] = [
  'users',
  'audit',
  'timers',
  'messages',
  'scans',
  'proactive_log',
  'proactive_errors',
  'step_visits',
  'feedback',
  'security_log',
  'case_reads',
  'outbox',
  'deliveries',
  'case_notes',
];

const BATCH = 500;
/** Files carry their content: fewer per batch, so a batch stays small in memory. */
const FILE_BATCH = 20;
/** Tables whose rows carry a document (files, letters' PDFs): copied in the small batches. */
const documentTables: readonly Table[] = ['files', 'letters'];

/** The target holds data already; nothing was copied. */
export class TargetNotEmptyError extends Error {
  constructor(readonly counts: Record<string, number>) {
    const held = Object.entries(counts).map(([table, n]) => `${n} ${table}`);
    super(
      `the target store is not empty (${held.join(', ')}): copy-store only fills a new, empty database; nothing was copied`,
    );
  }
}

export type CopyProgress = { table: string; copied: number; total: number };

async function count(sql: Sql, table: Table): Promise<number> {
  const row = await sql
    .q()
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The column names of a table as the database has them (not as schema.ts says). */
async function columns(sql: Sql, table: Table): Promise<string[]> {
  const rows =
    sql.dialect === 'postgres'
      ? await raw<{ name: string }>`SELECT column_name AS name FROM information_schema.columns
          WHERE table_schema = current_schema() AND table_name = ${table}`.execute(sql.q())
      : await raw<{ name: string }>`SELECT name FROM pragma_table_info(${table})`.execute(sql.q());
  return rows.rows.map((r) => r.name).sort();
}

/** Rows per table in a store (every copied table): to compare a copy with its source. */
export async function tableCounts(store: Store): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const { table } of copiedTables) counts[table] = await count(store.sql, table);
  return counts;
}

/**
 * Copies every row of `from` into `to`, which must be empty (no row in
 * any table but `migrations`) and at the same schema version. Reads one consistent
 * snapshot of `from`; writes in one transaction on `to`. Returns the rows
 * copied per table.
 */
export async function copyStore(
  from: Store,
  to: Store,
  onProgress?: (progress: CopyProgress) => void,
): Promise<Record<string, number>> {
  const [source, target] = [await from.sql.schema(), await to.sql.schema()];
  if (source.current !== target.current)
    throw new Error(
      `the stores are at different schema versions (source ${source.current}, target ${target.current}): migrate both first (npm run omslag -- migrate)`,
    );
  for (const { table } of copiedTables) {
    const [a, b] = [await columns(from.sql, table), await columns(to.sql, table)];
    if (a.join() !== b.join())
      throw new Error(
        `table ${table} has other columns in the source (${a.join(', ')}) than in the target (${b.join(', ')})`,
      );
  }
  const copied: Record<string, number> = {};
  // Two stores, two connections: the read transaction and the write transaction are separate and both open.
  await from.sql.transaction(async () => {
    // One snapshot of the source throughout, even while a server still writes to it.
    if (from.sql.dialect === 'postgres')
      await raw`SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY`.execute(from.sql.q());
    await to.sql.transaction(async () => {
      // Any row would be overwritten or collide: a case, a user, even a citizen's token or a rate limit.
      const present = Object.fromEntries(Object.entries(await tableCounts(to)).filter(([, n]) => n > 0));
      if (Object.keys(present).length) throw new TargetNotEmptyError(present);
      for (const { table, key } of copiedTables) {
        const total = await count(from.sql, table);
        const size = documentTables.includes(table) ? FILE_BATCH : BATCH;
        let done = 0;
        onProgress?.({ table, copied: 0, total });
        while (done < total) {
          let query = from.sql.q().selectFrom(table).selectAll();
          for (const column of key) query = query.orderBy(raw.ref(column));
          const rows = await query.limit(size).offset(done).execute();
          if (!rows.length) break;
          await to.sql
            .q()
            .insertInto(table)
            .values(rows as never)
            .execute();
          done += rows.length;
          onProgress?.({ table, copied: done, total });
        }
        copied[table] = done;
      }
      if (to.sql.dialect === 'postgres')
        for (const table of identityTables)
          await raw`SELECT setval(pg_get_serial_sequence(${table}, 'id'), max(id)) FROM ${raw.table(table)} HAVING max(id) IS NOT NULL`.execute(
            to.sql.q(),
          );
    });
  });
  return copied;
}
