import { Bookmark, Download, Keyboard, Plus, Ticket } from 'lucide-react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { Alert } from '../../../components/ui/Alert.tsx';
import { Button, ButtonLink } from '../../../components/ui/Button.tsx';
import { PageHeader } from '../../../components/ui/Card.tsx';
import { EmptyState } from '../../../components/ui/EmptyState.tsx';
import { ShortcutsDialog } from '../../../components/ui/ShortcutsDialog.tsx';
import { SkeletonRows } from '../../../components/ui/Skeleton.tsx';
import { useCan, useCurrentOrg } from '../../../hooks/use-current-org.ts';
import { useUserId } from '../../../hooks/use-session.ts';
import { useBulkUpdateMutation, type BulkChange } from '../api/bulk-update-mutation.ts';
import type { TicketSearch } from '../api/keys.ts';
import { useSavedViewsQuery, type SavedView } from '../api/saved-views-query.ts';
import { useExportTicketsMutation } from '../api/ticket-export.ts';
import { useTicketListQuery } from '../api/ticket-list-query.ts';
import { useStatusesQuery, useTeamsQuery } from '../api/ticket-lookups-query.ts';
import { useLiveTickets } from '../api/use-live-tickets.ts';
import {
  activeFilterCount, emptyFilters, paramsFromState, sameSearch, searchFilters, searchSort, stateFromParams, stateFromView, type ListState,
} from '../tickets.utils.ts';
import { BulkActionBar } from './BulkActionBar.tsx';
import { SavedViewsNav } from './SavedViewsNav.tsx';
import { SaveViewDialog } from './SaveViewDialog.tsx';
import { TicketFilterBar, type Person } from './TicketFilterBar.tsx';
import { TicketRow } from './TicketRow.tsx';
import { LIST_SHORTCUTS, useListShortcuts } from './use-list-shortcuts.ts';

const NONE: ReadonlySet<string> = new Set();

