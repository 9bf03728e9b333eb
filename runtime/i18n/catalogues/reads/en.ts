import type { Like } from '../../translate.js';
import type nl from './nl.js';

// Who looked at your data (the read log), in English.
export default {
  title: 'Who looked at your data',
} satisfies Like<typeof nl>;
