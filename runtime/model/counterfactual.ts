import { DateTime } from 'luxon';
import {
  counterfactualCatalogues,
  createTranslator,
  fieldsCatalogues,
  formatList,
  formatNumber,
  longDate,
  translate,
} from '../i18n/index.js';
import {
  and,
  cellOf,
  conditionOf,
  inputRef,
  negate,
  type Atom,
  type Dnf,
  type Op,
  type Scalar,
} from './counterfactual-conditions.js';
import { matchingRows, tableParams } from './decision-table.js';
import { feelHolds, withFeelScope } from './feel.js';
import { fieldKind, formatAnswer, type Field } from './fields/index.js';
import { own } from './reserved.js';
import type { Process } from './schema.js';
import type { DecisionStep } from './steps/decision.js';
import { kindOf } from './steps/index.js';
import { fillPlaceholders, languages, t, type Lang } from './text.js';

/**
 * "What would have changed the outcome": for an automated decision (rules
 * or a decision table), the smallest changes of the case's values that
 * would have led to each other outcome. Changes come from the conditions'
 * boundaries (runtime/model/counterfactual-conditions.ts) and each is
 * verified by deciding the step again over the changed values, with the
 * functions the engine's guards use; a candidate that does not lead
 * elsewhere is dropped. What cannot be analysed is said, never guessed.
 * Pure: no IO.
 */
export type CounterfactualChange = { field: string; from: unknown; to: Scalar; op: Op };
export type CounterfactualAlternative = { outcome: string; changes: CounterfactualChange[] };
export type Counterfactual = {
  computable: boolean;
  nl: string;
  en: string;
  alternatives: CounterfactualAlternative[];
};

type Way = { way: string; target: string; dnf: Dnf | null };
type Change = CounterfactualChange & { witness: Scalar };
type Changes = Map<string, Change>;

// Bounds on the search: changes of at most this many fields, and at most this many decisions evaluated.
const MAX_FIELDS = 3;
const MAX_EVALUATIONS = 120;
const SEARCH_BUDGET = { steps: 200_000, ms: 150 };

/** The ways out of a decision step, in the order the engine tries them, with their conditions as clauses. */
function waysOf(step: DecisionStep, data: Record<string, unknown>): Way[] {
  const ways: Way[] = [];
  const table = step.table;
  if (table) {
    const refs = table.inputs.map((i) => inputRef(i.expr));
    table.rows.forEach((row, i) => {
      let dnf: Dnf | null = [[]];
      row.tests.forEach((test, j) => (dnf = and(dnf, cellOf(test, refs[j] ?? null, data))));
      ways.push({ way: `row:${i}`, target: row.goto, dnf });
    });
  }
  step.rules.forEach((r, i) => ways.push({ way: `rule:${i}`, target: r.goto, dnf: conditionOf(r.when, data) }));
  if (step.otherwise) ways.push({ way: 'otherwise', target: step.otherwise.goto, dnf: null });
  return ways;
}

/**
 * Which way the step takes over `data`, as its compiled guards decide
 * (runtime/model/steps/decision.ts: a UNIQUE overlap, the rows, the rules,
 * otherwise); null when an expression cannot be evaluated.
 */
function decide(step: DecisionStep, data: Record<string, unknown>): string | null {
  try {
    if (step.table) {
      const params = tableParams(step.table);
      if (step.table.hitPolicy === 'UNIQUE' && step.onError && matchingRows(params, data).length > 1) return 'error';
      for (let i = 0; i < params.rows.length; i++)
        if (matchingRows({ inputs: params.inputs, rows: [params.rows[i]] }, data).length === 1) return `row:${i}`;
    }
    for (let i = 0; i < step.rules.length; i++) if (feelHolds(step.rules[i].when, data)) return `rule:${i}`;
    return step.otherwise ? 'otherwise' : null;
  } catch {
    return null;
  }
}

/** The outcome a target stands for: a message step on the way to an end is that end. */
function outcomeOf(process: Process, target: string): string {
  let id = target;
  for (let hop = 0; hop < 10; hop++) {
    const step = own(process.steps, id);
    if (!step || !kindOf(step).passesOn) break;
    const edges = kindOf(step).edges(step);
    if (edges.length !== 1 || !edges[0].to) break;
    id = edges[0].to;
  }
  return id;
}

