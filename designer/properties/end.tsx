import type { EndStep } from '../../runtime/model/index.js';
import { useDesigner } from '../context.js';
import { Section, Select, TextInput, TextPair } from './controls.js';
import { defineStepEditor } from './step-editor.js';

const OUTCOMES = ['granted', 'rejected', 'withdrawn', 'completed'];

/** An end: the outcome (a standard word or the team's own) and the message the citizen reads. */
function EndEditor({ step, update }: { id: string; step: EndStep; update(label: string, next: EndStep): void }) {
  const { t } = useDesigner();
  const own = !OUTCOMES.includes(step.outcome);
  return (
    <Section title={t.outcome}>
      <Select
        label={t.outcome}
        value={own ? 'own' : step.outcome}
        options={[
          ...OUTCOMES.map((o) => ({ value: o, label: t.outcomes4[o as keyof typeof t.outcomes4] })),
          { value: 'own', label: t.ownOutcome },
        ]}
        onChange={(v) => update(t.cmdEdit, { ...step, outcome: v === 'own' ? 'afgehandeld' : v })}
      />
      {own && (
        <TextInput
          label={t.ownOutcomeWord}
          hint={t.ownOutcomeHint}
          width="m"
          value={step.outcome}
          onCommit={(v) => update(t.cmdEdit, { ...step, outcome: v.trim() })}
        />
      )}
      <TextPair
        label={t.endMessage}
        multiline
        placeholders
        hint={t.placeholderHint}
        value={step.message}
        onCommit={(v) => update(t.cmdEdit, { ...step, message: v ?? '' })}
      />
    </Section>
  );
}

export const endEditor = defineStepEditor<EndStep>('end', EndEditor);
