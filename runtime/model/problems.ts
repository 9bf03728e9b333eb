import { designerCatalogues, formatList, formatMessage, lookup, problemsCatalogues, type Lang } from '../i18n/index.js';
import type { ForeignFix } from './feel-errors.js';
import { own } from './reserved.js';
import { stepKind } from './steps/index.js';
import { t, type Text } from './text.js';

/** The codes, in one place (like xyflow's errorMessages); what each says is in runtime/i18n/catalogues/problems. */
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
  P034: 'an operator of another expression language (==, &&, ||, !x, ${…}: JavaScript or JUEL), not FEEL',
} as const;
export type ProblemCode = keyof typeof problemCodes;

/**
 * Where in a step (or a trigger) something stands, as data: the kinds say it of their expressions and
 * exits (runtime/model/steps), the message says it in words (“de voorwaarde van de eerste regel”).
 * `i` counts from 0, as in the definition; the words count from 1.
 */
export type Place =
  | { at: 'rule' | 'ruleWhen' | 'row' | 'tableInput' | 'route' | 'routeWhen' | 'triggerWhen'; i: number }
  | { at: 'tableCell'; row: number; column: number }
  | { at: 'showIf'; field: string }
  | { at: 'outcome'; outcome: string }
  | { at: 'outcomeShowIf'; outcome: string; field: string }
  | { at: 'next' | 'otherwise' | 'onError' | 'then' | 'timeout' | 'contactDue' | 'expression' | 'this' };

/** The kind of value a place in the definition takes, and the form a name must have (P000). */
export type ValueType = 'string' | 'number' | 'boolean' | 'array' | 'object' | 'other';
export type NameFormat = 'lowerWord' | 'key' | 'name' | 'signal' | 'duration' | 'other';

/**
 * What each problem's message reads, by code. The renderer words some params by their name:
 * `place` (a Place), `at` (a machine path such as `steps.vraag.fields.0.id`), `field` (a field id:
 * its label with the id), `outcome` (an outcome of the handoff the problem is about: its label),
 * `owner` (a step id: its title), `type`/`otherType` (a field type), `expected` (a ValueType),
 * `format` (a NameFormat), `who` (whose field). `node` is the problem's step or phase, with its title.
 * Every other param is shown as it is. A new problem: a code above, its params here, and its message
 * in runtime/i18n/catalogues/problems/{nl,en}.ts.
 */
export type ProblemParams = {
  P000:
    | { case: 'json' }
    | { case: 'missing' | 'empty' | 'other'; at: string }
    | { case: 'type'; at: string; expected: ValueType }
    | { case: 'unknownKey'; at: string; keys: string }
    | { case: 'format'; at: string; format: NameFormat }
    | { case: 'choice'; at: string; options: string[] };
  P001: NoParams;
  P002: NoParams;
  P003: { case: 'unconnected'; place: Place } | { case: 'unknown'; place: Place; target: string };
  P004: NoParams;
  P005: { case: 'trigger'; n: number; name: string } | { case: 'step'; place: Place; name: string };
  P006: { field: string; owner: string };
  P007: { case: 'noDue' | 'escalate' };
  P008: { event: string; target: string };
  P009: { case: 'syntax'; place: Place; position: number; near: string } | { case: 'empty' | 'compile'; place: Place };
  P010: { case: 'start'; start: string } | { case: 'trigger'; n: number; start: string };
  P011: { case: 'step' | 'group'; group: string } | { case: 'itself' };
  P012: NoParams;
  P013: { case: 'trigger'; n: number; name: string } | { case: 'step'; name: string };
  P014:
    | { case: 'noOptions'; who: Who; field: string }
    | { case: 'dateBound'; who: Who; field: string; bound: string }
    | { case: 'clash'; n: number; field: string; type: string; otherType: string };
  P015: NoParams;
  P016: { id: string };
  P017: { case: 'none' | 'both' | 'timeout' };
  P019: { case: 'invalid' | 'tooLong'; duration: string; years?: number; place?: Place };
  P021: NoParams;
  P022: { id: string };
  P023: { outcome: string };
  P025: { case: 'both' } | { case: 'row'; row: number; tests: number; inputs: number };
  P026: { a: number; b: number };
  P027: NoParams;
  P028: { place: Place; length: number; max: number };
  P029: { case: 'nesting' | 'operators'; place: Place; max: number; position: number };
  P030: { name: string; at: string };
  P031:
    | { case: 'flag'; place: Place; fn: string; flag: string }
    | { case: 'pattern'; place: Place; fn: string; pattern: string; near?: string };
  P032: { team: string };
  P033: { team: string };
  P034: { place: Place; op: string; fix: ForeignFix; position: number };
};
/** A problem whose message needs nothing but its step. */
type NoParams = Record<string, never>;
/** Whose field a P014 is about. */
export type Who = 'question' | 'fact' | 'outcomeField';

