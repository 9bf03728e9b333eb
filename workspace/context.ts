import { createAppContext } from '../browser/context.js';
import type { ShellContext } from '../browser/Shell.js';
import type { Flash } from '../browser/ui/Notice.js';
import type { Lang, Messages } from './messages.js';

export type { Flash };

/** What every page needs: who is signed in, the API, the words, and a way to pass a message on. */
export type Workspace = ShellContext & {
  lang: Lang;
  t: Messages;
  flash: Flash | null;
  setFlash(flash: Flash | null): void;
};

export const [WorkspaceContext, useWorkspace] = createAppContext<Workspace>('useWorkspace');
