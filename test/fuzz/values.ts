/**
 * The vocabulary of bad input: prototype names, odd numbers and strings,
 * malformed and hostile JSON (as text, so `__proto__` keys, 1e309 and -0
 * arrive exactly as written), odd path segments and query values.
 */
import fc from 'fast-check';

/** Names of Object.prototype members (and friends) that a lookup by name can hit. */
export const PROTO_NAMES = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'valueOf',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'toLocaleString',
  '__defineGetter__',
  '__lookupSetter__',
] as const;
/** The ones that are valid step ids (lowercase words). */
export const PROTO_STEP_IDS = ['constructor', 'prototype'] as const;
/** The ones that are valid field ids (letters, digits, _; starting with a letter). */
export const PROTO_FIELD_IDS = [
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'valueOf',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'toLocaleString',
] as const;

/** JSON number texts JSON.stringify cannot write. */
export const ODD_NUMBERS = [
  '1e309',
  '-1e309',
  '-0',
  '0',
  '-1',
  '1.5',
  '9007199254740993',
  '1e-400',
  '123456789012345678901234567890',
  '0.1e1',
  '1E2',
  '-0.0',
  '5e-324',
];

export const ODD_STRINGS = [
  '',
  ' ',
  'NaN',
  'Infinity',
  '-Infinity',
  '-1',
  '1e999',
  '0x10',
  'null',
  'undefined',
  'true',
  '[]',
  '{}',
  '2026-13-45',
  '2026-02-30',
  '0000-00-00',
  '2026-3-2',
  '99999-01-01',
  'P999999999Y',
  'PT99999999999H',
  'P',
  'P-1D',
  ...PROTO_NAMES,
  '{{constructor}}',
  '{{__proto__}}',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "' OR 1=1 --",
  '../../etc/passwd',
  '%00',
  '%',
  '\u0000',
  '\ud800',
  '\uffff',
  '😀',
  'é',
  'a'.repeat(300),
  '1'.repeat(400),
];

/** A JSON text built as written (object keys may be `__proto__`; leaves are raw JSON text). */
export type Json = { raw: string } | { arr: Json[] } | { obj: [string, Json][] };

export function emit(j: Json): string {
  if ('raw' in j) return j.raw;
  if ('arr' in j) return `[${j.arr.map(emit).join(',')}]`;
  return `{${j.obj.map(([k, v]) => `${JSON.stringify(k)}:${emit(v)}`).join(',')}}`;
}

export const raw = (s: string): Json => ({ raw: s });
export const str = (s: string): Json => ({ raw: JSON.stringify(s) });
/** A plain JS value as Json (own `__proto__` keys included). */
export const fromValue = (v: unknown): Json => raw(JSON.stringify(v));

/** A long string without long runs of `a` (so it never feeds a backtracking pattern by accident). */
export const longString = (min = 1000, max = 120_000) =>
  fc.integer({ min, max }).map((n) => 'xé🙂<'.repeat(Math.ceil(n / 5)).slice(0, n));

export const oddKey = (known: readonly string[] = []): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...PROTO_NAMES) },
    { weight: known.length ? 3 : 0, arbitrary: known.length ? fc.constantFrom(...known) : fc.constant('x') },
    { weight: 2, arbitrary: fc.string({ maxLength: 12 }) },
    { weight: 1, arbitrary: fc.constantFrom('', ' ', 'a.b', 'a[0]', '$where', '\u0000', 'k'.repeat(3000)) },
  );

export const oddLeaf: fc.Arbitrary<Json> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...ODD_NUMBERS).map(raw) },
  { weight: 4, arbitrary: fc.constantFrom(...ODD_STRINGS).map(str) },
  { weight: 2, arbitrary: fc.string({ maxLength: 30 }).map(str) },
  { weight: 1, arbitrary: longString(1000, 60_000).map(str) },
  { weight: 2, arbitrary: fc.constantFrom('true', 'false', 'null').map(raw) },
  {
    weight: 2,
    arbitrary: fc
      .oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }))
      .map((n) => raw(JSON.stringify(n))),
  },
);

/** Nested arrays or objects, as deep as asked (the text stays under ~200 KB). */
export const deepJson = fc
  .tuple(fc.integer({ min: 200, max: 60_000 }), fc.constantFrom('[', '{"a":', '{"__proto__":'))
  .map(([depth, open]): Json => {
    const close = open === '[' ? ']' : '}';
    const d = Math.min(depth, Math.floor(190_000 / (open.length + 1)));
    return raw(open.repeat(d) + '1' + close.repeat(d));
  });

