import type { z } from 'zod';
import type { Lang } from '../i18n/index.js';
import { compileFeel, compileUnaryTest, FeelSyntaxError } from './feel.js';
import { fieldKind, type Field } from './fields/index.js';
import { durationIssue } from './ids.js';
import {
  worded,
  type Finding,
  type KindFinding,
  type NameFormat,
  type Place,
  type Problem,
  type ProblemCode,
  type ProblemParams,
  type ValueType,
} from './problems.js';
import { own, reservedKeys } from './reserved.js';
import { processSchema, type Process } from './schema.js';
import { isNegativeOutcome, isReasonField } from './negative.js';
import { isFinal, stepKind, type StepEdge } from './steps/index.js';
import { placeholderNames, type Text } from './text.js';

export {
  problemCodes,
  problemMessage,
  inLanguage,
  type Finding,
  type KindFinding,
  type Place,
  type Problem,
  type ProblemCode,
  type ProblemParams,
} from './problems.js';

/**
 * Validates a definition: its shape first, then the static checks. The messages are in `lang`
 * (Dutch unless told); `params` keep what they are made of, to word them again in another language.
 */
export function checkDefinition(input: unknown, lang: Lang = 'nl'): { process?: Process; problems: Problem[] } {
  const { process, findings } = findDefinition(input);
  return { process, problems: worded(findings, lang, input) };
}

/** The findings of checkDefinition, before they are put in words. */
export function findDefinition(input: unknown): { process?: Process; findings: Finding[] } {
  const nodeOf = (path: readonly PropertyKey[]) =>
    (path[0] === 'steps' || path[0] === 'groups') && path[1] !== undefined ? String(path[1]) || undefined : undefined;
  // Before the schema: copying a record would silently drop a `__proto__` key.
  const reserved = reservedKeys(input).map((path): Finding => {
    const parts = path.split('.');
    return {
      code: 'P030',
      params: { name: parts.at(-1)!, at: parts.slice(0, -1).join('.') },
      node: nodeOf(parts),
      path,
    };
  });
  if (reserved.length) return { findings: reserved };
  const parsed = processSchema.safeParse(input);
  if (!parsed.success)
    return {
      findings: parsed.error.issues.map((issue): Finding => {
        const path = issue.path.join('.');
        const node = nodeOf(issue.path);
        if (issue.code === 'custom' && (issue as { params?: { reserved?: boolean } }).params?.reserved)
          return { code: 'P030', params: { name: String(valueAt(input, issue.path)), at: path }, node, path };
        return { code: 'P000', params: schemaIssue(issue, input, path), node, path };
      }),
    };
  const process = parsed.data as Process;
  return { process, findings: findProblems(process) };
}

/** The static checks over a definition that has the right shape, with their messages in `lang`. */
export function checkProcess(process: Process, lang: Lang = 'nl'): Problem[] {
  return worded(findProblems(process), lang, process);
}

/** What is wrong with the shape of a definition at one place, as P000's params. */
function schemaIssue(issue: z.core.$ZodIssue, input: unknown, at: string): ProblemParams['P000'] {
  const value = valueAt(input, issue.path);
  if (value === undefined && issue.path.length) return { case: 'missing', at };
  switch (issue.code) {
    case 'unrecognized_keys':
      return { case: 'unknownKey', at, keys: issue.keys.join(', ') };
    case 'invalid_type': {
      const expected = ['string', 'number', 'boolean', 'array', 'object'].includes(issue.expected)
        ? (issue.expected as ValueType)
        : 'other';
      return { case: 'type', at, expected };
    }
    case 'invalid_format':
      return { case: 'format', at, format: 'pattern' in issue ? formatOf(String(issue.pattern)) : 'other' };
    case 'too_small':
      return { case: 'empty', at };
    case 'invalid_value':
      return { case: 'choice', at, options: issue.values.map(String) };
    case 'invalid_union':
      if ('options' in issue && Array.isArray(issue.options))
        return { case: 'choice', at, options: (issue.options as unknown[]).map(String) };
      return { case: 'other', at };
    default:
      return { case: 'other', at };
  }
}

/** The form a pattern of the process language asks for (runtime/model/ids.ts, schema.ts), by its regex. */
function formatOf(pattern: string): NameFormat {
  if (pattern === '/^[a-z][a-z0-9-]*$/') return 'lowerWord';
  if (pattern.startsWith('/^[a-z0-9][a-z0-9-]')) return 'key';
  if (pattern === '/^[A-Za-z][A-Za-z0-9_]*$/') return 'name';
  if (pattern.startsWith('/^[a-z][a-z0-9-]*(')) return 'signal';
  if (pattern === '/^P/') return 'duration';
  return 'other';
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let at = input;
  for (const key of path) {
    if (at === null || typeof at !== 'object') return undefined;
    at = own(at as Record<string, unknown>, String(key));
  }
  return at;
}

