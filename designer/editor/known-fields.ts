import { stepKind, t, type Lang, type Process } from '../../runtime/model/index.js';
import type { KnownField } from './editor-context.js';

/**
 * Every field a process asks or receives (form questions, outcome fields,
 * signal facts), in the order of its steps: the names expressions and
 * placeholders may use. A step of an unknown kind (a broken draft) is skipped.
 */
export function knownFields(def: Process, lang: Lang): KnownField[] {
  const out: KnownField[] = [];
  const seen = new Set<string>();
  for (const [id, step] of Object.entries(def.steps ?? {})) {
    let fields;
    try {
      fields = stepKind(step.kind).fields(step);
    } catch {
      continue;
    }
    for (const f of fields ?? []) {
      if (!f?.id || seen.has(f.id)) continue;
      seen.add(f.id);
      out.push({ id: f.id, label: t(f.label, lang) || f.id, step: id, type: f.type });
    }
  }
  return out;
}
