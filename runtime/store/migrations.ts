/**
 * Numbered migrations, applied in order, each once, inside a transaction.
 * Never edit a migration that has shipped: add the next number, for both
 * dialects. SQLite has the whole history; PostgreSQL starts from one
 * baseline that equals SQLite's schema at version 11 (see postgres.ts).
 */
export type Migration = { version: number; name: string; sql: string };
export const migrations: Migration[] = [
  {
    version: 1,
    name: 'processes, cases, audit, tasks, timers, messages, users, tokens, idempotency',
    sql: `
      CREATE TABLE processes (
        key TEXT PRIMARY KEY,
        draft TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        updated_by TEXT
      );
      CREATE TABLE versions (
        key TEXT NOT NULL REFERENCES processes(key),
        version INTEGER NOT NULL,
        definition TEXT NOT NULL,
        machine TEXT NOT NULL,
        published_at TEXT NOT NULL,
        published_by TEXT,
        PRIMARY KEY (key, version)
      );
      CREATE TABLE users (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        role TEXT NOT NULL CHECK (role IN ('designer', 'official', 'admin')),
        teams TEXT NOT NULL DEFAULT '[]',
        created_at TEXT NOT NULL
      );
      CREATE TABLE tokens (
        hash TEXT PRIMARY KEY,
        user_id INTEGER REFERENCES users(id),
        bsn TEXT,
        created_at TEXT NOT NULL,
        CHECK ((user_id IS NULL) <> (bsn IS NULL))
      );
      CREATE TABLE cases (
        id TEXT PRIMARY KEY,
        reference TEXT NOT NULL UNIQUE,
        process_key TEXT NOT NULL,
        version INTEGER NOT NULL,
        subject TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('active', 'ended')),
        step TEXT,
        outcome TEXT,
        snapshot TEXT NOT NULL,
        rev INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        ended_at TEXT,
        FOREIGN KEY (process_key, version) REFERENCES versions(key, version)
      );
      CREATE INDEX cases_subject ON cases(subject, process_key, status);
      CREATE TABLE audit (
        id INTEGER PRIMARY KEY,
        case_id TEXT NOT NULL REFERENCES cases(id),
        seq INTEGER NOT NULL,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        type TEXT NOT NULL,
        data TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL,
        UNIQUE (case_id, seq)
      );
      -- Append-only: a change by hand has to drop these first, and the hash chain still tells.
      CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
      CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
      CREATE TABLE tasks (
        id TEXT PRIMARY KEY,
        case_id TEXT NOT NULL REFERENCES cases(id),
        step TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('handoff', 'contact')),
        team TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('open', 'claimed', 'completed', 'closed')),
        assignee INTEGER REFERENCES users(id),
        due_at TEXT,
        request TEXT NOT NULL DEFAULT '{}',
        outcome TEXT,
        created_at TEXT NOT NULL,
        closed_at TEXT,
        rev INTEGER NOT NULL DEFAULT 0
      );
      CREATE INDEX tasks_queue ON tasks(team, status, due_at);
      CREATE INDEX tasks_case ON tasks(case_id, status);
      CREATE TABLE timers (
        id INTEGER PRIMARY KEY,
        case_id TEXT NOT NULL REFERENCES cases(id),
        timer TEXT NOT NULL,
        fire_at TEXT NOT NULL,
        fired_at TEXT
      );
      CREATE INDEX timers_due ON timers(fired_at, fire_at);
      CREATE TABLE messages (
        id INTEGER PRIMARY KEY,
        case_id TEXT NOT NULL REFERENCES cases(id),
        step TEXT NOT NULL,
        subject TEXT NOT NULL,
        body TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE INDEX messages_case ON messages(case_id);
      CREATE TABLE idempotency (
        principal TEXT NOT NULL,
        key TEXT NOT NULL,
        fingerprint TEXT NOT NULL,
        status INTEGER NOT NULL,
        body TEXT NOT NULL,
        created_at TEXT NOT NULL,
        PRIMARY KEY (principal, key)
      );
    `,
  },
  {
    version: 2,
    name: 'citizen page sessions and unsent answers (drafts)',
    sql: `
      CREATE TABLE sessions (
        id_hash TEXT PRIMARY KEY,
        bsn TEXT,
        csrf TEXT NOT NULL,
        lang TEXT NOT NULL DEFAULT 'nl',
        flash TEXT,
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL
      );
      CREATE INDEX sessions_expiry ON sessions(expires_at);
      -- Answers a citizen gave on the pages but has not sent yet (save and resume).
      CREATE TABLE drafts (
        case_id TEXT PRIMARY KEY REFERENCES cases(id),
        data TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
    `,
  },
  {
    version: 3,
    name: 'files citizens add to their answers',
    sql: `
      CREATE TABLE files (
        id TEXT PRIMARY KEY,
        case_id TEXT NOT NULL REFERENCES cases(id),
        field TEXT NOT NULL,
        name TEXT NOT NULL,
        type TEXT NOT NULL,
        size INTEGER NOT NULL,
        sha256 TEXT NOT NULL,
        data BLOB NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE INDEX files_case ON files(case_id);
    `,
  },
  {
    version: 4,
    name: 'officials: passwords and workspace sessions; task escalation and four-eyes proposals',
    sql: `
      ALTER TABLE users ADD COLUMN password_hash TEXT;
      ALTER TABLE sessions ADD COLUMN user_id INTEGER REFERENCES users(id);
      ALTER TABLE tasks ADD COLUMN escalated_at TEXT;
      ALTER TABLE tasks ADD COLUMN proposal TEXT;
    `,
  },
  {
    version: 5,
    name: 'rules by reference date: the date a version is in force from',
    sql: `
      ALTER TABLE versions ADD COLUMN effective_from TEXT;
    `,
  },
  {
    version: 6,
    name: 'proactive service: opt-outs, what signals and scans did per subject, scans',
    sql: `
      CREATE TABLE opt_outs (
        subject TEXT NOT NULL,
        process_key TEXT NOT NULL,
        at TEXT NOT NULL,
        PRIMARY KEY (subject, process_key)
      );
      CREATE TABLE scans (
        id INTEGER PRIMARY KEY,
        process_key TEXT NOT NULL,
        at TEXT NOT NULL,
        dry_run INTEGER NOT NULL,
        counts TEXT NOT NULL
      );
      -- One row per subject a trigger was evaluated for (signal or scan), and what came of it.
      CREATE TABLE proactive_log (
        id INTEGER PRIMARY KEY,
        process_key TEXT NOT NULL,
        subject TEXT NOT NULL,
        source TEXT NOT NULL,
        scan_id INTEGER REFERENCES scans(id),
        result TEXT NOT NULL CHECK (result IN ('started', 'already-served', 'opted-out', 'not-eligible')),
        case_id TEXT REFERENCES cases(id),
        at TEXT NOT NULL
      );
      CREATE INDEX proactive_log_scan ON proactive_log(scan_id, result);
      CREATE INDEX proactive_log_subject ON proactive_log(process_key, subject);
    `,
  },
  {
    version: 7,
    name: 'insights: step visits written with each transition, citizen feedback',
    sql: `
      -- One row per step a case entered, closed when it leaves: the learning loop's figures come from here.
      CREATE TABLE step_visits (
        id INTEGER PRIMARY KEY,
        case_id TEXT NOT NULL REFERENCES cases(id),
        process_key TEXT NOT NULL,
        version INTEGER NOT NULL,
        step TEXT NOT NULL,
        entered_at TEXT NOT NULL,
        left_at TEXT,
        duration_ms INTEGER,
        next_step TEXT,
        person_requests INTEGER NOT NULL DEFAULT 0
      );
      -- Indexes that cover the insight queries, so they answer from the index alone at a million cases.
      CREATE INDEX step_visits_open ON step_visits(case_id) WHERE left_at IS NULL;
      CREATE INDEX step_visits_step ON step_visits(process_key, version, step, duration_ms);
      CREATE INDEX step_visits_flow ON step_visits(process_key, version, step, next_step);
      CREATE INDEX step_visits_period ON step_visits(process_key, version, entered_at, step, duration_ms, next_step);
      CREATE INDEX step_visits_waiting ON step_visits(process_key, version, step, entered_at) WHERE left_at IS NULL;
      CREATE INDEX step_visits_person ON step_visits(process_key, version, step, person_requests) WHERE person_requests > 0;
      CREATE INDEX cases_process ON cases(process_key, version, status, outcome);
      CREATE INDEX cases_created ON cases(process_key, version, created_at, status, outcome);
      CREATE TABLE feedback (
        id INTEGER PRIMARY KEY,
        case_id TEXT NOT NULL REFERENCES cases(id),
        process_key TEXT NOT NULL,
        version INTEGER NOT NULL,
        step TEXT,
        score INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),
        comment TEXT,
        at TEXT NOT NULL
      );
      CREATE INDEX feedback_process ON feedback(process_key, version);
      CREATE INDEX tasks_due ON tasks(status, due_at);
    `,
  },
  {
    version: 8,
    name: 'insights at scale: daily roll-ups per step and per transition, kept with every transition',
    sql: `
      -- Per process, version, step and day (Dutch date the visits began): counts and a histogram of durations.
      CREATE TABLE step_stats (
        process_key TEXT NOT NULL,
        version INTEGER NOT NULL,
        step TEXT NOT NULL,
        day TEXT NOT NULL,
        entered INTEGER NOT NULL DEFAULT 0,
        left_count INTEGER NOT NULL DEFAULT 0,
        person_requests INTEGER NOT NULL DEFAULT 0,
        histogram TEXT NOT NULL DEFAULT '{}',
        PRIMARY KEY (process_key, version, step, day)
      ) WITHOUT ROWID;
      CREATE TABLE transition_stats (
        process_key TEXT NOT NULL,
        version INTEGER NOT NULL,
        from_step TEXT NOT NULL,
        to_step TEXT NOT NULL,
        day TEXT NOT NULL,
        count INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (process_key, version, from_step, to_step, day)
      ) WITHOUT ROWID;
    `,
  },
  {
    version: 9,
    name: 'sessions only for signed-in visitors; indexes for paged case lists and housekeeping',
    sql: `
      -- Anonymous visitors no longer get a row (their language and form token are a cookie): the old ones are dead weight.
      DELETE FROM sessions WHERE bsn IS NULL AND user_id IS NULL;
      CREATE INDEX cases_subject_created ON cases(subject, created_at);
      CREATE INDEX drafts_updated ON drafts(updated_at);
      -- A file is sent with the application it belongs to; until then it is the draft's, and goes when the draft no longer names it.
      ALTER TABLE files ADD COLUMN sent_at TEXT;
      UPDATE files SET sent_at = created_at;
      CREATE INDEX files_unsent ON files(created_at) WHERE sent_at IS NULL;
    `,
  },
  {
    version: 10,
    name: 'guessing: a security log, counters per address, failed sign-ins and locks per account name',
    sql: `
      -- Failed sign-ins, locks and rate-limit hits; an admin reads it (GET /api/security-log).
      CREATE TABLE security_log (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        kind TEXT NOT NULL,
        account TEXT,
        address TEXT,
        details TEXT NOT NULL DEFAULT '{}'
      );
      CREATE INDEX security_log_at ON security_log(at);
      -- Fixed windows per key ('signin:<address>', 'token:<address>'): in the database, so every
      -- node on a shared database counts together and a restart does not reset them.
      CREATE TABLE rate_limits (
        key TEXT PRIMARY KEY,
        hits INTEGER NOT NULL,
        reset_at TEXT NOT NULL
      ) WITHOUT ROWID;
      CREATE INDEX rate_limits_reset ON rate_limits(reset_at);
      -- Failed sign-ins per name (a hash of it: names that do not exist are counted and locked alike).
      CREATE TABLE signin_failures (
        name_hash TEXT PRIMARY KEY,
        failures INTEGER NOT NULL,
        last_failed_at TEXT NOT NULL,
        locked_until TEXT
      ) WITHOUT ROWID;
    `,
  },
  {
    version: 11,
    name: 'proactive errors: a trigger that failed for one process, recorded without affecting others',
    sql: `
      CREATE TABLE proactive_errors (
        id INTEGER PRIMARY KEY,
        process_key TEXT NOT NULL,
        subject TEXT NOT NULL,
        source TEXT NOT NULL,
        scan_id INTEGER REFERENCES scans(id),
        message TEXT NOT NULL,
        at TEXT NOT NULL
      );
      CREATE INDEX proactive_errors_process ON proactive_errors(process_key, at);
    `,
  },
  {
    version: 12,
    name: 'several nodes: timer leases, and locks for work one node does at a time',
    sql: `
      ALTER TABLE timers ADD COLUMN claimed_by TEXT;
      ALTER TABLE timers ADD COLUMN claimed_until TEXT;
      CREATE TABLE locks (
        name TEXT PRIMARY KEY,
        holder TEXT NOT NULL,
        expires_at TEXT NOT NULL
      ) WITHOUT ROWID;
    `,
  },
  {
    version: 13,
    name: 'real sign-in and acting for others: sign-in flows, richer sessions, mandates, API clients, the read log',
    sql: `
      -- A session knows how its holder signed in and at what level, when it was last used (the idle timeout),
      -- the provider's ID token (to end the session there too), a company's KVK number, and for whom its holder acts.
      ALTER TABLE sessions ADD COLUMN kvk TEXT;
      ALTER TABLE sessions ADD COLUMN level TEXT;
      ALTER TABLE sessions ADD COLUMN provider TEXT;
      ALTER TABLE sessions ADD COLUMN id_token TEXT;
      ALTER TABLE sessions ADD COLUMN last_seen_at TEXT;
      ALTER TABLE sessions ADD COLUMN idle_until TEXT;
      ALTER TABLE sessions ADD COLUMN acting TEXT;
      ALTER TABLE sessions ADD COLUMN staff_id TEXT;
      -- A sign-in under way at a provider: state, nonce and PKCE verifier, bound to the browser by a cookie (its hash is the key).
      CREATE TABLE signin_flows (
        id_hash TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        state TEXT NOT NULL,
        nonce TEXT NOT NULL,
        verifier TEXT NOT NULL,
        return_to TEXT NOT NULL,
        level TEXT,
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL
      );
      CREATE INDEX signin_flows_expiry ON signin_flows(expires_at);
      -- Staff who sign in at the organisation's provider: the provider's subject, once known.
      ALTER TABLE users ADD COLUMN oidc_subject TEXT;
      CREATE UNIQUE INDEX users_oidc_subject ON users(oidc_subject);
      -- Mandates (machtigingen): a holder (a person by BSN, an organisation by KVK with its named staff)
      -- acts for a citizen, for one process or all, with rights, from and until a date.
      CREATE TABLE mandates (
        id TEXT PRIMARY KEY,
        citizen TEXT NOT NULL,
        holder_kind TEXT NOT NULL CHECK (holder_kind IN ('person', 'organisation')),
        holder_id TEXT NOT NULL,
        holder_name TEXT NOT NULL,
        staff TEXT NOT NULL DEFAULT '[]',
        process_key TEXT,
        rights TEXT NOT NULL,
        valid_from TEXT NOT NULL,
        valid_until TEXT,
        source TEXT NOT NULL CHECK (source IN ('citizen', 'provider', 'official')),
        reason TEXT,
        document_name TEXT,
        document_type TEXT,
        document BLOB,
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL,
        revoked_at TEXT,
        revoked_by TEXT
      );
      CREATE INDEX mandates_citizen ON mandates(citizen);
      CREATE INDEX mandates_holder ON mandates(holder_kind, holder_id);
      -- An intermediary organisation's API clients (OAuth 2 client credentials) and the short-lived tokens they get.
      CREATE TABLE api_clients (
        client_id TEXT PRIMARY KEY,
        secret_hash TEXT NOT NULL,
        kvk TEXT NOT NULL,
        name TEXT NOT NULL,
        created_at TEXT NOT NULL,
        disabled_at TEXT
      );
      CREATE TABLE client_tokens (
        hash TEXT PRIMARY KEY,
        client_id TEXT NOT NULL REFERENCES api_clients(client_id),
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL
      );
      CREATE INDEX client_tokens_expiry ON client_tokens(expires_at);
      -- Who looked at a citizen's data (Logboek dataverwerkingen): who, when, which data, why.
      CREATE TABLE case_reads (
        id INTEGER PRIMARY KEY,
        case_id TEXT NOT NULL,
        subject TEXT NOT NULL,
        actor TEXT NOT NULL,
        actor_name TEXT NOT NULL,
        on_behalf TEXT,
        data TEXT NOT NULL,
        purpose TEXT NOT NULL,
        at TEXT NOT NULL
      );
      CREATE INDEX case_reads_subject ON case_reads(subject, at);
      CREATE INDEX case_reads_case ON case_reads(case_id, at);
      CREATE INDEX case_reads_at ON case_reads(at);
    `,
  },
  {
    version: 14,
    name: 'keeping people informed: the outbox of notices, written with the case change that causes them',
    sql: `
      -- One row per notice for a person (a message, an outcome, a delay notice, a staff notice), written in the
      -- transaction of the change that causes it. "key" makes queueing idempotent ('message:<id>', 'late:<task>', …);
      -- "recipient" says who: 'case:<id>' (the case's citizen), 'user:<id>', 'team:<name>', 'subject:<bsn>'.
      -- The notify worker plans deliveries per channel from it (planned_at), once.
      CREATE TABLE outbox (
        id INTEGER PRIMARY KEY,
        key TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL,
        recipient TEXT NOT NULL,
        case_id TEXT,
        data TEXT NOT NULL,
        created_at TEXT NOT NULL,
        planned_at TEXT
      );
      CREATE INDEX outbox_unplanned ON outbox(id) WHERE planned_at IS NULL;
      CREATE INDEX outbox_case ON outbox(case_id);
    `,
  },
  {
    // The runner skips a version at or below the current one: later parts of issue 15 take 19 and up, not 15–17.
    version: 18,
    name: 'decision letters',
    sql: `
      -- The decision letter of an ended case (a PDF): pending from the commit that ends the case, issued once rendered,
      -- with its SHA-256 (also in the audit trail's letter.issued entry). One letter per case.
      CREATE TABLE letters (
        case_id TEXT PRIMARY KEY REFERENCES cases(id),
        lang TEXT NOT NULL DEFAULT 'nl',
        status TEXT NOT NULL CHECK (status IN ('pending', 'issued')),
        hash TEXT,
        pdf BLOB,
        created_at TEXT NOT NULL,
        issued_at TEXT,
        attempts INTEGER NOT NULL DEFAULT 0,
        last_error TEXT
      );
      CREATE INDEX letters_pending ON letters(status, created_at);
    `,
  },
  {
    version: 19,
    name: 'notifications: the channels citizens chose, staff addresses, and one delivery per notice and channel',
    sql: `
      -- A citizen's channels (email, sms) with the address; an address is used only once confirmed (email by a link:
      -- the SHA-256 of the link's token, until it expires). One address per channel per citizen.
      CREATE TABLE channels (
        subject TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('email', 'sms')),
        address TEXT NOT NULL,
        lang TEXT NOT NULL DEFAULT 'nl',
        confirmed_at TEXT,
        token_hash TEXT,
        token_expires_at TEXT,
        created_at TEXT NOT NULL,
        PRIMARY KEY (subject, kind)
      );
      CREATE INDEX channels_token ON channels(token_hash);
      -- A member of staff's address for notices (a new task in the team, an escalation, a proposal waiting).
      ALTER TABLE users ADD COLUMN email TEXT;
      -- One delivery per notice, channel and address: planned once from the outbox, sent by the notify worker
      -- (claimed under a lease), retried with backoff, a dead letter after the set number of failures.
      CREATE TABLE deliveries (
        id INTEGER PRIMARY KEY,
        outbox_id INTEGER NOT NULL REFERENCES outbox(id),
        channel TEXT NOT NULL CHECK (channel IN ('email', 'sms')),
        address TEXT NOT NULL,
        lang TEXT NOT NULL DEFAULT 'nl',
        status TEXT NOT NULL CHECK (status IN ('pending', 'sent', 'dead')),
        attempts INTEGER NOT NULL DEFAULT 0,
        next_at TEXT NOT NULL,
        claimed_by TEXT,
        claimed_until TEXT,
        last_error TEXT,
        sent_at TEXT,
        created_at TEXT NOT NULL,
        UNIQUE (outbox_id, channel, address)
      );
      CREATE INDEX deliveries_due ON deliveries(status, next_at);
    `,
  },
  {
    version: 20,
    name: 'honest waiting: late notices, one deadline extension per task, reminders of drafts',
    sql: `
      -- When the citizen was told a handoff is late (once per deadline), the new expected date then, and the one
      -- extension an official may give (Awb: once, with notice) with the reason the citizen reads.
      ALTER TABLE tasks ADD COLUMN late_notified_at TEXT;
      ALTER TABLE tasks ADD COLUMN expected_at TEXT;
      ALTER TABLE tasks ADD COLUMN extended_at TEXT;
      ALTER TABLE tasks ADD COLUMN extension_reason TEXT;
      ALTER TABLE tasks ADD COLUMN extended_by TEXT;
      -- A draft's one reminder and its notice before removal (housekeeping removes it only after that notice).
      ALTER TABLE drafts ADD COLUMN reminded_at TEXT;
      ALTER TABLE drafts ADD COLUMN expiry_noticed_at TEXT;
    `,
  },
  {
    version: 21,
    name: 'teams as a managed list, seeded from the teams users, tasks and published processes name',
    sql: `
      -- The teams an admin manages (GET/POST/DELETE /api/teams). A user's teams and a task's team keep naming a team
      -- by its id; who is a member stays on the user (users.teams). Seeded from every team already in use, so nothing
      -- that worked before stops working: users' teams, tasks' teams, and the teams published processes name.
      CREATE TABLE teams (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      INSERT INTO teams (id, name, created_at)
        SELECT id, id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now') FROM (
          SELECT json_each.value AS id FROM users, json_each(users.teams) WHERE json_each.type = 'text'
          UNION SELECT team FROM tasks
          UNION SELECT json_tree.value FROM versions, json_tree(versions.definition)
            WHERE json_tree.key = 'team' AND json_tree.type = 'text'
        ) WHERE length(trim(id)) > 0;
    `,
  },
  {
    version: 22,
    name: 'internal notes on a case, for officials only',
    sql: `
      -- Internal notes officials keep on a case (POST/GET /api/cases/:id/notes): for staff who may see the case,
      -- never on the citizen's pages nor in the citizen's case view. Who wrote it as the audit names actors
      -- (user:<name>) and by name, so a renamed or removed account leaves the note readable.
      CREATE TABLE case_notes (
        id INTEGER PRIMARY KEY,
        case_id TEXT NOT NULL REFERENCES cases(id),
        author TEXT NOT NULL,
        author_name TEXT NOT NULL,
        text TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE INDEX case_notes_case ON case_notes(case_id, id);
    `,
  },
  {
    version: 23,
    name: "what the citizen's sign-in said about them: name and address",
    sql: `
      -- The name and address the identity provider gave at the citizen's last sign-in (OpenID Connect's standard
      -- name/given_name/family_name and address claims), for the officials of their cases (GET /api/cases/:id/citizen).
      -- One row per subject, replaced at every sign-in; nothing else of the claims is kept.
      CREATE TABLE signin_claims (
        subject TEXT PRIMARY KEY,
        name TEXT,
        address TEXT,
        provider TEXT NOT NULL,
        signed_in_at TEXT NOT NULL
      );
    `,
  },
];
