// The shapes the workspace reads from the API (see shared/DESIGN.md §4 and
// runtime/engine/case-view.ts). Fields a backend may not send yet are optional.


export type TaskStatus = 'open' | 'claimed' | 'completed' | 'closed';
export type Proposal = {
  outcome: string;
  outcomeLabel?: string;
  data?: Record<string, unknown>;
  message?: string | null;
  proposedBy: string;
  proposedAt: string;
};
export type ContactRequest = { question?: string; channel?: string; reach?: string };

export type Task = {
  id: string;
  caseId: string;
  caseReference?: string;
  process?: { key: string; title: string };
  step: string;
  stepTitle?: string;
  kind: 'handoff' | 'contact';
  team: string;
  status: TaskStatus;
  assignee: string | null;
  dueAt: string | null;
  overdue?: boolean;
  dueToday?: boolean;
  escalatedAt?: string | null;
  request?: ContactRequest | null;
  outcome?: string | null;
  createdAt: string;
  closedAt?: string | null;
  rev: number;
  proposal?: Proposal | null;
};

export type FieldOption = { value: string; label: string };
export type OutcomeField = {
  id: string;
  label: string;
  type: string;
  required?: boolean;
  hint?: string | null;
  options?: FieldOption[];
  min?: number | string | null;
  max?: number | string | null;
};
export type Outcome = { id: string; label: string; negative?: boolean; fourEyes?: boolean; fields?: OutcomeField[] };
export type Handoff = { instructions?: string | null; reason?: string | null; outcomes: Outcome[] };
export type TaskDetail = Task & { handoff?: Handoff | null };

export type Counts = { open: number; claimed: number; mine: number; overdue: number; dueToday: number };

export type CaseView = {
  id: string;
  reference: string;
  process: { key: string; version?: number; title: string };
  status: string;
  step: { id: string; kind: string; title: string } | null;
  answers: { id: string; label: string; value: unknown; text: string }[];
  timeline: { at: string; type: string; step?: string; text: string }[];
  explanations: { at: string; step: string; rule: string | number; because: string; when?: string; inputs?: Record<string, unknown> }[];
  messages: { at: string; step?: string; subject: string; body: string }[];
  tasks: { id: string; kind: string; step: string; team: string; status: string; dueAt: string | null; assignee?: string | null }[];
  outcome: { outcome: string; title: string; message: string } | null;
  expectedBy?: string | null;
};

export type ProcessSummary = { key: string; title: string };
