import type { Trigger } from '../../runtime/model/index.js';
import { useDesigner } from '../context.js';
import { useEditor } from '../editor/editor-context.js';
import { FeelInput } from '../monaco/FeelInput.js';
import { ItemActions, RadioGroup, Section, StepSelect, TextInput, TextPair } from './controls.js';
import { FieldList } from './FieldList.js';
import {
  addTrigger,
  isSignalName,
  moveTrigger,
  removeTrigger,
  triggerProblems,
  updateTrigger,
  withCondition,
  withFacts,
} from './triggers.js';

/**
 * The process's triggers (proactive starts): when a signal about a subject
 * meets the condition, a case starts at the start step with the signal's
 * data as facts; offer (the citizen confirms or declines) or grant (the case
 * decides on its own). Add, reorder, remove, and edit each.
 */
export function TriggerList() {
  const { t } = useDesigner();
  const { def, edit, readOnly, problems } = useEditor();
  const triggers = def.triggers ?? [];
  const set = (i: number, label: string, next: Trigger) => edit(label, updateTrigger(def, i, next));
  return (
    <Section title={t.triggers}>
      <p className="utrecht-form-field-description ontwerp-hint">{t.triggersHint}</p>
      {triggers.length === 0 && <p className="utrecht-form-field-description ontwerp-hint">{t.noTriggers}</p>}
      <ol className="ontwerp-list">
        {triggers.map((trigger, i) => {
          const n = i + 1;
          const own = triggerProblems(problems, i);
          return (
            <li key={i} className="ontwerp-list__item ontwerp-card" aria-label={t.triggerN(n)} data-trigger={i}>
              <div className="ontwerp-card__head">
                <strong>{t.triggerN(n)}</strong>
                <ItemActions
                  index={i}
                  count={triggers.length}
                  name={t.triggerN(n)}
                  onMove={(a, b) => edit(t.cmdMoveTrigger, moveTrigger(def, a, b))}
                  onRemove={() => edit(t.cmdRemoveTrigger, removeTrigger(def, i))}
                />
              </div>
              <TextInput
                label={t.triggerSignal(n)}
                hint={t.signalHint}
                width="m"
                value={trigger.signal}
                validate={(v) => (isSignalName(v.trim()) ? null : t.signalNameInvalid)}
                onCommit={(v) => set(i, t.cmdEditTrigger, { ...trigger, signal: v.trim() })}
              />
              <FeelInput
                label={t.triggerWhen(n)}
                hint={t.triggerWhenHint}
                value={trigger.when ?? ''}
                readOnly={readOnly}
                checkNames={false}
                onCommit={(v) => set(i, t.cmdEditTrigger, withCondition(trigger, v))}
              />
              <p className="utrecht-form-label ontwerp-label-text">{t.triggerFacts(n)}</p>
              <p className="utrecht-form-field-description ontwerp-hint">{t.triggerFactsHint}</p>
              <FieldList
                title={t.triggerFacts(n)}
                fields={trigger.facts ?? []}
                onChange={(label, facts) => set(i, label, withFacts(trigger, facts))}
              />
              <RadioGroup
                label={t.triggerMode(n)}
                value={trigger.mode}
                onChange={(v) => set(i, t.cmdEditTrigger, { ...trigger, mode: v as Trigger['mode'] })}
                options={[
                  { value: 'offer', label: t.modeOffer, hint: t.modeOfferHint },
                  { value: 'grant', label: t.modeGrant, hint: t.modeGrantHint },
                ]}
              />
              <StepSelect
                label={t.triggerStart(n)}
                value={trigger.start}
                allowEmpty={false}
                onChange={(v) => set(i, t.cmdConnect, { ...trigger, start: v })}
              />
              <TextPair
                label={t.triggerBecause(n)}
                hint={t.triggerBecauseHint}
                multiline
                value={trigger.because}
                onCommit={(v) => set(i, t.cmdEditTrigger, { ...trigger, because: v ?? '' })}
              />
              {own.length > 0 && (
                <ul className="ontwerp-problems-inline">
                  {own.map((p, k) => (
                    <li key={k}>
                      <code>{p.code}</code> {p.message}
                    </li>
                  ))}
                </ul>
              )}
            </li>
          );
        })}
      </ol>
      {!readOnly && (
        <button
          type="button"
          className="utrecht-button utrecht-button--secondary-action"
          onClick={() => edit(t.cmdAddTrigger, addTrigger(def, t.newTriggerBecause))}
        >
          {t.addTrigger}
        </button>
      )}
    </Section>
  );
}
