import { createHash, randomBytes } from 'node:crypto';
import { sql as raw } from 'kysely';
import type { Sql } from './sql.js';

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
export function sessionRepo(sql: Sql) {
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
    async create(
      bsn: string | null,
      lang: 'nl' | 'en',
      at: Date,
      ttlMs: number,
      userId: number | null = null,
    ): Promise<{ id: string; row: SessionRow }> {
      const id = randomBytes(32).toString('base64url');
      const csrf = randomBytes(32).toString('base64url');
      const expiresAt = new Date(at.getTime() + ttlMs).toISOString();
      await sql
        .q()
        .insertInto('sessions')
        .values({
          id_hash: hash(id),
          bsn,
          user_id: userId,
          csrf,
          lang,
          created_at: at.toISOString(),
          expires_at: expiresAt,
        })
        .execute();
      return { id, row: { idHash: hash(id), bsn, userId, csrf, lang, flash: null, expiresAt } };
    },
    async get(id: string, at: Date): Promise<SessionRow | undefined> {
      const r = await sql
        .q()
        .selectFrom('sessions')
        .selectAll()
        .where('id_hash', '=', hash(id))
        .where('expires_at', '>', at.toISOString())
        .executeTakeFirst();
      return r ? toRow(r) : undefined;
    },
    async setLang(idHash: string, lang: 'nl' | 'en'): Promise<void> {
      await sql.q().updateTable('sessions').set({ lang }).where('id_hash', '=', idHash).execute();
    },
    async setFlash(idHash: string, flash: string | null): Promise<void> {
      await sql.q().updateTable('sessions').set({ flash }).where('id_hash', '=', idHash).execute();
    },
    async delete(idHash: string): Promise<void> {
      await sql.q().deleteFrom('sessions').where('id_hash', '=', idHash).execute();
    },
    /** Removes sessions (citizens' and staff's) that have expired; returns how many. */
    async deleteExpired(at: Date): Promise<number> {
      const r = await sql.q().deleteFrom('sessions').where('expires_at', '<=', at.toISOString()).executeTakeFirst();
      return Number(r.numDeletedRows);
    },
    async count(): Promise<number> {
      const r = await sql
        .q()
        .selectFrom('sessions')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(r.n);
    },
  };
}

/** Files citizens upload with their answers (the answer holds `{ id, name, type, size }`). */
export function fileRepo(sql: Sql) {
  return {
    async put(f: {
      id: string;
      caseId: string;
      field: string;
      name: string;
      type: string;
      data: Buffer;
      at: string;
    }): Promise<void> {
      await sql
        .q()
        .insertInto('files')
        .values({
          id: f.id,
          case_id: f.caseId,
          field: f.field,
          name: f.name,
          type: f.type,
          size: f.data.length,
          sha256: createHash('sha256').update(f.data).digest('hex'),
          data: f.data,
          created_at: f.at,
        })
        .execute();
    },
    async get(
      id: string,
    ): Promise<{ id: string; caseId: string; name: string; type: string; size: number; data: Buffer } | undefined> {
      const r = await sql
        .q()
        .selectFrom('files')
        .select(['id', 'case_id', 'name', 'type', 'size', 'data'])
        .where('id', '=', id)
        .executeTakeFirst();
      return r ? { id: r.id, caseId: r.case_id, name: r.name, type: r.type, size: r.size, data: r.data } : undefined;
    },
    /** The files of an application being sent: kept from now on, whatever happens to the draft. */
    async markSent(caseId: string, ids: string[], at: string): Promise<void> {
      if (ids.length === 0) return;
      await sql
        .q()
        .updateTable('files')
        .set({ sent_at: at })
        .where('case_id', '=', caseId)
        .where('id', 'in', ids)
        .where('sent_at', 'is', null)
        .execute();
    },
    /**
     * Removes files never sent that their case's draft no longer names
     * (replaced by another upload, or the draft is gone), added before `before`.
     * "Names": a member `id` anywhere in the draft's JSON whose value is the file's id.
     */
    async deleteUnsent(before: string): Promise<number> {
      const named =
        sql.dialect === 'postgres'
          ? raw<number>`(SELECT 1 FROM drafts d WHERE d.case_id = files.case_id
              AND jsonb_path_exists(d.data::jsonb, 'strict $.**.id ? (@ == $fid)', jsonb_build_object('fid', files.id), true))`
          : raw<number>`(SELECT 1 FROM drafts d, json_tree(d.data) t
              WHERE d.case_id = files.case_id AND t.key = 'id' AND t.atom = files.id)`;
      const r = await sql
        .q()
        .deleteFrom('files')
        .where('sent_at', 'is', null)
        .where('created_at', '<', before)
        .where(({ not, exists }) => not(exists(named)))
        .executeTakeFirst();
      return Number(r.numDeletedRows);
    },
  };
}

/** `partial`: a one-question-per-page step not answered to the end yet. */
export type DraftStep = { step: string; values: Record<string, unknown>; partial?: boolean };
export type Draft = { steps: DraftStep[] };

/** Answers given on the pages, per step, not yet sent to the engine. */
export function draftRepo(sql: Sql) {
  return {
    async get(caseId: string): Promise<Draft | undefined> {
      const r = await sql.q().selectFrom('drafts').select('data').where('case_id', '=', caseId).executeTakeFirst();
      return r ? JSON.parse(r.data) : undefined;
    },
    async put(caseId: string, draft: Draft, at: string): Promise<void> {
      await sql
        .q()
        .insertInto('drafts')
        .values({ case_id: caseId, data: JSON.stringify(draft), updated_at: at })
        .onConflict((oc) =>
          oc
            .column('case_id')
            .doUpdateSet((eb) => ({ data: eb.ref('excluded.data'), updated_at: eb.ref('excluded.updated_at') })),
        )
        .execute();
    },
    async delete(caseId: string): Promise<void> {
      await sql.q().deleteFrom('drafts').where('case_id', '=', caseId).execute();
    },
    /** Removes drafts not changed since `before`, and drafts of cases that are no longer active; returns how many. */
    async deleteStale(before: string): Promise<number> {
      const r = await sql
        .q()
        .deleteFrom('drafts')
        .where((eb) =>
          eb.or([
            eb('updated_at', '<', before),
            eb.exists(
              eb
                .selectFrom('cases as c')
                .select(raw<number>`1`.as('one'))
                .whereRef('c.id', '=', 'drafts.case_id')
                .where('c.status', '<>', 'active'),
            ),
          ]),
        )
        .executeTakeFirst();
      return Number(r.numDeletedRows);
    },
  };
}
