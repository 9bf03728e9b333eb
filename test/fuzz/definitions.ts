/**
 * Bad definitions: the real example processes (processes/*.json, plus a
 * timer and a signal process), mutated — steps dropped or renamed, targets
 * and ids named after Object.prototype members, FEEL that is huge, deeply
 * nested, backtracking, quadratic or type-mismatched, impossible dates and
 * endless durations, odd field types and options, odd triggers — then sent
 * through the whole life of a process: PUT draft, publish, start a case,
 * submit generated answers, signals and a register scan. Afterwards other
 * processes' cases and POST /api/signals must still work.
 *
 * The hostile sizes are bounded so that an unprotected evaluator costs
 * seconds, not hours (a backtracking pattern gets at most 27 × `a`, a
 * quadratic range at most 700): enough for the stall check to see it,
 * without hanging the suite on today's main.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import type { Fuzz, Reply, Req } from './harness.js';
import { short } from './api.js';
import {
  emit,
  fromValue,
  longString,
  sometimes,
  ODD_NUMBERS,
  ODD_STRINGS,
  PROTO_FIELD_IDS,
  PROTO_NAMES,
  PROTO_STEP_IDS,
  raw,
  str,
  validBsn,
  type Json,
} from './values.js';

type Def = Record<string, any>;

const processesDir = join(import.meta.dirname, '../../processes');
const signalProcess: Def = {
  key: 'verhuizing',
  title: { nl: 'Verhuizing doorgeven', en: 'Report a move' },
  start: 'melding',
  contact: { team: 'klantcontact', due: 'P2D' },
  triggers: [
    {
      signal: 'register.verhuisd',
      when: 'verhuisd = true',
      mode: 'offer',
      start: 'melding',
      because: { nl: 'U bent verhuisd.', en: 'You moved.' },
    },
  ],
  steps: {
    melding: {
      kind: 'form',
      title: { nl: 'Uw verhuizing', en: 'Your move' },
      fields: [{ id: 'verhuisdatum', label: { nl: 'Verhuisdatum', en: 'Moving date' }, type: 'date', required: true }],
      next: 'wachten',
    },
    wachten: {
      kind: 'wait',
      title: { nl: 'Wachten op de registratie', en: 'Waiting for the registration' },
      signal: 'register.verhuisd',
      fields: [{ id: 'nieuwAdres', label: { nl: 'Nieuw adres', en: 'New address' }, type: 'text' }],
      then: 'klaar',
      timeout: { after: 'P30D', goto: 'klaar' },
    },
    klaar: {
      kind: 'end',
      title: { nl: 'Verwerkt', en: 'Processed' },
      outcome: 'completed',
      message: { nl: 'Uw nieuwe adres is {{nieuwAdres}}.', en: 'Your new address is {{nieuwAdres}}.' },
    },
  },
};

/** The bases: every example process, the timer fixture, and a signal-waiting process. */
export const BASES: Def[] = [
  ...readdirSync(processesDir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(processesDir, f), 'utf8')) as Def),
  JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/engine/wachttijd.json'), 'utf8')) as Def,
  signalProcess,
];

export type Hostile =
  'regex' | 'regex2' | 'range' | 'literalRange' | 'orChain' | 'deepList' | 'deepParen' | 'typeMismatch';
export type Op =
  | { op: 'dropStep'; i: number }
  | { op: 'renameStep'; i: number; to: string; refs: boolean }
  | { op: 'retarget'; i: number; to: string }
  | { op: 'fieldId'; i: number; to: string; refs: boolean }
  | { op: 'group'; i: number; to: string; define: boolean }
  | { op: 'groupEvent'; event: string; to: string }
  | { op: 'expr'; i: number; expr: string }
  | { op: 'hostile'; kind: Hostile; size: number; where: 'route' | 'rule' | 'showIf' | 'trigger' }
  | { op: 'duration'; i: number; value: unknown }
  | { op: 'wait'; value: string }
  | { op: 'fieldType'; i: number; type: string; options?: unknown; min?: unknown; max?: unknown }
  | { op: 'set'; path: string; value: unknown }
  | { op: 'delete'; path: string }
  | { op: 'trigger'; signal: string; when?: string; start: string; mode: string }
  | { op: 'text'; i: number; text: string }
  | { op: 'outcome'; i: number; id: string }
  | { op: 'protoStep'; name: string; key: boolean }
  | { op: 'wrongKey'; value: unknown };

export type DefCase = {
  family: string;
  base: number;
  ops: Op[];
  effectiveFrom?: string;
  referenceDate?: string;
  answerSeed: number;
  events: number;
  /** Send valid answers (the hostile ones where the mutation added a field) to every step, instead of half of them. */
  valid?: boolean;
};

// ——— where things are in a definition ———

const steps = (d: Def): [string, any][] =>
  d.steps && typeof d.steps === 'object' && !Array.isArray(d.steps) ? Object.entries(d.steps) : [];
const isObj = (v: unknown): v is Record<string, any> => !!v && typeof v === 'object' && !Array.isArray(v);

type Slot = { get(): unknown; set(v: unknown): void };
const slot = (o: any, k: string | number): Slot => ({
  get: () => o[k],
  set: (v) => {
    o[k] = v;
  },
});

function targetSlots(d: Def): Slot[] {
  const out: Slot[] = [];
  if ('start' in d) out.push(slot(d, 'start'));
  for (const [, s] of steps(d)) {
    if (!isObj(s)) continue;
    if (typeof s.next === 'string') out.push(slot(s, 'next'));
    if (Array.isArray(s.next)) for (const r of s.next) if (isObj(r)) out.push(slot(r, 'goto'));
    for (const r of Array.isArray(s.rules) ? s.rules : []) if (isObj(r)) out.push(slot(r, 'goto'));
    if (isObj(s.otherwise)) out.push(slot(s.otherwise, 'goto'));
    for (const o of Array.isArray(s.outcomes) ? s.outcomes : []) if (isObj(o)) out.push(slot(o, 'goto'));
    if ('then' in s) out.push(slot(s, 'then'));
    if (isObj(s.timeout)) out.push(slot(s.timeout, 'goto'));
    if (typeof s.onError === 'string') out.push(slot(s, 'onError'));
    for (const r of Array.isArray(s.table?.rows) ? s.table.rows : []) if (isObj(r)) out.push(slot(r, 'goto'));
  }
  for (const g of isObj(d.groups) ? Object.values(d.groups) : [])
    for (const on of isObj((g as any)?.on) ? Object.values((g as any).on) : [])
      if (isObj(on)) out.push(slot(on, 'goto'));
  for (const t of Array.isArray(d.triggers) ? d.triggers : []) if (isObj(t)) out.push(slot(t, 'start'));
  return out;
}

function exprSlots(d: Def): Slot[] {
  const out: Slot[] = [];
  for (const [, s] of steps(d)) {
    if (!isObj(s)) continue;
    for (const r of Array.isArray(s.rules) ? s.rules : []) if (isObj(r)) out.push(slot(r, 'when'));
    if (Array.isArray(s.next)) for (const r of s.next) if (isObj(r) && 'when' in r) out.push(slot(r, 'when'));
    for (const f of fieldsOf(s)) if (isObj(f) && 'showIf' in f) out.push(slot(f, 'showIf'));
    for (const i of Array.isArray(s.table?.inputs) ? s.table.inputs : []) if (isObj(i)) out.push(slot(i, 'expr'));
    for (const r of Array.isArray(s.table?.rows) ? s.table.rows : [])
      if (Array.isArray(r?.tests)) r.tests.forEach((_: unknown, j: number) => out.push(slot(r.tests, j)));
  }
  for (const t of Array.isArray(d.triggers) ? d.triggers : []) if (isObj(t)) out.push(slot(t, 'when'));
  return out;
}

