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
  staffSignIn: 'Sign in with your organisation account',
  staffSignInHint: 'You sign in at your own organisation and then come back here.',
  orPassword: 'Or sign in with name and password',
  signInProblemFailed: 'Signing in at your organisation did not work. Please try again.',
  signInProblemNoRole:
    'You are signed in at your organisation, but you have no role in Omslag yet. Ask the administrator to give you a role.',
  signInProblemUnreachable:
    'Signing in at your organisation is not possible now: it cannot be reached. Please try again later.',
  standInLabel: 'Test environment',
  standIn: 'Test environment: the demo accounts and signing in with only a BSN are simulated.',
} satisfies Like<typeof nl>;
