import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import ts from 'typescript';

/**
 * Finds comparisons of a step's `kind` or a field's `type` with a registered
 * kind name outside the descriptors (runtime/model/steps, runtime/model/fields):
 * `===`/`!==`/`==`/`!=`, `switch` cases, and `includes`/`has`/`indexOf` on a
 * list of kind names. Used by test/runtime/model/kind-comparisons.test.ts;
 * `npx tsx scripts/kind-comparisons.ts [root] [--all]` lists them (`--all`:
 * without the exceptions below, to count).
 */

const SCANNED = ['runtime', 'designer', 'workspace', 'browser'];
const DESCRIPTORS = ['runtime/model/steps/', 'runtime/model/fields/'];

/**
 * Files another part of issue 12 rewrites (the journey simulator, which also
 * removes their kind comparisons). Remove an entry when that lands.
 */
const PENDING: Record<string, string> = {};

/**
 * Receivers whose `kind` is not a step's although it shares a name with one:
 * a task opened by a handoff step is a task of kind 'handoff' (the other is 'contact').
 */
const OTHER_KINDS = /^(task|tasks|openTask)$/;

export type Finding = { file: string; line: number; text: string };

export type Names = { step: ReadonlySet<string>; field: ReadonlySet<string> };

const unwrap = (e: ts.Expression): ts.Expression => {
  let x = e;
  while (
    ts.isParenthesizedExpression(x) ||
    ts.isNonNullExpression(x) ||
    ts.isAsExpression(x) ||
    ts.isSatisfiesExpression(x)
  )
    x = x.expression;
  return x;
};

/** 'step' for a `kind` expression, 'field' for a `type` expression, else undefined. */
function subject(e: ts.Expression): 'step' | 'field' | undefined {
  const x = unwrap(e);
  let name: string | undefined;
  let receiver: ts.Expression | undefined;
  if (ts.isIdentifier(x)) name = x.text;
  else if (ts.isPropertyAccessExpression(x)) {
    name = x.name.text;
    receiver = unwrap(x.expression);
  } else if (ts.isElementAccessExpression(x) && ts.isStringLiteralLike(x.argumentExpression)) {
    name = x.argumentExpression.text;
    receiver = unwrap(x.expression);
  }
  if (name === 'kind')
    return receiver && ts.isIdentifier(receiver) && OTHER_KINDS.test(receiver.text) ? undefined : 'step';
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
  if (ts.isNewExpression(x) && ts.isIdentifier(x.expression) && x.expression.text === 'Set' && x.arguments?.length)
    x = unwrap(x.arguments[0]);
  if (!ts.isArrayLiteralExpression(x)) return undefined;
  return x.elements.flatMap((el) => {
    const s = ts.isExpression(el) ? literal(el) : undefined;
    return s === undefined ? [] : [s];
  });
}

/** The comparisons of a kind or type with a registered name in one source file. */
export function findKindComparisons(file: string, source: string, names: Names): Finding[] {
  const sf = ts.createSourceFile(
    file,
    source,
    ts.ScriptTarget.Latest,
    true,
    file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const found: Finding[] = [];
  const flag = (node: ts.Node) =>
    found.push({
      file,
      line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1,
      text: node.getText(sf).slice(0, 100),
    });
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
      if (
        op === ts.SyntaxKind.EqualsEqualsEqualsToken ||
        op === ts.SyntaxKind.ExclamationEqualsEqualsToken ||
        op === ts.SyntaxKind.EqualsEqualsToken ||
        op === ts.SyntaxKind.ExclamationEqualsToken
      ) {
        if (isName(subject(node.left), literal(node.right)) || isName(subject(node.right), literal(node.left)))
          flag(node);
      }
    } else if (ts.isSwitchStatement(node)) {
      const kind = subject(node.expression);
      for (const clause of node.caseBlock.clauses)
        if (ts.isCaseClause(clause) && isName(kind, literal(clause.expression))) flag(clause);
    } else if (
      ts.isCallExpression(node) &&
      ts.isPropertyAccessExpression(node.expression) &&
      ['includes', 'has', 'indexOf'].includes(node.expression.name.text) &&
      node.arguments.length
    ) {
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
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules' || name === 'dist') return [];
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** The findings in every .ts/.tsx file under runtime/, designer/, workspace/ and browser/ of `root`. */
export function scanKindComparisons(root: string, names: Names, opts: { all?: boolean } = {}): Finding[] {
  const findings: Finding[] = [];
  for (const top of SCANNED) {
    for (const path of sourceFiles(join(root, top))) {
      const file = relative(root, path).split(sep).join('/');
      if (DESCRIPTORS.some((d) => file.startsWith(d)) || (!opts.all && PENDING[file])) continue;
      findings.push(...findKindComparisons(file, readFileSync(path, 'utf8'), names));
    }
  }
  return findings;
}

const isMain = process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href;
if (isMain) {
  const { fieldKinds, stepKinds } = await import('../runtime/model/index.js');
  const root = process.argv.slice(2).find((a) => !a.startsWith('--')) ?? process.cwd();
  const names: Names = { step: new Set(stepKinds.map((k) => k.kind)), field: new Set(fieldKinds.keys()) };
  const found = scanKindComparisons(root, names, { all: process.argv.includes('--all') });
  for (const f of found) console.log(`${f.file}:${f.line}: ${f.text}`);
  console.log(`${found.length} comparisons in ${new Set(found.map((f) => f.file)).size} files`);
}
