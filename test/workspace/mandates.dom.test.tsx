/**
 * "Machtigingen" in the workspace, against a real server (its API over HTTP,
 * a real SQLite file): an official registers a guardianship with its
 * document, finds the citizen's mandates and revokes one with a reason. The
 * form says what is missing before anything is sent, and shows the server's
 * own refusal (a file that is not a PDF by its bytes) at the file field.
 */
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiClient } from '../../browser/api/client.js';
import { MandatesPage } from '../../workspace/components/MandatesPage.js';
import type { Workspace } from '../../workspace/context.js';
import { renderInWorkspace } from '../helpers/dom.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

const CITIZEN = '999993653';
let s: TestServer;
beforeAll(async () => {
  s = await startTestServer({ fixtures: ['toeslag'] });
});
afterAll(async () => {
  await s?.close();
});

function setUp() {
  const api = createApiClient(s.base, { token: s.tokens.official }) as unknown as Workspace['api'];
  renderInWorkspace(<MandatesPage />, { workspace: { api } });
  return screen.getByRole('form', { name: 'Machtiging registreren' });
}
const type = (form: HTMLElement, label: RegExp, value: string) =>
  fireEvent.change(within(form).getByLabelText(label), { target: { value } });
const chooseFile = (form: HTMLElement, bytes: string, name: string) =>
  fireEvent.change(within(form).getByLabelText(/beschikking of ander bewijsstuk/i), {
    target: { files: [new File([bytes], name, { type: 'application/pdf' })] },
  });
const submit = async (form: HTMLElement) => {
  await act(async () => {
    fireEvent.click(within(form).getByRole('button', { name: 'Machtiging registreren' }));
  });
};
const mandates = () => s.store.mandates.forCitizen(CITIZEN);

describe('MandatesPage', () => {
  it('says what is missing, linked to each field, and sends nothing', async () => {
    const form = setUp();
    await waitFor(() => expect(within(form).getByRole('option', { name: 'Toeslag aanvragen' })).toBeTruthy());
    await submit(form);
    const summary = within(form).getByRole('alert');
    const links = within(summary)
      .getAllByRole('link')
      .map((a) => a.getAttribute('href'));
    expect(links).toEqual(['#veld-citizen', '#veld-holder.kvk', '#veld-holder.name', '#veld-reason', '#veld-document']);
    expect(
      within(form)
        .getByLabelText(/^reden$/i)
        .getAttribute('aria-invalid'),
    ).toBe('true');
    expect(await mandates()).toEqual([]);
  });

  it("shows the server's refusal of a file that is not a PDF by its bytes at the file field; nothing is stored", async () => {
    const form = setUp();
    type(form, /bsn van de inwoner/i, CITIZEN);
    type(form, /kvk-nummer/i, '12345678');
    type(form, /naam van de gemachtigde/i, 'Schuldhulp Utrecht');
    type(form, /^reden$/i, 'Beschikking kantonrechter Utrecht');
    chooseFile(form, '<html>not a pdf</html>', 'beschikking.pdf');
    await submit(form);
    await waitFor(() => expect(within(form).getByRole('alert').textContent).toMatch(/bewijsstuk/i));
    expect(within(form).getByRole('alert').textContent).toMatch(/not a PDF, PNG or JPEG/);
    expect(await mandates()).toEqual([]);
  });

  it('registers a guardianship for one process, lists it, and revokes it with a reason', async () => {
    const form = setUp();
    await waitFor(() => expect(within(form).getByRole('option', { name: 'Toeslag aanvragen' })).toBeTruthy());
    type(form, /bsn van de inwoner/i, CITIZEN);
    type(form, /kvk-nummer/i, '12345678');
    type(form, /naam van de gemachtigde/i, 'Schuldhulp Utrecht');
    fireEvent.change(within(form).getByLabelText(/^waarvoor$/i), { target: { value: 'toeslag' } });
    fireEvent.click(within(form).getByLabelText(/aanvragen indienen/i));
    type(form, /^reden$/i, 'Beschikking kantonrechter Utrecht, bewindvoering');
    chooseFile(form, '%PDF-1.4\n%%EOF\n', 'beschikking.pdf');
    await submit(form);
    await waitFor(() => expect(screen.getByText('De machtiging is geregistreerd.')).toBeTruthy());
    const [stored] = await mandates();
    expect(stored).toMatchObject({
      holder: { kind: 'organisation', id: '12345678' },
      processKey: 'toeslag',
      rights: ['view', 'submit'],
      source: 'official',
      createdBy: 'user:olaf',
      document: { name: 'beschikking.pdf', type: 'application/pdf' },
    });
    const table = await screen.findByRole('table', { name: 'Machtigingen van de inwoner' });
    const row = within(table).getAllByRole('row')[1];
    expect(row.textContent).toContain('Schuldhulp Utrecht (KVK 12345678)');
    expect(row.textContent).toContain('Toeslag aanvragen');
    expect(row.textContent).toContain('Zaken inzien, Aanvragen indienen');
    expect(within(row).getByRole('link', { name: 'Bewijsstuk bekijken' }).getAttribute('href')).toBe(
      `/api/mandates/${stored.id}/document`,
    );

    // Revoking asks for the reason first.
    fireEvent.click(within(row).getByText('Intrekken'));
    await act(async () => {
      fireEvent.click(within(row).getByRole('button', { name: 'Machtiging intrekken' }));
    });
    expect(within(row).getByText(/vul dit in/i)).toBeTruthy();
    expect((await mandates())[0].revokedAt).toBeNull();
    fireEvent.change(within(row).getByLabelText('Reden van intrekking'), { target: { value: 'Bewind opgeheven' } });
    await act(async () => {
      fireEvent.click(within(row).getByRole('button', { name: 'Machtiging intrekken' }));
    });
    await waitFor(() => expect(screen.getByText(/de machtiging is ingetrokken/i)).toBeTruthy());
    expect((await mandates())[0]).toMatchObject({ revokedBy: 'user:olaf' });
    await waitFor(() => expect(screen.getByRole('table').textContent).toContain('Ingetrokken'));
  });
});
