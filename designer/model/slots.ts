import { stepKind, t, type Lang, type Process, type Slot } from '../../runtime/model/index.js';

/**
 * The places a step (or group) points to another step: its source handles
 * on the canvas. A step's slots are its kind's (`slots`, `setSlot` in
 * runtime/model/steps); a group's are its events.
 */
export type { Slot };

/** The slots of a step, or of a group (`group:<id>`: its events). */
export function slotsOf(def: Process, nodeId: string, lang: Lang): Slot[] {
  if (nodeId.startsWith('group:')) {
    const group = def.groups?.[nodeId.slice(6)];
    return Object.entries(group?.on ?? {}).map(([name, on]) => ({
      id: `event:${name}`,
      label: t(on.label, lang) || name,
      target: on.goto || null,
    }));
  }
  const step = def.steps[nodeId];
  return step ? stepKind(step.kind).slots(step, lang) : [];
}

/** Points a slot of a step or group at a target step (null: disconnects it). */
export function setSlot(def: Process, nodeId: string, slot: string, target: string | null): Process {
  if (nodeId.startsWith('group:')) {
    const id = nodeId.slice(6);
    const group = def.groups?.[id];
    if (!group) return def;
    const name = slot.slice('event:'.length);
    const on = { ...(group.on ?? {}) };
    if (target) on[name] = { ...(on[name] ?? { label: name }), goto: target };
    else delete on[name];
    return { ...def, groups: { ...def.groups, [id]: { ...group, on } } };
  }
  const step = def.steps[nodeId];
  if (!step) return def;
  return { ...def, steps: { ...def.steps, [nodeId]: stepKind(step.kind).setSlot(step, slot, target) } };
}
