import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { StringDecoder } from 'node:string_decoder';
import type { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import {
  feelHolds,
  isValidBsn,
  todayIn,
  validateAnswers,
  type FieldErrors,
  type Process,
  type Trigger,
} from '../model/index.js';
import type { LogEntry, ProactiveResult, ScanCounts, Store } from '../store/index.js';
import type { Clock } from './clock.js';
import { fieldsById, renderText } from './effects.js';
import type { Engine } from './engine.js';
import { conflict, invalid, notFound } from './errors.js';

export type RegisterRow = Record<string, unknown>;

/** A register value as data: numbers as numbers, `true`/`false` as booleans, the rest as text. */
function typed(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const s = value.trim();
  if (/^-?\d+(\.\d+)?$/.test(s)) return Number(s);
  if (s === 'true' || s === 'false') return s === 'true';
  return s;
}

/** The largest record (CSV row or JSON line) of a register extract, in bytes. */
export const MAX_RECORD_BYTES = 1024 * 1024;

/** An extract that cannot be read as rows at all (broken CSV structure, a record too large): refused whole. */
export class ExtractError extends Error {
  constructor(
    message: string,
    readonly line?: number,
  ) {
    super(message);
  }
}

/** Lines of a stream, each at most `max` characters (readline would buffer a line of any length). */
async function* boundedLines(input: Readable, max: number): AsyncGenerator<string> {
  // A decoder, not chunk.toString(): a character split over two chunks stays whole ("ë" in a name).
  const decoder = new StringDecoder('utf8');
  let pending = '';
  let line = 0;
  for await (const chunk of input) {
    const lines = (pending + (typeof chunk === 'string' ? chunk : decoder.write(chunk as Buffer))).split('\n');
    pending = lines.pop()!;
    for (const text of lines) {
      line++;
      yield text.endsWith('\r') ? text.slice(0, -1) : text;
    }
    if (pending.length > max) throw new ExtractError(`line ${line + 1} is longer than ${max} bytes`, line + 1);
  }
  pending += decoder.end();
  if (pending) yield pending;
}

/**
 * Rows of a register extract, one at a time: CSV with a header line, or
 * JSON Lines. Memory stays flat. A row that is not an object is yielded as
 * an Error (counted invalid); a broken structure throws ExtractError.
 */
export async function* registerRows(input: Readable, format: 'csv' | 'jsonl'): AsyncGenerator<RegisterRow | Error> {
  if (format === 'csv') {
    const parser = input.pipe(
      parse({
        columns: true,
        skip_empty_lines: true,
        trim: true,
        bom: true,
        relax_column_count: false,
        max_record_size: MAX_RECORD_BYTES,
      }),
    );
    input.on('error', (error) => parser.destroy(error));
    try {
      for await (const record of parser) {
        const row: RegisterRow = Object.create(null);
        for (const [k, v] of Object.entries(record as Record<string, string>)) row[k] = v;
        yield row;
      }
    } catch (error) {
      if (error instanceof ExtractError) throw error;
      const e = error as { message?: string; lines?: number };
      throw new ExtractError(
        `the CSV cannot be read${e.lines ? ` at line ${e.lines}` : ''}: ${e.message ?? String(error)}`,
        e.lines,
      );
    }
    return;
  }
  for await (const line of boundedLines(input, MAX_RECORD_BYTES)) {
    if (!line.trim()) continue;
    try {
      const value = JSON.parse(line);
      yield value && typeof value === 'object' && !Array.isArray(value)
        ? value
        : new Error('a line is not a JSON object');
    } catch {
      yield new Error('a line is not valid JSON');
    }
  }
}

/** Reads a whole extract once without acting on it: throws ExtractError if it cannot be read to its end. */
export async function checkExtract(input: Readable, format: 'csv' | 'jsonl'): Promise<number> {
  let rows = 0;
  for await (const _row of registerRows(input, format)) rows++;
  return rows;
}

type Candidate = { trigger: Trigger; index: number; facts: Record<string, unknown>; errors: FieldErrors };

/**
 * The facts a trigger reads, parsed with their declared field types (only
 * those: other data of the signal does not enter the case). A trigger that
 * declares no facts (published before facts were declared) gets the data as
 * it came; FEEL then compares mismatched types as null, never true.
 */
function factsOf(
  trigger: Trigger,
  data: Record<string, unknown>,
  today: string,
): { facts: Record<string, unknown>; errors: FieldErrors } {
  if (!trigger.facts)
    return { facts: Object.fromEntries(Object.entries(data).map(([k, v]) => [k, typed(v)])), errors: {} };
  const raw: Record<string, unknown> = Object.create(null);
  for (const fact of trigger.facts)
    if (Object.prototype.hasOwnProperty.call(data, fact.id)) raw[fact.id] = data[fact.id];
  const { values, errors } = validateAnswers(trigger.facts, raw, {}, { today, lang: 'en' });
  return { facts: values, errors };
}

/** How far a scan is: rows read (of `total`, when the caller counted them first), eligible, started, time left. */
export type ScanProgress = {
  rows: number;
  total: number | null;
  eligible: number;
  started: number;
  elapsedMs: number;
  /** Estimated from the pace so far (null without a total or before the first rows); 0 when done. */
  leftMs: number | null;
  done: boolean;
};

export type ScanOptions = {
  dryRun: boolean;
  signal?: string;
  /** The extract's number of rows, if known (checkExtract counts them): gives the time left. */
  total?: number;
  /** Called when the scan starts, after every batch of rows and when it is done. */
  onProgress?(progress: ScanProgress): void;
};

/** The progress of a scan from its counts so far and the time it has taken. */
export function scanProgress(
  counts: ScanCounts,
  total: number | undefined,
  elapsedMs: number,
  done: boolean,
): ScanProgress {
  const rows = counts.rows;
  const leftMs = done
    ? 0
    : total !== undefined && rows > 0
      ? Math.max(0, Math.round((elapsedMs / rows) * Math.max(0, total - rows)))
      : null;
  return {
    rows,
    total: total ?? null,
    eligible: counts.eligible,
    started: counts.started,
    elapsedMs,
    leftMs,
    done,
  };
}

/** How long a scan's lease on its process lasts without news from the scan; renewed with every batch of rows. */
export const SCAN_LEASE_MS = 5 * 60 * 1000;
/** Rows per transaction in a scan: each batch is all or nothing, and no transaction spans the file. */
const BATCH = 200;

/** The lease name that keeps a process to one scan at a time, on every node (runtime/store/locks.ts). */
export const scanLock = (key: string) => `scan:${key}`;

export function createProactive({ store, engine, clock }: { store: Store; engine: Engine; clock: Clock }) {
  /** An error of one process's trigger, recorded; the caller goes on with the others. */
  const recordError = async (key: string, subject: string, source: string, scanId: number | null, error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    await store.proactive.logError({
      key,
      subject,
      source,
      scanId,
      message: message.slice(0, 2000),
      at: clock.now().toISOString(),
    });
  };

  const inForce = async (key: string) => {
    const v = await store.processes.inForce(key, todayIn(clock));
    return v ? engine.loadVersion(key, v.version) : undefined;
  };

  /**
   * The first trigger (of those given) whose `when` holds for its facts.
   * An evaluation that fails (a budget, a bad definition) throws: it is an
   * error of this process, never silently "not eligible".
   */
  const matching = (triggers: Candidate[]) =>
    triggers.find(({ trigger, facts }) => !trigger.when || feelHolds(trigger.when, facts));

  /** The process and triggers a scan evaluates, or the refusal (before anything is read). */
  async function scannable(key: string, signal?: string) {
    const loaded = await inForce(key);
    if (!loaded) throw notFound('publishedProcess', { key });
    // The register stands for one signal's facts when named; else every trigger that tests the facts (a `when`).
    const triggers = (loaded.process.triggers ?? [])
      .map((trigger, index) => ({ trigger, index }))
      .filter(({ trigger }) => (signal ? trigger.signal === signal : !!trigger.when));
    if (!triggers.length)
      throw invalid('no-triggers', ['noTriggers', { key, signal, hasSignal: signal ? 'yes' : 'no' }]);
    return { loaded, triggers };
  }

  /** Whether the subject has been served by this process already (an open case, or any case when `onlyOpenCounts` is false). */
  const alreadyServed = async (subject: string, key: string, onlyOpenCounts: boolean) =>
    onlyOpenCounts
      ? (await store.cases.activeBySubject(subject)).some((c) => c.processKey === key)
      : store.proactive.served(subject, key);

  /** Starts the case a trigger that holds asks for; an offer also goes to the citizen's inbox. */
  async function startFor(process: Process, hit: Candidate, subject: string, source: string, actor: string) {
    const data = hit.facts;
    const because = renderText(hit.trigger.because, data, fieldsById(process));
    const caseId = (
      await engine.startCase(process.key, subject, actor, data, {
        via: hit.index,
        trigger: {
          signal: hit.trigger.signal,
          mode: hit.trigger.mode,
          when: hit.trigger.when ?? null,
          because,
          source,
        },
      })
    ).id;
    if (hit.trigger.mode === 'offer') {
      // The citizen hears of the offer in their inbox, with the reason they qualify.
      const title = renderText(process.title, {}, new Map());
      const at = clock.now().toISOString();
      await store.cases.addMessage(
        caseId,
        'trigger',
        { nl: `U kunt dit krijgen: ${title.nl}`, en: `You can get this: ${title.en}` },
        { nl: `${because.nl} Log in en bevestig het aanbod.`, en: `${because.en} Sign in and confirm the offer.` },
        at,
        'offer',
      );
      await store.cases.appendAudit(caseId, at, actor, 'message.queued', {
        step: 'trigger',
        subject: { nl: `U kunt dit krijgen: ${title.nl}` },
      });
    }
    return caseId;
  }

  /**
   * Decides for one subject and process, starts the case unless dry, and
   * logs what came of it. A case is started in its own savepoint with its
   * log entry: one that cannot be started leaves the rest of the caller's
   * transaction as it was (the caller records the error).
   */
  async function serve(
    process: Process,
    triggers: Candidate[],
    subject: string,
    opts: { source: string; scanId: number | null; dryRun: boolean; onlyOpenCounts: boolean; actor: string },
  ): Promise<{ result: ProactiveResult; caseId: string | null }> {
    const log = (result: ProactiveResult, caseId: string | null) =>
      store.proactive.log({
        key: process.key,
        subject,
        source: opts.source,
        scanId: opts.scanId,
        result,
        caseId,
        at: clock.now().toISOString(),
      });
    const hit = matching(triggers);
    let result: ProactiveResult;
    if (!hit) result = 'not-eligible';
    else if (await store.proactive.isOptedOut(subject, process.key)) result = 'opted-out';
    else if (await alreadyServed(subject, process.key, opts.onlyOpenCounts)) result = 'already-served';
    else {
      result = 'started';
      if (!opts.dryRun)
        return store.transaction(async () => {
          const caseId = await startFor(process, hit, subject, opts.source, opts.actor);
          await log('started', caseId);
          return { result: 'started' as const, caseId };
        });
    }
    if (!opts.dryRun) await log(result, null);
    return { result, caseId: null };
  }

  /** Reads the rows and serves each subject, BATCH rows per transaction; the caller holds the process's lease. */
  async function runScan(
    key: string,
    rows: AsyncIterable<RegisterRow | Error>,
    opts: ScanOptions,
    lease?: () => Promise<void>,
  ): Promise<ScanCounts & { scan: number | null }> {
    const { loaded, triggers } = await scannable(key, opts.signal);
    // Progress by the wall clock, not the engine's (a test's fake clock stands still).
    const began = Date.now();
    const progress = (done: boolean) => opts.onProgress?.(scanProgress(counts, opts.total, Date.now() - began, done));
    const counts: ScanCounts = {
      rows: 0,
      invalid: 0,
      eligible: 0,
      started: 0,
      alreadyServed: 0,
      optedOut: 0,
      notEligible: 0,
      errors: 0,
    };
    const scanId = opts.dryRun ? null : await store.proactive.startScan(key, clock.now().toISOString(), false);
    progress(false);
    const seen = new Set<string>();
    const today = todayIn(clock);
    const process = loaded.process;
    let batch: { subject: string; candidates: Candidate[] }[] = [];
    /**
     * Serves a batch as serve() does each subject with onlyOpenCounts false,
     * but with one query for the batch's opt-outs, one for the subjects
     * served already and one insert for the log. The subjects of a batch are
     * distinct (a subject seen before in the file is invalid), so starting
     * one's case never changes what the others find.
     */
    const serveBatch = async (work: typeof batch) => {
      // Evaluated first, in memory; a row whose evaluation fails is an error of that row only.
      const hits: (Candidate | undefined | Error)[] = work.map(({ candidates }) => {
        try {
          return matching(candidates);
        } catch (error) {
          return error instanceof Error ? error : new Error(String(error));
        }
      });
      const eligible = work.filter((_, i) => hits[i] && !(hits[i] instanceof Error)).map((w) => w.subject);
      const optedOut = eligible.length ? await store.proactive.optedOutAmong(key, eligible) : new Set<string>();
      const asked = eligible.filter((subject) => !optedOut.has(subject));
      const served = asked.length ? await store.proactive.servedAmong(key, asked) : new Set<string>();
      const log: LogEntry[] = [];
      for (const [i, { subject }] of work.entries()) {
        const hit = hits[i];
        if (hit instanceof Error) {
          counts.errors++;
          if (!opts.dryRun) await recordError(key, subject, 'scan', scanId, hit);
          continue;
        }
        let result: ProactiveResult;
        let caseId: string | null = null;
        if (!hit) result = 'not-eligible';
        else if (optedOut.has(subject)) result = 'opted-out';
        else if (served.has(subject)) result = 'already-served';
        else {
          result = 'started';
          if (!opts.dryRun)
            try {
              // In its own savepoint: a case that cannot be started leaves the rest of the batch as it was.
              caseId = await store.transaction(() => startFor(process, hit, subject, 'scan', 'system:scan'));
            } catch (error) {
              counts.errors++;
              await recordError(key, subject, 'scan', scanId, error);
              continue;
            }
        }
        if (result !== 'not-eligible') counts.eligible++;
        if (result === 'started') counts.started++;
        else if (result === 'already-served') counts.alreadyServed++;
        else if (result === 'opted-out') counts.optedOut++;
        else counts.notEligible++;
        if (!opts.dryRun)
          log.push({ key, subject, source: 'scan', scanId, result, caseId, at: clock.now().toISOString() });
      }
      // In file order, like the rows: written with the batch's cases, in the batch's transaction.
      await store.proactive.logMany(log);
    };
    const flush = async () => {
      // Commit in batches: one transaction per BATCH rows, all or nothing each; the file is read between them.
      const work = batch;
      batch = [];
      if (!work.length) return;
      // A dry run writes nothing: no transaction to hold.
      if (opts.dryRun) await serveBatch(work);
      else {
        await lease?.();
        await store.transaction(() => serveBatch(work));
      }
      progress(false);
    };
    for await (const row of rows) {
      counts.rows++;
      const subject = row instanceof Error ? '' : String(row.bsn ?? row.subject ?? '').padStart(9, '0');
      if (row instanceof Error || !isValidBsn(subject) || seen.has(subject)) {
        counts.invalid++;
        continue;
      }
      const { bsn: _b, subject: _s, ...data } = row;
      // A row whose declared facts do not parse is invalid: counted, never evaluated.
      const candidates = triggers.map((t) => ({ ...t, ...factsOf(t.trigger, data, today) }));
      if (candidates.some((c) => Object.keys(c.errors).length)) {
        counts.invalid++;
        continue;
      }
      seen.add(subject);
      batch.push({ subject, candidates });
      if (batch.length >= BATCH) await flush();
    }
    await flush();
    if (scanId !== null) await store.proactive.finishScan(scanId, counts);
    progress(true);
    return { ...counts, scan: scanId };
  }

  return {
    /**
     * A fact from outside: moves the subject's cases that wait for it, and
     * starts a case of every process with a trigger on this signal that holds.
     * All or nothing.
     */
    signal(type: string, subject: string, data: Record<string, unknown>, actor: string) {
      return store.transaction(async () => {
        // Facts first: a signal whose declared facts do not parse is refused whole, before anything moves.
        const candidates: { key: string; process: Process; triggers: Candidate[] }[] = [];
        const errors: FieldErrors = Object.create(null);
        const broken: string[] = [];
        const today = todayIn(clock);
        for (const row of await store.processes.list()) {
          let loaded: Awaited<ReturnType<typeof inForce>>;
          try {
            loaded = await inForce(row.key);
          } catch (error) {
            broken.push(row.key);
            await recordError(row.key, subject, `signal:${type}`, null, error);
            continue;
          }
          const triggers = (loaded?.process.triggers ?? [])
            .map((trigger, index) => ({ trigger, index }))
            .filter(({ trigger }) => trigger.signal === type);
          if (!loaded || !triggers.length) continue;
          const parsed = triggers.map((t) => ({ ...t, ...factsOf(t.trigger, data, today) }));
          for (const p of parsed)
            for (const [id, messages] of Object.entries(p.errors))
              errors[id] = [...new Set([...(errors[id] ?? []), ...messages])];
          candidates.push({ key: row.key, process: loaded.process, triggers: parsed });
        }
        if (Object.keys(errors).length) throw invalid('invalid-facts', ['invalidFacts', { type }], errors);
        const { moved } = await engine.signal(type, subject, data, actor);
        const started: { process: string; caseId: string }[] = [];
        const skipped: { process: string; reason: ProactiveResult | 'error' }[] = broken.map((process) => ({
          process,
          reason: 'error' as const,
        }));
        for (const c of candidates) {
          // Each process in its own savepoint: one bad published process never affects another's cases.
          try {
            const { result, caseId } = await store.transaction(() =>
              serve(c.process, c.triggers, subject, {
                source: `signal:${type}`,
                scanId: null,
                dryRun: false,
                onlyOpenCounts: true,
                actor,
              }),
            );
            if (caseId) started.push({ process: c.key, caseId });
            else if (result !== 'not-eligible') skipped.push({ process: c.key, reason: result });
          } catch (error) {
            await recordError(c.key, subject, `signal:${type}`, null, error);
            skipped.push({ process: c.key, reason: 'error' });
          }
        }
        return { moved, started, skipped };
      });
    },

    scannable,

    /**
     * A register extract, row by row (memory flat in the number of rows):
     * every trigger of the process is evaluated for every row; eligible
     * subjects not served yet get a case. A dry run counts the same and
     * starts nothing; a re-run starts nothing twice.
     *
     * One scan of a process at a time, on all nodes together: a real scan
     * holds the lease `scan:<key>` (renewed with every batch, so a node that
     * dies frees it within SCAN_LEASE_MS); a second one started meanwhile is
     * refused with a conflict (`scan-running`) before it reads a row. A dry
     * run writes nothing and needs no lease.
     */
    async scan(
      key: string,
      rows: AsyncIterable<RegisterRow | Error>,
      opts: ScanOptions & { actor: string },
    ): Promise<ScanCounts & { scan: number | null }> {
      if (opts.dryRun) return runScan(key, rows, opts);
      const name = scanLock(key);
      const holder = `${hostname()}/${globalThis.process.pid}/${randomUUID()}`;
      const renew = async () => {
        // A lease lost (this node stalled past it and another took over) stops this scan: never two at once.
        if (!(await store.locks.acquire(name, holder, new Date(), SCAN_LEASE_MS))) throw scanRunning(key);
      };
      const counts = await store.locks.run(name, holder, SCAN_LEASE_MS, () => runScan(key, rows, opts, renew));
      if (!counts) throw scanRunning(key);
      return counts;
    },

    /**
     * Non-take-up per process: eligible in the last scan, reached (a case
     * started), granted, declined, opted out, still open.
     */
    async takeUp(key: string) {
      if (!(await store.processes.get(key))) throw notFound('process', { key });
      const last = await store.proactive.lastScan(key);
      const cases = await store.proactive.startedCases(key);
      const optedOut = await store.proactive.optedOutCount(key);
      const errors = await store.proactive.errors(key, 20);
      return {
        process: key,
        lastScan: last ? { at: last.at, ...last.counts } : null,
        eligible: last?.counts.eligible ?? 0,
        reached: cases.length,
        granted: cases.filter((c) => c.outcome === 'granted').length,
        // Declined: the citizen said no to the offer; other ends (rejected, withdrawn) are counted apart.
        declined: cases.filter((c) => c.outcome === 'declined').length,
        otherOutcomes: cases.filter((c) => c.status === 'ended' && c.outcome !== 'granted' && c.outcome !== 'declined')
          .length,
        optedOut,
        open: cases.filter((c) => c.status === 'active').length,
        // Signals and scan rows this process's triggers failed on (the others went on): the newest, for the team to look into.
        // Without the subject: staff who read figures need not know whom it was about (the table keeps it for an administrator).
        recentErrors: errors.map(({ subject: _s, ...e }) => e),
      };
    },

    async optOut(subject: string, key: string): Promise<void> {
      if (!(await store.processes.latest(key))) throw notFound('process', { key });
      await store.proactive.optOut(subject, key, clock.now().toISOString());
    },
    async optIn(subject: string, key: string): Promise<void> {
      await store.proactive.optIn(subject, key);
    },
  };
}
export type Proactive = ReturnType<typeof createProactive>;

/** Another scan of this process is running (here or on another node). */
const scanRunning = (key: string) => conflict('scan-running', ['scanRunning', { key }]);
