import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useState } from 'react';
import { Spinner } from '../../../components/ui/Spinner.tsx';
import { TextField } from '../../../components/ui/TextField.tsx';
import { useCurrentOrg } from '../../../hooks/use-current-org.ts';
import { searchTickets } from '../api/conversation-queries.ts';
import { ticketDetailKeys } from '../api/keys.ts';

export interface PickedTicket {
  id: string;
  number: string;
  subject: string;
}

/** Finds another ticket of the organization by number or subject and lets the user choose one. */
export function TicketPicker({ excludeId, picked, onPick }: { excludeId: string; picked: PickedTicket | null; onPick: (ticket: PickedTicket) => void }) {
  const { org } = useCurrentOrg();
  const groupName = useId();
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQuery(text.trim()), 250);
    return () => clearTimeout(timer);
  }, [text]);
  const results = useQuery({
    queryKey: ticketDetailKeys.search(org.id, query),
    queryFn: ({ signal }) => searchTickets(org.id, query, excludeId, signal),
    enabled: query.length >= 2,
  });
  return (
    <div className="space-y-2">
      <TextField label="Find a ticket" hint="Type part of its number or subject." value={text} onChange={(event) => setText(event.target.value)} autoFocus />
      {results.isFetching && <Spinner inline label="Searching" />}
      {results.isError && <p className="text-sm text-red-700 dark:text-red-400">{results.error.message}</p>}
      {results.data && results.data.length === 0 && <p className="text-sm text-slate-600 dark:text-slate-400">No ticket matches “{query}”.</p>}
      {results.data && results.data.length > 0 && (
        <fieldset>
          <legend className="sr-only">Matching tickets</legend>
          <ul className="max-h-56 space-y-1 overflow-y-auto">
            {results.data.map((ticket) => (
              <li key={ticket.id}>
                <label className="flex cursor-pointer items-start gap-2 rounded px-2 py-1.5 text-sm hover:bg-slate-50 dark:hover:bg-slate-800">
                  <input type="radio" name={groupName} checked={picked?.id === ticket.id} onChange={() => onPick(ticket)} className="mt-1 accent-brand-600" />
                  <span className="min-w-0">
                    <span className="font-mono text-xs text-slate-600 dark:text-slate-400">{ticket.number}</span>
                    <span className="block truncate text-slate-900 dark:text-slate-100">{ticket.subject}</span>
                  </span>
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
      )}
    </div>
  );
}
