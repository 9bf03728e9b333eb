import { fieldKind, fieldsById, type Field } from '../model/index.js';
import type { CaseRow, Store } from '../store/index.js';
import type { Engine } from './engine.js';

/** Where a fact about the citizen came from. */
export type CitizenSource = 'answer' | 'signal' | 'register' | 'signin' | 'contact' | 'notices';
export type CitizenFact = { kind: 'name' | 'address' | 'phone' | 'email'; value: string; source: CitizenSource };

/** A BSN as the workspace shows it until an official asks for it: the last four digits. */
export const maskBsn = (bsn: string) => `*****${bsn.slice(-4)}`;

// What a piece of data is, by its field type or else by its name (lowercase, without separators).
const NAME_PARTS = [
  'voornaam',
  'voornamen',
  'voorletters',
  'firstname',
  'tussenvoegsel',
  'achternaam',
  'geslachtsnaam',
];
const NAMES = new Set(['naam', 'name', 'volledigenaam', 'fullname', 'lastname', 'surname', ...NAME_PARTS]);
const ADDRESS_ORDER = [
  'adres',
  'address',
  'straat',
  'straatnaam',
  'street',
  'huisnummer',
  'housenumber',
  'toevoeging',
  'huisnummertoevoeging',
  'postcode',
  'postalcode',
  'woonplaats',
  'plaats',
  'city',
];
const ADDRESS = new Set(ADDRESS_ORDER);
const PHONES = new Set(['telefoon', 'telefoonnummer', 'phone', 'phonenumber', 'mobiel', 'mobile', 'tel']);
const EMAILS = new Set(['email', 'emailadres', 'mail', 'emailaddress']);

const plain = (key: string) => key.toLowerCase().replace(/[^a-z]/g, '');

function kindOf(key: string, field: Field | undefined): CitizenFact['kind'] | undefined {
  const reaches = field ? fieldKind(field.type).reaches : undefined;
  if (reaches) return reaches;
  const k = plain(key);
  if (ADDRESS.has(k)) return 'address';
  if (NAMES.has(k)) return 'name';
  if (PHONES.has(k)) return 'phone';
  if (EMAILS.has(k)) return 'email';
  return undefined;
}

const text = (v: unknown) =>
  typeof v === 'string' ? v.trim() : typeof v === 'number' && Number.isFinite(v) ? String(v) : '';

/**
 * Who the citizen is, as far as the case knows: name, address, phone and
 * email from the citizen's answers, the facts a signal or register scan
 * started the case with (by field kind, else by the data's name: `naam`,
 * `straat`, `postcode`, `telefoon`, `email` …), the phone number or email
 * address given with a contact request, and the confirmed addresses the
 * citizen chose for notices. Each says where it came from.
 */
export async function citizenFacts(engine: Engine, store: Store, row: CaseRow): Promise<CitizenFact[]> {
  const { loaded, snapshot } = await engine.restore(row);
  const fields = fieldsById(loaded.process);
  const data = snapshot.context.data as Record<string, unknown>;
  const started = (await store.cases.audit(row.id)).find((e) => e.type === 'case.started');
  const facts = (started?.data.facts ?? {}) as Record<string, unknown>;
  const trigger = started?.data.trigger as { source?: unknown } | undefined;
  const factSource: CitizenSource =
    typeof trigger?.source === 'string' && trigger.source.startsWith('signal:') ? 'signal' : 'register';
  const sourceOf = (key: string): CitizenSource =>
    Object.hasOwn(facts, key) && JSON.stringify(facts[key]) === JSON.stringify(data[key]) ? factSource : 'answer';

  const out: CitizenFact[] = [];
  const add = (f: CitizenFact) => {
    if (f.value && !out.some((x) => x.kind === f.kind && x.value === f.value)) out.push(f);
  };
  // Names and addresses come in parts: joined per source, in the usual order.
  const parts = new Map<string, { key: string; value: string }[]>();
  for (const [key, value] of Object.entries(data)) {
    const kind = kindOf(key, fields.get(key));
    const v = text(value);
    if (!kind || !v || v.length > 500) continue;
    if (kind === 'phone' || kind === 'email') add({ kind, value: v, source: sourceOf(key) });
    else {
      const group = `${kind}:${sourceOf(key)}`;
      parts.set(group, [...(parts.get(group) ?? []), { key: plain(key), value: v }]);
    }
  }
  for (const [group, list] of parts) {
    const [kind, source] = group.split(':') as ['name' | 'address', CitizenSource];
    const order = kind === 'name' ? ['naam', 'name', 'volledigenaam', 'fullname', ...NAME_PARTS] : ADDRESS_ORDER;
    const sorted = [...list].sort((a, b) => order.indexOf(a.key) - order.indexOf(b.key));
    const whole = sorted.find((p) => ['naam', 'name', 'volledigenaam', 'fullname', 'adres', 'address'].includes(p.key));
    // "Dorpsstraat 1, 1234 AB Utrecht": the street part, then postcode and place.
    const joined = sorted
      .map((p, i) => (i > 0 && ['postcode', 'postalcode'].includes(p.key) ? `, ${p.value}` : ` ${p.value}`))
      .join('')
      .trim();
    add({ kind, source, value: whole ? whole.value : joined });
  }
  // What the citizen's last sign-in said (an identity provider's name and address claims).
  const signin = await store.claims.forSubject(row.subject);
  if (signin?.name) add({ kind: 'name', value: signin.name, source: 'signin' });
  if (signin?.address) add({ kind: 'address', value: signin.address, source: 'signin' });
  // The reach the citizen gave with a contact request ("call me on …").
  for (const task of await store.tasks.list({ caseId: row.id })) {
    const { channel, reach } = task.request as { channel?: unknown; reach?: unknown };
    const v = text(reach);
    if (v && (channel === 'phone' || channel === 'email')) add({ kind: channel, value: v, source: 'contact' });
  }
  // The confirmed addresses the citizen chose for notices (their own settings, for every case).
  for (const c of await store.channels.forSubject(row.subject))
    if (c.confirmedAt) add({ kind: c.kind === 'sms' ? 'phone' : 'email', value: c.address, source: 'notices' });
  const rank = { name: 0, address: 1, phone: 2, email: 3 };
  return out.sort((a, b) => rank[a.kind] - rank[b.kind]);
}
