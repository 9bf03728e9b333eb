import { describe, expect, it } from 'vitest';
import {
  fieldKind,
  fieldKinds,
  fieldTypes,
  formatAnswer,
  isValidBsn,
  isValidIban,
  issueMessage,
  parseDutchNumber,
  validateAnswers,
  type Field,
  type FieldType,
  type ParseResult,
} from '../../../runtime/model/index.js';

const ctx = { today: '2025-06-15' };
const nl = { ...ctx, lang: 'nl' as const };
const en = { ...ctx, lang: 'en' as const };

const field = (type: FieldType, extra: Partial<Field> = {}): Field => ({ id: 'f', label: 'Vraag', type, ...extra });
const parse = (type: FieldType, raw: unknown, extra: Partial<Field> = {}): ParseResult =>
  fieldKind(type).parse(raw, field(type, extra), ctx);
const valueOf = (result: ParseResult) => {
  if ('issue' in result) throw new Error(`expected a value, got issue ${result.issue.code}`);
  return result.value;
};
const codeOf = (result: ParseResult) => ('issue' in result ? result.issue.code : undefined);

/** Validates one answer to one field, the way a form step does. */
const answer = (f: Field, raw: unknown, known: Record<string, unknown> = {}, lang: 'nl' | 'en' = 'nl') =>
  validateAnswers([f], raw === undefined ? {} : { [f.id]: raw }, known, { ...ctx, lang });

describe('field kind registry', () => {
  it('registers exactly one kind for every field type', () => {
    expect([...fieldKinds.keys()].sort()).toEqual([...fieldTypes].sort());
    for (const type of fieldTypes) expect(fieldKind(type).type).toBe(type);
  });

  it('throws with the fix in the message for an unknown type', () => {
    expect(() => fieldKind('colour' as FieldType)).toThrow(/register it in runtime\/model\/fields\/index\.ts/);
  });
});

describe('bsn (elfproef)', () => {
  it.each(['999993653', '111222333'])('accepts %s', (bsn) => {
    expect(isValidBsn(bsn)).toBe(true);
    expect(valueOf(parse('bsn', bsn))).toBe(bsn);
  });

  it.each(['123456789', '999993654', '000000000', '12345678a', '1234567890', ''])('rejects %j', (bsn) => {
    expect(isValidBsn(bsn)).toBe(false);
  });

  it('normalises spaces and dots and pads an 8-digit number with a leading zero', () => {
    expect(valueOf(parse('bsn', '9999.93.653'))).toBe('999993653');
    expect(valueOf(parse('bsn', ' 1112 22 333 '))).toBe('111222333');
    // 012345672: 0*9+1*8+2*7+3*6+4*5+5*4+6*3+7*2-2 = 110, divisible by 11
    expect(valueOf(parse('bsn', '12345672'))).toBe('012345672');
    expect(valueOf(parse('bsn', 999993653))).toBe('999993653');
  });

  it('gives invalid-bsn through validateAnswers, in Dutch and in English', () => {
    const f = field('bsn', { id: 'bsn' });
    const dutch = answer(f, '12345');
    expect(dutch.values).toEqual({});
    expect(dutch.errors.bsn).toEqual([issueMessage({ code: 'invalid-bsn' }, 'nl')]);
    expect(dutch.errors.bsn[0]).toMatch(/burgerservicenummer/);
    const english = answer(f, '12345', {}, 'en');
    expect(english.errors.bsn[0]).toMatch(/citizen service number/);
    expect(answer(f, '999993653').values).toEqual({ bsn: '999993653' });
  });

  it('says that nine digits failing the elfproef are not right, not that nine digits are needed', () => {
    const f = field('bsn', { id: 'bsn' });
    const dutch = answer(f, '123456789');
    expect(dutch.values).toEqual({});
    expect(dutch.errors.bsn).toEqual([issueMessage({ code: 'bsn-check' }, 'nl')]);
    expect(dutch.errors.bsn[0]).toMatch(/klopt niet/);
    expect(dutch.errors.bsn[0]).not.toMatch(/9 cijfers/);
    expect(answer(f, '123456789', {}, 'en').errors.bsn[0]).toMatch(/not right/);
    expect(answer(f, '999993653').values).toEqual({ bsn: '999993653' });
  });
});