const isDateField = (field: Field | undefined) => !!field && fieldKind(field.type).bounds === 'date';
const isDate = (atom: Atom, field: Field | undefined) => atom.date || isDateField(field);

function holds(atom: Atom, value: unknown, field: Field | undefined): boolean {
  if (value === undefined || value === null) return false;
  let a: unknown = value;
  const b = atom.value;
  if (isDate(atom, field)) a = typeof value === 'string' ? value.slice(0, 10) : undefined;
  if (atom.op === '=') return a === b;
  if (atom.op === '!=') return a !== b;
  const comparable = (typeof a === 'number' && typeof b === 'number') || (typeof a === 'string' && isDate(atom, field));
  if (!comparable || typeof a !== typeof b) return false;
  const [x, y] = [a as number | string, b as number | string];
  return atom.op === '<' ? x < y : atom.op === '<=' ? x <= y : atom.op === '>' ? x > y : x >= y;
}

/** A value that makes the atom hold, next to its boundary: `< 1300` on money is 1299.99. */
function witness(atom: Atom, field: Field | undefined): Scalar | null {
  const v = atom.value;
  if (isDate(atom, field)) {
    const d = typeof v === 'string' ? DateTime.fromISO(v) : undefined;
    if (!d?.isValid) return null;
    const next = atom.op === '<' ? d.minus({ days: 1 }) : atom.op === '>' || atom.op === '!=' ? d.plus({ days: 1 }) : d;
    return next.toISODate();
  }
  if (typeof v === 'number') {
    const unit = (field && fieldKind(field.type).precision) ?? (Number.isInteger(v) ? 1 : 0.01);
    const round = (n: number) => Math.round(n * 100) / 100;
    return atom.op === '<' ? round(v - unit) : atom.op === '>' || atom.op === '!=' ? round(v + unit) : v;
  }
  if (atom.op === '=') return v;
  if (atom.op !== '!=') return null;
  if (typeof v === 'boolean') return !v;
  return field?.options?.find((o) => o.value !== v)?.value ?? null;
}

/** How a change is told: its bound (`< 1300`: less than 1300), or for `!=` the value chosen. */
function told(atom: Atom, value: Scalar): { to: Scalar; op: Op } {
  return atom.op === '!=' ? { to: value, op: '=' } : { to: atom.value, op: atom.op };
}

const applied = (data: Record<string, unknown>, changes: Changes) => ({
  ...data,
  ...Object.fromEntries([...changes].map(([f, c]) => [f, c.witness])),
});

/** The changes (on top of `changes`) that make every atom of the clause hold, or null when they cannot. */
function satisfy(
  clause: Atom[],
  data: Record<string, unknown>,
  changes: Changes,
  fields: Map<string, Field>,
): Changes | null {
  const now = applied(data, changes);
  const out: Changes = new Map(changes);
  for (const name of new Set(clause.map((a) => a.field))) {
    const atoms = clause.filter((a) => a.field === name);
    const field = fields.get(name);
    if (atoms.every((a) => holds(a, now[name], field))) continue;
    if (changes.has(name)) return null; // a field already changed for another condition is not changed again
    const chosen = atoms
      .filter((a) => !holds(a, now[name], field))
      .map((a) => ({ a, w: witness(a, field) }))
      .find(({ w }) => w !== null && atoms.every((x) => holds(x, w, field)));
    if (!chosen) return null;
    out.set(name, { field: name, from: data[name] ?? null, ...told(chosen.a, chosen.w!), witness: chosen.w! });
  }
  return out;
}

const MAX_PER_OUTCOME = 3;

/** Keeps a change set that reached `outcome` when it is as small as the smallest known and changes other fields. */
function keep(best: Map<string, Changes[]>, outcome: string, changes: Changes) {
  const known = best.get(outcome) ?? [];
  const fieldsOf = (c: Changes) => [...c.keys()].sort().join('&');
  if (!known.length || changes.size < known[0].size) best.set(outcome, [changes]);
  else if (
    changes.size === known[0].size &&
    known.length < MAX_PER_OUTCOME &&
    !known.some((k) => fieldsOf(k) === fieldsOf(changes))
  )
    known.push(changes);
}

