import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ApiError, createApi } from './api.js';
import { Header } from './components/Header.js';
import { Notice } from './components/Notice.js';
import { PageHeading } from './components/PageHeading.js';
import { QueuePage } from './components/QueuePage.js';
import { SignIn } from './components/SignIn.js';
import { TaskPage } from './components/TaskPage.js';
import { WorkspaceContext, type Flash, type Workspace } from './context.js';
import { asLang } from '../runtime/i18n/index.js';
import { catalogue, type Lang } from './messages.js';
import { BASE, Link, route, useLocation } from './router.js';
import type { Session } from './types.js';

const LANG_KEY = 'omslag.werkplek.lang';
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

/** The workspace: the session, the language, and the page for the current path. */
export function App() {
  const [lang, setLang] = useState<Lang>(initialLang);
  const [session, setSession] = useState<SessionState>({ state: 'loading' });
  const [flash, setFlash] = useState<Flash | null>(null);
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
      if (error instanceof ApiError && error.status === 401) setSession({ state: 'signed-out' });
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
    setFlash(null);
    setSession({ state: 'signed-out' });
  };

  const { path } = useLocation();
  const switchLang = () => setLang(lang === 'nl' ? 'en' : 'nl');
  const user = session.state === 'signed-in' ? session.session.user : null;
  const ws: Workspace | null = user ? { user, api, lang, t, flash, setFlash } : null;

  let main;
  if (session.state === 'loading') main = <p className="utrecht-paragraph" role="status">{t.loading}</p>;
  else if (session.state === 'error') main = <Notice flash={{ kind: 'error', text: t.somethingWrong(session.message) }} action={{ label: t.retry, onClick: loadSession }} />;
  else if (session.state === 'signed-out') main = <SignIn api={api} t={t} ended={session.reason === 'ended'} onSignedIn={signedIn} />;
  else {
    const r = route(path);
    main = r.page === 'task' ? <TaskPage key={r.taskId} taskId={r.taskId} />
      : r.page === 'queue' ? <QueuePage />
      : (
        <>
          <PageHeading title={t.pageNotFound} appName={t.appName}>{t.pageNotFound}</PageHeading>
          <p className="utrecht-paragraph"><Link className="utrecht-link" to={`${BASE}/`}>{t.backToQueue}</Link></p>
        </>
      );
  }

  return (
    <>
      <a className="werkplek-skip utrecht-link" href="#inhoud">{t.skip}</a>
      <Header t={t} user={user} onSwitchLang={switchLang} onSignOut={signOut} />
      <main id="inhoud" className="werkplek-main" tabIndex={-1}>
        {ws ? <WorkspaceContext.Provider value={ws}>{main}</WorkspaceContext.Provider> : main}
      </main>
    </>
  );
}
