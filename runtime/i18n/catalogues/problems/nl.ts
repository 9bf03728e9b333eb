// The problems the process checks find (runtime/model/problems.ts), in Dutch: the reference language.
// One message per code (a `case` select where one code has several causes), then the words they are
// built from. `{node}` is the step or phase the problem is about, with its title; `{field}` a field
// with its label; `{place}` where in a step (“de voorwaarde van de eerste regel”); `{at}` a place in
// the definition for the problems of its shape (P000, P030). A new problem: a code, its params
// (ProblemParams in runtime/model/problems.ts) and a line here and in en.ts.
export default {
  messages: {
    P000:
      '{case, select, json {Het bestand is geen geldige JSON, dus geen proces.} ' +
      'missing {Er ontbreekt iets: {at}.} ' +
      'type {Bij {at} staat de verkeerde soort waarde: hier hoort {expected}.} ' +
      'unknownKey {Bij {at} staat iets wat de procestaal niet kent: ‘{keys}’. Haal het weg of verbeter de naam.} ' +
      'format {Bij {at} staat een waarde zonder de goede vorm. De vorm is: {format}.} ' +
      'empty {Bij {at} staat nog niets. Vul het in.} ' +
      'choice {Bij {at} kan alleen een van deze waarden staan: {options}.} ' +
      'other {Bij {at} staat iets wat niet klopt met de procestaal.}}',
    P001: 'Stap {node} is vanaf de start niet te bereiken. Verbind een stap ervoor met deze stap, of verwijder hem.',
    P002: 'Vanaf stap {node} is geen einde te bereiken: een zaak die hier komt, loopt nooit af. Verbind de stap met een einde.',
    P003:
      '{case, select, unconnected {{place} van stap {node} is nog met geen enkele stap verbonden. Sleep vanaf het bolletje naar de stap die daarna komt.} ' +
      'other {{place} van stap {node} gaat naar stap ‘{target}’, maar die stap bestaat niet. Kies een stap die er wel is.}}',
    P004: 'Besluit {node} heeft geen route ‘anders’: een zaak waarvoor geen regel geldt, blijft hier staan. Voeg ‘anders’ toe.',
    P005:
      '{case, select, trigger {In de voorwaarde van aanleiding {n} staat ‘{name}’, maar dat gegeven komt niet met het signaal. Voeg het toe bij de gegevens uit het signaal, met de soort antwoord.} ' +
      'other {In {place} van stap {node} staat ‘{name}’, maar zo heet geen veld van dit proces. Kies een veld dat een stap vraagt, of verbeter de naam.}}',
    P006: 'Het veld {field} komt twee keer voor: in stap {owner} en in stap {node}. Elk veld-id mag maar één keer in een proces voorkomen.',
    P007:
      '{case, select, escalate {Overdracht {node} stuurt een te late taak door, maar heeft geen termijn. Geef een termijn, bijvoorbeeld 5 werkdagen.} ' +
      'other {Overdracht {node} heeft geen termijn. Dan kan de inwoner niet horen wanneer er een antwoord komt. Geef een termijn, bijvoorbeeld 5 werkdagen.}}',
    P008: '{target, select, none {De gebeurtenis ‘{event}’ van fase {node} gaat nog naar geen enkele stap. Kies een stap.} other {De gebeurtenis ‘{event}’ van fase {node} gaat naar stap ‘{target}’, maar die stap bestaat niet. Kies een stap die er wel is.}}',
    P009:
      '{case, select, empty {{place} {node, select, none {} other {van stap {node} }}is leeg. Schrijf een voorwaarde, bijvoorbeeld leeftijd >= 18.} ' +
      'compile {{place} {node, select, none {} other {van stap {node} }}kan niet worden uitgerekend. Vereenvoudig de expressie.} ' +
      'other {{place} {node, select, none {} other {van stap {node} }}is geen geldige FEEL: er gaat iets mis bij teken {position} ({near, select, none {aan het eind} other {bij ‘{near}’}}).}}',
    P010:
      '{case, select, trigger {{start, select, none {Aanleiding {n} begint nog bij geen enkele stap. Kies bij ‘begint bij’ een stap.} other {Aanleiding {n} begint bij stap ‘{start}’, maar die stap bestaat niet. Kies bij ‘begint bij’ een stap die er wel is.}}} ' +
      'other {{start, select, none {Het proces heeft nog geen startstap. Voeg een stap toe: de eerste wordt de start.} other {De startstap ‘{start}’ bestaat niet. Maak een bestaande stap de startstap.}}}}',
    P011:
      '{case, select, step {Stap {node} staat in fase ‘{group}’, maar die fase bestaat niet. Kies een fase die er is, of geen.} ' +
      'itself {Fase {node} ligt (via andere fasen) in zichzelf. Kies een andere bovenliggende fase.} ' +
      'other {Fase {node} ligt in fase ‘{group}’, maar die fase bestaat niet. Kies een fase die er is, of geen.}}',
    P012: 'Formulier {node} heeft alleen routes met een voorwaarde. Voeg een route zonder voorwaarde toe voor alle andere gevallen.',
    P013:
      "{case, select, trigger {De reden van aanleiding {n} gebruikt ‘'{{'{name}'}}'’, maar dat gegeven komt niet met het signaal. Voeg het toe bij de gegevens uit het signaal.} " +
      "other {Een tekst van stap {node} gebruikt ‘'{{'{name}'}}'’, maar zo heet geen veld van dit proces. Kies een veld dat een stap vraagt, of verbeter de naam.}}",
    P014:
      '{case, select, noOptions {{who} {field} is een keuzevraag zonder keuzes. Voeg keuzes toe.} ' +
      'dateBound {{who} {field} heeft een datumgrens ‘{bound}’ die geen datum is. Schrijf JJJJ-MM-DD of today.} ' +
      'clash {Aanleiding {n} brengt het gegeven {field} als {type}, maar het veld {field} in het proces is {otherType}. Geef ze dezelfde soort antwoord.} ' +
      'other {{who} {field} is niet goed beschreven.}}',
    P015: 'Het proces heeft geen contactteam. Kies bij de proceseigenschappen het team dat vragen van inwoners beantwoordt, zodat zij altijd een medewerker kunnen spreken.',
    P016: '‘{id}’ is de naam van een stap en van een fase. Geef een van beide een andere naam.',
    P017:
      '{case, select, both {Wachtstap {node} wacht op een tijd én op een signaal. Kies een van beide; wacht u op een signaal, geef dan een termijn voor als het te laat is.} ' +
      'timeout {Wachtstap {node} heeft een termijn voor als het te laat is, maar wacht niet op een signaal. Die termijn geldt alleen bij wachten op een signaal.} ' +
      'other {Wachtstap {node} zegt niet waarop hij wacht. Geef een duur (bijvoorbeeld P5D, 5 dagen) of het signaal waarop hij wacht.}}',
    P019:
      '{place, select, none {De duur ‘{duration}’ van stap {node}} other {De duur ‘{duration}’ van {place}}} ' +
      '{case, select, tooLong {is langer dan {years} jaar. Kies een kortere duur.} ' +
      'other {is geen geldige duur. Schrijf hem zoals P5D (5 dagen) of PT2H (2 uur).}}',
    P021: 'Overdracht {node} heeft geen uitkomsten. Dan kan de medewerker de taak niet afronden. Voeg een uitkomst toe.',
    P022: 'Overdracht {node} heeft twee uitkomsten met de id ‘{id}’. Geef elke uitkomst een eigen id.',
    P023: 'Uitkomst {outcome} van overdracht {node} kan eindigen in een afwijzing. Geef de uitkomst een verplicht tekstveld voor de reden die de inwoner leest.',
    P025:
      '{case, select, both {Besluit {node} heeft regels én een beslistabel. Kies een van beide.} ' +
      'other {Rij {row} van de beslistabel van besluit {node} heeft {tests, plural, one {# kolom} other {# kolommen}}, maar de tabel heeft {inputs, plural, one {# invoer} other {# invoeren}}. Geef elke rij evenveel kolommen als er invoeren zijn.}}',
    P026: 'In de beslistabel van besluit {node} kunnen rij {a} en rij {b} allebei passen, terwijl de tabel maar één passende rij toestaat (UNIQUE). Maak de rijen zo dat ze elkaar uitsluiten.',
    P027: 'De beslistabel van besluit {node} staat maar één passende rij toe (UNIQUE), maar zegt niet waar een zaak heen gaat als er toch meer rijen passen. Kies een overdracht bij ‘meer dan één rij’.',
    P028: '{place} {node, select, none {} other {van stap {node} }}is {length} tekens lang; er mogen er hoogstens {max}. Verdeel de voorwaarde over meer regels of gebruik een beslistabel.',
    P029:
      '{case, select, nesting {{place} {node, select, none {} other {van stap {node} }}heeft haakjes die meer dan {max} lagen diep gaan (bij teken {position}). Verdeel de expressie over meer regels, of geef delen een naam in de invoer van een beslistabel.} ' +
      'other {{place} {node, select, none {} other {van stap {node} }}heeft meer dan {max} bewerkingen (bij teken {position}). Verdeel de expressie over meer regels of gebruik een beslistabel.}}',
    P030: '‘{name}’ ({at}) is een woord dat het systeem zelf gebruikt. Kies een andere naam.',
    P031:
      '{case, select, flag {{place} {node, select, none {} other {van stap {node} }}gebruikt in {fn} de vlag ‘{flag}’; die bestaat niet. De vlaggen zijn i, s, m en x.} ' +
      'other {{place} {node, select, none {} other {van stap {node} }}gebruikt in {fn} het patroon ‘{pattern}’, en dat kan niet draaien{near, select, none {} other { (bij ‘{near}’)}}. Terugverwijzingen zoals \\1 en vooruitkijken zoals (?=…) kunnen niet.}}',
    P032: 'Team ‘{team}’ bestaat niet. Kies een team uit de lijst van teams, of vraag een beheerder om het team aan te maken.',
    P033: 'In team ‘{team}’ werkt nog geen medewerker. Zijn taken komen dan bij niemand aan. Kies een ander team, of vraag een beheerder om medewerkers aan het team toe te voegen.',
    P034: '{place} {node, select, none {} other {van stap {node} }}is in JavaScript of JUEL geschreven, niet in FEEL: {fix, select, equals {‘{op}’ (bij teken {position}) schrijft FEEL als =.} notEquals {‘{op}’ (bij teken {position}) schrijft FEEL als !=.} and {‘{op}’ (bij teken {position}) schrijft FEEL als and.} or {‘{op}’ (bij teken {position}) schrijft FEEL als or.} not {‘{op}’ (bij teken {position}) schrijft FEEL als not(…).} other {de voorwaarde staat tussen een dollarteken (of hekje) en accolades (bij teken {position}). Schrijf alleen de voorwaarde zelf.}}',
  },
  // where in a step: noun phrases that fit “{place} van stap ‘Besluit’”
  places: {
    rule: 'de {nth} regel',
    ruleWhen: 'de voorwaarde van de {nth} regel',
    row: 'rij {n} van de beslistabel',
    tableInput: 'de {nth} invoer van de beslistabel',
    tableCell: 'de cel in rij {row}, kolom {column} van de beslistabel',
    route: 'de {nth} route',
    routeWhen: 'de voorwaarde van de {nth} route',
    showIf: 'de voorwaarde om vraag {field} te stellen',
    outcome: 'uitkomst {outcome}',
    outcomeShowIf: 'de voorwaarde om veld {field} bij uitkomst {outcome} te vragen',
    next: 'de uitgang ‘volgende’',
    otherwise: 'de uitgang ‘anders’',
    onError: 'de uitgang ‘meer dan één rij’',
    then: 'de uitgang na het wachten',
    timeout: 'de uitgang ‘te laat’',
    triggerWhen: 'de voorwaarde van aanleiding {n}',
    contactDue: 'de termijn van het contactteam',
    expression: 'een expressie',
    this: 'deze expressie',
  },
  ordinal:
    '{n, select, 1 {eerste} 2 {tweede} 3 {derde} 4 {vierde} 5 {vijfde} 6 {zesde} 7 {zevende} 8 {achtste} 9 {negende} 10 {tiende} other {{n}e}}',
  // whose field it is, for P014
  who: {
    question: 'De vraag',
    fact: 'Het gegeven',
    outcomeField: 'Het veld',
  },
  // a place in the definition, for the problems of its shape (P000, P030): “de id van vraag 1 van stap ‘Vraag’”
  at: {
    root: 'het proces',
    step: 'stap {title}',
    group: 'fase {title}',
    inside: '{part} van {whole}',
    item: '{list, select, fields {vraag {n}} rules {regel {n}} outcomes {uitkomst {n}} rows {rij {n}} inputs {invoer {n}} tests {kolom {n}} options {keuze {n}} facts {gegeven {n}} triggers {aanleiding {n}} next {route {n}} other {onderdeel {n}}}',
    key: '‘{key}’',
  },
  // the words of the process language's keys, as designers know them
  keys: {
    key: 'de sleutel',
    title: 'de titel',
    description: 'de omschrijving',
    start: 'de startstap',
    steps: 'de stappen',
    groups: 'de fasen',
    triggers: 'de aanleidingen',
    contact: 'het contactteam',
    kind: 'de soort stap',
    id: 'de id',
    label: 'de tekst',
    type: 'de soort antwoord',
    when: 'de voorwaarde',
    goto: 'de volgende stap',
    next: 'de volgende stap',
    then: 'de volgende stap',
    because: 'de reden',
    otherwise: 'de route ‘anders’',
    outcome: 'de uitkomst',
    outcomes: 'de uitkomsten',
    message: 'het bericht',
    subject: 'het onderwerp',
    body: 'de tekst van het bericht',
    team: 'het team',
    due: 'de termijn',
    for: 'de duur',
    signal: 'het signaal',
    fields: 'de vragen',
    facts: 'de gegevens uit het signaal',
    options: 'de keuzes',
    value: 'de waarde',
    rules: 'de regels',
    table: 'de beslistabel',
    mode: 'de wijze',
    group: 'de fase',
    on: 'de gebeurtenissen',
    showIf: 'de voorwaarde om de vraag te stellen',
  },
  // the kind of value a place takes (P000)
  valueTypes: {
    string: 'een tekst',
    number: 'een getal',
    boolean: 'ja of nee',
    array: 'een lijst',
    object: 'een groep gegevens',
    other: 'een andere waarde',
  },
  // the form a name or a duration must have (P000)
  formats: {
    lowerWord: 'kleine letters, cijfers en streepjes, beginnend met een letter (zoals aanvraag-1)',
    key: 'kleine letters, cijfers en streepjes (zoals stadspas)',
    name: 'letters, cijfers en _, beginnend met een letter (zoals inkomen)',
    signal: 'woorden in kleine letters met - of . ertussen (zoals brp.verhuisd)',
    duration: 'een duur zoals P5D (5 dagen) of PT2H (2 uur)',
    other: 'zie de uitleg bij dit onderdeel',
  },
};
