import { DateTime } from 'luxon';
import { DUTCH_ZONE, validateAnswers, type Field, type Lang, type Text } from '../model/index.js';
import { RIGHTS, type NewMandate, type Right } from '../store/index.js';
import { mandateText } from './acting.js';
import { readField } from './fields.js';

const both = (key: Parameters<typeof mandateText>[0]): Text => ({
  nl: mandateText(key, 'nl'),
  en: mandateText(key, 'en'),
});
/** The value of "all services" in the service choice (no process key has a `*`). */
export const ALL_SERVICES = '*';

/**
 * The grant form's questions, as fields of the process language: they are
 * drawn, read and checked as every other form's are (a BSN by the elfproef,
 * dates from today). The checks fields cannot say are in {@link readGrant}.
 */
export function grantFields(services: { key: string; title: Text }[]): Field[] {
  const person = 'soort = "persoon"';
  const organisation = 'soort = "organisatie"';
  return [
    {
      id: 'soort',
      type: 'choice',
      label: both('kind'),
      required: true,
      options: [
        { value: 'persoon', label: both('kindPerson') },
        { value: 'organisatie', label: both('kindOrganisation') },
      ],
    },
    { id: 'bsn', type: 'bsn', label: both('holderBsn'), hint: both('holderBsnHint'), required: true, showIf: person },
    {
      id: 'kvk',
      type: 'text',
      label: both('kvk'),
      hint: both('kvkHint'),
      required: true,
      max: 20,
      showIf: organisation,
    },
    { id: 'naam', type: 'text', label: both('holderName'), hint: both('holderNameHint'), required: true, max: 200 },
    {
      id: 'medewerkers',
      type: 'textarea',
      label: both('staff'),
      hint: both('staffHint'),
      max: 5000,
      showIf: organisation,
    },
    {
      id: 'dienst',
      type: 'choice',
      label: both('service'),
      required: true,
      options: [
        { value: ALL_SERVICES, label: both('serviceAll') },
        ...services.map((s) => ({ value: s.key, label: s.title })),
      ],
    },
    {
      id: 'rechten',
      type: 'multi-choice',
      label: both('rightsLabel'),
      hint: both('rightsHint'),
      required: true,
      options: RIGHTS.map((r) => ({ value: r, label: both(`right_${r}`) })),
    },
    { id: 'vanaf', type: 'date', label: both('validFrom'), hint: both('validFromHint'), min: 'today' },
    { id: 'tot', type: 'date', label: both('validUntil'), hint: both('validUntilHint'), min: 'today' },
  ] as Field[];
}

/** The first moment of a Dutch calendar day, as an ISO instant. */
const startOfDay = (date: string) =>
  DateTime.fromISO(date, { zone: DUTCH_ZONE }).startOf('day').toJSDate().toISOString();

/**
 * The posted grant form read and checked: the new mandate (for `citizen`,
 * granted by them at `now`), or the errors per field. Rights: `submit`
 * brings `fill` with it (sending what was not filled in cannot be done).
 * "Until" is a whole day: the mandate ends at the start of the day after.
 */
export function readGrant(
  fields: Field[],
  body: Record<string, unknown>,
  ctx: { citizen: string; now: Date; today: string; lang: Lang },
): { mandate: NewMandate; errors?: undefined } | { errors: Record<string, string[]>; raw: Record<string, unknown> } {
  const { lang } = ctx;
  const raw = Object.fromEntries(fields.map((f) => [f.id, readField(f, body)]));
  const { values, errors } = validateAnswers(fields, raw, {}, { today: ctx.today, lang });
  const kvk = String(values.kvk ?? '').replace(/\s/g, '');
  if (values.soort === 'organisatie' && !errors.kvk && !/^\d{8}$/.test(kvk))
    errors.kvk = [mandateText('kvkInvalid', lang)];
  if (values.soort === 'persoon' && values.bsn === ctx.citizen) errors.bsn = [mandateText('notYourself', lang)];
  const staff = [
    ...new Set(
      String(values.medewerkers ?? '')
        .split(/[\n,;]/)
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
  if (staff.some((s) => s.length > 100)) errors.medewerkers = [mandateText('staffTooLong', lang)];
  else if (staff.length > 50) errors.medewerkers = [mandateText('staffTooMany', lang)];
  const from = (values.vanaf as string | undefined) ?? ctx.today;
  const until = values.tot as string | undefined;
  if (until && !errors.tot && !errors.vanaf && until < from) errors.tot = [mandateText('untilBeforeFrom', lang)];
  if (Object.keys(errors).length) return { errors, raw };

  const rights = new Set(values.rechten as Right[]);
  if (rights.has('submit')) rights.add('fill');
  const organisation = values.soort === 'organisatie';
  return {
    mandate: {
      citizen: ctx.citizen,
      holder: organisation ? { kind: 'organisation', id: kvk } : { kind: 'person', id: String(values.bsn) },
      holderName: String(values.naam),
      staff: organisation ? staff : [],
      processKey: values.dienst === ALL_SERVICES ? null : String(values.dienst),
      rights: RIGHTS.filter((r) => rights.has(r)),
      // From today: from now; from a later day: from that day's start.
      validFrom: from === ctx.today ? ctx.now.toISOString() : startOfDay(from),
      validUntil: until ? startOfDay(DateTime.fromISO(until).plus({ days: 1 }).toISODate()!) : null,
      source: 'citizen',
      reason: null,
      createdBy: 'citizen',
    },
  };
}
