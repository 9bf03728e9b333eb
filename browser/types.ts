// The session as `GET /api/session` and `POST /api/session` answer it.
// TODO(openapi): take these from browser/api/schema.ts once the session routes have response schemas.

export type User = { name: string; role: string; teams: string[] };
export type Session = { user: User; csrf: string };
