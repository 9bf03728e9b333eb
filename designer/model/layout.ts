import ELK from 'elkjs/lib/elk.bundled.js';
import type { Process } from '../../runtime/model/index.js';
import { toFlow, STEP_SIZE } from './flow.js';

const elk = new ELK();
const PAD = 40;

/**
 * Lays a process out with ELK (layered, left to right; a long process wraps
 * into rows), groups as compound nodes around their steps; positions (relative to the group for steps in
 * one) and group sizes go into the definition's `layout`.
 */
export async function autoLayout(
  def: Process,
  sizes: Record<string, { width: number; height: number }> = {},
  /** Width over height of the canvas it is shown in (the canvas at 1280×800 is about 760×540). */
  aspect = 1.4,
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
  type Laid = {
    children?: {
      id: string;
      x?: number;
      y?: number;
      width?: number;
      height?: number;
      children?: { id: string; x?: number; y?: number }[];
    }[];
  };
  let result = (await elk.layout(structuredClone(graph) as never)) as Laid;
  // A long process on one line is a strip that "fit view" shrinks past reading: wrap it into rows that
  // fill the canvas (a 15-step chain at 1280×800 becomes five rows of three).
  const box = extent(result.children ?? []);
  if (box.width > WRAP_WIDTH && box.width > 1.5 * aspect * box.height) {
    const wrapped = {
      ...graph,
      layoutOptions: {
        ...graph.layoutOptions,
        'elk.layered.wrapping.strategy': 'MULTI_EDGE',
        // ELK's rows come out wider than the ratio asked for (its edges between rows take room too).
        'elk.aspectRatio': String(Math.min(4, Math.max(0.5, aspect * 0.75))),
        // Tighter than one line: every pixel saved keeps the zoom at "fit view" readable.
        'elk.layered.spacing.nodeNodeBetweenLayers': '50',
        'elk.spacing.nodeNode': '30',
      },
    };
    result = (await elk.layout(wrapped as never)) as Laid;
  }
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

/** Wider than this (about five steps in a row) and much wider than high, the layout wraps into rows. */
const WRAP_WIDTH = 1500;

function extent(nodes: { x?: number; y?: number; width?: number; height?: number }[]) {
  if (!nodes.length) return { width: 0, height: 0 };
  const right = Math.max(...nodes.map((n) => (n.x ?? 0) + (n.width ?? 0)));
  const bottom = Math.max(...nodes.map((n) => (n.y ?? 0) + (n.height ?? 0)));
  const left = Math.min(...nodes.map((n) => n.x ?? 0));
  const top = Math.min(...nodes.map((n) => n.y ?? 0));
  return { width: right - left, height: bottom - top };
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
