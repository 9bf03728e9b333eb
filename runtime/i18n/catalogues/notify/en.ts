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
  lateSubject: 'Your application is taking longer: {process}',
  lateBody:
    'We did not finish your application ({process}, case {reference}) in time. We are sorry. You will hear from us by {date} at the latest. Any questions? Choose "Ask a person" on the page of your case.',
  extendedSubject: 'New date for your application: {process}',
  extendedBody:
    'We need more time for your application ({process}, case {reference}). The reason: {reason} You will hear from us by {date} at the latest. Any questions? Choose "Ask a person" on the page of your case.',
  reminderSubject: 'You have not finished your application: {process}',
  reminderBody:
    'You started an application ({process}, case {reference}) but have not sent it yet. Your answers are saved. Sign in to go on.',
  draftExpirySubject: 'Your answers will be removed soon: {process}',
  draftExpiryBody:
    'You have not sent your application ({process}, case {reference}) yet. On {date} we remove your answers. Do you want to keep them? Sign in and go on with your application.',
  openWorkspace: 'Open the workspace: {link}',
  // The citizen's page of channels (runtime/pages/routes/channels.ts).
  page: {
    title: 'Notices by email and text message',
    nav: 'Notices',
    intro:
      'Messages about your cases are always in My cases. Do you also want a notice when there is a new message? Then fill in your email address or mobile number.',
    now: 'How you get notices now',
    email: 'Email address',
    sms: 'Mobile number for text messages',
    none: 'None',
    confirmed: 'confirmed',
    waiting: 'not confirmed yet: click the link in the email we sent you',
    emailHint:
      'We first send you an email with a link. Only after you click the link do we send notices to this address. Leave the box empty if you do not want email.',
    smsHint:
      'A Dutch 06 number, or a number with + and the country code. A text message never says what the message is, only that there is one. Leave the box empty if you do not want text messages.',
    lang: 'In which language do you want the notices?',
    save: 'Save',
    saved: 'Your choice has been saved.',
    sentConfirm: 'We sent an email to {address}. Click the link in that email to confirm your address.',
    badEmail: 'Fill in an email address like name@example.com, or leave the box empty.',
    badSms: 'Fill in a mobile number like 06 12345678 or +32 470 12 34 56, or leave the box empty.',
    tooManyConfirms: 'You have asked for a confirmation many times today. Please try again tomorrow.',
    confirmTitle: 'Confirm your email address',
    confirmIntro: 'Click the button to confirm that you want to get notices at your email address.',
    confirmButton: 'Confirm my email address',
    confirmedTitle: 'Your email address is confirmed',
    confirmedText: 'From now on we send a notice to {address} when there is a new message for you.',
    expiredTitle: 'This link no longer works',
    expiredText:
      'The link is too old or has been used already. Sign in and fill in your email address again on the Notices page. Then we send you a new link.',
  },
} satisfies Like<typeof nl>;
