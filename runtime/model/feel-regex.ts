import { RE2JS } from 're2js';

/**
 * FEEL's regular-expression functions (`matches`, `replace`, `split`) on
 * RE2 (re2js, a pure-JS port): matching takes time linear in the input,
 * whatever the pattern, so `matches(naam, "^(a+)+$")` cannot backtrack
 * catastrophically as JS RegExp does. RE2 has no backreferences and no
 * lookaround: such a pattern is invalid (the function gives null with a
 * warning; a literal pattern is a static problem, P030).
 *
 * Flags (DMN 1.5 §10.3.4.3, from XPath): i (case-insensitive), s (dot
 * matches newlines), m (^ and $ at line breaks) map to RE2's flags; x
 * (ignore whitespace) removes whitespace from the pattern outside character
 * classes (an escaped space `\ ` stays). Any other flag is invalid.
 * Replacements use XPath's syntax: `$0`…`$9` name groups, `\$` and `\\` are
 * a literal dollar and backslash.
 */

/** What a regex costs in steps of the expression budget (runtime/model/feel-budget.ts), measured in bench/feel.ts. */
export const regexCost = {
  /** per character of input scanned (re2js: ≈ 0.1–1.5 µs per character, depending on the pattern) */
  perChar: 16,
  /** per match found (re2js sets up its machine per search: ≈ 10 µs) */
  perMatch: 200,
  /** per character of pattern compiled */
  perPatternChar: 20,
};

const cache = new Map<string, RE2JS | string>();
const CACHE_LIMIT = 500;

