/**
 * Every error message the API can send comes from the catalogues, in Dutch
 * and in English: the workspace shows a 409's message as the server wrote it
 * ("deze taak wordt al behandeld door …"), and any other refusal inside "Er
 * ging iets mis: …". HttpError accepts a plain string (shown as written in
 * every language); this finds each `new HttpError(…)` in runtime/ and checks
 * that its message is a catalogue key (alone or with parameters) present in
 * both languages, or a function of the language. Engine errors are typed to
 * their catalogue's keys already (runtime/engine/errors.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { apiCatalogues, lookup } from '../../../runtime/i18n/index.js';

const root = new URL('../../../runtime/', import.meta.url).pathname;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? sources(join(dir, d.name)) : d.name.endsWith('.ts') ? [join(dir, d.name)] : [],
  );
}

/** The top-level arguments of the call whose `(` is at `open`, as source text. */
function args(text: string, open: number): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = open + 1;
  let quote: string | null = null;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = null;
      continue;
    }
    if (c === "'" || c === '"' || c === '`') quote = c;
    else if ('([{'.includes(c)) depth++;
    else if (')]}'.includes(c)) {
      depth--;
      if (depth === 0) {
        out.push(text.slice(start, i).trim());
        return out;
      }
    } else if (c === ',' && depth === 1) {
      out.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  return out;
}

type Call = { where: string; message: string };

function httpErrorCalls(): Call[] {
  const calls: Call[] = [];
  for (const file of sources(root)) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/new HttpError\(/g)) {
      const message = args(text, m.index + m[0].length - 1)[2] ?? '';
      const line = text.slice(0, m.index).split('\n').length;
      calls.push({ where: `${file.slice(root.length)}:${line}`, message });
    }
  }
  return calls;
}

const inBoth = (key: string) =>
  lookup(apiCatalogues.nl, key) !== undefined && lookup(apiCatalogues.en, key) !== undefined;

describe('server messages come from the catalogues', () => {
  const calls = httpErrorCalls();

  it('finds the API errors (a check that finds nothing checks nothing)', () => {
    expect(calls.length).toBeGreaterThan(60);
  });

  it('every HttpError message is a key in both languages, with parameters, or a function of the language', () => {
    const plain: string[] = [];
    for (const { where, message } of calls) {
      const key = /^['"]([\w.]+)['"]$/.exec(message)?.[1] ?? /^\[\s*['"]([\w.]+)['"]/.exec(message)?.[1];
      if (key) {
        if (!inBoth(key)) plain.push(`${where}: '${key}' is not a key of the api catalogue in nl and en`);
      } else if (!/^\(?\w*\)?\s*=>/.test(message) && !/^(text|message|key)$/.test(message)) {
        plain.push(`${where}: ${message}`);
      }
    }
    expect(plain).toEqual([]);
  });
});
