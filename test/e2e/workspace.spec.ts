import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { api, expectAccessible, focused, freshBsn, sentKwijtschelding, signIn } from './support.js';

// The officials' workspace (/werkplek) in real Chromium: sign-in, the live
// queue, claiming, the case view with the why of the handoff, outcomes with
// field errors, conflicts, four-eyes approval, keyboard-only use and axe.

type Official = { name: string; password: string; teams?: string[] };
type Accounts = { official: string; admin: string; designer?: string; officials?: Record<string, Official> };

function e2eAccounts(): Accounts {
  return JSON.parse(
    readFileSync(process.env.E2E_ACCOUNTS ?? join(import.meta.dirname, '../../test-results/e2e-accounts.json'), 'utf8'),
  );
}
function official(name: 'ann' | 'bob'): Official {
  const o = e2eAccounts().officials?.[name];
  if (!o?.password)
    throw new Error(
      `test-results/e2e-accounts.json has no officials.${name} with a password: test/e2e/server.ts makes the workspace's officials`,
    );
  return { ...o, name: o.name ?? name };
}

/** A fresh browser context for one person (their own cookies). */
async function person(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  return context.newPage();
}

async function signInOfficial(page: Page, who: Official) {
  await page.goto('/werkplek/');
  await page.getByLabel('Naam').fill(who.name);
  await page.getByLabel('Wachtwoord').fill(who.password);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Werkvoorraad');
}

/** The citizen sends a kwijtschelding that goes to an official; returns case id and reference. */
async function handedOffCase(citizen: Page): Promise<{ caseId: string; reference: string }> {
  await signIn(citizen, freshBsn());
  const caseId = await sentKwijtschelding(citizen);
  const reference = (await citizen.locator('.omslag-reference').textContent())!.trim();
  return { caseId, reference };
}

async function openTask(page: Page, reference: string) {
  await page
    .getByRole('row', { name: new RegExp(reference) })
    .getByRole('link', { name: reference })
    .click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(reference);
}

/** The task's facts (process, team, deadline, who holds it). */
const taskFacts = (page: Page) => page.getByRole('region', { name: 'Taak', exact: true }).locator('dl').first();

/** Presses Tab until the focused element's name matches; every stop must show its focus. */
async function tabTo(page: Page, name: RegExp, max = 60) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    if (f.tag !== 'body') expect(f.visible, `focus visible on <${f.tag}> "${f.name}"`).toBe(true);
    if (name.test(f.name)) return f;
  }
  throw new Error(`no focusable element named ${name} within ${max} tabs`);
}

