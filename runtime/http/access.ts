import type { CaseRow, Principal, Store, TaskRow } from '../store/index.js';
import { HttpError } from './errors.js';

const missing = (what: string) => new HttpError(404, 'not-found', ['thingNotFound', { what }]);

/**
 * A case as this principal may see it, or 404: a citizen sees only their own
 * cases, an official only cases with a task for one of their teams. 404, not
 * 403, so a request does not confirm that somebody else's case exists.
 */
export function visibleCase(store: Store, principal: Principal, id: string): CaseRow {
  const row = store.cases.get(id);
  if (!row || !canSeeCase(store, principal, row)) throw missing('case');
  return row;
}

export function canSeeCase(store: Store, principal: Principal, row: CaseRow): boolean {
  if (principal.kind === 'citizen') return row.subject === principal.bsn;
  if (principal.role === 'admin') return true;
  if (principal.role === 'official') {
    // Their teams' cases, and the cases they started themselves (at the counter, for a citizen).
    return store.tasks.list({ caseId: row.id }).some((t) => principal.teams.includes(t.team)) || store.cases.audit(row.id)[0]?.actor === `user:${principal.name}`;
  }
  return false;
}

/** A task of one of the official's teams (admins see all), or 404. */
export function visibleTask(store: Store, principal: Principal, id: string): TaskRow {
  const task = store.tasks.get(id);
  if (!task || principal.kind !== 'user' || (principal.role !== 'admin' && !principal.teams.includes(task.team))) throw missing('task');
  return task;
}
