import { expect } from 'vitest';

/** Nothing a client should see from the inside: stack frames, source paths, library error names. */
export function expectNoInternals(text: string) {
  expect(text).not.toMatch(
    /\bat \S+ \(|node_modules|\/work\/|\/runtime\/|TypeError|URIError|SyntaxError|Z_DATA_ERROR|<pre>/,
  );
}
