import { DateTime } from 'luxon';
import { readsCatalogues, translate, type Lang } from '../i18n/index.js';
import { isDateOrInstant } from '../model/index.js';
import type { CaseRead, Principal, Store } from '../store/index.js';
import { actorOf } from './policy.js';

/**
 * The read log (Logius *Logboek dataverwerkingen*: who, when, which data,
 * why). Every read of a citizen's case by someone other than the citizen —
 * staff, an intermediary acting by a mandate, an intermediary's API client —
 * is one row in `case_reads`, written before the answer is sent; the
 * citizen reads the rows on /zaken/:id/inzage, an auditor exports them.
 *
 * The rows hold codes where the citizen reads text in their own language
 * (`team:<name>`, `role:<role>`, the route's purposes), and names as given
 * where there is no code (an intermediary's name, an `X-Purpose` header).
 */

/** Which data a read showed. */
export const READ_DATA = ['case', 'task', 'citizen', 'bsn', 'notes', 'document'] as const;
/** Which data a read showed: the case view, a task, who the citizen is (BSN masked), the BSN in full, internal notes, a document. */
export type ReadData = (typeof READ_DATA)[number];

/** Why a route reads, when the reader gave no purpose of their own. */
export const ROUTE_PURPOSES = ['handling', 'administration', 'mandate'] as const;
export type RoutePurpose = (typeof ROUTE_PURPOSES)[number];

/**
 * Reads by the same reader of the same data for the same purpose within this
 * window are one entry: the workspace's task page checks every 3 seconds,
 * and the citizen's overview should say "looked at your case at 10:03", not
 * list it 200 times. The entry's time is the first read of the window.
 */
export const READ_WINDOW_MS = 10 * 60_000;

/** The longest purpose a reader may give (characters). */
export const MAX_PURPOSE = 200;

/** The read log could not be written: the read must fail with it (no read without its entry). */
export class ReadLogUnavailable extends Error {
  constructor(cause: unknown) {
    super('the read log cannot be written now', { cause });
  }
}

/**
 * A purpose as a reader gives it (the API's `X-Purpose` header): trimmed,
 * 1–200 printable characters, no control characters. Header bytes arrive as
 * Latin-1; when they are valid UTF-8 ("financiële"), they are read as such.
 * Returns the purpose, or the problem to report.
 */
export function checkPurpose(raw: string): { purpose: string } | { problem: 'empty' | 'too-long' | 'not-printable' } {
  const bytes = Buffer.from(raw, 'latin1');
  const utf8 = bytes.toString('utf8');
  const value = (utf8.includes('\uFFFD') ? raw : utf8).trim();
  if (!value) return { problem: 'empty' };
  if ([...value].length > MAX_PURPOSE) return { problem: 'too-long' };
  if (/\p{C}/u.test(value)) return { problem: 'not-printable' };
  return { purpose: value };
}

/** What to record about one read; `team` names the task's team when a task was read. */
export type ReadOf = {
  principal: Principal;
  row: { id: string; subject: string };
  data: ReadData;
  /** As the reader gave it; else the route's purpose for this reader. */
  purpose?: string;
  team?: string;
  at: string;
};

/** Whether this reader's reads are logged: everyone's but the citizen's own. */
export const readIsLogged = (p: Principal): boolean => p.kind !== 'citizen' || !!p.via;

/**
 * Records one read (or finds it recorded within the window). Nothing for the
 * citizen's own reads. Throws ReadLogUnavailable when the row cannot be
 * written: the caller answers with an error, never with the data.
 *
 * Who the citizen sees: an official as "an official of team X" (the team the
 * case is with), not by personal name — officials act for the organisation,
 * a name invites contact outside the case and is personal data of the
 * official; the export keeps `user:<name>` for the auditor. Intermediaries
 * by their own name (a person or an organisation): the citizen chose them.
 */
export async function recordRead(store: Store, read: ReadOf): Promise<boolean> {
  const { principal: p } = read;
  if (!readIsLogged(p)) return false;
  let actorName: string;
  let onBehalf: string | null = null;
  let purpose: RoutePurpose;
  if (p.kind === 'user') {
    purpose = p.role === 'official' ? 'handling' : 'administration';
    const team = p.role === 'official' ? (read.team ?? (await teamOf(store, p.teams, read.row.id))) : undefined;
    actorName = team ? `team:${team}` : `role:${p.role}`;
  } else if (p.kind === 'organisation') {
    purpose = 'mandate';
    actorName = p.name;
    onBehalf = `kvk:${p.kvk}`;
  } else {
    purpose = 'mandate';
    actorName = p.via!.holderName;
    onBehalf = p.via!.holder.kind === 'organisation' ? `kvk:${p.via!.holder.id}` : null;
  }
  const entry: Omit<CaseRead, 'id'> = {
    caseId: read.row.id,
    subject: read.row.subject,
    actor: actorOf(p),
    actorName,
    onBehalf,
    data: read.data,
    purpose: read.purpose ?? purpose,
    at: read.at,
  };
  const since = new Date(Date.parse(read.at) - READ_WINDOW_MS).toISOString();
  try {
    await store.reads.recordUnlessSince(entry, since);
  } catch (error) {
    throw new ReadLogUnavailable(error);
  }
  return true;
}

