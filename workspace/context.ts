import { createContext, useContext } from 'react';
import type { Api } from './api.js';
import type { Lang, Messages } from './messages.js';
import type { User } from './types.js';

/** A message shown once on the next page (after a navigation). */
export type Flash = { kind: 'success' | 'info' | 'error'; text: string };

/** What every page needs: who is signed in, the API, the words, and a way to pass a message on. */
export type Workspace = {
  user: User;
  api: Api;
  lang: Lang;
  t: Messages;
  flash: Flash | null;
  setFlash(flash: Flash | null): void;
};

export const WorkspaceContext = createContext<Workspace | null>(null);

export function useWorkspace(): Workspace {
  const ws = useContext(WorkspaceContext);
  if (!ws) throw new Error('useWorkspace() outside <WorkspaceContext.Provider>: render pages inside <App>.');
  return ws;
}
