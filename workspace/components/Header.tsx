import type { Messages } from '../messages.js';
import { BASE, Link } from '../router.js';
import type { User } from '../types.js';

type Props = { t: Messages; user: User | null; onSwitchLang(): void; onSignOut(): void };

/** The bar on every page: the app, the queue, who is signed in, the language switch, sign out. */
export function Header({ t, user, onSwitchLang, onSignOut }: Props) {
  return (
    <header className="werkplek-header">
      <div className="werkplek-header__inner">
        <Link className="werkplek-brand utrecht-link" to={`${BASE}/`}>{t.appName}</Link>
        <nav aria-label={t.mainNav}>
          <ul className="werkplek-nav">
            {user && <li><Link className="utrecht-link" to={`${BASE}/`}>{t.queue}</Link></li>}
            {user && <li className="werkplek-nav__user">{t.signedInAs(user.name, user.teams.join(', '))}</li>}
            <li>
              <button type="button" className="werkplek-link-button" lang={t.switchLang === 'English' ? 'en' : 'nl'} aria-label={t.switchLangLabel} onClick={onSwitchLang}>
                {t.switchLang}
              </button>
            </li>
            {user && <li><button type="button" className="werkplek-link-button" onClick={onSignOut}>{t.signOut}</button></li>}
          </ul>
        </nav>
      </div>
    </header>
  );
}
