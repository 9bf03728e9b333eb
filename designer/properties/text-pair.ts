import type { Text } from '../../runtime/model/index.js';

/** A process-language Text as its Dutch and English parts ('' when missing). */
export function splitText(value: Text | undefined): { nl: string; en: string } {
  if (value === undefined) return { nl: '', en: '' };
  if (typeof value === 'string') return { nl: value, en: '' };
  return { nl: value.nl ?? '', en: value.en ?? '' };
}

/**
 * Dutch and English back into a Text: a plain string while there is no
 * English; undefined when both are empty (an optional text is then left out).
 * Only English (no Dutch) is kept as `{ nl: '', en }` so nothing typed is lost;
 * the checks then say the Dutch is missing.
 */
export function joinText(nl: string, en: string): Text | undefined {
  const a = nl.trim() ? nl : '';
  const b = en.trim() ? en : '';
  if (!a && !b) return undefined;
  if (!b) return a;
  return { nl: a, en: b };
}

/**
 * A list of texts as Dutch and English lines, one item a line, for a list
 * editor of two text boxes: item i is the Dutch line i with the English line i.
 */
export function textLines(list: readonly Text[] | undefined): { nl: string; en: string } {
  const parts = (list ?? []).map(splitText);
  const en = parts.map((p) => p.en);
  return { nl: parts.map((p) => p.nl).join('\n'), en: en.some(Boolean) ? en.join('\n') : '' };
}

/**
 * Dutch and English lines back into a list of texts: empty lines (in both
 * languages) are dropped, an English line stays with the Dutch line beside
 * it; undefined when nothing is left (the optional list is then left out).
 */
export function linesToTexts(nl: string, en: string): Text[] | undefined {
  const a = nl.split('\n');
  const b = en.split('\n');
  const items: Text[] = [];
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const text = joinText((a[i] ?? '').trim(), (b[i] ?? '').trim());
    if (text !== undefined) items.push(text);
  }
  return items.length ? items : undefined;
}

/** Moves an item of a list (for the ↑ ↓ buttons). */
export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item);
  return next;
}

/** A new id from a word that is not among `taken`: `vraag-1`, `vraag-2`, … (or `vraag1` with `sep` ''). */
export function uniqueId(word: string, taken: Iterable<string>, sep = '-'): string {
  const used = new Set(taken);
  let n = 1;
  while (used.has(`${word}${sep}${n}`)) n++;
  return `${word}${sep}${n}`;
}

/** An object with `key` set to `value`, or without `key` when value is undefined (optional properties are left out, not null). */
export function withKey<T extends object, K extends string>(obj: T, key: K, value: unknown): T {
  const next = { ...obj } as Record<string, unknown>;
  if (value === undefined) delete next[key];
  else next[key] = value;
  return next as T;
}

/** Words that say little in a question's name ("Wat is uw huisnummer?" is about the huisnummer). */
const FILLER = new Set(
  (
    'wat wie waar wanneer welke welk hoe hoeveel is zijn bent was u uw je jij jouw de het een van voor op in ' +
    'aan met te om of en what who where when which how is are was your you the a an of for to on in at do does'
  ).split(' '),
);

/**
 * A name made from a text the designer wrote, for an id they need not type: "Wat is uw huisnummer?" →
 * `huisnummer`, "Heeft u een auto?" → `heeftAuto` (camel, a FEEL-safe field id) or "Eén persoon" →
 * `een-persoon` (kebab, an option value). At most three words; '' when nothing usable is left.
 */
export function nameFromText(text: string, style: 'camel' | 'kebab'): string {
  const all = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  // A question's filler words go; an option's label is short and every word counts ("Eén persoon").
  const meaningful = style === 'camel' ? all.filter((w) => !FILLER.has(w)) : all;
  let words = meaningful.length ? meaningful : all;
  if (style === 'camel') words = words.filter((w, i) => i > 0 || /^[a-z]/.test(w));
  words = words.slice(0, 3);
  const name =
    style === 'kebab' ? words.join('-') : words.map((w, i) => (i ? w[0]!.toUpperCase() + w.slice(1) : w)).join('');
  const trimmed = name.slice(0, 40).replace(/-+$/, '');
  // A field id starts with a letter (FEEL); an option value may start with a digit ("12-maanden").
  return style === 'kebab' || /^[a-z]/.test(trimmed) ? trimmed : '';
}

/**
 * The id a renamed item gets: derived from its new text while the id is still one Omslag made up (the
 * placeholder, or derived from the old text) and nothing else refers to it; otherwise the id stays.
 */
export function derivedId(opts: {
  id: string;
  placeholder: RegExp;
  oldText: string;
  newText: string;
  style: 'camel' | 'kebab';
  taken: Iterable<string>;
  referenced: boolean;
}): string {
  const { id, oldText, newText, style } = opts;
  if (opts.referenced) return id;
  const stillMadeUp = opts.placeholder.test(id) || (oldText !== '' && id === nameFromText(oldText, style));
  const base = nameFromText(newText, style);
  if (!stillMadeUp || !base || base === id) return id;
  const used = new Set([...opts.taken].filter((x) => x !== id));
  if (!used.has(base)) return base;
  let n = 2;
  while (used.has(`${base}${style === 'kebab' ? '-' : ''}${n}`)) n++;
  return `${base}${style === 'kebab' ? '-' : ''}${n}`;
}

/** How often a name appears in a definition: in ids, conditions and rules, and as a {{placeholder}} in texts. */
export function mentions(def: unknown, name: string): number {
  if (!name) return 0;
  const texts = new Set(['label', 'hint', 'title', 'description', 'subject', 'body', 'message']);
  const placeholders = (v: unknown): unknown =>
    typeof v === 'string'
      ? (v.match(/\{\{[^}]*\}\}/g) ?? []).join(' ')
      : v && typeof v === 'object'
        ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, placeholders(x)]))
        : v;
  const json = JSON.stringify(def, (key, value: unknown) => (texts.has(key) ? placeholders(value) : value));
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return json.match(new RegExp(`(?<![A-Za-z0-9_-])${escaped}(?![A-Za-z0-9_-])`, 'g'))?.length ?? 0;
}
