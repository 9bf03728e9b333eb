import { z } from 'zod';
import { calendarDateSchema, importBpmn, publicDefinition, t, toMermaid, type Process } from '../../model/index.js';
import { canSeeDrafts, designRoles } from '../../auth/index.js';
import type { Services } from '../services.js';
import {
  bpmnImportSchema,
  machineSchema,
  processDetailSchema,
  processSummarySchema,
  publishedSchema,
  savedDraftSchema,
  versionSchema,
} from '../schemas/processes.js';
import { HttpError } from '../errors.js';
import { defineRoute, rawBody, type RouteDef } from '../route.js';

const versionParam = (v: string) => {
  if (!/^[1-9]\d{0,8}$/.test(v)) throw new HttpError(404, 'not-found', 'versionNotFound');
  return Number(v);
};

export function processRoutes({ store, processes }: Services): RouteDef[] {
  const published = async (key: string) => {
    const latest = await store.processes.latest(key);
    if (!latest) throw new HttpError(404, 'not-found', ['processNotFound', { key }]);
    return latest;
  };
  /** The list of teams with their officials: the drafts' teams are checked against it (P032, P033). */
  const knownTeams = async () => new Map((await store.teams.withMembers()).map((t) => [t.id, t.members]));
  return [
    defineRoute({
      method: 'get',
      path: '/api/processes',
      tag: 'processes',
      roles: ['citizen', 'official', 'designer', 'admin'],
      errors: [401],
      operationId: 'listProcesses',
      response: z.array(processSummarySchema),
      summary: 'List processes: published ones for everybody, drafts too for designers',
      handler: async ({ principal, lang }) => {
        const rows = await store.processes.list();
        const teams = canSeeDrafts(principal) ? await knownTeams() : undefined;
        // Side by side: on PostgreSQL each is a round trip, and the pool runs them at once.
        const latests = await Promise.all(rows.map((p) => store.processes.latest(p.key)));
        const body = [];
        for (const [i, p] of rows.entries()) {
          const latest = latests[i];
          if (!latest && !canSeeDrafts(principal)) continue;
          const def = (latest?.definition ?? p.draft) as { title?: never; description?: never };
          body.push({
            key: p.key,
            title: t(def.title, lang),
            description: t(def.description, lang) || undefined,
            latestVersion: latest?.version ?? null,
            ...(canSeeDrafts(principal)
              ? { versions: p.versions, updatedAt: p.updatedAt, problems: processes.problems(p.draft, teams).length }
              : {}),
          });
        }
        return { body };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/processes/:key',
      tag: 'processes',
      roles: ['citizen', 'official', 'designer', 'admin'],
      errors: [401, 404],
      operationId: 'getProcess',
      response: processDetailSchema,
      summary: 'A process: its draft with problems (designers) and its published versions',
      handler: async ({ principal, params, lang }) => {
        const row = await store.processes.get(params.key);
        if (!row || (!canSeeDrafts(principal) && !row.versions.length))
          throw new HttpError(404, 'not-found', ['processNotFound', { key: params.key }]);
        const latest = await store.processes.latest(params.key);
        return {
          body: {
            key: row.key,
            versions: row.versions,
            latestVersion: latest?.version ?? null,
            definition: latest
              ? principal.kind === 'citizen'
                ? publicDefinition(latest.definition as Process)
                : (latest.definition as Process)
              : null,
            versionList: (await store.processes.versions(row.key)).map((v) => ({
              version: v.version,
              publishedAt: v.publishedAt,
              publishedBy: v.publishedBy,
              effectiveFrom: v.effectiveFrom,
            })),
            ...(canSeeDrafts(principal)
              ? {
                  draft: row.draft as Record<string, unknown>,
                  problems: processes.problems(row.draft, await knownTeams(), lang),
                  updatedAt: row.updatedAt,
                }
              : {}),
          },
        };
      },
    }),
    defineRoute({
      method: 'put',
      path: '/api/processes/:key/draft',
      tag: 'processes',
      roles: designRoles,
      errors: [400, 401, 403, 413, 422],
      operationId: 'saveDraft',
      response: savedDraftSchema,
      bodyDoc: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Process' } } } },
      summary: 'Save the draft (saved even with problems; the problems are returned)',
      // The body as sent (not a copy): a copy would drop a `__proto__` key the checks must report (P030).
      keepsReservedKeys: true,
      body: z.custom<Record<string, unknown>>(
        (v) => !!v && typeof v === 'object' && !Array.isArray(v),
        'a process definition is a JSON object',
      ),
      handler: async ({ principal, params, body, lang }) => ({
        body: await processes.saveDraft(params.key, body, principal.kind === 'user' ? principal.name : null, {
          known: await knownTeams(),
          lang,
        }),
      }),
    }),
    defineRoute({
      method: 'post',
      path: '/api/processes/:key/publish',
      tag: 'processes',
      roles: designRoles,
      errors: [401, 403, 404, 422],
      success: 201,
      operationId: 'publishProcess',
      response: publishedSchema,
      summary:
        'Publish the draft as the next immutable version (refused while problems remain, among them a team that does not exist or has no officials: P032, P033); `effectiveFrom` sets the date it is in force from',
      body: z.object({ effectiveFrom: calendarDateSchema.optional() }).strict(),
      handler: async ({ principal, params, body, lang }) => ({
        status: 201,
        body: await processes.publish(
          params.key,
          principal.kind === 'user' ? principal.name : null,
          body.effectiveFrom,
          { teams: knownTeams, lang },
        ),
      }),
    }),
    defineRoute({
      method: 'get',
      path: '/api/processes/:key/versions/:version',
      tag: 'processes',
      roles: ['citizen', 'official', 'designer', 'admin'],
      errors: [401, 404],
      operationId: 'getVersion',
      response: versionSchema,
      summary: 'A published version: its definition',
      handler: async ({ principal, params }) => {
        await published(params.key);
        const v = await store.processes.version(params.key, versionParam(params.version));
        if (!v) throw new HttpError(404, 'not-found', 'versionNotFound');
        const definition =
          principal.kind === 'citizen' ? publicDefinition(v.definition as Process) : (v.definition as Process);
        return {
          body: { key: v.key, version: v.version, publishedAt: v.publishedAt, publishedBy: v.publishedBy, definition },
        };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/processes/:key/versions/:version/mermaid',
      tag: 'processes',
      roles: ['official', 'designer', 'admin'],
      errors: [401, 403, 404],
      operationId: 'getVersionMermaid',
      responseText: 'text/vnd.mermaid',
      query: { lang: 'nl (default) or en' },
      summary: 'A published version as a Mermaid state diagram (text/vnd.mermaid), for documentation',
      handler: async ({ params, lang }) => {
        const v = await store.processes.version(params.key, versionParam(params.version));
        if (!v) throw new HttpError(404, 'not-found', 'versionNotFound');
        return { body: null, text: toMermaid(v.definition as Process, lang), type: 'text/vnd.mermaid; charset=utf-8' };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/processes/import/bpmn',
      tag: 'processes',
      roles: designRoles,
      errors: [400, 401, 403, 413, 415, 422],
      success: 201,
      operationId: 'importBpmn',
      response: bpmnImportSchema,
      bodyDoc: rawBody('a BPMN 2.0 file', ['application/xml', 'text/xml', 'application/bpmn+xml']),
      query: { key: 'the key of the new draft (default: the BPMN process id)' },
      summary:
        "Import a BPMN 2.0 file (application/xml) into a draft: start/end events, user tasks, exclusive gateways with conditions, timer and message events; returns the checks' problems and what could not be mapped",
      handler: () => {
        throw new HttpError(500, 'internal', 'streamed');
      },
      stream: async ({ req, principal, query, lang }) => {
        const type = (req.get('content-type') ?? '').split(';')[0].trim();
        if (!['application/xml', 'text/xml', 'application/bpmn+xml'].includes(type))
          throw new HttpError(415, 'unsupported-media-type', 'bpmnAsXml');
        const chunks: Buffer[] = [];
        let size = 0;
        for await (const chunk of req as AsyncIterable<Buffer>) {
          size += chunk.length;
          if (size > 5 * 1024 * 1024) throw new HttpError(413, 'payload-too-large', 'bpmnTooLarge');
          chunks.push(chunk);
        }
        let imported;
        try {
          imported = await importBpmn(Buffer.concat(chunks).toString('utf8'));
        } catch (e) {
          throw new HttpError(422, 'invalid-bpmn', ['invalidBpmn', { problem: (e as Error).message }]);
        }
        const key = query.key ?? imported.definition.key;
        if (!/^[a-z0-9][a-z0-9-]{0,62}$/.test(key))
          throw new HttpError(422, 'invalid-request', 'processKey', {
            key: ['lowercase letters, digits and hyphens'],
          });
        if (await store.processes.get(key))
          throw new HttpError(422, 'invalid-request', ['processExists', { key }], {
            key: ['exists already'],
          });
        const { problems } = await processes.saveDraft(
          key,
          { ...imported.definition, key },
          principal.kind === 'user' ? principal.name : null,
          { known: await knownTeams(), lang },
        );
        return { status: 201, body: { key, problems, unmapped: imported.unmapped } };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/processes/:key/versions/:version/xstate',
      tag: 'processes',
      roles: ['official', 'designer', 'admin'],
      errors: [401, 403, 404],
      operationId: 'getVersionMachine',
      response: machineSchema,
      summary: "A published version's XState machine config (JSON; loads in createMachine and Stately Studio)",
      handler: async ({ params }) => {
        const v = await store.processes.version(params.key, versionParam(params.version));
        if (!v) throw new HttpError(404, 'not-found', 'versionNotFound');
        return { body: v.machine as Record<string, unknown> };
      },
    }),
  ];
}
