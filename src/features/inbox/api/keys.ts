import type { ConversationFilters } from '../inbox.utils.ts';

/** Query keys of the inbox feature. */
export const inboxKeys = {
  all: ['inbox'] as const,
  conversations: (orgId: string) => ['inbox', orgId, 'conversations'] as const,
  list: (orgId: string, filters: ConversationFilters) => ['inbox', orgId, 'conversations', 'list', filters] as const,
  unread: (orgId: string) => ['inbox', orgId, 'conversations', 'unread'] as const,
  conversation: (conversationId: string) => ['inbox', 'conversation', conversationId] as const,
  messages: (conversationId: string) => ['inbox', 'conversation', conversationId, 'messages'] as const,
  contactHistory: (contactId: string) => ['inbox', 'contact', contactId, 'conversations'] as const,
  chatStaff: (orgId: string) => ['inbox', orgId, 'chat-staff'] as const,
  teams: (orgId: string) => ['inbox', orgId, 'teams'] as const,
  savedReplies: (orgId: string) => ['inbox', orgId, 'saved-replies'] as const,
  attachmentUrl: (path: string) => ['inbox', 'attachment', path] as const,
  myAvailability: (orgId: string, userId: string) => ['inbox', orgId, 'availability', userId] as const,
};