describe('iban (mod 97)', () => {
  it('accepts a valid IBAN and normalises spaces and lower case', () => {
    expect(isValidIban('NL91ABNA0417164300')).toBe(true);
    expect(valueOf(parse('iban', 'NL91ABNA0417164300'))).toBe('NL91ABNA0417164300');
    expect(valueOf(parse('iban', 'nl91 abna 0417 1643 00'))).toBe('NL91ABNA0417164300');
    expect(valueOf(parse('iban', '  NL91 ABNA 0417 1643 00  '))).toBe('NL91ABNA0417164300');
  });

  it('accepts a valid foreign IBAN', () => {
    expect(valueOf(parse('iban', 'DE89 3704 0044 0532 0130 00'))).toBe('DE89370400440532013000');
  });

  it.each([
    'NL91ABNA0417164301',
    'NL91ABNA0417164200',
    'NL92ABNA0417164300',
    'NL91ABNA041716430',
    'NL91ABN10417164300',
    'XX',
    '1234',
  ])('rejects %s', (iban) => {
    expect(codeOf(parse('iban', iban))).toBe('invalid-iban');
  });

  it('formats a stored IBAN in groups of four', () => {
    expect(formatAnswer(field('iban'), 'NL91ABNA0417164300')).toBe('NL91 ABNA 0417 1643 00');
  });
});

describe('postcode', () => {
  it('accepts and normalises Dutch postcodes', () => {
    expect(valueOf(parse('postcode', '1234 AB'))).toBe('1234 AB');
    expect(valueOf(parse('postcode', '1234ab'))).toBe('1234 AB');
    expect(valueOf(parse('postcode', ' 9999 zz '))).toBe('9999 ZZ');
  });

  it.each(['0123 AB', '1234 SS', '1234 SA', '1234 SD', '123 AB', '12345 AB', '1234 A1', 'ABCD 12'])(
    'rejects %s',
    (pc) => {
      expect(codeOf(parse('postcode', pc))).toBe('invalid-postcode');
    },
  );
});

describe('email and phone', () => {
  it('accepts ordinary addresses, trimmed', () => {
    expect(valueOf(parse('email', ' jan@example.nl '))).toBe('jan@example.nl');
    expect(valueOf(parse('email', 'a.b+c@sub.gemeente.nl'))).toBe('a.b+c@sub.gemeente.nl');
  });

  it.each(['jan', 'jan@', '@example.nl', 'jan@example', 'jan@example.n', 'j an@example.nl', 'a@b@c.nl'])(
    'rejects email %s',
    (email) => {
      expect(codeOf(parse('email', email))).toBe('invalid-email');
    },
  );

  it('rejects an address longer than 254 characters', () => {
    expect(codeOf(parse('email', `${'a'.repeat(250)}@example.nl`))).toBe('invalid-email');
  });

  it('accepts Dutch and international numbers and strips separators', () => {
    expect(valueOf(parse('phone', '06-12345678'))).toBe('0612345678');
    expect(valueOf(parse('phone', '010 123 45 67'))).toBe('0101234567');
    expect(valueOf(parse('phone', '+31 6 1234 5678'))).toBe('+31612345678');
  });

  it.each(['12345', '0612345', '06123456789', '+0612345678', 'bel mij', '0031612345678x'])(
    'rejects phone %s',
    (phone) => {
      expect(codeOf(parse('phone', phone))).toBe('invalid-phone');
    },
  );
});

