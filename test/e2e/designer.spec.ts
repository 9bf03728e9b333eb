import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { api, expectAccessible, focused } from './support.js';
import { connect, node, typeFeel } from './canvas.js';

// The process designer (/ontwerp) in real Chromium: a process built on the
// canvas alone and run through the API, the JSON code view both ways, undo
// and redo, the simulation of kwijtschelding with its explanation, and an
// older version read-only with what changed.

type Accounts = { designer: string; citizen?: string; designers?: Record<string, { name: string; password: string }> };
const accounts = (): Accounts =>
  JSON.parse(readFileSync(join(import.meta.dirname, '../../test-results/e2e-accounts.json'), 'utf8'));

function dina() {
  const d = accounts().designers?.dina;
  if (!d?.password)
    throw new Error(
      'test-results/e2e-accounts.json has no designers.dina: test/e2e/server.ts makes the designer who signs in',
    );
  return d;
}

test.use({ viewport: { width: 1280, height: 800 } });

async function signInDesigner(page: Page, path = '/ontwerp/') {
  await page.goto(path);
  await page.getByLabel('Naam').fill(dina().name);
  await page.getByLabel('Wachtwoord').fill(dina().password);
  await page.getByRole('button', { name: 'Inloggen' }).click();
}

async function openProcess(page: Page, key: string) {
  await signInDesigner(page, `/ontwerp/processen/${key}`);
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
}

const problemCount = (page: Page) => page.getByTestId('problem-count');
const properties = (page: Page) => page.getByRole('tabpanel');

/** A definition stored through the API as a designer would (for tests that do not build one). */
async function putDraft(key: string, def: Record<string, unknown>) {
  const res = await api('PUT', `/api/processes/${key}/draft`, accounts().designer, { ...def, key });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}
const example = (name: string) =>
  JSON.parse(readFileSync(join(import.meta.dirname, `../../processes/${name}.json`), 'utf8')) as Record<
    string,
    unknown
  >;

/** The next working day after tomorrow, as YYYY-MM-DD (a pickup date the date field accepts). */
function pickupDate(): string {
  const d = new Date(Date.now() + 3 * 86_400_000);
  while (d.getDay() === 0 || d.getDay() === 6) d.setDate(d.getDate() + 1);
  return d.toISOString().slice(0, 10);
}

