import { createJourney, type CaseMachine, type Journey, type MachineConfig, type Process } from '../model/index.js';
import type { Store } from '../store/index.js';
import { notFound } from './errors.js';

/** A published version, compiled: `journey` is the simulator the engine moves its cases with. */
export type LoadedVersion = {
  key: string;
  version: number;
  process: Process;
  machine: CaseMachine;
  config: MachineConfig;
  journey: Journey;
};

/**
 * Published versions are immutable, so each is compiled once and kept: the
 * machine (with its FEEL expressions compiled on first use) serves every case
 * of that version.
 */
export function versionCache(store: Store) {
  // Per node: a version never changes once published, so a node's cache never goes stale.
  const cache = new Map<string, LoadedVersion>();
  return async (key: string, version: number): Promise<LoadedVersion> => {
    const id = `${key}@${version}`;
    let hit = cache.get(id);
    if (!hit) {
      const row = await store.processes.version(key, version);
      if (!row) throw notFound('version', { version, key });
      const config = row.machine as MachineConfig;
      const process = row.definition as Process;
      const journey = createJourney(process, config);
      hit = { key, version, process, config, machine: journey.machine, journey };
      cache.set(id, hit);
    }
    return hit;
  };
}
