/**
 * The process settings' decision letter: the legal basis in Dutch and
 * English and where objections go are one command each; emptied, the
 * setting is left out, and with nothing left the process has no `letter`.
 */
import { act, fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ProcessEditor } from '../../designer/properties/ProcessEditor.js';
import type { Process } from '../../runtime/model/index.js';
import { renderInEditor } from '../helpers/dom.js';
import { fixtureProcess } from '../helpers/fixtures.js';

vi.mock('../../designer/monaco/load.js', () => ({ loadMonaco: () => new Promise(() => {}) }));

const commit = (input: HTMLElement, value: string) => {
  fireEvent.change(input, { target: { value } });
  act(() => {
    fireEvent.blur(input);
  });
};

describe('ProcessEditor: the decision letter', () => {
  it('sets the legal basis and where objections go, and removes them again', () => {
    const { edits, current } = renderInEditor(() => <ProcessEditor />, fixtureProcess('ophalen') as Process);
    const basis = screen.getByRole('group', { name: 'Wettelijke grondslag' });
    commit(within(basis).getByLabelText('Wettelijke grondslag NL'), 'Afvalstoffenverordening, artikel 10');
    expect(current().letter).toEqual({ legalBasis: 'Afvalstoffenverordening, artikel 10' });
    commit(within(basis).getByLabelText('Wettelijke grondslag EN'), 'Waste Regulation, article 10');
    expect(current().letter).toEqual({
      legalBasis: { nl: 'Afvalstoffenverordening, artikel 10', en: 'Waste Regulation, article 10' },
    });
    commit(screen.getByLabelText('Bezwaar sturen naar'), '  Postbus 1, 1000 AA Voorbeeld ');
    expect(current().letter?.objectionTo).toBe('Postbus 1, 1000 AA Voorbeeld');
    expect(edits.length).toBe(3);
    commit(screen.getByLabelText('Bezwaar sturen naar'), '');
    commit(within(basis).getByLabelText('Wettelijke grondslag NL'), '');
    commit(within(basis).getByLabelText('Wettelijke grondslag EN'), '');
    expect(current()).not.toHaveProperty('letter');
  });
});

describe('ProcessEditor: messages by email and reminders', () => {
  it('chooses what an email carries and the reminder days; the defaults leave the settings out', () => {
    const { current } = renderInEditor(() => <ProcessEditor />, fixtureProcess('ophalen') as Process);
    const carries = screen.getByRole('group', { name: 'Wat staat er in de e-mail aan de inwoner?' });
    expect((within(carries).getByLabelText('Alleen een melding') as HTMLInputElement).checked).toBe(true);
    act(() => {
      fireEvent.click(within(carries).getByLabelText('Het hele bericht'));
    });
    expect(current().notifications).toEqual({ email: 'message' });
    act(() => {
      fireEvent.click(within(carries).getByLabelText('Alleen een melding'));
    });
    expect(current()).not.toHaveProperty('notifications');
    const days = screen.getByLabelText('Herinnering na (dagen)');
    commit(days, '3');
    expect(current().reminders).toEqual({ afterDays: 3 });
    commit(days, '0');
    expect(current().reminders).toEqual({ afterDays: 3 });
    commit(days, '');
    expect(current()).not.toHaveProperty('reminders');
  });
});
