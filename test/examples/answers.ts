/**
 * Sample answers for the example processes in processes/, per form step, as
 * the engine stores them after validation (numbers, booleans, normalised
 * text). Together they make every rule of each decision hold once, so a walk
 * reaches every end. A new example gets its answers here; the examples suite
 * says so when they are missing.
 */
export type ExampleAnswers = {
  /** Answers to offer at each form step (each is one submit). */
  forms: Record<string, Record<string, unknown>[]>;
  /** Answers to an official's outcome that asks for them, by outcome id. */
  outcomes?: Record<string, Record<string, unknown>>;
  /** Facts a proactive trigger brings, by trigger index. */
  facts?: Record<number, Record<string, unknown>>;
};

const iban = 'NL91ABNA0417164300';
const huishouden = { huishouden: 'alleenstaand', aanslagnummer: 'A-123' };
const geld = { vermogen: 0, heeftAuto: false, iban };

export const exampleAnswers: Record<string, ExampleAnswers> = {
  kwijtschelding: {
    forms: {
      huishouden: [
        huishouden,
        { ...huishouden, huishouden: 'samen' },
        { ...huishouden, huishouden: 'alleenstaande-ouder' },
      ],
      geldzaken: [
        { ...geld, inkomen: 1000, vermogen: 3000 }, // assets too high
        { ...geld, inkomen: 1000, heeftAuto: true, autoWaarde: 4000 }, // the car is worth too much
        { ...geld, inkomen: 1600 }, // income above the norm
        { ...geld, inkomen: 1200 }, // income below the norm
        { ...geld, inkomen: 1400 }, // close to the norm: an official decides
      ],
    },
    outcomes: { afwijzen: { reden: 'Te hoge vaste lasten.' } },
  },
  grofvuil: {
    forms: {
      ophaalverzoek: [
        { postcode: '1234 AB', huisnummer: '1', spullen: ['matras'], ophaaldatum: '2030-01-07' },
        {
          postcode: '1234 AB',
          huisnummer: '1',
          spullen: ['overig'],
          toelichting: 'Een kast',
          ophaaldatum: '2030-01-07',
        },
      ],
    },
  },
  stadspas: {
    forms: {
      aanvraag: [{ inkomen: 1200 }, { inkomen: 2000 }],
      aanbod: [{ accepteren: true }, { accepteren: false }],
    },
    facts: { 0: { inkomen: 1200 }, 1: {} },
  },
  'individuele-inkomenstoeslag': {
    forms: {
      gegevens: [
        { huishouden: 'samen', leeftijd: 19, jarenLaagInkomen: 5, inkomen: 1800, iban }, // too young
        { huishouden: 'samen', leeftijd: 40, jarenLaagInkomen: 1, inkomen: 1800, iban }, // too few years
        { huishouden: 'samen', leeftijd: 40, jarenLaagInkomen: 5, inkomen: 2500, iban }, // income too high
        { huishouden: 'samen', leeftijd: 40, jarenLaagInkomen: 5, inkomen: 1800, iban }, // granted by the table
      ],
    },
    outcomes: { afwijzen: { reden: 'Te hoog inkomen.' } },
  },
};
