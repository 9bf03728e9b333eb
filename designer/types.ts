// The shapes the designer reads from the API (shared/DESIGN.md §4, runtime/http/routes/processes.ts).
import type { Problem } from '../runtime/model/index.js';

export type User = { name: string; role: string; teams: string[] };
/** What the server's policies let the signed-in user do (runtime/auth); the designer asks `can.design`. */
export type Capabilities = { design: boolean; seeDrafts: boolean };
export type Session = { user: User; csrf: string; can: Capabilities };

/** One row of `GET /api/processes` as a designer sees it. */
export type ProcessSummary = {
  key: string;
  title: string;
  description?: string;
  latestVersion: number | null;
  versions?: number[];
  updatedAt?: string;
  problems?: number;
};

/** `GET /api/processes/:key` for a designer. */
export type ProcessDetail = {
  key: string;
  versions: number[];
  latestVersion: number | null;
  definition: unknown;
  draft: unknown;
  problems: Problem[];
  updatedAt?: string;
};

/** `GET /api/processes/:key/versions/:v`. */
export type VersionDetail = { key: string; version: number; publishedAt: string; publishedBy: string | null; definition: unknown };

/** `GET /api/processes/:key/take-up`: non-take-up of a process with triggers. */
export type ScanCounts = { rows: number; invalid: number; eligible: number; started: number; alreadyServed: number; optedOut: number; notEligible: number; errors: number };
export type TakeUp = {
  process: string;
  lastScan: null | ({ at: string } & ScanCounts);
  eligible: number;
  reached: number;
  granted: number;
  declined: number;
  optedOut: number;
  open: number;
  /** The newest signals and scan rows a trigger of this process failed on (no subjects: designers do not read case data). */
  recentErrors?: { source: string; message: string; at: string }[];
};
