import { createContext, useContext } from 'react';
import type { KnownTeams, Problem, Process } from '../../runtime/model/index.js';
import type { CommandStack } from '../model/commands.js';

/** A known field of the process, for completion and placeholders. */
export type KnownField = { id: string; label: string; step: string; type: string };

/** What the parts of the editor share: the definition, how to change it, what is selected. */
export type Editor = {
  processKey: string;
  /** The published version shown (read-only), or undefined for the draft. */
  version?: number;
  def: Process;
  /** Every change of the definition goes through here: one command on the stack. */
  edit(label: string, next: Process): void;
  stack: CommandStack | null;
  readOnly: boolean;
  problems: Problem[];
  fields: KnownField[];
  /** The organisation's teams with their number of officials (GET /api/teams), or null while unknown. */
  teams: KnownTeams | null;
  selection: string[];
  select(ids: string[], opts?: { focus?: boolean }): void;
  /** Saves the draft now if it has unsaved changes (before a preview or publishing). */
  flush(): Promise<void>;
};

export const EditorContext = createContext<Editor | null>(null);

export function useEditor(): Editor {
  const e = useContext(EditorContext);
  if (!e) throw new Error('useEditor() outside <EditorContext.Provider>: render it inside <EditorPage>.');
  return e;
}
