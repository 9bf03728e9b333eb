import type { AppText, Lang, ShellMessages } from './messages.js';
import { Link } from './router.js';
import type { User } from './types.js';

type Props = {
  t: ShellMessages;
  app: AppText;
  lang: Lang;
  /** The app's first page (`/ontwerp/`, `/werkplek/`). */
  home: string;
  homeLabel: string;
  user: User | null;
  /** Whether "signed in as" names the user's teams (the workspace's queue is per team). */
  showTeams?: boolean;
  /** The development stand-in is on (DEV_SIGN_IN): the bar says so, on every page. */
  standIn?: boolean;
  onSwitchLang(): void;
  onSignOut(): void;
};

/** The bar on every page: the stand-in notice, the app, its first page, who is signed in, the language switch, sign out. */
export function Header({ t, app, lang, home, homeLabel, user, showTeams, standIn, onSwitchLang, onSignOut }: Props) {
  const who = user && (showTeams ? t.signedInWithTeams(user.name, user.teams.join(', ')) : t.signedInAs(user.name));
  return (
    <header className="utrecht-page-header omslag-header">
      {standIn && (
        <div className="utrecht-alert utrecht-alert--warning omslag-standin" role="note" aria-label={t.standInLabel}>
          <p className="utrecht-paragraph">{t.standIn}</p>
        </div>
      )}
      <div className="utrecht-page-header__content omslag-header__inner">
        <Link className="utrecht-link omslag-brand" to={home}>
          {app.appName}
        </Link>
        <nav aria-label={app.mainNav}>
          <ul className="omslag-nav">
            {user && (
              <li>
                <Link className="utrecht-link" to={home}>
                  {homeLabel}
                </Link>
              </li>
            )}
            {user && <li className="omslag-nav__user">{who}</li>}
            <li>
              <button
                type="button"
                className="utrecht-link-button utrecht-link-button--html-button"
                lang={lang === 'nl' ? 'en' : 'nl'}
                aria-label={t.switchLangLabel}
                onClick={onSwitchLang}
              >
                {t.switchLang}
              </button>
            </li>
            {user && (
              <li>
                <button
                  type="button"
                  className="utrecht-link-button utrecht-link-button--html-button"
                  onClick={onSignOut}
                >
                  {t.signOut}
                </button>
              </li>
            )}
          </ul>
        </nav>
      </div>
    </header>
  );
}
