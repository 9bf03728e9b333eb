// Who looked at your data (the read log), in Dutch: the reference language. ICU MessageFormat.
export default {
  title: 'Wie heeft uw gegevens bekeken',
  intro:
    'Hier ziet u wie de gegevens van deze zaak heeft bekeken, wanneer, welke gegevens en waarom. Uzelf staat er niet in.',
  empty: 'Nog niemand anders dan uzelf heeft de gegevens van deze zaak bekeken.',
  link: 'Wie heeft uw gegevens bekeken',
  back: 'Terug naar de status van uw zaak',
  when: 'Wanneer',
  which: 'Welke gegevens',
  why: 'Waarom',
  caption: 'Wie de gegevens van zaak {reference} heeft bekeken, nieuwste eerst',
  officialOfTeam: 'Medewerker van team {team}',
  more: 'U ziet de laatste {n} keer. Wilt u alles weten? Vraag het aan een medewerker.',
  role: {
    official: 'Medewerker',
    admin: 'Beheerder',
    designer: 'Procesontwerper',
  },
  purpose: {
    handling: 'Behandeling van uw aanvraag',
    administration: 'Beheer en controle',
    mandate: 'Inzage door iemand die u hebt gemachtigd',
  },
  data: {
    case: 'Uw zaak: uw antwoorden, berichten en het verloop',
    task: 'De taak bij uw zaak: waarom die bij een medewerker ligt',
    citizen: 'Wie u bent: uw naam, adres en hoe u bereikbaar bent (uw BSN afgeschermd)',
    bsn: 'Uw burgerservicenummer (BSN), voluit',
    notes: 'Interne notities van medewerkers over uw zaak',
    document: 'Een document dat u heeft meegestuurd',
  },
  errors: {
    logUnavailable:
      'Het logboek van wie gegevens bekijkt kan nu niet worden bijgewerkt, dus de gegevens worden niet getoond. Probeer het over een paar minuten opnieuw.',
    purpose: 'X-Purpose: geef het doel in 1 tot 200 leesbare tekens, zonder regeleinden of stuurtekens',
  },
};
