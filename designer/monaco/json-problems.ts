import { formatMessage, lookup, type Lang } from '../../runtime/i18n/index.js';
import { jsonCatalogues } from '../../runtime/i18n/catalogues/json/index.js';

type Key = keyof (typeof jsonCatalogues)['nl'];

/**
 * The English messages of Monaco's JSON language service (vscode-json-languageservice,
 * parser and schema validation; it has no translations) and the catalogue message for each.
 * `{0}`/`{1}` of the original become `a`/`b`.
 */
export const MESSAGES: [string, Key][] = [
  ['Missing property "{0}".', 'missingProperty'],
  ['Incorrect type. Expected "{0}".', 'wrongType'],
  ['Incorrect type. Expected one of {0}.', 'wrongTypes'],
  ['Property {0} is not allowed.', 'notAllowed'],
  ['Value is not accepted. Valid values: {0}.', 'notAccepted'],
  ['Value must be {0}.', 'mustBe'],
  ['String is shorter than the minimum length of {0}.', 'tooShort'],
  ['String is longer than the maximum length of {0}.', 'tooLong'],
  ['String does not match the pattern of "{0}".', 'pattern'],
  ['Value is below the minimum of {0}.', 'belowMin'],
  ['Value is above the maximum of {0}.', 'aboveMax'],
  ['Value is below the exclusive minimum of {0}.', 'belowExclusiveMin'],
  ['Value is above the exclusive maximum of {0}.', 'aboveExclusiveMax'],
  ['Array has too few items. Expected {0} or more.', 'tooFewItems'],
  ['Array has too many items. Expected {0} or fewer.', 'tooManyItems'],
  ['Array has too many items according to schema. Expected {0} or fewer.', 'tooManyItems'],
  ['Array has duplicate items.', 'duplicateItems'],
  ['Object has fewer properties than the required number of {0}', 'tooFewProperties'],
  ['Object has more properties than limit of {0}.', 'tooManyProperties'],
  ['Object is missing property {0} required by property {1}.', 'missingDependency'],
  ['Item does not match any validation rule from the array.', 'noVariant'],
  ['Matches multiple schemas when only one must validate.', 'manyVariants'],
  ['Matches a schema that is not allowed.', 'notVariant'],
  ['Duplicate object key', 'duplicateKey'],
  ['Expected comma', 'expectedComma'],
  ['Expected comma or closing brace', 'expectedCommaOrBrace'],
  ['Expected comma or closing bracket', 'expectedCommaOrBracket'],
  ['Colon expected', 'colonExpected'],
  ['Value expected', 'valueExpected'],
  ['Expected a JSON object, array or literal.', 'anyValueExpected'],
  ['Property expected', 'propertyExpected'],
  ['Property keys must be doublequoted', 'quoteKeys'],
  ['End of file expected.', 'endOfFileExpected'],
  ['Trailing comma', 'trailingComma'],
  ['Comments are not permitted in JSON.', 'noComments'],
  ['Unexpected end of string.', 'endOfString'],
  ['Unexpected end of number.', 'endOfNumber'],
  ['Unexpected end of comment.', 'endOfComment'],
  ['Invalid escape character in string.', 'badEscape'],
  ['Invalid number format.', 'badNumber'],
  ['Invalid unicode sequence in string.', 'badUnicode'],
  ['Invalid characters in string. Control characters must be escaped.', 'controlCharacter'],
];

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const PATTERNS = MESSAGES.map(([english, key]) => ({
  re: new RegExp(`^${escape(english).replace(/\\\{[01]\\\}/g, '(.+?)')}$`),
  key,
}));
const TYPES = new Set(['string', 'number', 'integer', 'boolean', 'object', 'array', 'null']);

/**
 * A JSON check's message in the interface language: one of the language
 * service's known messages said again from the designer's catalogue (the
 * JSON type names in it too), anything else as it came.
 */
export function jsonProblemText(message: string, lang: Lang): string {
  const catalogue = jsonCatalogues[lang];
  const say = (key: string) => lookup(catalogue, key) ?? key;
  const types = (s: string) => s.replace(/"([a-z]+)"/g, (whole, name: string) => (TYPES.has(name) ? say(name) : whole));
  for (const { re, key } of PATTERNS) {
    const m = re.exec(message.trim());
    if (!m) continue;
    const a = key === 'wrongType' && TYPES.has(m[1]) ? say(m[1]) : types(m[1] ?? '');
    return formatMessage(say(key), lang, { a, b: m[2] ?? '' });
  }
  return message;
}
