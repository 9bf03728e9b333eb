import { z } from 'zod';
import { caseView } from '../../engine/index.js';
import { createLetterService } from '../../letters/index.js';
import { calendarDateSchema, fieldKind } from '../../model/index.js';
import type { CaseRow, Principal, Right } from '../../store/index.js';
import { actorOf, canSeeCase } from '../../auth/index.js';
import { givenPurpose, purposeHeader, readCase, recordApiRead, visibleCase } from '../access.js';
import { HttpError } from '../errors.js';
import { defineRoute, namedValues, type RouteDef } from '../route.js';
import type { Services } from '../services.js';
import { caseSummarySchema, caseViewSchema } from '../schemas/cases.js';

const bsnSchema = z
  .string()
  .refine(
    (v) => 'value' in fieldKind('bsn').parse(v, { id: 'bsn', label: 'BSN', type: 'bsn' }, { today: '' }),
    'not a valid BSN (elfproef)',
  );

const startBody = z
  .object({
    /** Officials and admins start a case for a citizen (at the counter, for an intermediary). */
    subject: bsnSchema.optional(),
    /** The date whose rules apply (the version in force then); officials and admins only. Default: today. */
    referenceDate: calendarDateSchema.optional(),
  })
  .strict();

const eventBody = z
  .object({
    type: z.string().min(1).max(100),
    data: namedValues(z.unknown()).optional(),
    /** The step the client answers; refused with 409 if the case has moved on. */
    step: z.string().max(100).optional(),
  })
  .strict();