/** The compiled pattern, or why it cannot run (a message). Cached per pattern and flags. */
export function compileRegex(pattern: string, flags = ''): RE2JS | string {
  const key = `${flags}\u0000${pattern}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const result = compile(pattern, flags);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, result);
  return result;
}

function compile(pattern: string, flags: string): RE2JS | string {
  let bits = 0;
  let extended = false;
  for (const flag of flags) {
    if (flag === 'i') bits |= RE2JS.CASE_INSENSITIVE;
    else if (flag === 's') bits |= RE2JS.DOTALL;
    else if (flag === 'm') bits |= RE2JS.MULTILINE;
    else if (flag === 'x') extended = true;
    else return `unknown flag '${flag}' (FEEL has s, m, i and x)`;
  }
  try {
    return RE2JS.compile(extended ? withoutWhitespace(pattern) : pattern, bits);
  } catch (e) {
    const why = String((e as Error).message ?? e).replace(/^error parsing regexp: /, '');
    return `${why} (patterns use RE2 syntax: no backreferences such as \\1 and no lookaround such as (?=…))`;
  }
}

/** The x flag: whitespace is removed except inside character classes and after a backslash. */
function withoutWhitespace(pattern: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') {
      out += c + (pattern[i + 1] ?? '');
      i++;
      continue;
    }
    if (c === '[') inClass = true;
    else if (c === ']') inClass = false;
    else if (!inClass && (c === ' ' || c === '\t' || c === '\n' || c === '\r')) continue;
    out += c;
  }
  return out;
}

type Part = string | number;
/** An XPath replacement string as literal parts and group numbers, or a message when it is invalid. */
function replacementParts(replacement: string, groups: number): Part[] | string {
  const parts: Part[] = [];
  let literal = '';
  for (let i = 0; i < replacement.length; i++) {
    const c = replacement[i];
    if (c === '\\') {
      const next = replacement[i + 1];
      if (next !== '\\' && next !== '$') return 'a backslash in a replacement must be followed by \\ or $';
      literal += next;
      i++;
    } else if (c === '$') {
      let j = i + 1;
      while (j < replacement.length && replacement[j] >= '0' && replacement[j] <= '9') j++;
      if (j === i + 1) return 'a $ in a replacement must be followed by a group number (use \\$ for a dollar)';
      // XPath: the longest run of digits that names an existing group; the rest is literal.
      let end = j;
      while (end > i + 2 && Number(replacement.slice(i + 1, end)) > groups) end--;
      const group = Number(replacement.slice(i + 1, end));
      if (literal) parts.push(literal);
      literal = '';
      parts.push(group > groups ? '' : group);
      literal += replacement.slice(end, j);
      i = j - 1;
    } else literal += c;
  }
  if (literal) parts.push(literal);
  return parts;
}

/** The index after `i`, stepping over a surrogate pair as JS RegExp's `u` flag does. */
const after = (s: string, i: number) =>
  i < s.length - 1 && /[\uD800-\uDBFF]/.test(s[i]) && /[\uDC00-\uDFFF]/.test(s[i + 1]) ? i + 2 : i + 1;

export type RegexDeps = {
  /** feelin's `fn(implementation, argument types, parameter names)`: checks and converts arguments. */
  fn: (impl: (...args: any[]) => unknown, types: string[], names: string[]) => unknown;
  /** feelin's failure signal: the call gives null with an INVALID_ARGUMENTS warning. */
  invalid: (template: string, values: Record<string, unknown>) => unknown;
  /** Charges steps to the running evaluation's budget (throws when it runs out). */
  charge: (steps: number) => void;
  /** Refuses a text longer than the expression's limit (throws). */
  checkText: (length: number) => void;
};

/** Replacements for feelin's builtins of the same names (arguments as feelin declares them). */
export function regexBuiltins({ fn, invalid, charge, checkText }: RegexDeps): Record<string, unknown> {
  const regex = (pattern: string, flags: string, input: string) => {
    charge(1 + pattern.length * (cache.has(`${flags}\u0000${pattern}`) ? 0 : regexCost.perPatternChar));
    const re = compileRegex(pattern, flags);
    if (typeof re !== 'string') charge(Math.ceil(input.length * regexCost.perChar));
    return re;
  };
  return {
    matches: fn(
      function (input: string, pattern: string, flags?: string) {
        const re = regex(pattern, flags || '', input);
        if (typeof re === 'string')
          return invalid('matches(input, pattern) expects a valid pattern, got {pattern}: ' + re, { pattern });
        charge(regexCost.perMatch);
        return re.matcher(input).find();
      },
      ['string', 'string', 'string?'],
      ['input', 'pattern', 'flags'],
    ),

    replace: fn(
      function (input: string, pattern: string, replacement: string, flags?: string) {
        const re = regex(pattern, flags || '', input);
        if (typeof re === 'string')
          return invalid('replace(input, pattern, replacement) expects a valid pattern, got {pattern}: ' + re, {
            pattern,
          });
        const parts = replacementParts(replacement, re.groupCount());
        if (typeof parts === 'string')
          return invalid(
            'replace(input, pattern, replacement) expects a valid replacement, got {replacement}: ' + parts,
            { replacement },
          );
        const m = re.matcher(input);
        let out = '';
        let last = 0;
        for (let pos = 0; pos <= input.length;) {
          charge(regexCost.perMatch);
          if (!m.find(pos)) break;
          const start = m.start();
          const end = m.end();
          out += input.slice(last, start);
          for (const part of parts) out += typeof part === 'string' ? part : (m.group(part) ?? '');
          checkText(out.length);
          last = end;
          pos = end > start ? end : after(input, end);
        }
        return out + input.slice(last);
      },
      ['string', 'string', 'string', 'string?'],
      ['input', 'pattern', 'replacement', 'flags'],
    ),

    split: fn(
      function (string: string, delimiter: string) {
        const re = regex(delimiter, '', string);
        if (typeof re === 'string')
          return invalid('split(string, delimiter) expects a valid pattern, got {delimiter}: ' + re, { delimiter });
        const m = re.matcher(string);
        // As JS String.prototype.split with a RegExp (what feelin did): no split at the very end, empty matches split between characters.
        if (!string.length) {
          charge(regexCost.perMatch);
          return m.find(0) ? [] : [''];
        }
        const out: string[] = [];
        let p = 0;
        for (let q = 0; q < string.length;) {
          charge(regexCost.perMatch);
          if (!m.find(q) || m.start() >= string.length) break;
          const start = m.start();
          const end = m.end();
          if (end === p) {
            q = after(string, Math.max(q, start));
            continue;
          }
          out.push(string.slice(p, start));
          p = end;
          q = p;
        }
        out.push(string.slice(p));
        return out;
      },
      ['string', 'string'],
      ['string', 'delimiter'],
    ),
  };
}
