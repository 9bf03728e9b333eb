import { createContext, useContext } from 'react';
import type { Api } from './api.js';
import type { Lang, Messages } from './messages.js';
import type { User } from './types.js';

/** What every page needs: who is signed in, the API and the words. */
export type Designer = { user: User; api: Api; lang: Lang; t: Messages };

export const DesignerContext = createContext<Designer | null>(null);

export function useDesigner(): Designer {
  const d = useContext(DesignerContext);
  if (!d) throw new Error('useDesigner() outside <DesignerContext.Provider>: render pages inside <App>.');
  return d;
}
