import { createCaseMachine, type CaseMachine, type MachineConfig, type Process } from '../model/index.js';
import type { Store } from '../store/index.js';
import { notFound } from './errors.js';

export type LoadedVersion = { key: string; version: number; process: Process; machine: CaseMachine; config: MachineConfig };

/**
 * Published versions are immutable, so each is compiled once and kept: the
 * machine (with its FEEL expressions compiled on first use) serves every case
 * of that version.
 */
export function versionCache(store: Store) {
  const cache = new Map<string, LoadedVersion>();
  return (key: string, version: number): LoadedVersion => {
    const id = `${key}@${version}`;
    let hit = cache.get(id);
    if (!hit) {
      const row = store.processes.version(key, version);
      if (!row) throw notFound('version', { version, key });
      const config = row.machine as MachineConfig;
      hit = { key, version, process: row.definition as Process, config, machine: createCaseMachine(config) };
      cache.set(id, hit);
    }
    return hit;
  };
}
