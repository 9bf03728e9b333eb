import type { WaitStep } from '../../runtime/model/index.js';
import { useDesigner } from '../context.js';
import { Section, Select, StepSelect, TextInput } from './controls.js';
import { FieldList } from './FieldList.js';
import { defineStepEditor } from './step-editor.js';
import { withKey } from './text-pair.js';

/** A wait: for a time, or for a signal from outside (with the facts it brings and a timeout). */
function WaitEditor({ id, step, update }: { id: string; step: WaitStep; update(label: string, next: WaitStep): void }) {
  const { t } = useDesigner();
  const mode = step.signal !== undefined ? 'signal' : 'timer';
  const setMode = (m: string) => {
    const { for: _f, signal: _s, timeout: _t, fields: _x, ...rest } = step;
    update(t.cmdEdit, m === 'signal' ? { ...rest, signal: 'register.antwoord' } : { ...rest, for: step.for ?? 'P1D' });
  };
  return (
    <>
      <Section title={t.waitFor}>
        <Select
          label={t.waitTrigger}
          value={mode}
          options={[
            { value: 'timer', label: t.waitTimer },
            { value: 'signal', label: t.waitSignal },
          ]}
          onChange={setMode}
        />
        {mode === 'timer' && (
          <TextInput
            label={t.duration}
            hint={t.durationHint}
            width="s"
            value={step.for ?? ''}
            onCommit={(v) => update(t.cmdEdit, withKey(step, 'for', v.trim() || undefined))}
          />
        )}
        {mode === 'signal' && (
          <TextInput
            label={t.signalName}
            hint={t.signalHint}
            width="m"
            value={step.signal ?? ''}
            onCommit={(v) => update(t.cmdEdit, { ...step, signal: v.trim() })}
          />
        )}
        <StepSelect
          label={mode === 'signal' ? t.afterSignal : t.afterTimer}
          value={step.then}
          exclude={id}
          onChange={(v) => update(t.cmdConnect, { ...step, then: v })}
        />
      </Section>
      {mode === 'signal' && (
        <>
          <Section title={t.timeout}>
            <TextInput
              label={t.timeoutAfter}
              hint={t.durationHint}
              width="s"
              value={step.timeout?.after ?? ''}
              onCommit={(v) =>
                update(
                  t.cmdEdit,
                  withKey(step, 'timeout', v.trim() ? { after: v.trim(), goto: step.timeout?.goto ?? '' } : undefined),
                )
              }
            />
            {step.timeout && (
              <StepSelect
                label={t.timeoutGoto}
                value={step.timeout.goto}
                exclude={id}
                onChange={(v) => update(t.cmdConnect, { ...step, timeout: { ...step.timeout!, goto: v } })}
              />
            )}
          </Section>
          <Section title={t.signalFacts}>
            <FieldList
              title={t.signalFacts}
              fields={step.fields ?? []}
              onChange={(label, fields) => update(label, withKey(step, 'fields', fields.length ? fields : undefined))}
            />
          </Section>
        </>
      )}
    </>
  );
}

export const waitEditor = defineStepEditor<WaitStep>('wait', WaitEditor);
