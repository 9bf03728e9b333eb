import type { Sql } from './sql.js';

/** A case's decision letter as stored: pending until its PDF is rendered, then issued with the PDF's SHA-256. */
export type LetterRow = {
  caseId: string;
  lang: string;
  status: 'pending' | 'issued';
  hash: string | null;
  createdAt: string;
  issuedAt: string | null;
  attempts: number;
  lastError: string | null;
};
export type IssuedLetter = LetterRow & { status: 'issued'; hash: string; pdf: Buffer };

const cols = ['case_id', 'lang', 'status', 'hash', 'created_at', 'issued_at', 'attempts', 'last_error'] as const;
const toLetter = (r: {
  case_id: string;
  lang: string;
  status: 'pending' | 'issued';
  hash: string | null;
  created_at: string;
  issued_at: string | null;
  attempts: number;
  last_error: string | null;
}): LetterRow => ({
  caseId: r.case_id,
  lang: r.lang,
  status: r.status,
  hash: r.hash,
  createdAt: r.created_at,
  issuedAt: r.issued_at,
  attempts: Number(r.attempts),
  lastError: r.last_error,
});

/** Decision letters (runtime/letters makes them): one row per ended case. */
export function letterRepo(sql: Sql) {
  return {
    /** A letter is owed for this case: written in the commit that ends it. A second call changes nothing. */
    async pending(caseId: string, at: string): Promise<void> {
      await sql
        .q()
        .insertInto('letters')
        .values({ case_id: caseId, status: 'pending', created_at: at })
        .onConflict((oc) => oc.column('case_id').doNothing())
        .execute();
    },
    async get(caseId: string): Promise<LetterRow | undefined> {
      const r = await sql.q().selectFrom('letters').select(cols).where('case_id', '=', caseId).executeTakeFirst();
      return r ? toLetter(r) : undefined;
    },
    /** The issued letter with its PDF, or undefined while it is pending (or owed none). */
    async issued(caseId: string): Promise<IssuedLetter | undefined> {
      const r = await sql
        .q()
        .selectFrom('letters')
        .select([...cols, 'pdf'])
        .where('case_id', '=', caseId)
        .where('status', '=', 'issued')
        .executeTakeFirst();
      return r?.pdf && r.hash ? { ...(toLetter(r) as IssuedLetter), pdf: Buffer.from(r.pdf) } : undefined;
    },
    /** Pending letters, oldest first, that failed fewer than `maxAttempts` times. */
    async due(limit: number, maxAttempts: number): Promise<LetterRow[]> {
      const rows = await sql
        .q()
        .selectFrom('letters')
        .select(cols)
        .where('status', '=', 'pending')
        .where('attempts', '<', maxAttempts)
        .orderBy('created_at')
        .orderBy('case_id')
        .limit(limit)
        .execute();
      return rows.map(toLetter);
    },
    /**
     * Stores the rendered PDF, only if the letter is still pending: false when
     * another node (or request) issued it first, so the caller's transaction
     * records nothing more. On PostgreSQL the second waits on the row, then finds it issued.
     */
    async issue(caseId: string, letter: { lang: string; hash: string; pdf: Buffer; at: string }): Promise<boolean> {
      const r = await sql
        .q()
        .updateTable('letters')
        .set({ status: 'issued', lang: letter.lang, hash: letter.hash, pdf: letter.pdf, issued_at: letter.at })
        .where('case_id', '=', caseId)
        .where('status', '=', 'pending')
        .executeTakeFirst();
      return Number(r.numUpdatedRows) > 0;
    },
    /** Rendering failed: counted, with the reason (shortened), for the next round or an admin. */
    async failed(caseId: string, error: string): Promise<void> {
      await sql
        .q()
        .updateTable('letters')
        .set((eb) => ({ attempts: eb('attempts', '+', 1), last_error: error.slice(0, 500) }))
        .where('case_id', '=', caseId)
        .where('status', '=', 'pending')
        .execute();
    },
  };
}
