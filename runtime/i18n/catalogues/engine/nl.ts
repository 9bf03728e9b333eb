// What the engine refuses, in Dutch: the reference language. ICU MessageFormat; ''{x}'' is a value
// in single quotes. The engine throws codes with parameters; the API renders these in the reader's language.
export default {
  notFound: {
    process: "proces ''{key}'' niet gevonden",
    publishedProcess: "gepubliceerd proces ''{key}'' niet gevonden",
    version: "versie {version} van proces ''{key}'' niet gevonden",
    case: 'zaak niet gevonden',
    task: 'taak niet gevonden',
  },
  migrateToLater: 'zet over naar een latere versie',
  mappingNotAStep: "koppeling: ''{step}'' is geen stap van versie {version}",
  draftNotObject: 'een concept is een JSON-object (een procesdefinitie)',
  keyMismatch: "de \"key\" van de definitie ({declared}) moet ''{key}'' uit het webadres zijn",
  effectiveFromInvalid: 'effectiveFrom is een bestaande datum, zoals 2027-01-01',
  draftHasProblems:
    'het concept heeft {n, plural, one {# probleem; los het} other {# problemen; los ze}} op voordat u publiceert',
  noTriggers:
    "proces ''{key}'' heeft geen aanleidingen {hasSignal, select, yes {op signaal ''{signal}''} other {met een " +
    'voorwaarde}} om op te scannen',
  scanRunning: 'Er loopt al een scan voor dit proces. Probeer het over een paar minuten opnieuw.',
  busy: 'Hier wordt op dit moment al aan gewerkt. Probeer het zo opnieuw.',
  invalidFacts:
    "de gegevens van signaal ''{type}'' kloppen niet: ze passen niet bij de soorten die de processen noemen",
  eventNotAllowed: "''{event}'' kan nu niet bij stap ''{step}''",
  staleCase:
    'de zaak is gewijzigd sinds u haar las (revisie {expected}, nu {rev}); laad opnieuw en probeer het nog eens',
  answersNotObject: '"data" moet een object met antwoorden per veld-id zijn',
  answersNeedCorrecting: 'sommige antwoorden moeten worden verbeterd',
  staleTask: 'de taak is intussen gewijzigd; laad opnieuw en probeer het nog eens',
  staleTaskSinceRead:
    'de taak is gewijzigd sinds u haar las{hasHolder, select, yes { (nu in behandeling bij {holder})} other {}}; ' +
    'laad opnieuw en probeer het nog eens',
  migrationRunning:
    "er loopt al een migratie van ''{key}'' (op deze of een andere node); probeer het opnieuw als die klaar is",
  notInForce: "geen versie van ''{key}'' geldt op {date}",
  stepMismatch: "de zaak staat bij stap ''{step}'', niet ''{expected}''",
  nothingToSubmit: "er valt niets te versturen bij stap ''{step}''",
  notACitizenEvent: "''{event}'' is geen gebeurtenis die een inwoner kan sturen",
  noDeadline: 'deze taak heeft geen termijn om te verlengen',
  alreadyExtended: 'de termijn van deze taak is al een keer verlengd (op {date}); de Awb staat maar één verlenging toe',
  extensionNotLater: 'de nieuwe datum moet na de huidige termijn liggen',
  taskClosed: 'deze taak is al afgerond',
  taskClaimed: 'deze taak wordt behandeld door {assignee}',
  taskAlreadyClaimed: 'deze taak wordt al behandeld door {assignee}',
  proposalWaits: 'een uitkomst die {name} voorstelde, wacht op goedkeuring door een tweede medewerker',
  unknownOutcome: 'de uitkomst is een van: {options}',
  reasonRequired:
    'bij deze uitkomst krijgt de inwoner een afwijzing: schrijf de reden die de inwoner leest (in het redenveld of als bericht)',
  contactOutcome: "een contactverzoek rond u af met de uitkomst 'answered'",
  noteNotText: 'de notitie is tekst',
  noProposalToApprove: 'er is geen voorgestelde uitkomst om goed te keuren',
  noProposal: 'er is geen voorgestelde uitkomst',
  fourEyesOwn: 'een tweede medewerker moet goedkeuren: u stelde deze uitkomst zelf voor',
  fourEyesOther: 'een andere medewerker besluit over uw voorstel',
  decideOnProposal: 'een uitkomst wacht op goedkeuring; besluit daar eerst over',
  taskNotClaimed: 'deze taak is niet opgepakt',
  onlyHolderReleases: 'alleen {assignee} kan deze taak teruggeven',
  citizenMessageTooLong: 'het bericht aan de inwoner is tekst van hoogstens {max} tekens',
  personRequestNeedsCorrecting: 'de vraag om een medewerker moet worden verbeterd',
  expressionFailed:
    'een regel van dit proces kon niet worden toegepast ({reason}); er is niets veranderd — de ontwerper van het ' +
    'proces moet de regel eenvoudiger maken',
  // Per field of a request (details), like field issues.
  issues: {
    laterVersion: 'een latere versie dan from',
    notAStepOf: "''{step}'' is geen stap van versie {version}",
    mustBe: "moet ''{key}'' zijn",
    realDate: 'een bestaande datum, zoals 2027-01-01',
    chooseOneOf: 'kies een van: {options}',
    writeReason: 'Schrijf de reden voor de inwoner.',
    laterThanDeadline: 'Kies een datum na de huidige termijn.',
    useAnswered: "gebruik 'answered'",
    channel: "Kies 'phone', 'email' of 'visit'.",
    requestKind: "Kies 'question' of 'objection'.",
  },
  /** The case view's words: its timeline and the actions a citizen can take. */
  caseView: {
    person: 'Een medewerker spreken',
    submit: 'Antwoorden versturen',
    started: 'Aanvraag gestart',
    offered: 'Aanbod ontvangen',
    granted: 'Gestart door de gemeente, zonder aanvraag',
    handoff: 'Een medewerker behandelt uw aanvraag',
    contact: 'U heeft gevraagd om contact met een medewerker',
    contactDone: 'Een medewerker heeft uw vraag beantwoord',
    decided: 'Beoordeeld door een medewerker',
    sent: 'Antwoorden ontvangen',
    ended: 'Afgerond',
    message: 'Bericht verstuurd',
  },
};
