// Notices by email and SMS (runtime/notify), in Dutch: the reference language. ICU MessageFormat.
export default {
  greeting: 'Beste inwoner,',
  greetingStaff: 'Beste collega,',
  closing: 'Met vriendelijke groet,',
  automatic: 'Dit is een automatisch bericht. U kunt niet antwoorden op deze e-mail.',
  waitingSubject: 'Er staat een bericht voor u klaar',
  waitingBody: 'Er staat een nieuw bericht voor u klaar in Mijn zaken. Log in om het te lezen.',
  waitingAbout: 'Het gaat over: {process}.',
  viewCase: 'Bekijk uw zaak: {link}',
  signInAt: 'Log in op: {link}',
  viewLetter: 'Lees de besluitbrief: {link}',
  sms: '{organisation}: er staat een bericht voor u klaar in Mijn zaken. {link}',
  confirmSubject: 'Bevestig uw e-mailadres',
  confirmBody:
    'U wilt berichten van {organisation} krijgen op dit e-mailadres. Klik op de link om dat te bevestigen. De link werkt {hours} uur.',
  confirmIgnore: 'Heeft u dit niet zelf gevraagd? Dan hoeft u niets te doen. U krijgt dan geen berichten op dit adres.',
  digestSubject: '{count, plural, one {# nieuwe taak} other {# nieuwe taken}} voor team {team}',
  digestBody:
    'Er {count, plural, one {is # nieuwe taak} other {zijn # nieuwe taken}} voor team {team} binnengekomen tussen {from} en {until}.',
  escalationSubject: 'Taak over de termijn: {process}',
  escalationBody:
    'De taak "{step}" van zaak {reference} ({process}) is niet op tijd afgerond. Team {team} is nu aan de beurt.',
  proposalSubject: 'Voorstel wacht op uw controle: zaak {reference}',
  proposalBody:
    '{name} stelt voor om zaak {reference} ({process}) af te ronden met: {outcome}. Een tweede medewerker moet dit controleren voordat het besluit telt.',
  lateSubject: 'Uw aanvraag duurt langer: {process}',
  lateBody:
    'Wij hebben uw aanvraag ({process}, zaak {reference}) niet op tijd afgerond. Dat spijt ons. U hoort uiterlijk {date} van ons. Heeft u vragen? Kies dan "Vraag een medewerker" op de pagina van uw zaak.',
  extendedSubject: 'Nieuwe datum voor uw aanvraag: {process}',
  extendedBody:
    'Wij hebben meer tijd nodig voor uw aanvraag ({process}, zaak {reference}). De reden: {reason} U hoort uiterlijk {date} van ons. Heeft u vragen? Kies dan "Vraag een medewerker" op de pagina van uw zaak.',
  reminderSubject: 'U bent nog niet klaar met uw aanvraag: {process}',
  reminderBody:
    'U bent begonnen met een aanvraag ({process}, zaak {reference}), maar u heeft die nog niet verstuurd. Uw antwoorden staan klaar. Log in om verder te gaan.',
  draftExpirySubject: 'Uw antwoorden worden binnenkort verwijderd: {process}',
  draftExpiryBody:
    'U heeft uw aanvraag ({process}, zaak {reference}) nog niet verstuurd. Op {date} verwijderen wij uw antwoorden. Wilt u ze houden? Log in en ga verder met uw aanvraag.',
  openWorkspace: 'Open de werkplek: {link}',
  // The citizen's page of channels (runtime/pages/routes/channels.ts).
  page: {
    title: 'Meldingen per e-mail en sms',
    nav: 'Meldingen',
    intro:
      'Berichten over uw zaken staan altijd in Mijn zaken. Wilt u ook een melding krijgen als er een nieuw bericht is? Vul dan uw e-mailadres of mobiele nummer in.',
    now: 'Zo krijgt u nu meldingen',
    email: 'E-mailadres',
    sms: 'Mobiel nummer voor sms',
    none: 'Geen',
    confirmed: 'bevestigd',
    waiting: 'nog niet bevestigd: klik op de link in de e-mail die wij u stuurden',
    emailHint:
      'Wij sturen u eerst een e-mail met een link. Pas als u op de link klikt, sturen wij meldingen naar dit adres. Laat het vak leeg als u geen e-mail wilt.',
    smsHint:
      'Een 06-nummer, of een nummer met + en de landcode. In een sms staat nooit wat het bericht zegt, alleen dat er een bericht is. Laat het vak leeg als u geen sms wilt.',
    lang: 'In welke taal wilt u de meldingen?',
    save: 'Opslaan',
    saved: 'Uw keuze is opgeslagen.',
    sentConfirm:
      'Wij hebben een e-mail gestuurd naar {address}. Klik op de link in die e-mail om uw adres te bevestigen.',
    badEmail: 'Vul een e-mailadres in zoals naam@voorbeeld.nl, of laat het vak leeg.',
    badSms: 'Vul een mobiel nummer in zoals 06 12345678 of +32 470 12 34 56, of laat het vak leeg.',
    tooManyConfirms: 'U heeft vandaag al vaak een bevestiging gevraagd. Probeer het morgen opnieuw.',
    confirmTitle: 'E-mailadres bevestigen',
    confirmIntro: 'Klik op de knop om te bevestigen dat u meldingen wilt krijgen op uw e-mailadres.',
    confirmButton: 'Bevestig mijn e-mailadres',
    confirmedTitle: 'Uw e-mailadres is bevestigd',
    confirmedText: 'Wij sturen u voortaan een melding naar {address} als er een nieuw bericht voor u is.',
    expiredTitle: 'Deze link werkt niet meer',
    expiredText:
      'De link is te oud of is al gebruikt. Log in en vul uw e-mailadres opnieuw in op de pagina Meldingen. Dan sturen wij een nieuwe link.',
  },
};
