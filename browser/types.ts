import type { Schemas } from './api/index.js';

/** Who is signed in (`GET /api/session`, `POST /api/session`). */
export type User = Schemas['User'];
/** A browser session: the user and the CSRF token to send with every change. */
export type Session = Schemas['SignedIn'];
