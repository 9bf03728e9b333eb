import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { checkExtract, createProactive, ExtractError, registerRows } from './engine/index.js';
import { parseArgs } from 'node:util';
import { isValidBsn } from './model/index.js';
import { readConfig } from './config.js';
import { importProcesses, openServices } from './setup.js';
import type { Role } from './store/index.js';

const usage = `Omslag administration (npm run omslag -- <command>)

  user add NAME --role designer|official|admin [--teams team1,team2]
                             prints a password for the workspace/designer sign-in
  user password NAME         a new password for a user (printed once)
  token NAME                 create a bearer token for a user (shown once)
  citizen-token BSN          a token for a citizen (development stand-in for DigiD)
  import [DIR]               load the definitions in DIR (default: processes/) and publish changed ones
  audit verify               check every case's hash chain; names the first broken entry
  backup FILE                online backup of the database to FILE (safe while the server runs)
  scan KEY FILE [--dry-run] [--signal NAME]
                             a register extract (.csv with a header, or .jsonl; a bsn per row): starts
                             proactive cases for eligible subjects not served yet; --dry-run only counts

Data folder: DATA_DIR (default ./data).`;

/** A readable random password (about 100 bits). */
const newPassword = () =>
  randomBytes(15)
    .toString('base64url')
    .replace(/(.{5})(?=.)/g, '$1-');

function fail(message: string): never {
  console.error(`error: ${message}`);
  process.exit(2);
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
    },
  });
  const [command, sub, ...rest] = positionals;
  if (!command || values.help) {
    console.log(usage);
    return;
  }
  const config = readConfig();
  const services = openServices(config.dataDir, undefined, { synchronous: config.synchronous });
  const { store, clock } = services;
  const at = clock.now().toISOString();
  try {
    if (command === 'user' && sub === 'add') {
      const name = rest[0] ?? fail('name the user: user add NAME --role …');
      const role = values.role as Role;
      if (!['designer', 'official', 'admin'].includes(role)) fail('--role is designer, official or admin');
      const teams = (values.teams ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      if (role === 'official' && !teams.length) fail('an official needs --teams');
      if (store.accounts.userByName(name)) fail(`a user '${name}' exists already`);
      const user = store.accounts.addUser(name, role, teams, at);
      const password = newPassword();
      store.accounts.setPassword(user.id, password);
      console.log(
        `added ${user.name} (${user.role}${teams.length ? `, teams ${teams.join(',')}` : ''}); password: ${password}`,
      );
    } else if (command === 'user' && sub === 'password') {
      const user = store.accounts.userByName(rest[0] ?? fail('user password NAME')) ?? fail(`no user '${rest[0]}'`);
      const password = newPassword();
      store.accounts.setPassword(user.id, password);
      console.log(`new password for ${user.name}: ${password}`);
    } else if (command === 'token') {
      const user = store.accounts.userByName(sub ?? fail('token NAME')) ?? fail(`no user '${sub}'`);
      console.log(store.accounts.createToken({ userId: user.id }, at));
    } else if (command === 'citizen-token') {
      if (!sub || !isValidBsn(sub))
        fail('citizen-token takes a BSN of 9 digits that passes the elfproef (e.g. 999993653)');
      console.log(store.accounts.createToken({ bsn: sub }, at));
    } else if (command === 'import') {
      const results = importProcesses(sub ?? config.processesDir, store, services.processes, 'cli');
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
      const result = store.cases.verifyAudit();
      if (result.ok) console.log(`audit trail intact: ${result.entries} entries`);
      else {
        console.log(`audit trail BROKEN at case ${result.caseId}, entry ${result.seq}: ${result.reason}`);
        process.exitCode = 1;
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
      proactive.scannable(key, values.signal);
      // The whole file is read once first: an extract that breaks halfway starts nothing.
      try {
        await checkExtract(createReadStream(file), format);
      } catch (e) {
        if (e instanceof ExtractError) fail(`${file}: ${e.message}; nothing was started`);
        throw e;
      }
      const counts = await proactive.scan(key, registerRows(createReadStream(file), format), {
        dryRun: !!values['dry-run'],
        actor: 'cli:scan',
        signal: values.signal,
      });
      console.log(
        `${values['dry-run'] ? 'dry run: ' : ''}${counts.rows} rows, ${counts.invalid} invalid; eligible ${counts.eligible}: started ${counts.started}, already served ${counts.alreadyServed}, opted out ${counts.optedOut}; not eligible ${counts.notEligible}${counts.errors ? `; ${counts.errors} failed (see proactive_errors)` : ''}`,
      );
    } else if (command === 'backup') {
      const file = sub ?? fail('backup FILE');
      await store.backup(file);
      console.log(`backed up to ${file}`);
    } else {
      fail(`unknown command '${[command, sub].filter(Boolean).join(' ')}'\n\n${usage}`);
    }
  } finally {
    store.close();
  }
}

main(process.argv.slice(2)).catch((e) => fail((e as Error).message));