test('build the bulky-waste process on the canvas alone, publish it, and run a case of it through the API', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const key = `grofvuil-${Date.now().toString(36)}`;
  await signInDesigner(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Processen' })).toBeVisible();

  // A new, empty draft.
  await page.getByLabel('Sleutel').fill(key);
  await page.getByLabel('Titel (Nederlands)').fill('Grofvuil laten ophalen');
  await page.getByRole('button', { name: 'Proces maken' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Grofvuil laten ophalen');
  await expect(page.locator('.react-flow__node')).toHaveCount(0);

  // A form from the palette: it becomes the start.
  await page.getByRole('button', { name: 'Formulier toevoegen' }).click();
  await expect(node(page, 'formulier-1')).toBeVisible();
  await expect(node(page, 'formulier-1')).toContainText('Start');
  const panel = properties(page);
  await panel.getByLabel('Titel NL', { exact: true }).fill('Wat en waar');
  await panel.getByLabel('Titel EN', { exact: true }).fill('What and where');
  await panel.getByLabel('Titel EN', { exact: true }).press('Enter');
  await expect(node(page, 'formulier-1')).toContainText('Wat en waar');

  // Its questions, every one with its own options.
  const fields = panel.locator('.ontwerp-fields > ol > li');
  // The question comes first; its id follows from it unless the designer gives one.
  const addField = async (id: string, type: string, label: string, derived = false) => {
    await panel.getByRole('button', { name: 'Vraag toevoegen' }).click();
    const field = fields.last();
    await expect(field.locator('input, select, textarea').first()).toHaveAccessibleName('Vraag NL');
    await field.getByLabel('Soort antwoord').selectOption({ label: type });
    await field.getByLabel('Vraag NL', { exact: true }).fill(label);
    await field.getByLabel('Vraag NL', { exact: true }).press('Enter');
    if (derived) await expect(field.getByLabel('Veld-id')).toHaveValue(id);
    else {
      await field.getByLabel('Veld-id').fill(id);
      await field.getByLabel('Veld-id').press('Enter');
    }
    await expect(panel.locator(`[data-field="${id}"]`)).toBeVisible();
    return panel.locator(`[data-field="${id}"]`);
  };
  await addField('postcode', 'Postcode', 'Wat is uw postcode?', true);
  const huisnummer = await addField('huisnummer', 'Tekst', 'Huisnummer', true);
  await huisnummer.getByLabel('Maximale lengte').fill('10');
  await huisnummer.getByLabel('Maximale lengte').press('Enter');
  const spullen = await addField('spullen', 'Meer keuzes', 'Wat wilt u laten ophalen?');
  for (const [value, label] of [
    ['meubels', 'Meubels'],
    ['matras', 'Matras'],
  ]) {
    await spullen.getByRole('button', { name: 'Keuze toevoegen' }).click();
    const option = spullen.locator('.ontwerp-option-row').last();
    await option.getByLabel('Tekst NL', { exact: true }).fill(label);
    await option.getByLabel('Tekst NL', { exact: true }).press('Enter');
    // The value follows from the label.
    await expect(option.getByLabel('Waarde')).toHaveValue(value);
  }
  const toelichting = await addField('toelichting', 'Lange tekst', 'Wat voor matras is het?');
  await typeFeel(page, toelichting, 'list contains(spullen, "matras")');
  await expect(toelichting.locator('.ontwerp-list__meta')).toContainText('voorwaardelijk');
  const datum = await addField('ophaaldatum', 'Datum', 'Op welke dag?');
  await datum.getByLabel('Vroegste datum').fill('today');
  await datum.getByLabel('Vroegste datum').press('Enter');
  await expect(node(page, 'formulier-1')).toContainText('5 vragen');

  // An end, with the pickup date in its message.
  await page.getByRole('button', { name: 'Einde toevoegen' }).click();
  await expect(node(page, 'einde-1')).toBeVisible();
  const message = panel.getByLabel('Bericht aan de inwoner NL', { exact: true });
  await message.fill('Wij halen uw grofvuil op ');
  await panel.getByRole('button', { name: '{{ophaaldatum}}' }).first().click();
  await expect(message).toHaveValue('Wij halen uw grofvuil op {{ophaaldatum}}');
  await panel.getByLabel('Titel NL', { exact: true }).fill('Ophalen ingepland');
  await panel.getByLabel('Titel NL', { exact: true }).press('Enter');

  // Connect the form to the end by dragging on the canvas.
  await expect(problemCount(page)).not.toHaveText('0');
  await connect(page, 'formulier-1', 'next', 'einde-1');
  await expect(page.locator('.react-flow__edge')).toHaveCount(1);

  // The process itself: who answers "ask for a person".
  await page.locator('.react-flow__pane').click({ position: { x: 15, y: 15 } });
  await expect(panel.getByRole('heading', { name: 'Het proces' })).toBeVisible();
  await panel.getByLabel('Contactteam').selectOption('klantcontact');

  // No problems left; saved; published.
  await expect(problemCount(page)).toHaveText('0');
  await expect(page.getByText('Geen problemen: dit proces kan worden gepubliceerd.')).toBeVisible();
  await expect(page.getByTestId('save-state')).toHaveText('Opgeslagen');
  await page.getByRole('button', { name: 'Publiceren' }).click();
  await page.getByRole('button', { name: 'Publiceer versie 1' }).click();
  await expect(page.getByText('Versie 1 is gepubliceerd.')).toBeVisible();

  // The designer's output runs: a citizen starts and completes a case through the API.
  const citizen = accounts().citizen;
  if (!citizen) throw new Error('test-results/e2e-accounts.json has no citizen token: test/e2e/server.ts makes it');
  const started = await api('POST', `/api/processes/${key}/cases`, citizen, {});
  expect(started.status, JSON.stringify(started.body)).toBe(201);
  expect(started.body.step.id).toBe('formulier-1');
  const refused = await api('POST', `/api/cases/${started.body.id}/events`, citizen, {
    type: 'submit',
    data: { postcode: '3511 AB', huisnummer: '12', spullen: ['matras'], ophaaldatum: pickupDate() },
  });
  expect(refused.status).toBe(422);
  expect(Object.keys(refused.body.error.details)).toEqual(['toelichting']);
  const done = await api('POST', `/api/cases/${started.body.id}/events`, citizen, {
    type: 'submit',
    data: { postcode: '3511 AB', huisnummer: '12', spullen: ['meubels'], ophaaldatum: pickupDate() },
  });
  expect(done.status, JSON.stringify(done.body)).toBe(200);
  expect(done.body.outcome.outcome).toBe('completed');
  expect(done.body.outcome.message).toContain('Wij halen uw grofvuil op');
});

test('the shortest way to a small process: a form, a decision, a handoff and two ends, counted in actions', async ({
  page,
}) => {
  test.setTimeout(120_000);
  // Every click, fill and key press the designer makes is one action (the README's designer section, the note).
  let actions = 0;
  const act = async <T>(step: Promise<T>) => {
    actions++;
    return step;
  };
  const key = `kort-${Date.now().toString(36)}`;
  await signInDesigner(page);
  actions = 0; // signing in is not building
  await act(page.getByLabel('Sleutel').fill(key));
  await act(page.getByLabel('Titel (Nederlands)').fill('Bijzondere bijstand'));
  await act(page.getByRole('button', { name: 'Proces maken' }).click());
  const panel = properties(page);
  const pad = page.getByRole('toolbar', { name: 'Volgende stap' });

  // A form with one question; the id follows from the question.
  await act(page.getByRole('button', { name: 'Formulier toevoegen' }).click());
  await act(panel.getByRole('button', { name: 'Vraag toevoegen' }).click());
  const field = panel.locator('.ontwerp-fields > ol > li').last();
  await act(field.getByLabel('Soort antwoord').selectOption({ label: 'Bedrag' }));
  await act(field.getByLabel('Vraag NL', { exact: true }).fill('Wat is uw inkomen?'));
  await act(field.getByLabel('Vraag NL', { exact: true }).press('Enter'));
  await expect(field.getByLabel('Veld-id')).toHaveValue('inkomen');

  // The decision after it; a handoff for every other case; an end when the rule holds.
  await act(pad.getByRole('button', { name: 'Besluit hierna toevoegen' }).click());
  await act(pad.getByRole('button', { name: 'Overdracht hierna toevoegen' }).click());
  await act(node(page, 'besluit-1').click());
  await act(pad.getByRole('button', { name: 'Einde hierna toevoegen' }).click());
  await act(panel.getByRole('combobox', { name: 'Uitkomst', exact: true }).selectOption({ label: 'Toegekend' }));
  await act(node(page, 'besluit-1').click());
  const rule = panel.locator('.ontwerp-feel').filter({ hasText: 'Regel 1: als (FEEL)' });
  await act(rule.locator('.ontwerp-feel__editor:not(.is-loading) .monaco-editor .view-lines').click());
  await act(page.keyboard.press('Control+A'));
  await act(page.keyboard.type('inkomen < 1500'));

  // The handoff: its team, and the end its outcome leads to.
  await act(node(page, 'overdracht-1').click());
  await act(panel.getByLabel('Team', { exact: true }).selectOption('belastingen'));
  await act(pad.getByRole('button', { name: 'Einde hierna toevoegen' }).click());

  // Who answers "ask for a person"; then publish.
  await act(page.locator('.react-flow__pane').click({ position: { x: 15, y: 15 } }));
  await act(panel.getByLabel('Contactteam').selectOption('klantcontact'));
  await expect(problemCount(page)).toHaveText('0');
  await act(page.getByRole('button', { name: 'Publiceren' }).click());
  await act(page.getByRole('button', { name: 'Publiceer versie 1' }).click());
  await expect(page.getByText('Versie 1 is gepubliceerd.')).toBeVisible();

  // What was built: form → decision → (rule) end, (otherwise) handoff → end.
  const saved = await api('GET', `/api/processes/${key}`, accounts().designer);
  const steps = saved.body.draft.steps;
  expect(steps['formulier-1'].next).toBe('besluit-1');
  expect(steps['besluit-1'].rules).toEqual([expect.objectContaining({ when: 'inkomen < 1500', goto: 'einde-1' })]);
  expect(steps['besluit-1'].otherwise.goto).toBe('overdracht-1');
  expect(steps['overdracht-1'].outcomes[0].goto).toBe('einde-2');
  expect(steps['einde-1'].outcome).toBe('granted');
  test.info().annotations.push({ type: 'actions', description: String(actions) });
  console.log(`The small process took ${actions} actions.`);
  expect(actions).toBeLessThan(40);
});

test('the code view and the canvas follow each other; broken JSON is marked while the canvas stays', async ({
  page,
}) => {
  // Tall enough that Monaco draws the lines this test reads (it draws only the lines in view).
  await page.setViewportSize({ width: 1280, height: 1600 });
  const key = `json-${Date.now().toString(36)}`;
  await putDraft(key, example('grofvuil'));
  await openProcess(page, key);
  await expect(node(page, 'ingepland')).toContainText('Ophalen ingepland');
  await page.getByRole('tab', { name: 'JSON' }).click();
  const code = page.getByTestId('code-view').locator('.monaco-editor');
  await expect(code).toBeVisible();
  await expect(page.getByRole('tabpanel')).toContainText('Wijzigingen hier en op de plaat lopen gelijk.');

  // Edit the JSON: the canvas changes.
  await code.locator('.view-lines').click();
  await page.keyboard.press('Control+F');
  await page.keyboard.insertText('Ophalen ingepland');
  await page.keyboard.press('Escape');
  await page.keyboard.insertText('Grofvuil wordt opgehaald');
  await expect(node(page, 'ingepland')).toContainText('Grofvuil wordt opgehaald');
  await expect(page.getByTestId('save-state')).toHaveText('Opgeslagen');

  // And the other way: the canvas changes, the JSON shows it.
  await node(page, 'ophaalverzoek').click();
  await page.getByRole('tab', { name: 'Eigenschappen' }).click();
  await page.getByRole('tabpanel').getByLabel('Titel NL', { exact: true }).fill('Wat, waar en wanneer');
  await page.getByRole('tabpanel').getByLabel('Titel NL', { exact: true }).press('Enter');
  await page.getByRole('tab', { name: 'JSON' }).click();
  await expect(page.getByTestId('code-view')).toContainText('Wat, waar en wanneer');

  // Break it: a marker and a message, the canvas keeps the last valid state.
  const nodesBefore = await page.locator('.react-flow__node').count();
  await page.getByTestId('code-view').locator('.view-lines').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.insertText('{ oops');
  await expect(page.getByTestId('json-error')).toBeVisible();
  await expect(page.getByTestId('json-markers')).toBeVisible({ timeout: 10_000 });
  await page.keyboard.press('Control+End');
  await expect(page.getByTestId('code-view').locator('.squiggly-error').first()).toBeVisible();
  // The markers speak Dutch (Monaco's JSON service speaks English only): F8 goes to the first one and reads it.
  await page.keyboard.press('F8');
  const marker = page.getByTestId('code-view').locator('.marker-widget');
  await expect(marker).toContainText('Na het einde van de definitie staat nog tekst.');
  await expect(marker).not.toContainText('expected');
  await page.keyboard.press('Escape');
  await expect(page.locator('.react-flow__node')).toHaveCount(nodesBefore);
  await expect(node(page, 'ingepland')).toContainText('Grofvuil wordt opgehaald');
});

test('every edit can be undone and redone, with the buttons and the keyboard', async ({ page }) => {
  const key = `undo-${Date.now().toString(36)}`;
  await putDraft(key, example('grofvuil'));
  await openProcess(page, key);
  const steps = page.locator('.react-flow__node-step');
  await expect(steps).toHaveCount(2);

  await page.getByRole('button', { name: 'Bericht toevoegen' }).click();
  await expect(steps).toHaveCount(3);
  await expect(page.getByTestId('save-state')).toHaveText('Opgeslagen');
  await page.getByRole('button', { name: 'Ongedaan maken' }).click();
  await expect(steps).toHaveCount(2);
  await page.getByRole('button', { name: 'Opnieuw' }).click();
  await expect(steps).toHaveCount(3);

  // The keyboard: Ctrl+Z and Ctrl+Shift+Z on the canvas.
  await node(page, 'ingepland').click();
  await page.keyboard.press('Control+Z');
  await expect(steps).toHaveCount(2);
  await page.keyboard.press('Control+Shift+Z');
  await expect(steps).toHaveCount(3);

  // A property edit too; the undone state is what gets saved.
  await node(page, 'ingepland').click();
  await page.getByRole('tabpanel').getByLabel('Titel NL', { exact: true }).fill('Klaar');
  await page.getByRole('tabpanel').getByLabel('Titel NL', { exact: true }).press('Enter');
  await expect(node(page, 'ingepland')).toContainText('Klaar');
  await page.getByRole('button', { name: 'Ongedaan maken' }).click();
  await expect(node(page, 'ingepland')).toContainText('Ophalen ingepland');
  await expect(page.getByTestId('save-state')).toHaveText('Opgeslagen');
  const saved = await api('GET', `/api/processes/${key}`, accounts().designer);
  expect(saved.body.draft.steps.ingepland.title.nl).toBe('Ophalen ingepland');
  expect(Object.keys(saved.body.draft.steps)).toHaveLength(3);

  // The history survives a reload: undo goes back past the added message, redo brings the title back.
  await page.reload();
  await expect(steps).toHaveCount(3);
  await expect(page.getByRole('button', { name: 'Ongedaan maken' })).not.toHaveAttribute('aria-disabled', 'true');
  await page.getByRole('button', { name: 'Ongedaan maken' }).click();
  await expect(steps).toHaveCount(2);
  await page.getByRole('button', { name: 'Opnieuw' }).click();
  await page.getByRole('button', { name: 'Opnieuw' }).click();
  await expect(node(page, 'ingepland')).toContainText('Klaar');
  await expect(page.getByTestId('save-state')).toHaveText('Opgeslagen');

  // Changed meanwhile by someone else: the kept history does not apply to it.
  const changed = (await api('GET', `/api/processes/${key}`, accounts().designer)).body.draft;
  await putDraft(key, { ...changed, title: { nl: 'Anders', en: 'Other' } });
  await page.reload();
  await expect(steps).toHaveCount(3);
  await expect(page.getByRole('button', { name: 'Ongedaan maken' })).toHaveAttribute('aria-disabled', 'true');
});

test('typing in a FEEL editor keeps every key: space, Delete, Backspace and Ctrl+Z stay in the editor', async ({
  page,
}) => {
  const key = `feel-keys-${Date.now().toString(36)}`;
  await putDraft(key, example('grofvuil'));
  await openProcess(page, key);
  const steps = page.locator('.react-flow__node-step');
  await expect(steps).toHaveCount(2);
  await node(page, 'ophaalverzoek').click();
  const field = properties(page).locator('[data-field="huisnummer"]');
  await field.locator('summary').click();
  const box = field.locator('.ontwerp-feel__editor:not(.is-loading) .monaco-editor');
  await expect(box).toBeVisible();
  await box.locator('.view-lines').click();

  // Typed key by key, as a designer does: the spaces and the words stay.
  const condition = 'postcode = "3511 AB" and huisnummer <> postcode';
  const shown = (text: string) => text.replace(/ /g, '\u00a0');
  await page.keyboard.type(condition);
  await expect(box.locator('.view-lines')).toHaveText(shown(condition));

  // Backspace and Delete edit the text; the selected step stays on the canvas.
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('Delete');
  await expect(box.locator('.view-lines')).toHaveText(shown(condition.slice(1, -1)));
  await expect(steps).toHaveCount(2);

  // Ctrl+Z undoes the last edit in the editor, not a change on the canvas.
  await page.keyboard.press('Control+Z');
  await expect(box.locator('.view-lines')).toHaveText(shown(condition.slice(0, -1)));
  await expect(steps).toHaveCount(2);
  await page.keyboard.press('Control+End');
  await page.keyboard.type('e');

  // Committed as typed, with no problem.
  await page.locator('.ontwerp-properties h2').first().click();
  await expect(field.locator('.ontwerp-feel__problem')).toHaveCount(0);
  await expect(page.getByTestId('save-state')).toHaveText('Opgeslagen');
  const saved = await api('GET', `/api/processes/${key}`, accounts().designer);
  const huisnummer = saved.body.draft.steps.ophaalverzoek.fields.find((f: { id: string }) => f.id === 'huisnummer');
  expect(huisnummer.showIf).toBe(condition);
  expect(Object.keys(saved.body.draft.steps)).toHaveLength(2);
});

test("connecting: a line dropped on a step's body connects, and the pad beside a step adds the next one connected", async ({
  page,
}) => {
  const key = `verbinden-${Date.now().toString(36)}`;
  await putDraft(key, example('grofvuil'));
  await openProcess(page, key);
  const edges = page.locator('.react-flow__edge');
  await expect(edges).toHaveCount(1);
  await page.getByRole('button', { name: 'Bericht toevoegen' }).click();
  await expect(node(page, 'bericht-1')).toBeVisible();
  await page.getByRole('button', { name: 'Alles in beeld' }).click();

  // From the message's dot to the middle of the end's title, well away from the end's own dot.
  const source = node(page, 'bericht-1').locator('[data-slot="next"] .react-flow__handle');
  const body = node(page, 'ingepland').locator('.ontwerp-node__title');
  const a = (await source.boundingBox())!;
  const b = (await body.boundingBox())!;
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 8 });
  await page.mouse.up();
  await expect(edges).toHaveCount(2);
  await expect(page.getByTestId('save-state')).toHaveText('Opgeslagen');
  let saved = await api('GET', `/api/processes/${key}`, accounts().designer);
  expect(saved.body.draft.steps['bericht-1'].next).toBe('ingepland');

  // An end leads nowhere: no pad beside it.
  await node(page, 'ingepland').click();
  await expect(page.getByRole('toolbar', { name: 'Volgende stap' })).toHaveCount(0);
  // Nor can an end be made the start.
  await expect(properties(page).getByRole('button', { name: 'Maak dit de startstap' })).toHaveCount(0);

  // The pad beside the selected step: a new end after the form's open slot is there, connected, selected.
  await page.getByRole('button', { name: 'Ongedaan maken' }).click(); // back to the message without its line
  await expect(edges).toHaveCount(1);
  await node(page, 'bericht-1').click();
  const pad = page.getByRole('toolbar', { name: 'Volgende stap' });
  await expect(pad).toBeVisible();
  await expect(properties(page).getByRole('button', { name: 'Maak dit de startstap' })).toBeVisible();
  await pad.getByRole('button', { name: 'Einde hierna toevoegen' }).click();
  await expect(node(page, 'einde-1')).toBeVisible();
  await expect(edges).toHaveCount(2);
  await expect(properties(page).getByLabel('Titel NL', { exact: true })).toHaveValue(/.+/);
  await expect(page.getByTestId('save-state')).toHaveText('Opgeslagen');
  saved = await api('GET', `/api/processes/${key}`, accounts().designer);
  expect(saved.body.draft.steps['bericht-1'].next).toBe('einde-1');
  // It stands to the right of the step it follows, clear of it.
  const layout = saved.body.draft.layout as Record<string, { x: number; y: number }>;
  expect(layout['einde-1']!.x).toBeGreaterThan(layout['bericht-1']!.x + 200);
});

