/**
 * Who is asking and what they may do, for the API and the citizen pages alike:
 * cookies, staff and citizen sessions, CSRF tokens, roles and policies.
 * It knows Express's request (cookies, headers) but neither the API nor the pages.
 */
export * from './cookies.js';
export * from './csrf.js';
export * from './policy.js';
export * from './principal.js';
export * from './staff-sessions.js';
export * from './citizen-sessions.js';
export * from './levels.js';
export * from './oidc.js';
export * from './settings.js';
export * from './mandates.js';
export * from './staff-oidc.js';
export * from './reads.js';
export * from './mandate-service.js';
export * from './person-claims.js';
