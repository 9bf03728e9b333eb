// The shapes the workspace reads from the API, taken from the client generated
// from the OpenAPI document (browser/api/schema.ts): no hand-written copies.
import type { Schemas } from '../browser/api/index.js';

export type Task = Schemas['Task'];
export type TaskStatus = Task['status'];
export type Proposal = NonNullable<Task['proposal']>;
export type TaskDetail = Schemas['TaskDetail'];
export type Handoff = NonNullable<TaskDetail['handoff']>;
export type Outcome = Handoff['outcomes'][number];
export type OutcomeField = Outcome['fields'][number];
export type FieldOption = NonNullable<OutcomeField['options']>[number];
// TODO(openapi): the schema types a contact task's `request` as an open object; the workspace reads these three.
export type ContactRequest = { question?: string; channel?: string; reach?: string; kind?: string };
export type Counts = Schemas['TaskCounts'];
export type CaseView = Schemas['CaseView'];
export type Citizen = Schemas['Citizen'];
export type CaseNote = Schemas['CaseNote'];
export type CaseFound = Schemas['CaseFound'];
/** What the queue's process filter needs of `GET /api/processes`. */
export type ProcessSummary = Pick<Schemas['ProcessSummary'], 'key' | 'title'>;