export function caseRoutes({ store, engine, clock, letters: given }: Services): RouteDef[] {
  const letters = given ?? createLetterService({ store, engine, clock });
  /**
   * An intermediary organisation's API client acting as the citizen, by the mandate in force now that
   * gives it `right` on this process (the audit trail then names `mandate:<id>`); else 403 no-mandate.
   * The client is the organisation itself: a mandate limited to named staff does not apply to it.
   */
  const actingFor = async (
    org: Extract<Principal, { kind: 'organisation' }>,
    citizen: string,
    processKey: string,
    right: Right,
  ): Promise<Principal> => {
    const holder = { kind: 'organisation' as const, id: org.kvk };
    const mandate = await store.mandates.allowing({
      holder,
      citizen,
      processKey,
      right,
      at: clock.now().toISOString(),
    });
    if (!mandate) throw new HttpError(403, 'no-mandate', ['mandates.noMandate', { right }]);
    return { kind: 'citizen', bsn: citizen, via: { mandate, holder, holderName: org.name } };
  };
  const view = async (row: CaseRow, principal: Principal, lang: 'nl' | 'en') => ({
    body: await caseView(engine, store, row, lang, { internal: principal.kind === 'user' }),
    etag: String(row.rev),
  });
  return [
    defineRoute({
      method: 'post',
      path: '/api/processes/:key/cases',
      tag: 'cases',
      roles: ['citizen', 'official', 'admin', 'intermediary'],
      errors: [401, 403, 404, 409, 422],
      success: 201,
      operationId: 'startCase',
      response: caseViewSchema,
      etag: true,
      summary:
        'Start a case of the newest published version (a citizen for themselves; an official for a subject; an intermediary for a citizen whose mandate gives `fill` on the process, else 403 no-mandate)',
      body: startBody,
      handler: async ({ principal, params, body, lang }) => {
        let subject: string;
        if (principal.kind === 'citizen') {
          if (body.subject && body.subject !== principal.bsn)
            throw new HttpError(403, 'forbidden', 'citizenStartsOwnCases');
          subject = principal.bsn;
        } else {
          if (!body.subject) throw new HttpError(422, 'invalid-request', 'nameTheCitizen', { subject: ['required'] });
          subject = body.subject;
        }
        if (body.referenceDate && principal.kind !== 'user')
          throw new HttpError(422, 'invalid-request', 'referenceDateOfficialsOnly', {
            referenceDate: ['not for citizens'],
          });
        // An intermediary starts as the citizen, by the mandate that lets it fill in this process.
        const actor =
          principal.kind === 'organisation' ? await actingFor(principal, subject, params.key, 'fill') : principal;
        const row = await engine.startCase(
          params.key,
          subject,
          actorOf(actor),
          {},
          { referenceDate: body.referenceDate },
        );
        return { status: 201, ...(await view(row, principal, lang)) };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/cases',
      tag: 'cases',
      roles: ['citizen', 'official', 'admin', 'intermediary'],
      errors: [401, 403],
      operationId: 'listCases',
      response: z.array(caseSummarySchema),
      summary:
        "Cases: a citizen's own, an official's teams', all for admins; an intermediary's: those of the citizens who mandated it that their mandate lets it view",
      handler: async ({ principal }) => {
        const rows =
          principal.kind === 'citizen'
            ? await store.cases.listBySubject(principal.bsn)
            : principal.kind === 'organisation'
              ? (
                  await Promise.all(
                    [
                      ...(
                        await store.mandates.citizensOf(
                          { kind: 'organisation', id: principal.kvk },
                          clock.now().toISOString(),
                        )
                      ).keys(),
                    ].map((bsn) => store.cases.listBySubject(bsn)),
                  )
                ).flat()
              : principal.role === 'admin'
                ? await store.cases.listAll()
                : await store.cases.listByTeams(principal.teams);
        const seen: CaseRow[] = [];
        const at = clock.now().toISOString();
        for (const r of rows) if (await canSeeCase(store, principal, r, at)) seen.push(r);
        return {
          body: seen.map((r) => ({
            id: r.id,
            reference: r.reference,
            process: r.processKey,
            version: r.version,
            status: r.status,
            step: r.step,
            outcome: r.outcome,
            createdAt: r.createdAt,
            updatedAt: r.updatedAt,
          })),
        };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/cases/:id',
      tag: 'cases',
      roles: ['citizen', 'official', 'admin', 'intermediary'],
      errors: [401, 403, 404, 422, 503],
      operationId: 'getCase',
      requestHeaders: purposeHeader,
      response: caseViewSchema,
      etag: true,
      summary: 'The case view: current step with fields, allowed actions, timeline, explanations, outcome',
      handler: async ({ req, principal, params, lang }) =>
        // Staff's and intermediaries' reads are logged for the citizen (runtime/auth/reads.ts).
        view(await readCase(store, clock, { principal, req }, params.id), principal, lang),
    }),
    defineRoute({
      method: 'get',
      path: '/api/cases/:id/letter',
      tag: 'cases',
      roles: ['citizen', 'official', 'admin', 'intermediary'],
      errors: [401, 403, 404, 422, 503],
      operationId: 'getCaseLetter',
      requestHeaders: purposeHeader,
      responseText: 'application/pdf',
      headers: { 'Content-Disposition': 'attachment; filename="besluit-<reference>.pdf" (decision-… in English)' },
      summary:
        "The decision letter of an ended case (a PDF; its SHA-256 is the audit trail's letter.issued hash); 404 while the case has not ended. Who may read the case may read its letter; a letter not yet made is made now",
      handler: async ({ req, res, principal, params }) => {
        // Checked before the read is logged: a refusal (a case that has not ended) leaves no trace.
        const purpose = givenPurpose(req);
        const row = await visibleCase(store, principal, params.id, clock.now().toISOString());
        if (!letters.hasLetter(row)) throw new HttpError(404, 'not-found', 'letterNotFound');
        await recordApiRead(store, clock, { principal, req }, row, 'case', purpose);
        const letter = (await letters.forCase(row))!;
        res.set('Content-Disposition', `attachment; filename="${letter.filename}"`);
        res.set('X-Content-Type-Options', 'nosniff');
        // res.send of a Buffer sends the bytes as they are.
        return { body: null, text: letter.pdf as unknown as string, type: 'application/pdf' };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/cases/:id/events',
      tag: 'cases',
      roles: ['citizen', 'intermediary'],
      errors: [401, 403, 404, 409, 422, 503],
      operationId: 'sendEvent',
      requestHeaders: purposeHeader,
      response: caseViewSchema,
      etag: true,
      summary:
        'Send an event: submit (answers), a group event such as withdraw, or person.requested. An intermediary needs the `submit` right of its mandate for every event (answering a step submits it)',
      body: eventBody,
      handler: async ({ req, principal, params, body, lang, ifMatch }) => {
        // An intermediary's answer carries the case view: its read is logged before anything changes.
        const row = await readCase(store, clock, { principal, req }, params.id);
        const actor =
          principal.kind === 'organisation'
            ? await actingFor(principal, row.subject, row.processKey, 'submit')
            : principal;
        const next = await engine.send(
          row.id,
          { type: body.type, data: body.data },
          { actor: actorOf(actor), expectedRev: ifMatch, lang, step: body.step },
        );
        return view(next, principal, lang);
      },
    }),
  ];
}