describe('date', () => {
  it('reads ISO, Dutch DD-MM-YYYY and { day, month, year }', () => {
    expect(valueOf(parse('date', '2024-03-05'))).toBe('2024-03-05');
    expect(valueOf(parse('date', '2024-3-5'))).toBe('2024-03-05');
    expect(valueOf(parse('date', '05-03-2024'))).toBe('2024-03-05');
    expect(valueOf(parse('date', '5/3/2024'))).toBe('2024-03-05');
    expect(valueOf(parse('date', '5.3.2024'))).toBe('2024-03-05');
    expect(valueOf(parse('date', { day: '5', month: '3', year: '2024' }))).toBe('2024-03-05');
    expect(valueOf(parse('date', { day: 29, month: 2, year: 2024 }))).toBe('2024-02-29');
  });

  it.each([['31-02-2024'], ['2024-02-31'], ['29-02-2023'], ['2024-13-01'], ['00-01-2024'], ['morgen'], ['24-03-05']])(
    'rejects %s',
    (raw) => {
      expect(codeOf(parse('date', raw))).toBe('invalid-date');
    },
  );

  it('rejects an impossible or incomplete { day, month, year }', () => {
    expect(codeOf(parse('date', { day: '31', month: '4', year: '2024' }))).toBe('invalid-date');
    expect(codeOf(parse('date', { day: '1', month: '4', year: '24' }))).toBe('invalid-date');
    expect(codeOf(parse('date', { day: '1', month: '', year: '2024' }))).toBe('invalid-date');
  });

  it("compares with 'today' from the context, not the machine clock", () => {
    const f = { min: 'today' };
    expect(valueOf(parse('date', '2025-06-15', f))).toBe('2025-06-15');
    expect(valueOf(parse('date', '16-06-2025', f))).toBe('2025-06-16');
    const before = parse('date', '2025-06-14', f);
    expect(before).toEqual({ issue: { code: 'date-before', params: { min: '2025-06-15' } } });
    // the same answer is fine when the engine's clock says an earlier day
    expect(valueOf(fieldKind('date').parse('2025-06-14', field('date', f), { today: '2025-06-01' }))).toBe(
      '2025-06-14',
    );
  });

  it('applies fixed min and max bounds', () => {
    expect(codeOf(parse('date', '1899-12-31', { min: '1900-01-01' }))).toBe('date-before');
    expect(codeOf(parse('date', '2025-06-16', { max: 'today' }))).toBe('date-after');
    expect(valueOf(parse('date', '2025-06-15', { max: 'today' }))).toBe('2025-06-15');
  });

  it('puts the bound into the message', () => {
    const f = field('date', { id: 'dag', min: 'today' });
    expect(answer(f, '2020-01-01').errors.dag).toEqual(['De datum moet op of na 2025-06-15 liggen.']);
    expect(answer(f, '2020-01-01', {}, 'en').errors.dag).toEqual(['The date must be on or after 2025-06-15.']);
  });

  it('flags bad bounds in the definition', () => {
    expect(fieldKind('date').check!(field('date', { min: 'today', max: '2030-12-31' }))).toEqual([]);
    expect(fieldKind('date').check!(field('date', { min: 'yesterday' }))).toHaveLength(1);
    expect(fieldKind('date').check!(field('date', { max: '31-12-2030' }))).toHaveLength(1);
    expect(fieldKind('date').check!(field('date', { max: 5 }))).toHaveLength(1);
  });

  it('treats three empty inputs as no answer', () => {
    const f = field('date', { id: 'dag', required: true });
    expect(answer(f, { day: '', month: '', year: '' }).errors.dag).toEqual(['Vul dit in.']);
  });
});