test('an official sees a handed-off case arrive, claims it, reads why, rejects without and then with a reason; the citizen sees it', async ({
  browser,
}) => {
  const ann = await person(browser);
  await signInOfficial(ann, official('ann'));

  // A new case appears in the open queue within 2 seconds, announced politely.
  const citizen = await person(browser);
  const { caseId, reference } = await handedOffCase(citizen);
  const row = ann.getByRole('row', { name: new RegExp(reference) });
  await expect(row).toBeVisible({ timeout: 2_000 });
  await expect(ann.getByRole('status').filter({ hasText: 'Nieuwe taak' })).toContainText(reference);
  await expect(row).toContainText('Kwijtschelding gemeentelijke belastingen');
  await expect(row).toContainText(
    /\d{1,2} (januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december) \d{4}/,
  );
  await expect(row).toContainText('Open');
  await expectAccessible(ann);

  // The case view: why it was handed off, the instructions, the answers with their labels, the rule's inputs.
  await openTask(ann, reference);
  await expect(ann.getByRole('region', { name: 'Waarom deze zaak bij u ligt' })).toContainText(
    'Uw inkomen ligt dicht bij de norm. Een medewerker bekijkt uw aanvraag.',
  );
  await expect(ann.getByText('Het inkomen ligt binnen € 100 van de norm.')).toBeVisible();
  const answers = ann.locator('.werkplek-answers');
  await expect(answers.getByRole('term').filter({ hasText: 'Netto inkomen per maand (huishouden)' })).toBeVisible();
  await expect(answers).toContainText('€ 1.850,00');
  await expect(ann.locator('.werkplek-explanation')).toContainText('Anders (geen regel paste)');
  await expect(ann.locator('.werkplek-timeline')).toContainText('Een medewerker behandelt uw aanvraag');
  // How the rules were applied: each rule in words with the case's values and the limit for this household
  // (a couple: 1.900 + 100 and 1.900 − 100), never the FEEL or the field ids.
  const reasoning = ann.getByRole('region', { name: 'Hoe de regels zijn toegepast' });
  await expect(reasoning.getByRole('listitem').filter({ hasText: /^Regel \d gold niet/ })).toHaveCount(4);
  await expect(reasoning).toContainText(
    '‘Netto inkomen per maand (huishouden)’ is € 1.850,00, de regel vraagt meer dan € 2.000,00: klopt niet',
  );
  await expect(reasoning).toContainText(
    '‘Netto inkomen per maand (huishouden)’ is € 1.850,00, de regel vraagt minder dan € 1.800,00: klopt niet',
  );
  await expect(reasoning).toContainText('Geen regel gold, dus: Uw inkomen ligt dicht bij de norm.');
  await expect(reasoning).not.toContainText('huishouden =');
  await expect(ann.locator('.werkplek-explanation code')).toHaveCount(0);
  await expectAccessible(ann);

  await ann.getByRole('button', { name: 'Oppakken' }).click();
  await expect(ann.getByRole('status').filter({ hasText: 'U heeft de taak opgepakt.' })).toBeVisible();
  await expect(taskFacts(ann)).toContainText('In behandeling bij u');

  // A rejection without a reason is refused: the engine's field error at the field and in the summary.
  await ann.getByLabel('Afwijzen').check();
  await ann.getByRole('button', { name: 'Besluit vastleggen' }).click();
  const summary = ann.getByRole('alert').filter({ hasText: 'Er is iets niet goed ingevuld' });
  await expect(summary.getByRole('link', { name: /^Reden voor de inwoner: / })).toBeVisible();
  await expect(ann.getByLabel('Reden voor de inwoner')).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(ann);
  await summary.getByRole('link').click();
  await expect(ann.getByLabel('Reden voor de inwoner')).toBeFocused();
  const { official: token } = e2eAccounts();
  const tasks = (await api('GET', `/api/tasks?team=belastingen&status=active`, token)).body as {
    caseId: string;
    status: string;
  }[];
  expect(tasks.find((t) => t.caseId === caseId)?.status).toBe('claimed');

  // One preview of exactly what the citizen will receive, following what is typed.
  const preview = ann.getByTestId('citizen-preview');
  await expect(preview.getByRole('definition').nth(0)).toHaveText('Afwijzen');
  await expect(preview.getByRole('definition').nth(1)).toHaveText('(geen reden: vul die hierboven in)');
  await ann.getByLabel('Reden voor de inwoner').fill('Uw vaste lasten zijn lager dan de norm.');
  await expect(preview.getByRole('definition').nth(1)).toHaveText('Uw vaste lasten zijn lager dan de norm.');
  await ann.getByLabel(/Bericht aan de inwoner/).fill('Bel ons gerust als u vragen heeft.');
  await expect(preview.getByRole('definition').nth(2)).toHaveText('Bel ons gerust als u vragen heeft.');
  await expectAccessible(ann);
  await ann.getByRole('button', { name: 'Besluit vastleggen' }).click();
  await expect(ann.getByRole('status').filter({ hasText: 'De taak is afgerond: Afwijzen.' })).toBeVisible();
  await expect(ann.locator('.werkplek-case')).toContainText('Kwijtschelding afgewezen');

  // English on request: the workspace's words and the case's texts.
  await ann.getByRole('button', { name: 'Switch to English' }).click();
  await expect(ann.getByRole('heading', { name: 'Why this case came to you' })).toBeVisible();
  await expect(
    ann.getByText('Your income is close to the norm. An official will review your application.').first(),
  ).toBeVisible();

  // The citizen's status page shows the outcome and the reason.
  await citizen.goto(`/zaken/${caseId}/status`);
  await expect(citizen.getByRole('heading', { name: /Uitkomst: Kwijtschelding afgewezen/ })).toBeVisible();
  await expect(citizen.getByText(/Uw vaste lasten zijn lager dan de norm\./).first()).toBeVisible();
  await expect(citizen.getByText('Bel ons gerust als u vragen heeft.').first()).toBeVisible();
  // How the rules were weighed is for officials only.
  await expect(citizen.getByText(/de regel vraagt/)).toHaveCount(0);
});

