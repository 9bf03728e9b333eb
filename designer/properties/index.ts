import type { Step } from '../../runtime/model/index.js';
import { decisionEditor } from './decision.js';
import { endEditor } from './end.js';
import { formEditor } from './form.js';
import { handoffEditor } from './handoff.js';
import { messageEditor } from './message.js';
import type { StepEditor } from './step-editor.js';
import { waitEditor } from './wait.js';

/** Every kind's properties editor, registered once: nothing else switches on the kind. */
export const stepEditors: ReadonlyMap<Step['kind'], StepEditor> = new Map(
  ([formEditor, decisionEditor, handoffEditor, waitEditor, messageEditor, endEditor] as unknown as StepEditor[]).map((e) => [e.kind, e]),
);
