import { createHash, randomBytes } from 'node:crypto';
import type { Db } from './db.js';

export type SessionRow = {
  idHash: string;
  bsn: string | null;
  userId: number | null;
  csrf: string;
  lang: 'nl' | 'en';
  flash: string | null;
  expiresAt: string;
};

const hash = (id: string) => createHash('sha256').update(id).digest('hex');

/** Browser sessions of the citizen pages (the cookie holds a random id; the table its hash). */
export function sessionRepo(db: Db) {
  const toRow = (r: any): SessionRow => ({
    idHash: r.id_hash,
    bsn: r.bsn,
    userId: r.user_id ?? null,
    csrf: r.csrf,
    lang: r.lang,
    flash: r.flash,
    expiresAt: r.expires_at,
  });
  return {
    /** A session for a citizen (bsn), an official (userId), or nobody yet. */
    create(
      bsn: string | null,
      lang: 'nl' | 'en',
      at: Date,
      ttlMs: number,
      userId: number | null = null,
    ): { id: string; row: SessionRow } {
      const id = randomBytes(32).toString('base64url');
      const csrf = randomBytes(32).toString('base64url');
      const expiresAt = new Date(at.getTime() + ttlMs).toISOString();
      db.prepare(
        'INSERT INTO sessions (id_hash, bsn, user_id, csrf, lang, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ).run(hash(id), bsn, userId, csrf, lang, at.toISOString(), expiresAt);
      return { id, row: { idHash: hash(id), bsn, userId, csrf, lang, flash: null, expiresAt } };
    },
    get(id: string, at: Date): SessionRow | undefined {
      const r = db
        .prepare('SELECT * FROM sessions WHERE id_hash = ? AND expires_at > ?')
        .get(hash(id), at.toISOString());
      return r ? toRow(r) : undefined;
    },
    setLang(idHash: string, lang: 'nl' | 'en'): void {
      db.prepare('UPDATE sessions SET lang = ? WHERE id_hash = ?').run(lang, idHash);
    },
    setFlash(idHash: string, flash: string | null): void {
      db.prepare('UPDATE sessions SET flash = ? WHERE id_hash = ?').run(flash, idHash);
    },
    delete(idHash: string): void {
      db.prepare('DELETE FROM sessions WHERE id_hash = ?').run(idHash);
    },
    /** Removes sessions (citizens' and staff's) that have expired; returns how many. */
    deleteExpired(at: Date): number {
      return db.prepare('DELETE FROM sessions WHERE expires_at <= ?').run(at.toISOString()).changes;
    },
    count(): number {
      return (db.prepare('SELECT count(*) AS n FROM sessions').get() as { n: number }).n;
    },
  };
}

/** Files citizens upload with their answers (the answer holds `{ id, name, type, size }`). */
export function fileRepo(db: Db) {
  return {
    put(f: { id: string; caseId: string; field: string; name: string; type: string; data: Buffer; at: string }): void {
      db.prepare(
        'INSERT INTO files (id, case_id, field, name, type, size, sha256, data, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      ).run(
        f.id,
        f.caseId,
        f.field,
        f.name,
        f.type,
        f.data.length,
        createHash('sha256').update(f.data).digest('hex'),
        f.data,
        f.at,
      );
    },
    get(
      id: string,
    ): { id: string; caseId: string; name: string; type: string; size: number; data: Buffer } | undefined {
      const r = db.prepare('SELECT id, case_id, name, type, size, data FROM files WHERE id = ?').get(id) as any;
      return r ? { id: r.id, caseId: r.case_id, name: r.name, type: r.type, size: r.size, data: r.data } : undefined;
    },
    /** The files of an application being sent: kept from now on, whatever happens to the draft. */
    markSent(caseId: string, ids: string[], at: string): void {
      const mark = db.prepare('UPDATE files SET sent_at = ? WHERE case_id = ? AND id = ? AND sent_at IS NULL');
      for (const id of ids) mark.run(at, caseId, id);
    },
    /**
     * Removes files never sent that their case's draft no longer names
     * (replaced by another upload, or the draft is gone), added before `before`.
     */
    deleteUnsent(before: string): number {
      return db
        .prepare(
          `DELETE FROM files WHERE sent_at IS NULL AND created_at < ? AND NOT EXISTS (
        SELECT 1 FROM drafts d, json_tree(d.data) t WHERE d.case_id = files.case_id AND t.key = 'id' AND t.atom = files.id)`,
        )
        .run(before).changes;
    },
  };
}

/** `partial`: a one-question-per-page step not answered to the end yet. */
export type DraftStep = { step: string; values: Record<string, unknown>; partial?: boolean };
export type Draft = { steps: DraftStep[] };

/** Answers given on the pages, per step, not yet sent to the engine. */
export function draftRepo(db: Db) {
  return {
    get(caseId: string): Draft | undefined {
      const r = db.prepare('SELECT data FROM drafts WHERE case_id = ?').get(caseId) as { data: string } | undefined;
      return r ? JSON.parse(r.data) : undefined;
    },
    put(caseId: string, draft: Draft, at: string): void {
      db.prepare(
        `INSERT INTO drafts (case_id, data, updated_at) VALUES (?, ?, ?)
                  ON CONFLICT (case_id) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at`,
      ).run(caseId, JSON.stringify(draft), at);
    },
    delete(caseId: string): void {
      db.prepare('DELETE FROM drafts WHERE case_id = ?').run(caseId);
    },
    /** Removes drafts not changed since `before`, and drafts of cases that are no longer active; returns how many. */
    deleteStale(before: string): number {
      return db
        .prepare(
          `DELETE FROM drafts WHERE updated_at < ? OR EXISTS (SELECT 1 FROM cases c WHERE c.id = drafts.case_id AND c.status <> 'active')`,
        )
        .run(before).changes;
    },
  };
}
