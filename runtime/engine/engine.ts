import { randomBytes, randomUUID } from 'node:crypto';
import {
  askPerson,
  checkAnswers,
  FeelEvaluationError,
  own,
  stepKind,
  isNegativeOutcome,
  isReasonField,
  reasonGiven,
  stepOf,
  taskOf,
  todayIn,
  withAnswers,
  withFeelScope,
  type CaseEvent,
  type FeelFailure,
  type Field,
  type JourneySnapshot,
  type Lang,
  type Move,
  type Step,
} from '../model/index.js';
import { applyWrites, type Write } from '../store/commit.js';
import {
  isDatabaseError,
  isRaceError,
  StaleCaseError,
  type CaseRow,
  type Store,
  type TaskRow,
} from '../store/index.js';
import type { Clock } from './clock.js';
import { ESCALATE, planEffects } from './effects.js';
import { conflict, EngineError, invalid, notFound, type RequestIssue } from './errors.js';
import { ExpressionFailedError, failureAudit } from './evaluation.js';
import { versionCache, type LoadedVersion } from './versions.js';
import { expectedAfterLate, extendedText, lateText } from './waiting.js';
import { dueDate } from './deadlines.js';

type Snapshot = JourneySnapshot;
export type SendOptions = { actor: string; expectedRev?: number; lang?: Lang; step?: string };

export { stepOf };

const REF_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
function newReference(): string {
  const bytes = randomBytes(8);
  const chars = [...bytes].map((b) => REF_ALPHABET[b % REF_ALPHABET.length]).join('');
  return `OMS-${chars.slice(0, 4)}-${chars.slice(4)}`;
}

/**
 * Durable execution of cases. Cases are not live actors: each event reads
 * the persisted snapshot (and the task, the version), the pure core computes
 * the move with the version's journey simulator (runtime/model/journey:
 * XState's pure transition(), nothing stored) and the list of writes it
 * causes (runtime/engine/effects.ts), and the store applies those in one
 * transaction, guarded by the case revision (runtime/store/commit.ts).
 */
