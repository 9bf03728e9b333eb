import {
  isFinal,
  stepKind,
  t,
  type Lang,
  type Problem,
  type Process,
  type Step,
  type StepKindName,
} from '../../runtime/model/index.js';
import { setSlot, slotsOf } from './slots.js';

export { slotsOf as handlesOf, setSlot } from './slots.js';

/** A node as React Flow takes it (structurally: `Node` of @xyflow/react). */
export type FlowNode = {
  id: string;
  type: 'step' | 'group';
  position: { x: number; y: number };
  data: StepNodeData | GroupNodeData;
  parentId?: string;
  extent?: 'parent';
  style?: { width: number; height: number };
  selected?: boolean;
};
export type StepNodeData = {
  stepId: string;
  kind: StepKindName;
  title: string;
  facts: string[];
  problemCount: number;
  active: boolean;
  highlighted: boolean;
  handles: { id: string; label: string }[];
};
export type GroupNodeData = {
  groupId: string;
  title: string;
  events: { name: string; label: string; goto: string }[];
  problemCount: number;
  handles: { id: string; label: string }[];
};
export type FlowEdge = {
  id: string;
  source: string;
  target: string;
  sourceHandle: string;
  label: string;
  data: { via: string };
  animated?: boolean;
};

export const STEP_SIZE = { width: 220, height: 96 };
const GROUP_PAD = 40;

/** Whether any step or group has no position yet (then: automatic layout). */
export function needsLayout(def: Process): boolean {
  return [...Object.keys(def.steps), ...Object.keys(def.groups ?? {})].some((id) => !def.layout?.[id]);
}

/**
 * The canvas of a definition: groups as parent nodes (before their steps),
 * steps with their key facts, edges from every slot that points at a step.
 */
export function toFlow(
  def: Process,
  opts: { problems: Problem[]; lang: Lang; active?: string | null; highlight?: string[] },
): { nodes: FlowNode[]; edges: FlowEdge[] } {
  const { lang } = opts;
  const problemsOf = (id: string) => opts.problems.filter((p) => p.node === id).length;
  const pos = (id: string) => ({ x: def.layout?.[id]?.x ?? 0, y: def.layout?.[id]?.y ?? 0 });
  const groups = def.groups ?? {};
  const nodes: FlowNode[] = [];

  for (const [id, group] of Object.entries(groups)) {
    const members = Object.entries(def.steps)
      .filter(([, s]) => s.group === id && !isFinal(s))
      .map(([sid]) => pos(sid));
    const size =
      def.layout?.[id]?.w && def.layout?.[id]?.h
        ? { width: def.layout[id].w!, height: def.layout[id].h! }
        : {
            width: Math.max(STEP_SIZE.width + 2 * GROUP_PAD, ...members.map((p) => p.x + STEP_SIZE.width + GROUP_PAD)),
            height: Math.max(
              STEP_SIZE.height + 2 * GROUP_PAD,
              ...members.map((p) => p.y + STEP_SIZE.height + GROUP_PAD),
            ),
          };
    nodes.push({
      id: `group:${id}`,
      type: 'group',
      position: pos(id),
      style: size,
      data: {
        groupId: id,
        title: t(group.title, lang),
        events: Object.entries(group.on ?? {}).map(([name, on]) => ({
          name,
          label: t(on.label, lang) || name,
          goto: on.goto,
        })),
        problemCount: problemsOf(id),
        handles: slotsOf(def, `group:${id}`, lang).map(({ id: h, label }) => ({ id: h, label })),
      },
    });
  }
  for (const [id, step] of Object.entries(def.steps)) {
    // Ends are outside any group in the statechart; on the canvas too.
    const parent = step.group && groups[step.group] && !isFinal(step) ? `group:${step.group}` : undefined;
    nodes.push({
      id,
      type: 'step',
      position: pos(id),
      ...(parent ? { parentId: parent, extent: 'parent' as const } : {}),
      data: {
        stepId: id,
        kind: step.kind,
        title: t(step.title, lang) || id,
        facts: stepKind(step.kind).facts(step, lang),
        problemCount: problemsOf(id),
        active: opts.active === id,
        highlighted: !!opts.highlight?.includes(id),
        handles: slotsOf(def, id, lang).map(({ id: h, label }) => ({ id: h, label })),
      },
    });
  }

  const edges: FlowEdge[] = [];
  const sources = [...Object.keys(groups).map((g) => `group:${g}`), ...Object.keys(def.steps)];
  for (const source of sources) {
    for (const slot of slotsOf(def, source, lang)) {
      if (!slot.target || !def.steps[slot.target]) continue;
      const highlighted = !!opts.highlight?.includes(source) && !!opts.highlight?.includes(slot.target);
      edges.push({
        id: `${source}->${slot.target}:${slot.id}`,
        source,
        target: slot.target,
        sourceHandle: slot.id,
        label: slot.label,
        data: { via: slot.id },
        ...(highlighted ? { animated: true } : {}),
      });
    }
  }
  return { nodes, edges };
}

