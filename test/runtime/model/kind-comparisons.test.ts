import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fieldKinds, stepKinds } from '../../../runtime/model/index.js';
import { findKindComparisons, scanKindComparisons, type Names } from '../../../scripts/kind-comparisons.js';

/**
 * Outside the descriptors (runtime/model/steps, runtime/model/fields) nothing
 * compares a step's `kind` or a field's `type` with a kind's name: code asks
 * the descriptor instead (`stepKind(step.kind).final`, `fieldKind(f.type).choices`),
 * and each user interface registers its part per kind in one exhaustive record.
 * The names come from the registries, so a new kind is covered. The checker is
 * scripts/kind-comparisons.ts (`npx tsx scripts/kind-comparisons.ts` lists the findings).
 */

const ROOT = join(__dirname, '..', '..', '..');

const names: Names = { step: new Set(stepKinds.map((k) => k.kind)), field: new Set(fieldKinds.keys()) };

describe('kind comparisons outside the descriptors', () => {
  it('finds none in runtime/, designer/, workspace/ and browser/', () => {
    const findings = scanKindComparisons(ROOT, names);
    expect(findings.map((f) => `${f.file}:${f.line}: ${f.text}`)).toEqual([]);
    // Parses every source file: seconds on a busy machine.
  }, 120_000);

  it('takes the kind names from the registries', () => {
    expect([...names.step]).toEqual(expect.arrayContaining(['form', 'end', 'handoff']));
    expect([...names.field]).toEqual(expect.arrayContaining(['text', 'yes-no', 'file']));
  });

  describe('the checker', () => {
    const check = (source: string) => findKindComparisons('planted.ts', source, names).map((f) => f.line);

    it('catches a planted comparison of a step kind, naming its line', () => {
      expect(check("const a = 1;\nif (step.kind === 'end') done();\n")).toEqual([2]);
      expect(check("if ('form' !== def.steps[id]?.kind) skip();")).toEqual([1]);
      expect(check("const ended = (s.kind as string) == 'end';")).toEqual([1]);
      expect(check("function f(kind: string) { return kind === 'handoff'; }")).toEqual([1]);
    });

    it('catches a comparison of a field type, a switch and an includes on a kind list', () => {
      expect(check("if (f.type === 'yes-no') x();")).toEqual([1]);
      expect(
        check(
          "switch (field?.type) {\n  case 'number': return 0;\n  case 'date': return today;\n  default: return '';\n}",
        ),
      ).toEqual([2, 3]);
      expect(check("if (['choice', 'multi-choice'].includes(f.type)) x();")).toEqual([1]);
      expect(
        check("const CHOICES = ['choice', 'yes-no'];\nconst y = 2;\nif (CHOICES.includes(field.type)) x();"),
      ).toEqual([3]);
      expect(check("if (new Set(['form', 'end']).has(s.kind)) x();")).toEqual([1]);
    });

    it('leaves other kinds and types alone', () => {
      expect(check("if (principal.kind === 'citizen') x();")).toEqual([]);
      expect(check("if (e.type === 'task.completed') x();")).toEqual([]);
      expect(check("if (task.kind === 'handoff') x();")).toEqual([]);
      expect(check("if (n.type === 'group') x();")).toEqual([]);
      expect(check("if (step.title === 'end') x();")).toEqual([]);
      expect(check('if (stepKind(step.kind).final) x();')).toEqual([]);
    });
  });
});