export function createEngine({ store, clock }: { store: Store; clock: Clock }) {
  const loadVersion = versionCache(store);

  const restoreWith = (loaded: LoadedVersion, row: CaseRow): Snapshot =>
    loaded.journey.restore(row.snapshot as { value: unknown; context: unknown });

  async function restore(row: CaseRow): Promise<{ loaded: LoadedVersion; snapshot: Snapshot }> {
    const loaded = await loadVersion(row.processKey, row.version);
    return { loaded, snapshot: restoreWith(loaded, row) };
  }

  const auditWrite = (caseId: string, at: Date | string, actor: string, type: string, data: Record<string, unknown>) =>
    ({ op: 'audit', caseId, at: typeof at === 'string' ? at : at.toISOString(), actor, type, data }) satisfies Write;

  /** The writes of a move: what its actions record (runtime/model/journey), then the case's new state. Pure. */
  function moveWrites(
    row: CaseRow,
    loaded: LoadedVersion,
    move: Pick<Move, 'snapshot' | 'actions'>,
    actor: string,
    at: Date,
  ): Write[] {
    const { journey } = loaded;
    const scope = { process: loaded.process, caseId: row.id, version: row.version, at, actor };
    const writes = planEffects(scope, journey.records(move.actions));
    const step = journey.stepAt(move.snapshot);
    const outcome = journey.outcomeAt(step);
    const ended = outcome !== undefined;
    if (ended && row.status !== 'ended')
      writes.push(auditWrite(row.id, at, actor, 'case.ended', { outcome, step }), {
        // The decision letter is owed from this commit on: a crash before it is rendered loses nothing.
        op: 'letter.pending',
        caseId: row.id,
        at: at.toISOString(),
      });
    writes.push({
      op: 'case.updated',
      id: row.id,
      rev: row.rev,
      status: ended ? 'ended' : 'active',
      step,
      outcome: outcome ?? null,
      snapshot: journey.persistable(move.snapshot),
      at: at.toISOString(),
    });
    return writes;
  }

  /** Applies a move's writes (in the caller's transaction) and reads the case as it now is. */
  async function commit(caseId: string, writes: Write[]): Promise<CaseRow> {
    await applyWrites(store, writes);
    return (await store.cases.get(caseId))!;
  }

  /**
   * The writes of one event on a case; throws if it is not allowed now. Its
   * expressions share one budget (feelLimits.event); one that cannot be
   * evaluated never decides (runtime/engine/evaluation.ts). Pure.
   */
  function dispatch(
    row: CaseRow,
    loaded: LoadedVersion,
    snapshot: Snapshot,
    event: CaseEvent,
    actor: string,
    auditData?: Record<string, unknown>,
  ): Write[] {
    // can() evaluates guards too: if one fails there, let the transition below meet (and record) it.
    const allowed = loaded.journey.can(snapshot, event);
    if (!allowed.value && !allowed.failure)
      throw conflict('event-not-allowed', ['eventNotAllowed', { event: event.type, step: row.step }], {
        step: row.step,
      });
    const at = clock.now();
    const move = loaded.journey.next(snapshot, event);
    const { failure } = move;
    if (move.discard) return failed(row, loaded, snapshot, event, failure!, actor, at, auditData, true);
    const writes: Write[] = [
      auditWrite(row.id, at, actor, 'event.received', { type: event.type, ...(auditData ?? {}) }),
    ];
    if (failure) {
      const route = loaded.journey.stepAt(move.snapshot);
      writes.push(
        auditWrite(row.id, at, actor, 'expression.failed', { ...failureAudit(failure, event.type, row.step), route }),
      );
    }
    return [...writes, ...moveWrites(row, loaded, move, actor, at)];
  }

  /**
   * An event whose expression could not be evaluated and that no failure
   * route took: recorded, not applied, and handed to a person (or, for an
   * official's outcome, refused). `keep`: the event's answers were validated
   * and are kept, so the person sees them. Pure.
   */
  function failed(
    row: CaseRow,
    loaded: LoadedVersion,
    snapshot: Snapshot,
    event: CaseEvent,
    failure: FeelFailure,
    actor: string,
    at: Date,
    auditData: Record<string, unknown> | undefined,
    keep: boolean,
  ): Write[] {
    const audit = failureAudit(failure, event.type, row.step);
    if (event.type === 'task.completed') throw new ExpressionFailedError(row.id, audit);
    const writes: Write[] = [
      auditWrite(row.id, at, actor, 'event.received', { type: event.type, ...(auditData ?? {}) }),
      auditWrite(row.id, at, actor, 'expression.failed', audit),
    ];
    const base = keep ? withAnswers(loaded.journey, snapshot, event) : snapshot;
    const asked = askPerson(loaded.journey, base, audit);
    if (asked) return [...writes, ...moveWrites(row, loaded, asked, 'system:evaluation', at)];
    return [...writes, ...moveWrites(row, loaded, { snapshot: base, actions: [] }, actor, at)];
  }

  /** Runs `fn` (a transaction); an expression failure it refused is recorded on the case after the rollback. */
  async function recordingRefusal<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (error) {
      if (error instanceof ExpressionFailedError && error.caseId) {
        const caseId = error.caseId;
        await store.transaction(() =>
          store.cases.appendAudit(caseId, clock.now().toISOString(), 'system:evaluation', 'expression.failed', {
            ...error.audit,
            refused: true,
          }),
        );
      }
      throw error;
    }
  }

  async function getCase(id: string): Promise<CaseRow> {
    const row = await store.cases.get(id);
    if (!row) throw notFound('case');
    return row;
  }

  function checkRev(row: CaseRow, expectedRev: number | undefined) {
    if (expectedRev !== undefined && expectedRev !== row.rev) {
      throw conflict('stale-case', ['staleCase', { expected: expectedRev, rev: row.rev }], { rev: row.rev });
    }
  }

  /** Validates answers to fields against the case data, or throws 'invalid' with field errors. */
  function validated(fields: Field[], raw: unknown, known: Record<string, unknown>, lang: Lang) {
    if (raw !== undefined && (raw === null || typeof raw !== 'object' || Array.isArray(raw))) {
      throw invalid('invalid-answers', 'answersNotObject');
    }
    const result = checkAnswers(fields, (raw ?? {}) as Record<string, unknown>, known, { today: todayIn(clock) });
    // Issues stay codes here; the API renders them in the reader's language.
    if (Object.keys(result.issues).length)
      throw invalid('invalid-answers', 'answersNeedCorrecting', undefined, result.issues, lang);
    return result;
  }

  /** An overdue task: flagged, and moved to the escalation team when the process names one. */
  async function escalate(taskId: string) {
    const task = await store.tasks.get(taskId);
    if (!task || task.status === 'completed' || task.status === 'closed' || task.escalatedAt) return;
    const step = (await loadVersion(task.processKey, task.version)).process.steps[task.step];
    const team = taskOf(step)?.escalateTo ?? null;
    const at = clock.now().toISOString();
    await store.tasks.escalate(task.id, at, team);
    await store.cases.appendAudit(task.caseId, at, 'system:timer', 'task.escalated', {
      task: task.id,
      dueAt: task.dueAt,
      ...(team ? { team } : {}),
    });
    // In the same transaction: the escalation never exists without the citizen's late notice, nor twice.
    await tellLate(task);
  }

  /**
   * Tells the citizen that a task's deadline passed, once per deadline (the
   * column guard `late_notified_at`): the new expected date, and that they
   * can ask a person. An inbox message with its 'late' notice and an audit
   * entry, in the caller's transaction.
   */
  async function tellLate(task: TaskRow): Promise<boolean> {
    if (!task.dueAt || task.kind !== 'handoff') return false;
    const { process } = await loadVersion(task.processKey, task.version);
    const now = clock.now();
    const at = now.toISOString();
    const expectedAt = expectedAfterLate(task.dueAt, taskOf(process.steps[task.step])?.due, now).toISOString();
    if (!(await store.tasks.markLate(task.id, at, expectedAt))) return false;
    const { subject, body } = lateText(process, task, expectedAt);
    await store.cases.addMessage(task.caseId, task.step, subject, body, at, 'late');
    await store.cases.appendAudit(task.caseId, at, 'system:timer', 'task.late', {
      task: task.id,
      dueAt: task.dueAt,
      expectedAt,
    });
    return true;
  }

  /** Closes a task with its outcome and moves the case: the shared end of complete and approve. */
  async function finish(
    taskId: string,
    outcome: string,
    values: Record<string, unknown>,
    cleared: string[],
    message: string | null,
    actor: string,
    assignee: number,
  ): Promise<CaseRow> {
    const task = (await store.tasks.get(taskId))!;
    const row = await getCase(task.caseId);
    const { loaded, snapshot } = await restore(row);
    const at = clock.now().toISOString();
    if (!(await store.tasks.update(task.id, task.rev, { status: 'completed', outcome, assignee, closedAt: at })))
      throw conflict('stale-task', 'staleTask');
    // The official's reason, as the citizen reads it under "why" (a refusal cannot be without one, see
    // completeTask): the outcome's free-text answer, or else the official's message to the citizen.
    const chosen = taskOf(loaded.process.steps[task.step])?.outcomes.find((o) => o.id === outcome);
    const reason = chosen ? (reasonGiven(chosen.fields ?? [], values) ?? (message || undefined)) : undefined;
    const writes: Write[] = [
      { op: 'timer.cleared', caseId: row.id, timer: `${ESCALATE}${task.id}` },
      auditWrite(row.id, at, actor, 'task.completed', {
        task: task.id,
        step: task.step,
        outcome,
        answers: values,
        ...(message ? { message } : {}),
        ...(reason ? { reason } : {}),
      }),
    ];
    if (message) {
      const subject = { nl: 'Bericht van een medewerker', en: 'Message from an official' };
      writes.push(
        {
          op: 'message.queued',
          caseId: row.id,
          step: task.step,
          subject,
          body: { nl: message, en: message },
          at,
          kind: 'official-message',
        },
        auditWrite(row.id, at, actor, 'message.queued', { step: task.step, subject }),
      );
    }
    const event: CaseEvent = { type: 'task.completed', step: task.step, outcome, data: values, cleared };
    writes.push(...dispatch(row, loaded, snapshot, event, actor));
    return commit(row.id, writes);
  }

  /** A task by id, or 404. */
  async function taskOrThrow(taskId: string): Promise<TaskRow> {
    const task = await store.tasks.get(taskId);
    if (!task) throw notFound('task');
    return task;
  }

  return {
    store,
    clock,
    loadVersion,
    restore,
    getCase,

    /**
     * Starts a case for a subject (BSN) on the version in force on the
     * reference date (default: today, Dutch time), with facts already known.
     */
    startCase(
      key: string,
      subject: string,
      actor: string,
      data: Record<string, unknown> = {},
      opts: { referenceDate?: string; via?: number; trigger?: Record<string, unknown> } = {},
    ): Promise<CaseRow> {
      return store.transaction(async () => {
        const referenceDate = opts.referenceDate ?? todayIn(clock);
        const version = await store.processes.inForceVersion(key, referenceDate);
        // Only the number (the version itself is cached); whether anything is published at all only when none is in force.
        if (version === undefined) {
          if (!(await store.processes.latest(key))) throw notFound('publishedProcess', { key });
          throw conflict('not-in-force', ['notInForce', { key, date: referenceDate }]);
        }
        const loaded = await loadVersion(key, version);
        const at = clock.now();
        const move = loaded.journey.start({ data, via: opts.via });
        const { snapshot, failure } = move;
        if (move.discard) throw new ExpressionFailedError(null, failureAudit(failure!, 'case.started', null));
        let reference = newReference();
        while (await store.cases.referenceExists(reference)) reference = newReference();
        const id = randomUUID();
        const inserted = {
          id,
          reference,
          processKey: key,
          version,
          subject,
          status: 'active' as const,
          step: stepOf(snapshot.value),
          outcome: null,
          snapshot: { value: snapshot.value, context: snapshot.context },
          createdAt: at.toISOString(),
        };
        await store.cases.insert(inserted);
        // As the store has it now (a new case is at revision 1): the move below is guarded by that revision.
        const row: CaseRow = { ...inserted, rev: 1, updatedAt: inserted.createdAt, endedAt: null };
        const writes: Write[] = [
          auditWrite(id, at, actor, 'case.started', {
            process: key,
            version,
            reference,
            referenceDate,
            ...(Object.keys(data).length ? { facts: data } : {}),
            ...(opts.trigger ? { trigger: opts.trigger } : {}),
          }),
        ];
        if (opts.trigger?.because)
          writes.push(
            auditWrite(id, at, actor, 'decision.made', {
              step: 'trigger',
              rule: opts.via ?? 0,
              when: opts.trigger.when ?? null,
              inputs: data,
              because: opts.trigger.because,
            }),
          );
        if (failure)
          writes.push(
            auditWrite(id, at, actor, 'expression.failed', {
              ...failureAudit(failure, 'case.started', null),
              route: stepOf(snapshot.value),
            }),
          );
        return commit(id, [...writes, ...moveWrites(row, loaded, move, actor, at)]);
      });
    },

    /**
     * A citizen's event: `submit` (answers to the current form step), a
     * group event (withdraw …) or `person.requested`. Answers are validated
     * by the step's field kinds first.
     */
    send(caseId: string, event: { type: string; data?: unknown }, opts: SendOptions): Promise<CaseRow> {
      return store.transaction(async () => {
        const row = await getCase(caseId);
        checkRev(row, opts.expectedRev);
        if (opts.step && opts.step !== row.step)
          throw conflict('step-mismatch', ['stepMismatch', { step: row.step, expected: opts.step }], {
            step: row.step,
          });
        const { loaded, snapshot } = await restore(row);
        // One budget for the event: checking the answers (showIf) and the transition; the pure core runs inside it.
        const writes = withFeelScope((): Write[] => {
          if (event.type === 'submit') {
            const step: Step | undefined = own(loaded.process.steps, row.step);
            if (!step || !stepKind(step.kind).citizenActs)
              throw conflict('event-not-allowed', ['nothingToSubmit', { step: row.step }], { step: row.step });
            let answers: ReturnType<typeof validated>;
            try {
              answers = validated(
                stepKind(step.kind).fields(step),
                event.data,
                snapshot.context.data,
                opts.lang ?? 'nl',
              );
            } catch (error) {
              if (!(error instanceof FeelEvaluationError)) throw error;
              // A field's showIf could not be evaluated: which answers apply is unknown, so none is taken.
              return failed(
                row,
                loaded,
                snapshot,
                { type: 'submit' },
                { error, step: row.step ?? undefined, handled: false, tainted: false },
                opts.actor,
                clock.now(),
                { step: row.step },
                false,
              );
            }
            const { values, cleared } = answers;
            return dispatch(row, loaded, snapshot, { type: 'submit', data: values, cleared }, opts.actor, {
              step: row.step,
              answers: values,
              cleared,
              // The language the citizen answered in: their decision letter is written in it (runtime/letters).
              ...(opts.lang ? { lang: opts.lang } : {}),
            });
          }
          if (event.type === 'person.requested') {
            const request = personRequest(event.data);
            return dispatch(row, loaded, snapshot, { type: 'person.requested', data: request }, opts.actor, {
              request,
            });
          }
          if (!/^[a-z][a-z0-9-]*$/.test(event.type))
            throw conflict('event-not-allowed', ['notACitizenEvent', { event: event.type }]);
          return dispatch(row, loaded, snapshot, { type: event.type }, opts.actor);
        }).value;
        return commit(row.id, writes);
      });
    },

    /**
     * Completes a task with an outcome: validates the outcome's fields (a
     * negative outcome's reason among them), closes the task, moves the case.
     * An outcome under four-eyes becomes a proposal instead, for a second
     * official of the team to approve. `message` is queued for the citizen.
     */
    completeTask(
      taskId: string,
      outcome: string,
      data: unknown,
      opts: { actor: string; userId: number; userName?: string; expectedRev?: number; lang?: Lang; message?: string },
    ): Promise<CaseRow> {
      return recordingRefusal(() =>
        store.transaction(async () => {
          const task = await taskOrThrow(taskId);
          if (opts.expectedRev !== undefined && opts.expectedRev !== task.rev) {
            throw conflict(
              'stale-task',
              ['staleTaskSinceRead', { holder: task.assigneeName, hasHolder: task.assigneeName ? 'yes' : 'no' }],
              { rev: task.rev },
            );
          }
          if (task.status === 'completed' || task.status === 'closed') throw conflict('task-closed', 'taskClosed');
          if (task.status === 'claimed' && task.assignee !== opts.userId) {
            throw conflict('task-claimed', ['taskClaimed', { assignee: task.assigneeName }], {
              assignee: task.assigneeName,
            });
          }
          if (task.proposal)
            throw conflict('awaiting-approval', ['proposalWaits', { name: task.proposal.proposedByName }]);
          const row = await getCase(task.caseId);
          const { loaded, snapshot } = await restore(row);
          const message = citizenMessage(opts.message);
          let values: Record<string, unknown> = {};
          let cleared: string[] = [];
          if (task.kind === 'handoff') {
            const step = loaded.process.steps[task.step];
            const options = taskOf(step)?.outcomes ?? [];
            const chosen = options.find((o) => o.id === outcome);
            if (!chosen)
              throw invalid(
                'unknown-outcome',
                ['unknownOutcome', { options: options.map((o) => o.id).join(', ') }],
                undefined,
                { outcome: { code: 'chooseOneOf', params: { options: options.map((o) => o.id).join(', ') } } },
              );
            try {
              ({ values, cleared } = validated(chosen.fields ?? [], data, snapshot.context.data, opts.lang ?? 'nl'));
            } catch (error) {
              if (error instanceof FeelEvaluationError)
                throw new ExpressionFailedError(
                  row.id,
                  failureAudit({ error, step: task.step, handled: false, tainted: false }, 'task.completed', row.step),
                );
              throw error;
            }
            // A refusal needs a reason the citizen reads, decided here from where the outcome leads, so a version
            // published before P023 knew this cannot skip it either: its reason field, or else the message.
            if (isNegativeOutcome(loaded.process, chosen) && !reasonGiven(chosen.fields ?? [], values) && !message) {
              const reasonField = (chosen.fields ?? []).find(isReasonField)?.id ?? 'message';
              throw invalid('reason-required', 'reasonRequired', undefined, { [reasonField]: { code: 'writeReason' } });
            }
            if (chosen.fourEyes) {
              const at = clock.now().toISOString();
              const proposal = {
                outcome,
                data: values,
                message,
                proposedBy: opts.userId,
                proposedByName: opts.userName ?? opts.actor,
                proposedAt: at,
              };
              if (!(await store.tasks.setProposal(task.id, task.rev, proposal)))
                throw conflict('stale-task', 'staleTask');
              if (task.status === 'open')
                await store.tasks.update(task.id, task.rev + 1, { status: 'claimed', assignee: opts.userId });
              await store.cases.appendAudit(row.id, at, opts.actor, 'outcome.proposed', {
                task: task.id,
                step: task.step,
                outcome,
                answers: values,
              });
              return (await store.cases.get(row.id))!;
            }
          } else {
            if (outcome !== 'answered')
              throw invalid('unknown-outcome', 'contactOutcome', undefined, { outcome: { code: 'useAnswered' } });
            const note = (data as { note?: unknown } | undefined)?.note;
            if (note !== undefined && (typeof note !== 'string' || note.length > 5000))
              throw invalid('invalid-answers', 'noteNotText', undefined, {
                note: { code: 'too-long', params: { max: 5000 } },
              });
            if (typeof note === 'string')
              await store.cases.appendAudit(row.id, clock.now().toISOString(), opts.actor, 'contact.answered', {
                task: task.id,
                note,
              });
          }
          return finish(task.id, outcome, values, cleared, message, opts.actor, opts.userId);
        }),
      );
    },

    /** A second official of the team approves a proposed outcome; it then takes effect. */
    approveProposal(taskId: string, user: { id: number; name: string }): Promise<CaseRow> {
      return recordingRefusal(() =>
        store.transaction(async () => {
          const task = await taskOrThrow(taskId);
          if (!task.proposal) throw conflict('no-proposal', 'noProposalToApprove');
          if (task.proposal.proposedBy === user.id) throw conflict('four-eyes', 'fourEyesOwn');
          const p = task.proposal;
          await store.tasks.setProposal(task.id, task.rev, null);
          await store.cases.appendAudit(
            task.caseId,
            clock.now().toISOString(),
            `user:${user.name}`,
            'outcome.approved',
            { task: task.id, outcome: p.outcome, proposedBy: p.proposedByName },
          );
          return finish(task.id, p.outcome, p.data, [], p.message, `user:${user.name}`, p.proposedBy);
        }),
      );
    },

    /** A second official sends a proposal back; the task stays with the proposer. */
    rejectProposal(taskId: string, user: { id: number; name: string }, note?: string): Promise<TaskRow> {
      return store.transaction(async () => {
        const task = await taskOrThrow(taskId);
        if (!task.proposal) throw conflict('no-proposal', 'noProposal');
        if (task.proposal.proposedBy === user.id) throw conflict('four-eyes', 'fourEyesOther');
        await store.tasks.setProposal(task.id, task.rev, null);
        await store.cases.appendAudit(task.caseId, clock.now().toISOString(), `user:${user.name}`, 'outcome.rejected', {
          task: task.id,
          outcome: task.proposal.outcome,
          note: note?.slice(0, 2000) ?? null,
        });
        return (await store.tasks.get(taskId))!;
      });
    },

    /** Hands a task to a member of its team, or moves it to another team's queue. */
    assignTask(
      taskId: string,
      to: { userId?: number; userName?: string; team?: string },
      actor: string,
      expectedRev?: number,
    ): Promise<TaskRow> {
      return store.transaction(async () => {
        const task = await taskOrThrow(taskId);
        if (task.status === 'completed' || task.status === 'closed') throw conflict('task-closed', 'taskClosed');
        if (task.proposal) throw conflict('awaiting-approval', 'decideOnProposal');
        if (
          (expectedRev !== undefined && expectedRev !== task.rev) ||
          !(await store.tasks.assign(
            task.id,
            task.rev,
            to.userId !== undefined ? { assignee: to.userId } : { team: to.team },
          ))
        ) {
          throw conflict('stale-task', ['staleTaskSinceRead', { hasHolder: 'no' }]);
        }
        await store.cases.appendAudit(task.caseId, clock.now().toISOString(), actor, 'task.assigned', {
          task: task.id,
          ...(to.userName ? { to: to.userName } : { team: to.team }),
        });
        return (await store.tasks.get(taskId))!;
      });
    },

    /** Claims a task for a user; a task someone else holds is refused, naming who. */
    claimTask(taskId: string, user: { id: number; name: string }, expectedRev?: number): Promise<TaskRow> {
      return store.transaction(async () => {
        const task = await taskOrThrow(taskId);
        if (task.status === 'completed' || task.status === 'closed') throw conflict('task-closed', 'taskClosed');
        if (task.status === 'claimed') {
          if (task.assignee === user.id) return task;
          throw conflict('task-claimed', ['taskAlreadyClaimed', { assignee: task.assigneeName }], {
            assignee: task.assigneeName,
          });
        }
        if (
          (expectedRev !== undefined && expectedRev !== task.rev) ||
          !(await store.tasks.update(task.id, task.rev, { status: 'claimed', assignee: user.id }))
        ) {
          throw conflict('stale-task', ['staleTaskSinceRead', { hasHolder: 'no' }]);
        }
        await store.cases.appendAudit(task.caseId, clock.now().toISOString(), `user:${user.name}`, 'task.claimed', {
          task: task.id,
          by: user.name,
        });
        return (await store.tasks.get(taskId))!;
      });
    },

    releaseTask(taskId: string, user: { id: number; name: string; role: string }): Promise<TaskRow> {
      return store.transaction(async () => {
        const task = await taskOrThrow(taskId);
        if (task.status !== 'claimed') throw conflict('task-not-claimed', 'taskNotClaimed');
        if (task.assignee !== user.id && user.role !== 'admin')
          throw conflict('task-claimed', ['onlyHolderReleases', { assignee: task.assigneeName }], {
            assignee: task.assigneeName,
          });
        await store.tasks.update(task.id, task.rev, { status: 'open', assignee: null });
        await store.cases.appendAudit(task.caseId, clock.now().toISOString(), `user:${user.name}`, 'task.released', {
          task: task.id,
          by: user.name,
        });
        return (await store.tasks.get(taskId))!;
      });
    },

    /**
     * A fact from outside about a subject: moves each of the subject's
     * active cases that waits for this signal now. All cases or none.
     */
    signal(type: string, subject: string, data: unknown, actor: string): Promise<{ moved: string[] }> {
      return store.transaction(async () => {
        const moved: string[] = [];
        for (const row of await store.cases.activeBySubject(subject)) {
          const { loaded, snapshot } = await restore(row);
          const event = { type: `signal.${type}` };
          // can() evaluates guards: one that fails there is met (and recorded) by dispatch below, never thrown out of the whole signal.
          const allowed = loaded.journey.can(snapshot, event);
          if (!allowed.value && !allowed.failure) continue;
          const step = own(loaded.process.steps, row.step);
          let values: Record<string, unknown>;
          try {
            ({ values } = validated(
              step ? stepKind(step.kind).fields(step) : [],
              data ?? {},
              snapshot.context.data,
              'en',
            ));
          } catch (error) {
            if (!(error instanceof FeelEvaluationError)) throw error;
            // A showIf of the waiting step could not be evaluated: this case goes to a person, the others move on.
            const writes = failed(
              row,
              loaded,
              snapshot,
              event,
              { error, step: row.step ?? undefined, handled: false, tainted: false },
              actor,
              clock.now(),
              { signal: type },
              false,
            );
            await commit(row.id, writes);
            continue;
          }
          try {
            // A savepoint per case: a failure inside one case is recorded there and never stops the signal for others.
            await store.transaction(() =>
              commit(
                row.id,
                dispatch(row, loaded, snapshot, { type: event.type, data: values }, actor, {
                  signal: type,
                  facts: values,
                }),
              ),
            );
            moved.push(row.id);
          } catch (error) {
            // A refusal, or the database failing (SQLite or PostgreSQL), undoes the whole signal; a fault of this case's process is recorded on the case.
            if (error instanceof EngineError || isDatabaseError(error) || error instanceof StaleCaseError) throw error;
            await store.cases.appendAudit(row.id, clock.now().toISOString(), actor, 'error', {
              signal: type,
              message: String((error as Error).message).slice(0, 2000),
            });
          }
        }
        return { moved };
      });
    },

    /**
     * Tells citizens of handoffs whose deadline passed without an escalation
     * timer (or before it fired) that they are late; each once, each in its
     * own transaction. The number told.
     */
    async tellLateTasks(limit = 100): Promise<number> {
      let told = 0;
      for (const task of await store.tasks.lateUntold(clock.now().toISOString(), limit)) {
        try {
          if (await store.transaction(() => tellLate(task))) told++;
        } catch (error) {
          if (!isRaceError(error)) throw error;
        }
      }
      return told;
    },

    /**
     * Extends a task's deadline once (Awb: one extension, with notice), to a
     * date or by a number of days from the current deadline, with a reason
     * the citizen reads. The new deadline, its escalation timer, an audit
     * entry and the citizen's 'extended' message: one transaction.
     */
    extendTask(
      taskId: string,
      by: { until?: string; days?: number },
      reason: string,
      actor: string,
      expectedRev?: number,
    ): Promise<TaskRow> {
      return store.transaction(async () => {
        const task = await taskOrThrow(taskId);
        if (task.status === 'completed' || task.status === 'closed') throw conflict('task-closed', 'taskClosed');
        if (task.kind !== 'handoff' || !task.dueAt) throw conflict('no-deadline', 'noDeadline');
        if (task.extendedAt) throw conflict('already-extended', ['alreadyExtended', { date: task.extendedAt }]);
        const now = clock.now();
        const from = new Date(task.dueAt);
        const until = by.until
          ? new Date(by.until)
          : dueDate(from.getTime() > now.getTime() ? from : now, `P${by.days}D`);
        if (until.getTime() <= Math.max(from.getTime(), now.getTime()))
          throw invalid('invalid-extension', 'extensionNotLater', undefined, { until: { code: 'laterThanDeadline' } });
        const dueAt = until.toISOString();
        const at = now.toISOString();
        if (
          (expectedRev !== undefined && expectedRev !== task.rev) ||
          !(await store.tasks.extend(task.id, task.rev, { dueAt, reason, by: actor, at }))
        )
          throw conflict('stale-task', ['staleTaskSinceRead', { hasHolder: 'no' }]);
        // A pending escalation moves with the deadline; one that already happened stays.
        const timer = `${ESCALATE}${task.id}`;
        const pending = (await store.tasks.timersOf(task.caseId)).some((x) => x.timer === timer && !x.firedAt);
        if (pending) {
          await store.tasks.clearTimer(task.caseId, timer);
          await store.tasks.setTimer(task.caseId, timer, dueAt);
        }
        const { process } = await loadVersion(task.processKey, task.version);
        const { subject, body } = extendedText(process, task, dueAt, reason);
        await store.cases.addMessage(task.caseId, task.step, subject, body, at, 'extended');
        await store.cases.appendAudit(task.caseId, at, actor, 'task.extended', {
          task: task.id,
          from: task.dueAt,
          to: dueAt,
          reason,
        });
        return (await store.tasks.get(taskId))!;
      });
    },

    /**
     * Fires the timers that are due, each through the ordinary event path,
     * each exactly once. This node (`node`) claims a batch with a lease of
     * `leaseMs`: other nodes skip claimed timers until the lease expires.
     * Each timer fires in its own transaction whose guard is `markFired`, so
     * a timer whose lease expired and that another node took over still
     * fires once.
     */
    async fireDueTimers(node = 'local', leaseMs = 30_000): Promise<number> {
      let fired = 0;
      for (const timer of await store.tasks.claimDue(node, clock.now().toISOString(), leaseMs)) {
        try {
          await store.transaction(async () => {
            if (!(await store.tasks.markFired(timer.id, clock.now().toISOString()))) return;
            if (timer.timer.startsWith(ESCALATE)) {
              await escalate(timer.timer.slice(ESCALATE.length));
              fired++;
              return;
            }
            const row = await store.cases.get(timer.caseId);
            if (!row || row.status !== 'active') return;
            const event = { type: 'timer.fired', timer: timer.timer };
            const { loaded, snapshot } = await restore(row);
            if (!snapshot.can(event as never)) return;
            await commit(row.id, dispatch(row, loaded, snapshot, event, 'system:timer', { timer: timer.timer }));
            fired++;
          });
        } catch (error) {
          // A busy database or a lost race is passing: leave the timer for the next tick (its lease runs out).
          if (isRaceError(error)) continue;
          // A failure inside a case becomes a recorded event; the timer is not retried forever.
          await store.transaction(async () => {
            if (!(await store.tasks.markFired(timer.id, clock.now().toISOString()))) return;
            await store.cases.appendAudit(timer.caseId, clock.now().toISOString(), 'system:timer', 'error', {
              timer: timer.timer,
              message: String((error as Error).message),
            });
          });
        }
      }
      return fired;
    },
  };
}
export type Engine = ReturnType<typeof createEngine>;

