import type { Lang } from '../i18n/index.js';
import {
  checkDefinition,
  checkTeams,
  compileToConfig,
  findDefinition,
  findTeamProblems,
  isCalendarDate,
  worded,
  type KnownTeams,
  type Problem,
} from '../model/index.js';
import type { Store } from '../store/index.js';
import type { Clock } from './clock.js';
import { invalid, notFound } from './errors.js';

/**
 * Drafts and publishing. A draft may be saved with problems (the designer
 * shows them); publishing refuses while any remain, compiles the machine, and
 * stores both as the next immutable version.
 *
 * The teams a draft names are checked against the list of teams when the
 * caller passes it (`teams`: the designer's routes do, P032/P033); the import
 * of a folder of definitions adds the teams they name to the list instead
 * (runtime/engine/import.ts).
 */
export function createProcessService({ store, clock }: { store: Store; clock: Clock }) {
  // Designers list every draft's problems on each GET: memoized by the draft's JSON (the checks read nothing else).
  // The findings are cached, not their words: each is put in the language of the request.
  const problemCache = new Map<string, ReturnType<typeof findDefinition>>();
  return {
    /** A draft's problems, as the designer lists them, in `lang`; checked once per distinct draft. */
    problems(draft: unknown, teams?: KnownTeams, lang: Lang = 'nl'): Problem[] {
      const json = JSON.stringify(draft) ?? 'undefined';
      let checked = problemCache.get(json);
      if (!checked) {
        checked = findDefinition(draft);
        if (problemCache.size >= 500) problemCache.clear();
        problemCache.set(json, checked);
      }
      // The teams change without the draft changing: checked on every call (cheap), never cached.
      const { process, findings } = checked;
      return worded([...findings, ...(teams && process ? findTeamProblems(process, teams) : [])], lang, draft);
    },
    /** Saves a draft; its problems come back, with those of its teams when `teams` (the list of teams) is given. */
    async saveDraft(
      key: string,
      draft: unknown,
      by: string | null,
      teams?: { known: KnownTeams; lang?: Lang },
    ): Promise<{ problems: Problem[] }> {
      if (!draft || typeof draft !== 'object' || Array.isArray(draft))
        throw invalid('invalid-definition', 'draftNotObject');
      const declared = (draft as { key?: unknown }).key;
      if (declared !== key)
        throw invalid('key-mismatch', ['keyMismatch', { declared: JSON.stringify(declared), key }], undefined, {
          key: { code: 'mustBe', params: { key } },
        });
      const { process, problems } = checkDefinition(draft, teams?.lang);
      await store.processes.saveDraft(key, draft, clock.now().toISOString(), by);
      return { problems: [...problems, ...(teams && process ? checkTeams(process, teams.known, teams.lang) : [])] };
    },
    async publish(
      key: string,
      by: string | null,
      effectiveFrom?: string,
      opts: { teams?: () => Promise<KnownTeams>; lang?: Lang } = {},
    ): Promise<{ key: string; version: number; effectiveFrom?: string }> {
      if (effectiveFrom !== undefined && !isCalendarDate(effectiveFrom))
        throw invalid('invalid-request', 'effectiveFromInvalid', undefined, { effectiveFrom: { code: 'realDate' } });
      return store.transaction(async () => {
        const row = await store.processes.get(key);
        if (!row) throw notFound('process', { key });
        const checked = checkDefinition(row.draft, opts.lang);
        const { process } = checked;
        const problems =
          process && opts.teams
            ? [...checked.problems, ...checkTeams(process, await opts.teams(), opts.lang)]
            : checked.problems;
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
