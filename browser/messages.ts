// The words of the shell both apps share (sign-in, header, loading, errors).
// The app-specific ones (its name, its sign-in title and intro, its home link)
// come from the app's own catalogue (AppText); the header's home link is the Shell's `home`.

export type Lang = 'nl' | 'en';

/** The shell's words; a function where a word takes a value. */
export type ShellMessages = {
  skip: string;
  loading: string;
  switchLang: string;
  switchLangLabel: string;
  signOut: string;
  signedInAs(name: string): string;
  signedInWithTeams(name: string, teams: string): string;
  errorPrefix: string;
  errorSummary: string;
  somethingWrong(message: string): string;
  retry: string;
  name: string;
  password: string;
  signIn: string;
  fillIn: string;
  invalidCredentials: string;
  sessionEnded: string;
};

export const shellMessages: Record<Lang, ShellMessages> = {
  nl: {
    skip: 'Naar de inhoud',
    loading: 'Laden…',
    switchLang: 'English',
    switchLangLabel: 'Switch to English',
    signOut: 'Uitloggen',
    signedInAs: (name: string) => `Ingelogd als ${name}`,
    signedInWithTeams: (name: string, teams: string) => `Ingelogd als ${name} (${teams})`,
    errorPrefix: 'Fout:',
    errorSummary: 'Er is iets niet goed ingevuld',
    somethingWrong: (message: string) => `Er ging iets mis: ${message}`,
    retry: 'Opnieuw proberen',
    name: 'Naam',
    password: 'Wachtwoord',
    signIn: 'Inloggen',
    fillIn: 'Vul dit in.',
    invalidCredentials: 'Naam of wachtwoord klopt niet.',
    sessionEnded: 'U bent uitgelogd. Log opnieuw in om verder te werken.',
  },
  en: {
    skip: 'Skip to content',
    loading: 'Loading…',
    switchLang: 'Nederlands',
    switchLangLabel: 'Naar het Nederlands',
    signOut: 'Sign out',
    signedInAs: (name) => `Signed in as ${name}`,
    signedInWithTeams: (name, teams) => `Signed in as ${name} (${teams})`,
    errorPrefix: 'Error:',
    errorSummary: 'Something needs correcting',
    somethingWrong: (message) => `Something went wrong: ${message}`,
    retry: 'Try again',
    name: 'Name',
    password: 'Password',
    signIn: 'Sign in',
    fillIn: 'Fill this in.',
    invalidCredentials: 'Name or password is not right.',
    sessionEnded: 'You are signed out. Sign in again to continue.',
  },
};

/** What an app says of itself in the shell, in the chosen language. */
export type AppText = {
  appName: string;
  /** The name of the header's navigation landmark. */
  mainNav: string;
  signInTitle: string;
  signInIntro: string;
};
