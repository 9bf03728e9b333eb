import type { CaseEvent } from '../compile.js';
import type { Journey, JourneySnapshot, Move } from './journey.js';

/** The snapshot with the event's data merged (as the machine's saveAnswers would), the step unchanged. */
export function withAnswers(journey: Journey, snapshot: JourneySnapshot, event: CaseEvent): JourneySnapshot {
  const data = 'data' in event && event.data ? event.data : undefined;
  if (!data) return snapshot;
  const merged = { ...snapshot.context.data, ...data };
  for (const id of ('cleared' in event && event.cleared) || []) delete merged[id];
  return journey.restore({ value: snapshot.value, context: { ...snapshot.context, data: merged } });
}

/**
 * The move of asking a person on the case's behalf, when a rule could not
 * be evaluated: the contact region opens a task for the contact team with
 * why. Null when that is not possible now (a contact task is already open,
 * or the process has no contact team).
 */
export function askPerson(
  journey: Journey,
  base: JourneySnapshot,
  why: { step?: unknown; message?: unknown },
): Move | null {
  const event = {
    type: 'person.requested',
    data: {
      kind: 'evaluation-failed',
      question:
        `Automatische beoordeling niet gelukt bij stap '${String(why.step)}': ${String(why.message)}. ` +
        'De zaak staat stil tot een medewerker haar beoordeelt. ' +
        '(The rules could not be evaluated; a person needs to review this case.)',
      reach: '',
    },
  };
  const allowed = journey.can(base, event);
  if (!allowed.value || allowed.failure) return null;
  const moved = journey.next(base, event);
  return moved.failure ? null : moved;
}