test('simulate a kwijtschelding path to an end and see the explanation of the decision', async ({ page }) => {
  const key = `sim-${Date.now().toString(36)}`;
  await putDraft(key, example('kwijtschelding'));
  await openProcess(page, key);
  await page.getByRole('tab', { name: 'Simuleren' }).click();
  const panel = page.getByRole('tabpanel');
  await panel.getByRole('button', { name: 'Start simulatie' }).click();
  await expect(panel.getByTestId('sim-step')).toContainText('Uw huishouden');
  await expect(node(page, 'huishouden').locator('.ontwerp-node')).toHaveClass(/is-active/);

  // The generated validation: nothing answered is refused, with the messages at the fields.
  await panel.getByRole('button', { name: 'Antwoorden versturen' }).click();
  await expect(panel.locator('.ontwerp-field-error').first()).toBeVisible();

  await panel.getByLabel('Alleen', { exact: true }).check();
  await panel.getByLabel('Aanslagnummer').fill('2026-0042');
  await panel.getByRole('button', { name: 'Antwoorden versturen' }).click();
  await expect(panel.getByTestId('sim-step')).toContainText('Inkomen en vermogen');
  await expect(node(page, 'geldzaken').locator('.ontwerp-node')).toHaveClass(/is-active/);

  await panel.getByLabel(/Netto inkomen/).fill('1000');
  await panel.getByLabel(/Spaargeld/).fill('100');
  await panel.getByRole('group', { name: 'Heeft u een auto?' }).getByLabel('Nee').check();
  await panel.getByLabel('Uw IBAN').fill('NL91 ABNA 0417 1643 00');
  await panel.getByRole('button', { name: 'Antwoorden versturen' }).click();

  // The decision decided, said why, and the journey reached its end.
  await expect(panel.getByTestId('sim-explanations')).toContainText(
    'Uw inkomen en vermogen zijn lager dan de norm voor uw huishouden.',
  );
  await expect(panel.getByTestId('sim-outcome')).toHaveText('Uitkomst: Toegekend');
  await expect(node(page, 'toegekend').locator('.ontwerp-node')).toHaveClass(/is-active/);
  await expect(panel.getByTestId('sim-log')).toContainText('antwoorden verstuurd');

  // Step back, and all paths to every end.
  await panel.getByRole('button', { name: 'Stap terug' }).click();
  await expect(panel.getByTestId('sim-step')).toContainText('Inkomen en vermogen');
  await page.getByRole('tab', { name: 'Paden' }).click();
  const paths = page.getByTestId('paths');
  await expect(paths.getByRole('button', { name: /Naar Kwijtschelding toegekend/ }).first()).toBeVisible();
  await paths
    .getByRole('button', { name: /Naar Aanvraag ingetrokken/ })
    .first()
    .click();
  await expect(node(page, 'ingetrokken').locator('.ontwerp-node')).toHaveClass(/is-highlighted/);
});