/** The helpdesk's ticket list: views, search, filters and sort in the URL, bulk actions, shortcuts, live rows. */
export function TicketListPage({ people }: { people: Person[] }) {
  const { org } = useCurrentOrg();
  const userId = useUserId();
  const navigate = useNavigate();
  const canCreate = useCan('tickets.create');
  const [params, setParams] = useSearchParams();
  const state = useMemo(() => stateFromParams(params), [params]);
  const setState = useCallback((next: ListState) => setParams(paramsFromState(next), { replace: true }), [setParams]);
  const search = useMemo<TicketSearch>(() => ({ query: state.query.trim(), filters: searchFilters(state.filters), sort: searchSort(state) }), [state]);

  const list = useTicketListQuery(org.id, search);
  const views = useSavedViewsQuery(org.id);
  const statusesQuery = useStatusesQuery(org.id);
  const statuses = useMemo(() => statusesQuery.data ?? [], [statusesQuery.data]);
  const teams = useTeamsQuery(org.id).data ?? [];
  const cues = useLiveTickets(org.id, userId);
  const bulk = useBulkUpdateMutation();
  const exporter = useExportTicketsMutation();

  const tickets = useMemo(() => list.data?.pages.flat() ?? [], [list.data]);
  const [activeIndex, setActiveIndex] = useState(0);
  // A selection belongs to one search: another search starts with none.
  const searchKey = JSON.stringify(search);
  const [selection, setSelection] = useState<{ key: string; ids: ReadonlySet<string> }>({ key: searchKey, ids: new Set() });
  const selected = selection.key === searchKey ? selection.ids : NONE;
  const setSelected = (update: ReadonlySet<string> | ((current: ReadonlySet<string>) => ReadonlySet<string>)) =>
    setSelection((current) => ({ key: searchKey, ids: typeof update === 'function' ? update(current.key === searchKey ? current.ids : NONE) : update }));
  const [helpOpen, setHelpOpen] = useState(false);
  const [saveOpen, setSaveOpen] = useState(false);
  const focusAssignWhenSelected = useRef(false);
  const searchRef = useRef<HTMLInputElement>(null);
  const assignRef = useRef<HTMLSelectElement>(null);
  const moreRef = useRef<HTMLDivElement>(null);

  const names = useMemo(() => new Map(people.map((person) => [person.id, person.name])), [people]);
  const statusNames = useMemo(() => new Map(statuses.map((status) => [status.id, status.name])), [statuses]);
  const currentView = views.data?.find((view) => view.id === state.viewId && sameSearch(stateFromView(view), state));
  const active = tickets[Math.min(activeIndex, tickets.length - 1)];
  const hrefOf = (number: string) => `/o/${org.slug}/tickets/${encodeURIComponent(number)}`;

  useEffect(() => {
    document.querySelector('tr[data-active]')?.scrollIntoView({ block: 'nearest' });
  }, [activeIndex]);
  useEffect(() => {
    if (focusAssignWhenSelected.current && selected.size > 0) {
      focusAssignWhenSelected.current = false;
      assignRef.current?.focus();
    }
  }, [selected]);

  // Infinite scroll: the next page loads as the end of the list comes into view (the button stays for keyboards).
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = list;
  useEffect(() => {
    const sentinel = moreRef.current;
    if (!sentinel || !hasNextPage) return;
    const observer = new IntersectionObserver(([entry]) => {
      if (entry?.isIntersecting && !isFetchingNextPage) void fetchNextPage();
    }, { rootMargin: '200px' });
    observer.observe(sentinel);
    return () => observer.disconnect();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);

  const toggle = (id: string, on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const openView = (view: SavedView | null) => {
    setActiveIndex(0);
    setState(view ? stateFromView(view) : { query: '', sort: 'updated_desc', filters: emptyFilters() });
  };
  const apply = (change: BulkChange) => {
    const targets = tickets.filter((ticket) => selected.has(ticket.id!)).map((ticket) => ({ id: ticket.id!, number: ticket.number!, tags: ticket.tags ?? [] }));
    bulk.mutate({ orgId: org.id, tickets: targets, change }, { onSuccess: ({ failures }) => failures.length === 0 && setSelected(new Set()) });
  };

  useListShortcuts({
      next: () => setActiveIndex((index) => Math.min(index + 1, Math.max(tickets.length - 1, 0))),
      previous: () => setActiveIndex((index) => Math.max(index - 1, 0)),
      open: () => active && navigate(hrefOf(active.number!)),
      toggleSelection: () => active && toggle(active.id!, !selected.has(active.id!)),
      assign: () => {
        if (selected.size > 0) return assignRef.current?.focus();
        if (!active) return;
        focusAssignWhenSelected.current = true;
        toggle(active.id!, true);
      },
      reply: () => active && navigate(`${hrefOf(active.number!)}?reply=1`, { state: { focusReply: true } }),
      search: () => searchRef.current?.focus(),
      help: () => setHelpOpen(true),
  });

  const filtered = activeFilterCount(state.filters) > 0 || state.query.trim() !== '';
  const allSelected = tickets.length > 0 && tickets.every((ticket) => selected.has(ticket.id!));

  return (
    <>
      <div>
        <PageHeader
          title={currentView?.name ?? 'Tickets'}
          description={currentView ? (currentView.user_id === null ? 'A shared view.' : 'One of your views.') : 'Every ticket you may see, newest activity first.'}
          actions={
            <div className="flex flex-wrap gap-2">
              <Button variant="ghost" onClick={() => setHelpOpen(true)}>
                <Keyboard aria-hidden className="h-4 w-4" />
                Shortcuts
              </Button>
              <Button variant="secondary" onClick={() => setSaveOpen(true)} disabled={Boolean(currentView)}>
                <Bookmark aria-hidden className="h-4 w-4" />
                Save view
              </Button>
              <Button variant="secondary" onClick={() => exporter.mutate({ orgId: org.id, search })} disabled={exporter.isPending}>
                <Download aria-hidden className="h-4 w-4" />
                {exporter.isPending ? 'Exporting…' : 'Export CSV'}
              </Button>
              {canCreate && (
                <ButtonLink to={`/o/${org.slug}/tickets/new`}>
                  <Plus aria-hidden className="h-4 w-4" />
                  New ticket
                </ButtonLink>
              )}
            </div>
          }
        />
        {views.isError ? <Alert>{views.error.message}</Alert> : (
          <SavedViewsNav views={views.data ?? []} currentId={currentView?.id} onOpen={openView}
            allCurrent={!currentView && !filtered && state.sort === 'updated_desc'} />
        )}
        <TicketFilterBar state={state} people={people} teams={teams} searchRef={searchRef} onChange={setState} />
        {selected.size > 0 && (
          <BulkActionBar count={selected.size} people={people} statuses={statuses} busy={bulk.isPending} assignRef={assignRef}
            onApply={apply} onClear={() => setSelected(new Set())} />
        )}
        {list.isPending && <SkeletonRows rows={6} label="tickets" />}
        {list.isError && (
          <Alert title="The tickets could not be loaded">
            {list.error.message}{' '}
            <button type="button" className="font-medium underline" onClick={() => void list.refetch()}>Try again</button>
          </Alert>
        )}
        {list.isSuccess && tickets.length === 0 && (
          <EmptyState icon={Ticket} title={filtered ? 'No tickets match' : 'No tickets yet'}
            action={filtered ? <Button variant="secondary" onClick={() => openView(null)}>Show all tickets</Button>
              : canCreate && <ButtonLink to={`/o/${org.slug}/tickets/new`}>Raise the first ticket</ButtonLink>}>
            {filtered ? 'Try other words or fewer filters.' : 'Tickets raised by customers, by email or from chats appear here.'}
          </EmptyState>
        )}
        {tickets.length > 0 && (
          <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
            <table className="w-full text-left">
              <caption className="sr-only">Tickets. Press question mark for keyboard shortcuts.</caption>
              <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-600 dark:bg-slate-800/60 dark:text-slate-300">
                <tr>
                  <th scope="col" className="w-10 px-3 py-2">
                    <input type="checkbox" className="h-4 w-4 accent-brand-600" aria-label="Select every ticket shown" checked={allSelected}
                      onChange={(event) => setSelected(event.target.checked ? new Set(tickets.map((ticket) => ticket.id!)) : new Set())} />
                  </th>
                  <th scope="col" className="px-3 py-2">Ticket</th>
                  <th scope="col" className="px-3 py-2">Status</th>
                  <th scope="col" className="px-3 py-2">Priority</th>
                  <th scope="col" className="px-3 py-2">SLA</th>
                  <th scope="col" className="px-3 py-2">Assignee</th>
                  <th scope="col" className="px-3 py-2">Updated</th>
                </tr>
              </thead>
              <tbody>
                {tickets.map((ticket, index) => {
                  const cue = cues.get(ticket.id!);
                  return (
                    <TicketRow key={ticket.id} ticket={ticket} href={hrefOf(ticket.number!)} active={ticket === active} selected={selected.has(ticket.id!)}
                      statusName={statusNames.get(ticket.status_id!) ?? ''}
                      requesterName={ticket.requester_id ? (names.get(ticket.requester_id) ?? 'Unknown requester') : 'No requester'}
                      assigneeName={ticket.assignee_id ? (names.get(ticket.assignee_id) ?? 'Former member') : null}
                      cue={cue ? { who: cue.byUserId ? (names.get(cue.byUserId) ?? 'someone') : 'the system', operation: cue.operation } : null}
                      onSelect={(on) => toggle(ticket.id!, on)} onFocus={() => setActiveIndex(index)} />
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
        {list.hasNextPage && (
          <div ref={moreRef} className="mt-4 flex justify-center">
            <Button variant="secondary" onClick={() => void list.fetchNextPage()} disabled={list.isFetchingNextPage}>
              {list.isFetchingNextPage ? 'Loading…' : 'Load more tickets'}
            </Button>
          </div>
        )}
      </div>
      <ShortcutsDialog open={helpOpen} shortcuts={LIST_SHORTCUTS} onClose={() => setHelpOpen(false)} />
      <SaveViewDialog open={saveOpen} state={state} position={views.data?.filter((view) => view.user_id !== null).length ?? 0}
        onClose={() => setSaveOpen(false)}
        onSaved={(viewId) => {
          setSaveOpen(false);
          setState({ ...state, viewId });
        }} />
    </>
  );
}
