import { bad, ok, textOf, type FieldKind } from './field-kind.js';

/**
 * The BSN eleven test (elfproef): 9 digits d1..d9 with
 * 9*d1 + 8*d2 + … + 2*d8 − 1*d9 divisible by 11 (and not all zeros).
 */
export function isValidBsn(value: string): boolean {
  if (!/^\d{9}$/.test(value) || value === '000000000') return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(value[i]) * (9 - i);
  sum -= Number(value[8]);
  return sum % 11 === 0;
}

/**
 * What is wrong with a typed BSN, if anything: not nine digits (`invalid-bsn`), or
 * nine digits that fail the elfproef (`bsn-check`: a typo, not a wrong format).
 */
export function bsnProblem(value: string): 'invalid-bsn' | 'bsn-check' | null {
  if (!/^\d{9}$/.test(value) || value === '000000000') return 'invalid-bsn';
  return isValidBsn(value) ? null : 'bsn-check';
}

/** IBAN check (ISO 13616): move the first four characters to the end, letters to numbers, mod 97 = 1. */
export function isValidIban(value: string): boolean {
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(value)) return false;
  if (value.startsWith('NL') && !/^NL\d{2}[A-Z]{4}\d{10}$/.test(value)) return false;
  const moved = value.slice(4) + value.slice(0, 4);
  let rest = 0;
  for (const ch of moved) {
    const n = ch >= 'A' ? ch.charCodeAt(0) - 55 : Number(ch);
    rest = (rest * (n > 9 ? 100 : 10) + n) % 97;
  }
  return rest === 1;
}

const bsn: FieldKind<'bsn'> = {
  type: 'bsn',
  sample: () => '',
  parse(raw) {
    let s = textOf(raw)?.replace(/[\s.]/g, '');
    if (s && /^\d{8}$/.test(s)) s = `0${s}`; // a BSN of 8 digits has a leading zero
    const problem = s ? bsnProblem(s) : 'invalid-bsn';
    return problem ? bad(problem) : ok(s!);
  },
};

const iban: FieldKind<'iban'> = {
  type: 'iban',
  sample: () => '',
  parse(raw) {
    const s = textOf(raw)?.toUpperCase().replace(/\s/g, '');
    if (!s || !isValidIban(s)) return bad('invalid-iban');
    return ok(s);
  },
  format(value) {
    return String(value)
      .replace(/(.{4})/g, '$1 ')
      .trim();
  },
};

export const identityKinds = [bsn, iban] as const;
