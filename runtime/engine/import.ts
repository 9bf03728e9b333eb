import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Problem } from '../model/index.js';
import type { Store } from '../store/index.js';
import type { ProcessService } from './processes.js';

export type ImportResult = { key: string; file: string; version?: number; unchanged?: boolean; problems: Problem[] };

/**
 * Loads every `*.json` definition in a folder as the draft of its process and
 * publishes it when it differs from the newest published version.
 */
export function importProcesses(dir: string, store: Store, processes: ProcessService, by: string): ImportResult[] {
  const results: ImportResult[] = [];
  for (const name of readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const file = join(dir, name);
    let definition: { key?: unknown };
    try {
      definition = JSON.parse(readFileSync(file, 'utf8'));
    } catch (e) {
      results.push({
        key: name,
        file,
        problems: [{ code: 'P000', message: `not valid JSON: ${(e as Error).message}` }],
      });
      continue;
    }
    const key = String(definition.key ?? '');
    const { problems } = processes.saveDraft(key, definition, by);
    if (problems.length) {
      results.push({ key, file, problems });
      continue;
    }
    const latest = store.processes.latest(key);
    if (latest && JSON.stringify(latest.definition) === JSON.stringify(store.processes.get(key)!.draft)) {
      results.push({ key, file, version: latest.version, unchanged: true, problems });
      continue;
    }
    results.push({ file, ...processes.publish(key, by), problems });
  }
  return results;
}
