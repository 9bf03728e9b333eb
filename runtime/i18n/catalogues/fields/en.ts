import type { Like } from '../../translate.js';
import type nl from './nl.js';

// Field issues (answers that need correcting), in English.
export default {
  required: 'Enter an answer.',
  'required-choice': 'Choose an answer.',
  'not-text': 'Enter text.',
  'too-short': 'Use at least {min} characters.',
  'too-long': 'Use at most {max} characters.',
  'invalid-email': 'Enter an email address like name@example.com.',
  'invalid-phone': 'Enter a phone number like 0612345678 or +31612345678.',
  'invalid-postcode': 'Enter a postcode like 1234 AB.',
  'not-number': 'Enter a number.',
  'not-money': 'Enter an amount, like 1250 or 1250.50.',
  'too-many-decimals': 'Use at most two decimals.',
  'below-min': 'Enter {min} or more.',
  'above-max': 'Enter {max} or less.',
  'invalid-date': 'Enter a real date, like 31 12 1980.',
  'date-before': 'The date must be on or after {min}.',
  'date-after': 'The date must be on or before {max}.',
  'invalid-bsn': 'Enter a valid citizen service number (9 digits).',
  'bsn-check': 'This citizen service number is not right. Check the number, for example on your passport or ID card.',
  'invalid-iban': 'Enter a valid IBAN, like NL91 ABNA 0417 1643 00.',
  'not-an-option': 'Choose one of the options.',
  'too-few-choices': 'Choose at least {min}.',
  'too-many-choices': 'Choose at most {max}.',
  'not-yes-no': 'Choose yes or no.',
  'invalid-file': 'Add a file.',
  'file-type': 'Add a PDF, JPG, PNG or text file.',
  'file-too-large': 'The file is too large (at most {max} bytes).',
  'unknown-field': 'This question is not part of this step.',
  // Answers as people read them.
  values: {
    yes: 'Yes',
    no: 'No',
  },
} satisfies Like<typeof nl>;
