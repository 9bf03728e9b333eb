import { z } from 'zod';
import { citizenFacts, maskBsn } from '../../engine/index.js';
import { fieldsById, isValidBsn, t } from '../../model/index.js';
import { canSeeCase, actorOf } from '../../auth/index.js';
import { MAX_NOTE, MAX_NOTES_PER_CASE, type CaseRow, type Principal } from '../../store/index.js';
import { givenPurpose, purposeHeader, recordApiRead, visibleCase, type Reader } from '../access.js';
import { HttpError } from '../errors.js';
import { defineRoute, type RouteDef } from '../route.js';
import type { Services } from '../services.js';
import { caseFoundSchema, caseNoteSchema, citizenSchema, revealedBsnSchema } from '../schemas/citizen.js';

/** The longest search (a reference is 13 characters, a BSN 9 digits with some spaces or dots). */
const MAX_SEARCH = 40;
/** The most cases one search answers with. */
const MAX_FOUND = 50;

const staffName = (p: Principal) => (p.kind === 'user' ? p.name : actorOf(p));

/**
 * Who the citizen of a case is, for staff who may see the case (the rules of
 * GET /api/cases/:id): name, masked BSN, address and reach as far as known,
 * the documents they sent, the BSN in full on request (logged), internal
 * notes (never shown to the citizen), and search by reference or BSN.
 */
