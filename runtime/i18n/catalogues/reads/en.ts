import type { Like } from '../../translate.js';
import type nl from './nl.js';

// Who looked at your data (the read log), in English.
export default {
  title: 'Who looked at your data',
  intro: 'Here you see who looked at the data of this case, when, which data and why. You yourself are not listed.',
  empty: 'Nobody but you has looked at the data of this case yet.',
  link: 'Who looked at your data',
  back: 'Back to the status of your case',
  when: 'When',
  which: 'Which data',
  why: 'Why',
  caption: 'Who looked at the data of case {reference}, newest first',
  officialOfTeam: 'Official of team {team}',
  more: 'You see the last {n} times. Want to know everything? Ask an official.',
  role: {
    official: 'Official',
    admin: 'Administrator',
    designer: 'Process designer',
  },
  purpose: {
    handling: 'Handling your application',
    administration: 'Administration and checks',
    mandate: 'Viewed by someone you authorised',
  },
  data: {
    case: 'Your case: your answers, messages and its history',
    task: 'The task for your case: why it is with an official',
    citizen: 'Who you are: your name, address and how to reach you (your BSN masked)',
    bsn: 'Your citizen service number (BSN), in full',
    notes: "Officials' internal notes on your case",
    document: 'A document you sent with your application',
  },
  errors: {
    logUnavailable:
      'The log of who looks at data cannot be updated now, so the data is not shown. Please try again in a few minutes.',
    purpose: 'X-Purpose: give the purpose in 1 to 200 printable characters, without line breaks or control characters',
  },
} satisfies Like<typeof nl>;