const fieldsOf = (s: any): any[] => [
  ...(Array.isArray(s?.fields) ? s.fields : []),
  ...(Array.isArray(s?.outcomes) ? s.outcomes.flatMap((o: any) => (Array.isArray(o?.fields) ? o.fields : [])) : []),
];
const allFields = (d: Def) =>
  steps(d)
    .flatMap(([, s]) => fieldsOf(s))
    .filter(isObj);

function durationSlots(d: Def): Slot[] {
  const out: Slot[] = [];
  if (isObj(d.contact)) out.push(slot(d.contact, 'due'));
  for (const [, s] of steps(d)) {
    if (!isObj(s)) continue;
    if (s.kind === 'handoff') out.push(slot(s, 'due'));
    if (s.kind === 'wait' && 'for' in s) out.push(slot(s, 'for'));
    if (isObj(s.timeout)) out.push(slot(s.timeout, 'after'));
  }
  return out;
}

function textSlots(d: Def): Slot[] {
  const out: Slot[] = [];
  for (const [, s] of steps(d)) {
    if (!isObj(s)) continue;
    if (isObj(s.body)) out.push(slot(s.body, 'nl'));
    if (isObj(s.message)) out.push(slot(s.message, 'nl'));
    for (const r of Array.isArray(s.rules) ? s.rules : []) if (isObj(r?.because)) out.push(slot(r.because, 'nl'));
  }
  return out;
}

const pick = <T>(list: T[], i: number): T | undefined => (list.length ? list[Math.abs(i) % list.length] : undefined);

/** Replaces every reference to a step id (targets, groups of steps). */
function renameRefs(d: Def, from: string, to: string) {
  for (const s of targetSlots(d)) if (s.get() === from) s.set(to);
}

/** The first form step, following `start` when it is one. */
function firstForm(d: Def): [string, any] | undefined {
  const list = steps(d).filter(([, s]) => isObj(s) && s.kind === 'form' && Array.isArray(s.fields));
  return list.find(([id]) => id === d.start) ?? list[0];
}

function hostileExpr(kind: Hostile, size: number): { expr: string; field?: any } {
  switch (kind) {
    case 'regex':
      return { expr: 'matches(fuzzText, "^(a+)+$")', field: { id: 'fuzzText', label: 'Tekst', type: 'text', max: 28 } };
    case 'regex2':
      return {
        expr: 'matches(fuzzText, "(x+x+)+y") or replace(fuzzText, "(a|aa)+$", "b") = "b"',
        field: { id: 'fuzzText', label: 'Tekst', type: 'text', max: 28 },
      };
    case 'range':
      return {
        expr: 'count(for a in 1..fuzzN, b in 1..fuzzN return a * b) > 0',
        field: { id: 'fuzzN', label: 'Aantal', type: 'number', min: 0, max: 700 },
      };
    case 'literalRange':
      return { expr: `count(for a in 1..${Math.min(size, 600)}, b in 1..${Math.min(size, 600)} return a * b) > 0` };
    case 'orChain':
      return {
        expr: Array.from({ length: Math.min(size, 3500) }, (_, i) => `fuzzN = ${i}`).join(' or '),
        field: { id: 'fuzzN', label: 'Aantal', type: 'number', min: 0, max: 700 },
      };
    case 'deepList':
      return { expr: `${'['.repeat(Math.min(size, 6000))}1${']'.repeat(Math.min(size, 6000))} = 1` };
    case 'deepParen':
      return { expr: `${'('.repeat(Math.min(size, 6000))}1${')'.repeat(Math.min(size, 6000))} = 1` };
    case 'typeMismatch':
      return {
        expr: 'fuzzText <= 1500 and fuzzText > date("2026-01-01") or fuzzText = []',
        field: { id: 'fuzzText', label: 'Tekst', type: 'text', max: 28 },
      };
  }
}

