import { CheckCircle2, Clock, RotateCcw, Ticket, UserPlus, type LucideIcon } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import { toast } from 'sonner';
import { Badge } from '../../../components/ui/Badge.tsx';
import { Button, ButtonLink, buttonClasses } from '../../../components/ui/Button.tsx';
import { Menu, type MenuEntry } from '../../../components/ui/Menu.tsx';
import { useCan, useCurrentOrg } from '../../../hooks/use-current-org.ts';
import { useUserId } from '../../../hooks/use-session.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { useChatStaffQuery, useTeamsQuery } from '../api/chat-staff-query.ts';
import type { ConversationDetail } from '../api/conversation-query.ts';
import { useUpdateConversationMutation, type ConversationChanges } from '../api/conversation-update-mutation.ts';
import { useConvertToTicketMutation } from '../api/convert-to-ticket-mutation.ts';
import { AVAILABILITIES, contactLabel, snoozeUntil, ticketPath } from '../inbox.utils.ts';
import { SnoozeDialog } from './SnoozeDialog.tsx';

const STATUS_TONES = { open: 'brand', snoozed: 'warning', resolved: 'success' } as const;

/** Who the conversation is with, its state, and what agents do with it: assign, snooze, resolve, ticket. */
export function ConversationHeader({ conversation, resolveRequest }: { conversation: ConversationDetail; resolveRequest: number }) {
  const { org } = useCurrentOrg();
  const userId = useUserId();
  const canReply = useCan('conversations.reply');
  const canRaiseTickets = useCan('tickets.create');
  const update = useUpdateConversationMutation(org.id);
  const convert = useConvertToTicketMutation();
  const staff = useChatStaffQuery(org.id).data ?? [];
  const teams = useTeamsQuery(org.id).data ?? [];
  const [snoozing, setSnoozing] = useState(false);
  const name = contactLabel(conversation.contact);

  const change = (changes: ConversationChanges, done: string) =>
    update.mutate({ conversationId: conversation.id, changes }, { onSuccess: () => toast.success(done) });

  const handledResolve = useRef(resolveRequest);
  useEffect(() => {
    if (resolveRequest === handledResolve.current) return;
    handledResolve.current = resolveRequest;
    if (canReply && conversation.status !== 'resolved') change({ status: 'resolved' }, 'Conversation resolved');
  });

  const assignee = staff.find((agent) => agent.userId === conversation.assignee_id);
  const team = teams.find((item) => item.id === conversation.team_id);
  const assignEntries: MenuEntry[] = [
    { kind: 'action', label: 'Assign to me', onSelect: () => change({ assignee_id: userId }, 'Assigned to you') },
    { kind: 'heading', label: 'Agents' },
    ...staff.map(
      (agent): MenuEntry => ({
        kind: 'radio',
        label: `${agent.name} (${AVAILABILITIES.find((option) => option.value === agent.availability)?.label ?? agent.availability})`,
        checked: agent.userId === conversation.assignee_id,
        onSelect: () => change({ assignee_id: agent.userId }, `Assigned to ${agent.name}`),
      }),
    ),
    ...(conversation.assignee_id ? [{ kind: 'action', label: 'Unassign', onSelect: () => change({ assignee_id: null }, 'Unassigned') } as MenuEntry] : []),
    ...(teams.length
      ? [
          { kind: 'separator' } as MenuEntry,
          { kind: 'heading', label: 'Team' } as MenuEntry,
          ...teams.map(
            (item): MenuEntry => ({
              kind: 'radio',
              label: item.name,
              checked: item.id === conversation.team_id,
              onSelect: () => change({ team_id: item.id === conversation.team_id ? null : item.id }, item.id === conversation.team_id ? 'Team removed' : `Team: ${item.name}`),
            }),
          ),
        ]
      : []),
  ];
  const snoozeEntries: MenuEntry[] = [
    { kind: 'action', label: 'For an hour', onSelect: () => snooze(snoozeUntil('hour')) },
    { kind: 'action', label: 'Until tomorrow, 9:00', onSelect: () => snooze(snoozeUntil('tomorrow')) },
    { kind: 'action', label: 'Until next week', onSelect: () => snooze(snoozeUntil('next-week')) },
    { kind: 'action', label: 'Pick a time…', onSelect: () => setSnoozing(true) },
  ];
  function snooze(until: Date) {
    change({ status: 'snoozed', snoozed_until: until.toISOString() }, `Snoozed until ${formatDateTime(until)}`);
  }

  return (
    <header className="flex flex-wrap items-center gap-3 border-b border-slate-200 bg-white px-4 py-3 dark:border-slate-800 dark:bg-slate-900">
      <div className="min-w-0 flex-1">
        <h2 className="truncate text-base font-semibold text-slate-900 dark:text-slate-50">{name}</h2>
        <p className="flex flex-wrap items-center gap-2 text-xs text-slate-600 dark:text-slate-400">
          <Badge tone={STATUS_TONES[conversation.status]}>
            {conversation.status === 'snoozed' && conversation.snoozed_until ? `Snoozed until ${formatDateTime(conversation.snoozed_until)}` : conversation.status[0].toUpperCase() + conversation.status.slice(1)}
          </Badge>
          <span>{assignee ? `Assigned to ${assignee.userId === userId ? 'you' : assignee.name}` : 'Unassigned'}</span>
          {team && <span>· {team.name}</span>}
        </p>
      </div>
      {canReply && (
        <div className="flex flex-wrap items-center gap-2">
          <MenuButton label="Assign" icon={UserPlus} entries={assignEntries} />
          {conversation.status !== 'resolved' && <MenuButton label="Snooze" icon={Clock} entries={snoozeEntries} />}
          {conversation.ticket ? (
            <ButtonLink variant="secondary" size="sm" to={ticketPath(org.slug, conversation.ticket)}>
              <Ticket aria-hidden className="h-4 w-4" /> Ticket {conversation.ticket.number}
            </ButtonLink>
          ) : (
            canRaiseTickets && (
              <Button variant="secondary" size="sm" disabled={convert.isPending} onClick={() => convert.mutate(conversation.id)}>
                <Ticket aria-hidden className="h-4 w-4" /> {convert.isPending ? 'Creating ticket…' : 'Turn into ticket'}
              </Button>
            )
          )}
          {conversation.status === 'resolved' ? (
            <Button variant="secondary" size="sm" onClick={() => change({ status: 'open' }, 'Conversation reopened')}>
              <RotateCcw aria-hidden className="h-4 w-4" /> Reopen
            </Button>
          ) : (
            <Button size="sm" onClick={() => change({ status: 'resolved' }, 'Conversation resolved')}>
              <CheckCircle2 aria-hidden className="h-4 w-4" /> Resolve
            </Button>
          )}
        </div>
      )}
      <SnoozeDialog open={snoozing} onClose={() => setSnoozing(false)} onSnooze={(until) => (snooze(until), setSnoozing(false))} />
    </header>
  );
}

/** A header action that opens a menu, styled like the secondary buttons beside it. */
function MenuButton({ label, icon: Icon, entries }: { label: string; icon: LucideIcon; entries: MenuEntry[] }) {
  return (
    <Menu
      triggerLabel={label}
      entries={entries}
      triggerClassName={buttonClasses('secondary', 'sm')}
      trigger={
        <>
          <Icon aria-hidden className="h-4 w-4" /> {label}
        </>
      }
    />
  );
}