/** A problem as a check finds it: its code and params (no words yet), the step or group, and a machine path. */
export type Finding = {
  [C in ProblemCode]: { code: C; params: ProblemParams[C]; node?: string; path?: string };
}[ProblemCode];
/** What a step kind's own check finds (runtime/model/steps): the shared checks add the step. */
export type KindFinding = { [C in ProblemCode]: { code: C; params: ProblemParams[C] } }[ProblemCode];

/**
 * A problem found by the static checks. `code` is stable (tests, the designer and programs key on
 * it), `params` are what its message is made of, `message` says it all in one language, `node` is
 * the step or group it concerns and `path` where (for programs and the designer's markers).
 */
export type Problem = {
  code: string;
  params?: Readonly<Record<string, unknown>>;
  message: string;
  node?: string;
  path?: string;
};

const NONE = 'none';
/** Params a message selects on when they are empty (`{start, select, none {…} other {…}}`). */
const SAID_WHEN_EMPTY = new Set(['start', 'target', 'near']);
const quote = (s: string) => `‘${s}’`;
const isRecord = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/** The words a definition gives its parts (titles, labels), read from the raw input: it may not be valid. */
function namesOf(def: unknown, lang: Lang) {
  const steps = isRecord(def) && isRecord(def.steps) ? def.steps : {};
  const groups = isRecord(def) && isRecord(def.groups) ? def.groups : {};
  const text = (v: unknown) => t(v as Text, lang);
  const titleOf = (record: Record<string, unknown>, id: string) => {
    const named = own(record, id);
    return isRecord(named) ? text(named.title) : '';
  };
  let labels: Map<string, string> | undefined;
  const fieldLabels = () => {
    if (labels) return labels;
    labels = new Map();
    const add = (list: unknown) => {
      if (Array.isArray(list))
        for (const f of list)
          if (isRecord(f) && typeof f.id === 'string' && !labels!.has(f.id)) labels!.set(f.id, text(f.label));
    };
    for (const step of Object.values(steps))
      if (isRecord(step) && typeof step.kind === 'string')
        try {
          add(stepKind(step.kind).fields(step));
        } catch {
          // a step of an unknown kind or shape has no fields to name
        }
    if (isRecord(def) && Array.isArray(def.triggers))
      for (const trigger of def.triggers) if (isRecord(trigger)) add(trigger.facts);
    return labels;
  };
  return {
    step: (id: string) => quote(titleOf(steps, id) || id),
    group: (id: string) => quote(titleOf(groups, id) || id),
    isStep: (id: string) => !!own(steps, id),
    field(id: string) {
      const label = fieldLabels().get(id);
      return label && label !== id ? `${quote(label)} (${id})` : quote(id);
    },
    /** An outcome of a handoff: its label; a step without tasks (or an unknown outcome) gives the id. */
    outcome(stepId: string | undefined, id: string) {
      const step = stepId ? own(steps, stepId) : undefined;
      let label = '';
      if (isRecord(step) && typeof step.kind === 'string')
        try {
          label = text(
            stepKind(step.kind)
              .task(step)
              ?.outcomes.find((o) => o.id === id)?.label,
          );
        } catch {
          // no task, no label
        }
      return quote(label || id);
    },
  };
}
type Names = ReturnType<typeof namesOf>;

/** The words of the problems catalogue in `lang`. */
const say = (lang: Lang, key: string, params: Record<string, unknown> = {}) =>
  formatMessage(
    lookup(problemsCatalogues[lang], key) ?? lookup(problemsCatalogues.nl, key) ?? key,
    lang,
    params as never,
  );

/** A place in a step, in words. */
export function placeWords(place: Place, lang: Lang, names: Names, node?: string): string {
  const p = place as Record<string, unknown>;
  const values: Record<string, unknown> = {};
  if (typeof p.i === 'number') {
    values.n = p.i + 1;
    values.nth = say(lang, 'ordinal', { n: p.i + 1 });
  }
  if (typeof p.row === 'number') values.row = p.row + 1;
  if (typeof p.column === 'number') values.column = p.column + 1;
  if (typeof p.field === 'string') values.field = names.field(p.field);
  if (typeof p.outcome === 'string') values.outcome = names.outcome(node, p.outcome);
  return say(lang, `places.${place.at}`, values);
}

