import { groupChain } from './checks.js';
import type { Process } from './schema.js';
import { isFinal, stepKind } from './steps/index.js';
import { t, type Lang, type Text } from './text.js';

/**
 * Mermaid (`stateDiagram-v2`) of a definition, for documentation: one state
 * per step with its title, groups as composite states around their steps,
 * every edge of every step kind with its label, group events from the group,
 * `[*]` to the start (and to the start of each trigger) and from each end.
 *
 * Ends are drawn outside their group, as the compiler places them (no group
 * event can leave an outcome). An edge between two states of the same
 * composite state stands inside it; any other edge at the top level (Mermaid
 * moves a state into the composite state where an edge names it, so an edge
 * in an outer group would pull an inner step out of its own). Edges to no
 * step (a draft not yet connected) are left out. Pure: no I/O, runs in the
 * browser too.
 */
export function toMermaid(def: Process, lang: Lang = 'nl'): string {
  const groups = def.groups ?? {};
  const steps = def.steps;
  const ROOT = '';

  // The composite state a group or step is drawn in ('' is the diagram itself).
  const groupParent = (g: string): string => {
    const parent = groups[g]?.group;
    // A parent that is unknown, or a cycle through this group, puts it at the top.
    return parent && groups[parent] && !groupChain(def, parent).includes(g) ? parent : ROOT;
  };
  const stepParent = (id: string): string => {
    const step = steps[id];
    return !isFinal(step) && step.group && groups[step.group] ? step.group : ROOT;
  };
  const commonContainer = (a: string, b: string): string => (a === b ? a : ROOT);

  const edges = new Map<string, string[]>();
  const addEdge = (container: string, line: string) => edges.set(container, [...(edges.get(container) ?? []), line]);
  const arrow = (from: string, to: string, label?: Text) => {
    const text = label === undefined ? '' : mermaidLabel(t(label, lang));
    return `${from} --> ${to}${text ? ` : ${text}` : ''}`;
  };

  const startLines: string[] = [];
  if (steps[def.start]) startLines.push(arrow('[*]', mermaidId(def.start)));
  for (const trigger of def.triggers ?? []) {
    if (steps[trigger.start]) startLines.push(arrow('[*]', mermaidId(trigger.start), trigger.signal));
  }
  for (const [id, step] of Object.entries(steps)) {
    for (const edge of stepKind(step.kind).edges(step)) {
      if (!steps[edge.to]) continue;
      addEdge(
        commonContainer(stepParent(id), stepParent(edge.to)),
        arrow(mermaidId(id), mermaidId(edge.to), edge.label),
      );
    }
  }
  for (const [g, group] of Object.entries(groups)) {
    for (const [event, on] of Object.entries(group.on ?? {})) {
      if (!steps[on.goto]) continue;
      addEdge(
        commonContainer(groupParent(g), stepParent(on.goto)),
        arrow(mermaidId(g), mermaidId(on.goto), mermaidLabel(t(on.label, lang)) ? on.label : event),
      );
    }
  }
  const endLines = Object.entries(steps)
    .filter(([, s]) => isFinal(s))
    .map(([id]) => arrow(mermaidId(id), '[*]'));

  const lines = ['stateDiagram-v2'];
  const render = (container: string, indent: string) => {
    if (container === ROOT) lines.push(...startLines.map((l) => indent + l));
    for (const g of Object.keys(groups).filter((g) => groupParent(g) === container)) {
      lines.push(`${indent}state "${mermaidLabel(t(groups[g].title, lang)) || g}" as ${mermaidId(g)} {`);
      render(g, `${indent}  `);
      lines.push(`${indent}}`);
    }
    for (const id of Object.keys(steps).filter((id) => stepParent(id) === container)) {
      lines.push(`${indent}state "${mermaidLabel(t(steps[id].title, lang)) || id}" as ${mermaidId(id)}`);
    }
    lines.push(...(edges.get(container) ?? []).map((l) => indent + l));
    if (container === ROOT) lines.push(...endLines.map((l) => indent + l));
  };
  render(ROOT, '  ');
  return `${lines.join('\n')}\n`;
}

// Words Mermaid's state diagram lexer reads as keywords where an id stands.
const RESERVED = new Set(['state', 'note', 'class', 'classdef', 'scale', 'style', 'as', 'hide', 'direction']);

/**
 * The Mermaid state id of a step or group id. Mermaid ids cannot hold '-'
 * (it starts an arrow), so hyphens become '_' (never part of an Omslag id,
 * so two ids stay two ids); a keyword (or a word starting with `default`)
 * gets the prefix `s_`.
 */
export function mermaidId(id: string): string {
  const m = id.replace(/-/g, '_');
  return RESERVED.has(m.toLowerCase()) || /^default/i.test(m) ? `s_${m}` : m;
}

/**
 * A text made safe for a Mermaid label or state description: one line, no
 * double quotes (they end a description), colons (they start a label),
 * semicolons (they end a statement), braces (they open and close composite
 * states), '#' and '%%' (comments), `<<…>>` and `[[…]]` (fork/join/choice
 * markers) or backticks (markdown strings). `{{field}}` placeholders keep
 * their name; a '<' before a letter gets a space so it cannot read as HTML.
 */
export function mermaidLabel(text: string): string {
  return text
    .replace(/[\r\n\t]+/g, ' ')
    .replace(/\{\{\s*([^{}]*?)\s*\}\}/g, '$1')
    .replace(/[{}`#]/g, '')
    .replace(/"/g, "'")
    .replace(/:\s+/g, ' - ')
    .replace(/:/g, '.')
    .replace(/;/g, ',')
    .replace(/%%+/g, '%')
    .replace(/<<+/g, '<')
    .replace(/>>+/g, '>')
    .replace(/\[\[+/g, '[')
    .replace(/\]\]+/g, ']')
    .replace(/<(?=[A-Za-z/!?])/g, '< ')
    .replace(/\bdirection\s+(tb|bt|rl|lr)\b/gi, 'direction-$1')
    .replace(/\s+/g, ' ')
    .trim();
}
