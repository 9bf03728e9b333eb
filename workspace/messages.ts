// The workspace's words: ICU messages in runtime/i18n/catalogues/workspace (Dutch first, English with
// the same keys). This module gives them the shape the components read: `t.appName`, `t.claimedBy(name)`.
import { type Lang, type Positional, messagesView, perLanguage, workspaceCatalogues } from '../runtime/i18n/index.js';

export type { Lang };

/** Which messages take parameters, in call order. */
const args = {
  somethingWrong: ['message'],
  tasksOf: ['team'],
  tasksOfAll: ['teams'],
  nextTask: ['ref'],
  newTasks: ['n', 'refs'],
  updatedAt: ['time'],
  loadFailed: ['message'],
  claimedBy: ['name'],
  taskTitle: ['step', 'ref'],
  escalatedOn: ['date'],
  heldByOther: ['name'],
  taskDone: ['outcome'],
  outcomeWas: ['outcome'],
  proposedBy: ['outcome', 'name', 'date'],
  assignedTo: ['name'],
  movedToTeam: ['team'],
  rule: ['rule'],
  documentSize: ['kb'],
  searchCount: ['n'],
} as const satisfies Positional<(typeof workspaceCatalogues)['nl']>;

function build(lang: Lang) {
  const view = messagesView(workspaceCatalogues, lang, args);
  // A contact request's channel and kind come from the citizen's form: look it up by any name.
  return {
    ...view,
    channels: view.channels as Readonly<Record<string, string | undefined>>,
    requestKinds: view.requestKinds as Readonly<Record<string, string | undefined>>,
    citizenSources: view.citizenSources as Readonly<Record<string, string | undefined>>,
  };
}

export type Messages = ReturnType<typeof build>;

/** The workspace's messages per language, built on first use. */
export const catalogue: Readonly<Record<Lang, Messages>> = perLanguage(build);
