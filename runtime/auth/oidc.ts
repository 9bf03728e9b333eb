import * as client from 'openid-client';
import type { OidcProvider } from './settings.js';

/** What a finished sign-in at a provider gives: the ID token's claims and the token itself (for sign-out there). */
export type SignedInAtProvider = { claims: Record<string, unknown>; idToken: string };

/** What the browser must bring back to the callback (stored server-side, see the signin_flows table). */
export type PendingSignIn = { state: string; nonce: string; verifier: string };

/**
 * One OpenID Connect provider, through openid-client: the authorization code
 * flow with PKCE, `state` and `nonce`, and RP-initiated logout. Discovery is
 * done on first use and kept; a provider that cannot be reached is tried
 * again on the next sign-in (its error is thrown to the caller, which shows
 * a page, never a 500). `http:` issuers are accepted only outside
 * production (a provider on localhost in tests and on a laptop).
 */
export function oidcClient(provider: OidcProvider, opts: { allowHttp: boolean }) {
  let config: Promise<client.Configuration> | undefined;
  const configuration = () => {
    config ??= client
      .discovery(
        new URL(provider.issuer),
        provider.clientId,
        provider.clientSecret ? { client_secret: provider.clientSecret } : { token_endpoint_auth_method: 'none' },
        undefined,
        opts.allowHttp && provider.issuer.startsWith('http:') ? { execute: [client.allowInsecureRequests] } : undefined,
      )
      .catch((error: unknown) => {
        config = undefined;
        throw error;
      });
    return config;
  };
  return {
    provider,
    /** The provider's address to send the browser to, and what the callback must match. */
    async begin(
      redirectUri: string,
      extra: Record<string, string> = {},
    ): Promise<{ url: URL; pending: PendingSignIn }> {
      const cfg = await configuration();
      const pending = {
        state: client.randomState(),
        nonce: client.randomNonce(),
        verifier: client.randomPKCECodeVerifier(),
      };
      const url = client.buildAuthorizationUrl(cfg, {
        redirect_uri: redirectUri,
        scope: provider.scope,
        response_type: 'code',
        state: pending.state,
        nonce: pending.nonce,
        code_challenge: await client.calculatePKCECodeChallenge(pending.verifier),
        code_challenge_method: 'S256',
        ...extra,
      });
      return { url, pending };
    },
    /**
     * Finishes the sign-in at the callback address the browser came back to:
     * the code is exchanged (with the PKCE verifier), the state and the ID
     * token's nonce, issuer, audience and signature are checked. Throws when
     * any does not match.
     */
    async finish(currentUrl: URL, pending: PendingSignIn): Promise<SignedInAtProvider> {
      const cfg = await configuration();
      const tokens = await client.authorizationCodeGrant(cfg, currentUrl, {
        pkceCodeVerifier: pending.verifier,
        expectedState: pending.state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
      const claims = tokens.claims();
      if (!claims || !tokens.id_token) throw new Error('the provider sent no ID token');
      let all: Record<string, unknown> = { ...claims };
      // Some brokers put the BSN or KVK number only in the userinfo answer.
      if (tokens.access_token && cfg.serverMetadata().userinfo_endpoint) {
        try {
          all = { ...(await client.fetchUserInfo(cfg, tokens.access_token, claims.sub)), ...all };
        } catch {
          /* the ID token's claims are what we have */
        }
      }
      return { claims: all, idToken: tokens.id_token };
    },
    /** Where to send the browser to end its session at the provider too; undefined when the provider has no such address. */
    async logoutUrl(idToken: string | null, postLogoutRedirectUri: string): Promise<URL | undefined> {
      const cfg = await configuration();
      if (!cfg.serverMetadata().end_session_endpoint) return undefined;
      return client.buildEndSessionUrl(cfg, {
        post_logout_redirect_uri: postLogoutRedirectUri,
        ...(idToken ? { id_token_hint: idToken } : { client_id: provider.clientId }),
      });
    },
  };
}
export type OidcClient = ReturnType<typeof oidcClient>;
