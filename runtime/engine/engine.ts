import { randomBytes, randomUUID } from 'node:crypto';
import {
  askPerson,
  checkAnswers,
  FeelEvaluationError,
  own,
  stepKind,
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
import { StaleCaseError, type CaseRow, type Store } from '../store/index.js';
import type { Clock } from './clock.js';
import { applyEffects, ESCALATE } from './effects.js';
import { conflict, EngineError, invalid, notFound, type RequestIssue } from './errors.js';
import { ExpressionFailedError, failureAudit } from './evaluation.js';
import { versionCache, type LoadedVersion } from './versions.js';

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
 * Durable execution of cases. Cases are not live actors: each event loads the
 * persisted snapshot, computes the move with the version's journey simulator
 * (runtime/model/journey: XState's pure transition(), nothing stored), and
 * commits snapshot and what the move records (audit entries, tasks, timers,
 * messages) in one SQLite transaction, guarded by the case revision.
 */
export function createEngine({ store, clock }: { store: Store; clock: Clock }) {
  const loadVersion = versionCache(store);

  function restore(row: CaseRow): { loaded: LoadedVersion; snapshot: Snapshot } {
    const loaded = loadVersion(row.processKey, row.version);
    return { loaded, snapshot: loaded.journey.restore(row.snapshot as { value: unknown; context: unknown }) };
  }

  /** Commits a move: what its actions record (runtime/model/journey), then the case's new state. */
  function commit(
    row: CaseRow,
    loaded: LoadedVersion,
    move: Pick<Move, 'snapshot' | 'actions'>,
    actor: string,
    at: Date,
  ) {
    const { journey } = loaded;
    const scope = { store, process: loaded.process, caseId: row.id, version: row.version, at, actor };
    applyEffects(scope, journey.records(move.actions));
    const step = journey.stepAt(move.snapshot);
    const outcome = journey.outcomeAt(step);
    const ended = outcome !== undefined;
    if (ended && row.status !== 'ended') {
      store.cases.appendAudit(row.id, at.toISOString(), actor, 'case.ended', { outcome, step });
    }
    const snapshot = journey.persistable(move.snapshot);
    store.cases.update(row.id, row.rev, {
      status: ended ? 'ended' : 'active',
      step,
      outcome: outcome ?? null,
      snapshot,
      at: at.toISOString(),
    });
    return store.cases.get(row.id)!;
  }

  /**
   * Applies one event to a case inside the caller's transaction; throws (and
   * so rolls back) if it is not allowed now. Its expressions share one
   * budget (feelLimits.event); one that cannot be evaluated never decides
   * (runtime/engine/evaluation.ts).
   */
  function dispatch(row: CaseRow, event: CaseEvent, actor: string, auditData?: Record<string, unknown>): CaseRow {
    const { loaded, snapshot } = restore(row);
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
    store.cases.appendAudit(row.id, at.toISOString(), actor, 'event.received', {
      type: event.type,
      ...(auditData ?? {}),
    });
    if (failure) {
      const route = loaded.journey.stepAt(move.snapshot);
      const audit = { ...failureAudit(failure, event.type, row.step), route };
      store.cases.appendAudit(row.id, at.toISOString(), actor, 'expression.failed', audit);
    }
    return commit(row, loaded, move, actor, at);
  }

  /**
   * An event whose expression could not be evaluated and that no failure
   * route took: recorded, not applied, and handed to a person (or, for an
   * official's outcome, refused). `keep`: the event's answers were validated
   * and are kept, so the person sees them.
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
  ): CaseRow {
    const audit = failureAudit(failure, event.type, row.step);
    if (event.type === 'task.completed') throw new ExpressionFailedError(row.id, audit);
    store.cases.appendAudit(row.id, at.toISOString(), actor, 'event.received', {
      type: event.type,
      ...(auditData ?? {}),
    });
    store.cases.appendAudit(row.id, at.toISOString(), actor, 'expression.failed', audit);
    const base = keep ? withAnswers(loaded.journey, snapshot, event) : snapshot;
    const asked = askPerson(loaded.journey, base, audit);
    if (asked) return commit(row, loaded, asked, 'system:evaluation', at);
    return commit(row, loaded, { snapshot: base, actions: [] }, actor, at);
  }

  /** Runs `fn` (a transaction); an expression failure it refused is recorded on the case after the rollback. */
  function recordingRefusal<T>(fn: () => T): T {
    try {
      return fn();
    } catch (error) {
      if (error instanceof ExpressionFailedError && error.caseId) {
        const caseId = error.caseId;
        store.transaction(() =>
          store.cases.appendAudit(caseId, clock.now().toISOString(), 'system:evaluation', 'expression.failed', {
            ...error.audit,
            refused: true,
          }),
        );
      }
      throw error;
    }
  }

  function getCase(id: string): CaseRow {
    const row = store.cases.get(id);
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
  function escalate(taskId: string) {
    const task = store.tasks.get(taskId);
    if (!task || task.status === 'completed' || task.status === 'closed' || task.escalatedAt) return;
    const step = loadVersion(task.processKey, task.version).process.steps[task.step];
    const team = taskOf(step)?.escalateTo ?? null;
    const at = clock.now().toISOString();
    store.tasks.escalate(task.id, at, team);
    store.cases.appendAudit(task.caseId, at, 'system:timer', 'task.escalated', {
      task: task.id,
      dueAt: task.dueAt,
      ...(team ? { team } : {}),
    });
  }

  /** Closes a task with its outcome and moves the case: the shared end of complete and approve. */
  function finish(
    taskId: string,
    outcome: string,
    values: Record<string, unknown>,
    cleared: string[],
    message: string | null,
    actor: string,
    assignee: number,
  ): CaseRow {
    const task = store.tasks.get(taskId)!;
    const row = getCase(task.caseId);
    const at = clock.now().toISOString();
    if (!store.tasks.update(task.id, task.rev, { status: 'completed', outcome, assignee, closedAt: at }))
      throw conflict('stale-task', 'staleTask');
    store.tasks.clearTimer(row.id, `${ESCALATE}${task.id}`);
    store.cases.appendAudit(row.id, at, actor, 'task.completed', {
      task: task.id,
      step: task.step,
      outcome,
      answers: values,
      ...(message ? { message } : {}),
    });
    if (message) {
      const subject = { nl: 'Bericht van een medewerker', en: 'Message from an official' };
      store.cases.addMessage(row.id, task.step, subject, { nl: message, en: message }, at);
      store.cases.appendAudit(row.id, at, actor, 'message.queued', { step: task.step, subject });
    }
    return dispatch(row, { type: 'task.completed', step: task.step, outcome, data: values, cleared }, actor);
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
    ): CaseRow {
      return store.transaction(() => {
        if (!store.processes.latest(key)) throw notFound('publishedProcess', { key });
        const referenceDate = opts.referenceDate ?? todayIn(clock);
        const latest = store.processes.inForce(key, referenceDate);
        if (!latest) throw conflict('not-in-force', ['notInForce', { key, date: referenceDate }]);
        const loaded = loadVersion(key, latest.version);
        const at = clock.now();
        const move = loaded.journey.start({ data, via: opts.via });
        const { snapshot, failure } = move;
        if (move.discard) throw new ExpressionFailedError(null, failureAudit(failure!, 'case.started', null));
        let reference = newReference();
        while (store.cases.referenceExists(reference)) reference = newReference();
        const id = randomUUID();
        store.cases.insert({
          id,
          reference,
          processKey: key,
          version: latest.version,
          subject,
          status: 'active',
          step: stepOf(snapshot.value),
          outcome: null,
          snapshot: { value: snapshot.value, context: snapshot.context },
          createdAt: at.toISOString(),
        });
        store.cases.appendAudit(id, at.toISOString(), actor, 'case.started', {
          process: key,
          version: latest.version,
          reference,
          referenceDate,
          ...(Object.keys(data).length ? { facts: data } : {}),
          ...(opts.trigger ? { trigger: opts.trigger } : {}),
        });
        if (opts.trigger?.because)
          store.cases.appendAudit(id, at.toISOString(), actor, 'decision.made', {
            step: 'trigger',
            rule: opts.via ?? 0,
            when: opts.trigger.when ?? null,
            inputs: data,
            because: opts.trigger.because,
          });
        if (failure)
          store.cases.appendAudit(id, at.toISOString(), actor, 'expression.failed', {
            ...failureAudit(failure, 'case.started', null),
            route: stepOf(snapshot.value),
          });
        const row = store.cases.get(id)!;
        return commit(row, loaded, move, actor, at);
      });
    },

    /**
     * A citizen's event: `submit` (answers to the current form step), a
     * group event (withdraw …) or `person.requested`. Answers are validated
     * by the step's field kinds first.
     */
    send(caseId: string, event: { type: string; data?: unknown }, opts: SendOptions): CaseRow {
      return store.transaction(() => {
        const row = getCase(caseId);
        checkRev(row, opts.expectedRev);
        if (opts.step && opts.step !== row.step)
          throw conflict('step-mismatch', ['stepMismatch', { step: row.step, expected: opts.step }], {
            step: row.step,
          });
        const { loaded, snapshot } = restore(row);
        // One budget for the event: checking the answers (showIf) and the transition.
        return withFeelScope(() => {
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
            return dispatch(row, { type: 'submit', data: values, cleared }, opts.actor, {
              step: row.step,
              answers: values,
              cleared,
            });
          }
          if (event.type === 'person.requested') {
            const request = personRequest(event.data);
            return dispatch(row, { type: 'person.requested', data: request }, opts.actor, { request });
          }
          if (!/^[a-z][a-z0-9-]*$/.test(event.type))
            throw conflict('event-not-allowed', ['notACitizenEvent', { event: event.type }]);
          return dispatch(row, { type: event.type }, opts.actor);
        }).value;
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
    ): CaseRow {
      return recordingRefusal(() =>
        store.transaction(() => {
          const task = store.tasks.get(taskId);
          if (!task) throw notFound('task');
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
          const row = getCase(task.caseId);
          const { loaded, snapshot } = restore(row);
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
              if (!store.tasks.setProposal(task.id, task.rev, proposal)) throw conflict('stale-task', 'staleTask');
              if (task.status === 'open')
                store.tasks.update(task.id, task.rev + 1, { status: 'claimed', assignee: opts.userId });
              store.cases.appendAudit(row.id, at, opts.actor, 'outcome.proposed', {
                task: task.id,
                step: task.step,
                outcome,
                answers: values,
              });
              return store.cases.get(row.id)!;
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
              store.cases.appendAudit(row.id, clock.now().toISOString(), opts.actor, 'contact.answered', {
                task: task.id,
                note,
              });
          }
          return finish(task.id, outcome, values, cleared, message, opts.actor, opts.userId);
        }),
      );
    },

    /** A second official of the team approves a proposed outcome; it then takes effect. */
    approveProposal(taskId: string, user: { id: number; name: string }) {
      return recordingRefusal(() =>
        store.transaction(() => {
          const task = store.tasks.get(taskId);
          if (!task) throw notFound('task');
          if (!task.proposal) throw conflict('no-proposal', 'noProposalToApprove');
          if (task.proposal.proposedBy === user.id) throw conflict('four-eyes', 'fourEyesOwn');
          const p = task.proposal;
          store.tasks.setProposal(task.id, task.rev, null);
          store.cases.appendAudit(task.caseId, clock.now().toISOString(), `user:${user.name}`, 'outcome.approved', {
            task: task.id,
            outcome: p.outcome,
            proposedBy: p.proposedByName,
          });
          return finish(task.id, p.outcome, p.data, [], p.message, `user:${user.name}`, p.proposedBy);
        }),
      );
    },

    /** A second official sends a proposal back; the task stays with the proposer. */
    rejectProposal(taskId: string, user: { id: number; name: string }, note?: string) {
      return store.transaction(() => {
        const task = store.tasks.get(taskId);
        if (!task) throw notFound('task');
        if (!task.proposal) throw conflict('no-proposal', 'noProposal');
        if (task.proposal.proposedBy === user.id) throw conflict('four-eyes', 'fourEyesOther');
        store.tasks.setProposal(task.id, task.rev, null);
        store.cases.appendAudit(task.caseId, clock.now().toISOString(), `user:${user.name}`, 'outcome.rejected', {
          task: task.id,
          outcome: task.proposal.outcome,
          note: note?.slice(0, 2000) ?? null,
        });
        return store.tasks.get(taskId)!;
      });
    },

    /** Hands a task to a member of its team, or moves it to another team's queue. */
    assignTask(
      taskId: string,
      to: { userId?: number; userName?: string; team?: string },
      actor: string,
      expectedRev?: number,
    ) {
      return store.transaction(() => {
        const task = store.tasks.get(taskId);
        if (!task) throw notFound('task');
        if (task.status === 'completed' || task.status === 'closed') throw conflict('task-closed', 'taskClosed');
        if (task.proposal) throw conflict('awaiting-approval', 'decideOnProposal');
        if (
          (expectedRev !== undefined && expectedRev !== task.rev) ||
          !store.tasks.assign(task.id, task.rev, to.userId !== undefined ? { assignee: to.userId } : { team: to.team })
        ) {
          throw conflict('stale-task', ['staleTaskSinceRead', { hasHolder: 'no' }]);
        }
        store.cases.appendAudit(task.caseId, clock.now().toISOString(), actor, 'task.assigned', {
          task: task.id,
          ...(to.userName ? { to: to.userName } : { team: to.team }),
        });
        return store.tasks.get(taskId)!;
      });
    },

    /** Claims a task for a user; a task someone else holds is refused, naming who. */
    claimTask(taskId: string, user: { id: number; name: string }, expectedRev?: number) {
      return store.transaction(() => {
        const task = store.tasks.get(taskId);
        if (!task) throw notFound('task');
        if (task.status === 'completed' || task.status === 'closed') throw conflict('task-closed', 'taskClosed');
        if (task.status === 'claimed') {
          if (task.assignee === user.id) return task;
          throw conflict('task-claimed', ['taskAlreadyClaimed', { assignee: task.assigneeName }], {
            assignee: task.assigneeName,
          });
        }
        if (
          (expectedRev !== undefined && expectedRev !== task.rev) ||
          !store.tasks.update(task.id, task.rev, { status: 'claimed', assignee: user.id })
        ) {
          throw conflict('stale-task', ['staleTaskSinceRead', { hasHolder: 'no' }]);
        }
        store.cases.appendAudit(task.caseId, clock.now().toISOString(), `user:${user.name}`, 'task.claimed', {
          task: task.id,
          by: user.name,
        });
        return store.tasks.get(taskId)!;
      });
    },

    releaseTask(taskId: string, user: { id: number; name: string; role: string }) {
      return store.transaction(() => {
        const task = store.tasks.get(taskId);
        if (!task) throw notFound('task');
        if (task.status !== 'claimed') throw conflict('task-not-claimed', 'taskNotClaimed');
        if (task.assignee !== user.id && user.role !== 'admin')
          throw conflict('task-claimed', ['onlyHolderReleases', { assignee: task.assigneeName }], {
            assignee: task.assigneeName,
          });
        store.tasks.update(task.id, task.rev, { status: 'open', assignee: null });
        store.cases.appendAudit(task.caseId, clock.now().toISOString(), `user:${user.name}`, 'task.released', {
          task: task.id,
          by: user.name,
        });
        return store.tasks.get(taskId)!;
      });
    },

    /**
     * A fact from outside about a subject: moves each of the subject's
     * active cases that waits for this signal now. All cases or none.
     */
    signal(type: string, subject: string, data: unknown, actor: string): { moved: string[] } {
      return store.transaction(() => {
        const moved: string[] = [];
        for (const row of store.cases.activeBySubject(subject)) {
          const { loaded, snapshot } = restore(row);
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
            failed(
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
            continue;
          }
          try {
            // A savepoint per case: a failure inside one case is recorded there and never stops the signal for others.
            store.transaction(() =>
              dispatch(row, { type: event.type, data: values }, actor, { signal: type, facts: values }),
            );
            moved.push(row.id);
          } catch (error) {
            // A refusal, or the database failing, undoes the whole signal; a fault of this case's process is recorded on the case.
            if (
              error instanceof EngineError ||
              /^SQLITE_/.test(String((error as { code?: unknown }).code ?? '')) ||
              error instanceof StaleCaseError
            )
              throw error;
            store.cases.appendAudit(row.id, clock.now().toISOString(), actor, 'error', {
              signal: type,
              message: String((error as Error).message).slice(0, 2000),
            });
          }
        }
        return { moved };
      });
    },

    /** Fires the timers that are due, each through the ordinary event path, each at most once. */
    fireDueTimers(): number {
      let fired = 0;
      for (const timer of store.tasks.dueTimers(clock.now().toISOString())) {
        try {
          store.transaction(() => {
            if (!store.tasks.markFired(timer.id, clock.now().toISOString())) return;
            if (timer.timer.startsWith(ESCALATE)) {
              escalate(timer.timer.slice(ESCALATE.length));
              fired++;
              return;
            }
            const row = store.cases.get(timer.caseId);
            if (!row || row.status !== 'active') return;
            const event = { type: 'timer.fired', timer: timer.timer };
            if (!restore(row).snapshot.can(event as never)) return;
            dispatch(row, event, 'system:timer', { timer: timer.timer });
            fired++;
          });
        } catch (error) {
          // A busy database is passing: leave the timer for the next tick.
          if (/^SQLITE_(BUSY|LOCKED)/.test(String((error as { code?: unknown }).code ?? ''))) continue;
          // A failure inside a case becomes a recorded event; the timer is not retried forever.
          store.transaction(() => {
            store.tasks.markFired(timer.id, clock.now().toISOString());
            store.cases.appendAudit(timer.caseId, clock.now().toISOString(), 'system:timer', 'error', {
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

/** What a citizen asks a person: a question and how to reach them. */
function personRequest(raw: unknown): Record<string, unknown> {
  const data = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const issues: Record<string, RequestIssue> = {};
  const question = typeof data.question === 'string' ? data.question.trim() : '';
  if (question.length > 2000) issues.question = { code: 'too-long', params: { max: 2000 } };
  const channel = data.channel ?? 'phone';
  if (!['phone', 'email', 'visit'].includes(String(channel))) issues.channel = { code: 'channel' };
  const reach = typeof data.reach === 'string' ? data.reach.trim().slice(0, 200) : '';
  // An objection (bezwaar) to a decision is a request for a person too: it becomes a task for the contact team.
  const kind = data.kind ?? 'question';
  if (kind !== 'question' && kind !== 'objection') issues.kind = { code: 'requestKind' };
  if (Object.keys(issues).length) throw invalid('invalid-answers', 'personRequestNeedsCorrecting', undefined, issues);
  return { question, channel, reach, kind };
}
