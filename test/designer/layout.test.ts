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
