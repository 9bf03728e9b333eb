import {
  compileFeel,
  compileUnaryTest,
  FeelSyntaxError,
  syntaxFinding,
  type KindFinding,
} from '../../runtime/model/index.js';

/** What is wrong in a FEEL expression, with where (offsets into the text). */
export type FeelDiagnostic = {
  from: number;
  to: number;
  severity: 'error' | 'warning';
  code: 'syntax' | 'unknown-field';
  name?: string;
  message: string;
  /** A syntax error as the problem the checks report (P009, P028, P029), to word it in the interface language. */
  finding?: KindFinding;
};

/**
 * Checks a FEEL expression the way the process checks will: feelin's parser
 * for syntax (P009), and every name it reads must be a known field (P005).
 * An empty expression is no diagnostic here (the form says it is required).
 * `fieldIds` null: names are not checked (an expression over facts from
 * outside, like a trigger's condition over a signal's data).
 */
export function checkFeel(expr: string, fieldIds: readonly string[] | null): FeelDiagnostic[] {
  if (!expr.trim()) return [];
  try {
    const compiled = compileFeel(expr);
    if (!fieldIds) return [];
    const known = new Set(fieldIds);
    return compiled.names
      .filter((n) => !known.has(n))
      .map((name) => {
        const at = findName(expr, name);
        return {
          from: at,
          to: at + name.length,
          severity: 'warning' as const,
          code: 'unknown-field' as const,
          name,
          message: name,
        };
      });
  } catch (error) {
    if (error instanceof FeelSyntaxError) {
      return [
        {
          from: error.from,
          to: Math.max(error.to, error.from + 1),
          severity: 'error',
          code: 'syntax',
          message: error.message,
          finding: syntaxFinding(error, { at: 'this' }),
        },
      ];
    }
    return [{ from: 0, to: expr.length, severity: 'error', code: 'syntax', message: (error as Error).message }];
  }
}

/** Where a name stands as a whole word (not inside a string or a longer name). */
function findName(expr: string, name: string): number {
  const re = new RegExp(`(^|[^A-Za-z0-9_"])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![A-Za-z0-9_])`);
  const m = re.exec(expr);
  return m ? m.index + m[1].length : 0;
}

/**
 * A decision table cell (a unary test such as `< 21`, `[1..5]`, `"a","b"`
 * or `-`) as the checks read it: feelin's syntax error (P009), or null.
 */
export function checkUnaryTest(test: string): FeelDiagnostic | null {
  if (!test.trim()) return null;
  try {
    compileUnaryTest(test);
    return null;
  } catch (error) {
    if (error instanceof FeelSyntaxError)
      return {
        from: error.from,
        to: Math.max(error.to, error.from + 1),
        severity: 'error',
        code: 'syntax',
        message: error.message,
        finding: syntaxFinding(error, { at: 'this' }),
      };
    return { from: 0, to: test.length, severity: 'error', code: 'syntax', message: (error as Error).message };
  }
}
