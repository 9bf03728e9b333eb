import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ApiError, ok, type Api } from './api/index.js';
import type { AppText, ShellMessages } from './messages.js';
import type { Session } from './types.js';
import { ErrorSummary } from './ui/ErrorSummary.js';
import { Notice } from './ui/Notice.js';

type Props = { api: Api; t: ShellMessages; app: AppText; ended: boolean; onSignedIn(session: Session): void };

/** Sign-in for officials and designers: name and password, a session cookie in return. */
export function SignIn({ api, t, app, ended, onSignedIn }: Props) {
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const summary = useRef<HTMLDivElement>(null);

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
