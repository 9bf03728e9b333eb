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

  /**
   * Ends the session; one that came from the organisation's provider is then
   * ended there too: the browser goes to the provider's sign-out page, which
   * sends it back to `home` (the app's first page).
   */
  const signOut = useCallback(
    async (home: string) => {
      let endSessionUrl: string | null = null;
      try {
        ({ endSessionUrl } = await ok(api.POST('/api/session/end', { params: { query: { terug: home } } })));
      } catch {
        // signed out anyway, as far as this page is concerned
      }
      csrf.current = null;
      setSession({ state: 'signed-out' });
      if (endSessionUrl) location.assign(endSessionUrl);
    },
    [api],
  );

  return { session, api, signedIn, reload: load, signOut };
}

/** How staff sign in here (GET /api/session/providers); null until known or when it cannot be asked. */
export type Providers = { staff: boolean; devSignIn: boolean };

/** The server's sign-in providers, asked once: the sign-in page's provider button and the stand-in banner follow it. */
export function useProviders(api: Api): Providers | null {
  const [providers, setProviders] = useState<Providers | null>(null);
  useEffect(() => {
    let live = true;
    ok(api.GET('/api/session/providers')).then(
      (p) => live && setProviders(p),
      () => {
        // Without the answer: the password form only, no banner (the server's own pages still say it).
      },
    );
    return () => {
      live = false;
    };
  }, [api]);
  return providers;
}
