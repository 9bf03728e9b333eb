import { useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent } from 'react';

// A tiny client-side router for the designer's pages (the workspace's). Real
// hrefs, so links work with a middle click; the server answers every
// /ontwerp/* path with the app.

export const BASE = '/ontwerp';
const CHANGE = 'ontwerp:navigate';

function subscribe(callback: () => void) {
  window.addEventListener('popstate', callback);
  window.addEventListener(CHANGE, callback);
  return () => {
    window.removeEventListener('popstate', callback);
    window.removeEventListener(CHANGE, callback);
  };
}
const snapshot = () => location.pathname + location.search;

/** The current path and query, re-rendered on every navigation. */
export function useLocation(): { path: string; query: URLSearchParams } {
  const href = useSyncExternalStore(subscribe, snapshot);
  const url = new URL(href, location.origin);
  return { path: url.pathname, query: url.searchParams };
}

// Whether the last change of page came from a navigation, so the new page's
// heading takes the focus (as a page load would put a screen reader at the top).
let navigated = false;
export function consumeNavigation(): boolean {
  const was = navigated;
  navigated = false;
  return was;
}

export function navigate(to: string, opts: { replace?: boolean } = {}) {
  if (opts.replace) history.replaceState(null, '', to);
  else {
    history.pushState(null, '', to);
    navigated = true;
  }
  window.dispatchEvent(new Event(CHANGE));
}
window.addEventListener('popstate', () => { navigated = true; });

export const processHref = (key: string) => `${BASE}/processen/${encodeURIComponent(key)}`;
export const versionHref = (key: string, version: number) => `${processHref(key)}/versies/${version}`;

export type Route = { page: 'list' } | { page: 'process'; key: string } | { page: 'version'; key: string; version: number } | { page: 'unknown' };

/** The page a path shows. */
export function route(path: string): Route {
  const version = /^\/ontwerp\/processen\/([^/]+)\/versies\/(\d+)\/?$/.exec(path);
  if (version) return { page: 'version', key: decodeURIComponent(version[1]), version: Number(version[2]) };
  const process = /^\/ontwerp\/processen\/([^/]+)\/?$/.exec(path);
  if (process) return { page: 'process', key: decodeURIComponent(process[1]) };
  if (path === BASE || path === `${BASE}/`) return { page: 'list' };
  return { page: 'unknown' };
}

export function Link({ to, onClick, ...rest }: AnchorHTMLAttributes<HTMLAnchorElement> & { to: string }) {
  const click = (e: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(e);
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(to);
  };
  return <a href={to} onClick={click} {...rest} />;
}
