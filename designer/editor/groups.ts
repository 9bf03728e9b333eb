import { createTranslator, defaultLang, designerCatalogues } from '../../runtime/i18n/index.js';
import { isFinal, type Lang, type Process, type Step, type Text } from '../../runtime/model/index.js';

/** A new phase's title: Dutch, with the designer's own language beside it when that is another. */
function phaseTitle(n: number, lang: Lang): Text {
  const title = (l: Lang) => createTranslator(designerCatalogues, l)('newStep.phaseTitle', { n });
  return lang === defaultLang ? title(lang) : { nl: title('nl'), [lang]: title(lang) };
}

/**
 * Adds an empty group (a phase) at a position; steps join it from their
 * properties. Its id is unique among steps and groups.
 */
export function addGroup(def: Process, position: { x: number; y: number }, lang: Lang): { def: Process; id: string } {
  let n = 1;
  while (def.steps[`fase-${n}`] || def.groups?.[`fase-${n}`]) n++;
  const id = `fase-${n}`;
  return {
    id,
    def: {
      ...def,
      groups: { ...(def.groups ?? {}), [id]: { title: phaseTitle(n, lang) } },
      layout: { ...(def.layout ?? {}), [id]: { x: Math.round(position.x), y: Math.round(position.y) } },
    },
  };
}

/** Where a node is on the canvas as a whole (steps in a group are placed relative to it). */
export function absolutePosition(def: Process, id: string): { x: number; y: number } {
  const own = def.layout?.[id] ?? { x: 0, y: 0 };
  const group = def.steps[id]?.group;
  if (!group || !def.groups?.[group] || isFinal(def.steps[id])) return { x: own.x, y: own.y };
  const parent = absolutePosition(def, group);
  return { x: own.x + parent.x, y: own.y + parent.y };
}

/**
 * Moves a step into a group (or out of any), keeping it where it is on the
 * screen: its saved position becomes relative to the new group.
 */
export function moveIntoGroup(
  def: Process,
  stepId: string,
  groupId: string | undefined,
  setGroup: (d: Process, s: string, g: string | undefined) => Process,
): Process {
  const step = def.steps[stepId] as Step | undefined;
  if (!step) return def;
  const abs = absolutePosition(def, stepId);
  const next = setGroup(def, stepId, groupId);
  if (!def.layout?.[stepId]) return next;
  const base = groupId && next.groups?.[groupId] && !isFinal(step) ? absolutePosition(next, groupId) : { x: 0, y: 0 };
  // Inside a group a step keeps clear of the group's title bar.
  const x = Math.round(abs.x - base.x);
  const y = Math.round(abs.y - base.y);
  const at = groupId ? { x: Math.max(40, x), y: Math.max(60, y) } : { x, y };
  return { ...next, layout: { ...next.layout, [stepId]: { ...next.layout![stepId], ...at } } };
}
