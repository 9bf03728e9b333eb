import { randomUUID } from 'node:crypto';
import { dueDate } from './deadlines.js';
import { addDuration, isFinal, type JourneyAction, type JourneyRecord, type Process } from '../model/index.js';
import type { Write } from '../store/commit.js';

// How texts are rendered and which fields format them is the journey simulator's (runtime/model/journey).
export { fieldsById, renderText } from '../model/index.js';

/** Timer names of task escalations: `escalate:<taskId>`. */
export const ESCALATE = 'escalate:';

/** An action as XState's `transition()` returns it: a name, its params, and the context at that moment. */
export type ExecutedAction = JourneyAction;

export type EffectScope = { process: Process; caseId: string; version: number; at: Date; actor: string };

type Handlers = { [T in JourneyRecord['type']]: (r: Extract<JourneyRecord, { type: T }>) => Write[] };

/**
 * What one transition records (runtime/model/journey: recordsOf), as the
 * writes it causes: rows (tasks, timers, messages, step visits) and audit
 * entries, in order. Pure: nothing is read or written here; the store
 * applies the writes in the move's transaction (runtime/store/commit.ts).
 * One handler per record, looked up by its type.
 */
export function planEffects(scope: EffectScope, records: JourneyRecord[]): Write[] {
  const now = scope.at.toISOString();
  const { caseId, actor } = scope;
  const audit = (type: string, data: Record<string, unknown>): Write => ({
    op: 'audit',
    caseId,
    at: now,
    actor,
    type,
    data,
  });

  const handlers: Handlers = {
    'step.entered': (r) => [
      audit('step.entered', { step: r.step }),
      // The contact region's "step" is not a journey step: no visit.
      r.journey
        ? {
            op: 'step.entered',
            case: { id: caseId, processKey: scope.process.key, version: scope.version },
            step: r.step,
            at: now,
            ends: r.ends,
          }
        : { op: 'person.requested', caseId },
    ],
    'decision.made': ({ type, ...r }) => [audit(type, r)],
    'task.opened': (r) => {
      const id = randomUUID();
      const dueAt = r.due ? dueDate(scope.at, r.due).toISOString() : null;
      const { contact } = r;
      const writes: Write[] = [
        {
          op: 'task.inserted',
          task: { id, caseId, step: r.step, kind: r.kind, team: r.team, dueAt, request: r.request, at: now },
        },
      ];
      // Overdue handoffs escalate through a durable timer, at most once.
      if (dueAt && r.escalate) writes.push({ op: 'timer.set', caseId, timer: `${ESCALATE}${id}`, fireAt: dueAt });
      writes.push(
        audit('task.opened', {
          task: id,
          step: r.step,
          kind: r.kind,
          team: r.team,
          dueAt,
          ...(contact ? { request: r.request } : {}),
        }),
      );
      return writes;
    },
    'task.closed': (r) => [{ op: 'tasks.closed', caseId, step: r.step, at: now, actor, escalate: ESCALATE }],
    'timer.set': (r) => {
      const fireAt = addDuration(scope.at, r.after).toISOString();
      return [{ op: 'timer.set', caseId, timer: r.timer, fireAt }, audit('timer.set', { timer: r.timer, fireAt })];
    },
    'timer.cleared': (r) => [{ op: 'timer.cleared', caseId, timer: r.timer }],
    'message.queued': (r) => [
      {
        op: 'message.queued',
        caseId,
        step: r.step,
        subject: r.subject,
        body: r.body,
        at: now,
        // An end's message is the case's outcome: its notice says so (and links the decision letter).
        kind: isFinal(scope.process.steps[r.step]) ? 'outcome' : 'message',
      },
      audit('message.queued', { step: r.step, subject: r.subject }),
    ],
  };
  return records.flatMap((record) => (handlers[record.type] as (r: JourneyRecord) => Write[])(record));
}
