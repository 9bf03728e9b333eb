import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { asLang } from '../runtime/i18n/index.js';
import { ApiError, createApi, ok, type Api } from './api/index.js';
import type { Lang } from './messages.js';
import type { Session } from './types.js';

export type SessionState =
  | { state: 'loading' }
  | { state: 'signed-out'; reason?: 'ended' }
  | { state: 'signed-in'; session: Session }
  | { state: 'error'; message: string };

/** The language from `?lang=`, else the last choice (kept per app under `storageKey`), else Dutch. */
export function initialLang(storageKey: string, search = location.search): Lang {
  const q = new URLSearchParams(search).get('lang');
  if (q === 'en' || q === 'nl') return q;
  try {
    return asLang(localStorage.getItem(storageKey));
  } catch {
    return 'nl';
  }
}

/** The chosen language: the page's `lang` follows it, and the choice is kept for the next visit. */
export function useLang(storageKey: string): [Lang, () => void] {
  const [lang, setLang] = useState<Lang>(() => initialLang(storageKey));
  useEffect(() => {
    document.documentElement.lang = lang;
    try {
      localStorage.setItem(storageKey, lang);
    } catch {
      // private mode: the choice lasts this page only
    }
  }, [lang, storageKey]);
  return [lang, () => setLang((l) => (l === 'nl' ? 'en' : 'nl'))];
}

/**
 * The session: loaded once, then signed in, signed out (`ended` when the
 * server said 401 mid-work) or failed. The API client it makes sends the
 * session's CSRF token on every change and asks in the chosen language.
 */
export function useSession(lang: Lang) {
  const [session, setSession] = useState<SessionState>({ state: 'loading' });
  const csrf = useRef<string | null>(null);
  const langRef = useRef(lang);
  langRef.current = lang;

  const api: Api = useMemo(
    () =>
      createApi({
        csrf: () => csrf.current,
        lang: () => langRef.current,
        onUnauthorized: () => {
          csrf.current = null;
          setSession({ state: 'signed-out', reason: 'ended' });
        },
      }),
    [],
  );

  const signedIn = useCallback((s: Session) => {
    csrf.current = s.csrf;
    setSession({ state: 'signed-in', session: s });
  }, []);

  const load = useCallback(() => {
    setSession({ state: 'loading' });
    ok(api.GET('/api/session')).then(
      (s) => {
        if (s.user && s.csrf) signedIn({ user: s.user, csrf: s.csrf, can: s.can });
        else setSession({ state: 'signed-out' });
      },
      (error: unknown) => {
        if (error instanceof ApiError && (error.status === 401 || error.status === 403))
          setSession({ state: 'signed-out' });
        else setSession({ state: 'error', message: error instanceof Error ? error.message : String(error) });
      },
    );
  }, [api, signedIn]);
  useEffect(load, [load]);

  const signOut = useCallback(async () => {
    try {
      await ok(api.POST('/api/session/end'));
    } catch {
      // signed out anyway, as far as this page is concerned
    }
    csrf.current = null;
    setSession({ state: 'signed-out' });
  }, [api]);

  return { session, api, signedIn, reload: load, signOut };
}
