import type { Like } from '../../translate.js';
import type nl from './nl.js';

// Mandates (machtigingen): granting, choosing for whom, acting for someone, in English.
export default {
  title: 'Mandates',
} satisfies Like<typeof nl>;
