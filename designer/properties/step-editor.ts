import type { ComponentType } from 'react';
import type { Step } from '../../runtime/model/index.js';

/** What a kind's properties editor gets: its step and a way to change it (one command). */
export type StepEditorProps<S extends Step = Step> = { id: string; step: S; update(label: string, next: S): void };

/** One kind's editor, registered once with the kind's other designer parts in designer/kinds.ts. */
export type StepEditor<S extends Step = Step> = { kind: S['kind']; Editor: ComponentType<StepEditorProps<S>> };

export const defineStepEditor = <S extends Step>(
  kind: S['kind'],
  Editor: ComponentType<StepEditorProps<S>>,
): StepEditor<S> => ({ kind, Editor });
