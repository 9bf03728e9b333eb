import { describe, expect, it } from 'vitest';
import { outlineProblem, parseJsonText, sameDefinition, toJsonText } from '../../designer/editor/json-sync.js';
import { fixtureProcess } from '../helpers/fixtures.js';

const ophalen = fixtureProcess('ophalen');

describe('code view ⇄ definition', () => {
  it('shows a definition as indented JSON and reads it back unchanged', () => {
    const text = toJsonText(ophalen);
    expect(text).toContain('\n  "key": "ophalen"');
    const parsed = parseJsonText(text);
    expect(parsed).toEqual({ ok: true, value: ophalen });
    expect(sameDefinition(text, ophalen)).toBe(true);
  });

  it("keeps text that says the same in other words (layout of the text is the designer's)", () => {
    expect(sameDefinition(JSON.stringify(ophalen), ophalen)).toBe(true);
    expect(sameDefinition(JSON.stringify({ ...ophalen, title: 'Anders' }), ophalen)).toBe(false);
  });

  it('says where text that does not parse breaks, and that only an object can be a definition', () => {
    const broken = parseJsonText('{ "key": "x", }');
    expect(broken.ok).toBe(false);
    if (!broken.ok) expect(broken.offset).toBeGreaterThan(0);
    expect(parseJsonText('[1, 2]')).toMatchObject({ ok: false, message: 'not-an-object' });
    expect(parseJsonText('null')).toMatchObject({ ok: false });
    expect(sameDefinition('{ oops', ophalen)).toBe(false);
  });

  it('lets through what the canvas can draw, also with problems the checks will name', () => {
    expect(outlineProblem(ophalen)).toBeNull();
    expect(outlineProblem({ ...ophalen, start: 'nergens', contact: undefined })).toBeNull();
    expect(outlineProblem({ key: 'x', steps: {} })).toBeNull();
  });

  it('holds back what the canvas cannot draw: the canvas keeps the last state that had the outline', () => {
    expect(outlineProblem({ key: 'x' })).toMatch(/steps/);
    expect(outlineProblem({ steps: [] })).toMatch(/steps/);
    expect(outlineProblem({ steps: { a: 'form' } })).toMatch(/steps\.a/);
    expect(outlineProblem({ steps: { a: { kind: 'tafel' } } })).toMatch(/kind/);
    expect(outlineProblem({ steps: { a: { kind: 'form', next: 'b' } } })).toMatch(/fields/);
    expect(outlineProblem({ steps: { a: { kind: 'form', fields: [], next: 3 } } })).toMatch(/next/);
    expect(outlineProblem({ steps: { a: { kind: 'decision', rules: {} } } })).toMatch(/rules/);
    expect(outlineProblem({ steps: { a: { kind: 'handoff', team: 't' } } })).toMatch(/outcomes/);
    expect(outlineProblem({ steps: {}, groups: [] })).toMatch(/groups/);
    expect(outlineProblem({ steps: {}, groups: { g: { title: 'G', on: [] } } })).toMatch(/groups\.g\.on/);
    expect(outlineProblem({ steps: {}, layout: { a: { x: '1', y: 2 } } })).toMatch(/layout\.a/);
  });
});
