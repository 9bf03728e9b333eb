import type { Process } from '../../runtime/model/index.js';
import { absolutePosition } from './groups.js';

/** About the size of a step on the canvas (nodes grow with their slots; this is enough to keep new ones apart). */
const W = 220;
const H = 110;
const GAP = 40;

/**
 * Where a new step goes: at `wanted` if nothing is there, else the nearest
 * free place to the right (then below), so a step added from the palette
 * never lands on top of another.
 */
export function freeSpot(def: Process, wanted: { x: number; y: number }): { x: number; y: number } {
  const taken = Object.keys(def.steps)
    .filter((id) => def.layout?.[id])
    .map((id) => absolutePosition(def, id));
  const free = (p: { x: number; y: number }) =>
    taken.every((q) => Math.abs(q.x - p.x) >= W + GAP / 2 || Math.abs(q.y - p.y) >= H + GAP / 2);
  for (let row = 0; row < 20; row++) {
    for (let col = 0; col < 8; col++) {
      const p = { x: Math.round(wanted.x + col * (W + GAP)), y: Math.round(wanted.y + row * (H + GAP)) };
      if (free(p)) return p;
    }
  }
  return { x: Math.round(wanted.x), y: Math.round(wanted.y) };
}