test('an older version opens read-only, with what changed since', async ({ page }) => {
  const key = `versies-${Date.now().toString(36)}`;
  const designer = accounts().designer;
  const v1 = example('grofvuil');
  await putDraft(key, v1);
  expect((await api('POST', `/api/processes/${key}/publish`, designer)).status).toBe(201);
  const steps = v1.steps as Record<string, Record<string, unknown>>;
  const v2 = {
    ...v1,
    steps: {
      ...steps,
      ophaalverzoek: {
        ...steps.ophaalverzoek,
        title: { ...(steps.ophaalverzoek.title as object), nl: 'Uw ophaalverzoek' },
        fields: [
          ...(steps.ophaalverzoek.fields as unknown[]),
          { id: 'telefoon', label: 'Telefoonnummer', type: 'phone' },
        ],
      },
    },
  };
  await putDraft(key, v2);
  expect((await api('POST', `/api/processes/${key}/publish`, designer)).status).toBe(201);

  await openProcess(page, key);
  await page.getByRole('tab', { name: 'Versies' }).click();
  await page.getByRole('link', { name: 'Versie 1 bekijken' }).click();
  await expect(page.getByTestId('read-only')).toHaveText('Versie 1 · alleen lezen');
  await expect(node(page, 'ophaalverzoek')).toContainText('5 vragen');
  await expect(page.getByRole('button', { name: 'Formulier toevoegen' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Publiceren' })).toHaveCount(0);

  // Nothing can be changed: the properties are read-only.
  await node(page, 'ophaalverzoek').click();
  await expect(page.getByRole('tabpanel').getByLabel('Titel NL', { exact: true })).toHaveAttribute('readonly', '');

  // What changed from version 1 to version 2.
  await page.getByRole('tab', { name: 'Versies' }).click();
  await page.getByLabel('Van', { exact: true }).selectOption({ label: 'Versie 1' });
  await page.getByLabel('Naar', { exact: true }).selectOption({ label: 'Versie 2' });
  await expect(page.getByTestId('diff')).toContainText('telefoon');
  await expect(page.getByTestId('diff')).toContainText('ophaalverzoek');
  // Each changed value with where it is, what it was and what it is now.
  const before = (steps.ophaalverzoek.title as { nl: string }).nl;
  await expect(
    page.getByTestId('diff').locator('.ontwerp-diff__details li').filter({ hasText: 'titel › Nederlands' }),
  ).toHaveText(`titel › Nederlands: was “${before}”, nu “Uw ophaalverzoek”`);
  await expect(page.getByTestId('diff').getByRole('listitem').filter({ hasText: 'Toegevoegd: telefoon' })).toHaveCount(
    1,
  );
});

test('a readable diagram: a 15-step process at "Alles in beeld", parallel lines apart, labels only at their steps', async ({
  page,
}) => {
  const key = `lang-${Date.now().toString(36)}`;
  const steps: Record<string, unknown> = {};
  for (let i = 1; i <= 12; i++)
    steps[`vraag-${i}`] = {
      kind: 'form',
      title: { nl: `Vraag ${i}`, en: `Question ${i}` },
      fields: [{ id: `antwoord${i}`, label: { nl: 'Antwoord', en: 'Answer' }, type: 'number', required: true }],
      next: i < 12 ? `vraag-${i + 1}` : 'toets',
    };
  // Two rules to the same end: two lines, both visible.
  steps.toets = {
    kind: 'decision',
    title: { nl: 'Toets', en: 'Test' },
    rules: [
      { when: 'antwoord1 > 10', goto: 'nee', because: { nl: 'Te hoog', en: 'Too high' } },
      { when: 'antwoord2 > 10', goto: 'nee', because: { nl: 'Ook te hoog', en: 'Also too high' } },
    ],
    otherwise: { goto: 'ja', because: { nl: 'Goed', en: 'Fine' } },
  };
  steps.ja = { kind: 'end', title: { nl: 'Ja', en: 'Yes' }, outcome: 'granted', message: { nl: 'Ja.', en: 'Yes.' } };
  steps.nee = { kind: 'end', title: { nl: 'Nee', en: 'No' }, outcome: 'rejected', message: { nl: 'Nee.', en: 'No.' } };
  await putDraft(key, {
    ...example('grofvuil'),
    title: { nl: 'Lang', en: 'Long' },
    start: 'vraag-1',
    steps,
    layout: undefined,
  });
  await openProcess(page, key);
  await expect(page.locator('.react-flow__node-step')).toHaveCount(15);

  await page.getByRole('button', { name: 'Alles in beeld' }).click();
  await page.waitForFunction(() => {
    const t = document.querySelector('.react-flow__viewport')?.getAttribute('style') ?? '';
    return t.includes('scale');
  });
  // Every step is in view, and its title is drawn at least 9 px high: read, not guessed.
  for (const n of await page.locator('.react-flow__node-step').all()) await expect(n).toBeInViewport();
  const smallest = await page
    .locator('.react-flow__node-step .ontwerp-node__title')
    .evaluateAll((els) =>
      Math.min(
        ...els.map(
          (el) =>
            parseFloat(getComputedStyle(el).fontSize) *
            (el.getBoundingClientRect().height / (el as HTMLElement).offsetHeight),
        ),
      ),
    );
  expect(smallest).toBeGreaterThanOrEqual(9);

  // The two rules to "Nee" are two lines that bend apart; no label lies halfway along a line.
  const parallel = page.locator('.react-flow__edge[data-testid^="rf__edge-toets->nee"] path.react-flow__edge-path');
  await expect(parallel).toHaveCount(2);
  const [a, b] = await parallel.evaluateAll((els) => els.map((el) => el.getAttribute('d')));
  expect(a).not.toBe(b);
  await expect(page.locator('.react-flow__edge-text, .react-flow__edge-textwrapper')).toHaveCount(0);
  // The rules' labels are at their steps, beside the dots the lines leave from.
  await expect(node(page, 'toets')).toContainText('antwoord1 > 10');
  await expect(node(page, 'toets')).toContainText('antwoord2 > 10');
  // Ends say their outcome in the interface language.
  await expect(node(page, 'nee')).toContainText('Afgewezen');
});

test('room to work at 1280×800: panels fold away and stay so, problems stay short, a new step lands beside the selected one', async ({
  page,
}) => {
  const key = `ruimte-${Date.now().toString(36)}`;
  const def = example('kwijtschelding');
  const steps = { ...(def.steps as Record<string, unknown>) };
  // Ten steps nothing leads to: ten problems (P001), and ten loose steps for the automatic layout.
  for (let i = 1; i <= 10; i++)
    steps[`los-${i}`] = { kind: 'end', title: `Los ${i}`, outcome: 'completed', message: 'Klaar.' };
  await putDraft(key, { ...def, steps, layout: undefined });
  await openProcess(page, key);

  // The problems panel lists them in a few lines and scrolls; the canvas keeps most of the height.
  const problems = page.locator('.ontwerp-problems');
  await expect(problems.locator('.ontwerp-problem[data-code="P001"]')).toHaveCount(10);
  expect((await problems.boundingBox())!.height).toBeLessThanOrEqual(160);
  await problems.getByRole('button', { name: 'Problemen inklappen' }).click();
  await expect(problems.locator('.ontwerp-problem')).toHaveCount(0);
  await expect(problemCount(page)).not.toHaveText('0');

  // The palette and the details fold away: the canvas gets their room.
  const canvas = page.locator('.ontwerp-canvas');
  const before = (await canvas.boundingBox())!.width;
  await page.getByRole('button', { name: 'Stappen inklappen' }).click();
  await page.getByRole('button', { name: 'Details inklappen' }).click();
  await expect(page.getByRole('tablist', { name: 'Details' })).toBeHidden();
  expect((await canvas.boundingBox())!.width).toBeGreaterThan(before + 400);
  // Folded, the palette still adds steps by their full names.
  await expect(page.getByRole('button', { name: 'Formulier toevoegen' })).toBeVisible();

  // A reload keeps them folded.
  await page.reload();
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
  await expect(page.getByRole('button', { name: 'Details uitklappen' })).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByRole('button', { name: 'Stappen uitklappen' })).toBeVisible();
  await expect(problems.locator('.ontwerp-problem')).toHaveCount(0);
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Details uitklappen' }).click();
  await page.getByRole('button', { name: 'Problemen uitklappen' }).click();
  await expect(problems.locator('.ontwerp-problem[data-code="P001"]')).toHaveCount(10);

  // Automatic layout: the flow from the start, the loose steps in rows below it.
  await page.getByRole('button', { name: 'Automatisch indelen' }).click();
  type Layout = Record<string, { x: number; y: number; h?: number }>;
  let laid: Layout = {};
  await expect
    .poll(async () => {
      laid = ((await api('GET', `/api/processes/${key}`, accounts().designer)).body.draft.layout ?? {}) as Layout;
      return Object.keys(laid).length;
    })
    .toBeGreaterThan(10);
  const flowBottom = Math.max(
    ...Object.entries(laid)
      .filter(([id]) => !id.startsWith('los-'))
      .map(([, p]) => p.y + (p.h ?? 100)),
  );
  for (let i = 1; i <= 10; i++) expect(laid[`los-${i}`].y, `los-${i}`).toBeGreaterThan(flowBottom);

  // A step added from the palette lands beside the selected one; the selected one stays where it was.
  await page.getByRole('button', { name: 'Alles in beeld' }).click();
  const start = node(page, 'huishouden');
  await start.click();
  const was = (await start.boundingBox())!;
  await page.getByRole('button', { name: 'Formulier toevoegen' }).click();
  const added = page.locator('.react-flow__node.selected');
  await expect(added).toHaveCount(1);
  await expect(added).not.toHaveAttribute('data-id', 'huishouden');
  await expect(added).toBeInViewport();
  const now = (await start.boundingBox())!;
  const box = (await added.boundingBox())!;
  const zoom = now.width / was.width;
  expect(box.x).toBeGreaterThan(now.x + now.width);
  expect(Math.abs(box.y - now.y)).toBeLessThan(120 * zoom);
  await expect(start).toBeInViewport();
});

test('keyboard only: add a step from the palette, edit it, delete it from the canvas; axe finds nothing; English too', async ({
  page,
}) => {
  const key = `toetsenbord-${Date.now().toString(36)}`;
  await putDraft(key, example('grofvuil'));
  await openProcess(page, key);
  await expectAccessible(page);

  // The palette: Tab to it, Enter adds a step, which is selected with its properties.
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    if (f.tag !== 'body') expect(f.visible, `focus visible on <${f.tag}> "${f.name}"`).toBe(true);
    if (f.name === 'Wachten toevoegen') break;
  }
  expect((await focused(page)).name).toBe('Wachten toevoegen');
  await page.keyboard.press('Enter');
  await expect(node(page, 'wachten-1')).toBeVisible();
  await expect(properties(page).getByRole('heading', { level: 2 })).toContainText('Wachten');

  // The side panel's tabs with the arrow keys.
  await page.getByRole('tab', { name: 'Eigenschappen' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'JSON' })).toBeFocused();
  await expect(page.getByRole('tab', { name: 'JSON' })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowLeft');

  // A node is focusable; Delete removes the selected one, Ctrl+Z brings it back.
  await node(page, 'wachten-1').focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Delete');
  await expect(node(page, 'wachten-1')).toHaveCount(0);
  await page.keyboard.press('Control+Z');
  await expect(node(page, 'wachten-1')).toBeVisible();
  await expectAccessible(page);

  // English: the same designer, every word in English.
  await page.getByRole('button', { name: 'Switch to English' }).click();
  await expect(page.getByRole('button', { name: 'Publish' })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Properties' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Add form' })).toBeVisible();
  await page.getByRole('button', { name: 'Nederlands' }).click();
});

