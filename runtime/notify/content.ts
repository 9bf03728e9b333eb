import { createTranslator, notifyCatalogues, type Lang } from '../i18n/index.js';
import type { ChannelKind, OutboxKind, OutboxRow } from '../store/index.js';

/** Who each kind of notice is for: the process's email setting applies to a citizen's notices only. */
const AUDIENCE: Record<OutboxKind, 'citizen' | 'staff' | 'address'> = {
  message: 'citizen',
  'official-message': 'citizen',
  outcome: 'citizen',
  offer: 'citizen',
  late: 'citizen',
  extended: 'citizen',
  reminder: 'citizen',
  'draft-expiry': 'citizen',
  confirm: 'address',
  'task-digest': 'staff',
  escalation: 'staff',
  proposal: 'staff',
};
export const isCitizenNotice = (notice: OutboxKind) => AUDIENCE[notice] === 'citizen';

/** What a notice's text needs besides the notice: who sends it, where Omslag lives, what the process allows. */
export type RenderContext = {
  organisation: string;
  /** The accent colour of the email's header (the theme's letter colour). */
  colour: string;
  publicUrl: string;
  /** The process's setting (`notifications.email`): the message itself, or only that one is waiting. */
  emailCarries: 'message' | 'notice';
  /** The process's title in this language, when the notice belongs to one. */
  process?: string;
  confirmHours: number;
};

export type EmailContent = { subject: string; text: string; html: string };

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

/** A text of the notice's data in `lang`, Dutch when that language is missing; '' when there is none. */
function textOf(value: unknown, lang: Lang): string {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object') {
    const v = value as Record<string, unknown>;
    const t = v[lang] ?? v.nl ?? v.en;
    return typeof t === 'string' ? t : '';
  }
  return '';
}

/** Only paths on Omslag itself become links: a notice's data cannot send people elsewhere. */
function linkOf(row: OutboxRow, ctx: RenderContext): string {
  const path =
    typeof row.data.link === 'string' && /^\/[\w\-./?=&%#]*$/.test(row.data.link) && !row.data.link.startsWith('//')
      ? row.data.link
      : row.caseId
        ? `/zaken/${encodeURIComponent(row.caseId)}/status`
        : row.recipient.startsWith('user:') || row.recipient.startsWith('team:')
          ? '/werkplek'
          : '/zaken';
  return ctx.publicUrl + path;
}

/** Removes control characters from a header line (a subject), keeps it short. */
const oneLine = (s: string) =>
  [...s]
    .map((c) => (c.charCodeAt(0) < 32 || c.charCodeAt(0) === 127 ? ' ' : c))
    .join('')
    .replace(/ +/g, ' ')
    .trim()
    .slice(0, 200);

/**
 * A notice as an email in `lang`: a plain-text part and an HTML part in the
 * organisation's colour. A citizen's notice carries the message only when
 * the process says so; otherwise it says a message waits in Mijn zaken.
 */
export function renderEmail(row: OutboxRow, lang: Lang, ctx: RenderContext): EmailContent {
  const say = createTranslator(notifyCatalogues, lang);
  const link = linkOf(row, ctx);
  const staff = row.recipient.startsWith('user:') || row.recipient.startsWith('team:');
  let subject: string;
  const paragraphs: string[] = [];
  const links: string[] = [];
  if (row.kind === 'confirm') {
    subject = say('confirmSubject');
    paragraphs.push(say('confirmBody', { organisation: ctx.organisation, hours: ctx.confirmHours }));
    links.push(link);
    paragraphs.push(say('confirmIgnore'));
  } else if (isCitizenNotice(row.kind) && ctx.emailCarries === 'notice') {
    subject = say('waitingSubject');
    paragraphs.push(say('waitingBody'));
    if (ctx.process) paragraphs.push(say('waitingAbout', { process: ctx.process }));
    links.push(say('signInAt', { link }));
  } else {
    subject = textOf(row.data.subject, lang) || say('waitingSubject');
    const body = textOf(row.data.body, lang);
    if (body) paragraphs.push(...body.split(/\n{2,}/));
    links.push(staff ? say('openWorkspace', { link }) : say('viewCase', { link }));
    if (row.kind === 'outcome' && row.caseId)
      links.push(say('viewLetter', { link: `${ctx.publicUrl}/zaken/${encodeURIComponent(row.caseId)}/brief` }));
  }
  const greeting = staff ? say('greetingStaff') : say('greeting');
  const closing = [say('closing'), ctx.organisation];
  const text = [greeting, ...paragraphs, ...links, closing.join('\n'), say('automatic')].join('\n\n') + '\n';
  const linkHtml = (line: string) =>
    esc(line).replace(/https?:\/\/[^\s<]+/g, (url) => `<a href="${url}" style="color:${ctx.colour}">${url}</a>`);
  const html = `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${esc(oneLine(subject))}</title></head>
<body style="margin:0;padding:0;background:#f3f3f3;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#1a1a1a">
<div style="max-width:600px;margin:0 auto;background:#ffffff">
<div style="background:${ctx.colour};color:#ffffff;padding:16px 24px;font-size:20px;font-weight:bold">${esc(ctx.organisation)}</div>
<div style="padding:24px">
<p>${esc(greeting)}</p>
${paragraphs.map((p) => `<p>${esc(p).replace(/\n/g, '<br>')}</p>`).join('\n')}
${links.map((l) => `<p>${linkHtml(l)}</p>`).join('\n')}
<p>${closing.map(esc).join('<br>')}</p>
<p style="color:#555555;font-size:14px">${esc(say('automatic'))}</p>
</div></div></body></html>
`;
  return { subject: oneLine(subject), text, html };
}

/** A notice as an SMS: never the message itself (a text message is read on a lock screen), only that one waits, and the link. */
export function renderSms(row: OutboxRow, lang: Lang, ctx: RenderContext): string {
  const say = createTranslator(notifyCatalogues, lang);
  return say('sms', { organisation: ctx.organisation, link: linkOf(row, ctx) });
}

export const channelsFor = (notice: OutboxKind): ChannelKind[] =>
  isCitizenNotice(notice) ? ['email', 'sms'] : ['email'];
