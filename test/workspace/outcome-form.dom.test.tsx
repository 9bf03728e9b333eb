/**
 * The official's decision form: an outcome must be chosen, only that
 * outcome's fields are sent (and only filled ones), a four-eyes outcome is
 * proposed rather than decided, and the engine's field errors (422) show at
 * the field and in the summary.
 */
import { act, fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../workspace/api.js';
import { OutcomeForm, type CompleteBody } from '../../workspace/components/OutcomeForm.js';
import type { Outcome } from '../../workspace/types.js';
import { renderInWorkspace } from '../helpers/dom.js';

const outcomes: Outcome[] = [
  { id: 'toekennen', label: 'Toekennen' },
  {
    id: 'afwijzen',
    label: 'Afwijzen',
    negative: true,
    fields: [{ id: 'reden', label: 'Reden voor de inwoner', type: 'textarea', required: true }],
  },
  { id: 'uitzondering', label: 'Uitzondering maken', fourEyes: true },
];

function setUp(props: Partial<Parameters<typeof OutcomeForm>[0]> = {}) {
  const onComplete = vi.fn<(body: CompleteBody) => Promise<void>>(async () => {});
  renderInWorkspace(<OutcomeForm outcomes={outcomes} withMessage busy={false} onComplete={onComplete} {...props} />);
  return { onComplete };
}
const submit = async (name: RegExp) => {
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name }));
  });
};

describe('OutcomeForm', () => {
  it('refuses to send without an outcome, and says so in the summary and at the choice', async () => {
    const { onComplete } = setUp();
    await submit(/besluit vastleggen/i);
    expect(onComplete).not.toHaveBeenCalled();
    const summary = screen.getByRole('alert');
    expect(
      within(summary)
        .getByRole('link', { name: /kies een uitkomst/i })
        .getAttribute('href'),
    ).toBe('#veld-outcome');
    expect(screen.getByRole('group', { name: /kies een uitkomst/i }).textContent).toContain('Kies een uitkomst.');
  });

  it("shows only the chosen outcome's fields, and sends its answers with the message", async () => {
    const { onComplete } = setUp();
    expect(screen.queryByLabelText(/reden voor de inwoner/i)).toBeNull();
    fireEvent.click(screen.getByRole('radio', { name: 'Afwijzen' }));
    fireEvent.change(screen.getByLabelText(/reden voor de inwoner/i), { target: { value: 'Te hoog inkomen.' } });
    fireEvent.change(screen.getByLabelText(/bericht aan de inwoner/i), { target: { value: '  Wij bellen u nog.  ' } });
    await submit(/besluit vastleggen/i);
    expect(onComplete).toHaveBeenCalledTimes(1);
    expect(onComplete.mock.calls[0][0]).toEqual({
      outcome: 'afwijzen',
      data: { reden: 'Te hoog inkomen.' },
      message: 'Wij bellen u nog.',
    });
  });

  it('leaves out empty answers and an empty message; an outcome without fields sends no data', async () => {
    const { onComplete } = setUp();
    fireEvent.click(screen.getByRole('radio', { name: 'Afwijzen' }));
    fireEvent.change(screen.getByLabelText(/reden voor de inwoner/i), { target: { value: '   ' } });
    await submit(/besluit vastleggen/i);
    expect(onComplete.mock.calls[0][0]).toEqual({ outcome: 'afwijzen', data: {} });
    fireEvent.click(screen.getByRole('radio', { name: 'Toekennen' }));
    await submit(/besluit vastleggen/i);
    expect(onComplete.mock.calls[1][0]).toEqual({ outcome: 'toekennen' });
  });

  it('proposes a four-eyes outcome for approval instead of deciding it', async () => {
    const { onComplete } = setUp();
    const radio = screen.getByRole('radio', { name: 'Uitzondering maken' });
    expect(document.getElementById(radio.getAttribute('aria-describedby')!)?.textContent).toMatch(/tweede medewerker/i);
    fireEvent.click(radio);
    await submit(/ter goedkeuring voorleggen/i);
    expect(onComplete.mock.calls[0][0]).toEqual({ outcome: 'uitzondering' });
  });

  it("shows the engine's field errors at the field and in the summary, with the field's label", async () => {
    const onComplete = vi.fn(async () => {
      throw new ApiError(422, 'invalid-answers', 'Niet alles is goed ingevuld.', { 'data.reden': ['Vul dit in.'] });
    });
    setUp({ onComplete });
    fireEvent.click(screen.getByRole('radio', { name: 'Afwijzen' }));
    await submit(/besluit vastleggen/i);
    const summary = screen.getByRole('alert');
    expect(within(summary).getByRole('link', { name: 'Reden voor de inwoner: Vul dit in.' }).getAttribute('href')).toBe(
      '#veld-reden',
    );
    const field = screen.getByLabelText(/reden voor de inwoner/i);
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById('veld-reden-fout')?.textContent).toContain('Vul dit in.');
  });

  it('shows an error that belongs to no field as it is', async () => {
    setUp({
      onComplete: async () => {
        throw new ApiError(409, 'task-taken', 'Deze taak is al afgehandeld.');
      },
    });
    fireEvent.click(screen.getByRole('radio', { name: 'Toekennen' }));
    await submit(/besluit vastleggen/i);
    expect(within(screen.getByRole('alert')).getByText('Deze taak is al afgehandeld.')).not.toBeNull();
  });

  it('with one outcome and no message, the button is the outcome itself; while busy nothing is sent', async () => {
    const { onComplete } = setUp({
      outcomes: [{ id: 'gebeld', label: 'Teruggebeld' }],
      withMessage: false,
      busy: true,
    });
    expect(screen.queryByRole('radio')).toBeNull();
    await submit(/^teruggebeld$/i);
    expect(onComplete).not.toHaveBeenCalled();
  });
});
