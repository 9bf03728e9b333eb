// The workspace's addresses; the routing itself is browser/router.tsx (wouter).
export { Link, navigate, useLocation } from '../browser/router.js';

export const BASE = '/werkplek';

/** A task's page; `queue` (an address query such as `?sort=received`) is the queue it was opened from, for "next task". */
export const taskHref = (id: string, queue = '') => `${BASE}/taken/${encodeURIComponent(id)}${queue}`;

/** The workspace's pages, as wouter route patterns. */
export const paths = {
  queue: BASE,
  task: '/werkplek/taken/:taskId',
  mandates: '/werkplek/machtigingen',
  deliveries: '/werkplek/meldingen',
} as const;

export const mandatesHref = `${BASE}/machtigingen`;

export const deliveriesHref = `${BASE}/meldingen`;