const LISTS = new Set([
  'fields',
  'rules',
  'outcomes',
  'rows',
  'inputs',
  'tests',
  'options',
  'facts',
  'triggers',
  'next',
]);

/** A machine path (`steps.vraag.fields.0.id`) in words: “de id van vraag 1 van stap ‘Vraag’”. */
export function pathWords(path: string, lang: Lang, names: Names): string {
  const segs = path ? path.split('.') : [];
  let whole = say(lang, 'at.root');
  let i = 0;
  if ((segs[0] === 'steps' || segs[0] === 'groups') && segs.length > 1) {
    whole = say(lang, segs[0] === 'steps' ? 'at.step' : 'at.group', {
      title: segs[0] === 'steps' ? names.step(segs[1]) : names.group(segs[1]),
    });
    i = 2;
  }
  const parts: string[] = [];
  for (; i < segs.length; i++) {
    const seg = segs[i];
    const next = segs[i + 1];
    if (LISTS.has(seg) && next !== undefined && /^\d+$/.test(next)) {
      parts.push(say(lang, 'at.item', { list: seg, n: Number(next) + 1 }));
      i++;
    } else if (seg === 'on' && next !== undefined)
      continue; // a group's events: the event's name says it
    else parts.push(lookup(problemsCatalogues[lang], `keys.${seg}`) ?? say(lang, 'at.key', { key: seg }));
  }
  return parts.reduce((outer, part) => say(lang, 'at.inside', { part, whole: outer }), whole);
}

/** The whole message of a problem in `lang`, worded from its code and params; `def` names its parts. */
export function problemMessage(problem: Pick<Problem, 'code' | 'params' | 'node'>, lang: Lang, def?: unknown): string {
  return wordsFor(namesOf(def, lang), lang)(problem);
}

function wordsFor(names: Names, lang: Lang) {
  const fieldType = (type: unknown) => {
    const word = lookup(designerCatalogues[lang], `fieldTypes.${String(type)}`) ?? String(type);
    return /^\p{Lu}\p{Ll}/u.test(word) ? word[0].toLowerCase() + word.slice(1) : word;
  };
  return (problem: Pick<Problem, 'code' | 'params' | 'node'>): string => {
    const params = (problem.params ?? {}) as Record<string, unknown>;
    const node = problem.node;
    const values: Record<string, unknown> = { node: NONE, place: NONE, near: NONE, start: NONE };
    for (const [name, value] of Object.entries(params)) {
      if (value === undefined) continue;
      if (name === 'place') values.place = placeWords(value as Place, lang, names, node);
      else if (name === 'at') values.at = pathWords(String(value), lang, names);
      else if (name === 'field') values.field = names.field(String(value));
      else if (name === 'outcome') values.outcome = names.outcome(node, String(value));
      else if (name === 'owner') values.owner = names.step(String(value));
      else if (name === 'type' || name === 'otherType') values[name] = fieldType(value);
      else if (name === 'expected') values.expected = say(lang, `valueTypes.${String(value)}`);
      else if (name === 'format') values.format = say(lang, `formats.${String(value)}`);
      else if (name === 'who') values.who = say(lang, `who.${String(value)}`);
      else if (name === 'options') values.options = formatList((value as string[]).map(quote), lang, 'disjunction');
      // An empty step (not chosen yet) or nothing near a syntax error: the message says so in words.
      else values[name] = value === '' && SAID_WHEN_EMPTY.has(name) ? NONE : value;
    }
    if (node) values.node = names.isStep(node) ? names.step(node) : names.group(node);
    const source = lookup(problemsCatalogues[lang], `messages.${problem.code}`);
    const text = source === undefined ? problem.code : formatMessage(source, lang, values as never);
    return text.charAt(0).toUpperCase() + text.slice(1);
  };
}

/** Findings as problems with their message in `lang` (`def`, the definition as given, names their parts). */
export function worded(findings: readonly Finding[], lang: Lang, def: unknown): Problem[] {
  const words = wordsFor(namesOf(def, lang), lang);
  return findings.map((f) => ({
    code: f.code,
    params: f.params,
    message: words(f),
    node: f.node,
    path: f.path,
  }));
}

/** Problems (from the checks, or from the API) again in another language, from their code and params. */
export function inLanguage(problems: readonly Problem[], lang: Lang, def: unknown): Problem[] {
  const words = wordsFor(namesOf(def, lang), lang);
  return problems.map((p) => (p.params ? { ...p, message: words(p) } : p));
}
