/**
 * The process settings' "what the citizen needs": one item a line, Dutch and
 * English side by side (line i of each is item i); one command per change;
 * emptied, the process has no `needs` (the start page then lists its default).
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

describe('ProcessEditor: what the citizen needs', () => {
  it('writes one item a line, pairs the English lines with the Dutch, and leaves the list out when emptied', () => {
    const { edits, current } = renderInEditor(() => <ProcessEditor />, fixtureProcess('ophalen') as Process);
    const needs = screen.getByRole('group', { name: 'Wat heeft de inwoner nodig?' });
    const nl = within(needs).getByLabelText('Wat heeft de inwoner nodig? NL');
    const en = within(needs).getByLabelText('Wat heeft de inwoner nodig? EN');
    commit(nl, 'Uw DigiD\n\n  Uw laatste loonstrook  \n');
    expect(current().needs).toEqual(['Uw DigiD', 'Uw laatste loonstrook']);
    commit(en, 'Your DigiD\nYour latest payslip');
    expect(current().needs).toEqual([
      { nl: 'Uw DigiD', en: 'Your DigiD' },
      { nl: 'Uw laatste loonstrook', en: 'Your latest payslip' },
    ]);
    // What the boxes show again: the lines as they are in the process.
    expect((nl as HTMLTextAreaElement).value).toBe('Uw DigiD\nUw laatste loonstrook');
    expect((en as HTMLTextAreaElement).value).toBe('Your DigiD\nYour latest payslip');
    expect(edits.length).toBe(2);
    commit(en, '');
    commit(nl, '');
    expect(current()).not.toHaveProperty('needs');
  });
});