function search(
  step: DecisionStep,
  way: string,
  data: Record<string, unknown>,
  process: Process,
  fields: Map<string, Field>,
) {
  const ways = waysOf(step, data);
  const outcome = (w: string) => outcomeOf(process, ways.find((x) => x.way === w)?.target ?? '');
  const current = outcome(way);
  const queue: Changes[] = [];
  const push = (c: Changes | null) => c && c.size > 0 && c.size <= MAX_FIELDS && queue.push(c);
  const falsify = (w: Way | undefined, base: Changes) =>
    negate(w?.dnf ?? null)?.forEach((clause) => push(satisfy(clause, data, base, fields)));
  for (const w of ways)
    if (w.dnf && outcome(w.way) !== current) w.dnf.forEach((clause) => push(satisfy(clause, data, new Map(), fields)));
  falsify(
    ways.find((w) => w.way === way),
    new Map(),
  );
  // Per outcome, the smallest change sets found (several when they change different fields, at most MAX_PER_OUTCOME).
  const best = new Map<string, Changes[]>();
  const seen = new Set<string>();
  for (let evaluations = 0; queue.length && evaluations < MAX_EVALUATIONS;) {
    const changes = queue.shift()!;
    const key = [...changes.values()]
      .map((c) => `${c.field}=${JSON.stringify(c.witness)}`)
      .sort()
      .join('&');
    if (seen.has(key)) continue;
    seen.add(key);
    evaluations++;
    const taken = decide(step, applied(data, changes));
    if (!taken || taken === 'error') continue;
    const reached = outcome(taken);
    if (reached !== current) keep(best, reached, changes);
    // Another way still holds: what else would have to differ for it not to (a combined change).
    falsify(
      ways.find((w) => w.way === taken),
      changes,
    );
  }
  const order = [...new Set(ways.map((w) => outcome(w.way)))];
  const alternatives = [...best]
    .sort(([a], [b]) => order.indexOf(a) - order.indexOf(b))
    .flatMap(([o, sets]) =>
      sets.map((changes) => ({ outcome: o, changes: [...changes.values()].map(({ witness: _, ...c }) => c) })),
    );
  const others = order.filter((o) => o !== current);
  const complete = others.every((o) => best.has(o)) || ways.every((w) => w.way === 'otherwise' || w.dnf);
  return { alternatives, others, complete };
}

function valueText(value: unknown, field: Field | undefined, lang: Lang): string {
  if (field) return formatAnswer(field, value, lang);
  if (typeof value === 'number') return formatNumber(value, lang);
  if (typeof value === 'boolean') return translate(fieldsCatalogues, lang, value ? 'values.yes' : 'values.no');
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return longDate(value, lang);
  return String(value);
}

const CONDITION = { '<': 'lt', '<=': 'le', '>': 'gt', '>=': 'ge', '=': 'eq', '!=': 'ne' } as const;
const DATE_CONDITION = { '<': 'dateLt', '<=': 'dateLe', '>': 'dateGt', '>=': 'dateGe', '=': 'eq', '!=': 'ne' } as const;

/** One alternative in plain words: "Als ‘Inkomen’ € 1.400,00 of minder was geweest (…), dan was de uitkomst: …". */
function sentence(alt: CounterfactualAlternative, process: Process, fields: Map<string, Field>, lang: Lang): string {
  const say = createTranslator(counterfactualCatalogues, lang);
  const changes = alt.changes.map((c) => {
    const field = fields.get(c.field);
    const date = isDateField(field) || (typeof c.to === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(c.to));
    const value = valueText(c.to, field, lang);
    const from =
      c.from === null || c.from === undefined || c.from === '' ? say('notGiven') : valueText(c.from, field, lang);
    const condition = say(`condition.${(date ? DATE_CONDITION : CONDITION)[c.op]}`, { value });
    return say('change', { label: field ? t(field.label, lang) : c.field, condition, from });
  });
  const outcome = t(own(process.steps, alt.outcome)?.title, lang) || alt.outcome;
  return say(changes.length > 1 ? 'alternativeMany' : 'alternative', { changes: formatList(changes, lang), outcome });
}

/**
 * What would have changed the outcome of the decision at `stepId`, taken by
 * `rule` (a rule's or row's index, or otherwise) over `data`; undefined when
 * the step is not a decision, it went to its onError, or it has one outcome only.
 */
