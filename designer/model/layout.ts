import ELK from 'elkjs/lib/elk.bundled.js';
import type { Process } from '../../runtime/model/index.js';
import { toFlow, STEP_SIZE } from './flow.js';

const elk = new ELK();
const PAD = 40;

/**
 * Lays a process out with ELK (layered, left to right), groups as compound
 * nodes around their steps; positions (relative to the group for steps in
 * one) and group sizes go into the definition's `layout`.
 */
export async function autoLayout(
  def: Process,
  sizes: Record<string, { width: number; height: number }> = {},
): Promise<Process> {
  const { nodes, edges } = toFlow(def, { problems: [], lang: 'nl' });
  // Measured sizes from the canvas where known (nodes grow with their slots), else the standard size.
  const child = (id: string) => ({
    id,
    width: sizes[id]?.width ?? STEP_SIZE.width,
    height: sizes[id]?.height ?? STEP_SIZE.height,
  });
  const groups = nodes.filter((n) => n.type === 'group');
  // Steps no line leads to or from (outside a group): ELK would stack them around the start; they go in
  // rows below the diagram instead, in the order of the definition, so the flow reads left to right.
  const linked = new Set(edges.flatMap((e) => [e.source, e.target]));
  const loose = nodes.filter((n) => n.type === 'step' && !n.parentId && !linked.has(n.id));
  const looseIds = new Set(loose.map((n) => n.id));
  const graph = {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.spacing.nodeNode': '40',
      'elk.layered.spacing.nodeNodeBetweenLayers': '80',
      'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
    },
    children: [
      ...groups.map((g) => ({
        id: g.id,
        layoutOptions: { 'elk.padding': `[top=${PAD + 20},left=${PAD},bottom=${PAD},right=${PAD}]` },
        children: nodes.filter((n) => n.parentId === g.id).map((n) => child(n.id)),
      })),
      ...nodes.filter((n) => n.type === 'step' && !n.parentId && !looseIds.has(n.id)).map((n) => child(n.id)),
    ],
    edges: edges
      .filter((e) => e.source !== e.target)
      .map((e) => ({ id: e.id, sources: [e.source], targets: [e.target] })),
  };
  const result = (await elk.layout(graph as never)) as {
    children?: {
      id: string;
      x?: number;
      y?: number;
      width?: number;
      height?: number;
      children?: { id: string; x?: number; y?: number }[];
    }[];
  };
  const layout: NonNullable<Process['layout']> = {};
  for (const n of result.children ?? []) {
    const id = n.id.startsWith('group:') ? n.id.slice(6) : n.id;
    layout[id] = {
      x: Math.round(n.x ?? 0),
      y: Math.round(n.y ?? 0),
      ...(n.id.startsWith('group:') ? { w: Math.round(n.width ?? 0), h: Math.round(n.height ?? 0) } : {}),
    };
    for (const c of n.children ?? []) layout[c.id] = { x: Math.round(c.x ?? 0), y: Math.round(c.y ?? 0) };
  }
  placeLoose(
    layout,
    loose.map((n) => child(n.id)),
    result.children ?? [],
  );
  return { ...def, layout };
}

/** How many loose steps go in one row below the diagram. */
const LOOSE_PER_ROW = 5;

function placeLoose(
  layout: NonNullable<Process['layout']>,
  loose: { id: string; width: number; height: number }[],
  laid: { y?: number; height?: number }[],
) {
  const top = laid.length ? Math.max(...laid.map((n) => (n.y ?? 0) + (n.height ?? STEP_SIZE.height))) + 80 : 12;
  const column = Math.max(STEP_SIZE.width, ...loose.map((n) => n.width)) + 40;
  let y = top;
  for (let i = 0; i < loose.length; i += LOOSE_PER_ROW) {
    const row = loose.slice(i, i + LOOSE_PER_ROW);
    row.forEach((n, j) => (layout[n.id] = { x: 12 + j * column, y: Math.round(y) }));
    y += Math.max(...row.map((n) => n.height)) + 40;
  }
}
