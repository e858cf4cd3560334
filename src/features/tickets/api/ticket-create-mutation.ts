import { useMutation, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '../../../lib/errors.ts';
import { supabase } from '../../../lib/supabase.ts';
import type { Json, TablesInsert } from '../../../types/database.ts';
import { ticketKeys } from './keys.ts';

export interface NewTicketInput {
  orgId: string;
  subject: string;
  description: string;
  /** Left out: the database makes the caller the requester. */
  requesterId?: string;
  priority: 'urgent' | 'high' | 'medium' | 'low';
  category?: string;
  tags: string[];
  customFields: Record<string, Json>;
}

/** Raises a ticket; the database numbers it, checks the parties and validates the custom fields. */
export async function createTicket(input: NewTicketInput) {
  const row: TablesInsert<'tickets'> = {
    org_id: input.orgId,
    subject: input.subject,
    description: input.description,
    priority: input.priority,
    category: input.category || null,
    tags: input.tags,
    custom_fields: input.customFields,
    ...(input.requesterId ? { requester_id: input.requesterId } : {}),
  };
  return unwrap(await supabase.from('tickets').insert(row).select('id, number').single());
}

export function useCreateTicketMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createTicket,
    meta: { silentError: true },
    onSuccess: (_ticket, input) => queryClient.invalidateQueries({ queryKey: ticketKeys.lists(input.orgId) }),
  });
}
