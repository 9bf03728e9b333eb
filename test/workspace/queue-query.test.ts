import { describe, expect, test } from 'vitest';
import { filtersFrom, filtersQuery, tasksQuery } from '../../workspace/queue-query.js';

const teams = ['belastingen', 'klantcontact'];

describe('queue filters', () => {
  test('defaults: the first team, open and claimed tasks, nothing else', () => {
    const f = filtersFrom(new URLSearchParams(''), teams);
    expect(f).toEqual({ team: 'belastingen', status: 'active', process: '', mine: false, overdue: false });
    expect(filtersQuery(f, teams)).toBe('');
    expect(tasksQuery(f)).toBe('team=belastingen&status=active');
  });

  test('the address keeps every filter and the API gets its own names', () => {
    const f = { team: 'klantcontact', status: 'open', process: 'toeslag', mine: true, overdue: true };
    const query = filtersQuery(f, teams);
    expect(query).toBe('?team=klantcontact&status=open&process=toeslag&mine=1&overdue=1');
    expect(filtersFrom(new URLSearchParams(query), teams)).toEqual(f);
    expect(tasksQuery(f)).toBe('team=klantcontact&status=open&process=toeslag&assignee=me&overdue=true');
  });

  test('a team that is not yours falls back to your first team', () => {
    expect(filtersFrom(new URLSearchParams('team=ander'), teams).team).toBe('belastingen');
  });
});
