import { describe, expect, it } from 'vitest';
import { readableViewport } from '../../designer/canvas/readable-view.js';
import { addGroup, absolutePosition, moveIntoGroup } from '../../designer/editor/groups.js';
import { isUndoKey } from '../../designer/editor/keys.js';
import { knownFields } from '../../designer/editor/known-fields.js';
import { emptyDraft, keyProblem } from '../../designer/editor/new-process.js';
import { freeSpot } from '../../designer/editor/placement.js';
import { setGroup } from '../../designer/model/flow.js';
import { checkDefinition, type Process } from '../../runtime/model/index.js';
import { roughValues } from '../../designer/simulate/rough-values.js';

const def: Process = {
  key: 'p',
  title: 'P',
  start: 'a',
  contact: { team: 't' },
  groups: { fase: { title: 'Fase' } },
  steps: {
    a: { kind: 'form', title: 'A', group: 'fase', fields: [{ id: 'n', label: 'Getal', type: 'number' }], next: 'b' },
    b: {
      kind: 'handoff',
      title: 'B',
      team: 't',
      due: 'P1D',
      outcomes: [{ id: 'ok', label: 'OK', goto: 'c', fields: [{ id: 'reden', label: 'Reden', type: 'text' }] }],
    },
    c: { kind: 'end', title: 'C', outcome: 'completed', message: 'Klaar' },
  },
  layout: { fase: { x: 100, y: 50 }, a: { x: 40, y: 60 }, b: { x: 500, y: 100 }, c: { x: 800, y: 100 } },
} as Process;

describe('a new process', () => {
  it('takes a key of lowercase letters, digits and hyphens that is not taken', () => {
    expect(keyProblem('ophalen-2', ['ophalen'])).toBeNull();
    expect(keyProblem('ophalen', ['ophalen'])).toBe('taken');
    expect(keyProblem('Grof vuil', [])).toBe('invalid');
    expect(keyProblem('', [])).toBe('invalid');
  });

  it('starts as an empty draft whose only problems say what to do first', () => {
    const draft = emptyDraft('nieuw', 'Nieuw', 'New');
    expect(draft).toEqual({ key: 'nieuw', title: { nl: 'Nieuw', en: 'New' }, start: 'start', steps: {} });
    expect(
      checkDefinition(draft)
        .problems.map((p) => p.code)
        .sort(),
    ).toEqual(['P010', 'P015']);
  });
});

describe('groups on the canvas', () => {
  it('adds an empty group with an id no step or group has', () => {
    const { def: next, id } = addGroup(def, { x: 10.4, y: 20.6 }, 'nl');
    expect(id).toBe('fase-1');
    expect(next.groups?.[id]).toEqual({ title: 'Fase 1' });
    expect(next.layout?.[id]).toEqual({ x: 10, y: 21 });
    expect(addGroup(next, { x: 0, y: 0 }, 'en').def.groups?.['fase-2']?.title).toEqual({ nl: 'Fase 2', en: 'Phase 2' });
  });

  it('knows where a step in a group is on the whole canvas', () => {
    expect(absolutePosition(def, 'a')).toEqual({ x: 140, y: 110 });
    expect(absolutePosition(def, 'b')).toEqual({ x: 500, y: 100 });
  });

  it('keeps a step where it is on screen when it joins or leaves a group', () => {
    const into = moveIntoGroup(def, 'b', 'fase', setGroup);
    expect(into.steps.b.group).toBe('fase');
    expect(into.layout?.b).toEqual({ x: 400, y: 60 });
    expect(absolutePosition(into, 'b')).toEqual({ x: 500, y: 110 });
    const out = moveIntoGroup(def, 'a', undefined, setGroup);
    expect(out.steps.a.group).toBeUndefined();
    expect(out.layout?.a).toEqual({ x: 140, y: 110 });
  });
});

describe('placing a new step', () => {
  it('uses the wanted place when it is free, else the nearest free place to the right', () => {
    expect(freeSpot(def, { x: 0, y: 400 })).toEqual({ x: 0, y: 400 });
    const spot = freeSpot(def, { x: 500, y: 100 });
    expect(spot.y).toBe(100);
    expect(spot.x).toBeGreaterThanOrEqual(800 + 220);
  });
});

describe('keys and values', () => {
  it('reads Ctrl/Cmd+Z as undo and Ctrl/Cmd+Shift+Z or Ctrl+Y as redo', () => {
    const key = (
      k: string,
      mods: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }> = {},
    ) => isUndoKey({ key: k, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods });
    expect(key('z', { ctrlKey: true })).toBe('undo');
    expect(key('Z', { metaKey: true, shiftKey: true })).toBe('redo');
    expect(key('y', { ctrlKey: true })).toBe('redo');
    expect(key('z')).toBeNull();
    expect(key('z', { ctrlKey: true, altKey: true })).toBeNull();
  });

  it('lists the fields a process asks or receives, once each, with their step', () => {
    expect(knownFields(def, 'nl')).toEqual([
      { id: 'n', label: 'Getal', step: 'a', type: 'number' },
      { id: 'reden', label: 'Reden', step: 'b', type: 'text' },
    ]);
    expect(knownFields({ ...def, steps: { x: { kind: 'onbekend' } } } as unknown as Process, 'nl')).toEqual([]);
  });

  it('reads typed answers roughly, only to decide which questions to show', () => {
    const fields = [
      { id: 'auto', label: 'Auto', type: 'yes-no' as const },
      { id: 'bedrag', label: 'B', type: 'money' as const },
      { id: 'naam', label: 'N', type: 'text' as const },
    ];
    expect(roughValues(fields, { auto: 'true', bedrag: '1.234,50', naam: 'An' })).toEqual({
      auto: true,
      bedrag: 1234.5,
      naam: 'An',
    });
    expect(roughValues(fields, { auto: 'false', bedrag: 'veel', naam: '' })).toEqual({ auto: false });
  });
});

describe('the first view of the canvas', () => {
  it('shows all of a small process, centred, at most at full size', () => {
    const v = readableViewport({ x: 0, y: 0, width: 400, height: 200 }, { width: 800, height: 600 });
    expect(v.zoom).toBe(1);
    expect(v.x).toBe(200);
    expect(v.y).toBe(200);
  });

  it('shows the beginning of a large process at a readable zoom rather than all of it tiny', () => {
    const v = readableViewport({ x: 100, y: 0, width: 3000, height: 400 }, { width: 800, height: 600 });
    expect(v.zoom).toBe(0.75);
    expect(v.x).toBe(32 - 100 * 0.75);
    expect(v.y).toBeCloseTo((600 - 400 * 0.75) / 2);
  });
});