export function citizenRoutes({ store, engine, clock }: Services): RouteDef[] {
  const now = () => clock.now().toISOString();
  /** The case if the reader may see it (else 404); its read of `data` logged (else 503); a bad X-Purpose is 422 first. */
  const read = async (reader: Reader, id: string, data: 'citizen' | 'bsn' | 'notes' | 'document') => {
    const purpose = givenPurpose(reader.req);
    const row = await visibleCase(store, reader.principal, id, now());
    await recordApiRead(store, clock, reader, row, data, purpose);
    return row;
  };
  const documentsOf = async (row: CaseRow, lang: 'nl' | 'en') => {
    const fields = fieldsById((await engine.loadVersion(row.processKey, row.version)).process);
    return (await store.files.sentFor(row.id)).map((f) => ({
      ...f,
      label: t(fields.get(f.field)?.label, lang) || f.field,
    }));
  };
  return [
    defineRoute({
      method: 'get',
      path: '/api/case-search',
      tag: 'cases',
      roles: ['official', 'admin'],
      errors: [401, 403, 422],
      operationId: 'searchCases',
      query: { q: 'a case reference (OMS-XXXX-XXXX) or a BSN (9 digits, elfproef)' },
      response: z.array(caseFoundSchema),
      summary:
        "Find cases by reference or by the citizen's BSN: only cases you may see (your teams'; all for admins), newest first; a search by BSN is in the security log",
      handler: async ({ principal, query, lang }) => {
        const q = (query.q ?? '').trim();
        if (!q || q.length > MAX_SEARCH)
          throw new HttpError(422, 'invalid-request', 'searchQuery', {
            q: [`a case reference or a BSN, 1 to ${MAX_SEARCH} characters`],
          });
        const digits = q.replace(/[\s.]/g, '');
        let rows: CaseRow[];
        if (/^\d+$/.test(digits)) {
          if (!isValidBsn(digits))
            throw new HttpError(422, 'invalid-request', 'searchBsn', { q: ['not a valid BSN (elfproef)'] });
          rows = await store.cases.listBySubject(digits);
          await store.security.log({
            at: now(),
            kind: 'bsn.searched',
            account: staffName(principal),
            details: { bsn: digits },
          });
        } else {
          const row = await store.cases.byReference(q.toUpperCase());
          rows = row ? [row] : [];
        }
        const found = [];
        for (const row of rows) {
          if (found.length >= MAX_FOUND) break;
          if (!(await canSeeCase(store, principal, row, now()))) continue;
          const process = (await engine.loadVersion(row.processKey, row.version)).process;
          const tasks = (await store.tasks.list({ caseId: row.id })).filter(
            (x) => principal.kind !== 'user' || principal.role === 'admin' || principal.teams.includes(x.team),
          );
          const task = tasks.sort((a, b) => a.createdAt.localeCompare(b.createdAt)).at(-1);
          found.push({
            id: row.id,
            reference: row.reference,
            process: { key: row.processKey, title: t(process.title, lang) },
            status: row.status,
            bsn: maskBsn(row.subject),
            createdAt: row.createdAt,
            task: task ? { id: task.id, team: task.team, status: task.status } : null,
          });
        }
        return { body: found };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/cases/:id/citizen',
      tag: 'cases',
      roles: ['official', 'admin'],
      errors: [401, 403, 404, 422, 503],
      operationId: 'getCitizen',
      requestHeaders: purposeHeader,
      response: citizenSchema,
      summary:
        "Who the citizen of the case is, as far as known (their answers, the signal or register data the case started with, a contact request's reach), the BSN masked, and the documents they sent; the read is logged",
      handler: async ({ req, principal, params, lang }) => {
        const row = await read({ principal, req }, params.id, 'citizen');
        return {
          body: {
            bsn: maskBsn(row.subject),
            known: await citizenFacts(engine, store, row),
            documents: await documentsOf(row, lang),
          },
        };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/cases/:id/citizen/bsn',
      tag: 'cases',
      roles: ['official', 'admin'],
      errors: [401, 403, 404, 422, 503],
      success: 200,
      operationId: 'revealBsn',
      requestHeaders: purposeHeader,
      response: revealedBsnSchema,
      summary:
        "The citizen's BSN in full: every reveal is written to the security log (who, which case) and to the read log the citizen sees",
      handler: async ({ req, principal, params }) => {
        const row = await store.transaction(async () => {
          const r = await read({ principal, req }, params.id, 'bsn');
          await store.security.log({
            at: now(),
            kind: 'bsn.revealed',
            account: staffName(principal),
            details: { case: r.id, reference: r.reference },
          });
          return r;
        });
        return { body: { bsn: row.subject } };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/cases/:id/notes',
      tag: 'cases',
      roles: ['official', 'admin'],
      errors: [401, 403, 404, 422, 503],
      operationId: 'listCaseNotes',
      requestHeaders: purposeHeader,
      response: z.array(caseNoteSchema),
      summary: "Officials' internal notes on the case, oldest first (never shown to the citizen)",
      handler: async ({ req, principal, params }) => {
        const row = await read({ principal, req }, params.id, 'notes');
        return {
          body: (await store.notes.list(row.id)).map((n) => ({
            id: n.id,
            text: n.text,
            author: n.authorName,
            createdAt: n.createdAt,
          })),
        };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/cases/:id/notes',
      tag: 'cases',
      roles: ['official', 'admin'],
      errors: [401, 403, 404, 409, 422],
      success: 201,
      operationId: 'addCaseNote',
      response: caseNoteSchema,
      summary: `Add an internal note to the case (1–${MAX_NOTE} characters; at most ${MAX_NOTES_PER_CASE} per case, then 409)`,
      body: z.object({ text: z.string().trim().min(1).max(MAX_NOTE) }).strict(),
      handler: async ({ principal, params, body }) => {
        const row = await visibleCase(store, principal, params.id, now());
        const note = await store.transaction(async () => {
          if ((await store.notes.count(row.id)) >= MAX_NOTES_PER_CASE)
            throw new HttpError(409, 'too-many-notes', ['tooManyNotes', { max: MAX_NOTES_PER_CASE }]);
          return store.notes.add({
            caseId: row.id,
            author: actorOf(principal),
            authorName: staffName(principal),
            text: body.text,
            at: now(),
          });
        });
        return {
          status: 201,
          body: { id: note.id, text: note.text, author: note.authorName, createdAt: note.createdAt },
        };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/cases/:id/documents/:fileId',
      tag: 'cases',
      roles: ['official', 'admin'],
      errors: [401, 403, 404, 422, 503],
      operationId: 'getCaseDocument',
      requestHeaders: purposeHeader,
      responseText: 'application/octet-stream',
      headers: { 'Content-Disposition': 'attachment; filename="<the name the citizen gave, in safe characters>"' },
      summary:
        "A document the citizen sent with the case, as uploaded (Content-Type says what it is); 404 for another case's or an unsent one; the read is logged",
      handler: async ({ req, res, principal, params }) => {
        // Checked before the read is logged: a document that is not this case's leaves no trace.
        const purpose = givenPurpose(req);
        const row = await visibleCase(store, principal, params.id, now());
        const sent = (await store.files.sentFor(row.id)).find((f) => f.id === params.fileId);
        const file = sent ? await store.files.get(sent.id) : undefined;
        if (!file || file.caseId !== row.id) throw new HttpError(404, 'not-found', 'documentNotFound');
        await recordApiRead(store, clock, { principal, req }, row, 'document', purpose);
        const safe = file.name.replace(/[^\w.-]+/g, '_').slice(0, 100) || `document-${file.id}`;
        res.set('Content-Disposition', `attachment; filename="${safe}"`);
        res.set('X-Content-Type-Options', 'nosniff');
        res.set('Cache-Control', 'no-store');
        // res.send of a Buffer sends the bytes as they are.
        return { body: null, text: file.data as unknown as string, type: file.type };
      },
    }),
  ];
}
