/** Pure helpers of the ticket list: URL ⇄ filters ⇄ search_tickets arguments (tested beside this file). */

export const STATUS_CATEGORIES = ['open', 'in_progress', 'waiting_on_customer', 'resolved', 'closed'] as const;
export const PRIORITIES = ['urgent', 'high', 'medium', 'low'] as const;
export const SLA_STATES = ['ok', 'near_breach', 'breached'] as const;
export const SORTS = ['updated_desc', 'updated_asc', 'created_desc', 'created_asc', 'priority'] as const;

export type StatusCategory = (typeof STATUS_CATEGORIES)[number];
export type Priority = (typeof PRIORITIES)[number];
export type SlaState = (typeof SLA_STATES)[number];
export type ListSort = (typeof SORTS)[number];
export type ViewSort = ListSort | 'relevance';

export const CATEGORY_LABELS: Record<StatusCategory, string> = {
  open: 'Open',
  in_progress: 'In progress',
  waiting_on_customer: 'Waiting on customer',
  resolved: 'Resolved',
  closed: 'Closed',
};
export const PRIORITY_LABELS: Record<Priority, string> = { urgent: 'Urgent', high: 'High', medium: 'Medium', low: 'Low' };
export const SLA_LABELS: Record<SlaState, string> = { ok: 'On track', near_breach: 'Near breach', breached: 'Breached' };
export const SORT_LABELS: Record<ListSort, string> = {
  updated_desc: 'Recently updated',
  updated_asc: 'Least recently updated',
  created_desc: 'Newest',
  created_asc: 'Oldest',
  priority: 'Priority',
};

/** A person filter: "me" (whoever looks), "none" (unassigned; assignee only) or a user id. */
export const ME = 'me';
export const NOBODY = 'none';

/** The list's state as the URL holds it (every value a list, except the search and dates). */
export interface ListFilters {
  status: string[];
  priority: string[];
  assignee: string[];
  team: string[];
  tag: string[];
  sla: string[];
  from?: string;
  to?: string;
}

export interface ListState {
  query: string;
  sort: ListSort;
  viewId?: string;
  filters: ListFilters;
}

export type SearchFilters = Record<string, string | string[] | null>;

const LIST_KEYS = ['status', 'priority', 'assignee', 'team', 'tag', 'sla'] as const;
export type ListKey = (typeof LIST_KEYS)[number];

const isSort = (value: string | null): value is ListSort => SORTS.includes(value as ListSort);

export const emptyFilters = (): ListFilters => ({ status: [], priority: [], assignee: [], team: [], tag: [], sla: [] });

/** Reads the list's state from URL search parameters (unknown values are kept: the database judges them). */
export function stateFromParams(params: URLSearchParams): ListState {
  const filters = emptyFilters();
  for (const key of LIST_KEYS) filters[key] = [...new Set(params.getAll(key).filter(Boolean))];
  const from = params.get('from');
  const to = params.get('to');
  if (from) filters.from = from;
  if (to) filters.to = to;
  const sort = params.get('sort');
  return { query: params.get('q') ?? '', sort: isSort(sort) ? sort : 'updated_desc', viewId: params.get('view') ?? undefined, filters };
}

/** Writes the list's state as URL search parameters (defaults left out). */
export function paramsFromState(state: ListState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.viewId) params.set('view', state.viewId);
  if (state.query) params.set('q', state.query);
  if (state.sort !== 'updated_desc') params.set('sort', state.sort);
  for (const key of LIST_KEYS) for (const value of state.filters[key]) params.append(key, value);
  if (state.filters.from) params.set('from', state.filters.from);
  if (state.filters.to) params.set('to', state.filters.to);
  return params;
}

/** The day after a yyyy-mm-dd date, for the exclusive `created_to` bound. */
export function nextDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return day;
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

