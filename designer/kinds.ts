import type { ComponentType } from 'react';
import type { Step, StepKindName } from '../runtime/model/index.js';
import { decisionEditor } from './properties/decision.js';
import { endEditor } from './properties/end.js';
import { formEditor } from './properties/form.js';
import { handoffEditor } from './properties/handoff.js';
import { messageEditor } from './properties/message.js';
import type { StepEditorProps } from './properties/step-editor.js';
import { waitEditor } from './properties/wait.js';

/**
 * The designer's part of a step kind: its properties editor and its canvas
 * icon (a 24×24 line path, stroke in currentColor: a form, a fork, a person, a
 * clock, an envelope, a flag). The kind's label and help are in messages.ts
 * (`kinds`, `kindHelp`), typed by kind. Everything pure about a kind (defaults,
 * slots, the facts its node shows) is its descriptor in runtime/model/steps.
 */
type DesignerKind<S> = {
  Editor: ComponentType<StepEditorProps<S & Step>>;
  icon: string;
};

const parts = {
  form: {
    Editor: formEditor.Editor,
    icon: 'M6 3h9l3 3v15H6z M9 9h6 M9 13h6 M9 17h4',
  },
  decision: {
    Editor: decisionEditor.Editor,
    icon: 'M12 3l9 9-9 9-9-9z M12 8v5 M12 16v.5',
  },
  handoff: {
    Editor: handoffEditor.Editor,
    icon: 'M12 11a4 4 0 1 0 0-8 4 4 0 0 0 0 8z M4 21c0-4 3.6-7 8-7s8 3 8 7',
  },
  wait: {
    Editor: waitEditor.Editor,
    icon: 'M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18z M12 7v5l3 2',
  },
  message: {
    Editor: messageEditor.Editor,
    icon: 'M3 6h18v12H3z M3 6l9 7 9-7',
  },
  end: {
    Editor: endEditor.Editor,
    icon: 'M5 21V4 M5 4h12l-2 4 2 4H5',
  },
} satisfies { [K in StepKindName]: DesignerKind<Extract<Step, { kind: K }>> };

/** Every step kind's designer part, registered once (exhaustive: a new kind that is not here does not compile). */
// The per-kind types above check each entry; the registry is read with the step of the same kind.
export const designerKinds: Record<StepKindName, DesignerKind<any>> = parts;
