import { compileFeel, compileUnaryTest, FeelLimitError, FeelSyntaxError } from './feel.js';
import { fieldKind, type Field } from './fields/index.js';
import { durationProblem } from './ids.js';
import { reservedKeys, reservedMessage } from './reserved.js';
import { processSchema, type Process } from './schema.js';
import { isNegativeOutcome, isReasonField } from './negative.js';
import { isFinal, stepKind, type StepEdge } from './steps/index.js';
import { placeholderNames, type Text } from './text.js';

/**
 * A problem found by the static checks. `code` is stable (tests and the
 * designer key on it), `node` is the step or group it concerns.
 */
export type Problem = { code: string; message: string; node?: string; path?: string };

/** The codes, in one place (like xyflow's errorMessages). */
export const problemCodes = {
  P000: 'the definition does not match the process language',
  P001: 'unreachable step',
  P002: 'dead end: no end can be reached from this step',
  P003: 'unknown step target',
  P004: 'decision without otherwise',
  P005: 'unknown field in an expression',
  P006: 'duplicate field id',
  P007: 'handoff without deadline',
  P008: 'group event to a missing step',
  P009: 'FEEL syntax error',
  P010: 'start is not a step',
  P011: 'unknown or circular group',
  P012: 'conditional next without a default route',
  P013: 'unknown field in a placeholder',
  P014: 'field definition problem',
  P015: 'no contact team for "ask for a person"',
  P016: 'an id is used for a step and a group',
  P017: 'wait without a clear trigger',
  P019: 'invalid duration, or longer than 10 years',
  P021: 'handoff without outcomes',
  P022: 'duplicate outcome id',
  P023: 'negative outcome without a reason field',
  P025: 'decision table row does not match its inputs',
  P026: 'overlapping rows in a UNIQUE decision table',
  P027: 'UNIQUE decision table without onError',
  P028: 'expression too long',
  P029: 'expression too deeply nested or with too many operators',
  P030: 'a reserved word used as a name',
  P031: 'regular expression that cannot run (RE2: no backreferences or lookaround)',
  P032: 'a team that does not exist (checked against the list of teams: runtime/model/teams.ts)',
  P033: 'a team nobody works in (no official is a member)',
  P034: 'an operator of another expression language (==, &&, ||, ${…}: JavaScript or JUEL), not FEEL',
} as const;

/** Validates a definition: its shape first, then the static checks. */
export function checkDefinition(input: unknown): { process?: Process; problems: Problem[] } {
  // Before the schema: copying a record would silently drop a `__proto__` key.
  const reserved = reservedKeys(input).map((path): Problem => {
    const parts = path.split('.');
    return {
      code: 'P030',
      message: `${path}: ${reservedMessage(parts.at(-1)!)}`,
      node: parts[0] === 'steps' || parts[0] === 'groups' ? parts[1] : undefined,
      path,
    };
  });
  if (reserved.length) return { problems: reserved };
  const parsed = processSchema.safeParse(input);
  if (!parsed.success) {
    return {
      problems: parsed.error.issues.map((issue) => ({
        code:
          issue.code === 'custom' && (issue as { params?: { reserved?: boolean } }).params?.reserved ? 'P030' : 'P000',
        message: `${issue.path.join('.') || '(root)'}: ${issue.message}`,
        node:
          issue.path[0] === 'steps' || issue.path[0] === 'groups'
            ? String(issue.path[1] ?? '') || undefined
            : undefined,
        path: issue.path.join('.'),
      })),
    };
  }
  const process = parsed.data as Process;
  return { process, problems: checkProcess(process) };
}

