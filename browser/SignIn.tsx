import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ApiError, ok, type Api } from './api/index.js';
import type { AppText, ShellMessages } from './messages.js';
import type { Session } from './types.js';
import { ErrorSummary } from './ui/ErrorSummary.js';
import { Notice } from './ui/Notice.js';

type Props = {
  api: Api;
  t: ShellMessages;
  app: AppText;
  ended: boolean;
  /** The server has the organisation's provider (GET /api/session/providers): offer it above the password form. */
  staffProvider: boolean;
  onSignedIn(session: Session): void;
};

/** Why a sign-in at the organisation's provider came back without a session (`?inloggen=`, set by the server). */
function providerProblem(t: ShellMessages): string | null {
  const problem = new URLSearchParams(location.search).get('inloggen');
  if (problem === 'geen-rol') return t.signInProblemNoRole;
  if (problem === 'onbereikbaar') return t.signInProblemUnreachable;
  if (problem === 'mislukt') return t.signInProblemFailed;
  return null;
}

/** This page's address without the sign-in's reason: where the provider's sign-in comes back to. */
function here(): string {
  const url = new URL(location.href);
  url.searchParams.delete('inloggen');
  return url.pathname + url.search;
}

/**
 * Sign-in for officials and designers: at the organisation's provider (a
 * link: the browser goes there and comes back to this page) when the server
 * has one, and with name and password; a session cookie in return.
 */
export function SignIn({ api, t, app, ended, staffProvider, onSignedIn }: Props) {
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [failure, setFailure] = useState<string | null>(() => providerProblem(t));
  const [busy, setBusy] = useState(false);
  const summary = useRef<HTMLDivElement>(null);

  // The reason is read once; the address loses it, so a reload or a bookmark does not show it again.
  useEffect(() => {
    const url = new URL(location.href);
    if (!url.searchParams.has('inloggen')) return;
    url.searchParams.delete('inloggen');
    history.replaceState(history.state, '', url.pathname + url.search + url.hash);
    requestAnimationFrame(() => summary.current?.focus());
  }, []);

  useEffect(() => {
    document.title = `${Object.keys(errors).length || failure ? `${t.errorPrefix} ` : ''}${app.signInTitle} – ${app.appName}`;
  }, [errors, failure, t, app]);

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
      onSignedIn(await ok(api.POST('/api/session', { body: { name: name.trim(), password } })));
    } catch (error) {
      setPassword('');
      const refused = error instanceof ApiError && (error.code === 'invalid-credentials' || error.status === 401);
      setFailure(refused ? t.invalidCredentials : t.somethingWrong((error as Error).message));
      requestAnimationFrame(() => summary.current?.focus());
    } finally {
      setBusy(false);
    }
  };

  const labels = { naam: t.name, wachtwoord: t.password };
  return (
    <div className="omslag-page omslag-narrow">
      <h1 className="utrecht-heading-1">{app.signInTitle}</h1>
      {ended && !failure && <Notice flash={{ kind: 'info', text: t.sessionEnded }} />}
      <ErrorSummary ref={summary} title={t.errorSummary} errors={errors} labels={labels} extra={failure} />
      <p className="utrecht-paragraph">{app.signInIntro}</p>
      {staffProvider && (
        <>
          <div className="omslag-signin-provider">
            <a
              className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action"
              href={`/api/session/oidc?terug=${encodeURIComponent(here())}`}
              aria-describedby="organisatie-uitleg"
            >
              {t.staffSignIn}
            </a>
            <p className="utrecht-paragraph" id="organisatie-uitleg">
              {t.staffSignInHint}
            </p>
          </div>
          <h2 className="utrecht-heading-2">{t.orPassword}</h2>
        </>
      )}
      <form className="omslag-form" onSubmit={submit} noValidate>
        <TextField
          id="naam"
          label={t.name}
          errors={errors.naam}
          value={name}
          onChange={setName}
          autoComplete="username"
        />
        <TextField
          id="wachtwoord"
          label={t.password}
          errors={errors.wachtwoord}
          value={password}
          onChange={setPassword}
          autoComplete="current-password"
          type="password"
        />
        <button
          type="submit"
          className="utrecht-button utrecht-button--primary-action"
          aria-disabled={busy || undefined}
        >
          {t.signIn}
        </button>
      </form>
    </div>
  );
}

type FieldProps = {
  id: string;
  label: string;
  errors?: string[];
  value: string;
  onChange(value: string): void;
  autoComplete: string;
  type?: 'text' | 'password';
};

/** An NL Design System form field: label, error message, text box (`#veld-<id>`, which the error summary links to). */
function TextField({ id, label, errors, value, onChange, autoComplete, type = 'text' }: FieldProps) {
  const input = `veld-${id}`;
  const error = `fout-${id}`;
  return (
    <div className={`utrecht-form-field${errors ? ' utrecht-form-field--invalid' : ''} omslag-field`}>
      <label className="utrecht-form-label" htmlFor={input}>
        {label}
      </label>
      {errors && (
        <p className="utrecht-form-field-error-message" id={error}>
          {errors.join(' ')}
        </p>
      )}
      <input
        id={input}
        type={type}
        className="utrecht-textbox utrecht-textbox--html-input omslag-width-m"
        autoComplete={autoComplete}
        spellCheck={type === 'password' ? undefined : false}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={errors ? true : undefined}
        aria-describedby={errors ? error : undefined}
      />
    </div>
  );
}