/** Applies one mutation in place; a mutation that no longer fits (the shape is gone) does nothing. */
export function applyOp(d: Def, op: Op): void {
  const stepList = steps(d);
  switch (op.op) {
    case 'dropStep': {
      const s = pick(stepList, op.i);
      if (s) delete d.steps[s[0]];
      return;
    }
    case 'renameStep': {
      const s = pick(stepList, op.i);
      if (!s) return;
      const [id, step] = s;
      delete d.steps[id];
      Object.defineProperty(d.steps, op.to, { value: step, enumerable: true, writable: true, configurable: true });
      if (op.refs) renameRefs(d, id, op.to);
      return;
    }
    case 'retarget':
      pick(targetSlots(d), op.i)?.set(op.to);
      return;
    case 'fieldId': {
      const f = pick(allFields(d), op.i);
      if (!f) return;
      const from = f.id;
      f.id = op.to;
      if (op.refs && typeof from === 'string') {
        // Expressions and placeholders that read it now read the new name.
        const re = new RegExp(`\\b${from}\\b`, 'g');
        for (const s of exprSlots(d)) if (typeof s.get() === 'string') s.set((s.get() as string).replace(re, op.to));
        for (const s of textSlots(d))
          if (typeof s.get() === 'string')
            s.set((s.get() as string).replace(new RegExp(`\\{\\{\\s*${from}\\s*\\}\\}`, 'g'), `{{${op.to}}}`));
      }
      return;
    }
    case 'group': {
      const s = pick(stepList, op.i);
      if (!s || !isObj(s[1])) return;
      s[1].group = op.to;
      if (op.define) {
        d.groups = isObj(d.groups) ? d.groups : {};
        Object.defineProperty(d.groups, op.to, {
          value: {
            title: { nl: 'Groep', en: 'Group' },
            on: { withdraw: { goto: s[0], label: { nl: 'Terug', en: 'Back' } } },
          },
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
      return;
    }
    case 'groupEvent': {
      const g = isObj(d.groups) ? (Object.values(d.groups)[0] as any) : undefined;
      if (!isObj(g)) return;
      g.on = isObj(g.on) ? g.on : {};
      Object.defineProperty(g.on, op.event, {
        value: { goto: op.to, label: { nl: 'Actie', en: 'Action' } },
        enumerable: true,
        writable: true,
        configurable: true,
      });
      return;
    }
    case 'expr':
      pick(exprSlots(d), op.i)?.set(op.expr);
      return;
    case 'hostile': {
      const { expr, field } = hostileExpr(op.kind, op.size);
      if (op.where === 'trigger') {
        d.triggers = [
          ...(Array.isArray(d.triggers) ? d.triggers : []),
          {
            signal: 'fuzz.signaal',
            when: expr.replace(/fuzzText/g, 'naam').replace(/fuzzN/g, 'aantal'),
            mode: 'offer',
            start: d.start,
            because: { nl: 'Omdat.', en: 'Because.' },
          },
        ];
        return;
      }
      const form = firstForm(d);
      if (!form) return;
      const [, step] = form;
      if (field && !step.fields.some((f: any) => f?.id === field.id)) step.fields.push(field);
      if (op.where === 'showIf') {
        step.fields.push({ id: `fuzzShown${step.fields.length}`, label: 'Getoond', type: 'text', showIf: expr });
        return;
      }
      const after =
        typeof step.next === 'string' ? step.next : Array.isArray(step.next) ? step.next.at(-1)?.goto : undefined;
      if (typeof after !== 'string') return;
      if (op.where === 'rule') {
        // A decision in between: the rule decides, otherwise goes on as before.
        const id = `fuzz-toets-${stepList.length}`;
        d.steps[id] = {
          kind: 'decision',
          title: 'Toets',
          rules: [{ when: expr, goto: after, because: 'Regel.' }],
          otherwise: { goto: after, because: 'Anders.' },
        };
        if (typeof step.next === 'string') step.next = id;
        else step.next = [...step.next.slice(0, -1), { goto: id }];
        return;
      }
      step.next = [{ when: expr, goto: after }, ...(Array.isArray(step.next) ? step.next : [{ goto: after }])];
      return;
    }
    case 'duration':
      pick(durationSlots(d), op.i)?.set(op.value);
      return;
    case 'wait': {
      if (typeof d.start !== 'string' || !isObj(d.steps)) return;
      d.steps['fuzz-wachten'] = { kind: 'wait', title: 'Wachten', for: op.value, then: d.start };
      d.start = 'fuzz-wachten';
      return;
    }
    case 'fieldType': {
      const f = pick(allFields(d), op.i);
      if (!f) return;
      f.type = op.type;
      if (op.options !== undefined) f.options = op.options;
      if (op.min !== undefined) f.min = op.min;
      if (op.max !== undefined) f.max = op.max;
      return;
    }
    case 'set':
      setPath(d, op.path, op.value);
      return;
    case 'delete':
      setPath(d, op.path, undefined, true);
      return;
    case 'trigger':
      d.triggers = [
        ...(Array.isArray(d.triggers) ? d.triggers : []),
        {
          signal: op.signal,
          ...(op.when !== undefined ? { when: op.when } : {}),
          mode: op.mode,
          start: op.start,
          because: { nl: 'Omdat {{inkomen}}.', en: 'Because.' },
        },
      ];
      return;
    case 'text':
      pick(textSlots(d), op.i)?.set(op.text);
      return;
    case 'outcome': {
      const o = pick(stepList.flatMap(([, s]) => (Array.isArray(s?.outcomes) ? s.outcomes : [])).filter(isObj), op.i);
      if (o) o.id = op.id;
      return;
    }
    case 'protoStep': {
      // A step named after a prototype member, reachable and with a way to an end: valid end to end, or a problem.
      const form = firstForm(d);
      if (!form || !isObj(d.steps)) return;
      const [, step] = form;
      const after = typeof step.next === 'string' ? step.next : undefined;
      if (!after) return;
      Object.defineProperty(d.steps, op.name, {
        value: { kind: 'message', title: 'Bericht', subject: 'Onderwerp', body: 'Tekst', next: after },
        enumerable: true,
        writable: true,
        configurable: true,
      });
      if (op.key) step.next = op.name;
      return;
    }
    case 'wrongKey':
      d.key = op.value;
      return;
  }
}

/** Sets (or deletes) a value at a dotted path; `steps.*` picks the first step, `*fields` the first field. */
function setPath(d: Def, path: string, value: unknown, remove = false) {
  const parts = path.split('.');
  let o: any = d;
  for (const p of parts.slice(0, -1)) {
    const key = p === '*' ? (isObj(o) || Array.isArray(o) ? Object.keys(o)[0] : undefined) : p;
    if (key === undefined || o == null || typeof o !== 'object') return;
    o = o[key];
  }
  const last = parts.at(-1)!;
  const key = last === '*' ? (o && typeof o === 'object' ? Object.keys(o)[0] : undefined) : last;
  if (key === undefined || o == null || typeof o !== 'object') return;
  if (remove) delete o[key];
  else Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });
}

// ——— the generators ———

const protoStepName = fc.constantFrom(...PROTO_STEP_IDS, ...PROTO_NAMES);
const missingName = fc.constantFrom('', 'bestaat-niet', 'A', '1a', 'a'.repeat(300), 'x y', ...PROTO_NAMES);
const index = fc.integer({ min: 0, max: 40 });
const BAD_DATES = [
  '2026-13-45',
  '2026-02-30',
  '2026-02-29',
  '0000-00-00',
  '9999-12-31',
  '2026-3-2',
  '20260302',
  '2026-03-02T00:00:00Z',
  'today',
  'yesterday',
  '',
  '2027-01-01',
  '2026-03-02',
  '1900-01-01',
  '+275760-09-13',
];
/** Dates that are not a date like 2027-01-01 that exists: refused wherever a date is asked. */
const IMPOSSIBLE_DATES = new Set([
  '2026-13-45',
  '2026-02-30',
  '2026-02-29',
  '0000-00-00',
  '2026-3-2',
  '20260302',
  'today',
  'yesterday',
  '',
  '+275760-09-13',
]);
/** Durations no process needs (beyond any sane maximum): a problem, never published. */
const ENDLESS_DURATIONS = new Set(['P999999999Y', 'P10000Y', 'PT99999999999H']);
const BAD_DURATIONS = [
  'P999999999Y',
  'P10000Y',
  'P11Y',
  'PT0S',
  'P0D',
  'P-1D',
  'P1.5D',
  'P',
  'PT',
  'P1DT',
  'P1Y2M3W4DT5H6M7S',
  'P1e9D',
  'PT99999999999H',
  'P5D',
  'PT1S',
  'p5d',
  ' P5D',
  'P5D ',
  'P1W',
  'P0.000001D',
];
const ODD_EXPRS = [
  'inkomen <= 1500',
  'inkomen = "abc"',
  '"abc" <= 1500',
  '[] <= 1500',
  'null < 1',
  'inkomen + "x" > 0',
  'not(inkomen)',
  'huishouden > 5',
  'date("2026-13-45") < today()',
  'date and time("2026-02-30T25:61:00") > now()',
  'duration("P999999999Y") > duration("P1D")',
  'today() + duration("P999999999Y") > today()',
  'date("9999-12-31") + duration("P1Y") > today()',
  '1/0 > 1',
  '10 ** 1000 > 1',
  'substring(aanslagnummer, -1e9) = ""',
  'string length(aanslagnummer) > 1e309',
  'inkomen.a.b.c = 1',
  'spullen[1000000000] = 1',
  'spullen[-1] = "x"',
  'sum(inkomen) > 1',
  'inkomen instance of string',
  'get value({}, "__proto__") = null',
  'context put({}, "__proto__", 1) != null',
  '{__proto__: 1}.__proto__ = 1',
  'constructor = 1',
  'toString = null',
  'hasOwnProperty(inkomen)',
  'inkomen.constructor = null',
  '"a".constructor != null',
  'foo(1)',
  'eval("1")',
  '((',
  '1 +',
  '"unterminated',
  'if then else',
  '',
  ' ',
  '?',
  '-',
  '> 5',
  '[1..5]',
  '"a", "b"',
  'not(-)',
  'list contains(spullen, constructor)',
  'matches(aanslagnummer, "[")',
  'matches(aanslagnummer, "(?<=a)b")',
  'split(aanslagnummer, "") != null',
  'some x in spullen satisfies x = "__proto__"',
  `"${'x'.repeat(100_000)}" = aanslagnummer`,
];

const FIELD_TYPES = [
  'text',
  'textarea',
  'number',
  'money',
  'date',
  'email',
  'phone',
  'postcode',
  'bsn',
  'iban',
  'choice',
  'multi-choice',
  'yes-no',
  'file',
  'html',
  'Number',
  '',
  'constructor',
  '__proto__',
];
const ODD_OPTIONS = [
  [],
  [
    { value: '__proto__', label: 'x' },
    { value: 'constructor', label: 'y' },
  ],
  [
    { value: 'a', label: 'A' },
    { value: 'a', label: 'A' },
  ],
  [{ value: '', label: '' }],
  'a,b',
  [{ value: 1, label: 1 }],
  [{ value: 'toString', label: { nl: 'x' } }],
  Array.from({ length: 500 }, (_, i) => ({ value: `o${i}`, label: 'o' })),
];
const ODD_MINMAX = [
  1e308,
  -1,
  'abc',
  '2026-13-45',
  'today',
  'yesterday',
  0,
  -1e308,
  '1e309',
  1.5,
  '',
  null,
  [],
  {},
  '9999-12-31',
  2 ** 53 + 1,
];

const structureOp: fc.Arbitrary<Op> = fc.oneof(
  index.map((i): Op => ({ op: 'dropStep', i })),
  fc.record({ i: index, to: missingName, refs: fc.boolean() }).map((r): Op => ({ op: 'renameStep', ...r })),
  fc.record({ i: index, to: missingName }).map((r): Op => ({ op: 'retarget', ...r })),
  fc
    .record({
      path: fc.constantFrom(
        'title',
        'steps',
        'start',
        'contact',
        'groups',
        'layout',
        'triggers',
        'steps.*.kind',
        'steps.*.title',
        'steps.*.fields',
        'steps.*.next',
        'steps.*',
        'description',
        '$schema',
        'contact.team',
        'layout.__proto__',
        'steps.*.rules',
        'steps.*.outcomes',
      ),
      value: fc.constantFrom<unknown>(
        5,
        [],
        {},
        null,
        '',
        'x',
        true,
        'a'.repeat(10_000),
        [[[[[]]]]],
        { nl: 5 },
        { x: 1e308, y: -0 },
      ),
    })
    .map((r): Op => ({ op: 'set', ...r })),
  fc
    .constantFrom(
      'title',
      'steps',
      'start',
      'key',
      'contact',
      'steps.*.kind',
      'steps.*.title',
      'steps.*.next',
      'steps.*.fields',
      'steps.*.otherwise',
      'steps.*.outcomes',
      'steps.*.then',
    )
    .map((path): Op => ({ op: 'delete', path })),
  fc
    .record({
      i: index,
      type: fc.constantFrom(...FIELD_TYPES),
      options: fc.option(fc.constantFrom<unknown>(...ODD_OPTIONS), { nil: undefined }),
      min: fc.option(fc.constantFrom<unknown>(...ODD_MINMAX), { nil: undefined }),
      max: fc.option(fc.constantFrom<unknown>(...ODD_MINMAX), { nil: undefined }),
    })
    .map((r): Op => ({ op: 'fieldType', ...r })),
);

const protoFieldName = fc.constantFrom(...PROTO_FIELD_IDS);
/** Mostly mutations that keep the definition valid (so it publishes and runs with a prototype name in it), some that do not. */
const namesOp: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .record({ i: index, to: fc.constantFrom(...PROTO_STEP_IDS), refs: fc.constant(true) })
      .map((r): Op => ({ op: 'renameStep', ...r })),
  },
  {
    weight: 4,
    arbitrary: fc
      .record({ i: index, to: fc.constantFrom(...PROTO_STEP_IDS, 'toString', 'valueOf', '__proto__') })
      .map((r): Op => ({ op: 'retarget', ...r })),
  },
  {
    weight: 3,
    arbitrary: fc
      .record({ i: index, to: protoFieldName, refs: fc.constant(true) })
      .map((r): Op => ({ op: 'fieldId', ...r })),
  },
  {
    weight: 3,
    arbitrary: fc
      .record({ name: fc.constantFrom(...PROTO_STEP_IDS), key: fc.constant(true) })
      .map((r): Op => ({ op: 'protoStep', ...r })),
  },
  {
    weight: 2,
    arbitrary: fc
      .record({ i: index, to: fc.constantFrom(...PROTO_STEP_IDS), define: fc.boolean() })
      .map((r): Op => ({ op: 'group', ...r })),
  },
  {
    weight: 2,
    arbitrary: fc
      .record({
        event: fc.constantFrom('constructor', 'prototype', 'tostring', 'valueof'),
        to: fc.oneof(fc.constantFrom(...PROTO_STEP_IDS), fc.constantFrom('ingetrokken', 'klaar')),
      })
      .map((r): Op => ({ op: 'groupEvent', ...r })),
  },
  {
    weight: 2,
    arbitrary: fc
      .record({ i: index, id: fc.constantFrom(...PROTO_STEP_IDS) })
      .map((r): Op => ({ op: 'outcome', ...r })),
  },
  {
    weight: 1,
    arbitrary: fc
      .record({
        i: index,
        text: fc.constantFrom(
          '{{constructor}}',
          '{{__proto__}}',
          '{{toString}}',
          '{{ hasOwnProperty }}',
          `{{${'x'.repeat(5000)}}}`,
          '{{}}',
          '{{{{a}}}}',
        ),
      })
      .map((r): Op => ({ op: 'text', ...r })),
  },
  {
    weight: 2,
    arbitrary: fc
      .record({
        i: index,
        type: fc.constantFrom('choice', 'multi-choice'),
        options: fc.constant<unknown>([
          { value: '__proto__', label: 'a' },
          { value: 'constructor', label: 'b' },
          { value: 'toString', label: 'c' },
        ]),
      })
      .map((r): Op => ({ op: 'fieldType', ...r })),
  },
  {
    weight: 1,
    arbitrary: fc
      .record({
        path: fc.constantFrom(
          'steps.__proto__',
          'groups.__proto__',
          'groups.constructor',
          'layout.constructor',
          'layout.__proto__',
          'steps.toString',
          'steps.hasOwnProperty',
        ),
        value: fc.constantFrom<unknown>(
          { kind: 'end', title: 'x', outcome: 'completed', message: 'x' },
          {},
          null,
          'x',
          { x: 1, y: 2 },
        ),
      })
      .map((r): Op => ({ op: 'set', ...r })),
  },
  {
    weight: 1,
    arbitrary: fc
      .record({ i: index, to: fc.constantFrom(...PROTO_NAMES), refs: fc.boolean() })
      .map((r): Op => ({ op: 'renameStep', ...r })),
  },
  {
    weight: 1,
    arbitrary: fc
      .record({ i: index, to: fc.constantFrom(...PROTO_NAMES), refs: fc.boolean() })
      .map((r): Op => ({ op: 'fieldId', ...r })),
  },
);

