import { z } from 'zod';
import { overlappingRows, tableParams, tableSchema } from '../decision-table.js';
import { compileFeel } from '../feel.js';
import { targetSchema } from '../ids.js';
import { textSchema } from '../text.js';
import type { KindFinding } from '../problems.js';
import { entered, stepBase, targetOf, type StepKind, type TransitionConfig } from './step-kind.js';
import { say } from './words.js';

const ruleSchema = z.object({ when: z.string().min(1), goto: targetSchema, because: textSchema }).strict();

const schema = z
  .object({
    kind: z.literal('decision'),
    ...stepBase,
    rules: z.array(ruleSchema),
    /** A decision table instead of rules (DMN style, hit policy UNIQUE or FIRST). */
    table: tableSchema.optional(),
    otherwise: z.object({ goto: targetSchema, because: textSchema }).strict().optional(),
    /**
     * Where the case goes when the decision cannot decide: a UNIQUE table with
     * more than one matching row, or an expression that cannot be evaluated
     * (it ran out of its budget). A person decides there (a handoff step).
     */
    onError: targetSchema.optional(),
  })
  .strict();
export type DecisionStep = z.infer<typeof schema>;

function inputsOf(expr: string): string[] {
  try {
    return compileFeel(expr).names;
  } catch {
    return [];
  }
}

const ERROR_REASON = {
  nl: 'De regels gaven meer dan één uitkomst. Een medewerker beoordeelt uw aanvraag.',
  en: 'The rules gave more than one outcome. An official will review your application.',
};
const FAILED_REASON = {
  nl: 'De regels konden niet automatisch worden toegepast. Een medewerker beoordeelt uw aanvraag.',
  en: 'The rules could not be applied automatically. An official will review your application.',
};

/**
 * Rules (or a decision table) decide without the citizen: the first rule
 * whose `when` holds wins (a table: by its hit policy), else `otherwise`.
 * Each way out records an explanation (rule, inputs, reason).
 */
