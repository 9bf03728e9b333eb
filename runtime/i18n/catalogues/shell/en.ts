import type { Like } from '../../translate.js';
import type nl from './nl.js';

// The shell both browser apps share, in English.
export default {
  skip: 'Skip to content',
  loading: 'Loading…',
  switchLang: 'Nederlands',
  switchLangLabel: 'Naar het Nederlands',
  signOut: 'Sign out',
  signedInAs: 'Signed in as {name}',
  signedInWithTeams: 'Signed in as {name} ({teams})',
  errorPrefix: 'Error:',
  errorSummary: 'Something needs correcting',
  somethingWrong: 'Something went wrong: {message}',
  retry: 'Try again',
  name: 'Name',
  password: 'Password',
  signIn: 'Sign in',
  fillIn: 'Fill this in.',
  invalidCredentials: 'Name or password is not right.',
  sessionEnded: 'You are signed out. Sign in again to continue.',
} satisfies Like<typeof nl>;