const hostileOp: fc.Arbitrary<Op> = fc
  .record({
    kind: fc.constantFrom<Hostile>(
      'regex',
      'regex2',
      'range',
      'literalRange',
      'orChain',
      'deepList',
      'deepParen',
      'typeMismatch',
    ),
    size: fc.oneof(
      fc.integer({ min: 10, max: 600 }),
      fc.integer({ min: 600, max: 3500 }),
      fc.integer({ min: 3500, max: 6000 }),
    ),
    where: fc.constantFrom<'route' | 'rule' | 'showIf' | 'trigger'>('route', 'rule', 'rule', 'showIf', 'trigger'),
  })
  .map((r): Op => ({ op: 'hostile', ...r }));

const exprOp: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({ i: index, expr: fc.constantFrom(...ODD_EXPRS) }).map((r): Op => ({ op: 'expr', ...r })),
  },
  { weight: 2, arbitrary: hostileOp },
);

const datesOp: fc.Arbitrary<Op> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...BAD_DURATIONS).map((value): Op => ({ op: 'wait', value })) },
  {
    weight: 3,
    arbitrary: fc
      .record({
        i: index,
        value: fc.oneof(
          fc.constantFrom<unknown>(...BAD_DURATIONS),
          fc.constantFrom<unknown>(
            { workingDays: 0 },
            { workingDays: 366 },
            { workingDays: 1e9 },
            { workingDays: -1 },
            { workingDays: 1.5 },
            { workingDays: '5' },
            {},
            5,
          ),
        ),
      })
      .map((r): Op => ({ op: 'duration', ...r })),
  },
  {
    weight: 2,
    arbitrary: fc
      .record({
        i: index,
        type: fc.constant('date'),
        min: fc.constantFrom<unknown>(...BAD_DATES),
        max: fc.constantFrom<unknown>(...BAD_DATES),
      })
      .map((r): Op => ({ op: 'fieldType', ...r })),
  },
  {
    weight: 1,
    arbitrary: fc
      .record({
        i: index,
        expr: fc.constantFrom(
          'date("2026-13-45") < today()',
          'today() + duration("P999999999Y") > today()',
          'date(verhuisdatum) > date("2026-02-30")',
          'years and months duration(date("0001-01-01"), today()) > duration("P1Y")',
          'day of week(date("9999-12-31")) = "Friday"',
        ),
      })
      .map((r): Op => ({ op: 'expr', ...r })),
  },
);