/** An expression that cannot be used, at `place`: P009 (syntax), P028 (too long), P029 (too deep, too many operators), P034 (another language's operator). */
export function syntaxFinding(e: FeelSyntaxError, place: Place): KindFinding {
  const d = e.detail;
  const position = e.from + 1;
  if (d.kind === 'length') return { code: 'P028', params: { place, length: d.length, max: d.max } };
  if (d.kind === 'nesting' || d.kind === 'operators')
    return { code: 'P029', params: { case: d.kind, place, max: d.max, position } };
  if (d.kind === 'foreign') return { code: 'P034', params: { place, op: d.op, fix: d.fix, position } };
  if (d.kind === 'syntax') return { code: 'P009', params: { case: 'syntax', place, position, near: d.near } };
  return { code: 'P009', params: { case: d.kind, place } };
}

/** The findings of the static checks over a definition that has the right shape. */
export function findProblems(process: Process): Finding[] {
  const problems: Finding[] = [];
  const steps = process.steps;
  const groups = process.groups ?? {};
  const add = <C extends ProblemCode>(code: C, params: ProblemParams[C], node?: string, path?: string) =>
    problems.push({ code, params, node, path } as Finding);
  /** A FEEL expression at `place`: its syntax, the names it reads, its literal patterns. */
  const expression = (
    expr: string,
    unary: boolean | undefined,
    place: Place,
    isKnown: (name: string) => boolean,
    unknown: (name: string) => void,
    node: string | undefined,
    path: string,
  ) => {
    try {
      const compiled = unary ? compileUnaryTest(expr) : compileFeel(expr);
      for (const name of compiled.names) if (!isKnown(name)) unknown(name);
      for (const p of compiled.patternProblems)
        add(
          'P031',
          p.case === 'flag'
            ? { case: 'flag', place, fn: p.fn, flag: p.flag }
            : { case: 'pattern', place, fn: p.fn, pattern: p.pattern, near: p.near },
          node,
          path,
        );
    } catch (e) {
      if (!(e instanceof FeelSyntaxError)) throw e;
      problems.push({ ...syntaxFinding(e, place), node, path });
    }
  };

  if (!steps[process.start]) add('P010', { case: 'start', start: process.start }, undefined, 'start');
  (process.triggers ?? []).forEach((trigger, i) => {
    const n = i + 1;
    if (!steps[trigger.start])
      add('P010', { case: 'trigger', n, start: trigger.start }, undefined, `triggers.${i}.start`);
    // A trigger's `when` and reason read the signal's facts, each declared with its type.
    const facts = new Set((trigger.facts ?? []).map((f) => f.id));
    for (const fact of trigger.facts ?? [])
      for (const found of fieldKind(fact.type).check?.(fact) ?? [])
        add('P014', { ...found, who: 'fact', field: fact.id }, undefined, `triggers.${i}.facts`);
    if (trigger.when)
      expression(
        trigger.when,
        false,
        { at: 'triggerWhen', i },
        (name) => facts.has(name),
        (name) => add('P005', { case: 'trigger', n, name }, undefined, `triggers.${i}.when`),
        undefined,
        `triggers.${i}.when`,
      );
    for (const name of new Set(placeholders(trigger.because)))
      if (!facts.has(name)) add('P013', { case: 'trigger', n, name }, undefined, `triggers.${i}.because`);
  });
  if (!process.contact) add('P015', {}, undefined, 'contact');
  for (const id of Object.keys(groups)) if (steps[id]) add('P016', { id }, id);

  // Groups: known parents, no cycles.
  for (const [id, group] of Object.entries(groups)) {
    const seen = new Set([id]);
    for (let parent = group.group; parent; parent = groups[parent]?.group) {
      if (!groups[parent]) {
        add('P011', { case: 'group', group: parent }, id);
        break;
      }
      if (seen.has(parent)) {
        add('P011', { case: 'itself' }, id);
        break;
      }
      seen.add(parent);
    }
    for (const [event, on] of Object.entries(group.on ?? {})) {
      if (!steps[on.goto]) add('P008', { event, target: on.goto }, id, `groups.${id}.on.${event}`);
    }
  }

  // Fields: unique ids across the whole process, sound definitions.
  const fieldOwner = new Map<string, string>();
  const allFields: Field[] = [];
  for (const [id, step] of Object.entries(steps)) {
    const kind = stepKind(step.kind);
    if (step.group && !groups[step.group]) add('P011', { case: 'step', group: step.group }, id);
    for (const p of kind.check?.(step) ?? []) add(p.code, p.params as never, id);
    // A refusal needs a reason the citizen reads: negative by where the outcome leads, not by a flag alone.
    const task = kind.task(step as never);
    for (const o of task?.outcomes ?? [])
      if (isNegativeOutcome(process, o) && !(o.fields ?? []).some(isReasonField))
        add('P023', { outcome: o.id }, id, `outcomes.${o.id}`);
    const outcomeFields = new Set(task?.outcomes.flatMap((o) => o.fields ?? []));
    for (const field of kind.fields(step)) {
      const owner = fieldOwner.get(field.id);
      if (owner) add('P006', { field: field.id, owner }, id);
      else fieldOwner.set(field.id, id);
      allFields.push(field);
      for (const found of fieldKind(field.type).check?.(field) ?? [])
        add('P014', { ...found, who: outcomeFields.has(field) ? 'outcomeField' : 'question', field: field.id }, id);
    }
    for (const duration of durationsOf(step)) {
      const issue = durationIssue(duration);
      if (issue) add('P019', { ...issue, duration }, id);
    }
  }
  const contactDue = process.contact?.due ? durationIssue(process.contact.due) : undefined;
  if (contactDue)
    add(
      'P019',
      { ...contactDue, duration: process.contact!.due!, place: { at: 'contactDue' } },
      undefined,
      'contact.due',
    );

  // Facts a trigger brings are case data too; a fact and a field with one id must have one type.
  const typeOf = new Map(allFields.map((f) => [f.id, f.type]));
  (process.triggers ?? []).forEach((trigger, i) => {
    for (const fact of trigger.facts ?? []) {
      const type = typeOf.get(fact.id);
      if (type && type !== fact.type)
        add(
          'P014',
          { case: 'clash', n: i + 1, field: fact.id, type: fact.type, otherType: type },
          undefined,
          `triggers.${i}.facts`,
        );
      typeOf.set(fact.id, fact.type);
    }
  });

  // Targets and expressions.
  const known = new Set([
    ...fieldOwner.keys(),
    ...(process.triggers ?? []).flatMap((t) => (t.facts ?? []).map((f) => f.id)),
  ]);
  for (const [id, step] of Object.entries(steps)) {
    const kind = stepKind(step.kind);
    for (const edge of kind.edges(step)) {
      if (edge.to === '') add('P003', { case: 'unconnected', place: edge.place }, id);
      else if (!steps[edge.to]) add('P003', { case: 'unknown', place: edge.place, target: edge.to }, id);
    }
    const local = new Set(kind.names?.(step) ?? []);
    const isKnown = (name: string) => known.has(name) || local.has(name);
    for (const { expr, where, place, unary } of kind.expressions(step))
      expression(
        expr,
        unary,
        place,
        isKnown,
        (name) => add('P005', { case: 'step', place, name }, id, where),
        id,
        where,
      );
    for (const text of kind.templates(step)) {
      for (const name of placeholders(text)) if (!isKnown(name)) add('P013', { case: 'step', name }, id);
    }
  }

  // Reachability from the start, and whether an end can be reached from each step.
  const edges = graphEdges(process);
  if (steps[process.start]) {
    const roots = [process.start, ...(process.triggers ?? []).map((t) => t.start).filter((id) => steps[id])];
    const reached = walk(roots, (id) => edges.get(id) ?? []);
    for (const id of Object.keys(steps)) if (!reached.has(id)) add('P001', {}, id);
    const reverse = new Map<string, string[]>();
    for (const [from, tos] of edges) for (const to of tos) reverse.set(to, [...(reverse.get(to) ?? []), from]);
    const ends = Object.keys(steps).filter((id) => isFinal(steps[id]));
    const canEnd = walk(ends, (id) => reverse.get(id) ?? []);
    for (const id of Object.keys(steps)) if (reached.has(id) && !canEnd.has(id)) add('P002', {}, id);
  }
  return problems;
}

