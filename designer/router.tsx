// The designer's addresses; the routing itself is browser/router.tsx (wouter).
export { Link, navigate, useLocation } from '../browser/router.js';

export const BASE = '/ontwerp';

export const processHref = (key: string) => `${BASE}/processen/${encodeURIComponent(key)}`;
export const versionHref = (key: string, version: number) => `${processHref(key)}/versies/${version}`;

/** The designer's pages, as wouter route patterns (a version is a number: `…/versies/x` is no page). */
export const paths = {
  list: BASE,
  process: '/ontwerp/processen/:key',
  version: /^\/ontwerp\/processen\/(?<key>[^/]+)\/versies\/(?<version>\d+)\/?$/,
} as const;