const signalsOp: fc.Arbitrary<Op> = fc.oneof(
  fc
    .record({
      signal: fc.constantFrom(
        'inkomen.vastgesteld',
        'register.verhuisd',
        'fuzz.signaal',
        'constructor',
        '__proto__',
        'a',
        'a.b.c.d.e',
      ),
      when: fc.option(
        fc.constantFrom(
          'inkomen <= 1500',
          'naam = "x"',
          'aantal > 1',
          '((',
          'constructor = 1',
          'inkomen.constructor != null',
          'matches(naam, "^(a+)+$")',
          'count(for a in 1..aantal, b in 1..aantal return a) > 0',
        ),
        { nil: undefined },
      ),
      start: fc.oneof(protoStepName, fc.constantFrom('aanvraag', 'aanbod', 'melding', 'huishouden', '')),
      mode: fc.constantFrom('offer', 'grant', 'constructor', ''),
    })
    .map((r): Op => ({ op: 'trigger', ...r })),
  hostileOp.map((o): Op => ({ ...(o as Extract<Op, { op: 'hostile' }>), where: 'trigger' })),
  fc
    .record({
      path: fc.constantFrom('steps.wachten.signal', 'steps.wachten.fields', 'steps.wachten.timeout', 'triggers'),
      value: fc.constantFrom<unknown>(
        'constructor',
        '__proto__',
        [{ id: 'constructor', label: 'x', type: 'text' }],
        [{ id: 'nieuwAdres', label: 'x', type: 'number', max: -1 }],
        { after: 'P999999999Y', goto: 'klaar' },
        [],
        null,
      ),
    })
    .map((r): Op => ({ op: 'set', ...r })),
);

export const FAMILIES: Record<string, fc.Arbitrary<Op>> = {
  structure: structureOp,
  names: namesOp,
  expressions: exprOp,
  dates: datesOp,
  signals: signalsOp,
  answers: fc.oneof(namesOp, exprOp, datesOp),
};

const baseIndex = (key: string) => BASES.findIndex((b) => b.key === key);
const example = (c: Omit<DefCase, 'answerSeed' | 'events'> & Partial<DefCase>): DefCase => {
  const v: DefCase = { answerSeed: 1, events: 3, valid: true, ...c };
  return Object.defineProperty(v, fc.toStringMethod, { value: () => `example: ${describeCase(v)}`, enumerable: false });
};

/** The definitions of issue 11's findings, run first in their family. */
export function defExamples(family: string): DefCase[] {
  const stadspas = baseIndex('stadspas');
  const grofvuil = baseIndex('grofvuil');
  const kwijtschelding = baseIndex('kwijtschelding');
  switch (family) {
    case 'names':
      return [
        example({ family, base: stadspas, ops: [{ op: 'retarget', i: 2, to: 'constructor' }] }),
        example({ family, base: grofvuil, ops: [{ op: 'renameStep', i: 1, to: 'constructor', refs: true }] }),
        example({
          family,
          base: grofvuil,
          ops: [
            {
              op: 'set',
              path: 'steps.__proto__',
              value: { kind: 'end', title: 'x', outcome: 'completed', message: 'x' },
            },
          ],
        }),
        example({ family, base: stadspas, ops: [{ op: 'fieldId', i: 0, to: 'toString', refs: true }] }),
        example({ family, base: kwijtschelding, ops: [{ op: 'groupEvent', event: 'constructor', to: 'ingetrokken' }] }),
      ];
    case 'expressions':
      return [
        example({ family, base: grofvuil, ops: [{ op: 'hostile', kind: 'orChain', size: 3500, where: 'rule' }] }),
        example({
          family,
          base: grofvuil,
          ops: [{ op: 'hostile', kind: 'regex', size: 0, where: 'rule' }],
          answerSeed: 7,
        }),
        example({
          family,
          base: grofvuil,
          ops: [{ op: 'hostile', kind: 'range', size: 0, where: 'rule' }],
          answerSeed: 7,
        }),
        example({ family, base: grofvuil, ops: [{ op: 'hostile', kind: 'deepList', size: 6000, where: 'route' }] }),
        example({ family, base: grofvuil, ops: [{ op: 'hostile', kind: 'literalRange', size: 600, where: 'rule' }] }),
      ];
    case 'dates':
      return [
        example({ family, base: grofvuil, ops: [{ op: 'wait', value: 'P999999999Y' }] }),
        example({ family, base: kwijtschelding, ops: [{ op: 'duration', i: 1, value: 'P999999999Y' }] }),
        example({ family, base: grofvuil, ops: [], effectiveFrom: '2026-13-45' }),
        example({ family, base: grofvuil, ops: [], referenceDate: '2026-13-45' }),
      ];
    case 'structure':
      return [
        // A title the schema refuses (P000) is saved; it must not take the designer's list of processes down.
        example({ family, base: grofvuil, ops: [{ op: 'set', path: 'title', value: null }] }),
        example({ family, base: grofvuil, ops: [{ op: 'set', path: 'description', value: null }] }),
        example({ family, base: grofvuil, ops: [{ op: 'set', path: 'steps', value: null }] }),
        example({
          family,
          base: kwijtschelding,
          ops: [
            { op: 'set', path: 'steps.*.title', value: null },
            { op: 'set', path: 'groups', value: [] },
          ],
        }),
      ];
    case 'signals':
      return [
        example({
          family,
          base: stadspas,
          ops: [{ op: 'hostile', kind: 'regex', size: 0, where: 'trigger' }],
          answerSeed: 7,
        }),
        example({
          family,
          base: baseIndex('verhuizing'),
          ops: [{ op: 'set', path: 'steps.wachten.fields', value: [{ id: 'constructor', label: 'x', type: 'text' }] }],
        }),
      ];
    default:
      return [];
  }
}

export function defCaseArb(family: string): fc.Arbitrary<DefCase> {
  const op = FAMILIES[family];
  return fc
    .record({
      family: fc.constant(family),
      base: fc.integer({ min: 0, max: BASES.length - 1 }),
      ops: fc.array(op, {
        minLength: family === 'answers' ? 0 : 1,
        maxLength: family === 'answers' ? 1 : family === 'structure' ? 4 : 2,
      }),
      effectiveFrom: sometimes(fc.constantFrom(...BAD_DATES), family === 'dates' ? 1 : 4),
      referenceDate: sometimes(fc.constantFrom(...BAD_DATES), family === 'dates' ? 1 : 3),
      answerSeed: fc.integer(),
      events: fc.integer({ min: family === 'answers' ? 3 : 1, max: family === 'answers' ? 6 : 4 }),
    })
    .map((c) => Object.defineProperty(c, fc.toStringMethod, { value: () => describeCase(c), enumerable: false }));
}

