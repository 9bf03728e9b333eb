import { checkDefinition, compileToConfig, isCalendarDate, type Problem } from '../model/index.js';
import type { Store } from '../store/index.js';
import type { Clock } from './clock.js';
import { invalid, notFound } from './errors.js';

/**
 * Drafts and publishing. A draft may be saved with problems (the designer
 * shows them); publishing refuses while any remain, compiles the machine, and
 * stores both as the next immutable version.
 */
export function createProcessService({ store, clock }: { store: Store; clock: Clock }) {
  // Designers list every draft's problems on each GET: memoized by the draft's JSON (the checks read nothing else).
  const problemCache = new Map<string, Problem[]>();
  return {
    /** A draft's problems, as the designer lists them; checked once per distinct draft. */
    problems(draft: unknown): Problem[] {
      const json = JSON.stringify(draft) ?? 'undefined';
      let problems = problemCache.get(json);
      if (!problems) {
        problems = checkDefinition(draft).problems;
        if (problemCache.size >= 500) problemCache.clear();
        problemCache.set(json, problems);
      }
      return [...problems];
    },
    async saveDraft(key: string, draft: unknown, by: string | null): Promise<{ problems: Problem[] }> {
      if (!draft || typeof draft !== 'object' || Array.isArray(draft))
        throw invalid('invalid-definition', 'draftNotObject');
      const declared = (draft as { key?: unknown }).key;
      if (declared !== key)
        throw invalid('key-mismatch', ['keyMismatch', { declared: JSON.stringify(declared), key }], undefined, {
          key: { code: 'mustBe', params: { key } },
        });
      const { problems } = checkDefinition(draft);
      await store.processes.saveDraft(key, draft, clock.now().toISOString(), by);
      return { problems };
    },
    async publish(
      key: string,
      by: string | null,
      effectiveFrom?: string,
    ): Promise<{ key: string; version: number; effectiveFrom?: string }> {
      if (effectiveFrom !== undefined && !isCalendarDate(effectiveFrom))
        throw invalid('invalid-request', 'effectiveFromInvalid', undefined, { effectiveFrom: { code: 'realDate' } });
      return store.transaction(async () => {
        const row = await store.processes.get(key);
        if (!row) throw notFound('process', { key });
        const { process, problems } = checkDefinition(row.draft);
        if (!process || problems.length)
          throw invalid('draft-has-problems', ['draftHasProblems', { n: problems.length }], { problems });
        // The definition is stored as the designer wrote it (key order and all); the schema only checked it.
        const version = await store.processes.publish(
          key,
          row.draft,
          compileToConfig(process),
          clock.now().toISOString(),
          by,
          effectiveFrom ?? null,
        );
        return { key, version, ...(effectiveFrom ? { effectiveFrom } : {}) };
      });
    },
  };
}
export type ProcessService = ReturnType<typeof createProcessService>;
