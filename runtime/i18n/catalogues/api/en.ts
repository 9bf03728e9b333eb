import type { Like } from '../../translate.js';
import type nl from './nl.js';

// The API's own error messages, in English.
export default {
  badRequest: 'the request could not be read',
  forbidden: 'the request is not allowed',
  notFound: 'not found',
  payloadTooLarge: 'the request body is too large',
  unsupportedMediaType: 'the request body has a type or encoding this route does not take',
  notHandled: 'the request could not be handled',
  staleCase: 'the case changed meanwhile; reload and try again',
  changedConcurrently: 'somebody else changed this case at the same moment; reload the case and try again',
  storeUnavailable: 'the database cannot be reached now; the request changed nothing; try again in a few seconds',
  expressionFailed: 'a rule of this process cannot be evaluated for this input; nothing was changed; ask for a person',
  tooManyFields: 'the form has too many fields',
  invalidJson: 'the request body is not valid JSON',
  unsupportedEncoding: 'the Content-Encoding is not one of gzip, deflate, br or identity',
  unsupportedCharset: 'the body must be UTF-8',
  invalidLength: 'the body is not as long as its Content-Length says',
  requestAborted: 'the request ended before its body did',
  invalidContentEncoding: 'the body is not encoded as its Content-Encoding says',
  invalidUrl: 'the URL is malformed (a bad %-escape)',
  internal: 'something went wrong on our side; the request changed nothing',
  numberParam: '{name} is {integer, select, yes {a whole number} other {a number}} from {min} to {max}',
  ifMatch: 'If-Match takes the revision from the ETag, like "3"',
  repeatedQuery: 'a query parameter was given more than once',
  csrf: 'send the X-CSRF-Token header from GET /api/session',
  unauthenticated: 'send a bearer token: Authorization: Bearer <token>',
  needsRole: 'this needs the role {roles}',
  reservedWord: 'the request body uses a reserved word as a name',
  bodyNeedsCorrecting: 'the request body needs correcting',
  idempotencyKeyTooLong: 'an Idempotency-Key has at most 200 characters',
  idempotencyKeyReused: 'this Idempotency-Key was used for a different request',
  jsonTooDeep: 'the JSON body nests deeper than {max} levels; send a flatter document',
  caseNotFound: 'case not found',
  taskNotFound: 'task not found',
  clientNotFound: 'API client not found',
  deliveryNotFound: 'delivery not found',
  letterNotFound: 'letter not found',
  documentNotFound: 'document not found',
  mandateNotFound: 'mandate not found',
  apiTakesJson: 'the API takes JSON (see /api/openapi.json); forms and uploads are not read',
  noRoute: 'no route {method} {url}',
  tooMany:
    'too many {scope, select, signin {failed sign-ins} other {requests with an unknown token}} from your address ' +
    '({limit} in {minutes} min); try again in {seconds} seconds',
  signInLocked:
    '{failedNow, select, yes {name or password is not right, and that was } other {}}too many failed sign-ins with ' +
    'this name: signing in with it is locked for {seconds} seconds (until {until}), even with the right password',
  invalidCredentials: 'name or password is not right',
  responseOffSchema: '{operationId} answered outside its schema: {problems}',
  // Routes: tasks.
  onlyOfficialsHandleTasks: 'only officials handle tasks',
  notInTeam: "you are not in team ''{team}''",
  taskStatusParam: 'status is open, claimed, completed, closed or active',
  taskSortParam: "sort is deadline, received or -received, not ''{sort}''",
  overdueParam: 'overdue is true or false',
  notTeamOfficial: "''{user}'' is not an official of team ''{team}''",
  teamHasNoOfficials: "no official works in team ''{team}''; choose a team that officials work in",
  // Routes: who the citizen is, notes, search.
  searchQuery: 'search by a case reference (OMS-…) or a BSN',
  searchBsn: 'this BSN is not right (elfproef); check the 9 digits',
  tooManyNotes: 'this case has {max} notes already; no more can be added',
  // Routes: teams.
  teamExists: 'team ‘{team}’ exists already; choose another id',
  teamNotFound: 'team ‘{team}’ does not exist',
  teamHasUsers:
    '{n, plural, one {# user is} other {# users are}} still in team ‘{team}’: take {n, plural, one {them} other {them}} out of the team first (PUT /api/users/:name)',
  teamHasOpenTasks:
    'team ‘{team}’ still has {n, plural, one {# open task} other {# open tasks}}: finish them or move them to another team first',
  teamInProcesses: 'a published process names team ‘{team}’ ({processes}): publish a version with another team first',
  unknownTeams:
    '{n, plural, one {this team does not exist} other {these teams do not exist}}: {teams}; choose existing teams (GET /api/teams) or have an admin create them (POST /api/teams)',
  unknownTeam: 'team ‘{team}’ does not exist; choose a team from the list of teams (GET /api/teams)',
  // Routes: insights.
  dateParam: '{name} is a real date like 2026-03-01 (or an instant like 2026-03-01T09:00:00Z)',
  periodOrder: 'from is after to: choose a start of the period before its end',
  scanDryRunOnly: 'a designer may only do a dry run (dryRun=true); an admin starts the cases',
  versionNotFound: 'version not found',
  feedbackGiven: 'feedback on this case was given already',
  // Routes: session.
  signedInByStream: 'signed in asynchronously (stream)',
  queryNeedsCorrecting: 'a query parameter needs correcting',
  // Routes: processes.
  streamed: 'streamed',
  processNotFound: "process ''{key}'' not found",
  bpmnAsXml: 'send the BPMN file as application/xml',
  bpmnTooLarge: 'a BPMN file has at most 5 MB',
  invalidBpmn: 'not a BPMN 2.0 process: {problem}',
  processKey: 'key has lowercase letters, digits and hyphens',
  processExists: "a process ''{key}'' exists already: choose another key",
  // Routes: proactive.
  extractTooLarge: 'a register extract has at most {limit} bytes; split it into smaller files',
  extractIncomplete: 'the extract did not arrive in full; nothing was started',
  extractType: 'send the extract as text/csv or application/x-ndjson',
  dryRunParam: 'dryRun is true or false',
  invalidExtract: '{problem}; nothing was started',
  citizensOnly: 'citizens only',
  // Routes: cases.
  citizenStartsOwnCases: 'a citizen starts cases for themselves only',
  nameTheCitizen: 'name the citizen: "subject" (BSN)',
  referenceDateOfficialsOnly: 'only officials set a reference date',
  // Routes: notices (admin).
  deliveryStatusParam: 'status is pending, sent or dead',
  deliveryNotDead: 'this delivery is not a dead letter (status {status}); only a dead letter can be retried',
  issues: {
    number: '{integer, select, yes {a whole number} other {a number}} from {min} to {max}',
  },
  // Mandates registered by officials, and intermediaries acting by them (routes/mandates.ts, cases.ts).
  mandates: {
    documentTooLarge: 'a document is at most {limit, number} bytes; send a smaller file',
    revokedAlready: 'this mandate was revoked already',
    noMandate:
      'your organisation has no mandate from this citizen that allows this for this process (needed: {right, select, view {view} fill {fill in} submit {submit} other {messages}})',
  },
} satisfies Like<typeof nl>;
