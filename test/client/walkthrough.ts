/**
 * The README's curl walk-through ("Walk a case through the API") as code,
 * with the client generated from /api/openapi.json: every path, body and
 * answer below is type-checked (`npx tsc --noEmit -p .`) against the
 * document, and test/client/walkthrough.test.ts runs it against a server.
 */
import { createApiClient, type Answer, type Schemas } from '../../browser/api/client.js';

/** What the walk-through saw, step by step, for the test to assert. */
export type WalkThrough = {
  caseId: string;
  wrongAnswer: { status: number; code: string; details: Record<string, string[]> };
  afterHousehold: string | undefined;
  because: string | undefined;
  replayed: { header: string | null; sameStep: boolean };
  taskId: string;
  claimed: Schemas['Task']['status'];
  completed: Schemas['Task']['status'];
  completedStatus: number;
  outcome: Schemas['CaseView']['outcome'];
  timeline: Schemas['CaseView']['timeline'];
};

/** The `data` of an answer, or a failure naming the operation and the error envelope. */
function ok<T>(what: string, answer: { data?: T; error?: unknown; response: Response }): T {
  if (answer.data === undefined) throw new Error(`${what}: ${answer.response.status} ${JSON.stringify(answer.error)}`);
  return answer.data;
}

export async function walkThrough(
  baseUrl: string,
  tokens: { citizen: string; official: string },
): Promise<WalkThrough> {
  const citizen = createApiClient(baseUrl, { token: tokens.citizen });
  const official = createApiClient(baseUrl, { token: tokens.official });

  // 1. The citizen starts a case; the answer is the case view (step, fields, actions).
  const started = ok(
    'start',
    await citizen.POST('/api/processes/{key}/cases', {
      params: { path: { key: 'kwijtschelding' } },
      body: {},
    }),
  );
  const caseId = started.id;
  // The answer is typed: a field the case view lacks does not compile.
  // @ts-expect-error the case view has no `verdict` (the outcome is under `outcome`)
  void started.verdict;
  const byId = { params: { path: { id: caseId } } };

  // 2. First form step: household. A wrong answer gets 422 with field errors.
  const wrong = await citizen.POST('/api/cases/{id}/events', {
    ...byId,
    body: { type: 'submit', data: { huishouden: 'kasteel' } },
  });
  if (!wrong.error) throw new Error('a wrong answer was accepted');
  const wrongAnswer = {
    status: wrong.response.status,
    code: wrong.error.error.code,
    details: wrong.error.error.details as Record<string, string[]>,
  };
  const household = ok(
    'household',
    await citizen.POST('/api/cases/{id}/events', {
      ...byId,
      body: { type: 'submit', data: { huishouden: 'samen', aanslagnummer: '2026-0042' } },
    }),
  );

  // 3. Income and assets. An income close to the norm: the rules cannot decide, so an official takes over.
  // Sent twice with one Idempotency-Key: the retry gets the first answer and changes nothing.
  const income = {
    params: { path: { id: caseId }, header: { 'Idempotency-Key': '3f1c0b7e-geldzaken' } },
    body: {
      type: 'submit',
      data: { inkomen: '1.850,00', vermogen: '100', heeftAuto: 'nee', iban: 'NL91 ABNA 0417 1643 00' },
    },
  };
  const first = await citizen.POST('/api/cases/{id}/events', income);
  const assessed = ok('income', first);
  const retry = await citizen.POST('/api/cases/{id}/events', income);
  const replayed = {
    header: retry.response.headers.get('Idempotent-Replayed'),
    sameStep: retry.data?.step?.id === assessed.step?.id,
  };

  // 4. The official sees the task in the team queue, claims it and rejects with a reason for the citizen.
  const queue = ok(
    'queue',
    await official.GET('/api/tasks', { params: { query: { team: 'belastingen', status: 'open' } } }),
  );
  const taskId = queue[0].id;
  const byTask = { params: { path: { id: taskId } } };
  const claimed = ok('claim', await official.POST('/api/tasks/{id}/claim', byTask));
  const done = await official.POST('/api/tasks/{id}/complete', {
    ...byTask,
    body: { outcome: 'afwijzen', data: { reden: 'Uw vaste lasten zijn lager dan de norm.' } },
  });
  const completed = ok('complete', done);

  // 5. The citizen sees the outcome, the reason, the timeline and the messages.
  const ended = ok('case', await citizen.GET('/api/cases/{id}', byId));
  // The answer types by operation: GET /api/cases/{id} answers the CaseView.
  const view: Answer<'getCase'> = ended;
  const sameView: Schemas['CaseView'] = view;
  const inEnglish = ok(
    'case in English',
    await citizen.GET('/api/cases/{id}', { params: { path: { id: caseId }, query: { lang: 'en' } } }),
  );

  return {
    caseId,
    wrongAnswer,
    afterHousehold: household.step?.id,
    because: assessed.explanations[0]?.because,
    replayed,
    taskId,
    claimed: claimed.status,
    completed: completed.status,
    completedStatus: done.response.status,
    outcome: sameView.outcome,
    timeline: inEnglish.timeline,
  };
}

/**
 * The README's other worked examples: a designer copies a process into a
 * draft and publishes it, imports a BPMN file (XML, a raw body); an admin
 * sends a signal from the income register and reads the take-up figures.
 */
export async function designAndSignal(baseUrl: string, tokens: { designer: string; admin: string }, bpmn: string) {
  const designer = createApiClient(baseUrl, { token: tokens.designer });
  const admin = createApiClient(baseUrl, { token: tokens.admin });

  const grofvuil = ok('process', await designer.GET('/api/processes/{key}', { params: { path: { key: 'grofvuil' } } }));
  const copy = { ...(grofvuil.definition as Schemas['Process']), key: 'grofvuil-kopie' };
  const saved = ok(
    'draft',
    await designer.PUT('/api/processes/{key}/draft', {
      params: { path: { key: copy.key } },
      body: copy,
    }),
  );
  const published = ok(
    'publish',
    await designer.POST('/api/processes/{key}/publish', {
      params: { path: { key: copy.key } },
      body: { effectiveFrom: '2026-03-02' },
    }),
  );

  // A raw body: the XML as it is, with its media type.
  const imported = ok(
    'import',
    await designer.POST('/api/processes/import/bpmn', {
      params: { query: { key: 'melding-import' } },
      body: bpmn,
      bodySerializer: (xml: string) => xml,
      headers: { 'Content-Type': 'application/xml' },
    }),
  );

  const signal = ok(
    'signal',
    await admin.POST('/api/signals', {
      body: { type: 'inkomen.vastgesteld', subject: '111222333', data: { inkomen: 1200 } },
    }),
  );
  const takeUp = ok(
    'take-up',
    await admin.GET('/api/processes/{key}/take-up', { params: { path: { key: 'stadspas' } } }),
  );
  return {
    problems: saved.problems,
    version: published.version,
    imported: { key: imported.key, unmapped: imported.unmapped.length },
    started: signal.started,
    reached: takeUp.reached,
  };
}