/** Outgoing steps of each step: its own edges plus the events of the groups it is in. */
export function graphEdges(process: Process): Map<string, string[]> {
  const edges = new Map<string, string[]>();
  for (const [id, step] of Object.entries(process.steps)) {
    const own: StepEdge[] = stepKind(step.kind).edges(step);
    const viaGroups = isFinal(step)
      ? []
      : groupChain(process, step.group).flatMap((g) =>
          Object.values(process.groups?.[g]?.on ?? {}).map((on) => on.goto),
        );
    edges.set(
      id,
      [...own.map((e) => e.to), ...viaGroups].filter((to) => process.steps[to]),
    );
  }
  return edges;
}

/** The group a step is in, then its enclosing groups, outward (stops at cycles). */
export function groupChain(process: Process, group: string | undefined): string[] {
  const chain: string[] = [];
  for (let g = group; g && process.groups?.[g] && !chain.includes(g); g = process.groups[g].group) chain.push(g);
  return chain;
}

function walk(from: string[], next: (id: string) => string[]): Set<string> {
  const seen = new Set(from);
  const queue = [...from];
  while (queue.length)
    for (const to of next(queue.shift()!))
      if (!seen.has(to)) {
        seen.add(to);
        queue.push(to);
      }
  return seen;
}

function placeholders(text: Text): string[] {
  return typeof text === 'string'
    ? placeholderNames(text)
    : [...placeholderNames(text.nl), ...placeholderNames(text.en ?? '')];
}

function durationsOf(step: Process['steps'][string]): string[] {
  return stepKind(step.kind).durations(step);
}
