import type { Lang } from './lang.js';
import { type Catalogue, type Catalogues, formatMessage, lookup } from './translate.js';

/** For messages that take parameters: their names in call order, so `m.ruleN(3)` fills `{n}`. */
export type Positional<C extends Catalogue> = { readonly [K in keyof C]?: readonly string[] };

type Args<N extends readonly string[]> = { [I in keyof N]: string | number };

/**
 * A catalogue as an object of ready texts: a message without parameters is a string, one listed in
 * `positional` is a function of its parameters in order, a group is an object of strings. This is the
 * shape the designer and the workspace read (`t.appName`, `t.ruleN(3)`, `t.kinds.form`).
 */
export type MessagesView<C extends Catalogue, P extends Positional<C>> = {
  readonly [K in keyof C]: C[K] extends string
    ? P[K] extends readonly string[]
      ? (...args: Args<P[K]>) => string
      : string
    : { readonly [S in keyof C[K]]: string };
};

/** Builds the view of one feature in one language (cache it per language: it formats every message once). */
export function messagesView<C extends Catalogue, P extends Positional<C>>(
  catalogues: Catalogues<C>,
  lang: Lang,
  positional: P,
): MessagesView<C, P> {
  const own = catalogues[lang];
  const view: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(catalogues.nl)) {
    if (typeof value === 'object') {
      view[key] = Object.fromEntries(Object.keys(value).map((sub) => [sub, text(`${key}.${sub}`)]));
      continue;
    }
    const names = (positional as Record<string, readonly string[] | undefined>)[key];
    if (names) {
      view[key] = (...args: Array<string | number>) =>
        formatMessage(source(key), lang, Object.fromEntries(names.map((n, i) => [n, args[i]])));
    } else view[key] = text(key);
  }
  return view as MessagesView<C, P>;

  function source(key: string): string {
    return lookup(own, key) ?? lookup(catalogues.nl, key) ?? key;
  }
  function text(key: string): string {
    return formatMessage(source(key), lang);
  }
}

/** A view per language, built on first use (an app's `catalogue[lang]`). */
export function perLanguage<V>(build: (lang: Lang) => V): Readonly<Record<Lang, V>> {
  const built: Partial<Record<Lang, V>> = {};
  return Object.freeze(
    Object.defineProperties({} as Record<Lang, V>, {
      nl: { enumerable: true, get: () => (built.nl ??= build('nl')) },
      en: { enumerable: true, get: () => (built.en ??= build('en')) },
    }),
  );
}
