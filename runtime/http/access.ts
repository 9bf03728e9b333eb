import { canSeeCase, canSeeTask } from '../auth/index.js';
import type { CaseRow, Principal, Store, TaskRow } from '../store/index.js';
import { HttpError } from './errors.js';

const missing = (what: string) => new HttpError(404, 'not-found', ['thingNotFound', { what }]);

/**
 * A case as this principal may see it (runtime/auth's canSeeCase), or 404:
 * 404, not 403, so a request does not confirm that somebody else's case exists.
 */
export async function visibleCase(store: Store, principal: Principal, id: string, at?: string): Promise<CaseRow> {
  const row = await store.cases.get(id);
  // `at`: the services' clock, so a mandate ends when that clock says (tests move a fake one).
  if (!row || !(await canSeeCase(store, principal, row, at))) throw missing('case');
  return row;
}

/** A task of one of the official's teams (admins see all), or 404. */
export async function visibleTask(store: Store, principal: Principal, id: string): Promise<TaskRow> {
  const task = await store.tasks.get(id);
  if (!task || !canSeeTask(principal, task)) throw missing('task');
  return task;
}