export const describeCase = (c: DefCase) =>
  `${c.family} on ${BASES[c.base].key}: ${short(JSON.stringify(c.ops), 600)}${c.effectiveFrom !== undefined ? ` effectiveFrom=${c.effectiveFrom}` : ''}${c.referenceDate !== undefined ? ` referenceDate=${c.referenceDate}` : ''} answerSeed=${c.answerSeed} events=${c.events}`;

// ——— answers ———

type ViewField = {
  id: string;
  type: string;
  options?: { value: string }[];
  min?: unknown;
  max?: unknown;
  required?: boolean;
};

const oddValue: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom(...ODD_NUMBERS).map(raw),
  fc.constantFrom(...ODD_STRINGS).map(str),
  fc
    .constantFrom(
      'null',
      'true',
      'false',
      '[]',
      '{}',
      '[[[[[[[[]]]]]]]]',
      '{"__proto__":{"x":1}}',
      '{"constructor":{"prototype":{}}}',
      '[{"toString":1}]',
    )
    .map(raw),
  longString(1000, 20_000).map(str),
);

function plausible(f: ViewField): fc.Arbitrary<Json> {
  const options = (f.options ?? []).map((o) => o.value).filter((v) => typeof v === 'string');
  const opt = options.length ? fc.constantFrom(...options) : fc.constant('x');
  if (f.id === 'fuzzText')
    return fc.oneof(
      { weight: 4, arbitrary: fc.integer({ min: 22, max: 27 }).map((k) => str(`${'a'.repeat(k)}!`)) },
      { weight: 1, arbitrary: fc.integer({ min: 18, max: 24 }).map((k) => str('x'.repeat(k))) },
      { weight: 1, arbitrary: fc.constantFrom('aaaa', 'abc', '1400').map(str) },
    );
  if (f.id === 'fuzzN' || f.id === 'aantal')
    return fc
      .oneof(
        { weight: 3, arbitrary: fc.integer({ min: 400, max: 700 }) },
        { weight: 1, arbitrary: fc.integer({ min: 0, max: 700 }) },
      )
      .map((n) => raw(String(n)));
  switch (f.type) {
    case 'number':
    case 'money':
      return fc.oneof(
        fc.constantFrom('1450', '1.234,56', '€ 12', '-1', '0', '1e309', '99999999999999999999', '12,5').map(str),
        fc.constantFrom('1450', '-0', '1e309', '0.1', '1000000', '-1').map(raw),
        fc.integer().map((n) => raw(String(n))),
      );
    case 'date':
      return fc.constantFrom(...BAD_DATES, '2026-03-10', '2026-03-02', '10-03-2026').map(str);
    case 'email':
      return fc.constantFrom('a@b.nl', 'not-an-email', 'a@b', `${'a'.repeat(300)}@x.nl`).map(str);
    case 'phone':
      return fc.constantFrom('0612345678', '+31 6 1234 5678', 'abc', '+'.repeat(50)).map(str);
    case 'postcode':
      return fc.constantFrom('1234 AB', '1234AB', '0000 AA', '9999 ZZ', 'abc', '1234 SS').map(str);
    case 'bsn':
      return fc.oneof(
        fc.constantFrom('999993653', '123456789', '000000000', '99999365').map(str),
        fc.integer({ min: 1, max: 1e6 }).map((n) => str(validBsn(n))),
      );
    case 'iban':
      return fc
        .constantFrom(
          'NL91 ABNA 0417 1643 00',
          'NL91ABNA0417164300',
          'NL00 XXXX 0000 0000 00',
          'DE89370400440532013000',
        )
        .map(str);
    case 'choice':
      return fc.oneof(opt.map(str), fc.constantFrom(...PROTO_NAMES).map(str));
    case 'multi-choice':
      return fc.oneof(
        fc.array(opt, { maxLength: 3 }).map((a) => fromValue(a)),
        opt.map(str),
        fc.constantFrom('[]', '[{}]', '["__proto__"]', '["constructor","toString"]').map(raw),
      );
    case 'yes-no':
      return fc.constantFrom('true', 'false', '"ja"', '"nee"', '"true"', '1', 'null').map(raw);
    case 'file':
      return fc
        .constantFrom(
          '{"name":"x.pdf","type":"application/pdf","size":10}',
          '"x"',
          '{"id":"../../x"}',
          '{"name":"__proto__","size":-1}',
          '{"__proto__":{"size":1}}',
        )
        .map(raw);
    default:
      return fc.oneof(
        fc.string({ maxLength: 40 }).map(str),
        fc.constantFrom('x', 'abc', '2026-0001234', '<b>hoi</b>').map(str),
        longString(100, 20_000).map(str),
      );
  }
}

/** An answer the field takes (within its min and max), or the hostile one for the fuzz fields. */
function valid(f: ViewField): Json {
  const num = (v: unknown, d: number) => (typeof v === 'number' && Number.isFinite(v) ? v : d);
  const options = (f.options ?? []).map((o) => o.value).filter((v) => typeof v === 'string');
  if (f.id === 'fuzzText') return str(`${'a'.repeat(27)}!`);
  if (f.id === 'fuzzN' || f.id === 'aantal') return raw('700');
  switch (f.type) {
    case 'number':
    case 'money':
      return str(String(Math.max(num(f.min, 0), Math.min(num(f.max, 1450), 1450))));
    case 'date':
      return str('2026-03-10');
    case 'email':
      return str('a@example.nl');
    case 'phone':
      return str('0612345678');
    case 'postcode':
      return str('1234 AB');
    case 'bsn':
      return str('999993653');
    case 'iban':
      return str('NL91 ABNA 0417 1643 00');
    case 'choice':
      return str(options[0] ?? 'x');
    case 'multi-choice':
      return fromValue(options.slice(0, 1));
    case 'yes-no':
      return raw('false');
    case 'file':
      return fromValue({ name: 'bewijs.pdf', type: 'application/pdf', size: 1000 });
    default:
      return str('x'.repeat(Math.max(1, Math.min(num(f.min, 1), num(f.max, 5)))));
  }
}

const answersArb = (fields: ViewField[]): fc.Arbitrary<Json> =>
  fc
    .tuple(
      fc.tuple(
        ...(fields.length ? fields : [{ id: 'x', type: 'text' }]).map((f) =>
          fc.option(
            fc
              .oneof({ weight: 5, arbitrary: plausible(f) }, { weight: 2, arbitrary: oddValue })
              .map((v) => [f.id, v] as [string, Json]),
            { freq: 8 },
          ),
        ),
      ),
      fc.array(fc.tuple(fc.constantFrom(...PROTO_NAMES, 'onbekend', ''), oddValue), { maxLength: 2 }),
    )
    .map(([own, extra]): Json => ({ obj: [...own.filter((e): e is [string, Json] => e !== null), ...extra] }));

const OTHER_EVENTS = [
  'withdraw',
  'person.requested',
  'constructor',
  '__proto__',
  'toString',
  'hasOwnProperty',
  'timer.fired',
  'xstate.init',
  'signal.inkomen.vastgesteld',
  'signal.register.verhuisd',
  'submit',
];

