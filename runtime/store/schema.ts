/**
 * The tables as Kysely sees them: one description for both dialects. Dates
 * are ISO-8601 text (UTC, so text order is time order), JSON is text, flags
 * are 0/1 integers: the same values come back from SQLite and PostgreSQL.
 * `Generated` marks columns the database fills (ids, defaults).
 */
import type { ColumnType, Generated } from 'kysely';

type Json = string;
type Iso = string;

export interface MigrationsTable {
  version: number;
  name: string;
  applied_at: Iso;
}
export interface ProcessesTable {
  key: string;
  draft: Json;
  created_at: Iso;
  updated_at: Iso;
  updated_by: string | null;
}
export interface VersionsTable {
  key: string;
  version: number;
  definition: Json;
  machine: Json;
  published_at: Iso;
  published_by: string | null;
  effective_from: string | null;
}
export interface UsersTable {
  id: Generated<number>;
  name: string;
  role: 'designer' | 'official' | 'admin';
  teams: Generated<Json>;
  created_at: Iso;
  password_hash: string | null;
  oidc_subject: ColumnType<string | null, string | null | undefined, string | null>;
  /** Where notices for this member of staff go (runtime/notify); none: no email. */
  email: ColumnType<string | null, string | null | undefined, string | null>;
}
export interface TokensTable {
  hash: string;
  user_id: number | null;
  bsn: string | null;
  created_at: Iso;
}
export interface CasesTable {
  id: string;
  reference: string;
  process_key: string;
  version: number;
  subject: string;
  status: 'active' | 'ended';
  step: string | null;
  outcome: string | null;
  snapshot: Json;
  rev: number;
  created_at: Iso;
  updated_at: Iso;
  ended_at: Iso | null;
}
export interface AuditTable {
  id: Generated<number>;
  case_id: string;
  seq: number;
  at: Iso;
  actor: string;
  type: string;
  data: Json;
  prev_hash: string;
  hash: string;
}
export interface TasksTable {
  id: string;
  case_id: string;
  step: string;
  kind: 'handoff' | 'contact';
  team: string;
  status: 'open' | 'claimed' | 'completed' | 'closed';
  assignee: number | null;
  due_at: Iso | null;
  request: Generated<Json>;
  outcome: string | null;
  created_at: Iso;
  closed_at: Iso | null;
  rev: Generated<number>;
  escalated_at: Iso | null;
  proposal: Json | null;
  late_notified_at: Iso | null;
  expected_at: Iso | null;
  extended_at: Iso | null;
  extension_reason: string | null;
  extended_by: string | null;
}
export interface TimersTable {
  id: Generated<number>;
  case_id: string;
  timer: string;
  fire_at: Iso;
  fired_at: Iso | null;
  /** The node that holds the timer to fire it, until `claimed_until` (a lease; see tasks.ts claimDue). */
  claimed_by: string | null;
  claimed_until: Iso | null;
}
export interface MessagesTable {
  id: Generated<number>;
  case_id: string;
  step: string;
  subject: Json;
  body: Json;
  created_at: Iso;
}
export interface IdempotencyTable {
  principal: string;
  key: string;
  fingerprint: string;
  status: number;
  body: Json;
  created_at: Iso;
}
export interface SessionsTable {
  id_hash: string;
  bsn: string | null;
  csrf: string;
  lang: Generated<string>;
  flash: string | null;
  created_at: Iso;
  expires_at: Iso;
  user_id: number | null;
  kvk: ColumnType<string | null, string | null | undefined, string | null>;
  level: ColumnType<string | null, string | null | undefined, string | null>;
  provider: ColumnType<string | null, string | null | undefined, string | null>;
  id_token: ColumnType<string | null, string | null | undefined, string | null>;
  last_seen_at: ColumnType<Iso | null, Iso | null | undefined, Iso | null>;
  idle_until: ColumnType<Iso | null, Iso | null | undefined, Iso | null>;
  /** JSON: for whom the holder acts now (a mandate), or null for themselves. */
  acting: ColumnType<Json | null, Json | null | undefined, Json | null>;
  /** An organisation's employee (eHerkenning's acting person), for a company or intermediary session. */
  staff_id: ColumnType<string | null, string | null | undefined, string | null>;
}
export interface SigninFlowsTable {
  id_hash: string;
  kind: string;
  state: string;
  nonce: string;
  verifier: string;
  return_to: string;
  level: string | null;
  created_at: Iso;
  expires_at: Iso;
}
export interface MandatesTable {
  id: string;
  citizen: string;
  holder_kind: 'person' | 'organisation';
  holder_id: string;
  holder_name: string;
  staff: Generated<Json>;
  process_key: string | null;
  rights: Json;
  valid_from: Iso;
  valid_until: Iso | null;
  source: 'citizen' | 'provider' | 'official';
  reason: string | null;
  document_name: string | null;
  document_type: string | null;
  document: Buffer | null;
  created_by: string;
  created_at: Iso;
  revoked_at: Iso | null;
  revoked_by: string | null;
}
export interface ApiClientsTable {
  client_id: string;
  secret_hash: string;
  kvk: string;
  name: string;
  created_at: Iso;
  disabled_at: Iso | null;
}
export interface ClientTokensTable {
  hash: string;
  client_id: string;
  created_at: Iso;
  expires_at: Iso;
}
export interface CaseReadsTable {
  id: Generated<number>;
  case_id: string;
  subject: string;
  actor: string;
  actor_name: string;
  on_behalf: string | null;
  data: string;
  purpose: string;
  at: Iso;
}
export interface CaseNotesTable {
  id: Generated<number>;
  case_id: string;
  author: string;
  author_name: string;
  text: string;
  created_at: Iso;
}
export interface SigninClaimsTable {
  subject: string;
  name: string | null;
  address: string | null;
  provider: string;
  signed_in_at: Iso;
}
export interface DraftsTable {
  case_id: string;
  data: Json;
  updated_at: Iso;
  reminded_at: Iso | null;
  expiry_noticed_at: Iso | null;
}
export interface FilesTable {
  id: string;
  case_id: string;
  field: string;
  name: string;
  type: string;
  size: number;
  sha256: string;
  data: Buffer;
  created_at: Iso;
  sent_at: Iso | null;
}
export interface OptOutsTable {
  subject: string;
  process_key: string;
  at: Iso;
}
export interface ScansTable {
  id: Generated<number>;
  process_key: string;
  at: Iso;
  dry_run: number;
  counts: Json;
}
export interface ProactiveLogTable {
  id: Generated<number>;
  process_key: string;
  subject: string;
  source: string;
  scan_id: number | null;
  result: 'started' | 'already-served' | 'opted-out' | 'not-eligible';
  case_id: string | null;
  at: Iso;
}
export interface ProactiveErrorsTable {
  id: Generated<number>;
  process_key: string;
  subject: string;
  source: string;
  scan_id: number | null;
  message: string;
  at: Iso;
}
export interface StepVisitsTable {
  id: Generated<number>;
  case_id: string;
  process_key: string;
  version: number;
  step: string;
  entered_at: Iso;
  left_at: Iso | null;
  duration_ms: number | null;
  next_step: string | null;
  person_requests: Generated<number>;
}
export interface FeedbackTable {
  id: Generated<number>;
  case_id: string;
  process_key: string;
  version: number;
  step: string | null;
  score: number;
  comment: string | null;
  at: Iso;
}
export interface StepStatsTable {
  process_key: string;
  version: number;
  step: string;
  day: string;
  entered: Generated<number>;
  left_count: Generated<number>;
  person_requests: Generated<number>;
  histogram: Generated<Json>;
}
export interface TransitionStatsTable {
  process_key: string;
  version: number;
  from_step: string;
  to_step: string;
  day: string;
  count: Generated<number>;
}
export interface SecurityLogTable {
  id: Generated<number>;
  at: Iso;
  kind: string;
  account: string | null;
  address: string | null;
  details: Generated<Json>;
}
export interface RateLimitsTable {
  key: string;
  hits: number;
  reset_at: Iso;
}
export interface SigninFailuresTable {
  name_hash: string;
  failures: number;
  last_failed_at: Iso;
  locked_until: Iso | null;
}
/** Work only one node may do at a time (a scan, migrating live cases, importing the examples): a lease per name. */
export interface LocksTable {
  name: string;
  holder: string;
  expires_at: Iso;
}

