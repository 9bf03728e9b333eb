// What would have changed an automated decision (runtime/model/counterfactual.ts), in Dutch: the reference.
// ICU MessageFormat; the quotes around a label are typographic (‘ ’), not ICU's escaping apostrophe.
export default {
  heading: 'Wat had de uitkomst veranderd?',
  cannot: 'Wij kunnen niet berekenen wat tot een andere uitkomst had geleid.',
  partial: 'Of andere antwoorden tot nog een andere uitkomst hadden geleid, kunnen wij niet berekenen.',
  alternative: 'Als {changes} was geweest, dan was de uitkomst: {outcome}.',
  /** The same, when more than one value would have had to differ. */
  alternativeMany: 'Als {changes} waren geweest, dan was de uitkomst: {outcome}.',
  change: '‘{label}’ {condition} (nu: {from})',
  notGiven: 'niet ingevuld',
  reasoning: {
    part: '‘{label}’ is {actual}, de regel vraagt {condition}: {holds, select, yes {klopt} other {klopt niet}}',
    ruleHeld: 'Regel {n} gold: {because}',
    ruleNotHeld: 'Regel {n} gold niet',
    otherwise: 'Geen regel gold, dus: {because}',
  },
  condition: {
    lt: 'minder dan {value}',
    le: '{value} of minder',
    gt: 'meer dan {value}',
    ge: '{value} of meer',
    eq: '{value}',
    ne: 'niet {value}',
    dateLt: 'vóór {value}',
    dateLe: 'op of vóór {value}',
    dateGt: 'na {value}',
    dateGe: 'op of na {value}',
  },
};