test('keyboard only: sign in, open a task, claim it and grant, with visible focus at every stop', async ({
  browser,
}) => {
  const citizen = await person(browser);
  const { caseId, reference } = await handedOffCase(citizen);
  const page = await person(browser);
  const ann = official('ann');

  await page.goto('/werkplek/');
  await tabTo(page, /^Naam$/);
  await page.keyboard.type(ann.name);
  await tabTo(page, /^Wachtwoord$/);
  await page.keyboard.type(ann.password);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Werkvoorraad');
  await expect(page.getByRole('row', { name: new RegExp(reference) })).toBeVisible();

  await tabTo(page, new RegExp(`^${reference}$`));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toContainText(reference);
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();

  await tabTo(page, /^Oppakken$/);
  await page.keyboard.press('Enter');
  await expect(page.getByText('U heeft de taak opgepakt.')).toBeVisible();
  await tabTo(page, /^Kwijtschelding toekennen$/);
  await page.keyboard.press('Space');
  await expect(page.getByLabel('Kwijtschelding toekennen')).toBeChecked();
  await tabTo(page, /^Besluit vastleggen$/);
  await page.keyboard.press('Enter');
  await expect(page.getByText('De taak is afgerond: Kwijtschelding toekennen.')).toBeVisible();

  await citizen.goto(`/zaken/${caseId}/status`);
  await expect(citizen.getByRole('heading', { name: /Uitkomst: Kwijtschelding toegekend/ })).toBeVisible();
});

test('conflicts: claiming a task somebody else holds names them; completing from a stale view is refused and reloaded', async ({
  browser,
}) => {
  const citizen = await person(browser);
  const { caseId, reference } = await handedOffCase(citizen);
  const { official: token } = e2eAccounts();
  const me = (await api('GET', '/api/me', token)).body as { name?: string; user?: { name: string } };
  const otherName = me.name ?? me.user?.name ?? 'medewerker';
  const task = (
    (await api('GET', '/api/tasks?team=belastingen&status=active', token)).body as { id: string; caseId: string }[]
  ).find((t) => t.caseId === caseId)!;

  const ann = await person(browser);
  await signInOfficial(ann, official('ann'));
  await openTask(ann, reference);

  // Somebody else claims it while ann looks at it.
  expect((await api('POST', `/api/tasks/${task.id}/claim`, token)).status).toBe(200);
  await ann.getByRole('button', { name: 'Oppakken' }).click();
  // The server's message, in the workspace's language (Dutch here; English in the test below).
  await expect(ann.getByRole('alert')).toContainText(`deze taak wordt al behandeld door ${otherName}`);
  await expect(taskFacts(ann)).toContainText(`In behandeling bij ${otherName}`);
  await expect(ann.getByRole('button', { name: 'Oppakken' })).toHaveCount(0);

  // It comes back to ann; she starts a decision, and meanwhile it is reassigned (a new revision).
  expect((await api('POST', `/api/tasks/${task.id}/assign`, token, { user: 'ann' })).status).toBe(200);
  await ann.getByRole('button', { name: /Opnieuw laden/ }).click({ timeout: 5_000 });
  await expect(taskFacts(ann)).toContainText('In behandeling bij u');
  await ann.getByLabel('Afwijzen').check();
  await ann.getByLabel('Reden voor de inwoner').fill('Uw vermogen is te hoog.');
  expect((await api('POST', `/api/tasks/${task.id}/assign`, token, { user: 'ann' })).status).toBe(200);
  await ann.getByRole('button', { name: 'Besluit vastleggen' }).click();
  await expect(ann.getByRole('alert')).toContainText('Iemand anders heeft deze taak intussen gewijzigd');
  // Nothing was overwritten: the task is still open for a decision, the input is kept, and sending again works.
  const after = (await api('GET', `/api/tasks/${task.id}`, token)).body as { status: string };
  expect(after.status).toBe('claimed');
  await expect(ann.getByLabel('Reden voor de inwoner')).toHaveValue('Uw vermogen is te hoog.');
  await ann.getByRole('button', { name: 'Besluit vastleggen' }).click();
  await expect(ann.getByText('De taak is afgerond: Afwijzen.')).toBeVisible();
});

