import type { Lang } from '../model/index.js';

/** The page chrome in Dutch and English; process texts come from the definition. */
const messages = {
  skip: { nl: 'Naar de inhoud', en: 'Skip to content' },
  services: { nl: 'Diensten', en: 'Services' },
  myCases: { nl: 'Mijn zaken', en: 'My cases' },
  signIn: { nl: 'Inloggen', en: 'Sign in' },
  signOut: { nl: 'Uitloggen', en: 'Sign out' },
  person: { nl: 'Een medewerker spreken', en: 'Talk to a person' },
  switchLang: { nl: 'English', en: 'Nederlands' },
  switchLangLabel: { nl: 'Read this page in English', en: 'Lees deze pagina in het Nederlands' },
  back: { nl: 'Terug', en: 'Back' },
  next: { nl: 'Volgende', en: 'Continue' },
  optional: { nl: '(niet verplicht)', en: '(optional)' },
  errorSummary: { nl: 'Er ging iets mis', en: 'There is a problem' },
  errorPrefix: { nl: 'Fout:', en: 'Error:' },
  day: { nl: 'Dag', en: 'Day' },
  month: { nl: 'Maand', en: 'Month' },
  year: { nl: 'Jaar', en: 'Year' },
  yes: { nl: 'Ja', en: 'Yes' },
  no: { nl: 'Nee', en: 'No' },
  start: { nl: 'Start', en: 'Start' },
  servicesIntro: { nl: 'Kies wat u wilt regelen.', en: 'Choose what you want to arrange.' },
  noServices: { nl: 'Er zijn nog geen diensten.', en: 'There are no services yet.' },
  whatYouNeed: { nl: 'Wat heeft u nodig?', en: 'What do you need?' },
  howLong: { nl: 'Hoe lang duurt het?', en: 'How long does it take?' },
  minutes: { nl: 'Het invullen duurt ongeveer {n} minuten.', en: 'Filling it in takes about {n} minutes.' },
  answerWithin: { nl: 'Als een medewerker uw aanvraag bekijkt, krijgt u binnen {n} dagen antwoord.', en: 'If an official reviews your application, you get an answer within {n} days.' },
  signInTitle: { nl: 'Inloggen', en: 'Sign in' },
  devSignIn: { nl: 'Testomgeving: dit inloggen vervangt DigiD. Gebruik nooit een echt burgerservicenummer.', en: 'Test environment: this sign-in stands in for DigiD. Never use a real citizen service number.' },
  bsn: { nl: 'Burgerservicenummer (BSN)', en: 'Citizen service number (BSN)' },
  bsnHint: { nl: '9 cijfers, bijvoorbeeld 999993653', en: '9 digits, for example 999993653' },
  signedOut: { nl: 'U bent uitgelogd.', en: 'You are signed out.' },
  checkTitle: { nl: 'Controleer uw antwoorden', en: 'Check your answers' },
  change: { nl: 'Wijzigen', en: 'Change' },
  send: { nl: 'Versturen', en: 'Send' },
  sendIntro: { nl: 'Kloppen uw antwoorden? Verstuur dan uw aanvraag.', en: 'Are your answers right? Then send your application.' },
  confirmTitle: { nl: 'Uw aanvraag is verstuurd', en: 'Your application has been sent' },
  reference: { nl: 'Uw zaaknummer', en: 'Your reference number' },
  whatNext: { nl: 'Wat gebeurt er nu?', en: 'What happens next?' },
  expected: { nl: 'U krijgt uiterlijk {date} antwoord.', en: 'You will get an answer by {date}.' },
  toStatus: { nl: 'Bekijk de stand van uw zaak', en: 'See where your case stands' },
  statusTitle: { nl: 'Stand van uw zaak', en: 'Where your case stands' },
  currentStep: { nl: 'Nu', en: 'Now' },
  timeline: { nl: 'Wat er is gebeurd', en: 'What has happened' },
  decisions: { nl: 'Waarom is dit besloten?', en: 'Why was this decided?' },
  messagesTitle: { nl: 'Berichten', en: 'Messages' },
  outcome: { nl: 'Uitkomst', en: 'Outcome' },
  continue: { nl: 'Verder met invullen', en: 'Continue filling in' },
  noCases: { nl: 'U heeft nog geen zaken.', en: 'You have no cases yet.' },
  statusActive: { nl: 'Loopt', en: 'In progress' },
  statusEnded: { nl: 'Afgerond', en: 'Finished' },
  personTitle: { nl: 'Een medewerker spreken', en: 'Talk to a person' },
  personIntro: { nl: 'Wij nemen contact met u op. U kunt daarna verder waar u was.', en: 'We will contact you. Afterwards you can continue where you were.' },
  question: { nl: 'Waarmee kunnen wij u helpen?', en: 'What can we help you with?' },
  channel: { nl: 'Hoe wilt u dat wij contact opnemen?', en: 'How would you like us to contact you?' },
  phone: { nl: 'Telefoon', en: 'Phone' },
  email: { nl: 'E-mail', en: 'Email' },
  visit: { nl: 'Een afspraak op het stadskantoor', en: 'An appointment at the city office' },
  reach: { nl: 'Telefoonnummer of e-mailadres', en: 'Phone number or email address' },
  reachHint: { nl: 'Niet nodig voor een afspraak.', en: 'Not needed for an appointment.' },
  personSend: { nl: 'Vraag versturen', en: 'Send question' },
  personDone: { nl: 'Uw vraag is verstuurd. Een medewerker neemt uiterlijk {date} contact met u op.', en: 'Your question has been sent. An official will contact you by {date}.' },
  personOpen: { nl: 'U heeft gevraagd om contact. Een medewerker neemt uiterlijk {date} contact met u op.', en: 'You asked to be contacted. An official will contact you by {date}.' },
  confirmAction: { nl: 'Weet u het zeker?', en: 'Are you sure?' },
  yesDo: { nl: 'Ja, {action}', en: 'Yes, {action}' },
  cancel: { nl: 'Nee, terug', en: 'No, go back' },
  notFound: { nl: 'Pagina niet gevonden', en: 'Page not found' },
  notFoundText: { nl: 'Deze pagina bestaat niet of is niet van u.', en: 'This page does not exist or is not yours.' },
  expiredForm: { nl: 'Dit formulier is verlopen. Probeer het opnieuw.', en: 'This form has expired. Please try again.' },
  somethingWrong: { nl: 'Er ging iets mis aan onze kant. Er is niets veranderd.', en: 'Something went wrong on our side. Nothing was changed.' },
  cannotDecideTitle: { nl: 'Dit kunnen wij niet automatisch verwerken', en: 'We cannot process this automatically' },
  cannotDecide: { nl: 'Een regel van deze dienst kon niet worden toegepast op uw antwoorden. Er is niets verloren gegaan. Een medewerker helpt u verder: kies "Een medewerker spreken".', en: 'A rule of this service could not be applied to your answers. Nothing was lost. An official will help you: choose "Talk to a person".' },
  badRequestTitle: { nl: 'Dit adres of formulier klopt niet', en: 'This address or form is not right' },
  badRequest: { nl: 'Wij konden uw verzoek niet lezen. Er is niets veranderd. Controleer het adres, of ga terug en probeer het opnieuw.', en: 'We could not read your request. Nothing was changed. Check the address, or go back and try again.' },
  tooLargeTitle: { nl: 'U heeft te veel verstuurd', en: 'You sent too much' },
  tooLarge: { nl: 'Er zaten te veel of te grote gegevens of bestanden in uw formulier. Er is niets veranderd. Ga terug en probeer het opnieuw, met één bestand per vraag.', en: 'Your form held too many or too large answers or files. Nothing was changed. Go back and try again, with one file per question.' },
  backToForm: { nl: 'Terug naar het formulier', en: 'Back to the form' },
  uploadTooLarge: { nl: 'Het bestand is te groot. Kies een bestand van hoogstens {max}.', en: 'The file is too large. Choose a file of at most {max}.' },
  uploadType: { nl: 'Dit bestand kunnen wij niet gebruiken. Kies een PDF, een foto (JPG, PNG of HEIC) of een tekstbestand (.txt).', en: 'We cannot use this file. Choose a PDF, a photo (JPG, PNG or HEIC) or a text file (.txt).' },
  uploadOne: { nl: 'Voeg bij deze vraag één bestand toe.', en: 'Add one file for this question.' },
  pages: { nl: 'Pagina’s', en: 'Pages' },
  previousPage: { nl: 'Vorige', en: 'Previous' },
  nextPage: { nl: 'Volgende', en: 'Next' },
  page: { nl: 'Pagina', en: 'Page' },
  pageN: { nl: 'Pagina {n}', en: 'Page {n}' },
  pageOf: { nl: 'Pagina {n} van {total}', en: 'Page {n} of {total}' },
  onlyIf: { nl: 'Alleen invullen als u bij "{label}" "{value}" kiest.', en: 'Only answer if you chose "{value}" for "{label}".' },
  step: { nl: 'Stap', en: 'Step' },
  feedbackCase: { nl: 'Zaak', en: 'Case' },
} as const satisfies Record<string, Record<Lang, string>>;

export type MessageKey = keyof typeof messages;

/** A chrome text in a language, with `{name}` parameters filled. */
export function msg(key: MessageKey, lang: Lang, params: Record<string, string | number> = {}): string {
  return messages[key][lang].replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? ''));
}

/** A size as people read it: 800 bytes, 1 kB, 10 MB. */
export function byteSize(n: number, lang: Lang): string {
  const number = (x: number) => new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'nl-NL', { maximumFractionDigits: 1 }).format(x);
  if (n < 1024) return `${n} bytes`;
  if (n < 1024 * 1024) return `${number(Math.round(n / 1024))} kB`;
  return `${number(Math.round((n / (1024 * 1024)) * 10) / 10)} MB`;
}

/** A date as people read it: 12 maart 2026 / 12 March 2026. */
export function longDate(iso: string, lang: Lang): string {
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Amsterdam' }).format(new Date(iso));
}
