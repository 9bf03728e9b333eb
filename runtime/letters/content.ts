import type { Engine } from '../engine/index.js';
import { asLang, createTranslator, lettersCatalogues, longDate } from '../i18n/index.js';
import { formatAnswer, outcomeOf, own, t, taskOf, type Lang, type Process } from '../model/index.js';
import type { AuditEntry, CaseRow, Store } from '../store/index.js';

/**
 * What a letter takes from the organisation's theme (runtime/pages/theme.ts
 * is a superset): its name, its phone number, where objections go and the
 * accent colour. Structural, so this layer does not import the pages.
 */
export type LetterStyle = {
  name: string;
  contact?: { phone?: string; text?: string };
  letter?: { objectionTo?: string; colour?: string };
};
export const defaultLetterStyle: LetterStyle = { name: 'Gemeente Voorbeeld', contact: { phone: '14 020' } };
/** The accent of a letter when the theme names none. */
export const DEFAULT_COLOUR = '#154273';

/** An official's decision on a handoff: the outcome's label and the reasons they gave with it. */
export type OfficialDecision = { outcome: string; reasons: string[] };

/** Everything a decision letter says, in its language; runtime/letters/pdf.ts lays it out. */
export type LetterContent = {
  lang: Lang;
  organisation: string;
  colour: string;
  reference: string;
  /** The decision date (when the case ended), in the letter's language. */
  date: string;
  process: string;
  /** The end's title ("Toeslag afgewezen") and its message to the citizen. */
  decision: { title: string; message: string };
  /** Reasons of the automated decisions, in the order they were made. */
  automated: string[];
  officials: OfficialDecision[];
  legalBasis: string | null;
  objectionTo: string;
  phone: string | null;
};

/**
 * The letter's language: the one the citizen last answered in (a submit
 * records it), else Dutch. The letter is stored once, so it does not follow
 * whoever downloads it.
 */
export function letterLang(entries: readonly AuditEntry[]): Lang {
  for (const e of [...entries].reverse())
    if (e.type === 'event.received' && typeof e.data.lang === 'string') return asLang(e.data.lang);
  return 'nl';
}

/** The officials' decisions on the case's handoffs, each with the answers of its outcome's fields (the reason). */
function officialDecisions(entries: readonly AuditEntry[], process: Process, lang: Lang): OfficialDecision[] {
  const decisions: OfficialDecision[] = [];
  for (const e of entries) {
    if (e.type !== 'task.completed') continue;
    const d = e.data as { step?: string; outcome?: string; answers?: Record<string, unknown>; message?: string };
    // Only a handoff of the process decides ("ask for a person" is no step of the process).
    const task = taskOf(own(process.steps, d.step));
    const chosen = task?.outcomes.find((o) => o.id === d.outcome);
    if (!chosen) continue;
    const reasons = (chosen.fields ?? []).flatMap((f) => {
      const value = d.answers?.[f.id];
      const text = value === undefined || value === null || value === '' ? '' : formatAnswer(f, value, lang).trim();
      return text ? [text] : [];
    });
    // Without a reason field, the official's message to the citizen is what they said about it.
    if (!reasons.length && d.message?.trim()) reasons.push(d.message.trim());
    decisions.push({ outcome: t(chosen.label, lang), reasons });
  }
  return decisions;
}

/** What the decision letter of an ended case says (undefined while the case has not ended). */
export async function letterContent(
  deps: { engine: Engine; store: Store },
  row: CaseRow,
  style: LetterStyle,
): Promise<LetterContent | undefined> {
  if (row.status !== 'ended') return undefined;
  const { process } = await deps.engine.loadVersion(row.processKey, row.version);
  const entries = await deps.store.cases.audit(row.id);
  const lang = letterLang(entries);
  const say = createTranslator(lettersCatalogues, lang);
  const end = own(process.steps, row.step);
  const ending = outcomeOf(end);
  // The end's message as it was sent (its {{placeholders}} filled in), else as written.
  const sent = (await deps.store.cases.messages(row.id)).filter((m) => m.step === row.step).at(-1);
  const automated = entries
    .filter((e) => e.type === 'decision.made')
    .map((e) => {
      const because = (e.data as { because?: Record<string, string> }).because;
      return (because?.[lang] ?? because?.nl ?? '').trim();
    })
    .filter(Boolean);
  const legalBasis = t(process.letter?.legalBasis, lang).trim();
  return {
    lang,
    organisation: style.name,
    colour: style.letter?.colour ?? DEFAULT_COLOUR,
    reference: row.reference,
    date: longDate(row.endedAt ?? row.updatedAt, lang),
    process: t(process.title, lang),
    decision: {
      title: t(end?.title, lang) || (row.outcome ?? ''),
      message: (sent ? (sent.body[lang] ?? sent.body.nl) : t(ending?.message, lang)).trim(),
    },
    automated,
    officials: officialDecisions(entries, process, lang),
    legalBasis: legalBasis || null,
    objectionTo:
      process.letter?.objectionTo ??
      style.letter?.objectionTo ??
      say('objectionToDefault', { organisation: style.name }),
    phone: style.contact?.phone ?? null,
  };
}
