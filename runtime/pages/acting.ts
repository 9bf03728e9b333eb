import type { Request } from 'express';
import { actingVia, actorOf, holderOf, mandateFor, maskBsn, pageRight, processesCovered } from '../auth/index.js';
import { mandatesCatalogues, translate, type Lang, type MessageKey, type Params } from '../i18n/index.js';
import type { Process } from '../model/index.js';
import type { Principal, Store } from '../store/index.js';
import { PageError } from './context.js';
import { html, type Html } from './html.js';
import type { PageContext } from './layout.js';
import type { CitizenAccess } from './router.js';

/** A text of the mandate pages (runtime/i18n/catalogues/mandates). */
export const mandateText = (key: MessageKey<(typeof mandatesCatalogues)['nl']>, lang: Lang, params: Params = {}) =>
  translate(mandatesCatalogues, lang, key, params);

/**
 * The access of a holder acting for a citizen (the session's `acting`),
 * checked again now: when no mandate of theirs for that citizen is in force
 * any more (revoked, ended), acting is cleared, stored and in this request,
 * and undefined is returned: the holder is themselves again.
 */
export async function actingAccess(store: Store, req: Request, at: string): Promise<CitizenAccess | undefined> {
  const session = req.session!;
  if (!session.acting) return undefined;
  const via = await actingVia(store, session, session.acting, at);
  if (!via) {
    if (session.idHash) await store.sessions.setActing(session.idHash, null);
    session.acting = null;
    return undefined;
  }
  const principal: Principal = { kind: 'citizen', bsn: session.acting.citizen, via };
  return { subject: principal.bsn, principal, actor: actorOf(principal) };
}

/**
 * An intermediary's access to one page of a process (a case's, or a
 * service's start): the mandate that gives the page's right names the actor.
 * No mandate gives anything on this process: 404, the page does not exist for
 * them; one lets them see it but not do this: 403, a page that says so.
 */
export async function mandatedPage(
  store: Store,
  access: CitizenAccess,
  processKey: string,
  req: Request,
  path: string,
  at: string,
): Promise<CitizenAccess> {
  const principal = access.principal;
  if (principal.kind !== 'citizen' || !principal.via) return access;
  const right = pageRight(req.method, path);
  const mandate = await mandateFor(store, principal.via, access.subject, processKey, right, at);
  if (!mandate) {
    const sees = right !== 'view' && (await mandateFor(store, principal.via, access.subject, processKey, 'view', at));
    throw sees ? new PageError(403, 'notMandated') : new PageError(404, 'notFound');
  }
  const used: Principal = { ...principal, via: { ...principal.via, mandate } };
  return { ...access, principal: used, actor: actorOf(used) };
}

/** Where a sign-in goes on: the choice "Namens wie …" first when someone mandated this holder, else `back`. */
export async function afterSignIn(store: Store, req: Request, back: string, at: string): Promise<string> {
  const holder = req.session ? holderOf(req.session) : null;
  if (!holder) return back;
  const citizens = await store.mandates.citizensOf(holder, at, req.session?.staffId ?? null);
  return citizens.size ? `/namens?terug=${encodeURIComponent(back)}` : back;
}

/** On every page while acting: for whom, and the way to switch. */
export function actingBanner(ctx: PageContext): Html {
  if (!ctx.acting) return html``;
  return html`<div class="utrecht-alert utrecht-alert--warning omslag-acting"><p class="utrecht-paragraph"><strong>${mandateText('acting', ctx.lang, { bsn: maskBsn(ctx.acting) })}</strong> <a class="utrecht-link" href="/namens">${mandateText('switch', ctx.lang)}</a></p></div>`;
}

/** The processes whose cases an intermediary lists for the citizen (null: all; for themselves: all). */
export async function actingScope(store: Store, access: CitizenAccess, at: string): Promise<string[] | null> {
  const via = access.principal.kind === 'citizen' ? access.principal.via : undefined;
  if (!via) return null;
  const mandates = (await store.mandates.citizensOf(via.holder, at, via.staffId)).get(access.subject) ?? [];
  return processesCovered(mandates);
}

/** Whether someone mandated this signed-in holder (Mijn zaken then offers to act for them). */
export async function holdsMandates(store: Store, req: Request, at: string): Promise<boolean> {
  const holder = req.session ? holderOf(req.session) : null;
  return !!holder && (await store.mandates.citizensOf(holder, at, req.session?.staffId ?? null)).size > 0;
}

/**
 * What an intermediary did on a case, said to its reader: the citizen reads
 * "namens u door <holder>"; an intermediary "namens BSN ••••••653 door <holder>".
 * `items`: timeline entries whose `by` is `mandate:<id>`.
 */
export async function onBehalfTexts(
  store: Store,
  items: { by?: string }[],
  access: CitizenAccess,
  lang: Lang,
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const viewerActs = access.principal.kind === 'citizen' && !!access.principal.via;
  for (const by of new Set(items.flatMap((i) => (i.by ? [i.by] : [])))) {
    const mandate = await store.mandates.get(by.slice('mandate:'.length));
    const name = mandate?.holderName ?? '?';
    out.set(
      by,
      viewerActs
        ? mandateText('onBehalfOf', lang, { bsn: maskBsn(access.subject), name })
        : mandateText('onBehalfOfYou', lang, { name }),
    );
  }
  return out;
}

/**
 * The process's sign-in as asked of an intermediary: they sign in as
 * themselves (DigiD, or eHerkenning for an organisation's employee), so its
 * level is asked of their sign-in, while its kind (person or company) is the
 * citizen's, not theirs. For anyone acting for themselves: the process as it is.
 */
export function asHolderSees(def: Process, access: CitizenAccess, session: Request['session']): Process {
  if (access.principal.kind !== 'citizen' || !access.principal.via) return def;
  return { ...def, signIn: { ...def.signIn, applicant: session?.bsn ? 'person' : 'company' } };
}
