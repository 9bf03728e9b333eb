// The API's own error messages, in Dutch: the reference language. ICU MessageFormat. The error envelope's
// `message` is rendered in the language the request asks for (Accept-Language or ?lang=), Dutch by default.
export default {
  badRequest: 'het verzoek kon niet worden gelezen',
  forbidden: 'het verzoek is niet toegestaan',
  notFound: 'niet gevonden',
  payloadTooLarge: 'de body van het verzoek is te groot',
  unsupportedMediaType: 'de body van het verzoek heeft een soort of codering die deze route niet aanneemt',
  notHandled: 'het verzoek kon niet worden afgehandeld',
  staleCase: 'de zaak is intussen gewijzigd; laad opnieuw en probeer het nog eens',
  changedConcurrently:
    'deze zaak is tegelijk door iemand anders gewijzigd; laad de zaak opnieuw en probeer het nog eens',
  storeUnavailable:
    'de database is nu niet bereikbaar; het verzoek heeft niets veranderd; probeer het over enkele seconden opnieuw',
  expressionFailed:
    'een regel van dit proces kan voor deze invoer niet worden toegepast; er is niets veranderd; vraag om een medewerker',
  tooManyFields: 'het formulier heeft te veel velden',
  invalidJson: 'de body van het verzoek is geen geldige JSON',
  unsupportedEncoding: 'de Content-Encoding is niet een van gzip, deflate, br of identity',
  unsupportedCharset: 'de body moet UTF-8 zijn',
  invalidLength: 'de body is niet zo lang als de Content-Length zegt',
  requestAborted: 'het verzoek hield op voordat de body klaar was',
  invalidContentEncoding: 'de body is niet gecodeerd zoals de Content-Encoding zegt',
  invalidUrl: 'het webadres klopt niet (een verkeerde %-code)',
  internal: 'er ging iets mis aan onze kant; het verzoek heeft niets veranderd',
  numberParam: '{name} is {integer, select, yes {een geheel getal} other {een getal}} van {min} tot en met {max}',
  ifMatch: 'If-Match neemt de revisie uit de ETag, zoals "3"',
  repeatedQuery: 'een queryparameter is meer dan eens gegeven',
  csrf: 'stuur de header X-CSRF-Token uit GET /api/session',
  unauthenticated: 'stuur een bearer-token: Authorization: Bearer <token>',
  needsRole: 'hiervoor is de rol {roles} nodig',
  reservedWord: 'de body van het verzoek gebruikt een gereserveerd woord als naam',
  bodyNeedsCorrecting: 'de body van het verzoek moet worden verbeterd',
  idempotencyKeyTooLong: 'een Idempotency-Key heeft hoogstens 200 tekens',
  idempotencyKeyReused: 'deze Idempotency-Key is gebruikt voor een ander verzoek',
  jsonTooDeep: 'de JSON-body is dieper genest dan {max} niveaus; stuur een platter document',
  caseNotFound: 'zaak niet gevonden',
  taskNotFound: 'taak niet gevonden',
  clientNotFound: 'API-client niet gevonden',
  deliveryNotFound: 'verzending niet gevonden',
  letterNotFound: 'brief niet gevonden',
  documentNotFound: 'document niet gevonden',
  mandateNotFound: 'machtiging niet gevonden',
  apiTakesJson: 'de API neemt JSON aan (zie /api/openapi.json); formulieren en uploads worden niet gelezen',
  noRoute: 'geen route {method} {url}',
  tooMany:
    'te veel {scope, select, signin {mislukte inlogpogingen} other {verzoeken met een onbekend token}} vanaf uw adres ' +
    '({limit} in {minutes} min); probeer het over {seconds} seconden opnieuw',
  signInLocked:
    '{failedNow, select, yes {naam of wachtwoord klopt niet, en dat was } other {}}te vaak mislukt inloggen met ' +
    'deze naam: inloggen ermee is {seconds} seconden geblokkeerd (tot {until}), ook met het goede wachtwoord',
  invalidCredentials: 'naam of wachtwoord klopt niet',
  responseOffSchema: '{operationId} antwoordde buiten zijn schema: {problems}',
  // Routes: tasks.
  onlyOfficialsHandleTasks: 'alleen medewerkers behandelen taken',
  notInTeam: "u zit niet in team ''{team}''",
  taskStatusParam: 'status is open, claimed, completed, closed of active',
  taskSortParam: "sort is deadline, received of -received, niet ''{sort}''",
  overdueParam: 'overdue is true of false',
  notTeamOfficial: "''{user}'' is geen medewerker van team ''{team}''",
  teamHasNoOfficials: "in team ''{team}'' werkt geen medewerker; kies een team waarin medewerkers werken",
  // Routes: who the citizen is, notes, search.
  searchQuery: 'zoek op een zaaknummer (OMS-…) of een BSN',
  searchBsn: 'dit BSN klopt niet (elfproef); controleer de 9 cijfers',
  tooManyNotes: 'deze zaak heeft al {max} notities; meer kunnen er niet bij',
  // Routes: teams.
  teamExists: 'team ‘{team}’ bestaat al; kies een ander id',
  teamNotFound: 'team ‘{team}’ bestaat niet',
  teamHasUsers:
    'in team ‘{team}’ {n, plural, one {zit nog # gebruiker} other {zitten nog # gebruikers}}: haal {n, plural, one {die} other {ze}} eerst uit het team (PUT /api/users/:name)',
  teamHasOpenTasks:
    'team ‘{team}’ heeft nog {n, plural, one {# open taak} other {# open taken}}: rond ze af of geef ze eerst aan een ander team',
  teamInProcesses:
    'een gepubliceerd proces noemt team ‘{team}’ ({processes}): publiceer eerst een versie met een ander team',
  unknownTeams:
    '{n, plural, one {dit team bestaat niet} other {deze teams bestaan niet}}: {teams}; kies bestaande teams (GET /api/teams) of laat een beheerder ze aanmaken (POST /api/teams)',
  unknownTeam: 'team ‘{team}’ bestaat niet; kies een team uit de lijst van teams (GET /api/teams)',
  // Routes: insights.
  dateParam: '{name} is een echte datum zoals 2026-03-01 (of een tijdstip zoals 2026-03-01T09:00:00Z)',
  periodOrder: 'from ligt na to: kies een begin van de periode dat vóór het einde ligt',
  scanDryRunOnly: 'een ontwerper mag alleen proefdraaien (dryRun=true); een beheerder start de zaken',
  versionNotFound: 'versie niet gevonden',
  feedbackGiven: 'over deze zaak is al feedback gegeven',
  // Routes: session.
  signedInByStream: 'inloggen gebeurt asynchroon (stream)',
  queryNeedsCorrecting: 'een queryparameter moet worden verbeterd',
  // Routes: processes.
  streamed: 'afgehandeld als stream',
  processNotFound: "proces ''{key}'' niet gevonden",
  bpmnAsXml: 'stuur het BPMN-bestand als application/xml',
  bpmnTooLarge: 'een BPMN-bestand is hoogstens 5 MB',
  invalidBpmn: 'dit is geen BPMN 2.0-proces: {problem}',
  processKey: 'de key bestaat uit kleine letters, cijfers en streepjes',
  processExists: "er is al een proces ''{key}'': kies een andere key",
  // Routes: proactive.
  extractTooLarge: 'een bestand uit het register is hoogstens {limit} bytes; verdeel het over kleinere bestanden',
  extractIncomplete: 'het bestand is niet helemaal aangekomen; er is niets gestart',
  extractType: 'stuur het bestand als text/csv of application/x-ndjson',
  dryRunParam: 'dryRun is true of false',
  invalidExtract: '{problem}; er is niets gestart',
  citizensOnly: 'dit is alleen voor inwoners',
  // Routes: cases.
  citizenStartsOwnCases: 'een inwoner start alleen zaken voor zichzelf',
  nameTheCitizen: 'noem de inwoner: "subject" (BSN)',
  referenceDateOfficialsOnly: 'alleen medewerkers stellen een peildatum in',
  // Routes: notices (admin).
  deliveryStatusParam: 'status is pending, sent of dead',
  deliveryNotDead:
    'deze bezorging is geen dode brief (status {status}); alleen een dode brief kan opnieuw worden geprobeerd',
  // Per field of a request (details).
  issues: {
    number: '{integer, select, yes {een geheel getal} other {een getal}} van {min} tot en met {max}',
  },
  // Mandates registered by officials, and intermediaries acting by them (routes/mandates.ts, cases.ts).
  mandates: {
    documentTooLarge: 'een document is ten hoogste {limit, number} bytes groot; stuur een kleiner bestand',
    revokedAlready: 'deze machtiging is al ingetrokken',
    noMandate:
      'uw organisatie heeft geen machtiging van deze inwoner die dit toestaat voor dit proces (nodig: {right, select, view {inzien} fill {invullen} submit {indienen} other {berichten}})',
  },
};