test("server messages in the official's language: a claim conflict in the English workspace is in English", async ({
  browser,
}) => {
  const citizen = await person(browser);
  const { caseId, reference } = await handedOffCase(citizen);
  const { official: token } = e2eAccounts();
  const task = (
    (await api('GET', '/api/tasks?team=belastingen&status=active', token)).body as { id: string; caseId: string }[]
  ).find((t) => t.caseId === caseId)!;

  const ann = await person(browser);
  await signInOfficial(ann, official('ann'));
  await ann.getByRole('button', { name: 'Switch to English' }).click();
  await expect(ann.getByRole('heading', { level: 1 })).toHaveText('Queue');
  await openTask(ann, reference);
  expect((await api('POST', `/api/tasks/${task.id}/claim`, token)).status).toBe(200);
  await ann.getByRole('button', { name: 'Pick up' }).click();
  await expect(ann.getByRole('alert')).toContainText('this task is already being handled by medewerker');
  await expect(ann.getByRole('alert')).not.toContainText('behandeld');

  // Back in Dutch, the same refusal is in Dutch.
  expect((await api('POST', `/api/tasks/${task.id}/release`, token)).status).toBe(200);
  await ann.getByRole('button', { name: 'Naar het Nederlands' }).click();
  await ann.reload();
  await expect(ann.getByRole('button', { name: 'Oppakken' })).toBeVisible();
  expect((await api('POST', `/api/tasks/${task.id}/claim`, token)).status).toBe(200);
  await ann.getByRole('button', { name: 'Oppakken' }).click();
  await expect(ann.getByRole('alert')).toContainText('deze taak wordt al behandeld door medewerker');
});

test('four eyes: a proposed grant waits for a second official; the proposer cannot approve it', async ({ browser }) => {
  // A small process whose grant needs approval, published through the API as a designer.
  const { designer } = e2eAccounts();
  if (!designer)
    throw new Error(
      'test-results/e2e-accounts.json has no designer token: test/e2e/server.ts must make one to publish the four-eyes fixture',
    );
  const definition = JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures/eenmalige-toeslag.json'), 'utf8'));
  const saved = await api('PUT', `/api/processes/${definition.key}/draft`, designer, definition);
  expect(saved.body).toEqual({ problems: [] });
  expect((await api('POST', `/api/processes/${definition.key}/publish`, designer)).status).toBe(201);

  const citizen = await person(browser);
  await signIn(citizen, freshBsn());
  await citizen.goto(`/diensten/${definition.key}`);
  await citizen.getByRole('button', { name: 'Start' }).click();
  await citizen.getByLabel('Gevraagd bedrag').fill('250');
  await citizen.getByRole('button', { name: 'Volgende' }).click();
  await citizen.getByRole('button', { name: 'Versturen' }).click();
  await expect(citizen.getByRole('heading', { level: 1 })).toHaveText('Uw aanvraag is verstuurd');
  const reference = (await citizen.locator('.omslag-reference').textContent())!.trim();
  const caseId = new URL(citizen.url()).pathname.split('/')[2];

  const ann = await person(browser);
  await signInOfficial(ann, official('ann'));
  await openTask(ann, reference);
  await ann.getByRole('button', { name: 'Oppakken' }).click();
  await expect(ann.getByText('Een tweede medewerker moet dit goedkeuren.')).toBeVisible();
  await ann.getByLabel('Toeslag toekennen').check();
  await ann.getByLabel(/Bericht aan de inwoner/).fill('Het geld staat binnen 5 werkdagen op uw rekening.');
  await ann.getByRole('button', { name: 'Ter goedkeuring voorleggen' }).click();
  const proposal = ann.getByRole('region', { name: 'Wacht op goedkeuring' });
  await expect(proposal).toContainText('ann stelt voor: Toeslag toekennen');
  await expect(proposal).toContainText('u kunt uw eigen voorstel niet goedkeuren');
  await expect(proposal.getByRole('button', { name: 'Goedkeuren' })).toHaveCount(0);
  await ann.getByRole('link', { name: 'Terug naar de werkvoorraad' }).click();
  await expect(ann.getByRole('row', { name: new RegExp(reference) })).toContainText('Wacht op goedkeuring');

  const bob = await person(browser);
  await signInOfficial(bob, official('bob'));
  await expect(bob.getByRole('row', { name: new RegExp(reference) })).toContainText('Wacht op goedkeuring');
  await openTask(bob, reference);
  await expectAccessible(bob);
  await bob.getByRole('region', { name: 'Wacht op goedkeuring' }).getByRole('button', { name: 'Goedkeuren' }).click();
  await expect(bob.getByText('Goedgekeurd: de zaak gaat verder.')).toBeVisible();
  await expect(bob.locator('.werkplek-case')).toContainText('Toeslag toegekend');

  await citizen.goto(`/zaken/${caseId}/status`);
  await expect(citizen.getByRole('heading', { name: /Uitkomst: Toeslag toegekend/ })).toBeVisible();
});