/** One event for the case's current step: valid answers (the hostile ones for the fuzz fields), generated answers, other events. */
function eventBody(view: any, seed: number, validAnswers: boolean): string {
  const fields: ViewField[] = Array.isArray(view?.step?.fields) ? view.step.fields : [];
  if (validAnswers && fields.length)
    return `{"type":"submit","data":${emit({ obj: fields.map((f): [string, Json] => [f.id, valid(f)]) })}}`;
  return fc.sample(
    fc.oneof(
      {
        weight: 6,
        arbitrary: fc
          .tuple(
            answersArb(fields),
            sometimes(fc.constantFrom(view?.step?.id ?? 'x', 'constructor', '__proto__', 'x'.repeat(100)), 5),
          )
          .map(
            ([data, step]) => `{"type":"submit","data":${emit(data)}${step ? `,"step":${JSON.stringify(step)}` : ''}}`,
          ),
      },
      {
        weight: 1,
        arbitrary: fc
          .tuple(fc.constantFrom(...OTHER_EVENTS), fc.option(oddValue, { freq: 3 }))
          .map(([type, data]) => `{"type":${JSON.stringify(type)}${data ? `,"data":{"x":${emit(data)}}` : ''}}`),
      },
      {
        weight: 1,
        arbitrary: fc.constantFrom(
          '{"type":"submit","data":[]}',
          '{"type":"submit","data":"x"}',
          '{"type":"submit","data":{"__proto__":{"inkomen":1}}}',
          '{"type":"submit","data":null}',
        ),
      },
    ),
    { seed, numRuns: 1 },
  )[0];
}

const signalData = (seed: number) =>
  emit(
    fc.sample(
      fc
        .tuple(
          fc.option(
            fc.oneof(
              fc.constantFrom('1200', '1500', '9000', '-1', '1e309', '-0').map(raw),
              fc.constantFrom('abc', '', '1200', '[]', 'Infinity').map(str),
              fc.constantFrom('[]', '{}', 'null', 'true').map(raw),
            ),
          ),
          fc.option(
            fc.oneof(
              fc.integer({ min: 10, max: 27 }).map((k) => str(`${'a'.repeat(k)}!`)),
              fc.constantFrom('x', '').map(str),
            ),
          ),
          fc.option(fc.integer({ min: 0, max: 700 }).map((n) => raw(String(n)))),
          fc.option(fc.constantFrom('true', 'false', '"true"', '1').map(raw)),
          fc.array(fc.tuple(fc.constantFrom(...PROTO_NAMES), oddValue), { maxLength: 2 }),
        )
        .map(([inkomen, naam, aantal, verhuisd, extra]): Json => ({
          obj: [
            ...(inkomen ? [['inkomen', inkomen] as [string, Json]] : []),
            ...(naam ? [['naam', naam] as [string, Json]] : []),
            ...(aantal ? [['aantal', aantal] as [string, Json]] : []),
            ...(verhuisd ? [['verhuisd', verhuisd] as [string, Json]] : []),
            ['nieuwAdres', str('Straat 1')],
            ...extra,
          ],
        })),
      { seed, numRuns: 1 },
    )[0],
  );

// ——— the scenario ———

const OK = (status: number, what: string) => (r: Reply) =>
  r.status === status ? undefined : `${what}: expected ${status}, got ${r.status} ${short(r.text, 300)}`;

let serial = 0;

/**
 * One definition through its whole life. Every request is checked by the
 * harness (no 5xx, no internals, envelope, unchanged on refusal, no stall);
 * this adds the checks of the life cycle itself.
 */
export async function definitionScenario(fz: Fuzz, c: DefCase): Promise<void> {
  const n = ++serial;
  const key = `fz-${c.family}-${n}`;
  const def: Def = JSON.parse(JSON.stringify(BASES[c.base]));
  def.key = key;
  for (const op of c.ops) {
    try {
      applyOp(def, op);
    } catch {
      /* the shape it needed is gone */
    }
  }
  fz.recorder.definitions++;
  fz.context = `definition ${key}: ${describeCase(c)}`;
  try {
    await lifeCycle(fz, c, key, def);
  } finally {
    fz.context = undefined;
  }
}

async function lifeCycle(fz: Fuzz, c: DefCase, key: string, def: Def): Promise<void> {
  const label = (what: string) => `definition ${c.family}: ${what}`;
  const asJson = (r: Reply) => {
    try {
      return JSON.parse(r.text);
    } catch {
      return undefined;
    }
  };

  // 1. Save the draft: saved (with problem codes) or refused as a whole, never a 5xx.
  const putReq: Req = {
    label: label('PUT /api/processes/:key/draft'),
    method: 'PUT',
    path: `/api/processes/${key}/draft`,
    headers: { authorization: `Bearer ${fz.s.tokens.designer}`, 'content-type': 'application/json' },
    body: JSON.stringify(def),
  };
  const put = await fz.send(putReq);
  const saved = put.status === 200 ? asJson(put) : undefined;
  if (
    put.status === 200 &&
    !(
      Array.isArray(saved?.problems) &&
      saved.problems.every((p: any) => typeof p?.code === 'string' && typeof p?.message === 'string')
    )
  ) {
    fz.violation(
      'expectation',
      `a saved draft answers its problems as [{code, message}]: ${short(put.text, 300)}`,
      putReq,
      put,
    );
  }
  const problems: { code: string }[] = Array.isArray(saved?.problems) ? saved.problems : [];
  // A saved draft, however broken, never breaks the designer's views: the list (it checks every draft) and the draft itself.
  await fz.api('GET', '/api/processes', { as: 'designer', label: label('GET /api/processes (after the draft)') });
  await fz.api('GET', `/api/processes/${key}`, { as: 'designer', label: label('GET /api/processes/:key (the draft)') });

  // 2. Publish: refused (422, unchanged: the harness checks) while problems remain.
  const pubBody = c.effectiveFrom !== undefined ? JSON.stringify({ effectiveFrom: c.effectiveFrom }) : '{}';
  const publishReq: Req = {
    label: label('POST /api/processes/:key/publish'),
    method: 'POST',
    path: `/api/processes/${key}/publish`,
    headers: { authorization: `Bearer ${fz.s.tokens.designer}`, 'content-type': 'application/json' },
    body: pubBody,
  };
  const publish = await fz.send(publishReq, (r) =>
    put.status === 200 && problems.length && r.status !== 422
      ? `a draft with problems (${[...new Set(problems.map((p) => p.code))].join(', ')}) must not publish: got ${r.status}`
      : undefined,
  );
  if (publish.status === 201 && c.effectiveFrom !== undefined && IMPOSSIBLE_DATES.has(c.effectiveFrom)) {
    fz.violation(
      'accepted-bad-input',
      `published with effectiveFrom ${JSON.stringify(c.effectiveFrom)}, not a real date`,
      publishReq,
      publish,
    );
  }
  const endless = durationSlots(def)
    .map((x) => x.get())
    .filter((v) => typeof v === 'string' && ENDLESS_DURATIONS.has(v));
  if (publish.status === 201 && endless.length)
    fz.violation(
      'accepted-bad-input',
      `published with the duration ${endless[0]} (longer than any process needs)`,
      publishReq,
      publish,
    );
  if (publish.status !== 201) return collateral(fz, c, label);

  // 3. Start cases: as the citizen, and as an official with a reference date.
  const view = (r: Reply) => (r.status >= 200 && r.status < 300 ? asJson(r) : undefined);
  const starts: any[] = [];
  const citizenStart = await fz.api('POST', `/api/processes/${key}/cases`, {
    as: 'citizen',
    body: {},
    label: label('POST /api/processes/:key/cases'),
  });
  if (citizenStart.json?.id) starts.push(citizenStart.json);
  if (c.referenceDate !== undefined) {
    const official = await fz.api('POST', `/api/processes/${key}/cases`, {
      as: 'official',
      body: { subject: '999993653', referenceDate: c.referenceDate },
      label: label('POST /api/processes/:key/cases (official, referenceDate)'),
    });
    if (official.json?.id) starts.push(official.json);
    if (official.status === 201 && IMPOSSIBLE_DATES.has(c.referenceDate)) {
      fz.violation(
        'accepted-bad-input',
        `a case started with referenceDate ${JSON.stringify(c.referenceDate)}, not a real date`,
        {
          label: label('POST /api/processes/:key/cases (official, referenceDate)'),
          method: 'POST',
          path: `/api/processes/${key}/cases`,
          headers: { authorization: `Bearer ${fz.s.tokens.official}`, 'content-type': 'application/json' },
          body: JSON.stringify({ subject: '999993653', referenceDate: c.referenceDate }),
        },
        official,
      );
    }
  }

  // 4. Submit generated answers to whatever step each case is at.
  let seed = c.answerSeed;
  for (const started of starts) {
    let current = started;
    for (let e = 0; e < c.events && current?.status === 'active'; e++) {
      const body = eventBody(current, seed++, c.valid || seed % 2 === 0);
      const r = await fz.send({
        label: label('POST /api/cases/:id/events'),
        method: 'POST',
        path: `/api/cases/${current.id}/events`,
        headers: { authorization: `Bearer ${fz.s.tokens.citizen}`, 'content-type': 'application/json' },
        body,
      });
      current = view(r) ?? current;
    }
    await fz.api('GET', `/api/cases/${started.id}`, { as: 'citizen', label: label('GET /api/cases/:id') });
    await fz.api('GET', `/api/cases/${started.id}`, { as: 'admin', label: label('GET /api/cases/:id') });
  }

  // 5. Its triggers and waits: a signal of each type it names, and a register scan.
  const signals = new Set<string>();
  for (const t of Array.isArray(def.triggers) ? def.triggers : [])
    if (typeof t?.signal === 'string') signals.add(t.signal);
  for (const [, s] of steps(def)) if (typeof s?.signal === 'string') signals.add(s.signal);
  for (const type of signals) {
    for (const subject of ['999993653', validBsn(seed)]) {
      await fz.send({
        label: label('POST /api/signals'),
        method: 'POST',
        path: '/api/signals',
        headers: { authorization: `Bearer ${fz.s.tokens.admin}`, 'content-type': 'application/json' },
        body: `{"type":${JSON.stringify(type)},"subject":"${subject}","data":${signalData(seed++)}}`,
      });
    }
  }
  if (signals.size) {
    const rows = Array.from(
      { length: 5 },
      (_, i) =>
        `${validBsn(seed + i * 7919)},${['1200', 'abc', '', '[]', '1e309'][i]},${'a'.repeat(10 + i)}!,${i * 100},true`,
    ).join('\n');
    await fz.send({
      label: label('POST /api/processes/:key/scan'),
      method: 'POST',
      path: `/api/processes/${key}/scan?dryRun=${seed % 2 ? 'true' : 'false'}`,
      headers: { authorization: `Bearer ${fz.s.tokens.admin}`, 'content-type': 'text/csv' },
      body: `bsn,inkomen,naam,aantal,verhuisd\n${rows}\n`,
    });
  }
  await fz.api('GET', `/api/processes/${key}/versions/1/mermaid`, { as: 'designer', label: label('GET mermaid') });
  return collateral(fz, c, label);
}

