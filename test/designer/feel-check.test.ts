import { describe, expect, it } from 'vitest';
import { checkFeel } from '../../designer/editor/feel-check.js';

const fields = ['inkomen', 'vermogen', 'heeftAuto', 'spullen'];

describe('FEEL diagnostics for the expression editors', () => {
  it('has nothing to say about a correct expression over known fields, or an empty one', () => {
    expect(checkFeel('inkomen > 1400 and heeftAuto = false', fields)).toEqual([]);
    expect(checkFeel('list contains(spullen, "matras")', fields)).toEqual([]);
    expect(checkFeel('   ', fields)).toEqual([]);
  });

  it("marks a syntax error where feelin's parser finds it", () => {
    const [d, ...rest] = checkFeel('(inkomen > 3', fields);
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ severity: 'error', code: 'syntax' });
    expect(d.from).toBe(12);
    expect(d.to).toBeGreaterThan(d.from);
    expect(checkFeel('heeftAuto = "ja', fields)[0]).toMatchObject({ severity: 'error', from: 12 });
  });

  it('marks a name that is no field of the process, at the name (not inside a string)', () => {
    const expr = 'x = "inkomst" and inkomst > 3';
    const d = checkFeel(expr, fields).find((x) => x.name === 'inkomst')!;
    expect(d).toMatchObject({ severity: 'warning', code: 'unknown-field', name: 'inkomst' });
    expect(expr.slice(d.from, d.to)).toBe('inkomst');
    expect(d.from).toBe(expr.lastIndexOf('inkomst'));
    expect(checkFeel(expr, fields).map((x) => x.name)).toEqual(['x', 'inkomst']);
  });

  it('does not take names bound in the expression for fields', () => {
    expect(checkFeel('some s in spullen satisfies s = "matras"', fields)).toEqual([]);
  });
});
