import { z } from 'zod';
import { instant } from './common.js';
import { SECURITY_KINDS } from '../../store/security.js';

export const staffRoleSchema = z.enum(['designer', 'official', 'admin']);

export const userSchema = z
  .object({
    name: z.string(),
    role: z.string().describe('designer, official or admin'),
    teams: z.array(z.string()),
    email: z.string().nullable().optional().describe("where the user's notices go (PUT /api/users/:name sets it)"),
  })
  .meta({ id: 'User' });

/** GET /api/me: who is asking. */
export const meSchema = z
  .union([
    z.object({ role: z.literal('citizen'), bsn: z.string() }),
    z.object({ role: staffRoleSchema, name: z.string(), teams: z.array(z.string()) }),
    z.object({ role: z.literal('intermediary'), name: z.string(), kvk: z.string() }),
  ])
  .meta({ id: 'Me' });

/** What the server's policy (runtime/auth/policy.ts) lets this user do: the browser apps ask, they keep no rule of their own. */
export const capabilitiesSchema = z
  .object({
    design: z.boolean().describe('may edit drafts, import and publish (the designer)'),
    seeDrafts: z.boolean().describe('may read drafts and preview their steps'),
  })
  .meta({ id: 'Capabilities' });

/** Sign-in and GET /api/session: the user and the CSRF token to send as X-CSRF-Token with every change. */
export const signedInSchema = z
  .object({ user: userSchema, csrf: z.string(), can: capabilitiesSchema })
  .meta({ id: 'SignedIn' });
export const sessionSchema = z
  .object({
    user: userSchema.nullable(),
    csrf: z.string().nullable().describe('null when the request came with a bearer token'),
    can: capabilitiesSchema,
  })
  .meta({ id: 'Session' });

/** GET /api/session/providers: how staff sign in here. */
export const providersSchema = z
  .object({
    staff: z.boolean().describe("staff may sign in at the organisation's provider (GET /api/session/oidc)"),
    devSignIn: z
      .boolean()
      .describe('the development stand-in is on: demo accounts and the BSN-only citizen sign-in are not real'),
  })
  .meta({ id: 'SignInProviders' });

/** POST /api/session/end. */
export const signedOutSchema = z
  .object({
    endSessionUrl: z
      .string()
      .nullable()
      .describe("where the browser goes next to sign out at the organisation's provider too; null when not needed"),
  })
  .meta({ id: 'SignedOut' });

export const securityLogSchema = z
  .object({
    entries: z.array(
      z.object({
        id: z.number().int(),
        at: instant,
        kind: z.enum(SECURITY_KINDS),
        account: z.string().nullable(),
        address: z.string().nullable(),
        details: z.record(z.string(), z.unknown()),
      }),
    ),
  })
  .meta({ id: 'SecurityLog' });

export const healthSchema = z.object({ ok: z.boolean() });
export const readySchema = z
  .object({
    ready: z.boolean(),
    /** Schema versions: applied in the database, and the newest this node knows. */
    schema: z.object({ current: z.number().int(), latest: z.number().int() }).optional(),
    /** What is wrong, when not ready: `draining`, `schema-behind`, `schema-ahead`, `store-unreachable`. */
    problem: z.enum(['draining', 'schema-behind', 'schema-ahead', 'store-unreachable']).optional(),
  })
  .meta({ id: 'Readiness' });
export const jsonSchemaSchema = z
  .record(z.string(), z.unknown())
  .meta({ id: 'JsonSchema', description: 'A JSON Schema (draft 2020-12)' });
