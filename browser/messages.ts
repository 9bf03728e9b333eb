// The words of the shell both apps share (sign-in, header, loading, errors): ICU messages in
// runtime/i18n/catalogues/shell. The app-specific ones (its name, its sign-in title and intro, its home link)
// come from the app's own catalogue (AppText); the header's home link is the Shell's `home`.
import { type Lang, type Positional, messagesView, shellCatalogues } from '../runtime/i18n/index.js';

export type { Lang };

/** Which messages take parameters, in call order. */
const args = {
  signedInAs: ['name'],
  signedInWithTeams: ['name', 'teams'],
  somethingWrong: ['message'],
} as const satisfies Positional<(typeof shellCatalogues)['nl']>;

const build = (lang: Lang) => messagesView(shellCatalogues, lang, args);
export type ShellMessages = ReturnType<typeof build>;

/** The shell's words per language. */
export const shellMessages: Readonly<Record<Lang, ShellMessages>> = { nl: build('nl'), en: build('en') };

/** What an app says of itself in the shell, in the chosen language. */
export type AppText = {
  appName: string;
  /** The name of the header's navigation landmark. */
  mainNav: string;
  signInTitle: string;
  signInIntro: string;
};
