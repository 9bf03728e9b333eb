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
      ...nodes.filter((n) => n.type === 'step' && !n.parentId).map((n) => child(n.id)),
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
  return { ...def, layout };
}
