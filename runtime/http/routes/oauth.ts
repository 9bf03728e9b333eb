import type { Request, Response } from 'express';
import { z } from 'zod';
import { HttpError } from '../errors.js';
import { createGuard, type Limits } from '../rate-limit.js';
import { defineRoute, type RouteDef } from '../route.js';
import type { Services } from '../services.js';
import { kvkSchema } from '../schemas/mandates.js';

/** How long an access token holds (RFC 6749 §4.4.3 `expires_in`). */
export const CLIENT_TOKEN_SECONDS = 3600;

const clientSchema = z
  .object({
    clientId: z.string(),
    kvk: z.string(),
    name: z.string(),
    createdAt: z.string(),
    disabledAt: z.string().nullable(),
  })
  .meta({
    id: 'ApiClient',
    description: "An intermediary organisation's API client (its secret is never shown again)",
  });

const tokenSchema = z
  .union([
    z.object({
      access_token: z.string(),
      token_type: z.literal('Bearer'),
      expires_in: z.number().int().describe('seconds'),
    }),
    z.object({
      error: z.enum(['invalid_request', 'invalid_client', 'unsupported_grant_type']),
      error_description: z.string(),
    }),
  ])
  .meta({
    id: 'ClientToken',
    description: 'RFC 6749: an access token (§5.1), or the error that says why not (§5.2)',
  });
type TokenAnswer = z.infer<typeof tokenSchema>;

type OAuthError = 'invalid_request' | 'invalid_client' | 'unsupported_grant_type';
const oauthError = (
  res: Response,
  error: OAuthError,
  description: string,
  basic = false,
): { status: number; body: TokenAnswer } => {
  // RFC 6749 §5.2: a failed HTTP Basic authentication answers 401 with the scheme to use.
  if (error === 'invalid_client')
    res.set('WWW-Authenticate', `Basic realm="omslag"${basic ? ', error="invalid_client"' : ''}`);
  return { status: error === 'invalid_client' ? 401 : 400, body: { error, error_description: description } };
};

/** RFC 6749 §2.3.1: the id and secret are form-encoded before they are joined and put in base64. */
function basicCredentials(header: string | undefined): { id: string; secret: string } | 'malformed' | undefined {
  const m = header && /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header);
  if (!header || !/^Basic\s/i.test(header)) return undefined;
  if (!m) return 'malformed';
  const plain = Buffer.from(m[1], 'base64').toString('utf8');
  const colon = plain.indexOf(':');
  if (colon < 0) return 'malformed';
  try {
    const decode = (v: string) => decodeURIComponent(v.replace(/\+/g, ' '));
    return { id: decode(plain.slice(0, colon)), secret: decode(plain.slice(colon + 1)) };
  } catch {
    return 'malformed';
  }
}

/**
 * API clients of intermediary organisations (debt counsellors, senior
 * associations): admins create them, the client fetches short-lived access
 * tokens with OAuth 2 client credentials (RFC 6749 §4.4), and with a token it
 * acts for the citizens who mandated its organisation. Failed client
 * authentications count like failed sign-ins (per address, per client id).
 */
