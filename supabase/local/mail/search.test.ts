import { describe, expect, it } from 'vitest';
import type { StoredMessage } from './message.ts';
import { matchesQuery, parseQuery } from './search.ts';

const message: StoredMessage = {
  ID: 'abc',
  MessageID: 'id-1@supportdesk.test',
  Read: false,
  From: { Address: 'noreply@supportdesk.test', Name: 'Support Desk' },
  To: [{ Address: 'ada@example.test', Name: 'Ada' }],
  Cc: [],
  Bcc: [{ Address: 'agent@example.test', Name: '' }],
  ReplyTo: [],
  Subject: 'Confirm your signup',
  Date: '2026-01-01T00:00:00.000Z',
  Created: '2026-01-01T00:00:00.000Z',
  Size: 100,
  Attachments: 0,
  Snippet: 'Follow this link',
  Text: 'Follow this link to confirm',
  HTML: '',
};

const matches = (query: string) => matchesQuery(message, parseQuery(query));

describe('mail search', () => {
  it('matches recipients in To, Cc and Bcc with to:', () => {
    expect(matches('to:ada@example.test')).toBe(true);
    expect(matches('to:AGENT@example.test')).toBe(true);
    expect(matches('to:bob@example.test')).toBe(false);
  });

  it('matches quoted subjects, senders and free text, all terms required', () => {
    expect(matches('subject:"confirm your"')).toBe(true);
    expect(matches('from:supportdesk to:ada')).toBe(true);
    expect(matches('link confirm')).toBe(true);
    expect(matches('link missing')).toBe(false);
  });

  it('negates terms with - or !', () => {
    expect(matches('-subject:invoice')).toBe(true);
    expect(matches('!to:ada')).toBe(false);
  });

  it('treats unknown prefixes as free text', () => {
    expect(parseQuery('color:blue')).toEqual([{ field: 'text', value: 'color:blue', negated: false }]);
  });
});
