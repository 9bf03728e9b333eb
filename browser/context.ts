import { createContext, useContext, type Context } from 'react';

/**
 * A context for what every page of an app needs (who is signed in, the API,
 * the words), with a hook that says how to fix a page rendered outside it.
 */
export function createAppContext<T>(hook: string): [Context<T | null>, () => T] {
  const context = createContext<T | null>(null);
  const use = (): T => {
    const value = useContext(context);
    if (!value) throw new Error(`${hook}() outside its context provider: render pages inside <App>.`);
    return value;
  };
  return [context, use];
}
