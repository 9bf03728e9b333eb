import type { Store } from '../store/index.js';

/** The longest name or address kept from a sign-in (characters); longer values are not kept. */
const MAX = 300;

/** A claim's text: a string without control characters, spaces collapsed; null when absent, empty or too long. */
function text(v: unknown): string | null {
  if (typeof v !== 'string') return null;
  const s = v
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return s && s.length <= MAX ? s : null;
}

/**
 * The name and address an identity provider says the signed-in citizen has,
 * from OpenID Connect's standard claims: `name`, or `given_name`,
 * `middle_name` (a Dutch "tussenvoegsel") and `family_name`; `address` as
 * an object with `formatted`, or `street_address`, `postal_code` and
 * `locality` ("Dorpsstraat 1, 1234 AB Utrecht"). DigiD itself gives a BSN
 * only; brokers and eIDAS means often add these. Anything else is ignored.
 */
export function personClaims(claims: Record<string, unknown>): { name: string | null; address: string | null } {
  const parts = [claims.given_name, claims.middle_name, claims.family_name].map(text).filter(Boolean);
  const name = text(claims.name) ?? (parts.length ? text(parts.join(' ')) : null);
  const a = claims.address;
  let address: string | null;
  if (a && typeof a === 'object' && !Array.isArray(a)) {
    const o = a as Record<string, unknown>;
    const place = [text(o.postal_code), text(o.locality)].filter(Boolean).join(' ');
    address =
      text(typeof o.formatted === 'string' ? o.formatted.replace(/\s*\r?\n\s*/g, ', ') : null) ??
      (text(o.street_address) || place ? text([text(o.street_address), place].filter(Boolean).join(', ')) : null);
  } else address = text(a);
  return { name, address };
}

/** Keeps what a citizen's sign-in said about their name and address (store.claims), for the officials of their cases. */
export function rememberPersonClaims(
  store: Store,
  bsn: string,
  claims: Record<string, unknown>,
  provider: string,
  at: string,
): Promise<void> {
  return store.claims.remember({ subject: bsn, ...personClaims(claims), provider, signedInAt: at });
}