/** A notice for a person, queued with the change that causes it (runtime/store/outbox.ts). */
export interface OutboxTable {
  id: Generated<number>;
  key: string;
  kind: string;
  recipient: string;
  case_id: string | null;
  data: Json;
  created_at: Iso;
  planned_at: Iso | null;
}
/** A citizen's channel for notices: usable once confirmed (runtime/store/channels.ts). */
export interface ChannelsTable {
  subject: string;
  kind: 'email' | 'sms';
  address: string;
  lang: Generated<string>;
  confirmed_at: Iso | null;
  token_hash: string | null;
  token_expires_at: Iso | null;
  created_at: Iso;
}
/** One delivery of a notice over one channel to one address (runtime/store/deliveries.ts). */
export interface DeliveriesTable {
  id: Generated<number>;
  outbox_id: number;
  channel: 'email' | 'sms';
  address: string;
  lang: Generated<string>;
  status: 'pending' | 'sent' | 'dead';
  attempts: Generated<number>;
  next_at: Iso;
  claimed_by: string | null;
  claimed_until: Iso | null;
  last_error: string | null;
  sent_at: Iso | null;
  created_at: Iso;
}
/** A case's decision letter (runtime/letters): pending from the commit that ends the case, issued with its PDF. */
/** The teams an organisation works in (migration 21): a user's teams and a task's team name one of them. */
export interface TeamsTable {
  id: string;
  name: string;
  created_at: Iso;
}
export interface LettersTable {
  case_id: string;
  lang: Generated<string>;
  status: 'pending' | 'issued';
  hash: string | null;
  pdf: Buffer | null;
  created_at: Iso;
  issued_at: Iso | null;
  attempts: Generated<number>;
  last_error: string | null;
}

