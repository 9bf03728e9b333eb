// The designer's words: ICU messages in runtime/i18n/catalogues/designer and …/learning (Dutch first,
// English with the same keys). This module gives them the shape the components read: `t.appName`,
// `t.ruleN(3)`, `t.kinds.form`.
import {
  type Lang,
  type Positional,
  createTranslator,
  formatMessage,
  lookup,
  designerCatalogues,
  learningCatalogues,
  messagesView,
  perLanguage,
} from '../runtime/i18n/index.js';

export type { Lang };

type Designer = (typeof designerCatalogues)['nl'];
type Learning = (typeof learningCatalogues)['nl'];

/** Which messages take parameters, in call order. */
const designerArgs = {
  somethingWrong: ['message'],
  panelFailed: ['message'],
  statusPublished: ['v'],
  problemCount: ['n'],
  processNotFound: ['key'],
  versionN: ['v'],
  versionReadOnly: ['v'],
  undoWhat: ['label'],
  redoWhat: ['label'],
  eventFromEveryStep: ['label'],
  handleIn: ['title'],
  handleOut: ['label'],
  a11yMoved: ['direction', 'x', 'y'],
  cmdEditField: ['id'],
  triggerN: ['n'],
  triggerSignal: ['n'],
  triggerWhen: ['n'],
  triggerMode: ['n'],
  triggerStart: ['n'],
  triggerBecause: ['n'],
  triggerFacts: ['n'],
  unknownKind: ['kind'],
  nSelected: ['n'],
  unknownStep: ['id'],
  unknownTeam: ['team'],
  teamOption: ['team', 'n'],
  moveUp: ['name'],
  moveDown: ['name'],
  remove: ['name'],
  routeN: ['n'],
  previewFrame: ['step'],
  ruleN: ['n'],
  ruleWhen: ['n'],
  ruleGoto: ['n'],
  ruleBecause: ['n'],
  rowN: ['n'],
  outcomeFields: ['n'],
  feelUnknownField: ['name'],
  feelSyntaxAt: ['n'],
  jsonMarkers: ['n'],
  publishBlocked: ['n'],
  publishExplain: ['v'],
  publishVersion: ['v'],
  published: ['v'],
  publishedBy: ['at', 'by'],
  openReadOnly: ['v'],
  diffProcess: ['keys'],
  simFailed: ['message'],
  simOutcome: ['outcome'],
  simCompleteWith: ['label'],
  simSignal: ['name'],
  simRule: ['step', 'rule'],
  simTriggerOption: ['n', 'signal', 'mode'],
  simFactsInvalid: ['message'],
  simStartVia: ['n'],
  simTriggerRule: ['n'],
  takeUpFailed: ['message'],
  lastScanAt: ['at'],
  scanProgress: ['rows', 'total', 'eligible', 'started', 'left'],
  scanLeft: ['time'],
  scanDoneIn: ['time'],
  scanTryFailed: ['message'],
} as const satisfies Positional<Designer>;

const learningArgs = {
  figuresFailed: ['message'],
  figuresSummary: ['started', 'finished', 'active'],
  figuresUnmatched: ['n'],
  edgeTaken: ['n'],
  compareCaption: ['a', 'b'],
  compareStepsCaption: ['a', 'b'],
  migrateFrom: ['v'],
  migrateTitle: ['v'],
  migrateFailed: ['message'],
  migrateMovable: ['n'],
  migrateBlocked: ['n'],
  migrateMapStep: ['step', 'n'],
  migrateRun: ['n', 'v'],
  migrateDone: ['n', 'v'],
  reasonMissing: ['step'],
  andMore: ['n'],
  importNotJson: ['message'],
  importFailed: ['message'],
  importDone: ['key'],
  importProblems: ['n'],
  importUnmapped: ['n'],
  importOpen: ['key'],
  exportFailed: ['message'],
  chartSpanWeeks: ['n'],
  chartAxesColumns: ['value', 'category'],
  chartAxesBars: ['value', 'category'],
  chartWeekButton: ['short', 'date', 'started', 'finished'],
  chartPickEnd: ['date'],
  cmpFinished: ['outcome'],
} as const satisfies Positional<Learning>;

/** Messages whose callers pass something the text needs shaped first (a flag, a lowercase word). */
function shaped(lang: Lang) {
  const d = createTranslator(designerCatalogues, lang);
  const l = createTranslator(learningCatalogues, lang);
  return {
    // English puts the kind mid-sentence, so lowercase; Dutch starts with it.
    addKind: (kind: string) => d('addKind', { kind, kindLower: kind.toLowerCase() }),
    addAfterKind: (kind: string) => d('addAfterKind', { kind, kindLower: kind.toLowerCase() }),
    cmdAdd: (kind: string) => d('cmdAdd', { kind: kind.toLowerCase() }),
    edgeLabel: (from: string, to: string, label: string) =>
      d('edgeLabel', { from, to, label, hasLabel: label ? 'yes' : 'no' }),
    jsonBroken: (message: string) =>
      d('jsonBroken', { message: message.length > 70 ? `${message.slice(0, 69)}…` : message }),
    pathTo: (end: string, outcome: string) => d('pathTo', { end, outcome, hasOutcome: outcome ? 'yes' : 'no' }),
    /** Where a changed value is, in words: `['rules', 0, 'because', 'nl']` → "regel 1 › omdat › Nederlands". */
    diffPath: (path: (string | number)[]) => {
      const words: string[] = [];
      for (let i = 0; i < path.length; i++) {
        const part = path[i];
        const next = path[i + 1];
        if (typeof part === 'string' && typeof next === 'number') {
          const item =
            lookup(designerCatalogues[lang], `diffItems.${part}`) ?? designerCatalogues[lang].diffItems.other;
          words.push(formatMessage(item, lang, { n: next + 1 }));
          i++;
        } else if (typeof part === 'number')
          words.push(formatMessage(designerCatalogues[lang].diffItems.cells, lang, { n: part + 1 }));
        else words.push(lookup(designerCatalogues[lang], `diffKeys.${part}`) ?? part);
      }
      return words.join(' › ');
    },
    /** A changed value as the designer reads it: text in quotes (shortened), yes/no, or "(leeg)". */
    diffValue: (value: unknown) => {
      if (value === undefined || value === null || value === '') return d('diffEmpty');
      if (value === true) return d('diffYes');
      if (value === false) return d('diffNo');
      const text =
        typeof value === 'string' ? `“${value}”` : typeof value === 'number' ? String(value) : JSON.stringify(value);
      return text.length > 120 ? `${text.slice(0, 119)}…` : text;
    },
    reasonKind: (step: string, now: string, was: string) =>
      l('reasonKind', { step, now: now.toLowerCase(), was: was.toLowerCase() }),
    edgeTakenTogether: (n: number, lines: number) => l('edgeTakenTogether', { n, others: lines - 1 }),
  };
}

function build(lang: Lang) {
  return {
    ...messagesView(designerCatalogues, lang, designerArgs),
    ...messagesView(learningCatalogues, lang, learningArgs),
    ...shaped(lang),
  };
}

export type Messages = ReturnType<typeof build>;

/** The designer's messages per language, built on first use. */
export const catalogue: Readonly<Record<Lang, Messages>> = perLanguage(build);
