import { randomUUID } from 'node:crypto';
import { dueDate } from './deadlines.js';
import { addDuration, type JourneyAction, type JourneyRecord, type Process } from '../model/index.js';
import type { Store } from '../store/index.js';

// How texts are rendered and which fields format them is the journey simulator's (runtime/model/journey).
export { fieldsById, renderText } from '../model/index.js';

/** Timer names of task escalations: `escalate:<taskId>`. */
export const ESCALATE = 'escalate:';

/** An action as XState's `transition()` returns it: a name, its params, and the context at that moment. */
export type ExecutedAction = JourneyAction;

export type EffectScope = { store: Store; process: Process; caseId: string; version: number; at: Date; actor: string };

type Handlers = { [T in JourneyRecord['type']]: (r: Extract<JourneyRecord, { type: T }>) => void };

/**
 * Commits what one transition records (runtime/model/journey: recordsOf):
 * each record becomes rows (tasks, timers, messages) and audit entries, in
 * the caller's transaction. One handler per record, looked up by its type.
 */
export function applyEffects(scope: EffectScope, records: JourneyRecord[]): void {
  const now = scope.at.toISOString();
  const { store, caseId, actor } = scope;
  const audit = (type: string, data: Record<string, unknown>) =>
    store.cases.appendAudit(caseId, now, actor, type, data);

  const handlers: Handlers = {
    'step.entered': (r) => {
      audit('step.entered', { step: r.step });
      // The contact region's "step" is not a journey step: no visit.
      if (r.journey)
        store.cases.enterStep(
          { id: caseId, processKey: scope.process.key, version: scope.version },
          r.step,
          now,
          r.ends,
        );
      else store.cases.countPersonRequest(caseId);
    },
    'decision.made': ({ type, ...r }) => audit(type, r),
    'task.opened': (r) => {
      const id = randomUUID();
      const dueAt = r.due ? dueDate(scope.at, r.due).toISOString() : null;
      const { contact } = r;
      store.tasks.insert({ id, caseId, step: r.step, kind: r.kind, team: r.team, dueAt, request: r.request, at: now });
      // Overdue handoffs escalate through a durable timer, at most once.
      if (dueAt && r.escalate) store.tasks.setTimer(caseId, `${ESCALATE}${id}`, dueAt);
      audit('task.opened', {
        task: id,
        step: r.step,
        kind: r.kind,
        team: r.team,
        dueAt,
        ...(contact ? { request: r.request } : {}),
      });
    },
    'task.closed': (r) => {
      for (const task of store.tasks.openFor(caseId, r.step)) {
        store.tasks.clearTimer(caseId, `${ESCALATE}${task.id}`);
        store.tasks.update(task.id, task.rev, { status: 'closed', closedAt: now });
        audit('task.closed', { task: task.id, step: r.step, reason: 'the case moved on' });
      }
    },
    'timer.set': (r) => {
      const fireAt = addDuration(scope.at, r.after).toISOString();
      store.tasks.setTimer(caseId, r.timer, fireAt);
      audit('timer.set', { timer: r.timer, fireAt });
    },
    'timer.cleared': (r) => store.tasks.clearTimer(caseId, r.timer),
    'message.queued': (r) => {
      store.cases.addMessage(caseId, r.step, r.subject, r.body, now);
      audit('message.queued', { step: r.step, subject: r.subject });
    },
  };
  for (const record of records) (handlers[record.type] as (r: JourneyRecord) => void)(record);
}
