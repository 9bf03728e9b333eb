import { Link, Route, Switch, useSearch } from 'wouter';
import { navigate as go, usePathname } from 'wouter/use-browser-location';

// The designer's and the workspace's client-side routing, on wouter: real
// hrefs (a middle click opens a new tab; the page works without this code
// for links), and the server answers every /ontwerp/* and /werkplek/* path
// with its app. Paths are absolute: no <Router base>, so a link reads as the
// address it goes to.

export { Link, Route, Switch };

/** Goes to `to`; `replace` changes the address without a new history entry (a filter change). */
export function navigate(to: string, opts: { replace?: boolean } = {}): void {
  go(to, { replace: !!opts.replace });
}

/** The current path and query, re-rendered on every navigation. */
export function useLocation(): { path: string; query: URLSearchParams } {
  const path = usePathname();
  const search = useSearch();
  return { path, query: new URLSearchParams(search) };
}

// Whether the last change of page came from a navigation (a link, navigate(),
// back or forward), so the new page's heading takes the focus, as a page load
// would put a screen reader at the top. wouter dispatches `pushState` for
// every push (it wraps history.pushState); `replaceState` is no change of page.
let navigated = false;
if (typeof window !== 'undefined') {
  window.addEventListener('pushState', () => {
    navigated = true;
  });
  window.addEventListener('popstate', () => {
    navigated = true;
  });
}

/** True once after each navigation: the caller moves the focus to the new page. */
export function consumeNavigation(): boolean {
  const was = navigated;
  navigated = false;
  return was;
}
