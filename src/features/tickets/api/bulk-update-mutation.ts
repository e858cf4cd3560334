import { useMutation, useQueryClient } from '@tanstack/react-query';
import { toast } from 'sonner';
import { toAppError } from '../../../lib/errors.ts';
import { supabase } from '../../../lib/supabase.ts';
import type { TablesUpdate } from '../../../types/database.ts';
import { ticketKeys } from './keys.ts';

export interface BulkTarget {
  id: string;
  number: string;
  tags: string[];
}

export type BulkChange =
  | { kind: 'assign'; assigneeId: string | null }
  | { kind: 'status'; statusId: string }
  | { kind: 'priority'; priority: 'urgent' | 'high' | 'medium' | 'low' }
  | { kind: 'tag'; tag: string };

export interface BulkFailure {
  number: string;
  message: string;
}

export interface BulkOutcome {
  updated: number;
  failures: BulkFailure[];
}

function patchFor(change: BulkChange, ticket: BulkTarget): TablesUpdate<'tickets'> {
  switch (change.kind) {
    case 'assign':
      return { assignee_id: change.assigneeId };
    case 'status':
      return { status_id: change.statusId };
    case 'priority':
      return { priority: change.priority };
    case 'tag':
      return { tags: [...new Set([...ticket.tags, change.tag])] };
  }
}

/**
 * Applies one change to each ticket on its own, so the database's lifecycle and permission rules
 * judge every ticket: one illegal move does not stop the others, and its sentence is kept.
 */
export async function bulkUpdate({ tickets, change }: { orgId: string; tickets: BulkTarget[]; change: BulkChange }): Promise<BulkOutcome> {
  const results = await Promise.all(
    tickets.map(async (ticket) => {
      const { data, error } = await supabase.from('tickets').update(patchFor(change, ticket)).eq('id', ticket.id).select('id');
      if (error) return { number: ticket.number, message: toAppError(error).message };
      return data.length ? null : { number: ticket.number, message: 'You cannot change this ticket.' };
    }),
  );
  const failures = results.filter((result): result is BulkFailure => result !== null);
  return { updated: tickets.length - failures.length, failures };
}

export function useBulkUpdateMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: bulkUpdate,
    onSuccess: ({ updated, failures }) => {
      if (updated) toast.success(updated === 1 ? '1 ticket updated' : `${updated} tickets updated`);
      for (const failure of failures) toast.error(`${failure.number}: ${failure.message}`);
    },
    onSettled: (_outcome, _error, input) => queryClient.invalidateQueries({ queryKey: ticketKeys.lists(input.orgId) }),
  });
}
