import type { Like } from '../../translate.js';
import type nl from './nl.js';

// Sign-in (DigiD, eHerkenning, staff's provider) and the development stand-in, in English.
export default {
  title: 'Sign in',
} satisfies Like<typeof nl>;
