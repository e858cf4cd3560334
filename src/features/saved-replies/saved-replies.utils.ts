/**
 * Saved replies: the {{variables}} the database fills in (private.ticket_template_variables and
 * private.conversation_template_variables) and a renderer that mirrors private.render_template, so
 * that the editor previews exactly what a ticket or chat will receive.
 */

export interface TemplateVariable {
  name: string;
  description: string;
  /** Chats fill it in too; otherwise it stays as written in a chat. */
  inChats: boolean;
}

export const TEMPLATE_VARIABLES: readonly TemplateVariable[] = [
  { name: 'customer.name', description: 'The requester’s name (the visitor’s in a chat)', inChats: true },
  { name: 'ticket.number', description: 'The ticket’s number', inChats: false },
  { name: 'ticket.subject', description: 'The ticket’s subject', inChats: false },
  { name: 'agent.name', description: 'The name of the agent who sends it', inChats: true },
  { name: 'org.name', description: 'Your organization’s name', inChats: true },
];

const KNOWN = new Set(TEMPLATE_VARIABLES.map((variable) => variable.name));
/** The database's token: {{name}} or {{group.name}}, spaces allowed inside the braces. */
const TOKEN = /\{\{\s*([a-z]+(?:\.[a-z_]+)?)\s*\}\}/g;

/**
 * Replaces each {{name}} by its value in one left-to-right pass (a value containing {{…}} is never
 * expanded again); names without a value stay as written.
 */
export function renderTemplate(template: string, variables: Readonly<Record<string, string>>): string {
  return template.replace(TOKEN, (token, name: string) => (Object.hasOwn(variables, name) ? variables[name] : token));
}

/** Every {{…}} in the text that is not a known variable (left as written when sent), once each. */
export function unknownVariables(template: string): string[] {
  const found = [...template.matchAll(/\{\{([^{}]*)\}\}/g)].filter((match) => !KNOWN.has(match[1].trim())).map((match) => match[0]);
  return [...new Set(found)];
}

/** The known variables the text uses that chats leave as written. */
export function ticketOnlyVariables(template: string): string[] {
  const used = new Set([...template.matchAll(TOKEN)].map((match) => match[1]));
  return TEMPLATE_VARIABLES.filter((variable) => !variable.inChats && used.has(variable.name)).map((variable) => variable.name);
}

/** Example values for the preview: the real organization and agent, a made-up customer and ticket. */
export function sampleVariables({ orgName, ticketPrefix, agentName, today = new Date() }: { orgName: string; ticketPrefix: string; agentName: string; today?: Date }) {
  const day = today.toISOString().slice(0, 10).replaceAll('-', '');
  return {
    'customer.name': 'Jordan Lee',
    'ticket.number': `${ticketPrefix}-${day}-0042`,
    'ticket.subject': 'Cannot sign in to my account',
    'agent.name': agentName,
    'org.name': orgName,
  };
}

/** `text` typed over the selection start…end of `value`, and where the caret lands after it. */
export function insertAt(value: string, start: number, end: number, text: string): { value: string; caret: number } {
  return { value: value.slice(0, start) + text + value.slice(end), caret: start + text.length };
}

const fold = (text: string) => text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();

/** Whether a reply's title or text contains the search, ignoring case and accents. */
export function matchesSearch(reply: { title: string; body: string }, search: string): boolean {
  const wanted = fold(search.trim());
  return !wanted || fold(reply.title).includes(wanted) || fold(reply.body).includes(wanted);
}