/** The official's team that the case is with (a task of it), else their only team. */
async function teamOf(store: Store, teams: string[], caseId: string): Promise<string | undefined> {
  if (teams.length <= 1) return teams[0];
  const tasks = await store.tasks.list({ caseId });
  const withCase = tasks.filter((t) => teams.includes(t.team));
  // The newest task is where the case is now.
  return withCase.at(-1)?.team ?? teams[0];
}

/** Who read, as the citizen reads it: staff by team or role (their rows hold codes), anyone else by their name. */
export function readerName(read: CaseRead, lang: Lang): string {
  if (!read.actor.startsWith('user:')) return read.actorName;
  const [kind, rest] = splitCode(read.actorName);
  if (kind === 'team') return translate(readsCatalogues, lang, 'officialOfTeam', { team: rest });
  const role = (['admin', 'designer', 'official'] as const).find((r) => r === rest);
  return translate(readsCatalogues, lang, `role.${role ?? 'official'}`);
}

/** Why, as the citizen reads it: the route's purposes translated, a reader's own as given. */
export function purposeText(purpose: string, lang: Lang): string {
  return (ROUTE_PURPOSES as readonly string[]).includes(purpose)
    ? translate(readsCatalogues, lang, `purpose.${purpose as RoutePurpose}`)
    : purpose;
}

/** Which data, as the citizen reads it. */
export function dataText(data: string, lang: Lang): string {
  return (READ_DATA as readonly string[]).includes(data)
    ? translate(readsCatalogues, lang, `data.${data as ReadData}`)
    : data;
}

const splitCode = (v: string): [string, string] => {
  const i = v.indexOf(':');
  return i < 0 ? ['', v] : [v.slice(0, i), v.slice(i + 1)];
};

/** The columns of an export, in order. */
export const EXPORT_COLUMNS = [
  'id',
  'at',
  'caseId',
  'subject',
  'actor',
  'actorName',
  'onBehalf',
  'data',
  'purpose',
] as const satisfies readonly (keyof CaseRead)[];

/**
 * One CSV field by RFC 4180: quoted when it holds a comma, a quote or a line
 * break (quotes doubled). A field a spreadsheet would run as a formula
 * (=, +, -, @, tab, CR first: OWASP's CSV injection) gets a leading `'`;
 * purposes come from API clients and the auditor opens the file in one.
 */
export function csvField(value: string | number | null): string {
  let v = value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(v)) v = `'${v}`;
  return /[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v;
}

/**
 * The reads from `from` (inclusive) to `to` (exclusive) as CSV (a header row,
 * CRLF line ends) or a JSON array, in chunks of one page of the store each:
 * an export of a year never sits in memory whole.
 */
export async function* exportReads(
  store: Store,
  from: string,
  to: string,
  format: 'csv' | 'json',
  pageSize = 1000,
): AsyncGenerator<string> {
  const line = (cells: (string | number | null)[]) => `${cells.map(csvField).join(',')}\r\n`;
  yield format === 'csv' ? line([...EXPORT_COLUMNS]) : '[';
  let after = 0;
  let first = true;
  for (;;) {
    const page = await store.reads.between(from, to, after, pageSize);
    if (!page.length) break;
    yield page
      .map((r) => {
        if (format === 'csv') return line(EXPORT_COLUMNS.map((c) => r[c]));
        const json = `${first ? '' : ','}\n${JSON.stringify(Object.fromEntries(EXPORT_COLUMNS.map((c) => [c, r[c]])))}`;
        first = false;
        return json;
      })
      .join('');
    after = page.at(-1)!.id;
    if (page.length < pageSize) break;
  }
  if (format === 'json') yield first ? ']' : '\n]';
}

/**
 * An export's period from two dates (a day starts at midnight in Dutch time)
 * or instants (…Z): from inclusive, to exclusive, as stored instants; or per
 * name what is wrong.
 */
export function exportPeriod(
  from: string | undefined,
  to: string | undefined,
): { from: string; to: string } | { problems: Record<string, string[]> } {
  const problems: Record<string, string[]> = {};
  const at = (v: string | undefined, name: string) => {
    if (v === undefined || v === '') problems[name] = ['required: a date like 2026-01-01'];
    else if (!isDateOrInstant(v))
      problems[name] = ['a real date like 2026-01-01, or an instant like 2026-01-01T00:00:00Z'];
    else if (v.length === 10) return DateTime.fromISO(v, { zone: 'Europe/Amsterdam' }).toUTC().toISO()!;
    else return new Date(v).toISOString();
    return '';
  };
  const period = { from: at(from, 'from'), to: at(to, 'to') };
  if (!Object.keys(problems).length && period.from >= period.to) problems.to = ['after from'];
  return Object.keys(problems).length ? { problems } : period;
}
