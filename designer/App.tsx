import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ApiError, createApi } from './api.js';
import { Header } from './components/Header.js';
import { ProcessList } from './components/ProcessList.js';
import { SignIn } from './components/SignIn.js';
import { DesignerContext, type Designer } from './context.js';
import { EditorPage } from './editor/EditorPage.js';
import { asLang } from '../runtime/i18n/index.js';
import { catalogue, type Lang } from './messages.js';
import { BASE, Link, route, useLocation } from './router.js';
import type { Session } from './types.js';

const LANG_KEY = 'omslag.ontwerp.lang';
const initialLang = (): Lang => {
  const q = new URLSearchParams(location.search).get('lang');
  if (q === 'en' || q === 'nl') return q;
  try {
    return asLang(localStorage.getItem(LANG_KEY));
  } catch {
    return 'nl';
  }
};

type SessionState = { state: 'loading' } | { state: 'signed-out'; reason?: 'ended' } | { state: 'signed-in'; session: Session } | { state: 'error'; message: string };

/** The designer: the session, the language, and the page for the current path. */
export function App() {
  const [lang, setLang] = useState<Lang>(initialLang);
  const [session, setSession] = useState<SessionState>({ state: 'loading' });
  const csrf = useRef<string | null>(null);
  const langRef = useRef(lang);
  langRef.current = lang;
  const t = catalogue[lang];

  const api = useMemo(() => createApi({
    csrf: () => csrf.current,
    lang: () => langRef.current,
    onUnauthorized: () => {
      csrf.current = null;
      setSession({ state: 'signed-out', reason: 'ended' });
    },
  }), []);

  const signedIn = useCallback((s: Session) => {
    csrf.current = s.csrf;
    setSession({ state: 'signed-in', session: s });
  }, []);

  const loadSession = useCallback(() => {
    setSession({ state: 'loading' });
    api.get<Session>('/api/session').then((r) => signedIn(r.body), (error: unknown) => {
      if (error instanceof ApiError && (error.status === 401 || error.status === 403)) setSession({ state: 'signed-out' });
      else setSession({ state: 'error', message: error instanceof Error ? error.message : String(error) });
    });
  }, [api, signedIn]);
  useEffect(loadSession, [loadSession]);

  useEffect(() => {
    document.documentElement.lang = lang;
    try {
      localStorage.setItem(LANG_KEY, lang);
    } catch {
      // private mode: the choice lasts this page only
    }
  }, [lang]);

  const signOut = async () => {
    try {
      await api.post('/api/session/end');
    } catch {
      // signed out anyway, as far as this page is concerned
    }
    csrf.current = null;
    setSession({ state: 'signed-out' });
  };

  const { path } = useLocation();
  const user = session.state === 'signed-in' ? session.session.user : null;
  const designer: Designer | null = user ? { user, api, lang, t } : null;

  let main;
  if (session.state === 'loading') main = <p role="status">{t.loading}</p>;
  else if (session.state === 'error') main = <p role="alert">{t.somethingWrong(session.message)} <button type="button" onClick={loadSession}>{t.retry}</button></p>;
  else if (session.state === 'signed-out') main = <SignIn api={api} t={t} ended={session.reason === 'ended'} onSignedIn={signedIn} />;
  // Who may design is the server's answer (GET /api/session `can`, runtime/auth's canDesign), not a rule of its own.
  else if (!session.session.can.design) main = <p role="alert" className="ontwerp-page">{t.notADesigner}</p>;
  else {
    const r = route(path);
    main = r.page === 'process' ? <EditorPage key={r.key} processKey={r.key} />
      : r.page === 'version' ? <EditorPage key={`${r.key}@${r.version}`} processKey={r.key} version={r.version} />
      : r.page === 'list' ? <ProcessList />
      : (
        <div className="ontwerp-page">
          <h1>{t.pageNotFound}</h1>
          <p><Link to={`${BASE}/`}>{t.backToList}</Link></p>
        </div>
      );
  }

  return (
    <div className="ontwerp-app">
      <a className="ontwerp-skip" href="#inhoud">{t.skip}</a>
      <Header t={t} user={user} onSwitchLang={() => setLang(lang === 'nl' ? 'en' : 'nl')} onSignOut={signOut} />
      <main id="inhoud" className="ontwerp-main" tabIndex={-1}>
        {designer ? <DesignerContext.Provider value={designer}>{main}</DesignerContext.Provider> : main}
      </main>
    </div>
  );
}
