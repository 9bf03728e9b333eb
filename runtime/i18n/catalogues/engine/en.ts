import type { Like } from '../../translate.js';
import type nl from './nl.js';

// What the engine refuses, in English.
export default {
  notFound: {
    process: "process ''{key}'' not found",
    publishedProcess: "published process ''{key}'' not found",
    version: "version {version} of process ''{key}'' not found",
    case: 'case not found',
    task: 'task not found',
  },
  migrateToLater: 'migrate to a later version',
  mappingNotAStep: "mapping: ''{step}'' is not a step of version {version}",
  draftNotObject: 'a draft is a JSON object (a process definition)',
  keyMismatch: "the definition's \"key\" ({declared}) must equal ''{key}'' from the URL",
  effectiveFromInvalid: 'effectiveFrom is a real date like 2027-01-01',
  draftHasProblems: 'the draft has {n, plural, one {# problem; fix it} other {# problems; fix them}} before publishing',
  noTriggers:
    "process ''{key}'' has no triggers {hasSignal, select, yes {on signal ''{signal}''} other {with a condition}} " +
    'to scan for',
  scanRunning: 'A scan of this process is already running. Please try again in a few minutes.',
  busy: 'This is being worked on at this moment. Please try again shortly.',
  invalidFacts: "the facts of signal ''{type}'' need correcting: they do not match the types the processes declare",
  eventNotAllowed: "''{event}'' is not possible at step ''{step}'' now",
  staleCase: 'the case changed since you read it (revision {expected}, now {rev}); reload and try again',
  answersNotObject: '"data" must be an object of answers keyed by field id',
  answersNeedCorrecting: 'some answers need to be corrected',
  staleTask: 'the task changed meanwhile; reload and try again',
  staleTaskSinceRead:
    'the task changed since you read it{hasHolder, select, yes { (now held by {holder})} other {}}; reload and try again',
  migrationRunning: "a migration of ''{key}'' is already running (on this or another node); try again when it is done",
  notInForce: "no version of ''{key}'' is in force on {date}",
  stepMismatch: "the case is at step ''{step}'', not ''{expected}''",
  nothingToSubmit: "there is nothing to submit at step ''{step}''",
  notACitizenEvent: "''{event}'' is not an event a citizen can send",
  noDeadline: 'this task has no deadline to extend',
  alreadyExtended: 'the deadline of this task was extended once already (on {date}); the Awb allows only one extension',
  extensionNotLater: 'the new date must be after the current deadline',
  taskClosed: 'this task is already finished',
  taskClaimed: 'this task is being handled by {assignee}',
  taskAlreadyClaimed: 'this task is already being handled by {assignee}',
  proposalWaits: 'an outcome proposed by {name} waits for approval by a second official',
  unknownOutcome: 'outcome must be one of: {options}',
  reasonRequired:
    'this outcome refuses the citizen: write the reason the citizen reads (in the reason field or as a message)',
  contactOutcome: "a contact request is completed with outcome 'answered'",
  noteNotText: 'note must be text',
  noProposalToApprove: 'there is no proposed outcome to approve',
  noProposal: 'there is no proposed outcome',
  fourEyesOwn: 'a second official must approve: you proposed this outcome yourself',
  fourEyesOther: 'another official decides on your proposal',
  decideOnProposal: 'an outcome waits for approval; decide on it first',
  taskNotClaimed: 'this task is not claimed',
  onlyHolderReleases: 'only {assignee} can release this task',
  citizenMessageTooLong: 'the message to the citizen is text of at most {max} characters',
  personRequestNeedsCorrecting: 'the request for a person needs correcting',
  expressionFailed:
    "a rule of this process could not be evaluated ({reason}); nothing was changed — the process's designer should " +
    'simplify the rule',
  issues: {
    laterVersion: 'a later version than from',
    notAStepOf: "''{step}'' is not a step of version {version}",
    mustBe: "must be ''{key}''",
    realDate: 'a real date like 2027-01-01',
    chooseOneOf: 'choose one of: {options}',
    writeReason: 'Write the reason for the citizen.',
    laterThanDeadline: 'Choose a date after the current deadline.',
    useAnswered: "use 'answered'",
    channel: "Choose 'phone', 'email' or 'visit'.",
    requestKind: "Choose 'question' or 'objection'.",
  },
} satisfies Like<typeof nl>;
