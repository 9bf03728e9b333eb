import type { Field } from '../fields/index.js';
import { own } from '../reserved.js';
import type { Process } from '../schema.js';
import { stepKind } from '../steps/index.js';
import type { Journey, JourneySnapshot } from './journey.js';

/** A step's answers given on the pages, not sent yet; `partial`: a one-question-per-page step not fully answered. */
export type DraftStep = { step: string; values: Record<string, unknown>; partial?: boolean };

/** Where a draft leads: what the citizen answers next, with nothing committed. */
export type DraftWalk = {
  /** The draft steps that still lie on the path (a changed answer may cut later ones). */
  steps: DraftStep[];
  /** The next step the citizen answers, or null when the next step is not the citizen's (then: check answers). */
  next: string | null;
  /** The case data with the draft's answers applied. */
  data: Record<string, unknown>;
};

/** The questions of a step the citizen answers (a form), or undefined when the citizen does not act there. */
export function citizenFields(process: Process, step: string | null | undefined): Field[] | undefined {
  const s = own(process.steps, step);
  if (!s || !stepKind(s.kind).citizenActs) return undefined;
  return stepKind(s.kind).fields(s);
}

/**
 * Walks a draft from a case's snapshot: each draft step's answers are sent
 * as the engine will send them (`submit`), so conditional routes follow the
 * same rules. The walk stops where the draft leaves the path, at a partly
 * answered step, and at a rule that cannot be evaluated (then on to
 * check-your-answers: sending them hands the case to a person).
 */
export function walkDraft(journey: Journey, snapshot: JourneySnapshot, draft: readonly DraftStep[]): DraftWalk {
  let state = snapshot;
  const steps: DraftStep[] = [];
  for (const d of draft) {
    if (journey.stepAt(state) !== d.step) break;
    if (d.partial) {
      steps.push(d);
      break;
    }
    const event = { type: 'submit', data: d.values };
    const allowed = journey.can(state, event);
    if (!allowed.value && !allowed.failure) break;
    const moved = allowed.failure ? undefined : journey.next(state, event);
    if (!moved || moved.failure)
      return { steps: [...steps, d], next: null, data: { ...state.context.data, ...d.values } };
    state = moved.snapshot;
    steps.push(d);
  }
  const at = journey.stepAt(state);
  // A partly answered step is still the one to answer.
  return { steps, next: at && citizenFields(journey.process, at) ? at : null, data: state.context.data };
}

/** The data as known before a draft step: the case data plus the answers of the draft steps before it. */
export function dataBefore(
  journey: Journey,
  snapshot: JourneySnapshot,
  draft: readonly DraftStep[],
  step: string,
): Record<string, unknown> {
  const index = draft.findIndex((s) => s.step === step);
  return walkDraft(journey, snapshot, index < 0 ? draft : draft.slice(0, index)).data;
}
