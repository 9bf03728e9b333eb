import { randomUUID } from 'node:crypto';
import { dueDate } from './deadlines.js';
import { addDuration, explanationInputs, fillPlaceholders, formatAnswer, isFinal, languages, stepKind, t, type Field, type Process, type Text } from '../model/index.js';
import type { Store } from '../store/index.js';

/** An action as XState's `transition()` returns it: a name, its params, and the context at that moment. */
/** Timer names of task escalations: `escalate:<taskId>`. */
export const ESCALATE = 'escalate:';

export type ExecutedAction = { type: string; params?: Record<string, any>; info?: { context?: { data?: Record<string, unknown> }; event?: { type: string; data?: Record<string, unknown> } } };

export type EffectScope = { store: Store; process: Process; caseId: string; version: number; at: Date; actor: string };

/** All fields of a process by id, for formatting values in messages and explanations. */
export function fieldsById(process: Process): Map<string, Field> {
  const map = new Map<string, Field>();
  for (const step of Object.values(process.steps)) for (const f of stepKind(step.kind).fields(step)) map.set(f.id, f);
  return map;
}

/** Renders a text with placeholders in every language, values formatted per their field. */
export function renderText(text: Text, data: Record<string, unknown>, fields: Map<string, Field>): Record<string, string> {
  return Object.fromEntries(languages.map((lang) => {
    const format = (value: unknown, name: string) => {
      const field = fields.get(name);
      return field ? formatAnswer(field, value, lang) : String(value);
    };
    return [lang, fillPlaceholders(t(text, lang), data, format).replace(/\s+/g, ' ').trim()];
  }));
}

/**
 * Commits the effects of one transition: each named action XState returned
 * becomes rows (tasks, timers, messages) and audit entries, in the caller's
 * transaction. One handler per action, looked up by name.
 */
export function applyEffects(scope: EffectScope, actions: ExecutedAction[]): void {
  const fields = fieldsById(scope.process);
  const now = scope.at.toISOString();
  const { store, caseId, actor } = scope;
  const audit = (type: string, data: Record<string, unknown>) => store.cases.appendAudit(caseId, now, actor, type, data);

  const handlers: Record<string, (p: Record<string, any>, a: ExecutedAction) => void> = {
    entered: (p) => {
      audit('step.entered', { step: p.step });
      // The contact region's "step" is not a journey step: no visit.
      const step = scope.process.steps[p.step];
      if (step) store.cases.enterStep({ id: caseId, processKey: scope.process.key, version: scope.version }, p.step, now, isFinal(step));
      else store.cases.countPersonRequest(caseId);
    },
    explain: (p, a) => {
      const { inputs, scope } = explanationInputs(p as { inputs: string[]; table?: { id: string; expr: string }[] }, a.info?.context?.data ?? {});
      audit('decision.made', { step: p.step, rule: p.rule, when: p.when ?? null, inputs, because: renderText(p.because, scope, fields), ...(p.error ? { error: p.error } : {}) });
    },
    openTask: (p, a) => {
      const id = randomUUID();
      const dueAt = p.due ? dueDate(scope.at, p.due).toISOString() : null;
      const request = p.kind === 'contact' ? (a.info?.event?.data ?? {}) : {};
      store.tasks.insert({ id, caseId, step: p.step, kind: p.kind, team: p.team, dueAt, request, at: now });
      // Overdue handoffs escalate through a durable timer, at most once.
      if (dueAt && p.escalate) store.tasks.setTimer(caseId, `${ESCALATE}${id}`, dueAt);
      audit('task.opened', { task: id, step: p.step, kind: p.kind, team: p.team, dueAt, ...(p.kind === 'contact' ? { request } : {}) });
    },
    closeTask: (p) => {
      for (const task of store.tasks.openFor(caseId, p.step)) {
        store.tasks.clearTimer(caseId, `${ESCALATE}${task.id}`);
        store.tasks.update(task.id, task.rev, { status: 'closed', closedAt: now });
        audit('task.closed', { task: task.id, step: p.step, reason: 'the case moved on' });
      }
    },
    setTimer: (p) => {
      const fireAt = addDuration(scope.at, p.after).toISOString();
      store.tasks.setTimer(caseId, p.timer, fireAt);
      audit('timer.set', { timer: p.timer, fireAt });
    },
    clearTimer: (p) => store.tasks.clearTimer(caseId, p.timer),
    queueMessage: (p, a) => {
      const data = a.info?.context?.data ?? {};
      const subject = renderText(p.subject, data, fields);
      store.cases.addMessage(caseId, p.step, subject, renderText(p.body, data, fields), now);
      audit('message.queued', { step: p.step, subject });
    },
  };
  for (const action of actions) {
    const handler = handlers[action.type];
    if (handler) handler(action.params ?? {}, action);
    // xstate.* built-ins (assign) were applied by transition() itself.
  }
}