describe('number and money', () => {
  it('reads Dutch and plain number formats', () => {
    expect(parseDutchNumber('1.234,56')).toBe(1234.56);
    expect(parseDutchNumber('1234,5')).toBe(1234.5);
    expect(parseDutchNumber('1234.56')).toBe(1234.56);
    expect(parseDutchNumber('1.234.567')).toBe(1234567);
    expect(parseDutchNumber('€ 12,50')).toBe(12.5);
    expect(parseDutchNumber(' -7 ')).toBe(-7);
    expect(parseDutchNumber(42)).toBe(42);
    expect(parseDutchNumber('12a')).toBeUndefined();
    expect(parseDutchNumber('1,2,3')).toBeUndefined();
    expect(parseDutchNumber(Number.NaN)).toBeUndefined();
    expect(parseDutchNumber(Infinity)).toBeUndefined();
    expect(parseDutchNumber(true)).toBeUndefined();
  });

  it('stores numbers and money as numbers', () => {
    expect(valueOf(parse('money', '1.234,56'))).toBe(1234.56);
    expect(valueOf(parse('number', '1.234,56'))).toBe(1234.56);
    expect(valueOf(parse('money', '€ 1250'))).toBe(1250);
    expect(valueOf(parse('number', 3))).toBe(3);
  });

  it('rejects text and more than two decimals for money', () => {
    expect(codeOf(parse('number', 'veel'))).toBe('not-number');
    expect(codeOf(parse('money', 'veel'))).toBe('not-money');
    expect(codeOf(parse('money', '12,345'))).toBe('too-many-decimals');
    expect(valueOf(parse('number', '12,345'))).toBe(12.345);
  });

  it('applies min and max', () => {
    expect(parse('money', '-1', { min: 0 })).toEqual({ issue: { code: 'below-min', params: { min: 0 } } });
    expect(valueOf(parse('money', '0', { min: 0 }))).toBe(0);
    expect(parse('number', '11', { max: 10 })).toEqual({ issue: { code: 'above-max', params: { max: 10 } } });
    expect(valueOf(parse('number', '10', { max: 10 }))).toBe(10);
  });

  it('gives Dutch and English messages with the bound', () => {
    const f = field('money', { id: 'inkomen', min: 0 });
    expect(answer(f, '-5').errors.inkomen).toEqual(['Vul 0 of meer in.']);
    expect(answer(f, '-5', {}, 'en').errors.inkomen).toEqual(['Enter 0 or more.']);
  });

  it('keeps zero as an answer (not empty)', () => {
    const f = field('money', { id: 'vermogen', required: true });
    expect(answer(f, 0)).toEqual({ values: { vermogen: 0 }, cleared: [], errors: {} });
    expect(answer(f, '0')).toEqual({ values: { vermogen: 0 }, cleared: [], errors: {} });
  });

  it('formats money the Dutch way', () => {
    expect(formatAnswer(field('money'), 1234.5)).toMatch(/^€\s1\.234,50$/);
  });
});

describe('required', () => {
  it.each([undefined, null, '', '   ', []])('treats %j as no answer', (raw) => {
    const f = field('text', { id: 'naam', required: true });
    const result = validateAnswers([f], raw === undefined ? {} : { naam: raw }, {}, nl);
    expect(result.values).toEqual({});
    expect(result.errors).toEqual({ naam: ['Vul dit in.'] });
    expect(validateAnswers([f], {}, {}, en).errors).toEqual({ naam: ['Enter an answer.'] });
  });

  it('does not require an optional field and does not store its empty answer', () => {
    const f = field('text', { id: 'opmerking' });
    expect(validateAnswers([f], { opmerking: '' }, {}, nl)).toEqual({ values: {}, cleared: [], errors: {} });
  });

  it('reports every problem of a step at once', () => {
    const fields = [
      field('bsn', { id: 'bsn', required: true }),
      field('email', { id: 'email' }),
      field('text', { id: 'naam', required: true }),
    ];
    const result = validateAnswers(fields, { bsn: '123456789', email: 'niet-goed', naam: 'Jan' }, {}, nl);
    expect(Object.keys(result.errors).sort()).toEqual(['bsn', 'email']);
    expect(result.values).toEqual({ naam: 'Jan' });
  });

  it('reports the problems in the order of the fields, a missing answer above a wrong one first', () => {
    const fields = [
      field('text', { id: 'naam', required: true }),
      field('email', { id: 'email' }),
      field('iban', { id: 'iban', required: true }),
    ];
    // Wrong formats are found in a first pass, missing answers in a second: the order is the fields' all the same.
    const result = validateAnswers(fields, { email: 'niet-goed', iban: 'NL00', extra: 'x' }, {}, nl);
    expect(Object.keys(result.errors)).toEqual(['naam', 'email', 'iban', 'extra']);
  });
});