export const oddJson = (known: readonly string[] = []): fc.Arbitrary<Json> =>
  fc.letrec<{ value: Json }>((tie) => ({
    value: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      { weight: 5, arbitrary: oddLeaf },
      { weight: 2, arbitrary: fc.array(tie('value'), { maxLength: 5 }).map((arr): Json => ({ arr })) },
      {
        weight: 3,
        arbitrary: fc.array(fc.tuple(oddKey(known), tie('value')), { maxLength: 5 }).map((obj): Json => ({ obj })),
      },
      { weight: 1, arbitrary: deepJson },
    ),
  })).value;

/** Texts that are not JSON, or JSON a strict parser refuses at the top. */
export const MALFORMED_JSON = [
  '{',
  '}',
  '{"a":',
  '{"a":1,}',
  '[1,2',
  'nul',
  '"unterminated',
  "{'a':1}",
  '{"a":1}{"b":2}',
  '1',
  '"str"',
  'null',
  'true',
  '[]',
  '\ufeff{}',
  '{"a":NaN}',
  '{"a":Infinity}',
  '{"a":undefined}',
  '{"a":0x10}',
  '{"a":01}',
  '{"a":.5}',
  '{"a":1e}',
  '{"__proto__":{"admin":true}}',
  '{"constructor":{"prototype":{"polluted":1}}}',
  '{"a":"\\x00"}',
  '{"a":"\\u12"}',
  '\u0000',
  ' ',
  '',
  '{"a":1,"a":2}',
  '/* */{}',
  '{"a":1}\n// x',
  '{"toString":1}',
  '{"hasOwnProperty":"x"}',
  '{"valueOf":{}}',
];

/** Bytes that are not UTF-8. */
export const INVALID_UTF8 = [
  Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]),
  Buffer.from([0xc3, 0x28, 0xa0, 0xa1]),
  Buffer.from([0xef, 0xbb, 0xbf, 0x7b, 0x7d, 0xed, 0xa0, 0x80]),
];

/** Path segments as sent (already %-encoded, or deliberately malformed). */
export const ODD_SEGMENTS = [
  ...PROTO_NAMES,
  '%5F%5Fproto%5F%5F',
  'a'.repeat(300),
  'b'.repeat(3000),
  'c'.repeat(7000),
  '%',
  '%ZZ',
  '%00',
  '%E0%A4%A',
  '%C0%AF',
  '..',
  '%2e%2e',
  '%2F',
  '%2F..%2F',
  'Infinity',
  'NaN',
  '-1',
  '0',
  '1e999',
  '1.5',
  '0x1',
  '%20',
  'null',
  'undefined',
  'KWIJTSCHELDING',
  'import',
  '%F0%9F%98%80',
  ';',
  '*',
  '(',
  "'",
  '%27%20OR%201=1',
  '00000000-0000-0000-0000-000000000000',
  '%0d%0aSet-Cookie:%20x=1',
];

/** Query values (raw ones are sent as written). */
export const ODD_QUERY_VALUES = [
  'Infinity',
  '-Infinity',
  'NaN',
  '-1',
  '0',
  '1e999',
  '1e-999',
  '1.5',
  'true',
  'false',
  '',
  'me',
  '__proto__',
  'constructor',
  'toString',
  '2026-13-45',
  '2026-03-01T25:00:00Z',
  '2026-02-30',
  'active',
  'open',
  'en',
  'nl',
  '1',
  '2',
  '99999999999999999999',
  '0x10',
  ' 1',
  '1 ',
  'x'.repeat(3000),
];
export const RAW_QUERY_VALUES = ['%', '%ZZ', '%00', '%E0%A4%A', 'a%26b%3Dc'];
export const ODD_QUERY_NAMES = [
  'lang',
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  'a[b]',
  'a[]',
  'a[__proto__]',
  '',
  'x'.repeat(500),
];

/** A random valid BSN (elfproef) from a number, for subjects nobody used yet. */
export function validBsn(seed: number): string {
  for (let n = Math.abs(Math.floor(seed)) % 90_000_000; ; n++) {
    const eight = String(10_000_000 + (n % 89_999_999)).padStart(8, '0');
    const sum = [...eight].reduce((s, d, i) => s + Number(d) * (9 - i), 0);
    const last = sum % 11;
    if (last <= 9) {
      const bsn = eight + String(last);
      if ([...bsn].reduce((s, d, i) => s + Number(d) * (i === 8 ? -1 : 9 - i), 0) % 11 === 0) return bsn;
    }
  }
}

/** encodeURIComponent that never throws: a lone surrogate becomes U+FFFD (what a browser would send). */
export const enc = (s: string) =>
  encodeURIComponent(s.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd'));

/** `arb` in about one case of `1 + absent` (fc.option's freq is the other way round: how rarely it is absent). */
export const sometimes = <T>(arb: fc.Arbitrary<T>, absent = 3): fc.Arbitrary<T | undefined> =>
  fc.oneof({ weight: absent, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: arb });
