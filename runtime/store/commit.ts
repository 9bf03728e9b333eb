import type { Store } from './index.js';
import type { OutboxEntry, OutboxKind } from './outbox.js';
import type { NewTask } from './tasks.js';

/** What one move of a case writes, computed by the engine's pure core (runtime/engine/effects.ts) and applied here. */
export type Write =
  | { op: 'audit'; caseId: string; at: string; actor: string; type: string; data: Record<string, unknown> }
  /** The case entered a step (cases.enterStep): the open visit closes, a new one opens, the roll-ups count. */
  | {
      op: 'step.entered';
      case: { id: string; processKey: string; version: number };
      step: string;
      at: string;
      ends: boolean;
    }
  /** A citizen asked for a person during the current visit. */
  | { op: 'person.requested'; caseId: string }
  | {
      op: 'task.inserted';
      task: NewTask;
    }
  /**
   * Every open task of (case, step) closes, its escalation timer is cleared
   * and a `task.closed` audit entry is appended per task: the one write that
   * reads (which tasks are open) inside the commit.
   */
  | { op: 'tasks.closed'; caseId: string; step: string; at: string; actor: string; escalate: string }
  | { op: 'timer.set'; caseId: string; timer: string; fireAt: string }
  | { op: 'timer.cleared'; caseId: string; timer: string }
  | {
      op: 'message.queued';
      caseId: string;
      step: string;
      subject: Record<string, string>;
      body: Record<string, string>;
      at: string;
      /** What the message is, for its notice: a message step's text (default), an outcome, an official's message. */
      kind?: OutboxKind;
    }
  /** A notice for someone that is no inbox message (a delay notice, a staff notice), queued with the move. */
  | { op: 'outbox.queued'; entry: OutboxEntry }
  /** The case ended: its decision letter is owed (runtime/letters renders it), in the same commit. */
  | { op: 'letter.pending'; caseId: string; at: string }
  /** The case's next state, only if it is still at revision `rev` (else StaleCaseError). */
  | {
      op: 'case.updated';
      id: string;
      rev: number;
      status: 'active' | 'ended';
      step: string | null;
      outcome: string | null;
      snapshot: unknown;
      at: string;
    };

type Appliers = { [O in Write['op']]: (store: Store, w: Extract<Write, { op: O }>) => Promise<unknown> };

const appliers: Appliers = {
  audit: (s, w) => s.cases.appendAudit(w.caseId, w.at, w.actor, w.type, w.data),
  'step.entered': (s, w) => s.cases.enterStep(w.case, w.step, w.at, w.ends),
  'person.requested': (s, w) => s.cases.countPersonRequest(w.caseId),
  'task.inserted': (s, w) => s.tasks.insert(w.task),
  'tasks.closed': async (s, w) => {
    for (const task of await s.tasks.openFor(w.caseId, w.step)) {
      await s.tasks.clearTimer(w.caseId, `${w.escalate}${task.id}`);
      await s.tasks.update(task.id, task.rev, { status: 'closed', closedAt: w.at });
      await s.cases.appendAudit(w.caseId, w.at, w.actor, 'task.closed', {
        task: task.id,
        step: w.step,
        reason: 'the case moved on',
      });
    }
  },
  'timer.set': (s, w) => s.tasks.setTimer(w.caseId, w.timer, w.fireAt),
  'timer.cleared': (s, w) => s.tasks.clearTimer(w.caseId, w.timer),
  'message.queued': (s, w) => s.cases.addMessage(w.caseId, w.step, w.subject, w.body, w.at, w.kind),
  'outbox.queued': (s, w) => s.outbox.queue(w.entry),
  'letter.pending': (s, w) => s.letters.pending(w.caseId, w.at),
  'case.updated': (s, w) =>
    s.cases.update(w.id, w.rev, { status: w.status, step: w.step, outcome: w.outcome, snapshot: w.snapshot, at: w.at }),
};

/**
 * Applies a move's writes in one transaction, all or nothing; inside an open
 * transaction they join it (the engine opens one, or a savepoint, per move). The case update, the revision guard, goes first:
 * a concurrent move of the same case then waits on the case row and fails
 * as stale before it wrote anything (PostgreSQL). The other writes keep
 * their order, so the audit trail reads as the move happened.
 */
export function applyWrites(store: Store, writes: readonly Write[]): Promise<void> {
  const ordered = [...writes.filter((w) => w.op === 'case.updated'), ...writes.filter((w) => w.op !== 'case.updated')];
  const apply = async () => {
    for (const w of ordered) await (appliers[w.op] as (s: Store, w: Write) => Promise<unknown>)(store, w);
  };
  return store.sql.inTransaction() ? apply() : store.transaction(apply);
}
