import { describe, expect, it } from 'vitest';
import { STEP_SIZE, needsLayout } from '../../designer/model/flow.js';
import { autoLayout } from '../../designer/model/layout.js';
import type { Process } from '../../runtime/model/index.js';
import { fixtureProcess } from '../helpers/fixtures.js';

describe('automatic layout (elkjs)', () => {
  it('places every step and group without overlap, groups around their steps', async () => {
    const def: Process = fixtureProcess('toeslag') as Process;
    expect(needsLayout(def)).toBe(true);
    const laid = await autoLayout(def);
    expect(needsLayout(laid)).toBe(false);
    const group = laid.layout!.aanvraag;
    expect(group.w).toBeGreaterThan(STEP_SIZE.width);
    // Steps in the group are relative to it and fit inside it.
    for (const id of ['huishouden', 'geldzaken', 'toets', 'beoordeling']) {
      const p = laid.layout![id];
      expect(p.x + STEP_SIZE.width).toBeLessThanOrEqual(group.w!);
      expect(p.y + STEP_SIZE.height).toBeLessThanOrEqual(group.h!);
    }
    // Top-level nodes do not overlap.
    const top = ['aanvraag', 'toekenning', 'toegekend', 'afgewezen', 'ingetrokken'].map((id) => ({
      id,
      ...laid.layout![id],
      w: laid.layout![id].w ?? STEP_SIZE.width,
      h: laid.layout![id].h ?? STEP_SIZE.height,
    }));
    for (const a of top)
      for (const b of top) {
        if (a.id >= b.id) continue;
        const overlap = a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
        expect(overlap, `${a.id} overlaps ${b.id}`).toBe(false);
      }
  });
});

describe('automatic layout with measured sizes', () => {
  it('leaves room for nodes the canvas measured larger than the standard size', async () => {
    const def: Process = fixtureProcess('tabeltoets') as Process;
    const tall = { width: 260, height: 300 };
    const laid = await autoLayout(def, { toets: tall });
    const group = laid.layout!.aanvraag;
    expect(laid.layout!.toets.y + tall.height).toBeLessThanOrEqual(group.h!);
    expect(laid.layout!.toets.x + tall.width).toBeLessThanOrEqual(group.w!);
  });
});

describe('automatic layout of steps nothing connects', () => {
  it('puts them in rows below the diagram, in the order of the definition, clear of each other', async () => {
    const def = fixtureProcess('ophalen') as Process;
    const loose = Array.from({ length: 7 }, (_, i) => `los-${i + 1}`);
    for (const id of loose)
      (def.steps as Record<string, unknown>)[id] = { kind: 'end', title: id, outcome: 'completed', message: 'x' };
    const laid = await autoLayout(def);
    const at = (id: string) => laid.layout![id];
    const bottom = Math.max(...['ophaalverzoek', 'ingepland'].map((id) => at(id).y + STEP_SIZE.height));
    // The flow itself reads from the start, on one line; nothing is stacked around it.
    expect(at('ingepland').x).toBeGreaterThan(at('ophaalverzoek').x);
    for (const id of loose) expect(at(id).y, id).toBeGreaterThan(bottom);
    // Five to a row, left to right in definition order, then the next row.
    expect(loose.slice(0, 5).map((id) => at(id).y)).toEqual(Array(5).fill(at('los-1').y));
    for (let i = 1; i < 5; i++) expect(at(loose[i]).x).toBeGreaterThan(at(loose[i - 1]).x + STEP_SIZE.width);
    expect(at('los-6').y).toBeGreaterThan(at('los-1').y + STEP_SIZE.height);
    expect(at('los-6').x).toBe(at('los-1').x);
  });

  it('lays a process of only loose steps out in rows from the top left', async () => {
    const def = fixtureProcess('ophalen') as Process;
    const only = { ...def, steps: { a: def.steps.ingepland, b: def.steps.ingepland }, start: 'a' } as Process;
    const laid = await autoLayout(only);
    expect(laid.layout).toEqual({ a: { x: 12, y: 12 }, b: { x: 12 + STEP_SIZE.width + 40, y: 12 } });
  });
});

describe('automatic layout of a long process', () => {
  it('wraps a 15-step chain into rows that fit the canvas at 1280×800, still in order; a wider canvas gets wider rows', async () => {
    const steps: Record<string, unknown> = {};
    for (let i = 1; i <= 14; i++)
      steps[`f${i}`] = {
        kind: 'form',
        title: `Vraag ${i}`,
        fields: [{ id: `v${i}`, label: 'Antwoord', type: 'text' }],
        next: i < 14 ? `f${i + 1}` : 'klaar',
      };
    steps.klaar = { kind: 'end', title: 'Klaar', outcome: 'completed', message: 'Klaar.' };
    const laid = await autoLayout({ key: 'lang', title: 'Lang', start: 'f1', steps } as unknown as Process);
    const ps = Object.values(laid.layout!);
    const width = Math.max(...ps.map((p) => p.x)) + STEP_SIZE.width;
    const height = Math.max(...ps.map((p) => p.y)) + STEP_SIZE.height;
    // In the canvas of about 760×540 px at 1280×800 this shows at a zoom of at least 0.7: readable.
    expect(Math.min(760 / width, 540 / height)).toBeGreaterThanOrEqual(0.7);
    // Rows read left to right, and each row starts below the one before.
    const at = (i: number) => laid.layout![`f${i}`];
    expect(at(2).x).toBeGreaterThan(at(1).x);
    expect(new Set(ps.map((p) => p.y)).size).toBeGreaterThan(1);
    for (let i = 2; i <= 14; i++) expect(at(i).y >= at(i - 1).y, `f${i}`).toBe(true);
    const wide = await autoLayout({ key: 'lang', title: 'Lang', start: 'f1', steps } as unknown as Process, {}, 3);
    const wideWidth = Math.max(...Object.values(wide.layout!).map((p) => p.x)) + STEP_SIZE.width;
    expect(wideWidth).toBeGreaterThan(width);
  });
});