test('reassigning to an unknown team is impossible in the workspace', async ({ browser }) => {
  const { official: token, admin } = e2eAccounts();
  // A team nobody works in yet: it exists, but its queue would reach nobody, so it is not offered either.
  expect((await api('POST', '/api/teams', admin, { id: 'e2e-nog-leeg', name: 'Nog leeg' })).status).toBe(201);
  const ann = await person(browser);
  await signInOfficial(ann, official('ann'));
  const citizen = await person(browser);
  const { caseId, reference } = await handedOffCase(citizen);
  await openTask(ann, reference);

  await ann.getByText('Toewijzen aan een ander').click();
  const teamSelect = ann.getByLabel('Ander team');
  // A select, not a free text box: only existing teams that officials work in, without the task's own team.
  await expect(teamSelect).toHaveJSProperty('tagName', 'SELECT');
  await expect(teamSelect.locator('option')).toHaveText(['Kies een team', 'inkomen', 'klantcontact']);
  await expectAccessible(ann);

  // The API refuses a team that does not exist, saying what to fix; the task stays where it is.
  const tasks = (await api('GET', '/api/tasks?team=belastingen&status=active', token)).body as {
    id: string;
    caseId: string;
  }[];
  const task = tasks.find((x) => x.caseId === caseId)!;
  const refused = await api('POST', `/api/tasks/${task.id}/assign`, token, { team: 'inkomn' });
  expect(refused.status).toBe(422);
  expect(refused.body.error).toMatchObject({
    code: 'unknown-team',
    message: 'team ‘inkomn’ bestaat niet; kies een team uit de lijst van teams (GET /api/teams)',
  });
  const empty = await api('POST', `/api/tasks/${task.id}/assign`, token, { team: 'e2e-nog-leeg' });
  expect(empty.status).toBe(422);
  expect(empty.body.error.message).toContain('werkt geen medewerker');

  // Choosing a team of the list moves the task.
  await teamSelect.selectOption('klantcontact');
  await ann.getByRole('button', { name: 'Overdragen aan team' }).click();
  await expect(
    ann.getByRole('status').filter({ hasText: 'De taak is overgedragen aan team klantcontact.' }),
  ).toBeVisible();
  const moved = (await api('GET', '/api/tasks?team=klantcontact&status=active', token)).body as { caseId: string }[];
  expect(moved.some((x) => x.caseId === caseId)).toBe(true);
});

/** A contact request (team klantcontact, due in 2 days) on a new case of the API's citizen; its reference. */
async function contactRequest(): Promise<{ caseId: string; reference: string }> {
  const { citizen } = e2eAccounts() as Accounts & { citizen: string };
  const started = await api('POST', '/api/processes/kwijtschelding/cases', citizen, {});
  expect(started.status).toBe(201);
  const asked = await api('POST', `/api/cases/${started.body.id}/events`, citizen, {
    type: 'person.requested',
    data: { question: 'Hoe lang duurt het?', channel: 'email', reach: 'inwoner@example.nl' },
  });
  expect(asked.status).toBe(200);
  return { caseId: started.body.id, reference: started.body.reference };
}

/** The case references of the queue's rows, top to bottom. */
const queueOrder = async (page: Page) =>
  (await page.locator('.werkplek-table tbody th').allTextContents()).map((x) => x.trim());