export const decisionKind: StepKind<DecisionStep, 'decision'> = {
  kind: 'decision',
  schema,
  citizenActs: false,
  edges: (step) => [
    ...step.rules.map((r, i) => ({
      to: r.goto,
      via: `rule:${i}`,
      label: r.because,
      place: { at: 'rule' as const, i },
    })),
    ...(step.table?.rows ?? []).map((r, i) => ({
      to: r.goto,
      via: `row:${i}`,
      label: r.because,
      place: { at: 'row' as const, i },
    })),
    // onError: an overlap in a UNIQUE table, and any decision whose expression cannot be evaluated (budgets).
    ...(step.onError !== undefined
      ? [
          {
            to: step.onError,
            via: 'error',
            label: step.table?.hitPolicy === 'UNIQUE' ? ERROR_REASON : FAILED_REASON,
            place: { at: 'onError' as const },
          },
        ]
      : []),
    ...(step.otherwise
      ? [
          {
            to: step.otherwise.goto,
            via: 'otherwise',
            label: step.otherwise.because,
            place: { at: 'otherwise' as const },
          },
        ]
      : []),
  ],
  expressions: (step) => [
    ...step.rules.map((r, i) => ({ expr: r.when, where: `rules[${i}].when`, place: { at: 'ruleWhen' as const, i } })),
    ...(step.table?.inputs ?? []).map((input, i) => ({
      expr: input.expr,
      where: `table.inputs[${i}].expr`,
      place: { at: 'tableInput' as const, i },
    })),
    ...(step.table?.rows ?? []).flatMap((r, i) =>
      r.tests.map((test, j) => ({
        expr: test,
        where: `table.rows[${i}].tests[${j}]`,
        place: { at: 'tableCell' as const, row: i, column: j },
        unary: true,
      })),
    ),
  ],
  names: (step) => (step.table?.inputs ?? []).map((i) => i.id),
  fields: () => [],
  templates: (step) => [
    ...step.rules.map((r) => r.because),
    ...(step.table?.rows ?? []).map((r) => r.because),
    ...(step.otherwise ? [step.otherwise.because] : []),
  ],
  check(step) {
    const problems: KindFinding[] = [];
    if (!step.otherwise) problems.push({ code: 'P004', params: {} });
    const table = step.table;
    if (!table) return problems;
    if (step.rules.length) problems.push({ code: 'P025', params: { case: 'both' } });
    table.rows.forEach((row, i) => {
      if (row.tests.length !== table.inputs.length)
        problems.push({
          code: 'P025',
          params: { case: 'row', row: i + 1, tests: row.tests.length, inputs: table.inputs.length },
        });
    });
    if (table.hitPolicy === 'UNIQUE') {
      for (const [a, b] of overlappingRows(table)) problems.push({ code: 'P026', params: { a: a + 1, b: b + 1 } });
      if (step.onError === undefined) problems.push({ code: 'P027', params: {} });
    }
    return problems;
  },
  compile(id, step) {
    const always: TransitionConfig[] = [];
    if (step.table) {
      const params = tableParams(step.table);
      const inputs = step.table.inputs.map((i) => ({ id: i.id, expr: i.expr }));
      if (step.table.hitPolicy === 'UNIQUE' && step.onError) {
        always.push({
          guard: { type: 'tableOverlap', params: { ...params, step: id } },
          target: targetOf(step.onError),
          actions: [
            {
              type: 'explain',
              params: {
                step: id,
                rule: 'error',
                because: ERROR_REASON,
                inputs: inputs.map((i) => i.id),
                table: inputs,
                error: 'more than one row matches (UNIQUE)',
              },
            },
          ],
        });
      }
      step.table.rows.forEach((row, i) =>
        always.push({
          guard: { type: 'tableRow', params: { inputs, tests: row.tests, step: id } },
          target: targetOf(row.goto),
          actions: [
            {
              type: 'explain',
              params: { step: id, rule: i, because: row.because, inputs: inputs.map((x) => x.id), table: inputs },
            },
          ],
        }),
      );
    }
    const allInputs = [...new Set(step.rules.flatMap((r) => inputsOf(r.when)))];
    step.rules.forEach((r, i) =>
      always.push({
        guard: { type: 'feel', params: { expr: r.when, step: id } },
        target: targetOf(r.goto),
        actions: [
          {
            type: 'explain',
            params: { step: id, rule: i, when: r.when, because: r.because, inputs: inputsOf(r.when) },
          },
        ],
      }),
    );
    // Before otherwise: a rule that could not be evaluated must not fall through to it.
    if (step.onError) {
      const table = step.table ? step.table.inputs.map((x) => ({ id: x.id, expr: x.expr })) : undefined;
      always.push({
        guard: { type: 'evaluationFailed', params: { step: id } },
        target: targetOf(step.onError),
        actions: [
          {
            type: 'explain',
            params: {
              step: id,
              rule: 'error',
              because: FAILED_REASON,
              inputs: table ? table.map((x) => x.id) : allInputs,
              ...(table ? { table } : {}),
              error: 'an expression could not be evaluated',
            },
          },
        ],
      });
    }
    if (step.otherwise) {
      const inputs = step.table ? step.table.inputs.map((x) => ({ id: x.id, expr: x.expr })) : undefined;
      always.push({
        target: targetOf(step.otherwise.goto),
        actions: [
          {
            type: 'explain',
            params: {
              step: id,
              rule: 'otherwise',
              because: step.otherwise.because,
              inputs: inputs ? inputs.map((x) => x.id) : allInputs,
              ...(inputs ? { table: inputs } : {}),
            },
          },
        ],
      });
    }
    return { id, tags: ['decision'], entry: [entered(id)], always };
  },
  final: false,
  outcomeOf: () => undefined,
  task: () => undefined,
  decision: (step) => step,
  durations: () => [],
  withField: () => undefined,
  shape: (raw) => (Array.isArray(raw.rules) ? undefined : 'rules must be a list'),
  create: (lang) => ({ kind: 'decision', title: say(lang)('newStep.decisionTitle'), rules: [] }),
  idWord: 'besluit',
  slots(step, lang) {
    return [
      ...step.rules.map((r, i) => ({ id: `rule:${i}`, label: r.when, target: r.goto || null })),
      ...(step.table?.rows ?? []).map((r, i) => ({
        id: `row:${i}`,
        label: say(lang)('slots.row', { n: i + 1, tests: r.tests.join(' · ') }),
        target: r.goto || null,
      })),
      ...(step.table?.hitPolicy === 'UNIQUE'
        ? [{ id: 'error', label: say(lang)('slots.moreThanOneRow'), target: step.onError || null }]
        : []),
      ...(step.table ? [] : [{ id: 'rule:new', label: say(lang)('slots.newRule'), target: null }]),
      { id: 'otherwise', label: say(lang)('slots.otherwise'), target: step.otherwise?.goto || null },
    ];
  },
  setSlot(step, slot, target) {
    if (slot === 'otherwise') {
      if (!target) {
        const { otherwise: _, ...rest } = step;
        return rest;
      }
      return { ...step, otherwise: { because: step.otherwise?.because ?? 'In alle andere gevallen.', goto: target } };
    }
    if (slot === 'rule:new')
      return target ? { ...step, rules: [...step.rules, { when: 'true', goto: target, because: 'Omdat …' }] } : step;
    if (slot === 'error') return { ...step, onError: target ?? '' };
    if (slot.startsWith('row:') && step.table) {
      const i = Number(slot.slice(4));
      const rows = [...step.table.rows];
      if (target) rows[i] = { ...rows[i], goto: target };
      else rows.splice(i, 1);
      return { ...step, table: { ...step.table, rows } };
    }
    const i = Number(slot.slice('rule:'.length));
    const rules = [...step.rules];
    if (target) rules[i] = { ...rules[i], goto: target };
    else rules.splice(i, 1);
    return { ...step, rules };
  },
  facts: (s, lang) => [
    s.table
      ? say(lang)('facts.table', { n: s.table.rows.length, policy: s.table.hitPolicy })
      : say(lang)('facts.rules', { n: s.rules.length }),
    ...(s.otherwise ? [] : [say(lang)('facts.noOtherwise')]),
  ],
};
