import { DateTime } from 'luxon';
import { z } from 'zod';
import { DUTCH_ZONE, todayIn } from '../../model/index.js';
import type { Mandate, Principal } from '../../store/index.js';
import { actorOf } from '../../auth/index.js';
import { HttpError } from '../errors.js';
import { defineRoute, type RouteDef } from '../route.js';
import type { Services } from '../services.js';
import {
  bsnSchema,
  DOCUMENT_LIMIT,
  mandatedCitizenSchema,
  mandateSchema,
  newMandateBody,
  revokeBody,
} from '../schemas/mandates.js';

/** The document types a mandate may carry, recognised by their first bytes (never by the name). */
const SIGNATURES: { type: string; bytes: number[] }[] = [
  { type: 'application/pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { type: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { type: 'image/jpeg', bytes: [0xff, 0xd8, 0xff] },
];
export const documentType = (data: Buffer): string | undefined =>
  SIGNATURES.find((s) => data.length >= s.bytes.length && s.bytes.every((b, i) => data[i] === b))?.type;

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Midnight in the Netherlands at the start of `date`, as an instant. */
const startOfDay = (date: string) =>
  DateTime.fromISO(date, { zone: DUTCH_ZONE }).startOf('day').toJSDate().toISOString();
const nextDay = (date: string) =>
  DateTime.fromISO(date, { zone: DUTCH_ZONE }).plus({ days: 1 }).startOf('day').toJSDate().toISOString();

const invalid = (details: Record<string, string[]>) =>
  new HttpError(422, 'invalid-request', 'bodyNeedsCorrecting', details);

/**
 * Mandates registered by officials (guardianship, bewindvoering, curatele),
 * with the reason and the court's decision, and the list of citizens an
 * intermediary organisation's API client acts for. Any official may register
 * or revoke: officials serve every citizen at the counter, so no team
 * relation is asked; every registration and revocation is written to the
 * security log (GET /api/security-log) with who did it and why.
 */
export function mandateRoutes({ store, clock }: Services): RouteDef[] {
  const now = () => clock.now().toISOString();
  const json = (m: Mandate) => ({
    id: m.id,
    citizen: m.citizen,
    holder: m.holder,
    holderName: m.holderName,
    staff: m.staff,
    process: m.processKey,
    rights: m.rights,
    validFrom: m.validFrom,
    validUntil: m.validUntil,
    source: m.source,
    reason: m.reason,
    document: m.document,
    createdBy: m.createdBy,
    createdAt: m.createdAt,
    revokedAt: m.revokedAt,
    revokedBy: m.revokedBy,
    inForce: store.mandates.inForce(m, now()),
  });
  const staffName = (p: Principal) => (p.kind === 'user' ? p.name : actorOf(p));
  const findMandate = async (id: string) => {
    const m = await store.mandates.get(id);
    if (!m) throw new HttpError(404, 'not-found', 'mandateNotFound');
    return m;
  };
  return [
    defineRoute({
      method: 'post',
      path: '/api/mandates',
      tag: 'mandates',
      roles: ['official', 'admin'],
      errors: [401, 403, 413, 422],
      success: 201,
      operationId: 'registerMandate',
      response: mandateSchema,
      summary:
        "Register a mandate for a citizen (guardianship, bewindvoering, curatele) with the reason and the court's decision as a PDF, PNG or JPEG in base64 (at most 5 MB)",
      body: newMandateBody,
      handler: async ({ principal, body }) => {
        const details: Record<string, string[]> = {};
        const content = body.document.content.replace(/\s+/g, '');
        if (content.length % 4 !== 0 || !BASE64.test(content)) details['document.content'] = ['not base64'];
        // Counted before it is decoded: base64 is 4 characters for 3 bytes.
        if (Math.floor((content.length * 3) / 4) > DOCUMENT_LIMIT + 2)
          throw new HttpError(413, 'document-too-large', ['mandates.documentTooLarge', { limit: DOCUMENT_LIMIT }]);
        const data = Buffer.from(content, 'base64');
        if (data.length > DOCUMENT_LIMIT)
          throw new HttpError(413, 'document-too-large', ['mandates.documentTooLarge', { limit: DOCUMENT_LIMIT }]);
        const type = details['document.content'] ? undefined : documentType(data);
        if (!details['document.content'] && !type) details['document.content'] = ['not a PDF, PNG or JPEG file'];
        if (body.process !== null && !(await store.processes.latest(body.process)))
          details.process = ['no published process with this key'];
        const from = body.validFrom ?? todayIn(clock);
        if (body.validUntil && body.validUntil < from) details.validUntil = ['ends before it starts'];
        if (body.holder.kind === 'person' && body.holder.bsn === body.citizen)
          details['holder.bsn'] = ['a citizen does not hold a mandate for themselves'];
        if (Object.keys(details).length) throw invalid(details);
        const holder =
          body.holder.kind === 'person'
            ? { kind: 'person' as const, id: body.holder.bsn }
            : { kind: 'organisation' as const, id: body.holder.kvk };
        const at = now();
        const m = await store.transaction(async () => {
          const created = await store.mandates.create(
            {
              citizen: body.citizen,
              holder,
              holderName: body.holder.name,
              staff: body.holder.kind === 'organisation' ? (body.holder.staff ?? []) : [],
              processKey: body.process,
              rights: [...new Set(body.rights)],
              validFrom: startOfDay(from),
              validUntil: body.validUntil ? nextDay(body.validUntil) : null,
              source: 'official',
              reason: body.reason,
              document: { name: body.document.name, type: type!, data },
              createdBy: actorOf(principal),
            },
            at,
          );
          await store.security.log({
            at,
            kind: 'mandate.registered',
            account: staffName(principal),
            details: { mandate: created.id, citizen: created.citizen, holder: holder, reason: body.reason },
          });
          return created;
        });
        return { status: 201, body: json(m) };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/mandates',
      tag: 'mandates',
      roles: ['official', 'admin'],
      errors: [401, 403, 422],
      operationId: 'listMandates',
      response: z.array(mandateSchema),
      query: { citizen: "the citizen's BSN (required)" },
      summary: "A citizen's mandates, newest first (granted, asserted and registered; revoked and ended too)",
      handler: async ({ query }) => {
        const citizen = bsnSchema.safeParse(query.citizen ?? '');
        if (!citizen.success)
          throw new HttpError(422, 'invalid-request', 'queryNeedsCorrecting', {
            citizen: ["the citizen's BSN (elfproef)"],
          });
        return { body: (await store.mandates.forCitizen(citizen.data)).map(json) };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/mandates/citizens',
      tag: 'mandates',
      roles: ['intermediary'],
      errors: [401, 403],
      operationId: 'listMandatedCitizens',
      response: z.array(mandatedCitizenSchema),
      summary: "The citizens who mandated the asking organisation now, with each mandate's process, rights and end",
      handler: async ({ principal }) => {
        if (principal.kind !== 'organisation') return { body: [] };
        // The API client is the organisation itself, not one of its named staff: staff-bound mandates do not apply.
        const byCitizen = await store.mandates.citizensOf({ kind: 'organisation', id: principal.kvk }, now());
        return {
          body: [...byCitizen]
            .sort(([a], [b]) => a.localeCompare(b))
            .map(([bsn, ms]) => ({
              bsn,
              mandates: ms.map((m) => ({
                id: m.id,
                process: m.processKey,
                rights: m.rights,
                validUntil: m.validUntil,
              })),
            })),
        };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/mandates/:id/document',
      tag: 'mandates',
      roles: ['official', 'admin'],
      errors: [401, 403, 404],
      operationId: 'getMandateDocument',
      responseText: 'application/pdf',
      summary: "The mandate's document as it was uploaded (a PDF, PNG or JPEG; Content-Type says which)",
      handler: async ({ params, res }) => {
        await findMandate(params.id);
        const doc = await store.mandates.document(params.id);
        if (!doc) throw new HttpError(404, 'not-found', 'documentNotFound');
        const ext = doc.type === 'application/pdf' ? 'pdf' : doc.type === 'image/png' ? 'png' : 'jpg';
        // The uploaded name is not sent back in the header: an attachment named by its id cannot inject anything.
        res.set('Content-Disposition', `attachment; filename="machtiging-${params.id}.${ext}"`);
        res.set('X-Content-Type-Options', 'nosniff');
        // res.send of a Buffer sends the bytes as they are.
        return { body: null, text: doc.data as unknown as string, type: doc.type };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/mandates/:id/revoke',
      tag: 'mandates',
      roles: ['official', 'admin'],
      errors: [401, 403, 404, 409, 422],
      operationId: 'revokeMandate',
      response: mandateSchema,
      summary: 'Revoke a mandate now, with the reason: the holder loses access at its next request',
      body: revokeBody,
      handler: async ({ principal, params, body }) => {
        await findMandate(params.id);
        const at = now();
        const m = await store.transaction(async () => {
          if (!(await store.mandates.revoke(params.id, actorOf(principal), at)))
            throw new HttpError(409, 'mandate-revoked', ['mandates.revokedAlready', {}]);
          await store.security.log({
            at,
            kind: 'mandate.revoked',
            account: staffName(principal),
            details: { mandate: params.id, reason: body.reason },
          });
          return (await store.mandates.get(params.id))!;
        });
        return { body: json(m) };
      },
    }),
  ];
}
