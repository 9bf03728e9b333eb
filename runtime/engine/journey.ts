import { createHash, randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { readFile } from 'node:fs/promises';
import {
  checkDefinition,
  citizenActs,
  dataBefore,
  own,
  todayIn,
  validateAnswers,
  walkDraft,
  type DraftWalk,
  type Field,
  type Lang,
  type Process,
} from '../model/index.js';
import type { CaseRow, Draft, DraftStep } from '../store/index.js';
import { caseView } from './case-view.js';
import type { Engine } from './engine.js';
import { conflict } from './errors.js';

/** How long a request waits for another one of the same citizen and process, and how often it looks. */
const WAIT_MS = 5000;
const RETRY_MS = 25;
/** The lease such a request holds: ended early when it finishes, long enough to outlast a slow one. */
const LEASE_MS = 30_000;

/** A file the pages received for a question: where its bytes wait, and what the content shows it is. */
export type ReceivedFile = { name: string; type: string; path: string };

/**
 * What the citizen pages do with a case, over the engine and the store: the
 * pages never run XState or write tables themselves. A citizen's answers are
 * kept as a draft, per step, until they send them from check-your-answers;
 * where the draft leads is the journey simulator's walk (runtime/model/journey),
 * the same machine the engine will move the case with.
 */
export function createJourneyService(engine: Engine) {
  const { store, clock } = engine;
  const draftOf = async (row: CaseRow): Promise<Draft> => (await store.drafts.get(row.id)) ?? { steps: [] };
  const walk = async (row: CaseRow, steps: readonly DraftStep[]): Promise<DraftWalk> => {
    const { loaded, snapshot } = await engine.restore(row);
    return walkDraft(loaded.journey, snapshot, steps);
  };
  const auditOf = (row: CaseRow) => store.cases.audit(row.id);

  /**
   * Runs `fn` as the only holder of the lease `name` on every node, waiting
   * briefly while another request holds it: a double click (two posts at
   * once, on one node or two) is handled one after the other, as when the
   * pages ran one request at a time.
   */
  async function oneAtATime<T>(name: string, fn: () => Promise<T>): Promise<T> {
    const holder = randomUUID();
    const until = Date.now() + WAIT_MS;
    for (;;) {
      const done = await store.locks.run(name, holder, LEASE_MS, async () => ({ value: await fn() }));
      if (done) return done.value;
      if (Date.now() > until) throw conflict('busy', 'busy');
      await sleep(RETRY_MS);
    }
  }
  /** A lease name for a citizen's work: the BSN hashed, so the locks table never holds it. */
  const leaseFor = (what: string, bsn: string, key: string) =>
    `${what}:${key}:${createHash('sha256').update(bsn).digest('base64url').slice(0, 22)}`;

  /** The unsent application (see below), or undefined. */
  async function unsentApplication(bsn: string, key: string): Promise<CaseRow | undefined> {
    const def = (await store.processes.latest(key))?.definition as Process | undefined;
    if (!def) return undefined;
    for (const r of await store.cases.activeBySubject(bsn)) {
      if (r.processKey !== key || !r.step || !citizenActs(own(def.steps, r.step))) continue;
      if (!(await auditOf(r)).some((e) => e.type === 'event.received')) return r;
    }
    return undefined;
  }

  return {
    /** Starts a case of a published process for a signed-in citizen. */
    start(key: string, bsn: string, actor = 'citizen'): Promise<CaseRow> {
      return engine.startCase(key, bsn, actor);
    },
    /**
     * Start pressed: continues the citizen's unsent application of this
     * process, else starts one. Two presses at once give one case.
     */
    startOrContinue(key: string, bsn: string, actor = 'citizen'): Promise<CaseRow> {
      return oneAtATime(
        leaseFor('start', bsn, key),
        async () => (await unsentApplication(bsn, key)) ?? (await engine.startCase(key, bsn, actor)),
      );
    },
    /** The definition a case follows (its own version). */
    process: async (row: CaseRow): Promise<Process> => (await engine.loadVersion(row.processKey, row.version)).process,
    /** The answers given so far and not sent. */
    draft: draftOf,
    /** Where the case is for the citizen: the draft steps on the path and the next step to answer. */
    where: async (row: CaseRow, draft?: Draft): Promise<DraftWalk> => walk(row, (draft ?? (await draftOf(row))).steps),
    /** The data known before a step: the case data and the draft's answers before it. */
    async dataBefore(row: CaseRow, step: string, draft?: Draft): Promise<Record<string, unknown>> {
      const steps = (draft ?? (await draftOf(row))).steps;
      const { loaded, snapshot } = await engine.restore(row);
      return dataBefore(loaded.journey, snapshot, steps, step);
    },
    /** The step before this one on the draft (the page's "back"), or undefined at the first. */
    back(draft: Draft, step: string): string | undefined {
      const index = draft.steps.findIndex((s) => s.step === step);
      return (index > 0 ? draft.steps[index - 1] : index < 0 ? draft.steps.at(-1) : undefined)?.step;
    },
    /** Validates a page's answers as the engine will (same field kinds, same messages, today in Dutch time). */
    validate(fields: Field[], raw: Record<string, unknown>, known: Record<string, unknown>, lang: Lang) {
      return validateAnswers(fields, raw, known, { today: todayIn(clock), lang });
    },
    /** Keeps a one-question-per-page step's answers so far; the step stays the one to answer. */
    async savePartial(row: CaseRow, step: string, values: Record<string, unknown>): Promise<void> {
      const steps = replaceStep(await draftOf(row), { step, values, partial: true });
      await store.drafts.put(row.id, { steps }, clock.now().toISOString());
    },
    /**
     * Saves a step's answers: earlier steps stay, this one is replaced, later
     * ones stay while the path still runs through them. Returns the new walk.
     */
    async saveStep(row: CaseRow, step: string, values: Record<string, unknown>): Promise<DraftWalk> {
      const walked = await walk(row, replaceStep(await draftOf(row), { step, values }));
      await store.drafts.put(row.id, { steps: walked.steps }, clock.now().toISOString());
      return walked;
    },
    /**
     * Stores the files answering questions of `values` and names them there
     * (`id`), then runs `then` (which saves the draft): the files and the
     * draft that names them, together or not at all. The bytes are read from
     * disk before the transaction opens, so it is held only for the writes.
     */
    async withFiles<T>(
      row: CaseRow,
      files: Iterable<readonly [string, ReceivedFile]>,
      values: Record<string, unknown>,
      then: () => Promise<T>,
    ): Promise<T> {
      const read: { field: string; file: ReceivedFile; data: Buffer }[] = [];
      for (const [field, file] of files)
        if (field in values) read.push({ field, file, data: await readFile(file.path) });
      return store.transaction(async () => {
        for (const { field, file, data } of read) {
          const id = randomUUID();
          await store.files.put({
            id,
            caseId: row.id,
            field,
            name: file.name,
            type: file.type,
            data,
            at: clock.now().toISOString(),
          });
          values[field] = { ...(values[field] as object), id };
        }
        return then();
      });
    },
    /**
     * Sends the draft: every step's answers to the engine, which validates
     * each again, in one transaction; the files they name are kept from now
     * on and the draft is gone. False when there is nothing to send now; an
     * EngineError when the engine refuses (nothing is changed then).
     */
    async submit(row: CaseRow, lang: Lang, actor = 'citizen'): Promise<boolean> {
      const walked = await walk(row, (await draftOf(row)).steps);
      if (row.status !== 'active' || walked.next || !walked.steps.length) return false;
      await store.transaction(async () => {
        for (const s of walked.steps)
          await engine.send(row.id, { type: 'submit', data: s.values }, { actor, step: s.step, lang });
        await store.files.markSent(row.id, sentFileIds(walked.steps), clock.now().toISOString());
        await store.drafts.delete(row.id);
      });
      return true;
    },
    /** Why a proactive case was offered (its trigger's recorded reason), or null. */
    async offerReason(row: CaseRow, lang: Lang): Promise<string | null> {
      const offered = (await auditOf(row)).find((e) => e.type === 'decision.made' && e.data.step === 'trigger');
      const because = offered?.data.because as Record<string, string> | undefined;
      return because ? (because[lang] ?? because.nl) : null;
    },
    /** The case as the citizen reads it (status, explanations, what comes next). */
    view: async (row: CaseRow, lang: Lang) => caseView(engine, store, row, lang),
    /** Whether the citizen gave feedback on this case already. */
    hasFeedback: (row: CaseRow): Promise<boolean> => store.insights.hasFeedback(row.id),
    /** Keeps a citizen's score (1–5) and comment on an ended or running case, once per case; false when given before. */
    addFeedback(row: CaseRow, score: number, comment: string | null): Promise<boolean> {
      // One at a time per case: two posts at once store one answer.
      return oneAtATime(`feedback:${row.id}`, async () => {
        if (await store.insights.hasFeedback(row.id)) return false;
        await store.insights.addFeedback({
          caseId: row.id,
          key: row.processKey,
          version: row.version,
          step: row.step,
          score,
          comment,
          at: clock.now().toISOString(),
        });
        return true;
      });
    },

    /** A page of the citizen's own cases, and how many there are. */
    /** A page of the citizen's cases; `processKeys`: only of these processes (null: all). */
    casesOf: (bsn: string, limit: number, offset: number, processKeys: string[] | null = null) =>
      store.cases.pageBySubject(bsn, limit, offset, processKeys),
    /** Whether the case has answers kept as a draft, not sent yet. */
    hasDraft: async (row: CaseRow): Promise<boolean> => !!(await store.drafts.get(row.id))?.steps.length,
    /** Whether the case stands at a step where the citizen acts (a form). */
    async citizenActsNow(row: CaseRow): Promise<boolean> {
      const steps = (await engine.loadVersion(row.processKey, row.version)).process.steps;
      return !!row.step && citizenActs(own(steps, row.step));
    },
    /** The published processes a citizen can start, with their definitions. */
    async services(): Promise<{ key: string; def: Process }[]> {
      const found = await Promise.all(
        (await store.processes.list()).map(async (p) => {
          const v = await store.processes.latest(p.key);
          return v ? [{ key: p.key, def: v.definition as Process }] : [];
        }),
      );
      return found.flat();
    },
    /** The latest published definition of a process, or undefined. */
    published: async (key: string): Promise<Process | undefined> =>
      (await store.processes.latest(key))?.definition as Process | undefined,
    /**
     * The citizen's application of this process that was started but never sent (still at a form,
     * nothing received yet): pressing Start again continues it instead of starting a second one.
     */
    unsentApplication,
    /** Whether the case started proactively (a signal or a register scan), so the citizen may opt out of offers. */
    isProactive: async (row: CaseRow): Promise<boolean> => !!(await auditOf(row))[0]?.data.trigger,
    /**
     * Whether the case is a proactive offer (README, *A proactive offer*): `open` while the citizen has not
     * answered it yet (nothing received, still running), `answered` after; null for any other case.
     */
    async offer(row: CaseRow): Promise<'open' | 'answered' | null> {
      const audit = await auditOf(row);
      if ((audit[0]?.data.trigger as { mode?: string } | undefined)?.mode !== 'offer') return null;
      return row.status === 'active' && !audit.some((e) => e.type === 'event.received') ? 'open' : 'answered';
    },
    isOptedOut: (bsn: string, key: string): Promise<boolean> => store.proactive.isOptedOut(bsn, key),
    /** No more proactive offers of this process for this citizen. */
    optOut: async (bsn: string, key: string): Promise<void> => {
      await store.proactive.optOut(bsn, key, clock.now().toISOString());
    },
    /** The citizen asks for a person about the case; an EngineError when the engine refuses. */
    async askPerson(row: CaseRow, values: Record<string, string>, lang: Lang, actor = 'citizen'): Promise<void> {
      await engine.send(row.id, { type: 'person.requested', data: values }, { actor, lang });
    },
    /** The request for a person on this case that is not handled yet (open or claimed), if any. */
    openContact: async (row: CaseRow) =>
      (await store.tasks.list({ caseId: row.id })).find(
        (x) => x.kind === 'contact' && x.status !== 'completed' && x.status !== 'closed',
      ),
    /** A group event (withdraw …) from the citizen: the case moves and a draft it had is gone. */
    async groupEvent(row: CaseRow, type: string, lang: Lang, actor = 'citizen'): Promise<void> {
      await engine.send(row.id, { type }, { actor, lang });
      await store.drafts.delete(row.id);
    },
    /** A process's draft, or one of its versions, checked, for the designer's preview of a step. */
    async previewDefinition(key: string, version?: number) {
      const row = await store.processes.get(key);
      if (!row) return undefined;
      const def =
        (version === undefined ? row.draft : (await store.processes.version(key, version))?.definition) ?? row.draft;
      return checkDefinition(def as Process).process;
    },
  };
}
export type JourneyService = ReturnType<typeof createJourneyService>;

/** The draft with one step's answers replaced (or added at the end). */
function replaceStep(draft: Draft, entry: DraftStep): DraftStep[] {
  const index = draft.steps.findIndex((s) => s.step === entry.step);
  return index < 0 ? [...draft.steps, entry] : [...draft.steps.slice(0, index), entry, ...draft.steps.slice(index + 1)];
}

/** The stored files the answers name (a file answer is `{ id, name, type, size }`). */
function sentFileIds(steps: DraftStep[]): string[] {
  return steps.flatMap((s) =>
    Object.values(s.values).flatMap((v) => {
      const id = v && typeof v === 'object' ? (v as { id?: unknown }).id : undefined;
      return typeof id === 'string' ? [id] : [];
    }),
  );
}
