import { ArrowLeft, SearchX } from 'lucide-react';
import { useParams } from 'react-router-dom';
import { Alert } from '../../../components/ui/Alert.tsx';
import { ButtonLink } from '../../../components/ui/Button.tsx';
import { Card, PageHeader } from '../../../components/ui/Card.tsx';
import { EmptyState } from '../../../components/ui/EmptyState.tsx';
import { SkeletonRows } from '../../../components/ui/Skeleton.tsx';
import { useCurrentOrg } from '../../../hooks/use-current-org.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { useConversationQuery } from '../api/conversation-query.ts';
import { useStatusesQuery } from '../api/statuses-query.ts';
import { usePortalTicketQuery } from '../api/ticket-query.ts';
import { useLiveTicket } from '../api/use-live-ticket.ts';
import { AttachmentList, ConversationList } from './ConversationList.tsx';
import { ReplyForm } from './ReplyForm.tsx';
import { ResolvedActions } from './ResolvedActions.tsx';
import { StatusBadge } from './StatusBadge.tsx';

/** `/o/:slug/portal/tickets/:ref`: one ticket's public conversation, updated live, with reply, reopen and close. */
export function PortalTicketPage() {
  const { org } = useCurrentOrg();
  const ref = useParams().ref ?? '';
  const ticket = usePortalTicketQuery(org.id, ref);
  const conversation = useConversationQuery(ticket.data?.id);
  const statuses = useStatusesQuery(org.id);
  useLiveTicket(ticket.data?.id);
  const back = <ButtonLink variant="ghost" size="sm" to="../.." relative="path"><ArrowLeft aria-hidden className="h-4 w-4" /> All your tickets</ButtonLink>;

  if (ticket.isPending) return <SkeletonRows rows={4} label="the ticket" />;
  if (ticket.isError) return <Alert>{ticket.error.message}</Alert>;
  if (!ticket.data) {
    return <EmptyState icon={SearchX} titleAs="h1" title="Ticket not found" action={back}>There is no ticket {ref} among yours.</EmptyState>;
  }
  const current = ticket.data;
  const ticketFiles = conversation.data?.files.filter((file) => file.comment_id === null) ?? [];
  return (
    <>
      <div className="mb-2">{back}</div>
      <PageHeader title={current.subject} description={`${current.number} · raised ${formatDateTime(current.created_at)}`}
        actions={<StatusBadge statusId={current.status_id} category={current.status_category} statuses={statuses.data} />} />
      <div className="space-y-6">
        {current.status_category === 'resolved' && statuses.data && <ResolvedActions ticket={current} statuses={statuses.data} />}
        {current.status_category === 'closed' && <Alert tone="info">This ticket is closed. Raise a new ticket if you need more help.</Alert>}
        <Card title="Your request">
          <p className="whitespace-pre-wrap break-words text-sm text-slate-900 dark:text-slate-100">{current.description}</p>
          {ticketFiles.length > 0 && <AttachmentList files={ticketFiles} />}
        </Card>
        <Card title="Conversation">
          {conversation.isPending && <SkeletonRows rows={2} label="the conversation" />}
          {conversation.isError && <Alert>{conversation.error.message}</Alert>}
          {conversation.data && <ConversationList conversation={conversation.data} />}
        </Card>
        {current.status_category !== 'closed' && current.status_category !== 'resolved' && (
          <Card title="Reply"><ReplyForm orgId={org.id} ticketId={current.id} /></Card>
        )}
      </div>
    </>
  );
}
