import type { Field } from '../fields/index.js';
import { own } from '../reserved.js';
import { stepKind, type StepWait } from '../steps/index.js';
import { t, type Lang } from '../text.js';
import { citizenFields } from './draft.js';
import type { Journey, JourneySnapshot } from './journey.js';

/** A group event possible now (withdraw …), with its label. */
export type EventChoice = { name: string; label: string };

/**
 * Where a journey is and what can happen there, read from the step kinds'
 * descriptors: the questions the citizen answers, the outcomes an official
 * chooses from, what a wait waits for, the group events possible now.
 */
export type StepView = {
  step: string | null;
  kind: string | null;
  title: string;
  /** What the citizen reads about the step. */
  text: string;
  /** The questions the citizen answers here. */
  fields?: Field[];
  /** The outcomes an official chooses from. */
  outcomes?: { id: string; label: string; fields: Field[] }[];
  /** The timers and the signal this step waits for. */
  waits?: StepWait;
  /** The facts a signal brings (validated like answers). */
  signalFields: Field[];
  events: EventChoice[];
  ended: boolean;
  outcome?: string;
};

/** What the journey shows at a snapshot, in a language. */
export function viewAt(journey: Journey, snapshot: JourneySnapshot, lang: Lang): StepView {
  const { process } = journey;
  const id = journey.stepAt(snapshot);
  const step = own(process.steps, id);
  const kind = step ? stepKind(step.kind) : undefined;
  const outcome = journey.outcomeAt(id);
  const waits = step && id ? kind?.waitsFor?.(id, step) : undefined;
  return {
    step: id,
    kind: step?.kind ?? null,
    title: step ? t(step.title, lang) : '',
    text: step?.citizenText ? t(step.citizenText, lang) : '',
    fields: citizenFields(process, id),
    outcomes: step
      ? kind?.task(step)?.outcomes.map((o) => ({ id: o.id, label: t(o.label, lang), fields: o.fields ?? [] }))
      : undefined,
    waits,
    signalFields: waits?.signal && step ? kind!.fields(step) : [],
    events: Object.values(process.groups ?? {}).flatMap((g) =>
      Object.entries(g.on ?? {})
        .filter(([name]) => journey.can(snapshot, { type: name }).value)
        .map(([name, on]) => ({ name, label: t(on.label, lang) })),
    ),
    ended: outcome !== undefined,
    ...(outcome !== undefined ? { outcome } : {}),
  };
}
