/**
 * The questions of a form: adding one gives it an id no other field of the
 * process has; changing the type to a choice starts an empty list of choices
 * and changing it away drops them; bounds are numbers for numbers and text
 * for dates; questions move and go whole. Each change is one named command.
 */
import { act, fireEvent, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { FieldList } from '../../designer/properties/FieldList.js';
import type { Field, Process } from '../../runtime/model/index.js';
import { renderInEditor } from '../helpers/dom.js';
import { fixtureProcess } from '../helpers/fixtures.js';

vi.mock('../../designer/monaco/load.js', () => ({ loadMonaco: () => new Promise(() => {}) }));

const start: Field[] = [
  { id: 'naam', label: 'Uw naam', type: 'text', required: true },
  { id: 'leeftijd', label: 'Uw leeftijd', type: 'number' },
];

function setUp(fields = start) {
  const changes: { label: string; fields: Field[] }[] = [];
  function Host() {
    const [list, setList] = useState(fields);
    return (
      <FieldList
        title="Vragen"
        fields={list}
        onChange={(label, next) => {
          changes.push({ label, fields: next });
          setList(next);
        }}
      />
    );
  }
  const known = [...fields, { id: 'vraag' }, { id: 'vraag-2' }].map((f) => ({
    id: f.id,
    label: f.id,
    step: 'x',
    type: 'text',
  }));
  renderInEditor(() => <Host />, fixtureProcess('ophalen') as Process, { editor: { fields: known } });
  const last = () => changes.at(-1)!;
  const question = (name: string) => screen.getByText(name, { selector: 'summary span' }).closest('li')! as HTMLElement;
  return { changes, last, question, group: screen.getByRole('group', { name: 'Vragen' }) };
}
const commit = (input: HTMLElement, value: string) => {
  fireEvent.change(input, { target: { value } });
  act(() => {
    fireEvent.blur(input);
  });
};

describe('FieldList', () => {
  it('adds a required text question with an id no field of the process has', () => {
    const { last, group } = setUp();
    fireEvent.click(within(group).getByRole('button', { name: 'Vraag toevoegen' }));
    expect(last().label).toBe('vraag toevoegen');
    expect(last().fields).toHaveLength(3);
    const added = last().fields[2];
    expect(added).toEqual({ id: expect.stringMatching(/^vraag/), label: 'Nieuwe vraag', type: 'text', required: true });
    expect(['naam', 'leeftijd', 'vraag', 'vraag-2']).not.toContain(added.id);
  });

  it('starts an empty list of choices when the type becomes a choice, and drops it when it stops being one', () => {
    const { last, question } = setUp();
    fireEvent.change(within(question('Uw naam')).getByLabelText('Soort antwoord'), { target: { value: 'choice' } });
    expect(last()).toEqual({
      label: 'vraag naam wijzigen',
      fields: [{ ...start[0], type: 'choice', options: [] }, start[1]],
    });
    fireEvent.click(within(question('Uw naam')).getByRole('button', { name: 'Keuze toevoegen' }));
    expect(last().fields[0].options).toEqual([{ value: expect.stringMatching(/^keuze/), label: 'Nieuwe keuze' }]);
    fireEvent.change(within(question('Uw naam')).getByLabelText('Soort antwoord'), { target: { value: 'email' } });
    expect(last().fields[0]).toEqual({ ...start[0], type: 'email' });
  });

  it('reads bounds as numbers for a number, as text for a date, and an empty bound as none', () => {
    const { last, question } = setUp([...start, { id: 'datum', label: 'Datum', type: 'date' }]);
    commit(within(question('Uw leeftijd')).getByLabelText('Minimaal'), '18');
    expect(last().fields[1]).toEqual({ ...start[1], min: 18 });
    commit(within(question('Datum')).getByLabelText('Vroegste datum'), ' today ');
    expect(last().fields[2]).toEqual({ id: 'datum', label: 'Datum', type: 'date', min: 'today' });
    commit(within(question('Uw leeftijd')).getByLabelText('Minimaal'), '');
    expect(last().fields[1]).toEqual(start[1]);
  });

  it('asks no bounds of a question that has none (yes-no)', () => {
    const { question } = setUp([{ id: 'akkoord', label: 'Akkoord?', type: 'yes-no' }]);
    expect(within(question('Akkoord?')).queryByLabelText(/minimaal|maximaal/i)).toBeNull();
  });

  it('moves a question down and removes one whole', () => {
    const { last, group } = setUp();
    fireEvent.click(within(group).getByRole('button', { name: 'Uw naam omlaag' }));
    expect(last()).toEqual({ label: 'vraag verplaatsen', fields: [start[1], start[0]] });
    fireEvent.click(within(group).getByRole('button', { name: 'Uw leeftijd verwijderen' }));
    expect(last()).toEqual({ label: 'vraag verwijderen', fields: [start[0]] });
  });
});
