import type { Db } from './db.js';

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
export function processRepo(db: Db) {
  const toVersion = (r: any): VersionRow => ({
    key: r.key,
    version: r.version,
    definition: JSON.parse(r.definition),
    machine: JSON.parse(r.machine),
    publishedAt: r.published_at,
    publishedBy: r.published_by,
    effectiveFrom: r.effective_from ?? null,
  });
  const versionsOf = db.prepare('SELECT version FROM versions WHERE key = ? ORDER BY version').pluck();
  const toProcess = (r: any): ProcessRow => ({
    key: r.key,
    draft: JSON.parse(r.draft),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    updatedBy: r.updated_by,
    versions: versionsOf.all(r.key) as number[],
  });
  return {
    list(): ProcessRow[] {
      return db.prepare('SELECT * FROM processes ORDER BY key').all().map(toProcess);
    },
    get(key: string): ProcessRow | undefined {
      const r = db.prepare('SELECT * FROM processes WHERE key = ?').get(key);
      return r ? toProcess(r) : undefined;
    },
    saveDraft(key: string, draft: unknown, at: string, by: string | null): void {
      db.prepare(
        `INSERT INTO processes (key, draft, created_at, updated_at, updated_by) VALUES (?, ?, ?, ?, ?)
                  ON CONFLICT (key) DO UPDATE SET draft = excluded.draft, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
      ).run(key, JSON.stringify(draft), at, at, by);
    },
    /** Adds the next version number; versions are never updated. */
    publish(
      key: string,
      definition: unknown,
      machine: unknown,
      at: string,
      by: string | null,
      effectiveFrom: string | null = null,
    ): number {
      const next =
        ((db.prepare('SELECT MAX(version) FROM versions WHERE key = ?').pluck().get(key) as number | null) ?? 0) + 1;
      db.prepare(
        'INSERT INTO versions (key, version, definition, machine, published_at, published_by, effective_from) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ).run(key, next, JSON.stringify(definition), JSON.stringify(machine), at, by, effectiveFrom);
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
    inForce(key: string, date: string): VersionRow | undefined {
      const r =
        db
          .prepare(
            `SELECT * FROM versions WHERE key = ? AND COALESCE(effective_from, substr(published_at, 1, 10)) <= ?
                            ORDER BY COALESCE(effective_from, substr(published_at, 1, 10)) DESC, version DESC LIMIT 1`,
          )
          .get(key, date) ??
        db.prepare('SELECT * FROM versions WHERE key = ? AND effective_from IS NULL ORDER BY version LIMIT 1').get(key);
      return r ? toVersion(r) : undefined;
    },
    versions(key: string): VersionRow[] {
      return db.prepare('SELECT * FROM versions WHERE key = ? ORDER BY version').all(key).map(toVersion);
    },
    version(key: string, version: number): VersionRow | undefined {
      const r = db.prepare('SELECT * FROM versions WHERE key = ? AND version = ?').get(key, version);
      return r ? toVersion(r) : undefined;
    },
    latest(key: string): VersionRow | undefined {
      const r = db.prepare('SELECT * FROM versions WHERE key = ? ORDER BY version DESC LIMIT 1').get(key);
      return r ? toVersion(r) : undefined;
    },
  };
}
