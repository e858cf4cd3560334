/**
 * Indexes for the work queues: lists restricted to tickets still being worked (open, in progress,
 * waiting on the customer), as the default saved views and agents' filters ask for them.
 *
 * Why (measured by supabase/bench/tickets.ts, one organization with 1,000,000 tickets): the status
 * filter does not follow the newest-activity order. Old tickets are mostly resolved or closed, so a
 * filtered page read through (org_id, updated_at) scans most of the organization before it finds a
 * page of open tickets of one agent (1.4 s for "open or in progress, urgent or high, assigned to X";
 * the planner expects thousands of matches, there are a few dozen spread over two years). These
 * partial indexes hold only the few percent of tickets still being worked, in the list's order, so
 * such pages read a few dozen index entries, with or without RLS (1.4 s → 6 ms).
 *
 * Likewise "SLA breached" pages: about 2 % of the tickets, found through (org_id, sla_state) and then
 * sorted, or by walking (org_id, updated_at) past the resolved ones (70 ms either way). Tickets whose
 * clock needs attention (near_breach, breached) are indexed apart, in the list's order (1.6 ms).
 */

-- All active tickets by newest activity (Breached SLA, "open" status filters without an assignee).
create index tickets_active_updated_at_idx on public.tickets (org_id, updated_at desc, id desc)
  where status_category in ('open', 'in_progress', 'waiting_on_customer');

-- One agent's (or nobody's) active tickets by newest activity ("My open tickets", "Unassigned").
create index tickets_active_assignee_idx on public.tickets (org_id, assignee_id, updated_at desc, id desc)
  where status_category in ('open', 'in_progress', 'waiting_on_customer');

-- Tickets whose SLA needs attention, by newest activity ("Breached SLA", near-breach filters).
create index tickets_sla_attention_idx on public.tickets (org_id, sla_state, updated_at desc, id desc)
  where sla_state <> 'ok';
