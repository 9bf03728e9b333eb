import { createAppContext } from '../browser/context.js';
import type { ShellContext } from '../browser/Shell.js';
import type { Lang, Messages } from './messages.js';

/** What every page needs: who is signed in, the API and the words. */
export type Designer = ShellContext & { lang: Lang; t: Messages };

export const [DesignerContext, useDesigner] = createAppContext<Designer>('useDesigner');
