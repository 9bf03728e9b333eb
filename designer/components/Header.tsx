import type { Messages } from '../messages.js';
import { BASE, Link } from '../router.js';
import type { User } from '../types.js';

type Props = { t: Messages; user: User | null; onSwitchLang(): void; onSignOut(): void };

/** The bar on every page: the app, the processes, who is signed in, the language switch, sign out. */
export function Header({ t, user, onSwitchLang, onSignOut }: Props) {
  return (
    <header className="ontwerp-header">
      <Link className="ontwerp-brand" to={`${BASE}/`}>{t.appName}</Link>
      <nav aria-label={t.mainNav}>
        <ul className="ontwerp-nav">
          {user && <li><Link to={`${BASE}/`}>{t.processes}</Link></li>}
          {user && <li className="ontwerp-nav__user">{t.signedInAs(user.name)}</li>}
          <li>
            <button type="button" className="ontwerp-link-button" lang={t.switchLang === 'English' ? 'en' : 'nl'} aria-label={t.switchLangLabel} onClick={onSwitchLang}>
              {t.switchLang}
            </button>
          </li>
          {user && <li><button type="button" className="ontwerp-link-button" onClick={onSignOut}>{t.signOut}</button></li>}
        </ul>
      </nav>
    </header>
  );
}