describe('choice, multi-choice and yes-no', () => {
  const options = [
    { value: 'alleen', label: 'Alleen' },
    { value: 'samen', label: { nl: 'Samen', en: 'Together' } },
    { value: 'anders', label: 'Anders' },
  ];

  it('accepts only one of the options', () => {
    expect(valueOf(parse('choice', 'samen', { options }))).toBe('samen');
    expect(valueOf(parse('choice', ' samen ', { options }))).toBe('samen');
    expect(codeOf(parse('choice', 'getrouwd', { options }))).toBe('not-an-option');
    expect(codeOf(parse('choice', ['samen'], { options }))).toBe('not-an-option');
    expect(codeOf(parse('choice', 'samen'))).toBe('not-an-option');
  });

  it('formats a choice with its label in the language', () => {
    expect(formatAnswer(field('choice', { options }), 'samen', 'nl')).toBe('Samen');
    expect(formatAnswer(field('choice', { options }), 'samen', 'en')).toBe('Together');
  });

  it('accepts a list (or one value) of options, without duplicates', () => {
    expect(valueOf(parse('multi-choice', ['alleen', 'samen', 'alleen'], { options }))).toEqual(['alleen', 'samen']);
    expect(valueOf(parse('multi-choice', 'anders', { options }))).toEqual(['anders']);
    expect(codeOf(parse('multi-choice', ['alleen', 'nee'], { options }))).toBe('not-an-option');
  });

  it('applies min and max to the number of choices', () => {
    expect(parse('multi-choice', ['alleen'], { options, min: 2 })).toEqual({
      issue: { code: 'too-few-choices', params: { min: 2 } },
    });
    expect(parse('multi-choice', ['alleen', 'samen', 'anders'], { options, max: 2 })).toEqual({
      issue: { code: 'too-many-choices', params: { max: 2 } },
    });
    expect(valueOf(parse('multi-choice', ['alleen', 'samen'], { options, min: 2, max: 2 }))).toEqual([
      'alleen',
      'samen',
    ]);
  });

  it('flags a choice without options in the definition', () => {
    expect(fieldKind('choice').check!(field('choice'))).toEqual([{ case: 'noOptions' }]);
    expect(fieldKind('multi-choice').check!(field('multi-choice', { options: [] }))).toEqual([{ case: 'noOptions' }]);
    expect(fieldKind('choice').check!(field('choice', { options }))).toEqual([]);
  });

  it('reads ja/nee, yes/no and booleans', () => {
    for (const yes of ['ja', 'Ja', 'JA', 'yes', 'true', '1', true]) expect(valueOf(parse('yes-no', yes))).toBe(true);
    for (const no of ['nee', 'Nee', 'no', 'false', '0', false]) expect(valueOf(parse('yes-no', no))).toBe(false);
    expect(codeOf(parse('yes-no', 'misschien'))).toBe('not-yes-no');
    expect(codeOf(parse('yes-no', {}))).toBe('not-yes-no');
  });

  it('keeps a required "nee" (false is an answer)', () => {
    const f = field('yes-no', { id: 'heeftAuto', required: true });
    expect(answer(f, 'nee')).toEqual({ values: { heeftAuto: false }, cleared: [], errors: {} });
    expect(answer(f, false)).toEqual({ values: { heeftAuto: false }, cleared: [], errors: {} });
  });

  it('formats yes-no per language', () => {
    expect(formatAnswer(field('yes-no'), true, 'nl')).toBe('Ja');
    expect(formatAnswer(field('yes-no'), false, 'en')).toBe('No');
  });
});