export function counterfactualOf(
  process: Process,
  stepId: string,
  rule: number | 'otherwise' | 'error',
  data: Record<string, unknown>,
  fields: Map<string, Field>,
): Counterfactual | undefined {
  const found = own(process.steps, stepId);
  const step = found && kindOf(found).decision?.(found);
  if (!step || rule === 'error') return undefined;
  const way = rule === 'otherwise' ? 'otherwise' : `${step.table ? 'row' : 'rule'}:${rule}`;
  // The search shares one budget, like an event's: recording a decision stays bounded however wide its rules are.
  const { alternatives, others, complete } = withFeelScope(
    () => search(step, way, data, process, fields),
    SEARCH_BUDGET,
  ).value;
  if (!others.length) return undefined;
  const texts = Object.fromEntries(
    languages.map((lang) => {
      if (!alternatives.length) return [lang, translate(counterfactualCatalogues, lang, 'cannot')];
      const lines = alternatives.map((alt) => sentence(alt, process, fields, lang));
      if (!complete) lines.push(translate(counterfactualCatalogues, lang, 'partial'));
      return [lang, lines.join(' ')];
    }),
  ) as Record<Lang, string>;
  return { computable: alternatives.length > 0, nl: texts.nl, en: texts.en, alternatives };
}

/** How a decision's rules were weighed, for officials: each rule tried, whether it held, and its condition in words. */
export type Reasoning = {
  rules: {
    /** 1-based, as the designer numbers them. */
    n: number;
    held: boolean;
    because: string;
    /** "Regel 2 gold: <because>" or "Regel 1 gold niet". */
    summary: string;
    /** Per clause (joined by "or"), each part of the condition in words with the case's value; null: not analysable. */
    clauses: { text: string; holds: boolean }[][] | null;
  }[];
  /** No rule held: "Geen regel gold, dus: <the otherwise's reason>". */
  otherwise: string | null;
};

/**
 * The rules of the decision at `stepId` as the engine weighed them over the
 * values it read (`data`: the decision's recorded inputs), up to the rule
 * that held (or all of them, for otherwise): "‘Inkomen per maand’ is
 * € 1.750,00; de grens is minder dan € 1.800,00: klopt". The value side is
 * evaluated with the case's data, so a norm that depends on another answer
 * (for a couple 1,900) shows as the number that applied. Labels, not field
 * ids. Undefined for a table decision (its rows are shown as they are) or a
 * step that is not a decision.
 */
export function reasoningOf(
  process: Process,
  stepId: string,
  rule: number | 'otherwise' | 'error',
  data: Record<string, unknown>,
  fields: Map<string, Field>,
  lang: Lang,
): Reasoning | undefined {
  const found = own(process.steps, stepId);
  const step = found && kindOf(found).decision?.(found);
  if (!step || step.table || rule === 'error') return undefined;
  const say = createTranslator(counterfactualCatalogues, lang);
  const upTo = rule === 'otherwise' ? step.rules.length - 1 : Math.min(rule, step.rules.length - 1);
  const rules = step.rules.slice(0, upTo + 1).map((r, i) => {
    const dnf = withFeelScope(() => conditionOf(r.when, data), SEARCH_BUDGET).value;
    const clauses =
      dnf?.map((clause) =>
        clause.map((atom) => {
          const field = fields.get(atom.field);
          const date = isDate(atom, field);
          const value = data[atom.field];
          const ok = holds(atom, value, field);
          const actual =
            value === null || value === undefined || value === '' ? say('notGiven') : valueText(value, field, lang);
          const condition = say(`condition.${(date ? DATE_CONDITION : CONDITION)[atom.op]}`, {
            value: valueText(atom.value, field, lang),
          });
          const label = field ? t(field.label, lang) : atom.field;
          return { text: say('reasoning.part', { label, actual, condition, holds: ok ? 'yes' : 'no' }), holds: ok };
        }),
      ) ?? null;
    const held = i === rule;
    const because = fillPlaceholders(t(r.because, lang), data, (value, name) =>
      valueText(value, fields.get(name), lang),
    )
      .replace(/\s+/g, ' ')
      .trim();
    const summary = held
      ? say('reasoning.ruleHeld', { n: i + 1, because })
      : say('reasoning.ruleNotHeld', { n: i + 1 });
    return { n: i + 1, held, because, summary, clauses };
  });
  const otherwise =
    rule === 'otherwise' ? say('reasoning.otherwise', { because: t(step.otherwise?.because, lang) || '' }) : null;
  return { rules, otherwise };
}
