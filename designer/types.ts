// The shapes the designer reads from the API, taken from the client generated
// from the OpenAPI document (browser/api/schema.ts): no hand-written copies.
import type { Schemas } from '../browser/api/index.js';

/** One row of `GET /api/processes` as a designer sees it. */
export type ProcessSummary = Schemas['ProcessSummary'];
/** `GET /api/processes/:key` for a designer. */
export type ProcessDetail = Schemas['ProcessDetail'];
/** `GET /api/processes/:key/versions/:v`. */
export type VersionDetail = Schemas['Version'];
/** `GET /api/processes/:key/take-up`: non-take-up of a process with triggers. */
export type TakeUp = Schemas['TakeUp'];
/** The counts of the last register scan. */
export type ScanCounts = Omit<NonNullable<TakeUp['lastScan']>, 'at'>;
