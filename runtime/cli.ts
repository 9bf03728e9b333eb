import { randomBytes } from 'node:crypto';
import { createReadStream, existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { once } from 'node:events';
import { exportPeriod, exportReads } from './auth/index.js';
import { maskPassword, readConfig } from './config.js';
import { checkExtract, createProactive, ExtractError, registerRows } from './engine/index.js';
import { isValidBsn } from './model/index.js';
import { importProcesses, openServicesAt } from './setup.js';
import { copyStore } from './store/copy.js';
import { progressPrinter } from './cli-progress.js';
import { isPostgresUrl, openStore, SchemaTooNewError, TEAM_ID, type Role, type Store } from './store/index.js';

const usage = `Omslag administration (npm run omslag -- <command>)

  user add NAME --role designer|official|admin [--teams team1,team2]
                             prints a password for the workspace/designer sign-in
  user password NAME         a new password for a user (printed once)
  user map NAME --role designer|official|admin [--teams team1,team2]
                             sets a user's role and teams (made without a password when new: for staff
                             who sign in at the organisation's provider, STAFF_OIDC_ISSUER)
  team add ID NAME           add a team to the list of teams (ID like belastingen, NAME its display name)
  team list                  the teams, with how many officials work in each
                             (user add/map with a team the list lacks adds it, named by its id)
  token NAME                 create a bearer token for a user (shown once)
  citizen-token BSN          a token for a citizen (development stand-in for DigiD; only with DEV_SIGN_IN)
  import [DIR]               load the definitions in DIR (default: processes/) and publish changed ones
  audit verify               check every case's hash chain; names the first broken entry
  audit reads --from DATE --to DATE [--format csv|json]
                             who read citizens' cases in the period (from inclusive, to exclusive; a date
                             starts at midnight Dutch time), to stdout: … > reads.csv
  backup FILE                online backup of the SQLite database to FILE (safe while the server runs)
  migrate                    apply pending schema migrations (a server start does it too)
  copy-store --from FILE|URL --to FILE|URL
                             copy every table into a new, empty store (SQLite file or postgres:// URL),
                             ids kept; stop the servers on the source first
  api-client add --kvk NUMBER --name NAME
                             an API client for an intermediary organisation (OAuth 2 client credentials):
                             prints its client id and secret once (the secret is stored hashed)
  api-client disable CLIENT_ID
                             stops a client: its secret and tokens no longer work
  scan KEY FILE [--dry-run] [--signal NAME]
                             a register extract (.csv with a header, or .jsonl; a bsn per row): starts
                             proactive cases for eligible subjects not served yet; --dry-run only counts

The store: --db FILE|URL, else DATABASE_URL (postgres://…), else omslag.db in DATA_DIR (default ./data).`;

/** A readable random password (about 100 bits). */
const newPassword = () =>
  randomBytes(15)
    .toString('base64url')
    .replace(/(.{5})(?=.)/g, '$1-');

function fail(message: string): never {
  console.error(`error: ${message}`);
  process.exit(2);
}

/** A --db, --from or --to value: a postgres:// URL as it is, a file relative to the working folder. */
const targetOf = (value: string) => (isPostgresUrl(value) ? value : resolve(value));

/** `migrate`: applies the pending migrations and says from which version to which. */
async function migrate(target: string) {
  if (!isPostgresUrl(target)) mkdirSync(dirname(target), { recursive: true });
  // Opened without migrating, so the version before is known; a newer schema is refused here (SchemaTooNewError).
  const store = await openStore(target, { migrate: false });
  try {
    const before = (await store.sql.schema()).current;
    const applied = await store.sql.migrate();
    const { current } = await store.sql.schema();
    console.log(
      applied.length
        ? `migrated ${maskPassword(target)} from schema version ${before} to ${current} (${applied.length} migration${applied.length === 1 ? '' : 's'})`
        : `${maskPassword(target)} is at schema version ${current}: nothing to migrate`,
    );
  } finally {
    await store.close();
  }
}

/** `copy-store`: every table of one store into a new, empty one; then the target's audit trail is verified. */
async function copy(fromValue: string | undefined, toValue: string | undefined) {
  if (!fromValue || !toValue) fail('copy-store --from FILE|URL --to FILE|URL');
  const [from, to] = [targetOf(fromValue), targetOf(toValue)];
  if (from === to) fail('--from and --to name the same store');
  if (!isPostgresUrl(from) && !existsSync(from)) fail(`no database file ${from}`);
  // The source is read as it is: an older schema is migrated by the command meant for it, not as a side effect.
  const source = await openStore(from, { migrate: false });
  let target: Store | undefined;
  try {
    const schema = await source.sql.schema();
    if (schema.current < schema.latest)
      fail(
        `the source is at schema version ${schema.current}, this Omslag at ${schema.latest}: run \`npm run omslag -- migrate --db ${maskPassword(fromValue)}\` first`,
      );
    if (!isPostgresUrl(to)) mkdirSync(dirname(to), { recursive: true });
    target = await openStore(to);
    console.log(`copying ${maskPassword(from)} → ${maskPassword(to)}`);
    const counts = await copyStore(source, target, ({ table, copied, total }) => {
      if (copied === total) console.log(`  ${table.padEnd(18)} ${total}`);
    });
    const rows = Object.values(counts).reduce((a, b) => a + b, 0);
    const audit = await target.cases.verifyAudit();
    if (!audit.ok) {
      console.log(
        `copied ${rows} rows, but the audit trail on the target is BROKEN at case ${audit.caseId}, entry ${audit.seq}: ${audit.reason}`,
      );
      process.exitCode = 1;
    } else console.log(`copied ${rows} rows; audit trail intact on the target: ${audit.entries} entries`);
  } finally {
    await target?.close();
    await source.close();
  }
}

async function main(argv: string[]) {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      role: { type: 'string' },
      teams: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
      'dry-run': { type: 'boolean' },
      signal: { type: 'string' },
      db: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      format: { type: 'string' },
      kvk: { type: 'string' },
      name: { type: 'string' },
    },
  });
  const [command, sub, ...rest] = positionals;
  if (!command || values.help) {
    console.log(usage);
    return;
  }
  const config = readConfig();
  const target = values.db ? targetOf(values.db) : config.database.target;
  if (command === 'migrate') return migrate(target);
  if (command === 'copy-store') return copy(values.from, values.to);
  const services = await openServicesAt(target, undefined, {
    synchronous: config.synchronous,
    poolSize: config.database.poolSize,
  });
  const { store, clock } = services;
  const at = clock.now().toISOString();
  try {
    const roleAndTeams = () => {
      const role = values.role as Role;
      if (!['designer', 'official', 'admin'].includes(role)) fail('--role is designer, official or admin');
      const teams = (values.teams ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      return { role, teams };
    };
    if (command === 'user' && sub === 'map') {
      const name = rest[0] ?? fail('name the user: user map NAME --role …');
      const { role, teams } = roleAndTeams();
      const user = await store.accounts.userByName(name);
      if (user) await store.accounts.setMapping(user.id, { role, teams });
      else await store.accounts.addUser(name, role, teams, at);
      console.log(
        `${user ? 'mapped' : 'added'} ${name} (${role}${teams.length ? `, teams ${teams.join(',')}` : ''})${user ? '' : '; signs in at the staff provider (or give a password: user password NAME)'}`,
      );
    } else if (command === 'user' && sub === 'add') {
      const name = rest[0] ?? fail('name the user: user add NAME --role …');
      const { role, teams } = roleAndTeams();
      if (role === 'official' && !teams.length) fail('an official needs --teams');
      if (await store.accounts.userByName(name)) fail(`a user '${name}' exists already`);
      const user = await store.accounts.addUser(name, role, teams, at);
      const password = newPassword();
      await store.accounts.setPassword(user.id, password);
      console.log(
        `added ${user.name} (${user.role}${teams.length ? `, teams ${teams.join(',')}` : ''}); password: ${password}`,
      );
    } else if (command === 'user' && sub === 'password') {
      const user =
        (await store.accounts.userByName(rest[0] ?? fail('user password NAME'))) ?? fail(`no user '${rest[0]}'`);
      const password = newPassword();
      await store.accounts.setPassword(user.id, password);
      console.log(`new password for ${user.name}: ${password}`);
    } else if (command === 'team' && sub === 'add') {
      const [id, ...words] = rest;
      const name = words.join(' ').trim();
      if (!id || !name) fail('team add ID NAME (like: team add belastingen Belastingen)');
      if (!TEAM_ID.test(id))
        fail(`'${id}' is not a team id: lowercase letters, digits and hyphens, 2 to 50, starting with a letter`);
      if (name.length > 100) fail('a team name has at most 100 characters');
      if (!(await store.teams.add(id, name, at))) fail(`a team '${id}' exists already`);
      console.log(`added team ${id} (${name})`);
    } else if (command === 'team' && sub === 'list') {
      for (const team of await store.teams.withMembers())
        console.log(`${team.id.padEnd(20)} ${team.name.padEnd(30)} ${team.members} official(s)`);
    } else if (command === 'token') {
      const user = (await store.accounts.userByName(sub ?? fail('token NAME'))) ?? fail(`no user '${sub}'`);
      console.log(await store.accounts.createToken({ userId: user.id }, at));
    } else if (command === 'citizen-token') {
      // Anyone who can run this could mint a token for any BSN: it is the stand-in for DigiD, like the BSN sign-in.
      if (!config.auth.devSignIn)
        fail(
          `citizen-token is the development stand-in for DigiD and is off here (${config.auth.production ? 'NODE_ENV=production' : 'a citizen provider is configured (OIDC_ISSUER) or DEV_SIGN_IN=false'}): the server accepts no citizen tokens. Citizens sign in at the provider; outside production set DEV_SIGN_IN=true to use the stand-in`,
        );
      if (!sub || !isValidBsn(sub))
        fail('citizen-token takes a BSN of 9 digits that passes the elfproef (e.g. 999993653)');
      console.log(await store.accounts.createToken({ bsn: sub }, at));
    } else if (command === 'api-client' && sub === 'add') {
      if (!values.kvk || !/^\d{8}$/.test(values.kvk)) fail("--kvk is the organisation's KVK number: eight digits");
      const name = values.name?.trim() || fail('--name is the organisation\'s name, e.g. --name "Schuldhulp Utrecht"');
      const client = await store.clients.create({ kvk: values.kvk, name }, at);
      await store.security.log({
        at,
        kind: 'api-client.created',
        account: 'cli',
        details: { clientId: client.clientId, kvk: client.kvk, name },
      });
      console.log(`added an API client for ${name} (KVK ${client.kvk})`);
      console.log(`client_id:     ${client.clientId}`);
      console.log(`client_secret: ${client.clientSecret}`);
      console.log(
        'The secret is shown this once; it is stored hashed. Tokens: POST /api/oauth/token (client credentials).',
      );
    } else if (command === 'api-client' && sub === 'disable') {
      const id = rest[0] ?? fail('api-client disable CLIENT_ID');
      if (!(await store.clients.get(id))) fail(`no API client '${id}'`);
      if (await store.clients.disable(id, at))
        await store.security.log({ at, kind: 'api-client.disabled', account: 'cli', details: { clientId: id } });
      console.log(`disabled ${id}: its secret and tokens no longer work`);
    } else if (command === 'import') {
      const results = await importProcesses(sub ?? config.processesDir, store, services.processes, 'cli');
      let bad = 0;
      for (const r of results) {
        if (r.problems.length) {
          bad++;
          console.log(`! ${r.key} (${r.file}): not published`);
          for (const p of r.problems) console.log(`    ${p.code} ${p.node ? `[${p.node}] ` : ''}${p.message}`);
        } else console.log(`${r.unchanged ? 'unchanged' : 'published'} ${r.key} v${r.version}`);
      }
      if (bad) process.exitCode = 1;
    } else if (command === 'audit' && sub === 'verify') {
      const result = await store.cases.verifyAudit();
      if (result.ok) console.log(`audit trail intact: ${result.entries} entries`);
      else {
        console.log(`audit trail BROKEN at case ${result.caseId}, entry ${result.seq}: ${result.reason}`);
        process.exitCode = 1;
      }
    } else if (command === 'audit' && sub === 'reads') {
      const period = exportPeriod(values.from, values.to);
      if ('problems' in period)
        fail(
          `audit reads --from DATE --to DATE: ${Object.entries(period.problems)
            .map(([name, p]) => `--${name} ${p.join(', ')}`)
            .join('; ')}`,
        );
      const format = values.format ?? 'csv';
      if (format !== 'csv' && format !== 'json') fail('--format is csv or json');
      for await (const chunk of exportReads(store, period.from, period.to, format)) {
        if (!process.stdout.write(chunk)) await once(process.stdout, 'drain');
      }
    } else if (command === 'scan') {
      const key = sub ?? fail('scan KEY FILE');
      const file = rest[0] ?? fail('scan KEY FILE: name the register extract');
      const format = /\.csv$/i.test(file)
        ? 'csv'
        : /\.(jsonl|ndjson)$/i.test(file)
          ? 'jsonl'
          : fail('the extract is a .csv or a .jsonl file');
      const proactive = createProactive(services);
      await proactive.scannable(key, values.signal);
      // The whole file is read once first: an extract that breaks halfway starts nothing.
      let total = 0;
      try {
        total = await checkExtract(createReadStream(file), format);
      } catch (e) {
        if (e instanceof ExtractError) fail(`${file}: ${e.message}; nothing was started`);
        throw e;
      }
      // Progress on stderr (rows read of the total, eligible, started, time left); the counts on stdout.
      const counts = await proactive.scan(key, registerRows(createReadStream(file), format), {
        dryRun: !!values['dry-run'],
        actor: 'cli:scan',
        signal: values.signal,
        total,
        onProgress: progressPrinter(process.stderr),
      });
      console.log(
        `${values['dry-run'] ? 'dry run: ' : ''}${counts.rows} rows, ${counts.invalid} invalid; eligible ${counts.eligible}: started ${counts.started}, already served ${counts.alreadyServed}, opted out ${counts.optedOut}; not eligible ${counts.notEligible}${counts.errors ? `; ${counts.errors} failed (see proactive_errors)` : ''}`,
      );
    } else if (command === 'backup') {
      const file = sub ?? fail('backup FILE');
      if (store.dialect === 'postgres') fail('backup is for SQLite; back PostgreSQL up with pg_dump (see the README)');
      await store.backup(file);
      console.log(`backed up to ${file}`);
    } else {
      fail(`unknown command '${[command, sub].filter(Boolean).join(' ')}'\n\n${usage}`);
    }
  } finally {
    await store.close();
  }
}

main(process.argv.slice(2)).catch((e) => {
  if (e instanceof SchemaTooNewError) {
    console.error(`error: ${e.message}`);
    process.exit(1);
  }
  fail((e as Error).message);
});
