import { randomBytes, timingSafeEqual } from 'node:crypto';

/** A fresh CSRF token (256 random bits, URL-safe). */
export const newCsrfToken = () => randomBytes(32).toString('base64url');

/** Whether `sent` is the `expected` token, compared in constant time; never true without an expected token. */
export function sameToken(sent: unknown, expected: string | null | undefined): boolean {
  if (typeof sent !== 'string' || !expected) return false;
  const a = Buffer.from(sent);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
