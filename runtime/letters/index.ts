import { createHash } from 'node:crypto';
import type { Clock, Engine } from '../engine/index.js';
import { createTranslator, lettersCatalogues } from '../i18n/index.js';
import type { CaseRow, IssuedLetter, Store } from '../store/index.js';
import { defaultLetterStyle, letterContent, type LetterStyle } from './content.js';
import { renderLetterPdf } from './pdf.js';

export { defaultLetterStyle, letterContent, letterLang, type LetterContent, type LetterStyle } from './content.js';
export { renderLetterPdf } from './pdf.js';
export { startLetterWorker, type LetterWorker } from './worker.js';

/** Who the audit trail names for a letter the system made. */
export const LETTER_ACTOR = 'system:letters';
/** After this many failed renderings the worker leaves a letter alone; a download still tries it once more. */
export const MAX_ATTEMPTS = 5;

export const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** A letter ready to send: its bytes, the file name people see, its hash (as in the audit trail). */
export type LetterFile = { pdf: Buffer; filename: string; hash: string; lang: string };

/**
 * Decision letters: every ended case gets one (a PDF), stored with the case
 * and its SHA-256 recorded in the audit trail (`letter.issued`). The commit
 * that ends a case writes the pending row (runtime/engine); the worker
 * (worker.ts) renders what is pending; a download of a letter not yet made,
 * or of a case that ended before letters existed, makes it then, the same
 * way. The pages and the API reach letters only through this service.
 */
export function createLetterService(deps: { store: Store; engine: Engine; clock: Clock; style?: LetterStyle }) {
  const { store, engine, clock } = deps;
  const style = deps.style ?? defaultLetterStyle;

  /**
   * Renders the case's letter and stores it with its audit entry, in one
   * transaction. When another node or request issued it first, theirs
   * stands and nothing is recorded twice.
   */
  async function issue(row: CaseRow): Promise<IssuedLetter | undefined> {
    const content = await letterContent({ engine, store }, row, style);
    if (!content) return undefined;
    const now = clock.now();
    const at = now.toISOString();
    const pdf = await renderLetterPdf(content, now);
    const hash = sha256(pdf);
    await store.transaction(async () => {
      // A case that ended before letters existed has no row yet.
      await store.letters.pending(row.id, row.endedAt ?? at);
      if (await store.letters.issue(row.id, { lang: content.lang, hash, pdf, at }))
        await store.cases.appendAudit(row.id, at, LETTER_ACTOR, 'letter.issued', {
          hash,
          bytes: pdf.length,
          lang: content.lang,
        });
    });
    return store.letters.issued(row.id);
  }

  const fileOf = (row: CaseRow, letter: IssuedLetter): LetterFile => {
    const say = createTranslator(lettersCatalogues, letter.lang === 'en' ? 'en' : 'nl');
    // The reference is ours (OMS-XXXX-XXXX); anything else is left out of the header.
    const reference = row.reference.replace(/[^A-Za-z0-9-]/g, '');
    return { pdf: letter.pdf, filename: `${say('file')}-${reference}.pdf`, hash: letter.hash, lang: letter.lang };
  };

  return {
    /** The case's letter; undefined while the case has not ended. One still pending is made now. */
    async forCase(row: CaseRow): Promise<LetterFile | undefined> {
      if (row.status !== 'ended') return undefined;
      const letter = (await store.letters.issued(row.id)) ?? (await issue(row));
      return letter && fileOf(row, letter);
    },

    /** Whether the case has (or is owed) a letter a person can download: it has ended. */
    hasLetter: (row: CaseRow) => row.status === 'ended',

    /** One round of the worker: renders up to `limit` pending letters, oldest first; a failure is counted. */
    async runOnce(limit = 20): Promise<{ issued: number; failed: number }> {
      let issued = 0;
      let failed = 0;
      for (const letter of await store.letters.due(limit, MAX_ATTEMPTS)) {
        try {
          const row = await store.cases.get(letter.caseId);
          if (!row) throw new Error(`case ${letter.caseId} not found`);
          if (await issue(row)) issued++;
        } catch (error) {
          failed++;
          await store.letters.failed(letter.caseId, String((error as Error).message ?? error));
        }
      }
      return { issued, failed };
    },
  };
}
export type LetterService = ReturnType<typeof createLetterService>;
