import type { Lang } from '../text.js';
import type { FieldIssue } from './field-kind.js';

/** The messages for field issues, by code; `{name}` takes a param. */
const catalogue: Record<string, Record<Lang, string>> = {
  'required': { nl: 'Vul dit in.', en: 'Enter an answer.' },
  'required-choice': { nl: 'Maak een keuze.', en: 'Choose an answer.' },
  'not-text': { nl: 'Vul tekst in.', en: 'Enter text.' },
  'too-short': { nl: 'Gebruik minstens {min} tekens.', en: 'Use at least {min} characters.' },
  'too-long': { nl: 'Gebruik hoogstens {max} tekens.', en: 'Use at most {max} characters.' },
  'invalid-email': { nl: 'Vul een e-mailadres in zoals naam@voorbeeld.nl.', en: 'Enter an email address like name@example.com.' },
  'invalid-phone': { nl: 'Vul een telefoonnummer in zoals 0612345678 of +31612345678.', en: 'Enter a phone number like 0612345678 or +31612345678.' },
  'invalid-postcode': { nl: 'Vul een postcode in zoals 1234 AB.', en: 'Enter a postcode like 1234 AB.' },
  'not-number': { nl: 'Vul een getal in.', en: 'Enter a number.' },
  'not-money': { nl: 'Vul een bedrag in, zoals 1250 of 1250,50.', en: 'Enter an amount, like 1250 or 1250.50.' },
  'too-many-decimals': { nl: 'Gebruik hoogstens twee cijfers achter de komma.', en: 'Use at most two decimals.' },
  'below-min': { nl: 'Vul {min} of meer in.', en: 'Enter {min} or more.' },
  'above-max': { nl: 'Vul {max} of minder in.', en: 'Enter {max} or less.' },
  'invalid-date': { nl: 'Vul een bestaande datum in, zoals 31 12 1980.', en: 'Enter a real date, like 31 12 1980.' },
  'date-before': { nl: 'De datum moet op of na {min} liggen.', en: 'The date must be on or after {min}.' },
  'date-after': { nl: 'De datum moet op of voor {max} liggen.', en: 'The date must be on or before {max}.' },
  'invalid-bsn': { nl: 'Vul een geldig burgerservicenummer in (9 cijfers).', en: 'Enter a valid citizen service number (9 digits).' },
  'invalid-iban': { nl: 'Vul een geldig IBAN in, zoals NL91 ABNA 0417 1643 00.', en: 'Enter a valid IBAN, like NL91 ABNA 0417 1643 00.' },
  'not-an-option': { nl: 'Kies een van de mogelijkheden.', en: 'Choose one of the options.' },
  'too-few-choices': { nl: 'Kies er minstens {min}.', en: 'Choose at least {min}.' },
  'too-many-choices': { nl: 'Kies er hoogstens {max}.', en: 'Choose at most {max}.' },
  'not-yes-no': { nl: 'Kies ja of nee.', en: 'Choose yes or no.' },
  'invalid-file': { nl: 'Voeg een bestand toe.', en: 'Add a file.' },
  'file-type': { nl: 'Voeg een PDF, JPG, PNG of tekstbestand toe.', en: 'Add a PDF, JPG, PNG or text file.' },
  'file-too-large': { nl: 'Het bestand is te groot (hoogstens {max} bytes).', en: 'The file is too large (at most {max} bytes).' },
  'unknown-field': { nl: 'Deze vraag hoort niet bij deze stap.', en: 'This question is not part of this step.' },
};

export function issueMessage(issue: FieldIssue, lang: Lang): string {
  const template = catalogue[issue.code]?.[lang] ?? issue.code;
  return template.replace(/\{(\w+)\}/g, (_, k: string) => String(issue.params?.[k] ?? ''));
}
