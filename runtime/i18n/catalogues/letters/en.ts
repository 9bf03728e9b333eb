import type { Like } from '../../translate.js';
import type nl from './nl.js';

// The decision letter (runtime/letters) and the links to it, in English.
export default {
  title: 'Decision',
  subject: 'Decision on your application: {process}',
  date: 'Date',
  reference: 'Case reference',
  salutation: 'Dear resident,',
  intro: 'You asked us for: {process}. In this letter you can read what we decided and why.',
  decisionHeading: 'Our decision',
  reasonsHeading: 'Why did we decide this?',
  automatedHeading: 'The automated check',
  automatedIntro: 'A computer checked your data against the rules. This was the result:',
  officialHeading: 'The review by an official',
  officialDecided: 'An official reviewed your application and decided: {outcome}.',
  officialReason: "The official's reason:",
  noReasons: 'No reasons were recorded for this decision. Do you want to know why? Please contact us.',
  legalBasisHeading: 'Which rules is this decision based on?',
  legalBasisMissing: 'Do you want to know which rules this decision is based on? Please contact us.',
  objectionHeading: 'Do you disagree with this decision?',
  objection:
    'Then you can object (bezwaar). You must do so within six weeks of the date of this letter. Write in your objection: your name and address, the date, the case reference {reference}, which decision it is about and why you disagree. Sign it.',
  objectionTo: 'Send your objection to: {to}',
  objectionToDefault: 'the Municipal Executive (college van burgemeester en wethouders) of {organisation}',
  questionsPhone: 'Do you have questions about this letter? Call us on {phone} and give your case reference.',
  questions: 'Do you have questions about this letter? Please contact us and give your case reference.',
  closing: 'Kind regards,',
  generated: 'This letter was made automatically. That is why it has no signature.',
  page: 'Page {n} of {total}',
  download: 'Download the letter with the decision (pdf)',
  file: 'decision',
} satisfies Like<typeof nl>;
