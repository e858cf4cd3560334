import type { MailAddress, StoredMessage } from './message.ts';

/**
 * Mailpit-style search: whitespace-separated terms that must all match, each either
 * `field:value` (to, from, cc, bcc, subject, message-id) or free text; values may be quoted
 * (`subject:"Confirm your signup"`) and a leading `-` or `!` negates a term. Matching is
 * case-insensitive substring matching, like Mailpit's.
 */
type Field = 'to' | 'from' | 'cc' | 'bcc' | 'subject' | 'message-id' | 'text';

interface Term {
  field: Field;
  value: string;
  negated: boolean;
}

const FIELDS = new Set<Field>(['to', 'from', 'cc', 'bcc', 'subject', 'message-id']);
const TOKEN = /(-|!)?(?:([a-z-]+):)?(?:"([^"]*)"|(\S+))/gi;

export function parseQuery(query: string): Term[] {
  const terms: Term[] = [];
  for (const match of query.matchAll(TOKEN)) {
    const [whole, negation, prefix, quoted, bare] = match;
    const field = prefix?.toLowerCase() as Field | undefined;
    const known = field !== undefined && FIELDS.has(field);
    const value = known ? (quoted ?? bare ?? '') : (quoted ?? whole.replace(/^[-!]/, ''));
    if (!value) continue;
    terms.push({ field: known ? field : 'text', value: value.toLowerCase(), negated: Boolean(negation) });
  }
  return terms;
}

const addressText = (list: MailAddress[]) => list.map((a) => `${a.Name} <${a.Address}>`).join(', ');

function fieldText(message: StoredMessage, field: Field): string {
  switch (field) {
    case 'to':
      return addressText([...message.To, ...message.Cc, ...message.Bcc]);
    case 'from':
      return addressText([message.From]);
    case 'cc':
      return addressText(message.Cc);
    case 'bcc':
      return addressText(message.Bcc);
    case 'subject':
      return message.Subject;
    case 'message-id':
      return message.MessageID;
    case 'text':
      return [message.Subject, addressText([message.From, ...message.To, ...message.Cc]), message.Text, message.HTML].join('\n');
  }
}

export function matchesQuery(message: StoredMessage, terms: Term[]): boolean {
  return terms.every((term) => fieldText(message, term.field).toLowerCase().includes(term.value) !== term.negated);
}