/** A message to the citizen from an official: plain text, at most 5000 characters. */
function citizenMessage(raw: unknown): string | null {
  if (raw === undefined || raw === null || (typeof raw === 'string' && !raw.trim())) return null;
  if (typeof raw !== 'string' || raw.length > 5000)
    throw invalid('invalid-answers', ['citizenMessageTooLong', { max: 5000 }], undefined, {
      message: { code: 'too-long', params: { max: 5000 } },
    });
  return raw.trim();
}

/** A phone number, loosely: digits, spaces, +, - (a + only in front), 10 to 15 digits. */
export function looksLikePhone(value: string): boolean {
  const digits = value.replace(/\D/g, '').length;
  return /^\+?[\d\s-]+$/.test(value) && digits >= 10 && digits <= 15;
}

/** An email address, pragmatically (as the notices page checks it). */
export function looksLikeEmail(value: string): boolean {
  return value.length <= 254 && /^[^\s@<>"(),;:]+@[^\s@<>"(),;:]+\.[^\s@<>"(),;:]{2,}$/.test(value);
}

/** What a citizen asks a person: a question and how to reach them. */
function personRequest(raw: unknown): Record<string, unknown> {
  const data = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const issues: Record<string, RequestIssue> = {};
  const question = typeof data.question === 'string' ? data.question.trim() : '';
  if (question.length > 2000) issues.question = { code: 'too-long', params: { max: 2000 } };
  const channel = data.channel ?? 'phone';
  if (!['phone', 'email', 'visit'].includes(String(channel))) issues.channel = { code: 'channel' };
  const reach = typeof data.reach === 'string' ? data.reach.trim().slice(0, 200) : '';
  // How to reach the citizen, when given, must fit the chosen way (the pages also ask for it: routes/case.ts).
  if (reach && channel === 'phone' && !looksLikePhone(reach)) issues.reach = { code: 'invalid-phone' };
  if (reach && channel === 'email' && !looksLikeEmail(reach)) issues.reach = { code: 'invalid-email' };
  // An objection (bezwaar) to a decision is a request for a person too: it becomes a task for the contact team.
  const kind = data.kind ?? 'question';
  if (kind !== 'question' && kind !== 'objection') issues.kind = { code: 'requestKind' };
  if (Object.keys(issues).length) throw invalid('invalid-answers', 'personRequestNeedsCorrecting', undefined, issues);
  return { question, channel, reach, kind };
}
