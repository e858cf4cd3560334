import { BadgeCheck } from 'lucide-react';
import { Link, useSearchParams } from 'react-router-dom';
import { Badge } from '../../../components/ui/Badge.tsx';
import { relativeTime } from '../../../lib/format.ts';
import { useContactHistoryQuery, type ConversationDetail } from '../api/conversation-query.ts';
import { contactLabel } from '../inbox.utils.ts';

function Detail({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="text-xs font-medium text-slate-600 dark:text-slate-400">{label}</dt>
      <dd className="break-words text-sm text-slate-900 dark:text-slate-100">{children}</dd>
    </div>
  );
}

/** Only http(s) pages become links: a visitor-supplied "javascript:" address stays text. */
function PageLink({ url }: { url: string }) {
  if (!/^https?:\/\//i.test(url)) return <>{url}</>;
  return (
    <a href={url} target="_blank" rel="noreferrer noopener" className="text-brand-700 underline underline-offset-2 dark:text-brand-300">
      {url}
    </a>
  );
}

/** Who the visitor is and where they are: contact details, page, browser, attributes, earlier chats. */
export function VisitorPanel({ conversation }: { conversation: ConversationDetail }) {
  const { contact } = conversation;
  const attributes = Object.entries((contact.custom_attributes ?? {}) as Record<string, unknown>);
  return (
    <aside aria-label="Visitor details" className="hidden w-72 shrink-0 overflow-y-auto border-l border-slate-200 bg-white p-4 lg:block dark:border-slate-800 dark:bg-slate-900">
      <h2 className="flex items-center gap-2 text-sm font-semibold text-slate-900 dark:text-slate-50">
        {contactLabel(contact)}
        {contact.external_id && (
          <Badge tone="success">
            <BadgeCheck aria-hidden className="mr-1 h-3 w-3" /> Verified
          </Badge>
        )}
      </h2>
      <dl className="mt-4 space-y-3">
        <Detail label="Email">{conversation.visitor_email ?? contact.email ?? 'Not given'}</Detail>
        {contact.last_seen_url && (
          <Detail label="Page">
            <PageLink url={contact.last_seen_url} />
            {contact.last_seen_title && <span className="block text-xs text-slate-600 dark:text-slate-400">{contact.last_seen_title}</span>}
          </Detail>
        )}
        {contact.browser && <Detail label="Browser">{contact.browser}</Detail>}
        {contact.location && <Detail label="Location">{contact.location}</Detail>}
        {contact.last_seen_at && <Detail label="Last seen">{relativeTime(contact.last_seen_at)}</Detail>}
        {attributes.map(([key, value]) => (
          <Detail key={key} label={key}>
            {typeof value === 'string' ? value : JSON.stringify(value)}
          </Detail>
        ))}
      </dl>
      <History contactId={contact.id} currentId={conversation.id} />
    </aside>
  );
}

function History({ contactId, currentId }: { contactId: string; currentId: string }) {
  const [search] = useSearchParams();
  const history = useContactHistoryQuery(contactId).data?.filter((item) => item.id !== currentId) ?? [];
  return (
    <section aria-labelledby="history-title" className="mt-6">
      <h3 id="history-title" className="text-xs font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-400">
        Previous conversations
      </h3>
      {history.length ? (
        <ul className="mt-2 space-y-1">
          {history.map((item) => {
            const target = new URLSearchParams(search);
            target.set('conversation', item.id);
            return (
              <li key={item.id}>
                <Link to={{ search: target.toString() }} className="text-sm text-brand-700 underline underline-offset-2 dark:text-brand-300">
                  {relativeTime(item.created_at)} · {item.status}
                </Link>
              </li>
            );
          })}
        </ul>
      ) : (
        <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">None.</p>
      )}
    </section>
  );
}
