/**
 * The decision table editor's row and column operations: adding a row gives
 * it "any" (`-`) for every input, adding or removing an input adds or removes
 * that column in every row, moving keeps rows whole, and a cell is checked as
 * a FEEL unary test while it is typed. Each change is one edit.
 */
import { act, fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { DecisionTable } from '../../designer/properties/DecisionTable.js';
import type { DecisionStep, Process } from '../../runtime/model/index.js';
import { renderInEditor } from '../helpers/dom.js';
import { fixtureProcess } from '../helpers/fixtures.js';

// Monaco does not run in jsdom: the FEEL inputs stay the plain text box they start as.
vi.mock('../../designer/monaco/load.js', () => ({ loadMonaco: () => new Promise(() => {}) }));

function setUp() {
  const def = fixtureProcess('tabeltoets') as Process;
  const view = renderInEditor(
    (current, editor) => (
      <DecisionTable
        id="toets"
        step={current.steps.toets as DecisionStep}
        update={(label, next) => editor.edit(label, { ...current, steps: { ...current.steps, toets: next } })}
      />
    ),
    def,
  );
  const table = () => (view.current().steps.toets as DecisionStep).table!;
  return { ...view, table, before: structuredClone((def.steps.toets as DecisionStep).table!) };
}

describe('DecisionTable', () => {
  it('adds a row that matches anything in every column and has no target yet', () => {
    const { table, edits, before } = setUp();
    fireEvent.click(screen.getByRole('button', { name: 'Rij toevoegen' }));
    expect(edits).toHaveLength(1);
    expect(table().rows).toHaveLength(before.rows.length + 1);
    expect(table().rows.slice(0, -1)).toEqual(before.rows);
    expect(table().rows.at(-1)).toMatchObject({ tests: ['-', '-', '-'], goto: '' });
    expect(screen.getByLabelText(`Rij ${before.rows.length + 1}: Leeftijd`)).toHaveProperty('value', '-');
  });

  it('adds an input as a new column of "-" in every row', () => {
    const { table, edits, before } = setUp();
    fireEvent.click(screen.getByRole('button', { name: 'Invoer toevoegen' }));
    expect(edits).toHaveLength(1);
    expect(table().inputs.map((i) => i.id)).toEqual([...before.inputs.map((i) => i.id), expect.any(String)]);
    expect(before.inputs.map((i) => i.id)).not.toContain(table().inputs.at(-1)!.id);
    for (const [i, row] of table().rows.entries()) expect(row.tests).toEqual([...before.rows[i].tests, '-']);
  });

  it('removes an input and its column from every row', () => {
    const { table, before } = setUp();
    fireEvent.click(screen.getByRole('button', { name: 'Jaren laag inkomen verwijderen' }));
    expect(table().inputs.map((i) => i.id)).toEqual(['leeftijdJaren', 'procent']);
    for (const [i, row] of table().rows.entries())
      expect(row.tests).toEqual([before.rows[i].tests[0], before.rows[i].tests[2]]);
  });

  it('moves an input with its column, and a row as a whole', () => {
    const { table, before } = setUp();
    fireEvent.click(screen.getByRole('button', { name: 'Leeftijd omlaag' }));
    expect(table().inputs.map((i) => i.id)).toEqual(['jaren', 'leeftijdJaren', 'procent']);
    for (const [i, row] of table().rows.entries())
      expect(row.tests).toEqual([before.rows[i].tests[1], before.rows[i].tests[0], before.rows[i].tests[2]]);

    const moved = table().rows;
    fireEvent.click(screen.getByRole('button', { name: 'Rij 2 omhoog' }));
    expect(table().rows).toEqual([moved[1], moved[0], ...moved.slice(2)]);
  });

  it('does not move the first row up or the last row down', () => {
    const { edits } = setUp();
    fireEvent.click(screen.getByRole('button', { name: 'Rij 1 omhoog' }));
    fireEvent.click(screen.getByRole('button', { name: 'Rij 4 omlaag' }));
    expect(edits).toEqual([]);
  });

  it('removes one row and keeps the others', () => {
    const { table, before } = setUp();
    fireEvent.click(screen.getByRole('button', { name: 'Rij 1 verwijderen' }));
    expect(table().rows).toEqual(before.rows.slice(1));
  });

  it('commits a cell on blur (empty means "-"), and marks a cell that is no unary test', () => {
    const { table, before } = setUp();
    const cell = screen.getByLabelText('Rij 1: Leeftijd');
    fireEvent.change(cell, { target: { value: '< 18' } });
    act(() => {
      fireEvent.blur(cell);
    });
    expect(table().rows[0].tests).toEqual(['< 18', ...before.rows[0].tests.slice(1)]);

    const other = screen.getByLabelText('Rij 2: Leeftijd');
    fireEvent.change(other, { target: { value: '' } });
    act(() => {
      fireEvent.blur(other);
    });
    expect(table().rows[1].tests[0]).toBe('-');

    const bad = screen.getByLabelText('Rij 3: Leeftijd');
    fireEvent.change(bad, { target: { value: '< <' } });
    expect(bad.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(bad.getAttribute('aria-describedby')!.split(' ').at(-1)!)?.textContent).toMatch(
      /^Syntaxfout bij teken \d+$/,
    );
  });
});
