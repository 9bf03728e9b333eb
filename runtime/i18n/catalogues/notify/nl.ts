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
  openWorkspace: 'Open de werkplek: {link}',
};