export interface DB {
  migrations: MigrationsTable;
  processes: ProcessesTable;
  versions: VersionsTable;
  users: UsersTable;
  tokens: TokensTable;
  cases: CasesTable;
  audit: AuditTable;
  tasks: TasksTable;
  timers: TimersTable;
  messages: MessagesTable;
  idempotency: IdempotencyTable;
  sessions: SessionsTable;
  drafts: DraftsTable;
  files: FilesTable;
  opt_outs: OptOutsTable;
  scans: ScansTable;
  proactive_log: ProactiveLogTable;
  proactive_errors: ProactiveErrorsTable;
  step_visits: StepVisitsTable;
  feedback: FeedbackTable;
  step_stats: StepStatsTable;
  transition_stats: TransitionStatsTable;
  security_log: SecurityLogTable;
  rate_limits: RateLimitsTable;
  signin_failures: SigninFailuresTable;
  locks: LocksTable;
  signin_flows: SigninFlowsTable;
  mandates: MandatesTable;
  api_clients: ApiClientsTable;
  client_tokens: ClientTokensTable;
  case_reads: CaseReadsTable;
  case_notes: CaseNotesTable;
  signin_claims: SigninClaimsTable;
  outbox: OutboxTable;
  letters: LettersTable;
  channels: ChannelsTable;
  deliveries: DeliveriesTable;
  teams: TeamsTable;
}

/** A count as both drivers return it (PostgreSQL's bigint is parsed to a number, see sql.ts). */
export type Count = ColumnType<number, never, never>;
