import { transition } from 'xstate';
import type { Engine } from '../engine/index.js';
import { dutchDate, own, stepKind, validateAnswers, withFeelScope, type Field, type Lang, type Process } from '../model/index.js';
import type { CaseRow, Draft, DraftStep } from '../store/index.js';
import { stepOf } from '../engine/index.js';

/**
 * Where a citizen is on the pages. The answers they give are kept as a draft,
 * per step, until they send them from check-your-answers; which step comes
 * next is computed with the published machine itself (XState's pure
 * transition(), nothing committed), so conditional routes follow the same
 * rules as the engine.
 */
export type JourneyState = {
  /** The draft steps that still lie on the path (a changed answer may cut later ones). */
  steps: DraftStep[];
  /** The next form step to answer, or null when the next step is not the citizen's (then: check answers). */
  next: string | null;
  /** The case data with the draft's answers applied. */
  data: Record<string, unknown>;
};

export function formFields(process: Process, step: string): Field[] | undefined {
  const s = own(process.steps, step);
  if (!s || !stepKind(s.kind).citizenActs) return undefined;
  return stepKind(s.kind).fields(s);
}

export function simulate(engine: Engine, row: CaseRow, draft: Draft | undefined): JourneyState {
  const { loaded, snapshot } = engine.restore(row);
  let state = snapshot;
  const steps: DraftStep[] = [];
  for (const d of draft?.steps ?? []) {
    const at = stepOf(state.value);
    if (at !== d.step) break;
    if (d.partial) { steps.push(d); break; }
    const event = { type: 'submit', data: d.values };
    const { value: moved, failure } = withFeelScope(() => (state.can(event as never) ? transition(loaded.machine, state, event as never)[0] : null));
    // A rule that cannot be evaluated (its budget ran out): on to check-your-answers; sending them hands the case to a person.
    if (failure) return { steps: [...steps, d], next: null, data: { ...state.context.data, ...d.values } };
    if (!moved) break;
    state = moved as typeof state;
    steps.push(d);
  }
  const at = stepOf(state.value);
  // A partly answered step is still the one to answer.
  return { steps, next: at && formFields(loaded.process, at) ? at : null, data: state.context.data };
}

/** Validates a page's answers as the engine will (same field kinds, same messages). */
export function validatePage(fields: Field[], raw: Record<string, unknown>, known: Record<string, unknown>, now: Date, lang: Lang) {
  return validateAnswers(fields, raw, known, { today: dutchDate(now), lang });
}

/** The data as known before a draft step: the case data plus the answers of the draft steps before it. */
export function dataBefore(engine: Engine, row: CaseRow, draft: Draft, step: string): Record<string, unknown> {
  const index = draft.steps.findIndex((s) => s.step === step);
  return simulate(engine, row, { steps: index < 0 ? draft.steps : draft.steps.slice(0, index) }).data;
}
