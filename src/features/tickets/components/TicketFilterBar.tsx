import { Search, X } from 'lucide-react';
import { useEffect, useState, type RefObject } from 'react';
import { Button } from '../../../components/ui/Button.tsx';
import { SelectField } from '../../../components/ui/SelectField.tsx';
import { TextField } from '../../../components/ui/TextField.tsx';
import { CONTROL_CLASSES } from '../../../components/ui/field-styles.ts';
import {
  activeFilterCount, addFilterValue, CATEGORY_LABELS, emptyFilters, ME, NOBODY, PRIORITY_LABELS, removeFilterValue, SLA_LABELS,
  SORT_LABELS, SORTS, type ListFilters, type ListKey, type ListSort, type ListState,
} from '../tickets.utils.ts';

export interface Person {
  id: string;
  name: string;
  /** May hold tickets (offered as an assignee). */
  assignable: boolean;
}

export interface Named {
  id: string;
  name: string;
}

interface TicketFilterBarProps {
  state: ListState;
  people: Person[];
  teams: Named[];
  searchRef: RefObject<HTMLInputElement | null>;
  onChange: (next: ListState) => void;
}

const SEARCH_DELAY_MS = 300;

/** Labels of every filter value, for the chips. */
function chipLabel(key: ListKey, value: string, people: Person[], teams: Named[]): string {
  const person = () => (value === ME ? 'Me' : value === NOBODY ? 'Unassigned' : (people.find((p) => p.id === value)?.name ?? 'Former member'));
  switch (key) {
    case 'status': return `Status: ${CATEGORY_LABELS[value as keyof typeof CATEGORY_LABELS] ?? value}`;
    case 'priority': return `Priority: ${PRIORITY_LABELS[value as keyof typeof PRIORITY_LABELS] ?? value}`;
    case 'sla': return `SLA: ${SLA_LABELS[value as keyof typeof SLA_LABELS] ?? value}`;
    case 'assignee': return `Assignee: ${person()}`;
    case 'team': return `Team: ${value === NOBODY ? 'No team' : (teams.find((t) => t.id === value)?.name ?? 'Deleted team')}`;
    case 'tag': return `Tag: ${value}`;
  }
}

/** The search box (websearch syntax, debounced), filter pickers, sort and removable chips; all kept in the URL. */
export function TicketFilterBar({ state, people, teams, searchRef, onChange }: TicketFilterBarProps) {
  // What is typed, until the debounce writes it to the URL; a new URL query (a view opened) wins.
  const [draft, setDraft] = useState({ base: state.query, text: state.query });
  const query = draft.base === state.query ? draft.text : state.query;
  const setQuery = (text: string) => setDraft({ base: state.query, text });
  const [tag, setTag] = useState('');
  useEffect(() => {
    if (query === state.query) return;
    const timer = setTimeout(() => onChange({ ...state, query, viewId: undefined }), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [query, state, onChange]);

  const setFilters = (filters: ListFilters) => onChange({ ...state, filters, viewId: undefined });
  const add = (key: ListKey, value: string) => setFilters(addFilterValue(state.filters, key, value));
  const chips = (['status', 'priority', 'assignee', 'team', 'sla', 'tag'] as const).flatMap((key) => state.filters[key].map((value) => ({ key, value })));
  const searching = state.query.trim() !== '';

  return (
    <div className="mb-4 space-y-3">
      <form role="search" aria-label="Search tickets" onSubmit={(event) => event.preventDefault()} className="relative">
        <label htmlFor="ticket-search" className="sr-only">Search tickets</label>
        <Search aria-hidden className="pointer-events-none absolute left-3 top-2.5 h-4 w-4 text-slate-500" />
        <input id="ticket-search" ref={searchRef} type="search" value={query} maxLength={500} onChange={(event) => setQuery(event.target.value)}
          placeholder='Search: words, "exact phrase", -exclude, or' className={`${CONTROL_CLASSES} pl-9`} aria-describedby="ticket-search-hint" />
        <p id="ticket-search-hint" className="sr-only">Press slash to focus the search. Results are sorted by relevance while you search.</p>
      </form>
      <div className="grid gap-3 sm:grid-cols-3 lg:grid-cols-5">
        <SelectField label="Status" value="" onChange={(event) => add('status', event.target.value)}>
          <option value="">Add status…</option>
          {Object.entries(CATEGORY_LABELS).map(([value, label]) => <option key={value} value={value}>{label}</option>)}
        </SelectField>
        <SelectField label="Priority" value="" onChange={(event) => add('priority', event.target.value)}>
          <option value="">Add priority…</option>
          {Object.entries(PRIORITY_LABELS).map(([value, label]) => <option key={value} value={value}>{label}</option>)}
        </SelectField>
        <SelectField label="Assignee" value="" onChange={(event) => add('assignee', event.target.value)}>
          <option value="">Add assignee…</option>
          <option value={ME}>Me</option>
          <option value={NOBODY}>Unassigned</option>
          {people.filter((p) => p.assignable).map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
        </SelectField>
        <SelectField label="Team" value="" onChange={(event) => add('team', event.target.value)}>
          <option value="">Add team…</option>
          <option value={NOBODY}>No team</option>
          {teams.map((team) => <option key={team.id} value={team.id}>{team.name}</option>)}
        </SelectField>
        <SelectField label="SLA" value="" onChange={(event) => add('sla', event.target.value)}>
          <option value="">Add SLA state…</option>
          {Object.entries(SLA_LABELS).map(([value, label]) => <option key={value} value={value}>{label}</option>)}
        </SelectField>
        <form onSubmit={(event) => { event.preventDefault(); add('tag', tag.trim().toLowerCase()); setTag(''); }}>
          <TextField label="Tag" value={tag} maxLength={50} placeholder="Add tag, then Enter" onChange={(event) => setTag(event.target.value)} />
        </form>
        <TextField label="Created from" type="date" value={state.filters.from ?? ''} max={state.filters.to}
          onChange={(event) => setFilters({ ...state.filters, from: event.target.value || undefined })} />
        <TextField label="Created to" type="date" value={state.filters.to ?? ''} min={state.filters.from}
          onChange={(event) => setFilters({ ...state.filters, to: event.target.value || undefined })} />
        <SelectField label="Sort" value={searching ? '' : state.sort} disabled={searching}
          onChange={(event) => onChange({ ...state, sort: event.target.value as ListSort, viewId: undefined })}>
          {searching && <option value="">Relevance</option>}
          {SORTS.map((sort) => <option key={sort} value={sort}>{SORT_LABELS[sort]}</option>)}
        </SelectField>
      </div>
      {chips.length > 0 && (
        <ul aria-label="Active filters" className="flex flex-wrap items-center gap-2">
          {chips.map(({ key, value }) => (
            <li key={`${key}:${value}`}>
              <button type="button" onClick={() => setFilters(removeFilterValue(state.filters, key, value))}
                className="inline-flex items-center gap-1 rounded-full bg-brand-50 px-2.5 py-1 text-xs font-medium text-brand-700 hover:bg-brand-100 dark:bg-brand-900 dark:text-brand-100">
                {chipLabel(key, value, people, teams)}
                <X aria-hidden className="h-3 w-3" />
                <span className="sr-only">(remove)</span>
              </button>
            </li>
          ))}
          {activeFilterCount(state.filters) > 1 && (
            <li>
              <Button variant="ghost" size="sm" onClick={() => setFilters(emptyFilters())}>Clear filters</Button>
            </li>
          )}
        </ul>
      )}
    </div>
  );
}
