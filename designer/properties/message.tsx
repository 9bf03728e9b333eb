import type { MessageStep } from '../../runtime/model/index.js';
import { useDesigner } from '../context.js';
import { Section, StepSelect, TextPair } from './controls.js';
import { defineStepEditor } from './step-editor.js';

/** A message to the citizen: subject and text with `{{field}}` placeholders, then the next step. */
function MessageEditor({
  id,
  step,
  update,
}: {
  id: string;
  step: MessageStep;
  update(label: string, next: MessageStep): void;
}) {
  const { t } = useDesigner();
  return (
    <>
      <Section title={t.messageSection}>
        <TextPair
          label={t.subject}
          value={step.subject}
          placeholders
          onCommit={(v) => update(t.cmdEdit, { ...step, subject: v ?? '' })}
        />
        <TextPair
          label={t.body}
          multiline
          placeholders
          hint={t.placeholderHint}
          value={step.body}
          onCommit={(v) => update(t.cmdEdit, { ...step, body: v ?? '' })}
        />
      </Section>
      <Section title={t.next}>
        <StepSelect
          label={t.nextStep}
          value={step.next}
          exclude={id}
          onChange={(v) => update(t.cmdConnect, { ...step, next: v })}
        />
      </Section>
    </>
  );
}

export const messageEditor = defineStepEditor<MessageStep>('message', MessageEditor);
