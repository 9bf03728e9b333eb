import { readdirSync, readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { checkDefinition, teamsNamed, worded, type Problem } from '../model/index.js';
import type { Store } from '../store/index.js';
import type { ProcessService } from './processes.js';

export type ImportResult = { key: string; file: string; version?: number; unchanged?: boolean; problems: Problem[] };
export type ImportOptions = {
  /** Leave a process that already exists as it is (first start of a node: never overwrite a designer's draft). */
  onlyNew?: boolean;
  /** Who holds the import lock (default: this host and process). */
  holder?: string;
  /** How long to wait for another node's import to finish (default 60 s). */
  waitMs?: number;
};

const LOCK_TTL = 5 * 60_000;

/**
 * Loads every `*.json` definition in a folder as the draft of its process and
 * publishes it when it differs from the newest published version. One node
 * at a time (the lock `import`): a node that starts while another imports
 * waits for it, then finds the processes there, so nothing is published
 * twice. Each process is checked and saved in one transaction. The teams
 * a definition names are added to the list of teams when missing.
 */
export async function importProcesses(
  dir: string,
  store: Store,
  processes: ProcessService,
  by: string,
  opts: ImportOptions = {},
): Promise<ImportResult[]> {
  const holder = opts.holder ?? `${hostname()}:${process.pid}`;
  const until = Date.now() + (opts.waitMs ?? 60_000);
  for (;;) {
    const results = await store.locks.run('import', holder, LOCK_TTL, () => importAll(dir, store, processes, by, opts));
    if (results) return results;
    if (Date.now() > until)
      throw new Error(`another node has been importing processes for over ${opts.waitMs ?? 60_000} ms`);
    await sleep(200);
  }
}

async function importAll(
  dir: string,
  store: Store,
  processes: ProcessService,
  by: string,
  opts: ImportOptions,
): Promise<ImportResult[]> {
  const results: ImportResult[] = [];
  for (const name of readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const file = join(dir, name);
    let definition: { key?: unknown };
    try {
      definition = JSON.parse(readFileSync(file, 'utf8'));
    } catch {
      results.push({
        key: name,
        file,
        problems: worded([{ code: 'P000', params: { case: 'json' } }], 'nl', undefined),
      });
      continue;
    }
    const key = String(definition.key ?? '');
    results.push(
      await store.transaction(async (): Promise<ImportResult> => {
        if (opts.onlyNew && (await store.processes.get(key))) {
          const latest = await store.processes.latest(key);
          return { key, file, ...(latest ? { version: latest.version } : {}), unchanged: true, problems: [] };
        }
        // The folder is the operator's: the teams its definitions name are added to the list of teams (named by
        // their id; an admin can rename them), so the examples' teams exist on a new database.
        const parsed = checkDefinition(definition).process;
        if (parsed)
          await store.teams.ensure(
            teamsNamed(parsed).map((t) => t.team),
            new Date().toISOString(),
          );
        const { problems } = await processes.saveDraft(key, definition, by);
        if (problems.length) return { key, file, problems };
        const latest = await store.processes.latest(key);
        if (latest && JSON.stringify(latest.definition) === JSON.stringify((await store.processes.get(key))!.draft))
          return { key, file, version: latest.version, unchanged: true, problems };
        return { file, ...(await processes.publish(key, by)), problems };
      }),
    );
  }
  return results;
}
