import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { fieldKinds, stepKinds } from '../../../runtime/model/index.js';

/**
 * Outside the descriptors (runtime/model/steps, runtime/model/fields) nothing
 * compares a step's `kind` or a field's `type` with a kind's name: code asks
 * the descriptor instead (`stepKind(step.kind).final`, `fieldKind(f.type).choices`),
 * and each user interface registers its part per kind in one exhaustive record.
 * The names come from the registries, so a new kind is covered.
 */

const ROOT = join(__dirname, '..', '..', '..');
const SCANNED = ['runtime', 'designer', 'workspace', 'browser'];
const DESCRIPTORS = ['runtime/model/steps/', 'runtime/model/fields/'];

/**
 * Files another part of issue 12 rewrites (the journey simulator, which also
 * removes their kind comparisons). Remove an entry when that lands.
 */
const PENDING: Record<string, string> = {
  'designer/model/simulation.ts': 'replaced by the journey simulator in runtime/model/journey',
  'designer/simulate/SimulationPanel.tsx': 'rewritten on the journey simulator',
  'runtime/pages/journey.ts': 'replaced by the engine\'s journey service',
  'runtime/pages/routes/journey.ts': 'rewritten on the engine\'s journey service',
};

/**
 * Receivers whose `kind` is not a step's although it shares a name with one:
 * a task opened by a handoff step is a task of kind 'handoff' (the other is 'contact').
 */
const OTHER_KINDS = /^(task|tasks|openTask)$/;

export type Finding = { file: string; line: number; text: string };

type Names = { step: ReadonlySet<string>; field: ReadonlySet<string> };

const unwrap = (e: ts.Expression): ts.Expression => {
  let x = e;
  while (ts.isParenthesizedExpression(x) || ts.isNonNullExpression(x) || ts.isAsExpression(x) || ts.isSatisfiesExpression(x)) x = x.expression;
  return x;
};

/** 'step' for a `kind` expression, 'field' for a `type` expression, else undefined. */
function subject(e: ts.Expression): 'step' | 'field' | undefined {
  const x = unwrap(e);
  let name: string | undefined;
  let receiver: ts.Expression | undefined;
  if (ts.isIdentifier(x)) name = x.text;
  else if (ts.isPropertyAccessExpression(x)) { name = x.name.text; receiver = unwrap(x.expression); }
  else if (ts.isElementAccessExpression(x) && ts.isStringLiteralLike(x.argumentExpression)) { name = x.argumentExpression.text; receiver = unwrap(x.expression); }
  if (name === 'kind') return receiver && ts.isIdentifier(receiver) && OTHER_KINDS.test(receiver.text) ? undefined : 'step';
  if (name === 'type') return 'field';
  return undefined;
}

const literal = (e: ts.Expression): string | undefined => {
  const x = unwrap(e);
  return ts.isStringLiteral(x) || ts.isNoSubstitutionTemplateLiteral(x) ? x.text : undefined;
};

/** The string literals of an array literal or `new Set([...])`. */
function literalList(e: ts.Expression): string[] | undefined {
  let x = unwrap(e);
  if (ts.isNewExpression(x) && ts.isIdentifier(x.expression) && x.expression.text === 'Set' && x.arguments?.length) x = unwrap(x.arguments[0]);
  if (!ts.isArrayLiteralExpression(x)) return undefined;
  return x.elements.flatMap((el) => { const s = ts.isExpression(el) ? literal(el) : undefined; return s === undefined ? [] : [s]; });
}

/** The comparisons of a kind or type with a registered name in one source file. */
export function findKindComparisons(file: string, source: string, names: Names): Finding[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: Finding[] = [];
  const flag = (node: ts.Node) => found.push({ file, line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1, text: node.getText(sf).slice(0, 100) });
  const isName = (kind: 'step' | 'field' | undefined, value: string | undefined) =>
    !!kind && value !== undefined && (kind === 'step' ? names.step : names.field).has(value);
  // Lists of literals declared in the file (`const CHOICES = ['choice', …]`), for `CHOICES.includes(f.type)`.
  const lists = new Map<string, string[]>();
  const collect = (node: ts.Node) => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer) {
      const list = literalList(node.initializer);
      if (list) lists.set(node.name.text, list);
    }
    ts.forEachChild(node, collect);
  };
  collect(sf);
  const visit = (node: ts.Node) => {
    if (ts.isBinaryExpression(node)) {
      const op = node.operatorToken.kind;
      if (op === ts.SyntaxKind.EqualsEqualsEqualsToken || op === ts.SyntaxKind.ExclamationEqualsEqualsToken
        || op === ts.SyntaxKind.EqualsEqualsToken || op === ts.SyntaxKind.ExclamationEqualsToken) {
        if (isName(subject(node.left), literal(node.right)) || isName(subject(node.right), literal(node.left))) flag(node);
      }
    } else if (ts.isSwitchStatement(node)) {
      const kind = subject(node.expression);
      for (const clause of node.caseBlock.clauses) if (ts.isCaseClause(clause) && isName(kind, literal(clause.expression))) flag(clause);
    } else if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)
      && ['includes', 'has', 'indexOf'].includes(node.expression.name.text) && node.arguments.length) {
      const target = unwrap(node.expression.expression);
      const list = literalList(target) ?? (ts.isIdentifier(target) ? lists.get(target.text) : undefined);
      const kind = subject(node.arguments[0]);
      if (list && list.some((value) => isName(kind, value))) flag(node);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

function sourceFiles(dir: string): string[] {
  let entries: string[];
  try { entries = readdirSync(dir); } catch { return []; }
  return entries.flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules' || name === 'dist') return [];
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

const names: Names = { step: new Set(stepKinds.map((k) => k.kind)), field: new Set(fieldKinds.keys()) };

describe('kind comparisons outside the descriptors', () => {
  it('finds none in runtime/, designer/, workspace/ and browser/', () => {
    const findings: Finding[] = [];
    for (const top of SCANNED) {
      for (const path of sourceFiles(join(ROOT, top))) {
        const file = relative(ROOT, path).split(sep).join('/');
        if (DESCRIPTORS.some((d) => file.startsWith(d)) || PENDING[file]) continue;
        findings.push(...findKindComparisons(file, readFileSync(path, 'utf8'), names));
      }
    }
    expect(findings.map((f) => `${f.file}:${f.line}: ${f.text}`)).toEqual([]);
  });

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
      expect(check("switch (field?.type) {\n  case 'number': return 0;\n  case 'date': return today;\n  default: return '';\n}")).toEqual([2, 3]);
      expect(check("if (['choice', 'multi-choice'].includes(f.type)) x();")).toEqual([1]);
      expect(check("const CHOICES = ['choice', 'yes-no'];\nconst y = 2;\nif (CHOICES.includes(field.type)) x();")).toEqual([3]);
      expect(check("if (new Set(['form', 'end']).has(s.kind)) x();")).toEqual([1]);
    });

    it('leaves other kinds and types alone', () => {
      expect(check("if (principal.kind === 'citizen') x();")).toEqual([]);
      expect(check("if (e.type === 'task.completed') x();")).toEqual([]);
      expect(check("if (task.kind === 'handoff') x();")).toEqual([]);
      expect(check("if (n.type === 'group') x();")).toEqual([]);
      expect(check("if (step.title === 'end') x();")).toEqual([]);
      expect(check("if (stepKind(step.kind).final) x();")).toEqual([]);
    });
  });
});
