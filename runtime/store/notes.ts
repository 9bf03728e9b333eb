import type { Sql } from './sql.js';

/** An official's internal note on a case: for staff who may see the case, never for the citizen. */
export type CaseNote = {
  id: number;
  caseId: string;
  author: string;
  authorName: string;
  text: string;
  createdAt: string;
};

/** The longest note (characters) and the most notes a case keeps (the API refuses more, with a 4xx). */
export const MAX_NOTE = 4000;
export const MAX_NOTES_PER_CASE = 500;

/** Internal notes on cases (migration 22), oldest first. */
export function noteRepo(sql: Sql) {
  const toNote = (r: {
    id: number;
    case_id: string;
    author: string;
    author_name: string;
    text: string;
    created_at: string;
  }): CaseNote => ({
    id: r.id,
    caseId: r.case_id,
    author: r.author,
    authorName: r.author_name,
    text: r.text,
    createdAt: r.created_at,
  });
  return {
    async add(n: { caseId: string; author: string; authorName: string; text: string; at: string }): Promise<CaseNote> {
      const r = await sql
        .q()
        .insertInto('case_notes')
        .values({ case_id: n.caseId, author: n.author, author_name: n.authorName, text: n.text, created_at: n.at })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toNote(r);
    },
    async list(caseId: string, limit = MAX_NOTES_PER_CASE): Promise<CaseNote[]> {
      const rows = await sql
        .q()
        .selectFrom('case_notes')
        .selectAll()
        .where('case_id', '=', caseId)
        .orderBy('id')
        .limit(limit)
        .execute();
      return rows.map(toNote);
    },
    async count(caseId: string): Promise<number> {
      const r = await sql
        .q()
        .selectFrom('case_notes')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('case_id', '=', caseId)
        .executeTakeFirstOrThrow();
      return Number(r.n);
    },
  };
}
