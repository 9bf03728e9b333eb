import type { Like } from '../../translate.js';
import type nl from './nl.js';

// Notices by email and SMS (runtime/notify), in English.
export default {
  greeting: 'Dear resident,',
  greetingStaff: 'Dear colleague,',
  closing: 'Kind regards,',
  automatic: 'This is an automatic message. You cannot reply to this email.',
  waitingSubject: 'There is a message for you',
  waitingBody: 'There is a new message for you in My cases. Sign in to read it.',
  waitingAbout: 'It is about: {process}.',
  viewCase: 'View your case: {link}',
  signInAt: 'Sign in at: {link}',
  viewLetter: 'Read the decision letter: {link}',
  sms: '{organisation}: there is a message for you in My cases. {link}',
  confirmSubject: 'Confirm your email address',
  confirmBody:
    'You want to get messages from {organisation} at this email address. Click the link to confirm. The link works for {hours} hours.',
  confirmIgnore:
    'Did you not ask for this? Then you do not need to do anything. You will get no messages at this address.',
  digestSubject: '{count, plural, one {# new task} other {# new tasks}} for team {team}',
  digestBody:
    '{count, plural, one {# new task} other {# new tasks}} came in for team {team} between {from} and {until}.',
  escalationSubject: 'Task past its deadline: {process}',
  escalationBody:
    'The task "{step}" of case {reference} ({process}) was not finished in time. It is now with team {team}.',
  proposalSubject: 'A proposal waits for your check: case {reference}',
  proposalBody:
    '{name} proposes to finish case {reference} ({process}) with: {outcome}. A second official must check this before the decision counts.',
  openWorkspace: 'Open the workspace: {link}',
} satisfies Like<typeof nl>;
