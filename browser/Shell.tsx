import type { ReactNode } from 'react';
import type { Api } from './api/index.js';
import { Header } from './Header.js';
import { shellMessages, type AppText, type Lang } from './messages.js';
import { useLang, useProviders, useSession } from './session.js';
import { SignIn } from './SignIn.js';
import type { Session, User } from './types.js';
import { Notice } from './ui/Notice.js';

/** What a signed-in page gets from the shell. */
export type ShellContext = { user: User; api: Api; lang: Lang };

type Props = {
  /** The app's first page (`/ontwerp/`, `/werkplek/`) and the header's name for it (the processes, the queue). */
  home: { href: string; label(lang: Lang): string };
  /** Where the language choice is kept (`omslag.ontwerp.lang`). */
  storageKey: string;
  /** The app's words about itself, in a language. */
  text(lang: Lang): AppText;
  /** Whether "signed in as" names the teams. */
  showTeams?: boolean;
  /** Who may use the app once signed in; the others read `notAllowed`. */
  allowed?(session: Session): boolean;
  notAllowed?(lang: Lang): string;
  /** Called on sign-out, before the sign-in page shows (to forget what the app kept). */
  onSignOut?(): void;
  /** The app's class on <main> (its layout: a full-window editor, a centred page). */
  mainClassName: string;
  /** The page for the current address, for a signed-in user who is allowed. */
  children(context: ShellContext): ReactNode;
};

/**
 * The designer's and the workspace's frame: a skip link, the stand-in banner
 * (when sign-in is the development stand-in), the header, and in
 * <main> the session's state (loading, sign-in, a failure with "try again",
 * not allowed) or the app's page.
 */
export function Shell({
  home,
  storageKey,
  text,
  showTeams,
  allowed,
  notAllowed,
  onSignOut,
  mainClassName,
  children,
}: Props) {
  const [lang, switchLang] = useLang(storageKey);
  const { session, api, signedIn, reload, signOut } = useSession(lang);
  const providers = useProviders(api);
  const t = shellMessages[lang];
  const app = text(lang);
  const user = session.state === 'signed-in' ? session.session.user : null;

  let main: ReactNode;
  if (session.state === 'loading')
    main = (
      <p className="utrecht-paragraph omslag-page" role="status">
        {t.loading}
      </p>
    );
  else if (session.state === 'error') {
    main = (
      <Notice
        flash={{ kind: 'error', text: t.somethingWrong(session.message) }}
        action={{ label: t.retry, onClick: reload }}
      />
    );
  } else if (session.state === 'signed-out') {
    main = (
      <SignIn
        api={api}
        t={t}
        app={app}
        ended={session.reason === 'ended'}
        staffProvider={!!providers?.staff}
        onSignedIn={signedIn}
      />
    );
  } else if (allowed && !allowed(session.session)) {
    main = (
      <div className="omslag-page">
        <Notice flash={{ kind: 'error', text: notAllowed?.(lang) ?? '' }} />
      </div>
    );
  } else main = children({ user: session.session.user, api, lang });

  return (
    <div className="omslag-app">
      <a className="utrecht-skip-link utrecht-skip-link--visible-on-focus omslag-skip" href="#inhoud">
        {t.skip}
      </a>
      <Header
        t={t}
        app={app}
        lang={lang}
        home={home.href}
        homeLabel={home.label(lang)}
        user={user}
        showTeams={showTeams}
        standIn={!!providers?.devSignIn}
        onSwitchLang={switchLang}
        onSignOut={() => {
          onSignOut?.();
          void signOut(home.href);
        }}
      />
      <main id="inhoud" className={mainClassName} tabIndex={-1}>
        {main}
      </main>
    </div>
  );
}