test('the designer writes what the citizen needs, one item a line; after publishing the start page lists it', async ({
  page,
}) => {
  const key = 'grofvuil-nodig';
  await putDraft(key, example('grofvuil'));
  await openProcess(page, key);
  await page.locator('.react-flow__pane').click({ position: { x: 15, y: 15 } });
  const panel = properties(page);
  await expect(panel.getByRole('heading', { name: 'Het proces' })).toBeVisible();
  const needs = panel.getByRole('group', { name: 'Wat heeft de inwoner nodig?' });
  await needs.getByLabel('Wat heeft de inwoner nodig? NL').fill('Uw DigiD\nEen lijst van wat u wilt laten ophalen');
  await needs.getByLabel('Wat heeft de inwoner nodig? EN').fill('Your DigiD\nA list of what you want collected');
  await panel.getByRole('heading', { name: 'Het proces' }).click();
  await expect(page.getByTestId('save-state')).toHaveText('Opgeslagen');
  await page.getByRole('button', { name: 'Publiceren' }).click();
  await page.getByRole('button', { name: 'Publiceer versie 1' }).click();
  await expect(page.getByText('Versie 1 is gepubliceerd.')).toBeVisible();

  await page.goto(`/diensten/${key}`);
  const list = page.getByRole('heading', { name: 'Wat heeft u nodig?' }).locator('xpath=following-sibling::ul[1]/li');
  await expect(list).toHaveText(['Uw DigiD', 'Een lijst van wat u wilt laten ophalen']);
  await page.goto(`/diensten/${key}?lang=en`);
  await expect(
    page.getByRole('heading', { name: 'What do you need?' }).locator('xpath=following-sibling::ul[1]/li'),
  ).toHaveText(['Your DigiD', 'A list of what you want collected']);
});
