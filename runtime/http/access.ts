import type { Request } from 'express';
import {
  canSeeCase,
  canSeeTask,
  checkPurpose,
  readIsLogged,
  ReadLogUnavailable,
  recordRead,
  type ReadData,
} from '../auth/index.js';
import type { Clock } from '../engine/index.js';
import { readsCatalogues, translate } from '../i18n/index.js';
import type { CaseRow, Principal, Store, TaskRow } from '../store/index.js';
import { HttpError } from './errors.js';

/**
 * A case as this principal may see it (runtime/auth's canSeeCase), or 404:
 * 404, not 403, so a request does not confirm that somebody else's case exists.
 */
export async function visibleCase(store: Store, principal: Principal, id: string, at?: string): Promise<CaseRow> {
  const row = await store.cases.get(id);
  // `at`: the services' clock, so a mandate ends when that clock says (tests move a fake one).
  if (!row || !(await canSeeCase(store, principal, row, at))) throw new HttpError(404, 'not-found', 'caseNotFound');
  return row;
}

/** A task of one of the official's teams (admins see all), or 404. */
export async function visibleTask(store: Store, principal: Principal, id: string): Promise<TaskRow> {
  const task = await store.tasks.get(id);
  if (!task || !canSeeTask(principal, task)) throw new HttpError(404, 'not-found', 'taskNotFound');
  return task;
}

/** What a reading route knows of the request: who asks, and the request (its `X-Purpose`). */
export type Reader = { principal: Principal; req: Request };

/**
 * The purpose the reader gives in `X-Purpose` (recorded as given), or
 * undefined; 422 for a bad one, checked before anything is read.
 */
export function givenPurpose(req: Request): string | undefined {
  const raw = req.get('x-purpose');
  if (raw === undefined) return undefined;
  const checked = checkPurpose(raw);
  if ('purpose' in checked) return checked.purpose;
  throw new HttpError(422, 'invalid-purpose', (lang) => translate(readsCatalogues, lang, 'errors.purpose'), {
    'X-Purpose': [checked.problem],
  });
}

/**
 * Records that the reader saw `data` of the case (runtime/auth/reads.ts: not
 * for the citizen's own reads). When the log cannot be written the read fails
 * with 503 in the error envelope: no data leaves without its log entry.
 */
export async function recordApiRead(
  store: Store,
  clock: Clock,
  reader: Reader,
  row: CaseRow,
  data: ReadData,
  purpose: string | undefined,
  team?: string,
): Promise<void> {
  try {
    await recordRead(store, { principal: reader.principal, row, data, purpose, team, at: clock.now().toISOString() });
  } catch (error) {
    if (!(error instanceof ReadLogUnavailable)) throw error;
    const unavailable = new HttpError(503, 'read-log-unavailable', (lang) =>
      translate(readsCatalogues, lang, 'errors.logUnavailable'),
    );
    unavailable.headers = { 'Retry-After': '60' };
    throw unavailable;
  }
}

/** A case the reader may see (else 404), its read recorded (else 503); a bad X-Purpose is 422 first. */
export async function readCase(store: Store, clock: Clock, reader: Reader, id: string): Promise<CaseRow> {
  const purpose = givenPurpose(reader.req);
  const row = await visibleCase(store, reader.principal, id, clock.now().toISOString());
  await recordApiRead(store, clock, reader, row, 'case', purpose);
  return row;
}

/** A task the reader may see (else 404), its read recorded against its case (else 503). */
export async function readTask(store: Store, clock: Clock, reader: Reader, id: string): Promise<TaskRow> {
  const purpose = givenPurpose(reader.req);
  const task = await visibleTask(store, reader.principal, id);
  if (readIsLogged(reader.principal)) {
    const row = await store.cases.get(task.caseId);
    if (row) await recordApiRead(store, clock, reader, row, 'task', purpose, task.team);
  }
  return task;
}

/** How a reading route documents X-Purpose (runtime/http/openapi.ts). */
export const purposeHeader = {
  'X-Purpose':
    "why you read the citizen's data (1–200 printable characters): recorded as given in the read log the citizen sees; without it the route's purpose is recorded; a bad one is 422",
};