/** The static checks over a definition that has the right shape. */
export function checkProcess(process: Process): Problem[] {
  const problems: Problem[] = [];
  const steps = process.steps;
  const groups = process.groups ?? {};
  const add = (code: keyof typeof problemCodes, message: string, node?: string, path?: string) =>
    problems.push({ code, message, node, path });

  if (!steps[process.start]) add('P010', `start '${process.start}' is not a step`, undefined, 'start');
  (process.triggers ?? []).forEach((trigger, i) => {
    if (!steps[trigger.start])
      add(
        'P010',
        `trigger ${i + 1} starts at '${trigger.start}', which is not a step`,
        undefined,
        `triggers.${i}.start`,
      );
    // A trigger's `when` and reason read the signal's facts, each declared with its type.
    const facts = new Set((trigger.facts ?? []).map((f) => f.id));
    for (const fact of trigger.facts ?? [])
      for (const message of fieldKind(fact.type).check?.(fact) ?? [])
        add('P014', `trigger ${i + 1}, fact '${fact.id}': ${message}`, undefined, `triggers.${i}.facts`);
    if (trigger.when) {
      try {
        const compiled = compileFeel(trigger.when);
        for (const name of compiled.names) {
          if (!facts.has(name))
            add(
              'P005',
              `triggers[${i}].when: '${name}' is not a declared fact of this trigger: add it to "facts" with its type`,
              undefined,
              `triggers.${i}.when`,
            );
        }
        for (const message of compiled.patternProblems)
          add('P031', `triggers[${i}].when: ${message}`, undefined, `triggers.${i}.when`);
      } catch (e) {
        if (e instanceof FeelSyntaxError)
          add(syntaxCode(e), `triggers[${i}].when: ${e.message}`, undefined, `triggers.${i}.when`);
        else throw e;
      }
    }
    for (const name of new Set(placeholders(trigger.because)))
      if (!facts.has(name))
        add(
          'P013',
          `trigger ${i + 1}: placeholder {{${name}}} is not a declared fact of this trigger`,
          undefined,
          `triggers.${i}.because`,
        );
  });
  if (!process.contact)
    add('P015', 'set "contact": { "team": … } so citizens can always ask for a person', undefined, 'contact');
  for (const id of Object.keys(groups)) if (steps[id]) add('P016', `'${id}' is both a step and a group`, id);

  // Groups: known parents, no cycles.
  for (const [id, group] of Object.entries(groups)) {
    const seen = new Set([id]);
    for (let parent = group.group; parent; parent = groups[parent]?.group) {
      if (!groups[parent]) {
        add('P011', `group '${id}' is inside unknown group '${parent}'`, id);
        break;
      }
      if (seen.has(parent)) {
        add('P011', `group '${id}' is inside itself`, id);
        break;
      }
      seen.add(parent);
    }
    for (const [event, on] of Object.entries(group.on ?? {})) {
      if (!steps[on.goto])
        add(
          'P008',
          `event '${event}' of group '${id}' goes to missing step '${on.goto}'`,
          id,
          `groups.${id}.on.${event}`,
        );
    }
  }

  // Fields: unique ids across the whole process, sound definitions.
  const fieldOwner = new Map<string, string>();
  const allFields: Field[] = [];
  for (const [id, step] of Object.entries(steps)) {
    const kind = stepKind(step.kind);
    if (step.group && !groups[step.group]) add('P011', `step '${id}' is in unknown group '${step.group}'`, id);
    for (const p of kind.check?.(step) ?? []) add(p.code as keyof typeof problemCodes, p.message, id);
    // A refusal needs a reason the citizen reads: negative by where the outcome leads, not by a flag alone.
    for (const o of kind.task(step as never)?.outcomes ?? [])
      if (isNegativeOutcome(process, o) && !(o.fields ?? []).some(isReasonField))
        add(
          'P023',
          `outcome '${o.id}' can end in a refusal: it needs a required text field for the reason the citizen reads`,
          id,
          `outcomes.${o.id}`,
        );
    for (const field of kind.fields(step)) {
      const owner = fieldOwner.get(field.id);
      if (owner) add('P006', `field id '${field.id}' is used in '${owner}' and '${id}'`, id);
      else fieldOwner.set(field.id, id);
      allFields.push(field);
      for (const message of fieldKind(field.type).check?.(field) ?? [])
        add('P014', `field '${field.id}': ${message}`, id);
    }
    for (const duration of durationsOf(step)) {
      const problem = durationProblem(duration);
      if (problem) add('P019', problem, id);
    }
  }
  const contactDue = process.contact?.due ? durationProblem(process.contact.due) : undefined;
  if (contactDue) add('P019', contactDue, undefined, 'contact.due');

  // Facts a trigger brings are case data too; a fact and a field with one id must have one type.
  const typeOf = new Map(allFields.map((f) => [f.id, f.type]));
  (process.triggers ?? []).forEach((trigger, i) => {
    for (const fact of trigger.facts ?? []) {
      const type = typeOf.get(fact.id);
      if (type && type !== fact.type)
        add(
          'P014',
          `trigger ${i + 1}: fact '${fact.id}' is a ${fact.type} but the field '${fact.id}' is a ${type}`,
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
      if (edge.to === '')
        add('P003', `'${id}' is not connected (${edge.via}): drag from its handle to the next step`, id);
      else if (!steps[edge.to]) add('P003', `'${id}' goes to unknown step '${edge.to}'`, id);
    }
    const local = new Set(kind.names?.(step) ?? []);
    for (const { expr, where, unary } of kind.expressions(step)) {
      try {
        const compiled = unary ? compileUnaryTest(expr) : compileFeel(expr);
        for (const name of compiled.names) {
          if (!known.has(name) && !local.has(name))
            add('P005', `${where}: '${name}' is not a field of this process`, id, where);
        }
        for (const message of compiled.patternProblems) add('P031', `${where}: ${message}`, id, where);
      } catch (e) {
        if (e instanceof FeelSyntaxError) add(syntaxCode(e), `${where}: ${e.message}`, id, where);
        else throw e;
      }
    }
    for (const text of kind.templates(step)) {
      for (const name of placeholders(text))
        if (!known.has(name) && !local.has(name))
          add('P013', `placeholder {{${name}}} is not a field of this process`, id);
    }
  }

  // Reachability from the start, and whether an end can be reached from each step.
  const edges = graphEdges(process);
  if (steps[process.start]) {
    const roots = [process.start, ...(process.triggers ?? []).map((t) => t.start).filter((id) => steps[id])];
    const reached = walk(roots, (id) => edges.get(id) ?? []);
    for (const id of Object.keys(steps))
      if (!reached.has(id)) add('P001', `step '${id}' cannot be reached from the start`, id);
    const reverse = new Map<string, string[]>();
    for (const [from, tos] of edges) for (const to of tos) reverse.set(to, [...(reverse.get(to) ?? []), from]);
    const ends = Object.keys(steps).filter((id) => isFinal(steps[id]));
    const canEnd = walk(ends, (id) => reverse.get(id) ?? []);
    for (const id of Object.keys(steps))
      if (reached.has(id) && !canEnd.has(id)) add('P002', `no end can be reached from '${id}'`, id);
  }
  return problems;
}

/** P028/P029/P034 for an expression refused before parsing (runtime/model/feel-limits.ts), else P009. */
const syntaxCode = (e: FeelSyntaxError) => (e instanceof FeelLimitError ? e.code : 'P009');

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
