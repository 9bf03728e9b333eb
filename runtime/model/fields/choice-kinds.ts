import { fieldsCatalogues, translate } from '../../i18n/index.js';
import { t, type Lang } from '../text.js';
import { bad, ok, textOf, type Field, type FieldDefinitionIssue, type FieldKind } from './field-kind.js';

const needsOptions = (field: Field): FieldDefinitionIssue[] => (field.options?.length ? [] : [{ case: 'noOptions' }]);
const labelOf = (field: Field, value: unknown, lang: Lang) =>
  t(field.options?.find((o) => o.value === value)?.label, lang) || String(value);

const own = (field: Field) => field.options ?? [];

const choice: FieldKind<'choice'> = {
  type: 'choice',
  choices: own,
  hasOptions: true,
  sample: (field) => field.options?.[0]?.value ?? '',
  parse(raw, field) {
    const s = textOf(raw);
    if (s === undefined || !field.options?.some((o) => o.value === s)) return bad('not-an-option');
    return ok(s);
  },
  check: needsOptions,
  format: (value, field, lang) => labelOf(field, value, lang),
};

const multiChoice: FieldKind<'multi-choice'> = {
  type: 'multi-choice',
  choices: own,
  many: true,
  hasOptions: true,
  bounds: 'count',
  sample: (field) => (field.options?.length ? [field.options[0].value] : []),
  parse(raw, field) {
    const list = Array.isArray(raw) ? raw : [raw];
    const values = list.map(textOf);
    if (values.some((v) => v === undefined || !field.options?.some((o) => o.value === v))) return bad('not-an-option');
    const unique = [...new Set(values as string[])];
    if (typeof field.min === 'number' && unique.length < field.min) return bad('too-few-choices', { min: field.min });
    if (typeof field.max === 'number' && unique.length > field.max) return bad('too-many-choices', { max: field.max });
    return ok(unique);
  },
  check: needsOptions,
  format: (value, field, lang) =>
    Array.isArray(value) ? value.map((v) => labelOf(field, v, lang)).join(', ') : String(value),
};

const YES = new Set(['true', 'ja', 'yes', 'j', 'y', '1']);
const NO = new Set(['false', 'nee', 'no', 'n', '0']);

const yesNo: FieldKind<'yes-no'> = {
  type: 'yes-no',
  // The values a browser form sends; parse also takes ja/nee (the citizen pages send those).
  choices: () => [
    { value: 'true', label: { nl: 'Ja', en: 'Yes' } },
    { value: 'false', label: { nl: 'Nee', en: 'No' } },
  ],
  sample: () => true,
  parse(raw) {
    if (typeof raw === 'boolean') return ok(raw);
    const s = textOf(raw)?.toLowerCase();
    if (s !== undefined && YES.has(s)) return ok(true);
    if (s !== undefined && NO.has(s)) return ok(false);
    return bad('not-yes-no');
  },
  format: (value, _field, lang) =>
    typeof value === 'boolean' ? translate(fieldsCatalogues, lang, value ? 'values.yes' : 'values.no') : '',
};

export const choiceKinds = [choice, multiChoice, yesNo] as const;
