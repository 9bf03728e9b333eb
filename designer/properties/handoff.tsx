import { t as text, type HandoffStep } from '../../runtime/model/index.js';
import { useDesigner } from '../context.js';
import { useEditor } from '../editor/editor-context.js';
import { Check, ItemActions, Section, Select, StepSelect, TeamSelect, TextInput, TextPair } from './controls.js';
import { FieldList } from './FieldList.js';
import { defineStepEditor } from './step-editor.js';
import { moveItem, uniqueId, withKey } from './text-pair.js';

type Outcome = HandoffStep['outcomes'][number];

/** A handoff: the team, the deadline (calendar or working days), instructions, and the outcomes the official can choose. */
function HandoffEditor({
  id,
  step,
  update,
}: {
  id: string;
  step: HandoffStep;
  update(label: string, next: HandoffStep): void;
}) {
  const { t } = useDesigner();
  const { readOnly } = useEditor();
  const setOutcomes = (label: string, outcomes: Outcome[]) => update(label, { ...step, outcomes });
  const setOutcome = (i: number, label: string, o: Outcome) =>
    setOutcomes(
      label,
      step.outcomes.map((x, j) => (j === i ? o : x)),
    );
  const dueMode = step.due === undefined ? 'none' : typeof step.due === 'string' ? 'duration' : 'workingDays';
  return (
    <>
      <Section title={t.handoffTask}>
        <TeamSelect
          label={t.team}
          hint={t.teamHint}
          value={step.team}
          onChange={(v) => update(t.cmdEdit, { ...step, team: v ?? '' })}
        />
        <div className="ontwerp-row">
          <Select
            label={t.deadline}
            value={dueMode}
            options={[
              { value: 'workingDays', label: t.dueWorkingDays },
              { value: 'duration', label: t.dueDuration },
              { value: 'none', label: t.dueNone },
            ]}
            onChange={(v) =>
              update(
                t.cmdEdit,
                withKey(step, 'due', v === 'none' ? undefined : v === 'duration' ? 'P5D' : { workingDays: 5 }),
              )
            }
          />
          {dueMode === 'workingDays' && (
            <TextInput
              label={t.workingDays}
              width="s"
              value={String((step.due as { workingDays: number }).workingDays)}
              onCommit={(v) =>
                update(t.cmdEdit, { ...step, due: { workingDays: Math.max(1, Math.round(Number(v)) || 1) } })
              }
            />
          )}
          {dueMode === 'duration' && (
            <TextInput
              label={t.duration}
              hint={t.durationHint}
              width="s"
              value={step.due as string}
              onCommit={(v) => update(t.cmdEdit, { ...step, due: v.trim() })}
            />
          )}
        </div>
        <Check
          label={t.escalate}
          hint={t.escalateHint}
          checked={!!step.escalate}
          onChange={(v) => update(t.cmdEdit, withKey(step, 'escalate', v ? {} : undefined))}
        />
        {step.escalate && (
          <TeamSelect
            label={t.escalateTeam}
            optional
            value={step.escalate.team}
            onChange={(v) => update(t.cmdEdit, { ...step, escalate: withKey(step.escalate!, 'team', v) })}
          />
        )}
        <TextPair
          label={t.instructions}
          multiline
          value={step.instructions}
          onCommit={(v) => update(t.cmdEdit, withKey(step, 'instructions', v))}
        />
      </Section>
      <Section title={t.outcomes}>
        <ol className="ontwerp-list">
          {step.outcomes.map((o, i) => (
            <li key={i} className="ontwerp-list__item ontwerp-card">
              <div className="ontwerp-card__head">
                <strong>{text(o.label, 'nl') || o.id}</strong>
                <ItemActions
                  index={i}
                  count={step.outcomes.length}
                  name={text(o.label, 'nl') || o.id}
                  onMove={(a, b) => setOutcomes(t.cmdEdit, moveItem(step.outcomes, a, b))}
                  onRemove={() =>
                    setOutcomes(
                      t.cmdEdit,
                      step.outcomes.filter((_, j) => j !== i),
                    )
                  }
                />
              </div>
              <TextInput
                label={t.outcomeId}
                width="m"
                value={o.id}
                onCommit={(v) => setOutcome(i, t.cmdEdit, { ...o, id: v.trim() })}
              />
              <TextPair
                label={t.outcomeLabel}
                value={o.label}
                onCommit={(v) => setOutcome(i, t.cmdEdit, { ...o, label: v ?? '' })}
              />
              <StepSelect
                label={t.goTo}
                value={o.goto}
                exclude={id}
                onChange={(v) => setOutcome(i, t.cmdConnect, { ...o, goto: v })}
              />
              <Check
                label={t.negative}
                hint={t.negativeHint}
                checked={!!o.negative}
                onChange={(v) => setOutcome(i, t.cmdEdit, withKey(o, 'negative', v || undefined))}
              />
              <Check
                label={t.fourEyes}
                checked={!!o.fourEyes}
                onChange={(v) => setOutcome(i, t.cmdEdit, withKey(o, 'fourEyes', v || undefined))}
              />
              <details className="ontwerp-subfields">
                <summary>{t.outcomeFields(o.fields?.length ?? 0)}</summary>
                <FieldList
                  title={t.outcomeFields(o.fields?.length ?? 0)}
                  fields={o.fields ?? []}
                  onChange={(label, fields) =>
                    setOutcome(i, label, withKey(o, 'fields', fields.length ? fields : undefined))
                  }
                />
              </details>
            </li>
          ))}
        </ol>
        {!readOnly && (
          <button
            type="button"
            className="utrecht-button utrecht-button--secondary-action"
            onClick={() => {
              const oid = uniqueId(
                'uitkomst',
                step.outcomes.map((o) => o.id),
              );
              setOutcomes(t.cmdEdit, [...step.outcomes, { id: oid, label: t.newOutcome, goto: '' }]);
            }}
          >
            {t.addOutcome}
          </button>
        )}
      </Section>
    </>
  );
}

export const handoffEditor = defineStepEditor<HandoffStep>('handoff', HandoffEditor);
