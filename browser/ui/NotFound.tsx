import type { ReactNode } from 'react';
import { Link, Route, Switch } from '../router.js';
import { PageHeading } from './PageHeading.js';

type Props = { title: string; appName: string; back: { href: string; label: string } };

/** The page for an address the app does not know, with the way back to its first page. */
export function NotFound({ title, appName, back }: Props) {
  return (
    <div className="omslag-page">
      <PageHeading title={title} appName={appName}>
        {title}
      </PageHeading>
      <p className="utrecht-paragraph">
        <Link className="utrecht-link" to={back.href}>
          {back.label}
        </Link>
      </p>
    </div>
  );
}

/** The app's routes (wouter `<Route>`s), the first that matches wins; any other address is `notFound`. */
export function Pages({ children, notFound }: { children: ReactNode; notFound: Props }) {
  return (
    <Switch>
      {children}
      <Route>
        <NotFound {...notFound} />
      </Route>
    </Switch>
  );
}
