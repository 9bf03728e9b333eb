import type { DecisionStep } from '../../runtime/model/index.js';
import { useDesigner } from '../context.js';
import { useEditor } from '../editor/editor-context.js';
import { FeelInput } from '../monaco/FeelInput.js';
import { ItemActions, Section, StepSelect, TextPair } from './controls.js';
import { DecisionTable } from './DecisionTable.js';
import { defineStepEditor } from './step-editor.js';
import { moveItem } from './text-pair.js';

type Rule = DecisionStep['rules'][number];

/** A decision: rules in order (the first that holds wins), each with where it goes and why, and "otherwise". */
function DecisionEditor({
  id,
  step,
  update,
}: {
  id: string;
  step: DecisionStep;
  update(label: string, next: DecisionStep): void;
}) {
  const { t } = useDesigner();
  const { readOnly } = useEditor();
  const setRules = (label: string, rules: Rule[]) => update(label, { ...step, rules });
  const setRule = (i: number, rule: Rule) =>
    setRules(
      t.cmdEditRule,
      step.rules.map((r, j) => (j === i ? rule : r)),
    );
  const otherwise = <Otherwise id={id} step={step} update={update} />;
  if (step.table) {
    return (
      <>
        <DecisionTable id={id} step={step} update={update} />
        {otherwise}
      </>
    );
  }
  return (
    <>
      <Section title={t.rules}>
        <p className="utrecht-form-field-description ontwerp-hint">{t.rulesHint}</p>
        <ol className="ontwerp-list">
          {step.rules.map((r, i) => (
            <li key={i} className="ontwerp-list__item ontwerp-card" aria-label={t.ruleN(i + 1)}>
              <div className="ontwerp-card__head">
                <strong>{t.ruleN(i + 1)}</strong>
                <ItemActions
                  index={i}
                  count={step.rules.length}
                  name={t.ruleN(i + 1)}
                  onMove={(a, b) => setRules(t.cmdEditRule, moveItem(step.rules, a, b))}
                  onRemove={() =>
                    setRules(
                      t.cmdRemoveRule,
                      step.rules.filter((_, j) => j !== i),
                    )
                  }
                />
              </div>
              <FeelInput label={t.ruleWhen(i + 1)} value={r.when} onCommit={(v) => setRule(i, { ...r, when: v })} />
              <StepSelect
                label={t.ruleGoto(i + 1)}
                value={r.goto}
                exclude={id}
                onChange={(v) => setRule(i, { ...r, goto: v })}
              />
              <TextPair
                label={t.ruleBecause(i + 1)}
                multiline
                placeholders
                value={r.because}
                onCommit={(v) => setRule(i, { ...r, because: v ?? '' })}
              />
            </li>
          ))}
        </ol>
        {!readOnly && (
          <div className="utrecht-button-group ontwerp-button-row">
            <button
              type="button"
              className="utrecht-button utrecht-button--secondary-action"
              onClick={() => setRules(t.cmdAddRule, [...step.rules, { when: 'true', goto: '', because: t.newBecause }])}
            >
              {t.addRule}
            </button>
            {step.rules.length === 0 && (
              <button
                type="button"
                className="utrecht-button utrecht-button--secondary-action"
                onClick={() =>
                  update(t.cmdEditRule, {
                    ...step,
                    table: {
                      hitPolicy: 'UNIQUE',
                      inputs: [{ id: 'invoer1', label: t.newInput, expr: 'true' }],
                      rows: [],
                    },
                  })
                }
              >
                {t.useTable}
              </button>
            )}
          </div>
        )}
      </Section>
      {otherwise}
    </>
  );
}

function Otherwise({
  id,
  step,
  update,
}: {
  id: string;
  step: DecisionStep;
  update(label: string, next: DecisionStep): void;
}) {
  const { t } = useDesigner();
  const { readOnly } = useEditor();
  return (
    <>
      <Section title={t.otherwise}>
        {step.otherwise ? (
          <>
            <StepSelect
              label={t.otherwiseGoto}
              value={step.otherwise.goto}
              exclude={id}
              onChange={(v) => update(t.cmdConnect, { ...step, otherwise: { ...step.otherwise!, goto: v } })}
            />
            <TextPair
              label={t.otherwiseBecause}
              multiline
              placeholders
              value={step.otherwise.because}
              onCommit={(v) => update(t.cmdEdit, { ...step, otherwise: { ...step.otherwise!, because: v ?? '' } })}
            />
          </>
        ) : (
          <>
            <p className="utrecht-form-field-description ontwerp-hint">{t.noOtherwise}</p>
            {!readOnly && (
              <button
                type="button"
                className="utrecht-button utrecht-button--secondary-action"
                onClick={() => update(t.cmdEdit, { ...step, otherwise: { goto: '', because: t.newOtherwiseBecause } })}
              >
                {t.addOtherwise}
              </button>
            )}
          </>
        )}
      </Section>
    </>
  );
}

export const decisionEditor = defineStepEditor<DecisionStep>('decision', DecisionEditor);