describe('file', () => {
  const pdf = { name: ' brief.pdf ', type: 'application/pdf', size: 1000 };

  it('stores the metadata of an allowed file', () => {
    expect(valueOf(parse('file', pdf))).toEqual({ name: 'brief.pdf', type: 'application/pdf', size: 1000 });
    expect(valueOf(parse('file', { name: 'foto.jpg', type: 'image/jpeg', size: 0 }))).toEqual({
      name: 'foto.jpg',
      type: 'image/jpeg',
      size: 0,
    });
  });

  it.each([
    ['a string', 'brief.pdf'],
    ['a list', [pdf]],
    ['no name', { type: 'application/pdf', size: 1 }],
    ['a blank name', { name: '  ', type: 'application/pdf', size: 1 }],
    ['a long name', { name: `${'x'.repeat(256)}.pdf`, type: 'application/pdf', size: 1 }],
    ['a negative size', { name: 'a.pdf', type: 'application/pdf', size: -1 }],
    ['a size as text', { name: 'a.pdf', type: 'application/pdf', size: '1' }],
  ])('rejects %s', (_, raw) => {
    expect(codeOf(parse('file', raw))).toBe('invalid-file');
  });

  it('rejects other types and files over the maximum', () => {
    expect(parse('file', { name: 'a.exe', type: 'application/x-msdownload', size: 1 })).toEqual({
      issue: { code: 'file-type', params: { type: 'application/x-msdownload' } },
    });
    expect(codeOf(parse('file', { ...pdf, size: 10 * 1024 * 1024 + 1 }))).toBe('file-too-large');
    expect(codeOf(parse('file', { ...pdf, size: 10 * 1024 * 1024 }))).toBeUndefined();
    expect(parse('file', { ...pdf, size: 2001 }, { max: 2000 })).toEqual({
      issue: { code: 'file-too-large', params: { max: 2000 } },
    });
  });

  it('formats a file as its name', () => {
    expect(formatAnswer(field('file'), { name: 'brief.pdf', type: 'application/pdf', size: 1 })).toBe('brief.pdf');
  });
});

describe('text and textarea', () => {
  it('trims and applies the max length', () => {
    expect(valueOf(parse('text', '  hallo  '))).toBe('hallo');
    expect(valueOf(parse('text', 'x'.repeat(20), { max: 20 }))).toBe('x'.repeat(20));
    expect(parse('text', 'x'.repeat(21), { max: 20 })).toEqual({ issue: { code: 'too-long', params: { max: 20 } } });
    expect(parse('text', 'ab', { min: 3 })).toEqual({ issue: { code: 'too-short', params: { min: 3 } } });
  });

  it('has a default max length of 500 for text and 5000 for textarea', () => {
    expect(codeOf(parse('text', 'x'.repeat(500)))).toBeUndefined();
    expect(parse('text', 'x'.repeat(501))).toEqual({ issue: { code: 'too-long', params: { max: 500 } } });
    expect(codeOf(parse('textarea', 'x'.repeat(5000)))).toBeUndefined();
    expect(codeOf(parse('textarea', 'x'.repeat(5001)))).toBe('too-long');
  });

  it('rejects answers that are not text', () => {
    expect(codeOf(parse('text', { a: 1 }))).toBe('not-text');
    expect(codeOf(parse('text', true))).toBe('not-text');
    expect(valueOf(parse('text', 42))).toBe('42');
  });

  it('says the limit in the message', () => {
    const f = field('text', { id: 'aanslagnummer', max: 20 });
    expect(answer(f, 'x'.repeat(21)).errors.aanslagnummer).toEqual(['Gebruik hoogstens 20 tekens.']);
    expect(answer(f, 'x'.repeat(21), {}, 'en').errors.aanslagnummer).toEqual(['Use at most 20 characters.']);
  });
});