export function oauthRoutes({ store, clock }: Services, opts: { limits?: Partial<Limits> } = {}): RouteDef[] {
  const guard = createGuard({ store, clock }, opts.limits);
  const json = (c: { clientId: string; kvk: string; name: string; createdAt: string; disabledAt: string | null }) => ({
    clientId: c.clientId,
    kvk: c.kvk,
    name: c.name,
    createdAt: c.createdAt,
    disabledAt: c.disabledAt,
  });

  async function token(req: Request, res: Response): Promise<{ status: number; body: TokenAnswer }> {
    if (!req.is('application/x-www-form-urlencoded'))
      return oauthError(res, 'invalid_request', 'send the parameters form-encoded (application/x-www-form-urlencoded)');
    const form = (req.body ?? {}) as Record<string, unknown>;
    const field = (name: string) => (typeof form[name] === 'string' ? (form[name] as string) : undefined);
    for (const [name, value] of Object.entries(form))
      if (typeof value !== 'string') return oauthError(res, 'invalid_request', `give ${name} once`);
    const grant = field('grant_type');
    if (!grant) return oauthError(res, 'invalid_request', 'grant_type is missing: send grant_type=client_credentials');
    if (grant !== 'client_credentials')
      return oauthError(
        res,
        'unsupported_grant_type',
        'this server issues tokens for grant_type=client_credentials only',
      );
    const basic = basicCredentials(req.get('authorization'));
    if (basic === 'malformed') return oauthError(res, 'invalid_request', 'the Basic authorization header is malformed');
    const posted = field('client_id') !== undefined || field('client_secret') !== undefined;
    if (basic && posted)
      return oauthError(
        res,
        'invalid_request',
        'authenticate the client one way: HTTP Basic or client_id and client_secret',
      );
    const id = basic?.id ?? field('client_id');
    const secret = basic?.secret ?? field('client_secret');
    if (!id || !secret) return oauthError(res, 'invalid_client', 'client authentication is missing', !!basic);
    if (id.length > 200 || secret.length > 500)
      return oauthError(res, 'invalid_client', 'client authentication failed', !!basic);
    // Counted before the secret is checked: concurrent guesses cannot slip past the lock (429 past it).
    const attempt = await guard.beginSignIn(req, res, `client:${id}`);
    const client = await store.clients.authenticate(id, secret);
    if (!client) {
      try {
        await attempt.failed();
      } catch (error) {
        if (!(error instanceof HttpError) || error.status !== 401) throw error;
      }
      return oauthError(res, 'invalid_client', 'client authentication failed', !!basic);
    }
    await attempt.succeeded();
    const now = clock.now();
    await store.clients.deleteExpired(now.toISOString());
    const accessToken = await store.clients.issueToken(client.clientId, now, CLIENT_TOKEN_SECONDS);
    res.set('Pragma', 'no-cache');
    return {
      status: 200,
      body: { access_token: accessToken, token_type: 'Bearer', expires_in: CLIENT_TOKEN_SECONDS },
    };
  }

  return [
    defineRoute({
      method: 'post',
      path: '/api/api-clients',
      tag: 'api-clients',
      roles: ['admin'],
      errors: [401, 403, 422],
      success: 201,
      operationId: 'createApiClient',
      response: clientSchema.extend({ clientSecret: z.string().describe('shown once: store it now') }),
      summary:
        'Create an API client for an intermediary organisation (by KVK number): the secret is shown once and stored hashed',
      body: z.object({ kvk: kvkSchema, name: z.string().trim().min(1).max(200) }).strict(),
      handler: async ({ principal, body }) => {
        const at = clock.now().toISOString();
        const client = await store.transaction(async () => {
          const c = await store.clients.create({ kvk: body.kvk, name: body.name }, at);
          await store.security.log({
            at,
            kind: 'api-client.created',
            account: principal.kind === 'user' ? principal.name : null,
            details: { clientId: c.clientId, kvk: c.kvk, name: c.name },
          });
          return c;
        });
        return { status: 201, body: { ...json(client), clientSecret: client.clientSecret } };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/api-clients',
      tag: 'api-clients',
      roles: ['admin'],
      errors: [401, 403],
      operationId: 'listApiClients',
      response: z.array(clientSchema),
      summary: 'The API clients of intermediary organisations (without secrets)',
      handler: async () => ({ body: (await store.clients.list()).map(json) }),
    }),
    defineRoute({
      method: 'post',
      path: '/api/api-clients/:id/disable',
      tag: 'api-clients',
      roles: ['admin'],
      errors: [401, 403, 404],
      operationId: 'disableApiClient',
      response: clientSchema,
      summary: 'Disable an API client: its secret and every token it holds stop working at once',
      handler: async ({ principal, params }) => {
        const at = clock.now().toISOString();
        if (!(await store.clients.get(params.id))) throw new HttpError(404, 'not-found', 'clientNotFound');
        await store.transaction(async () => {
          if (await store.clients.disable(params.id, at))
            await store.security.log({
              at,
              kind: 'api-client.disabled',
              account: principal.kind === 'user' ? principal.name : null,
              details: { clientId: params.id },
            });
        });
        return { body: json((await store.clients.get(params.id))!) };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/oauth/token',
      tag: 'api-clients',
      roles: 'public',
      errors: [429],
      answersWith: {
        400: 'invalid_request (a parameter is missing, repeated or malformed) or unsupported_grant_type (RFC 6749 §5.2)',
        401: 'invalid_client: unknown client, wrong secret, disabled client or no client authentication',
      },
      operationId: 'clientToken',
      response: tokenSchema,
      headers: { Pragma: 'no-cache' },
      bodyDoc: {
        description:
          'RFC 6749 §4.4.2: grant_type=client_credentials, form-encoded; the client authenticates with HTTP Basic (preferred) or client_id and client_secret in the form',
        content: {
          'application/x-www-form-urlencoded': {
            schema: {
              type: 'object',
              required: ['grant_type'],
              properties: {
                grant_type: { type: 'string', enum: ['client_credentials'] },
                client_id: { type: 'string' },
                client_secret: { type: 'string' },
                scope: { type: 'string', description: 'ignored: a token carries what the mandates allow' },
              },
            },
          },
        },
      },
      summary:
        'An access token for an API client (OAuth 2 client credentials): a Bearer token for an hour, answered as RFC 6749 says, errors included',
      handler: () => {
        throw new HttpError(500, 'internal', 'streamed');
      },
      // As a stream: never stored for an Idempotency-Key (a refusal must leave nothing behind; a retry gets a new token).
      stream: async ({ req, res }) => token(req, res),
    }),
  ];
}