/** Other processes keep working: a grofvuil case from start to end, and signals for every process. */
async function collateral(fz: Fuzz, c: DefCase, label: (w: string) => string) {
  const start = await fz.api(
    'POST',
    '/api/processes/grofvuil/cases',
    { as: 'citizen', body: {}, label: label('afterwards: another process starts') },
    OK(201, 'a grofvuil case must still start'),
  );
  if (start.json?.id) {
    await fz.api(
      'POST',
      `/api/cases/${start.json.id}/events`,
      {
        as: 'citizen',
        label: label('afterwards: another process takes answers'),
        body: {
          type: 'submit',
          data: { postcode: '1234 AB', huisnummer: '1', spullen: ['meubels'], ophaaldatum: '2026-03-10' },
        },
      },
      OK(200, 'a grofvuil case must still take its answers'),
    );
  }
  const subject = validBsn(c.answerSeed ^ 0x5f3759df);
  await fz.api(
    'POST',
    '/api/signals',
    {
      as: 'admin',
      label: label('afterwards: POST /api/signals'),
      body: { type: 'inkomen.vastgesteld', subject, data: { inkomen: 1200 } },
    },
    OK(200, 'a signal for the example processes must still work'),
  );
  await fz.api(
    'POST',
    '/api/signals',
    {
      as: 'admin',
      label: label('afterwards: POST /api/signals'),
      body: { type: 'adres.gewijzigd', subject, data: {} },
    },
    OK(200, 'a signal nobody waits for must still work'),
  );
  // Typed facts are the signals family's: elsewhere this main-wide finding would hide each family's own.
  if (c.family === 'signals') await typedFacts(fz, c, label);
}

const NOT_AN_INCOME: unknown[] = ['abc', '', [], {}, true, '1.500 euro'];

/**
 * Facts that do not parse decide nothing: stadspas's trigger `inkomen <= 1500`
 * must not start an offer for a signal or a register row whose income is not
 * a number (refused with 422, or not eligible).
 */
async function typedFacts(fz: Fuzz, c: DefCase, label: (w: string) => string) {
  const inkomen = NOT_AN_INCOME[Math.abs(c.answerSeed) % NOT_AN_INCOME.length];
  const subject = validBsn(c.answerSeed ^ 0x2545f491);
  const r = await fz.api('POST', '/api/signals', {
    as: 'admin',
    label: label('afterwards: a signal with an income that is not a number'),
    body: { type: 'inkomen.vastgesteld', subject, data: { inkomen } },
  });
  const wrong = (r.json?.started ?? []).filter((x: { process?: string }) => x?.process === 'stadspas');
  if (r.status === 200 && wrong.length) {
    fz.violation(
      'wrong-decision',
      `inkomen ${JSON.stringify(inkomen)} counted as <= 1500: started stadspas case ${wrong[0].caseId}`,
      {
        label: label('afterwards: a signal with an income that is not a number'),
        method: 'POST',
        path: '/api/signals',
        headers: { authorization: `Bearer ${fz.s.tokens.admin}`, 'content-type': 'application/json' },
        body: JSON.stringify({ type: 'inkomen.vastgesteld', subject, data: { inkomen } }),
      },
      r,
    );
  }
  const rows = ['', 'abc', '[]', '"1.500 euro"']
    .map((v, i) => `${validBsn(c.answerSeed + 104729 * (i + 1))},${v}`)
    .join('\n');
  const scanReq: Req = {
    label: label('afterwards: a register scan with incomes that are not numbers'),
    method: 'POST',
    path: '/api/processes/stadspas/scan?dryRun=true',
    headers: { authorization: `Bearer ${fz.s.tokens.admin}`, 'content-type': 'text/csv' },
    body: `bsn,inkomen\n${rows}\n`,
  };
  const scan = await fz.send(scanReq);
  let counts: { eligible?: number } | undefined;
  try {
    counts = JSON.parse(scan.text);
  } catch {
    /* not JSON */
  }
  if (scan.status === 200 && (counts?.eligible ?? 0) > 0)
    fz.violation(
      'wrong-decision',
      `a scan counted ${counts!.eligible} row(s) with an income that is not a number as eligible`,
      scanReq,
      scan,
    );
}