describe('validateAnswers', () => {
  it('rejects an answer to a field that is not part of the step', () => {
    const result = validateAnswers([field('text', { id: 'naam' })], { naam: 'Jan', hacker: 'x' }, {}, nl);
    expect(result.values).toEqual({ naam: 'Jan' });
    expect(result.errors).toEqual({ hacker: ['Deze vraag hoort niet bij deze stap.'] });
    expect(validateAnswers([], { hacker: 'x' }, {}, en).errors).toEqual({
      hacker: ['This question is not part of this step.'],
    });
  });

  it('has a message for every code a kind can give (none falls back to the bare code)', () => {
    const codes = [
      'required',
      'not-text',
      'too-short',
      'too-long',
      'invalid-email',
      'invalid-phone',
      'invalid-postcode',
      'not-number',
      'not-money',
      'too-many-decimals',
      'below-min',
      'above-max',
      'invalid-date',
      'date-before',
      'date-after',
      'invalid-bsn',
      'bsn-check',
      'invalid-iban',
      'not-an-option',
      'too-few-choices',
      'too-many-choices',
      'not-yes-no',
      'invalid-file',
      'file-type',
      'file-too-large',
      'unknown-field',
    ];
    for (const code of codes) {
      const dutch = issueMessage({ code, params: { min: 1, max: 2 } }, 'nl');
      const english = issueMessage({ code, params: { min: 1, max: 2 } }, 'en');
      expect(dutch).not.toBe(code);
      expect(english).not.toBe(code);
      expect(dutch).not.toBe(english);
      expect(dutch).not.toMatch(/\{\w+\}/);
    }
  });

  describe('showIf', () => {
    const heeftAuto = field('yes-no', { id: 'heeftAuto', required: true });
    const autoWaarde = field('money', { id: 'autoWaarde', required: true, min: 0, showIf: 'heeftAuto = true' });

    it('asks a shown field, seeing the answers of the same step', () => {
      const result = validateAnswers([heeftAuto, autoWaarde], { heeftAuto: 'ja' }, {}, nl);
      expect(result.errors).toEqual({ autoWaarde: ['Vul dit in.'] });
      expect(validateAnswers([heeftAuto, autoWaarde], { heeftAuto: 'ja', autoWaarde: '4.000' }, {}, nl)).toEqual({
        values: { heeftAuto: true, autoWaarde: 4000 },
        cleared: [],
        errors: {},
      });
    });

    it('neither requires nor stores a hidden field, even an invalid answer to it', () => {
      expect(validateAnswers([heeftAuto, autoWaarde], { heeftAuto: 'nee' }, {}, nl)).toEqual({
        values: { heeftAuto: false },
        cleared: [],
        errors: {},
      });
      expect(validateAnswers([heeftAuto, autoWaarde], { heeftAuto: 'nee', autoWaarde: 'duur' }, {}, nl)).toEqual({
        values: { heeftAuto: false },
        cleared: [],
        errors: {},
      });
      expect(
        validateAnswers([heeftAuto, autoWaarde], { heeftAuto: 'nee', autoWaarde: '5000' }, {}, nl).values,
      ).not.toHaveProperty('autoWaarde');
    });

    it('lists an earlier answer to a now hidden field in cleared', () => {
      const known = { heeftAuto: true, autoWaarde: 5000 };
      const result = validateAnswers([heeftAuto, autoWaarde], { heeftAuto: 'nee' }, known, nl);
      expect(result).toEqual({ values: { heeftAuto: false }, cleared: ['autoWaarde'], errors: {} });
    });

    it('decides over the known data when the step does not answer the condition', () => {
      const toelichting = field('textarea', {
        id: 'toelichting',
        required: true,
        showIf: 'list contains(spullen, "overig")',
      });
      expect(validateAnswers([toelichting], {}, { spullen: ['overig'] }, nl).errors).toEqual({
        toelichting: ['Vul dit in.'],
      });
      expect(validateAnswers([toelichting], {}, { spullen: ['matras'] }, nl)).toEqual({
        values: {},
        cleared: [],
        errors: {},
      });
      // FEEL null (no answer yet) is not true: the field is hidden
      expect(validateAnswers([toelichting], {}, {}, nl).errors).toEqual({});
    });
  });
});