test('one queue over all my teams, sorted by deadline or received, filters together in the address, and the next task after a decision', async ({
  browser,
}) => {
  const citizen = await person(browser);
  const first = await handedOffCase(citizen); // belastingen, 8 working days
  const second = await handedOffCase(citizen); // belastingen, received later
  const contact = await contactRequest(); // klantcontact, due in 2 days, received last
  const ann = await person(browser);
  await signInOfficial(ann, official('ann'));

  // By default one queue over both of ann's teams, with the team and when each task was received.
  const table = ann.getByRole('table', { name: 'Taken van al uw teams (belastingen, klantcontact)' });
  await expect(table.getByRole('row', { name: new RegExp(contact.reference) })).toContainText('klantcontact');
  await expect(table.getByRole('row', { name: new RegExp(first.reference) })).toContainText('belastingen');
  await expect(table.getByRole('columnheader', { name: 'Ontvangen' })).toBeVisible();
  await expect(table.getByRole('row', { name: new RegExp(contact.reference) })).toContainText(
    /\d{1,2} [a-z]{3} \d{4}, \d{2}:\d{2}/,
  );
  await expect(ann.getByLabel('Team', { exact: true })).toHaveValue('');
  // The three tasks of this test, in the order the queue shows them (other tests' tasks left out).
  const ours = async () =>
    (await queueOrder(ann)).filter((r) => [first.reference, second.reference, contact.reference].includes(r));

  // By deadline (the default): the contact request, due in 2 days, before the handoffs (equal deadlines: first received first).
  await expect.poll(ours).toEqual([contact.reference, first.reference, second.reference]);
  // By received, oldest first and newest first: the order of arrival, as the API sorts it.
  await ann.getByLabel('Sorteren op', { exact: true }).selectOption({ label: 'Ontvangen (oudste eerst)' });
  await expect(ann).toHaveURL(/\?sort=received$/);
  await expect.poll(ours).toEqual([first.reference, second.reference, contact.reference]);
  await ann.getByLabel('Sorteren op', { exact: true }).selectOption({ label: 'Ontvangen (nieuwste eerst)' });
  await expect(ann).toHaveURL(/\?sort=-received$/);
  await expect.poll(ours).toEqual([contact.reference, second.reference, first.reference]);

  // Filters combine, and live in the address: team + process + status together, and a reload keeps them.
  await ann.getByLabel('Team', { exact: true }).selectOption('belastingen');
  await ann.getByLabel('Proces', { exact: true }).selectOption('kwijtschelding');
  await ann.getByLabel('Status', { exact: true }).selectOption({ label: 'Open (nog niet opgepakt)' });
  await expect(ann).toHaveURL(/\?team=belastingen&status=open&process=kwijtschelding&sort=-received$/);
  await expect(ann.getByRole('row', { name: new RegExp(contact.reference) })).toHaveCount(0);
  await expect.poll(ours).toEqual([second.reference, first.reference]);
  await ann.getByLabel('Alleen te laat').check();
  await expect(ann.getByText('Geen taken die bij deze filters passen.')).toBeVisible();
  await ann.getByLabel('Alleen te laat').uncheck();
  await ann.reload();
  await expect(ann.getByLabel('Team', { exact: true })).toHaveValue('belastingen');
  await expect(ann.getByLabel('Status', { exact: true })).toHaveValue('open');
  await expect(ann.getByLabel('Sorteren op', { exact: true })).toHaveValue('-received');
  await expect(ann.getByRole('table', { name: 'Taken van team belastingen' })).toBeVisible();

  // A decision, then straight on to the next open task in this queue's order.
  await openTask(ann, second.reference);
  await ann.getByRole('button', { name: 'Oppakken' }).click();
  await ann.getByLabel('Kwijtschelding toekennen').check();
  await ann.getByRole('button', { name: 'Besluit vastleggen' }).click();
  await expect(ann.getByText('De taak is afgerond: Kwijtschelding toekennen.')).toBeVisible();
  await ann.getByRole('link', { name: `Volgende taak: ${first.reference}` }).click();
  await expect(ann.getByRole('heading', { level: 1 })).toContainText(first.reference);
  await expect(ann.getByRole('button', { name: 'Oppakken' })).toBeVisible();
  await expectAccessible(ann);
  // Back to the queue as it was: the same filters and order.
  await ann.getByRole('link', { name: 'Terug naar de werkvoorraad' }).click();
  await expect(ann).toHaveURL(/\/werkplek\/\?team=belastingen&status=open&process=kwijtschelding&sort=-received$/);
  await expect(ann.getByRole('row', { name: new RegExp(second.reference) })).toHaveCount(0);
});

