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
  /** A company's KVK number (eHerkenning), or an intermediary organisation's. */
  kvk: string | null;
  /** The level of assurance of the sign-in ('basis' … 'hoog'); null for the stand-in and passwords. */
  level: string | null;
  /** How its holder signed in: 'dev', 'digid', 'eherkenning', 'password', 'staff-oidc'. */
  provider: string | null;
  /** The provider's ID token, to end the session there too (RP-initiated logout). */
  idToken: string | null;
  lastSeenAt: string | null;
  /** After this moment without use the session is idle: re-authentication is asked (null: no idle timeout). */
  idleUntil: string | null;
  /** For whom the holder acts now, by a mandate; null for themselves. */
  acting: Acting | null;
  /** An organisation's employee (eHerkenning's acting person). */
  staffId: string | null;
};

/** A holder acting for a citizen by a mandate (chosen on "Namens wie wilt u dit regelen?"). */
export type Acting = { mandateId: string; citizen: string };

/** What a sign-in knows beyond who: see SessionRow. */
export type SessionExtra = {
  kvk?: string | null;
  level?: string | null;
  provider?: string | null;
  idToken?: string | null;
  /** The idle timeout: the session is idle after this long without use. */
  idleMs?: number | null;
  staffId?: string | null;
  acting?: Acting | null;
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
    kvk: r.kvk ?? null,
    level: r.level ?? null,
    provider: r.provider ?? null,
    idToken: r.id_token ?? null,
    lastSeenAt: r.last_seen_at ?? null,
    idleUntil: r.idle_until ?? null,
    acting: r.acting ? JSON.parse(r.acting) : null,
    staffId: r.staff_id ?? null,
  });
  return {
    /** A session for a citizen (bsn), an official (userId), or nobody yet. */
    async create(
      bsn: string | null,
      lang: 'nl' | 'en',
      at: Date,
      ttlMs: number,
      userId: number | null = null,
      extra: SessionExtra = {},
    ): Promise<{ id: string; row: SessionRow }> {
      const id = randomBytes(32).toString('base64url');
      const csrf = randomBytes(32).toString('base64url');
      const expiresAt = new Date(at.getTime() + ttlMs).toISOString();
      const idleUntil = extra.idleMs ? new Date(at.getTime() + extra.idleMs).toISOString() : null;
      const values = {
        id_hash: hash(id),
        bsn,
        user_id: userId,
        csrf,
        lang,
        created_at: at.toISOString(),
        expires_at: expiresAt,
        kvk: extra.kvk ?? null,
        level: extra.level ?? null,
        provider: extra.provider ?? null,
        id_token: extra.idToken ?? null,
        last_seen_at: at.toISOString(),
        idle_until: idleUntil,
        acting: extra.acting ? JSON.stringify(extra.acting) : null,
        staff_id: extra.staffId ?? null,
      };
      await sql.q().insertInto('sessions').values(values).execute();
      return { id, row: toRow({ ...values, flash: null }) };
    },
    /** Marks the session used at `at`: its idle timeout starts again (only when it has one). */
    async touch(idHash: string, at: Date, idleMs: number): Promise<void> {
      await sql
        .q()
        .updateTable('sessions')
        .set({ last_seen_at: at.toISOString(), idle_until: new Date(at.getTime() + idleMs).toISOString() })
        .where('id_hash', '=', idHash)
        .where('idle_until', 'is not', null)
        .execute();
    },
    /** For whom the holder acts from now on (null: for themselves). */
    async setActing(idHash: string, acting: Acting | null): Promise<void> {
      await sql
        .q()
        .updateTable('sessions')
        .set({ acting: acting ? JSON.stringify(acting) : null })
        .where('id_hash', '=', idHash)
        .execute();
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

/** A sign-in under way at an OpenID Connect provider (state, nonce, PKCE verifier), bound to the browser's cookie. */
export type SigninFlow = {
  kind: string;
  state: string;
  nonce: string;
  verifier: string;
  returnTo: string;
  level: string | null;
};

/** Sign-ins under way: stored (not in a cookie), so any node can finish what another began. */
export function signinFlowRepo(sql: Sql) {
  return {
    /** Stores a flow under a new random id (the cookie's value), valid for `ttlMs`. */
    async begin(flow: SigninFlow, at: Date, ttlMs: number): Promise<string> {
      const id = randomBytes(32).toString('base64url');
      await sql
        .q()
        .insertInto('signin_flows')
        .values({
          id_hash: hash(id),
          kind: flow.kind,
          state: flow.state,
          nonce: flow.nonce,
          verifier: flow.verifier,
          return_to: flow.returnTo,
          level: flow.level,
          created_at: at.toISOString(),
          expires_at: new Date(at.getTime() + ttlMs).toISOString(),
        })
        .execute();
      return id;
    },
    /** Takes the flow of this cookie value: returned once, then gone (a callback cannot be replayed). */
    async take(id: string, at: Date): Promise<SigninFlow | undefined> {
      const r = await sql
        .q()
        .deleteFrom('signin_flows')
        .where('id_hash', '=', hash(id))
        .returningAll()
        .executeTakeFirst();
      if (!r || r.expires_at <= at.toISOString()) return undefined;
      return {
        kind: r.kind,
        state: r.state,
        nonce: r.nonce,
        verifier: r.verifier,
        returnTo: r.return_to,
        level: r.level,
      };
    },
    async deleteExpired(at: Date): Promise<number> {
      const r = await sql.q().deleteFrom('signin_flows').where('expires_at', '<=', at.toISOString()).executeTakeFirst();
      return Number(r.numDeletedRows);
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
    /** The files the citizen sent with a case (not those of a draft still being filled in), oldest first, without their bytes. */
    async sentFor(
      caseId: string,
    ): Promise<{ id: string; field: string; name: string; type: string; size: number; sentAt: string }[]> {
      const rows = await sql
        .q()
        .selectFrom('files')
        .select(['id', 'field', 'name', 'type', 'size', 'sent_at'])
        .where('case_id', '=', caseId)
        .where('sent_at', 'is not', null)
        .orderBy('sent_at')
        .orderBy('id')
        .limit(200)
        .execute();
      return rows.map((r) => ({
        id: r.id,
        field: r.field,
        name: r.name,
        type: r.type,
        size: r.size,
        sentAt: r.sent_at!,
      }));
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
          oc.column('case_id').doUpdateSet((eb) => ({
            data: eb.ref('excluded.data'),
            updated_at: eb.ref('excluded.updated_at'),
            // A changed draft is fresh again: its reminder and expiry notice may come again.
            reminded_at: null,
            expiry_noticed_at: null,
          })),
        )
        .execute();
    },
    async delete(caseId: string): Promise<void> {
      await sql.q().deleteFrom('drafts').where('case_id', '=', caseId).execute();
    },
    /**
     * Drafts of active cases not changed since `before` whose `notice`
     * (reminder or expiry notice) was not queued yet, oldest first, with
     * their case's process.
     */
    async untold(notice: 'reminded_at' | 'expiry_noticed_at', before: string, limit = 500) {
      const rows = await sql
        .q()
        .selectFrom('drafts')
        .innerJoin('cases', 'cases.id', 'drafts.case_id')
        .select(['drafts.case_id', 'drafts.updated_at', 'cases.process_key', 'cases.version', 'cases.reference'])
        .where('cases.status', '=', 'active')
        .where('drafts.updated_at', '<', before)
        .where(`drafts.${notice}`, 'is', null)
        .orderBy('drafts.updated_at')
        .limit(limit)
        .execute();
      return rows.map((r) => ({
        caseId: r.case_id,
        updatedAt: r.updated_at,
        processKey: r.process_key,
        version: r.version,
        reference: r.reference,
      }));
    },
    /** Marks a draft's notice queued, once: false if it already was (or the draft changed or went). */
    async markTold(caseId: string, notice: 'reminded_at' | 'expiry_noticed_at', updatedAt: string, at: string) {
      const r = await sql
        .q()
        .updateTable('drafts')
        .set({ [notice]: at })
        .where('case_id', '=', caseId)
        .where('updated_at', '=', updatedAt)
        .where(notice, 'is', null)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
    /**
     * Removes drafts not changed since `before`, and drafts of cases that are
     * no longer active; returns how many. With `noticedBefore`, a stale draft
     * goes only once its expiry notice was queued before then.
     */
    async deleteStale(before: string, noticedBefore?: string): Promise<number> {
      const r = await sql
        .q()
        .deleteFrom('drafts')
        .where((eb) =>
          eb.or([
            noticedBefore === undefined
              ? eb('updated_at', '<', before)
              : eb.and([eb('updated_at', '<', before), eb('expiry_noticed_at', '<=', noticedBefore)]),
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
