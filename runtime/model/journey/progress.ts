import { Duration } from 'luxon';
import { own as ownKey } from '../reserved.js';
import { kindOf, taskOf } from '../steps/index.js';
import type { Process, Step } from '../schema.js';

/**
 * What the citizen is told about the way ahead before and while they fill in
 * a process: the form steps on it, "Stap 2 van 3", how long filling in takes,
 * and when a decision can be expected. From the definition alone.
 */

/**
 * Whether the citizen's answers pass a step on their way to being sent: a
 * form, a decision (rules on the answers), or a step that moves on at once (a
 * message). A handoff or a wait comes after sending: the way ahead ends there.
 */
const onTheWay = (step: Step | undefined): step is Step =>
  !!step && (kindOf(step).citizenActs || !!kindOf(step).decision || !!kindOf(step).passesOn);

const own = (process: Process, id: string): Step | undefined => ownKey(process.steps, id);

/** The form steps the citizen can reach from `from` before their answers are sent, in the order first met. */
export function formStepsFrom(process: Process, from: string): string[] {
  const seen = new Set<string>();
  const forms: string[] = [];
  const queue = [from];
  while (queue.length) {
    const id = queue.shift()!;
    const step = own(process, id);
    if (seen.has(id) || !onTheWay(step)) continue;
    seen.add(id);
    if (kindOf(step).citizenActs) forms.push(id);
    for (const edge of kindOf(step).edges(step)) if (edge.to) queue.push(edge.to);
  }
  return forms;
}

/**
 * The most form steps on one way from `from` (itself included when it is a
 * form) to where the answers are sent. Where the way branches, the longest
 * branch counts: "Stap 1 van 3" may become "Stap 2 van 2" on a shorter one,
 * but never "Stap 4 van 3". A loop is followed once; the steps in `answered`
 * (the ones before on the draft) are not counted again.
 */
export function longestFormRun(process: Process, from: string, answered: readonly string[] = []): number {
  const run = (id: string, path: Set<string>): number => {
    const step = own(process, id);
    if (path.has(id) || !onTheWay(step)) return 0;
    const inner = new Set(path).add(id);
    const next = kindOf(step)
      .edges(step)
      .map((edge) => (edge.to ? run(edge.to, inner) : 0));
    return (kindOf(step).citizenActs ? 1 : 0) + Math.max(0, ...next);
  };
  return run(from, new Set(answered.filter((id) => id !== from)));
}

/**
 * "Stap n van m" for a form step: the form steps answered on the way here
 * (`before`: the draft's steps before it), and the longest way on from here.
 */
export function stepOfSteps(process: Process, step: string, before: readonly string[]): { n: number; total: number } {
  return { n: before.length + 1, total: before.length + Math.max(1, longestFormRun(process, step, before)) };
}

/** Minutes per question, and the least, for the start page's "Het invullen duurt ongeveer n minuten". */
const MINUTES_PER_QUESTION = 0.75;
const LEAST_MINUTES = 2;

/** How long filling in takes, from the questions of the form steps reachable from the process's start. */
export function fillingInMinutes(process: Process): number {
  const questions = formStepsFrom(process, process.start).reduce(
    (n, id) => n + kindOf(process.steps[id]).fields(process.steps[id]).length,
    0,
  );
  return Math.max(LEAST_MINUTES, Math.ceil(questions * MINUTES_PER_QUESTION));
}

/** A deadline as the citizen reads it: a number of days or of working days. */
export type DecisionTime = { n: number; unit: 'days' | 'workingDays' };

/** Calendar days a deadline may take at most (a working week is five days of seven), to compare two of them. */
const calendarDays = (time: DecisionTime) => (time.unit === 'days' ? time.n : Math.ceil((time.n * 7) / 5));

/**
 * When an official's decision can be expected: the longest deadline of the
 * process's handoffs, in the unit the designer gave it (working days stay
 * working days), or undefined when no handoff has one.
 */
export function decisionTime(process: Process): DecisionTime | undefined {
  let longest: DecisionTime | undefined;
  for (const step of Object.values(process.steps)) {
    const due = taskOf(step)?.due;
    if (!due) continue;
    const time: DecisionTime =
      typeof due === 'string'
        ? { n: Math.ceil(Duration.fromISO(due).as('days')), unit: 'days' }
        : { n: due.workingDays, unit: 'workingDays' };
    if (!Number.isFinite(time.n) || time.n <= 0) continue;
    if (!longest || calendarDays(time) > calendarDays(longest)) longest = time;
  }
  return longest;
}
