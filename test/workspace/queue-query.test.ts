import { describe, expect, test } from 'vitest';
import { filtersFrom, filtersQuery, nextTask, nextTaskQuery, tasksQuery } from '../../workspace/queue-query.js';

const teams = ['belastingen', 'klantcontact'];

describe('queue filters', () => {
  test('defaults: all my teams, open and claimed tasks, by deadline, nothing else', () => {
    const f = filtersFrom(new URLSearchParams(''), teams);
    expect(f).toEqual({ team: '', status: 'active', process: '', mine: false, overdue: false, sort: 'deadline' });
    expect(filtersQuery(f)).toBe('');
    // No team: the API answers for every team of the official.
    expect(tasksQuery(f)).toBe('status=active');
  });

  test('the address keeps every filter and the order together, and the API gets its own names', () => {
    const f = {
      team: 'klantcontact',
      status: 'open',
      process: 'toeslag',
      mine: true,
      overdue: true,
      sort: 'received' as const,
    };
    const query = filtersQuery(f);
    expect(query).toBe('?team=klantcontact&status=open&process=toeslag&mine=1&overdue=1&sort=received');
    expect(filtersFrom(new URLSearchParams(query), teams)).toEqual(f);
    expect(tasksQuery(f)).toBe('status=open&team=klantcontact&process=toeslag&assignee=me&overdue=true&sort=received');
    // "Next task" keeps the queue and its order, but asks only for tasks still to do.
    expect(nextTaskQuery(f)).toBe(
      'status=active&team=klantcontact&process=toeslag&assignee=me&overdue=true&sort=received',
    );
  });

  test('a team that is not yours, or an unknown order, falls back to the default', () => {
    expect(filtersFrom(new URLSearchParams('team=ander'), teams).team).toBe('');
    expect(filtersFrom(new URLSearchParams('sort=name'), teams).sort).toBe('deadline');
    expect(filtersFrom(new URLSearchParams('sort=-received'), teams).sort).toBe('-received');
  });

  test('the next task: the first open one, or one I hold, never the one just done, my own proposal or one somebody else holds', () => {
    const list = [
      { id: 'done', status: 'claimed', assignee: 'ann' },
      { id: 'proposed', status: 'claimed', assignee: 'ann', proposal: { proposedBy: 'ann' } },
      { id: 'bobs', status: 'claimed', assignee: 'bob' },
      { id: 'open', status: 'open', assignee: null },
      { id: 'later', status: 'open', assignee: null },
    ];
    expect(nextTask(list, 'done', 'ann')?.id).toBe('open');
    expect(nextTask(list, 'done', 'bob')?.id).toBe('bobs');
    expect(nextTask([list[0]], 'done', 'ann')).toBeUndefined();
  });
});
