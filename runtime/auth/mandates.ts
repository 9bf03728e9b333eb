import type { Acting, CaseRow, Holder, Mandate, Right, Store, Via } from '../store/index.js';

/**
 * The right each citizen page asks of an intermediary who acts by a mandate,
 * by method and route path. Pages that only read ask `view`; saving answers
 * and starting a case `fill`; anything sent to the organisation in the
 * citizen's name (answers, a group event such as withdraw, a question for a
 * person, opting out of offers) `submit`. Reading the case's messages is
 * `messages`, asked by the pages that show them (see {@link mayDo}).
 */
export const PAGE_RIGHTS: Readonly<Record<string, Right>> = {
  'get /zaken/:id': 'view',
  'get /zaken/:id/status': 'view',
  'get /zaken/:id/controle': 'view',
  'get /zaken/:id/bevestiging': 'view',
  // The read log is the citizen's own: the router answers 404 to an intermediary before this is asked.
  'get /zaken/:id/inzage': 'view',
  // The decision letter says what the case's messages say: it asks the same right.
  'get /zaken/:id/brief': 'messages',
  'post /zaken/:id/feedback': 'view',
  'get /zaken/:id/stap/:step': 'fill',
  'post /zaken/:id/stap/:step': 'fill',
  'get /diensten/:key/start': 'fill',
  'post /diensten/:key/start': 'fill',
  'post /zaken/:id/versturen': 'submit',
  'get /zaken/:id/actie/:event': 'submit',
  'post /zaken/:id/actie/:event': 'submit',
  'get /zaken/:id/medewerker': 'submit',
  'post /zaken/:id/medewerker': 'submit',
  'post /zaken/:id/afmelden': 'submit',
  'get /diensten/:key/medewerker': 'submit',
  'post /diensten/:key/medewerker': 'submit',
};

/**
 * The right a page asks: from {@link PAGE_RIGHTS}; a page not listed there
 * asks `view` to read (GET) and `submit` to post, the strictest, so a new
 * page never gives an intermediary more than its author meant.
 */
export const pageRight = (method: string, path: string): Right =>
  PAGE_RIGHTS[`${method.toLowerCase()} ${path}`] ?? (method.toUpperCase() === 'GET' ? 'view' : 'submit');

/** Who a signed-in session is as a mandate's holder: a person by BSN, else an organisation by KVK number. */
export function holderOf(session: { bsn?: string | null; kvk?: string | null }): Holder | null {
  if (session.bsn) return { kind: 'person', id: session.bsn };
  if (session.kvk) return { kind: 'organisation', id: session.kvk };
  return null;
}

/** A BSN as an intermediary reads it: only its last three digits (no name of the citizen is stored). */
export const maskBsn = (bsn: string) => `${'•'.repeat(Math.max(0, bsn.length - 3))}${bsn.slice(-3)}`;

/**
 * The intermediary the session acts as, checked again now: the holder still
 * has a mandate in force for the citizen (the chosen one, else another in
 * force for the same citizen), or undefined when none is left.
 */
export async function actingVia(
  store: Store,
  session: { bsn?: string | null; kvk?: string | null; staffId?: string | null },
  acting: Acting,
  at: string,
): Promise<Via | undefined> {
  const holder = holderOf(session);
  if (!holder) return undefined;
  const staffId = holder.kind === 'organisation' ? (session.staffId ?? null) : null;
  const inForce = (await store.mandates.citizensOf(holder, at, staffId)).get(acting.citizen) ?? [];
  const mandate = inForce.find((m) => m.id === acting.mandateId) ?? inForce[0];
  return mandate ? { mandate, holder, holderName: mandate.holderName, staffId } : undefined;
}

/**
 * The mandate that lets this intermediary do `right` for the citizen on
 * `processKey` now (null: a right not bound to one process), or undefined.
 */
export function mandateFor(
  store: Store,
  via: Via,
  citizen: string,
  processKey: string | null,
  right: Right,
  at: string,
) {
  return store.mandates.allowing({ holder: via.holder, citizen, processKey, right, at, staffId: via.staffId });
}

/**
 * Whether the principal may do `right` on the case now: a citizen for
 * themselves always; an intermediary by a mandate in force that gives it.
 */
export async function mayDo(
  store: Store,
  principal: { kind: string; via?: Via },
  row: CaseRow,
  right: Right,
  at: string,
): Promise<boolean> {
  if (!principal.via) return true;
  return !!(await mandateFor(store, principal.via, row.subject, row.processKey, right, at));
}

/** The processes the mandates cover (null: all of them): what "Mijn zaken" lists while acting. */
export function processesCovered(mandates: Mandate[]): string[] | null {
  const keys = new Set<string>();
  for (const m of mandates) {
    if (!m.rights.includes('view')) continue;
    if (m.processKey === null) return null;
    keys.add(m.processKey);
  }
  return [...keys];
}