/** A process that asks who the citizen is and for a document, then goes to team belastingen. */
const inkomensbewijs = {
  key: 'inkomensbewijs-e2e',
  title: { nl: 'Inkomensbewijs', en: 'Proof of income' },
  start: 'gegevens',
  contact: { team: 'klantcontact', due: 'P2D' },
  steps: {
    gegevens: {
      kind: 'form',
      title: { nl: 'Uw gegevens', en: 'Your details' },
      fields: [
        { id: 'naam', label: { nl: 'Uw naam', en: 'Your name' }, type: 'text', required: true },
        { id: 'straat', label: { nl: 'Straat en huisnummer', en: 'Street and number' }, type: 'text', required: true },
        { id: 'postcode', label: { nl: 'Postcode', en: 'Postcode' }, type: 'postcode', required: true },
        { id: 'woonplaats', label: { nl: 'Woonplaats', en: 'Town' }, type: 'text', required: true },
        { id: 'telefoon', label: { nl: 'Telefoonnummer', en: 'Phone number' }, type: 'phone', required: true },
        {
          id: 'loonstrook',
          label: { nl: 'Uw loonstrook', en: 'Your payslip' },
          type: 'file',
          required: true,
          max: 50_000,
        },
      ],
      next: 'beoordeling',
    },
    beoordeling: {
      kind: 'handoff',
      title: { nl: 'Beoordeling', en: 'Review' },
      team: 'belastingen',
      due: { workingDays: 5 },
      outcomes: [{ id: 'akkoord', label: { nl: 'Akkoord', en: 'Agreed' }, goto: 'klaar' }],
    },
    klaar: {
      kind: 'end',
      title: { nl: 'Ontvangen', en: 'Received' },
      outcome: 'completed',
      message: { nl: 'Wij hebben uw loonstrook ontvangen.', en: 'We received your payslip.' },
    },
  },
};

