import type { Clock } from '../engine/index.js';
import type { Acting, Holder, Mandate, NewMandate, Store } from '../store/index.js';

/**
 * What the citizen pages do with mandates and the read log: the routes go
 * through this, never to the tables (as they reach cases through the journey
 * service). Times are the services' clock.
 */
export function mandateService(store: Store, clock: Clock) {
  const now = () => clock.now().toISOString();
  return {
    /** The citizens a holder (an organisation's employee `staffId`) may act for now, each with its mandates in force. */
    citizensOf: (holder: Holder, staffId: string | null): Promise<Map<string, Mandate[]>> =>
      store.mandates.citizensOf(holder, now(), staffId),
    get: (id: string): Promise<Mandate | undefined> => store.mandates.get(id),
    /** Every mandate granted by or registered for the citizen, newest first. */
    forCitizen: (citizen: string): Promise<Mandate[]> => store.mandates.forCitizen(citizen),
    grant: (m: NewMandate): Promise<Mandate> => store.mandates.create(m, now()),
    /** Ends a mandate now; false when it was ended already. */
    revoke: (id: string, by: string): Promise<boolean> => store.mandates.revoke(id, by, now()),
    /** For whom the session's holder acts from now on (null: themselves). */
    actAs: (sessionIdHash: string, acting: Acting | null): Promise<void> =>
      store.sessions.setActing(sessionIdHash, acting),
    /** Who read the case (the read log), newest first. */
    readsOf: (caseId: string, limit: number) => store.reads.forCase(caseId, limit),
  };
}
export type MandateService = ReturnType<typeof mandateService>;
