import type { Like } from '../../translate.js';
import type nl from './nl.js';

// What would have changed an automated decision, in English.

export default {
  heading: 'What would have changed the outcome?',
  cannot: 'We cannot calculate what would have led to a different outcome.',
  partial: 'We cannot calculate whether other answers would have led to yet another outcome.',
  alternative: 'Had {changes}, the outcome would have been: {outcome}.',
  alternativeMany: 'Had {changes}, the outcome would have been: {outcome}.',
  change: '‘{label}’ been {condition} (now: {from})',
  notGiven: 'not given',
  reasoning: {
    part: '‘{label}’ is {actual}, the rule asks for {condition}: {holds, select, yes {true} other {not true}}',
    ruleHeld: 'Rule {n} held: {because}',
    ruleNotHeld: 'Rule {n} did not hold',
    otherwise: 'No rule held, so: {because}',
  },
  condition: {
    lt: 'less than {value}',
    le: '{value} or less',
    gt: 'more than {value}',
    ge: '{value} or more',
    eq: '{value}',
    ne: 'not {value}',
    dateLt: 'before {value}',
    dateLe: 'on or before {value}',
    dateGt: 'after {value}',
    dateGe: 'on or after {value}',
  },
} satisfies Like<typeof nl>;