test('who the citizen is: name, masked BSN revealed on request and logged, address and phone, their document, internal notes the citizen never sees, and search by reference and BSN', async ({
  browser,
}) => {
  const { designer, admin } = e2eAccounts() as Accounts & { designer: string };
  expect((await api('PUT', `/api/processes/${inkomensbewijs.key}/draft`, designer, inkomensbewijs)).body).toEqual({
    problems: [],
  });
  expect((await api('POST', `/api/processes/${inkomensbewijs.key}/publish`, designer)).status).toBe(201);

  // The citizen answers and sends a payslip.
  const citizen = await person(browser);
  const bsn = freshBsn();
  await signIn(citizen, bsn);
  await citizen.goto(`/diensten/${inkomensbewijs.key}`);
  await citizen.getByRole('button', { name: 'Start' }).click();
  await citizen.getByLabel('Uw naam').fill('Sanne de Vries');
  await citizen.getByLabel('Straat en huisnummer').fill('Dorpsstraat 12');
  await citizen.getByLabel('Postcode').fill('1234 AB');
  await citizen.getByLabel('Woonplaats').fill('Utrecht');
  await citizen.getByLabel('Telefoonnummer').fill('0612345678');
  await citizen.getByLabel('Uw loonstrook').setInputFiles({
    name: 'loonstrook.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n'),
  });
  await citizen.getByRole('button', { name: 'Volgende' }).click();
  await expect(citizen.getByRole('heading', { level: 1 })).toHaveText('Controleer uw antwoorden');
  await citizen.getByRole('button', { name: 'Versturen' }).click();
  await expect(citizen.getByRole('heading', { level: 1 })).toHaveText('Uw aanvraag is verstuurd');
  const reference = (await citizen.locator('.omslag-reference').textContent())!.trim();
  const caseId = new URL(citizen.url()).pathname.split('/')[2];

  // The official finds the case by its reference, and by the citizen's BSN (shown masked).
  const ann = await person(browser);
  await signInOfficial(ann, official('ann'));
  const search = ann.getByRole('search');
  await search.getByLabel('Zoek op zaaknummer of BSN').fill('123456789');
  await search.getByRole('button', { name: 'Zoeken' }).click();
  await expect(search).toContainText('dit BSN klopt niet (elfproef)');
  await search.getByLabel('Zoek op zaaknummer of BSN').fill(bsn);
  await search.getByRole('button', { name: 'Zoeken' }).click();
  await expect(ann.getByRole('link', { name: reference })).toHaveCount(2); // the search result and the queue row
  await expect(ann.locator('.werkplek-found')).toContainText(`*****${bsn.slice(-4)}`);
  await expect(ann.locator('.werkplek-found')).not.toContainText(bsn);
  await search.getByLabel('Zoek op zaaknummer of BSN').fill(reference.toLowerCase());
  await search.getByRole('button', { name: 'Zoeken' }).click();
  await expect(ann.locator('.werkplek-found li')).toHaveCount(1);
  await expectAccessible(ann);
  await ann.locator('.werkplek-found').getByRole('link', { name: reference }).click();
  await expect(ann.getByRole('heading', { level: 1 })).toContainText(reference);

  // Who the citizen is: name, BSN masked, address, phone, each with where it came from.
  const who = ann.getByRole('region', { name: 'Inwoner' });
  await expect(who).toContainText('Sanne de Vries (antwoord van de inwoner)');
  await expect(who).toContainText('Dorpsstraat 12, 1234 AB Utrecht');
  await expect(who).toContainText('0612345678');
  await expect(who).toContainText(`*****${bsn.slice(-4)}`);
  await expect(who).not.toContainText(bsn);
  await expectAccessible(ann);

  // Revealed on request, and every reveal is in the security log with who and which case.
  await who.getByRole('button', { name: 'BSN tonen' }).click();
  await expect(who).toContainText(bsn);
  const log = (await api('GET', '/api/security-log?kind=bsn.revealed', admin)).body.entries as {
    account: string;
    details: { reference: string };
  }[];
  expect(log.some((e) => e.account === 'ann' && e.details.reference === reference)).toBe(true);
  await who.getByRole('button', { name: 'BSN verbergen' }).click();
  await expect(who).not.toContainText(bsn);

  // The document the citizen sent opens for the official, as sent.
  const download = ann.waitForEvent('download');
  await who.getByRole('link', { name: 'loonstrook.pdf' }).click();
  expect((await download).suggestedFilename()).toBe('loonstrook.pdf');
  expect(await (await download).path().then((p) => readFileSync(p!, 'utf8'))).toContain('%PDF-1.4');

  // An internal note, kept after a reload.
  const notes = ann.getByRole('region', { name: 'Interne notities' });
  await notes.getByRole('button', { name: 'Notitie opslaan' }).click();
  await expect(notes).toContainText('Schrijf eerst een notitie.');
  await notes.getByLabel('Nieuwe notitie').fill('Inwoner belde: stuurt nog een tweede loonstrook.');
  await notes.getByRole('button', { name: 'Notitie opslaan' }).click();
  await expect(notes.getByRole('status')).toHaveText('De notitie is opgeslagen.');
  await expect(notes.getByRole('listitem')).toContainText(['Inwoner belde: stuurt nog een tweede loonstrook.']);
  await ann.reload();
  await expect(ann.getByRole('region', { name: 'Interne notities' }).getByRole('listitem')).toContainText([/^ann · /]);
  await expectAccessible(ann);

  // The citizen never sees the note; their read log says their BSN was looked at in full.
  for (const path of [`/zaken/${caseId}/status`, `/zaken/${caseId}/inzage`]) {
    await citizen.goto(path);
    await expect(citizen.locator('main')).not.toContainText('tweede loonstrook');
  }
  await expect(citizen.locator('main')).toContainText('Uw burgerservicenummer (BSN), voluit');
});

test('the workspace page is served without inline scripts under the CSP, and deep links load the app', async ({
  page,
}) => {
  const res = await page.goto('/werkplek/taken/bestaat-niet');
  expect(res?.status()).toBe(200);
  expect(res?.headers()['cache-control']).toBe('no-store');
  expect(res?.headers()['content-security-policy']).toContain("script-src 'self'");
  const inline = await page.locator('script:not([src])').count();
  expect(inline).toBe(0);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Inloggen voor medewerkers');
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await expect(page.getByRole('alert').getByRole('link', { name: 'Naam: Vul dit in.' })).toBeVisible();
  await expectAccessible(page);
});
