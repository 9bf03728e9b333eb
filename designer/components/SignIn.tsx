import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ApiError, type Api } from '../api.js';
import type { Messages } from '../messages.js';
import type { Session } from '../types.js';

type Props = { api: Api; t: Messages; ended: boolean; onSignedIn(session: Session): void };

/** Sign-in for designers: name and password, a session cookie in return. */
export function SignIn({ api, t, ended, onSignedIn }: Props) {
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const alert = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    document.title = `${error ? `${t.errorPrefix} ` : ''}${t.signInTitle} – ${t.appName}`;
  }, [error, t]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    if (!name.trim() || !password) {
      setError(t.fillInBoth);
      return requestAnimationFrame(() => alert.current?.focus());
    }
    setBusy(true);
    setError(null);
    try {
      const res = await api.post<Session>('/api/session', { name: name.trim(), password });
      onSignedIn(res.body);
    } catch (err) {
      setPassword('');
      setError(err instanceof ApiError && (err.code === 'invalid-credentials' || err.status === 401) ? t.invalidCredentials : t.somethingWrong((err as Error).message));
      requestAnimationFrame(() => alert.current?.focus());
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="ontwerp-page ontwerp-narrow">
      <h1>{t.signInTitle}</h1>
      {ended && !error && <p className="ontwerp-notice" role="status">{t.sessionEnded}</p>}
      {error && <p className="ontwerp-error" role="alert" tabIndex={-1} ref={alert}>{error}</p>}
      <p>{t.signInIntro}</p>
      <form className="ontwerp-form" onSubmit={submit} noValidate>
        <label className="ontwerp-label">{t.name}
          <input autoComplete="username" spellCheck={false} value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <label className="ontwerp-label">{t.password}
          <input type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />
        </label>
        <div><button type="submit" className="ontwerp-button ontwerp-button--primary" aria-disabled={busy || undefined}>{t.signIn}</button></div>
      </form>
    </div>
  );
}
