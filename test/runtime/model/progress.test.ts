// The way ahead as the citizen is told it: the form steps on it ("Stap 2 van 3", the longest branch where
// it branches), how long filling in takes, and when an official's decision can be expected.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  decisionTime,
  fillingInMinutes,
  formStepsFrom,
  longestFormRun,
  stepOfSteps,
  type Process,
} from '../../../runtime/model/index.js';

// A form, a decision (two rules and otherwise: an end, a second form, or the handoff), a handoff, three ends.
const fixture: Process = JSON.parse(
  readFileSync(new URL('../../fixtures/model/journey.json', import.meta.url), 'utf8'),
);

const field = (id: string) => ({ id, label: id, type: 'text' as const, required: true });
const form = (title: string, next: string, fields = [field(title)]) => ({ kind: 'form' as const, title, fields, next });
const end = { kind: 'end' as const, title: 'Klaar', outcome: 'completed', message: 'Klaar.' };

describe('the form steps on the way', () => {
  it('counts the longest branch of a decision, and stops at a handoff', () => {
    expect(formStepsFrom(fixture, 'aanvraag')).toEqual(['aanvraag', 'gezin']);
    // aanvraag → toets → gezin → beoordeling (handoff): two forms on the longest way.
    expect(longestFormRun(fixture, 'aanvraag')).toBe(2);
    expect(longestFormRun(fixture, 'gezin')).toBe(1);
    expect(stepOfSteps(fixture, 'aanvraag', [])).toEqual({ n: 1, total: 2 });
    expect(stepOfSteps(fixture, 'gezin', ['aanvraag'])).toEqual({ n: 2, total: 2 });
  });

  it('does not count forms after a handoff (they come after sending), and follows a loop once', () => {
    const def = {
      key: 'lus',
      title: 'Lus',
      start: 'a',
      steps: {
        a: form('a', 'b'),
        b: form('b', 'c'),
        c: { kind: 'form', title: 'c', fields: [field('c')], next: [{ when: 'c = "x"', goto: 'a' }, { goto: 'h' }] },
        h: {
          kind: 'handoff',
          title: 'h',
          team: 't',
          outcomes: [
            { id: 'meer', label: 'Meer', goto: 'd' },
            { id: 'klaar', label: 'Klaar', goto: 'klaar' },
          ],
        },
        d: form('d', 'klaar'),
        klaar: end,
      },
    } as unknown as Process;
    expect(longestFormRun(def, 'a')).toBe(3);
    expect(formStepsFrom(def, 'a')).toEqual(['a', 'b', 'c']);
    // After the handoff the official asked for more: that form is the way ahead then, a step on its own.
    expect(stepOfSteps(def, 'd', [])).toEqual({ n: 1, total: 1 });
    // At the second step: the first is answered, and the loop back to it is not a step more.
    expect(stepOfSteps(def, 'b', ['a'])).toEqual({ n: 2, total: 3 });
    expect(longestFormRun(def, 'b')).toBe(3);
  });

  it('a step that is not on the way (unknown, or an end) has no forms ahead; the total is at least the step itself', () => {
    expect(longestFormRun(fixture, 'bestaat-niet')).toBe(0);
    expect(longestFormRun(fixture, 'toegekend')).toBe(0);
    expect(stepOfSteps(fixture, 'toegekend', ['aanvraag', 'gezin'])).toEqual({ n: 3, total: 3 });
  });
});

describe('how long filling in takes', () => {
  it('counts the questions of the forms reachable from the start, not those of a form only an offer reaches', () => {
    const def = {
      key: 'aanbod',
      title: 'Aanbod',
      start: 'a',
      triggers: [{ signal: 's', mode: 'offer', start: 'aanbod', because: 'Omdat.' }],
      steps: {
        a: form('a', 'klaar', ['1', '2', '3', '4', '5', '6', '7', '8'].map(field)),
        aanbod: form('aanbod', 'klaar', ['x', 'y', 'z', 'w'].map(field)),
        klaar: end,
      },
    } as unknown as Process;
    expect(fillingInMinutes(def)).toBe(6);
    expect(fillingInMinutes({ ...def, start: 'klaar' })).toBe(2);
  });
});

describe('when a decision can be expected', () => {
  const withDue = (...dues: unknown[]) =>
    ({
      key: 'termijn',
      title: 'Termijn',
      start: 'klaar',
      steps: {
        klaar: end,
        ...Object.fromEntries(
          dues.map((due, i) => [
            `h${i}`,
            { kind: 'handoff', title: 'h', team: 't', due, outcomes: [{ id: 'ok', label: 'OK', goto: 'klaar' }] },
          ]),
        ),
      },
    }) as unknown as Process;

  it('keeps working days as working days, and days as days', () => {
    expect(decisionTime(withDue({ workingDays: 8 }))).toEqual({ n: 8, unit: 'workingDays' });
    expect(decisionTime(withDue('P5D'))).toEqual({ n: 5, unit: 'days' });
    expect(decisionTime(withDue('P2W'))).toEqual({ n: 14, unit: 'days' });
    expect(decisionTime(withDue('PT36H'))).toEqual({ n: 2, unit: 'days' });
  });

  it('takes the longest deadline, compared in calendar days (8 working days are up to 12 days)', () => {
    expect(decisionTime(withDue('P10D', { workingDays: 8 }))).toEqual({ n: 8, unit: 'workingDays' });
    expect(decisionTime(withDue('P13D', { workingDays: 8 }))).toEqual({ n: 13, unit: 'days' });
  });

  it('has none without a handoff deadline', () => {
    expect(decisionTime(withDue())).toBeUndefined();
    expect(decisionTime(fixture)).toEqual({ n: 5, unit: 'days' });
  });
});