function previousDay(day: string): string {
  const date = new Date(`${day.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return day;
  date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
}

const oneOrMany = (values: string[]) => (values.length === 1 ? values[0] : values);

/** search_tickets' `filters` for the list's filters ("none" becomes null: unassigned / no team). */
export function searchFilters(filters: ListFilters): SearchFilters {
  const result: SearchFilters = {};
  const put = (key: string, values: string[]) => {
    if (values.length) result[key] = oneOrMany(values);
  };
  put('status_category', filters.status);
  put('priority', filters.priority);
  if (filters.assignee.includes(NOBODY)) result.assignee_id = null;
  else put('assignee_id', filters.assignee);
  if (filters.team.includes(NOBODY)) result.team_id = null;
  else put('team_id', filters.team);
  put('tag', filters.tag);
  put('sla_state', filters.sla);
  if (filters.from) result.created_from = filters.from;
  if (filters.to) result.created_to = nextDay(filters.to);
  return result;
}

const asList = (value: unknown): string[] =>
  value === undefined ? [] : (Array.isArray(value) ? value : [value]).filter((item): item is string => typeof item === 'string');

/** The list's filters for a saved view's `filters` (the inverse of searchFilters). */
export function listFilters(saved: Record<string, unknown>): ListFilters {
  const filters = emptyFilters();
  filters.status = asList(saved.status_category);
  filters.priority = asList(saved.priority);
  filters.assignee = saved.assignee_id === null ? [NOBODY] : asList(saved.assignee_id);
  filters.team = saved.team_id === null ? [NOBODY] : asList(saved.team_id);
  filters.tag = asList(saved.tag);
  filters.sla = asList(saved.sla_state);
  if (typeof saved.created_from === 'string') filters.from = saved.created_from.slice(0, 10);
  if (typeof saved.created_to === 'string') filters.to = previousDay(saved.created_to);
  return filters;
}

/** The state a saved view opens with. */
export function stateFromView(view: { id: string; query: string | null; filters: unknown; sort: string | null }): ListState {
  const saved = view.filters && typeof view.filters === 'object' ? (view.filters as Record<string, unknown>) : {};
  return { viewId: view.id, query: view.query ?? '', sort: isSort(view.sort) ? view.sort : 'updated_desc', filters: listFilters(saved) };
}

/** Whether the list shows exactly what a view saved (so the view stays highlighted). */
export function sameSearch(a: ListState, b: ListState): boolean {
  const key = (state: ListState) => paramsFromState({ ...state, viewId: undefined, query: state.query.trim() }).toString();
  return key(a) === key(b);
}

/** How many filter values are set (for "Clear filters"). */
export function activeFilterCount(filters: ListFilters): number {
  return LIST_KEYS.reduce((count, key) => count + filters[key].length, 0) + (filters.from ? 1 : 0) + (filters.to ? 1 : 0);
}

/** Adds a value to one filter list; "none" and other values exclude each other. */
export function addFilterValue(filters: ListFilters, key: ListKey, value: string): ListFilters {
  const current = filters[key];
  if (!value || current.includes(value)) return filters;
  const next = value === NOBODY ? [NOBODY] : [...current.filter((item) => item !== NOBODY), value];
  return { ...filters, [key]: next };
}

export function removeFilterValue(filters: ListFilters, key: ListKey, value: string): ListFilters {
  return { ...filters, [key]: filters[key].filter((item) => item !== value) };
}

/** The sort search_tickets takes: relevance whenever there is a search. */
export function searchSort(state: ListState): ViewSort {
  return state.query.trim() ? 'relevance' : state.sort;
}

/** Whether a key press happened while typing (shortcuts then stay out of the way). */
export function isTyping(target: EventTarget | null): boolean {
  if (typeof HTMLElement === 'undefined' || !(target instanceof HTMLElement)) return false;
  if (target instanceof HTMLInputElement) return !['checkbox', 'radio', 'button', 'submit'].includes(target.type);
  return target.isContentEditable || ['TEXTAREA', 'SELECT'].includes(target.tagName);
}
