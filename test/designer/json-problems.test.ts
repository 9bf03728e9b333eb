import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { jsonProblemText, MESSAGES } from '../../designer/monaco/json-problems.js';

// The messages the JSON language service that Monaco bundles can give (its parser and schema validation).
const root = join(import.meta.dirname, '../../node_modules/monaco-editor');
const service = ['parser/jsonParser.js', 'services/jsonValidation.js']
  .map((f) => readFileSync(join(root, 'esm/external/vscode-json-languageservice/lib/esm', f), 'utf8'))
  .join('\n');
const given = new Set([...service.matchAll(/\bt\((['"])(.*?)\1/g)].map((m) => m[2]));
/** Messages about string formats (dates, URIs, colours, addresses), which the process language's schema never asks for. */
const formats = /RFC3339|URI|hostname|IPv[46]|e-mail|color|contains contraint|required item|deprecated|divisible/;

describe("Monaco's JSON checks in the interface language", () => {
  test('every message the bundled JSON service can give is said again, except string formats the schema never uses', () => {
    expect(given.size).toBeGreaterThan(40);
    for (const [english] of MESSAGES) expect(given, english).toContain(english);
    const said = new Set(MESSAGES.map(([english]) => english));
    expect([...given].filter((m) => !said.has(m) && !formats.test(m))).toEqual([]);
  });

  test('in Dutch and in English, with the values and the JSON type names filled in', () => {
    expect(jsonProblemText('Missing property "title".', 'nl')).toBe('Het onderdeel "title" ontbreekt.');
    expect(jsonProblemText('Missing property "title".', 'en')).toBe('The property "title" is missing.');
    expect(jsonProblemText('Incorrect type. Expected "string".', 'nl')).toBe(
      'Verkeerde soort waarde: hier hoort tekst.',
    );
    expect(jsonProblemText('Incorrect type. Expected one of "string", "object".', 'nl')).toBe(
      'Verkeerde soort waarde: hier hoort een van deze: tekst, een object.',
    );
    expect(jsonProblemText('Property oops is not allowed.', 'nl')).toBe('Het onderdeel oops hoort hier niet.');
    expect(jsonProblemText('Value is not accepted. Valid values: "UNIQUE", "FIRST".', 'en')).toBe(
      'This value is not possible here. Choose from: "UNIQUE", "FIRST".',
    );
    expect(jsonProblemText('Object is missing property goto required by property when.', 'nl')).toBe(
      'Het onderdeel goto ontbreekt: when heeft het nodig.',
    );
    expect(jsonProblemText('Expected comma or closing brace', 'nl')).toBe('Hier hoort een komma of een }.');
    expect(jsonProblemText('Value expected', 'en')).toBe('A value belongs here.');
  });

  test('a message it does not know is kept as it came; a Dutch one is left alone', () => {
    expect(jsonProblemText('Something new from a later Monaco.', 'nl')).toBe('Something new from a later Monaco.');
    const dutch = jsonProblemText('Trailing comma', 'nl');
    expect(jsonProblemText(dutch, 'nl')).toBe(dutch);
  });
});
