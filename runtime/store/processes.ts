import { sql as raw } from 'kysely';
import type { Sql } from './sql.js';

export type ProcessRow = {
  key: string;
  draft: unknown;
  createdAt: string;
  updatedAt: string;
  updatedBy: string | null;
  versions: number[];
};
/** `effectiveFrom`: the date (YYYY-MM-DD, Dutch) the version is in force from; null: from its publication. */
export type VersionRow = {
  key: string;
  version: number;
  definition: unknown;
  machine: unknown;
  publishedAt: string;
  publishedBy: string | null;
  effectiveFrom: string | null;
};

/** Drafts and immutable published versions. */
export function processRepo(sql: Sql) {
  const toVersion = (r: any): VersionRow => ({
    key: r.key,
    version: r.version,
    definition: JSON.parse(r.definition),
    machine: JSON.parse(r.machine),
    publishedAt: r.published_at,
    publishedBy: r.published_by,
    effectiveFrom: r.effective_from ?? null,
  });
  const versionsOf = async (key: string) =>
    (await sql.q().selectFrom('versions').select('version').where('key', '=', key).orderBy('version').execute()).map(
      (r) => r.version,
    );
  const toProcess = async (r: any): Promise<ProcessRow> => ({
    key: r.key,
    draft: JSON.parse(r.draft),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    updatedBy: r.updated_by,
    versions: await versionsOf(r.key),
  });
  /** The date a version is in force from: its effective date, or the day of its publication. */
  const from = raw<string>`COALESCE(effective_from, substr(published_at, 1, 10))`;
  return {
    async list(): Promise<ProcessRow[]> {
      const rows = await sql.q().selectFrom('processes').selectAll().orderBy('key').execute();
      const out: ProcessRow[] = [];
      for (const r of rows) out.push(await toProcess(r));
      return out;
    },
    async get(key: string): Promise<ProcessRow | undefined> {
      const r = await sql.q().selectFrom('processes').selectAll().where('key', '=', key).executeTakeFirst();
      return r ? toProcess(r) : undefined;
    },
    async saveDraft(key: string, draft: unknown, at: string, by: string | null): Promise<void> {
      await sql
        .q()
        .insertInto('processes')
        .values({ key, draft: JSON.stringify(draft), created_at: at, updated_at: at, updated_by: by })
        .onConflict((oc) =>
          oc.column('key').doUpdateSet((eb) => ({
            draft: eb.ref('excluded.draft'),
            updated_at: eb.ref('excluded.updated_at'),
            updated_by: eb.ref('excluded.updated_by'),
          })),
        )
        .execute();
    },
    /** Adds the next version number; versions are never updated. */
    async publish(
      key: string,
      definition: unknown,
      machine: unknown,
      at: string,
      by: string | null,
      effectiveFrom: string | null = null,
    ): Promise<number> {
      // Two nodes publishing one process at once: the row lock (an update of the process row) makes the second
      // wait for the first and then take the number after it, instead of failing on the same version number.
      await sql.q().updateTable('processes').set({ key }).where('key', '=', key).execute();
      const max = await sql
        .q()
        .selectFrom('versions')
        .select((eb) => eb.fn.max('version').as('v'))
        .where('key', '=', key)
        .executeTakeFirst();
      const next = Number(max?.v ?? 0) + 1;
      await sql
        .q()
        .insertInto('versions')
        .values({
          key,
          version: next,
          definition: JSON.stringify(definition),
          machine: JSON.stringify(machine),
          published_at: at,
          published_by: by,
          effective_from: effectiveFrom,
        })
        .execute();
      return next;
    },
    /**
     * The version in force on a reference date (YYYY-MM-DD): of the versions
     * in force by then (from their effective date, or their publication), the
     * one that came into force last; the higher number on the same day. A
     * date before the first publication gets the first version without an
     * effective date (the oldest rules there are); none when every version
     * starts later.
     */
    async inForce(key: string, date: string): Promise<VersionRow | undefined> {
      const r =
        (await sql
          .q()
          .selectFrom('versions')
          .selectAll()
          .where('key', '=', key)
          .where(from, '<=', date)
          .orderBy(from, 'desc')
          .orderBy('version', 'desc')
          .limit(1)
          .executeTakeFirst()) ??
        (await sql
          .q()
          .selectFrom('versions')
          .selectAll()
          .where('key', '=', key)
          .where('effective_from', 'is', null)
          .orderBy('version')
          .limit(1)
          .executeTakeFirst());
      return r ? toVersion(r) : undefined;
    },
    /** The number of the version {@link inForce} gives, without reading (and parsing) its definition: a case start needs no more. */
    async inForceVersion(key: string, date: string): Promise<number | undefined> {
      const r =
        (await sql
          .q()
          .selectFrom('versions')
          .select('version')
          .where('key', '=', key)
          .where(from, '<=', date)
          .orderBy(from, 'desc')
          .orderBy('version', 'desc')
          .limit(1)
          .executeTakeFirst()) ??
        (await sql
          .q()
          .selectFrom('versions')
          .select('version')
          .where('key', '=', key)
          .where('effective_from', 'is', null)
          .orderBy('version')
          .limit(1)
          .executeTakeFirst());
      return r?.version;
    },
    async versions(key: string): Promise<VersionRow[]> {
      const rows = await sql.q().selectFrom('versions').selectAll().where('key', '=', key).orderBy('version').execute();
      return rows.map(toVersion);
    },
    async version(key: string, version: number): Promise<VersionRow | undefined> {
      const r = await sql
        .q()
        .selectFrom('versions')
        .selectAll()
        .where('key', '=', key)
        .where('version', '=', version)
        .executeTakeFirst();
      return r ? toVersion(r) : undefined;
    },
    async latest(key: string): Promise<VersionRow | undefined> {
      const r = await sql
        .q()
        .selectFrom('versions')
        .selectAll()
        .where('key', '=', key)
        .orderBy('version', 'desc')
        .limit(1)
        .executeTakeFirst();
      return r ? toVersion(r) : undefined;
    },
  };
}
