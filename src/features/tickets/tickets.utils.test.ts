import { describe, expect, it } from 'vitest';
import {
  addFilterValue, emptyFilters, listFilters, nextDay, paramsFromState, removeFilterValue, sameSearch, searchFilters, searchSort,
  stateFromParams, stateFromView, type ListState,
} from './tickets.utils.ts';

const state = (overrides: Partial<ListState> = {}): ListState => ({ query: '', sort: 'updated_desc', filters: emptyFilters(), ...overrides });

describe('ticket list state', () => {
  it('round-trips through the URL, leaving defaults out', () => {
    const original = state({ query: 'printer -toner', sort: 'priority', viewId: 'v1',
      filters: { ...emptyFilters(), status: ['open', 'in_progress'], assignee: ['me'], tag: ['vip'], from: '2026-11-01', to: '2026-11-21' } });
    const params = paramsFromState(original);
    expect(params.toString()).toBe('view=v1&q=printer+-toner&sort=priority&status=open&status=in_progress&assignee=me&tag=vip&from=2026-11-01&to=2026-11-21');
    expect(stateFromParams(params)).toEqual(original);
    expect(paramsFromState(state()).toString()).toBe('');
    expect(stateFromParams(new URLSearchParams('sort=random()')).sort).toBe('updated_desc');
  });

  it.each([
    [{ status: ['open'] }, { status_category: 'open' }],
    [{ priority: ['urgent', 'high'] }, { priority: ['urgent', 'high'] }],
    [{ assignee: ['none'] }, { assignee_id: null }],
    [{ assignee: ['me'] }, { assignee_id: 'me' }],
    [{ team: ['none'] }, { team_id: null }],
    [{ sla: ['breached'] }, { sla_state: 'breached' }],
    [{ from: '2026-11-01', to: '2026-11-30' }, { created_from: '2026-11-01', created_to: '2026-12-01' }],
  ])('maps %j to search_tickets filters %j and back', (partial, expected) => {
    const filters = { ...emptyFilters(), ...partial };
    expect(searchFilters(filters)).toEqual(expected);
    expect(listFilters(searchFilters(filters))).toEqual(filters);
  });

  it('opens a saved view and recognises it until something changes', () => {
    const view = { id: 'v1', query: null, sort: 'priority', filters: { assignee_id: null, status_category: ['open', 'in_progress'] } };
    const opened = stateFromView(view);
    expect(opened.filters.assignee).toEqual(['none']);
    expect(sameSearch(opened, stateFromView(view))).toBe(true);
    expect(sameSearch(opened, { ...opened, sort: 'created_desc' })).toBe(false);
    expect(sameSearch(opened, { ...opened, filters: addFilterValue(opened.filters, 'tag', 'vip') })).toBe(false);
  });

  it('keeps "none" exclusive of other people and sorts searches by relevance', () => {
    const withMe = addFilterValue(emptyFilters(), 'assignee', 'me');
    expect(addFilterValue(withMe, 'assignee', 'none').assignee).toEqual(['none']);
    expect(addFilterValue(addFilterValue(withMe, 'assignee', 'none'), 'assignee', 'u1').assignee).toEqual(['u1']);
    expect(removeFilterValue(withMe, 'assignee', 'me').assignee).toEqual([]);
    expect(searchSort(state({ query: '  ', sort: 'priority' }))).toBe('priority');
    expect(searchSort(state({ query: 'vpn', sort: 'priority' }))).toBe('relevance');
    expect(nextDay('2026-12-31')).toBe('2027-01-01');
  });
});
