import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ApiError, type Api } from '../api.js';
import type { Messages } from '../messages.js';
import type { Session } from '../types.js';
import { ErrorSummary } from './ErrorSummary.js';
import { Notice } from './Notice.js';

type Props = { api: Api; t: Messages; ended: boolean; onSignedIn(session: Session): void };

/** Sign-in for officials: name and password, a session cookie in return. */
export function SignIn({ api, t, ended, onSignedIn }: Props) {
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const summary = useRef<HTMLDivElement>(null);

  useEffect(() => {
    document.title = `${Object.keys(errors).length || failure ? `${t.errorPrefix} ` : ''}${t.signInTitle} – ${t.appName}`;
  }, [errors, failure, t]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    const missing: Record<string, string[]> = {};
    if (!name.trim()) missing.naam = [t.fillIn];
    if (!password) missing.wachtwoord = [t.fillIn];
    setErrors(missing);
    setFailure(null);
    if (Object.keys(missing).length) return requestAnimationFrame(() => summary.current?.focus());
    setBusy(true);
    try {
      const res = await api.post<Session>('/api/session', { name: name.trim(), password });
      onSignedIn(res.body);
    } catch (error) {
      setPassword('');
      setFailure(error instanceof ApiError && (error.code === 'invalid-credentials' || error.status === 401) ? t.invalidCredentials : t.somethingWrong((error as Error).message));
      requestAnimationFrame(() => summary.current?.focus());
    } finally {
      setBusy(false);
    }
  };

  const labels = { naam: t.name, wachtwoord: t.password };
  return (
    <div className="werkplek-narrow">
      <h1 className="utrecht-heading-1">{t.signInTitle}</h1>
      {ended && !failure && <Notice flash={{ kind: 'info', text: t.sessionEnded }} />}
      <ErrorSummary ref={summary} t={t} errors={errors} labels={labels} extra={failure} />
      <p className="utrecht-paragraph">{t.signInIntro}</p>
      <form className="werkplek-form" onSubmit={submit} noValidate>
        <div className="utrecht-form-field werkplek-field">
          <label className="utrecht-form-label" htmlFor="veld-naam">{t.name}</label>
          {errors.naam && <p className="utrecht-form-field-error-message" id="fout-naam">{errors.naam.join(' ')}</p>}
          <input id="veld-naam" className="utrecht-textbox utrecht-textbox--html-input werkplek-width-m" autoComplete="username" spellCheck={false}
            value={name} onChange={(e) => setName(e.target.value)} aria-invalid={errors.naam ? true : undefined} aria-describedby={errors.naam ? 'fout-naam' : undefined} />
        </div>
        <div className="utrecht-form-field werkplek-field">
          <label className="utrecht-form-label" htmlFor="veld-wachtwoord">{t.password}</label>
          {errors.wachtwoord && <p className="utrecht-form-field-error-message" id="fout-wachtwoord">{errors.wachtwoord.join(' ')}</p>}
          <input id="veld-wachtwoord" type="password" className="utrecht-textbox utrecht-textbox--html-input werkplek-width-m" autoComplete="current-password"
            value={password} onChange={(e) => setPassword(e.target.value)} aria-invalid={errors.wachtwoord ? true : undefined} aria-describedby={errors.wachtwoord ? 'fout-wachtwoord' : undefined} />
        </div>
        <button type="submit" className="utrecht-button utrecht-button--primary-action" aria-disabled={busy || undefined}>{t.signIn}</button>
      </form>
    </div>
  );
}
