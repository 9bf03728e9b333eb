import { t as text, type DecisionStep } from '../../runtime/model/index.js';
import { useDesigner } from '../context.js';
import { useEditor } from '../editor/editor-context.js';
import { checkUnaryTest } from '../editor/feel-check.js';
import { FeelInput } from '../monaco/FeelInput.js';
import { ItemActions, Section, Select, StepSelect, TextInput, TextPair } from './controls.js';
import { moveItem, uniqueId, withKey } from './text-pair.js';

type Table = NonNullable<DecisionStep['table']>;

/**
 * A decision table (DMN style): named inputs (FEEL over the case data) and
 * rows of unary tests, one per input (`-` for any), each with where it goes
 * and why. UNIQUE: at most one row may match (overlaps the checks can see
 * are P026; one they cannot see sends the case to `onError` at run time);
 * FIRST: the first that matches. A cell's syntax is checked as it is typed.
 */
export function DecisionTable({
  id,
  step,
  update,
}: {
  id: string;
  step: DecisionStep;
  update(label: string, next: DecisionStep): void;
}) {
  const { t, lang } = useDesigner();
  const { readOnly } = useEditor();
  const table = step.table as Table;
  const set = (label: string, next: Table) => update(label, { ...step, table: next });
  const inputLabel = (i: number) => {
    const input = table.inputs[i];
    const l = input?.label;
    return text(l, lang) || input?.id || String(i + 1);
  };
  return (
    <>
      <Section title={t.table}>
        <Select
          label={t.hitPolicy}
          value={table.hitPolicy}
          options={[
            { value: 'UNIQUE', label: t.hitUnique },
            { value: 'FIRST', label: t.hitFirst },
          ]}
          onChange={(v) => set(t.cmdEditRule, { ...table, hitPolicy: v as Table['hitPolicy'] })}
        />
        {table.hitPolicy === 'UNIQUE' && (
          <StepSelect
            label={t.onError}
            hint={t.onErrorHint}
            value={step.onError}
            exclude={id}
            onChange={(v) => update(t.cmdConnect, withKey(step, 'onError', v || undefined))}
          />
        )}
      </Section>
      <Section title={t.tableInputs}>
        <ol className="ontwerp-list">
          {table.inputs.map((input, i) => (
            <li key={i} className="ontwerp-list__item ontwerp-card">
              <div className="ontwerp-card__head">
                <strong>{inputLabel(i)}</strong>
                <ItemActions
                  index={i}
                  count={table.inputs.length}
                  name={inputLabel(i)}
                  onMove={(a, b) =>
                    set(t.cmdEditRule, {
                      ...table,
                      inputs: moveItem(table.inputs, a, b),
                      rows: table.rows.map((r) => ({ ...r, tests: moveItem(r.tests, a, b) })),
                    })
                  }
                  onRemove={() =>
                    set(t.cmdEditRule, {
                      ...table,
                      inputs: table.inputs.filter((_, j) => j !== i),
                      rows: table.rows.map((r) => ({ ...r, tests: r.tests.filter((_, j) => j !== i) })),
                    })
                  }
                />
              </div>
              <TextInput
                label={t.inputId}
                width="m"
                value={input.id}
                onCommit={(v) =>
                  set(t.cmdEditRule, {
                    ...table,
                    inputs: table.inputs.map((x, j) => (j === i ? { ...x, id: v.trim() } : x)),
                  })
                }
              />
              <TextPair
                label={t.inputLabel}
                value={input.label}
                onCommit={(v) =>
                  set(t.cmdEditRule, {
                    ...table,
                    inputs: table.inputs.map((x, j) => (j === i ? { ...x, label: v ?? '' } : x)),
                  })
                }
              />
              <FeelInput
                label={t.inputExpr}
                value={input.expr}
                onCommit={(v) =>
                  set(t.cmdEditRule, {
                    ...table,
                    inputs: table.inputs.map((x, j) => (j === i ? { ...x, expr: v } : x)),
                  })
                }
              />
            </li>
          ))}
        </ol>
        {!readOnly && (
          <button
            type="button"
            className="utrecht-button utrecht-button--secondary-action"
            onClick={() =>
              set(t.cmdEditRule, {
                ...table,
                inputs: [
                  ...table.inputs,
                  {
                    id: uniqueId(
                      'invoer',
                      table.inputs.map((x) => x.id),
                      '',
                    ),
                    label: t.newInput,
                    expr: 'true',
                  },
                ],
                rows: table.rows.map((r) => ({ ...r, tests: [...r.tests, '-'] })),
              })
            }
          >
            {t.addInput}
          </button>
        )}
      </Section>
      <Section title={t.tableRows}>
        <p className="utrecht-form-field-description ontwerp-hint">{t.tableRowsHint}</p>
        <ol className="ontwerp-list">
          {table.rows.map((row, i) => (
            <li key={i} className="ontwerp-list__item ontwerp-card">
              <div className="ontwerp-card__head">
                <strong>{t.rowN(i + 1)}</strong>
                <ItemActions
                  index={i}
                  count={table.rows.length}
                  name={t.rowN(i + 1)}
                  onMove={(a, b) => set(t.cmdEditRule, { ...table, rows: moveItem(table.rows, a, b) })}
                  onRemove={() => set(t.cmdEditRule, { ...table, rows: table.rows.filter((_, j) => j !== i) })}
                />
              </div>
              <div className="ontwerp-row">
                {table.inputs.map((_, j) => (
                  <TextInput
                    key={j}
                    label={inputLabel(j)}
                    ariaLabel={`${t.rowN(i + 1)}: ${inputLabel(j)}`}
                    width="s"
                    value={row.tests[j] ?? '-'}
                    validate={(v) => {
                      const d = checkUnaryTest(v);
                      return d ? t.feelSyntaxAt(d.from + 1) : null;
                    }}
                    onCommit={(v) =>
                      set(t.cmdEditRule, {
                        ...table,
                        rows: table.rows.map((r, k) =>
                          k === i
                            ? {
                                ...r,
                                tests: table.inputs.map((__, m) => (m === j ? v.trim() || '-' : (r.tests[m] ?? '-'))),
                              }
                            : r,
                        ),
                      })
                    }
                  />
                ))}
              </div>
              <StepSelect
                label={t.goTo}
                value={row.goto}
                exclude={id}
                onChange={(v) =>
                  set(t.cmdConnect, { ...table, rows: table.rows.map((r, k) => (k === i ? { ...r, goto: v } : r)) })
                }
              />
              <TextPair
                label={t.because}
                multiline
                placeholders
                value={row.because}
                onCommit={(v) =>
                  set(t.cmdEditRule, {
                    ...table,
                    rows: table.rows.map((r, k) => (k === i ? { ...r, because: v ?? '' } : r)),
                  })
                }
              />
            </li>
          ))}
        </ol>
        {!readOnly && (
          <button
            type="button"
            className="utrecht-button utrecht-button--secondary-action"
            onClick={() =>
              set(t.cmdAddRule, {
                ...table,
                rows: [...table.rows, { tests: table.inputs.map(() => '-'), goto: '', because: t.newBecause }],
              })
            }
          >
            {t.addRow}
          </button>
        )}
      </Section>
    </>
  );
}
