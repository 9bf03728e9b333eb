import { createTranslator, designerCatalogues } from '../../runtime/i18n/index.js';
import { t, type Lang, type Process, type Step, type Text } from '../../runtime/model/index.js';

/**
 * The places a step (or group) points to another step: its source handles
 * on the canvas. One entry per kind; nothing else switches on the kind.
 * `get` reads a slot's target, `set` writes it (or removes the slot when the
 * target is null), `add` makes a new slot for the `…:new` handles.
 */
export type Slot = { id: string; label: string; target: string | null };

type SlotKind = {
  slots(step: any, lang: Lang): Slot[];
  set(step: any, slot: string, target: string | null): any;
};

const label = (text: Text | undefined, lang: Lang, fallback: string) => t(text, lang) || fallback;
const say = (lang: Lang) => createTranslator(designerCatalogues, lang);

const formSlots: SlotKind = {
  slots(step, lang) {
    if (typeof step.next === 'string') return [{ id: 'next', label: say(lang)('slots.next'), target: step.next || null }, { id: 'route:new', label: say(lang)('slots.newRoute'), target: null }];
    return [
      ...step.next.map((r: { when?: string; goto: string }, i: number) => ({ id: `route:${i}`, label: r.when ?? say(lang)('slots.otherwise'), target: r.goto || null })),
      { id: 'route:new', label: '+ route', target: null },
    ];
  },
  set(step, slot, target) {
    if (slot === 'next') return { ...step, next: target ?? '' };
    const routes: { when?: string; goto: string }[] = typeof step.next === 'string' ? (step.next ? [{ goto: step.next }] : []) : [...step.next];
    if (slot === 'route:new') {
      if (!target) return step;
      // A new route goes before the default (the route without "when"), with a condition to fill in.
      const at = routes.findIndex((r) => !r.when);
      const route = { when: 'true', goto: target };
      return { ...step, next: at < 0 ? [...routes, route] : [...routes.slice(0, at), route, ...routes.slice(at)] };
    }
    const i = Number(slot.slice('route:'.length));
    if (target) routes[i] = { ...routes[i], goto: target };
    else routes.splice(i, 1);
    return { ...step, next: routes.length === 1 && !routes[0].when ? routes[0].goto : routes.length ? routes : '' };
  },
};

const decisionSlots: SlotKind = {
  slots(step, lang) {
    return [
      ...step.rules.map((r: { when: string; goto: string; because: Text }, i: number) => ({ id: `rule:${i}`, label: r.when, target: r.goto || null })),
      ...(step.table?.rows ?? []).map((r: { tests: string[]; goto: string }, i: number) => ({ id: `row:${i}`, label: say(lang)('slots.row', { n: i + 1, tests: r.tests.join(' · ') }), target: r.goto || null })),
      ...(step.table?.hitPolicy === 'UNIQUE' ? [{ id: 'error', label: say(lang)('slots.moreThanOneRow'), target: step.onError || null }] : []),
      ...(step.table ? [] : [{ id: 'rule:new', label: say(lang)('slots.newRule'), target: null }]),
      { id: 'otherwise', label: say(lang)('slots.otherwise'), target: step.otherwise?.goto || null },
    ];
  },
  set(step, slot, target) {
    if (slot === 'otherwise') {
      if (!target) { const { otherwise: _, ...rest } = step; return rest; }
      return { ...step, otherwise: { because: step.otherwise?.because ?? 'In alle andere gevallen.', goto: target } };
    }
    if (slot === 'rule:new') return target ? { ...step, rules: [...step.rules, { when: 'true', goto: target, because: 'Omdat …' }] } : step;
    if (slot === 'error') return { ...step, onError: target ?? '' };
    if (slot.startsWith('row:')) {
      const i = Number(slot.slice(4));
      const rows = [...step.table.rows];
      if (target) rows[i] = { ...rows[i], goto: target };
      else rows.splice(i, 1);
      return { ...step, table: { ...step.table, rows } };
    }
    const i = Number(slot.slice('rule:'.length));
    const rules = [...step.rules];
    if (target) rules[i] = { ...rules[i], goto: target };
    else rules.splice(i, 1);
    return { ...step, rules };
  },
};

const handoffSlots: SlotKind = {
  slots(step, lang) {
    return [
      ...step.outcomes.map((o: { id: string; label: Text; goto: string }) => ({ id: `outcome:${o.id}`, label: label(o.label, lang, o.id), target: o.goto || null })),
      { id: 'outcome:new', label: say(lang)('slots.newOutcome'), target: null },
    ];
  },
  set(step, slot, target) {
    if (slot === 'outcome:new') {
      if (!target) return step;
      const ids = new Set(step.outcomes.map((o: { id: string }) => o.id));
      let n = step.outcomes.length + 1;
      while (ids.has(`uitkomst-${n}`)) n++;
      return { ...step, outcomes: [...step.outcomes, { id: `uitkomst-${n}`, label: `Uitkomst ${n}`, goto: target }] };
    }
    const id = slot.slice('outcome:'.length);
    return { ...step, outcomes: step.outcomes.map((o: { id: string }) => (o.id === id ? { ...o, goto: target ?? '' } : o)) };
  },
};

const waitSlots: SlotKind = {
  slots(step, lang) {
    return [
      { id: 'then', label: step.signal ? say(lang)('slots.signal', { signal: step.signal }) : say(lang)('slots.after', { duration: step.for ?? '' }), target: step.then || null },
      ...(step.signal ? [{ id: 'timeout', label: say(lang)('slots.timeout', { after: step.timeout?.after ?? 'P14D' }), target: step.timeout?.goto || null }] : []),
    ];
  },
  set(step, slot, target) {
    if (slot === 'then') return { ...step, then: target ?? '' };
    if (!target) { const { timeout: _, ...rest } = step; return rest; }
    return { ...step, timeout: { after: step.timeout?.after ?? 'P14D', goto: target } };
  },
};

const messageSlots: SlotKind = {
  slots: (step, lang) => [{ id: 'next', label: say(lang)('slots.next'), target: step.next || null }],
  set: (step, _slot, target) => ({ ...step, next: target ?? '' }),
};

const endSlots: SlotKind = { slots: () => [], set: (step) => step };

export const slotKinds: Record<Step['kind'], SlotKind> = {
  form: formSlots, decision: decisionSlots, handoff: handoffSlots, wait: waitSlots, message: messageSlots, end: endSlots,
};

/** The slots of a step, or of a group (`group:<id>`: its events). */
export function slotsOf(def: Process, nodeId: string, lang: Lang): Slot[] {
  if (nodeId.startsWith('group:')) {
    const group = def.groups?.[nodeId.slice(6)];
    return Object.entries(group?.on ?? {}).map(([name, on]) => ({ id: `event:${name}`, label: t(on.label, lang) || name, target: on.goto || null }));
  }
  const step = def.steps[nodeId];
  return step ? slotKinds[step.kind].slots(step, lang) : [];
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
  return { ...def, steps: { ...def.steps, [nodeId]: slotKinds[step.kind].set(step, slot, target) } };
}
