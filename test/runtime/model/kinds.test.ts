import { describe, expect, it } from 'vitest';
import {
  choicesOf,
  fieldKind,
  fieldKinds,
  fieldTypes,
  isFinal,
  outcomeOf,
  roughValue,
  sampleValue,
  stepKind,
  stepKindNames,
  stepKinds,
  taskOf,
  type Field,
  type Step,
} from '../../../runtime/model/index.js';

// What the descriptors answer in place of comparisons of `kind` and `type` elsewhere.

const handoff: Step = {
  kind: 'handoff',
  title: 'Beoordelen',
  team: 'burgerzaken',
  due: 'P5D',
  escalate: { team: 'leiding' },
  instructions: 'Alleen intern',
  outcomes: [{ id: 'ok', label: 'Goed', goto: 'klaar' }],
};
const end: Step = { kind: 'end', title: 'Klaar', outcome: 'granted', message: 'Toegekend.' };
const wait: Step = {
  kind: 'wait',
  title: 'Wachten',
  signal: 'brp.verhuisd',
  then: 'klaar',
  timeout: { after: 'P14D', goto: 'klaar' },
};

describe('step kinds', () => {
  it('names the registered kinds from the registry', () => {
    expect(stepKindNames).toEqual(stepKinds.map((k) => k.kind));
  });

  it('creates a new step of each kind that its own schema accepts, in both languages', () => {
    for (const name of stepKindNames) {
      for (const lang of ['nl', 'en'] as const) {
        const step = stepKind(name).create(lang);
        expect(step.kind).toBe(name);
        expect(stepKind(name).schema.safeParse(step).success).toBe(true);
      }
    }
    expect(stepKind('form').create('en').title).toBe('New form');
  });

  it('tells an end, its outcome and message, and the task a handoff opens', () => {
    expect(isFinal(end)).toBe(true);
    expect(isFinal(handoff)).toBe(false);
    expect(isFinal(undefined)).toBe(false);
    expect(outcomeOf(end)).toEqual({ outcome: 'granted', message: 'Toegekend.' });
    expect(outcomeOf(handoff)).toBeUndefined();
    expect(taskOf(handoff)).toMatchObject({
      team: 'burgerzaken',
      escalateTo: 'leiding',
      due: 'P5D',
      instructions: 'Alleen intern',
    });
    expect(taskOf(end)).toBeUndefined();
    expect(stepKind('form').citizenActs).toBe(true);
  });

  it('lists the durations of a step to check', () => {
    expect(stepKind('handoff').durations(handoff)).toEqual(['P5D']);
    expect(stepKind('wait').durations(wait)).toEqual(['P14D']);
    expect(stepKind('end').durations(end)).toEqual([]);
  });

  it('adds a field where a step takes data, and nowhere else', () => {
    const field: Field = { id: 'reden', label: 'Reden', type: 'text' };
    expect(stepKind('wait').withField(wait, field)).toMatchObject({ fields: [field] });
    expect(stepKind('handoff').withField(handoff, field)).toMatchObject({ outcomes: [{ id: 'ok', fields: [field] }] });
    expect(stepKind('end').withField(end, field)).toBeUndefined();
    expect(stepKind('wait').withField({ kind: 'wait', title: 'W', for: 'P1D', then: 'x' }, field)).toBeUndefined();
  });

  it('says what shape raw JSON needs for the designer to draw it', () => {
    expect(stepKind('form').shape({ kind: 'form', fields: {}, next: 'x' })).toBe('fields must be a list');
    expect(stepKind('form').shape({ kind: 'form', fields: [], next: 3 })).toBe(
      'next must be a step id or a list of routes',
    );
    expect(stepKind('handoff').shape({ kind: 'handoff', outcomes: [] })).toBeUndefined();
  });
});

describe('field kinds', () => {
  it('offers a sample value of each kind that its own parse accepts (empty text aside)', () => {
    for (const type of fieldTypes) {
      const field: Field = { id: 'x', label: 'X', type, options: [{ value: 'a', label: 'A' }] };
      const sample = sampleValue(field, '2026-03-01');
      if (sample === '') continue;
      expect(fieldKind(type).parse(sample, field, { today: '2026-03-01' })).toHaveProperty('value');
    }
    expect(sampleValue(undefined, '2026-03-01')).toBeNull();
  });

  it('lists the choices of the kinds one picks from, whose values parse', () => {
    const yesNo: Field = { id: 'auto', label: 'Auto', type: 'yes-no' };
    expect(choicesOf(yesNo)?.map((c) => fieldKind('yes-no').parse(c.value, yesNo, { today: '' }))).toEqual([
      { value: true },
      { value: false },
    ]);
    expect(choicesOf({ id: 'k', label: 'K', type: 'choice', options: [{ value: 'a', label: 'A' }] })).toEqual([
      { value: 'a', label: 'A' },
    ]);
    expect(choicesOf({ id: 't', label: 'T', type: 'text' })).toBeUndefined();
    expect([...fieldKinds.values()].filter((k) => k.upload).map((k) => k.type)).toEqual(['file']);
  });

  it("reads an answer typed so far roughly, by the kind's own parse", () => {
    expect(roughValue({ id: 'b', label: 'B', type: 'money' }, '1.234,50')).toBe(1234.5);
    expect(roughValue({ id: 'b', label: 'B', type: 'money', min: 5000 }, '1.234,50')).toBe(1234.5);
    expect(roughValue({ id: 'b', label: 'B', type: 'number' }, 'veel')).toBeUndefined();
    expect(roughValue({ id: 'a', label: 'A', type: 'yes-no' }, 'false')).toBe(false);
    expect(roughValue({ id: 'n', label: 'N', type: 'text' }, '')).toBeUndefined();
  });
});