/** Connects a slot (source handle) of a node to a target step: sets the right target in the definition. */
export function connect(def: Process, source: string, sourceHandle: string, target: string): Process {
  if (!def.steps[target]) return def;
  return setSlot(def, source, sourceHandle, target);
}

/**
 * The slot a next step hangs from: the first empty one, a "new …" slot (another route, another rule) only
 * when every other slot is taken; null when the step leads nowhere more (an end).
 */
export function openSlot(def: Process, nodeId: string, lang: Lang): string | null {
  const empty = slotsOf(def, nodeId, lang).filter((s) => !s.target);
  return (empty.find((s) => !s.id.endsWith(':new')) ?? empty[0])?.id ?? null;
}

/** Adds a step of a kind after another one, connected from its open slot (the context pad beside a step). */
export function addAfter(
  def: Process,
  from: string,
  kind: StepKindName,
  position: { x: number; y: number },
  lang: Lang,
): { def: Process; id: string } | null {
  const slot = openSlot(def, from, lang);
  if (!slot) return null;
  const added = addStep(def, kind, position, lang);
  return { id: added.id, def: connect(added.def, from, slot, added.id) };
}

/** Adds a step of a kind at a position; the first step of an empty process becomes its start. */
export function addStep(
  def: Process,
  kind: StepKindName,
  position: { x: number; y: number },
  lang: Lang,
): { def: Process; id: string } {
  const descriptor = stepKind(kind);
  let n = 1;
  while (def.steps[`${descriptor.idWord}-${n}`] || def.groups?.[`${descriptor.idWord}-${n}`]) n++;
  const id = `${descriptor.idWord}-${n}`;
  return {
    id,
    def: {
      ...def,
      start: def.steps[def.start] ? def.start : id,
      steps: { ...def.steps, [id]: descriptor.create(lang) },
      layout: { ...(def.layout ?? {}), [id]: { x: Math.round(position.x), y: Math.round(position.y) } },
    },
  };
}

/** Removes nodes (steps, groups) and edges (an edge's removal disconnects its slot). */
export function removeElements(def: Process, nodeIds: string[], edgeIds: string[]): Process {
  let next = def;
  for (const edgeId of edgeIds) {
    // `${source}->${target}:${slot}`: step ids have no ':', so the first ':' after the arrow splits.
    const m = /^(.+)->([a-z][a-z0-9-]*):(.+)$/.exec(edgeId);
    if (m) next = setSlot(next, m[1], m[3], null);
  }
  const steps = { ...next.steps };
  const groups = { ...(next.groups ?? {}) };
  const layout = { ...(next.layout ?? {}) };
  for (const id of nodeIds) {
    if (id.startsWith('group:')) {
      const g = id.slice(6);
      delete groups[g];
      delete layout[g];
      // Its steps stay, outside any group (at their place on the canvas).
      for (const [sid, s] of Object.entries(steps))
        if (s.group === g) {
          const { group: _, ...rest } = s;
          steps[sid] = rest as Step;
        }
    } else {
      delete steps[id];
      delete layout[id];
    }
  }
  return { ...next, steps, layout, ...(next.groups ? { groups } : {}) };
}

/** New positions from the canvas (relative to the parent group for steps in a group). */
export function moveNodes(def: Process, positions: Record<string, { x: number; y: number }>): Process {
  const layout = { ...(def.layout ?? {}) };
  for (const [nodeId, p] of Object.entries(positions)) {
    const id = nodeId.startsWith('group:') ? nodeId.slice(6) : nodeId;
    layout[id] = { ...(layout[id] ?? {}), x: Math.round(p.x), y: Math.round(p.y) };
  }
  return { ...def, layout };
}

/** Puts a step into a group (or out of any group). */
export function setGroup(def: Process, stepId: string, groupId: string | undefined): Process {
  const step = def.steps[stepId];
  if (!step) return def;
  const { group: _, ...rest } = step;
  return { ...def, steps: { ...def.steps, [stepId]: (groupId ? { ...rest, group: groupId } : rest) as Step } };
}

/**
 * Lines between the same two steps (two rules to one step) bend at different
 * places, so each stays a line of its own: the i-th of n at 0.5 ± 0.15 steps.
 */
export function parallelBends(
  edges: { id: string; source: string; target: string }[],
): Map<string, { index: number; count: number; stepPosition: number }> {
  const groups = new Map<string, string[]>();
  for (const e of edges) {
    const k = `${e.source}\u0000${e.target}`;
    groups.set(k, [...(groups.get(k) ?? []), e.id]);
  }
  const out = new Map<string, { index: number; count: number; stepPosition: number }>();
  for (const ids of groups.values())
    ids.forEach((id, index) => {
      const spread = ids.length > 1 ? (index - (ids.length - 1) / 2) * (0.3 / Math.max(1, ids.length - 1)) * 2 : 0;
      out.set(id, { index, count: ids.length, stepPosition: Math.min(0.85, Math.max(0.15, 0.5 + spread)) });
    });
  return out;
}
