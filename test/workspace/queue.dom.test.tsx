/**
 * The queue: the filters change one thing at a time and offer only the
 * official's own teams; the table keeps the API's order (soonest deadline
 * first), links each task, and says its state in words (whose it is, late,
 * awaiting approval) rather than in colour only.
 */
import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { QueueFilters } from '../../workspace/components/QueueFilters.js';
import { TaskTable } from '../../workspace/components/TaskTable.js';
import type { Filters } from '../../workspace/queue-query.js';
import type { Task } from '../../workspace/types.js';
import { renderInWorkspace } from '../helpers/dom.js';

const filters: Filters = { team: '', status: 'active', process: '', mine: false, overdue: false, sort: 'deadline' };
const processes = [
  { key: 'toeslag', title: 'Toeslag aanvragen' },
  { key: 'ophalen', title: 'Spullen laten ophalen' },
];

describe('QueueFilters', () => {
  function setUp() {
    const onChange = vi.fn<(f: Filters) => void>();
    renderInWorkspace(<QueueFilters filters={filters} processes={processes} onChange={onChange} />, {
      workspace: { user: { name: 'olaf', role: 'official', teams: ['belastingen', 'klantcontact'] } },
    });
    return { onChange, form: screen.getByRole('form', { name: 'Filters' }) };
  }

  it("offers all the official's teams together and each of them, every process, every status and the orders", () => {
    const { form } = setUp();
    const options = (name: RegExp) =>
      within(within(form).getByRole('combobox', { name }))
        .getAllByRole('option')
        .map((o) => o.textContent);
    expect(options(/^team$/i)).toEqual(['Al mijn teams', 'belastingen', 'klantcontact']);
    expect(options(/^sorteren op$/i)).toEqual([
      'Termijn (eerst afgelopen)',
      'Ontvangen (oudste eerst)',
      'Ontvangen (nieuwste eerst)',
    ]);
    expect(options(/^proces$/i)).toEqual(['Alle processen', 'Toeslag aanvragen', 'Spullen laten ophalen']);
    expect(options(/^status$/i)).toHaveLength(5);
  });

  it('changes one filter at a time and keeps the others', () => {
    const { onChange, form } = setUp();
    fireEvent.change(within(form).getByRole('combobox', { name: /^proces$/i }), { target: { value: 'ophalen' } });
    expect(onChange).toHaveBeenLastCalledWith({ ...filters, process: 'ophalen' });
    fireEvent.change(within(form).getByRole('combobox', { name: /^team$/i }), { target: { value: 'klantcontact' } });
    expect(onChange).toHaveBeenLastCalledWith({ ...filters, team: 'klantcontact' });
    fireEvent.change(within(form).getByRole('combobox', { name: /^status$/i }), { target: { value: 'closed' } });
    expect(onChange).toHaveBeenLastCalledWith({ ...filters, status: 'closed' });
    fireEvent.click(within(form).getByRole('checkbox', { name: /alleen mijn taken/i }));
    expect(onChange).toHaveBeenLastCalledWith({ ...filters, mine: true });
    fireEvent.click(within(form).getByRole('checkbox', { name: /alleen te laat/i }));
    expect(onChange).toHaveBeenLastCalledWith({ ...filters, overdue: true });
    fireEvent.change(within(form).getByRole('combobox', { name: /^sorteren op$/i }), {
      target: { value: 'received' },
    });
    expect(onChange).toHaveBeenLastCalledWith({ ...filters, sort: 'received' });
    expect(onChange).toHaveBeenCalledTimes(6);
  });
});

describe('TaskTable', () => {
  // Fields the schema always has are left out where the table has a fallback for them (a reference, a step title).
  const task = (over: Partial<Task>): Task =>
    ({
      id: 't',
      caseId: 'c0000000-0000',
      step: 'beoordeling',
      stepTitle: 'Beoordeling',
      kind: 'handoff',
      team: 'belastingen',
      status: 'open',
      assignee: null,
      dueAt: '2099-01-01T09:00:00Z',
      createdAt: '2026-03-02T09:00:00Z',
      rev: 1,
      process: { key: 'toeslag', title: 'Toeslag aanvragen' },
      ...over,
    }) as Task;
  const tasks = [
    task({ id: 'a', caseReference: 'Z-1', overdue: true, dueAt: '2026-03-01T09:00:00Z' }),
    task({ id: 'b', caseReference: 'Z-2', status: 'claimed', assignee: 'olaf' }),
    task({
      id: 'c',
      caseId: 'abcdef12-3456',
      status: 'claimed',
      assignee: 'otto',
      kind: 'contact',
      stepTitle: undefined,
      step: 'contact',
    }),
    task({
      id: 'd',
      caseReference: 'Z-4',
      proposal: { outcome: 'toekennen', proposedBy: 'otto', proposedAt: '2026-03-02T10:00:00Z' } as Task['proposal'],
    }),
  ];

  it('shows the tasks in the order given, each linked to its page, with what it is and whose it is', () => {
    renderInWorkspace(<TaskTable tasks={tasks} caption="Taken van belastingen" queue="?sort=received" />);
    const table = screen.getByRole('table', { name: 'Taken van belastingen' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getByRole('link').textContent)).toEqual(['Z-1', 'Z-2', 'abcdef12', 'Z-4']);
    expect(within(rows[0]).getByRole('link').getAttribute('href')).toMatch(/\/taken\/a\?sort=received$/);
    const cells = (r: HTMLElement) =>
      within(r)
        .getAllByRole('cell')
        .map((c) => c.textContent);
    expect(cells(rows[0])).toEqual([
      'Toeslag aanvragen',
      'Beoordeling',
      'Beoordeling',
      'belastingen',
      '2 mrt 2026, 10:00',
      expect.stringContaining('Te laat'),
      'Open',
    ]);
    expect(cells(rows[1])[6]).toBe('In behandeling bij u');
    expect(cells(rows[2]).slice(1, 3)).toEqual(['contact', 'Contactverzoek']);
    expect(cells(rows[2])[6]).toBe('In behandeling bij otto');
    expect(cells(rows[3])[6]).toBe('Wacht op goedkeuring');
    expect(cells(rows[1])[5]).not.toContain('Te laat');
  });
});
