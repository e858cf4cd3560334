import { describe, expect, it } from 'vitest';
import { customFieldValues, newTicketSchema, type CustomFieldDefinition } from './new-ticket.schema.ts';

const fields: CustomFieldDefinition[] = [
  { key: 'order', label: 'Order number', type: 'number', options: [], required: true },
  { key: 'plan', label: 'Plan', type: 'select', options: ['Free', 'Pro'], required: false },
  { key: 'vip', label: 'VIP', type: 'checkbox', options: [], required: false },
];
const base = { subject: 'Printer', description: '', requesterId: '', priority: 'high', category: '', tags: ' VPN, vpn ,Mac ' };

describe('new ticket form', () => {
  it('normalises tags and types custom fields', () => {
    const parsed = newTicketSchema(fields).parse({ ...base, customFields: { order: '42', plan: '', vip: true } });
    expect(parsed.tags).toEqual(['vpn', 'mac']);
    expect(customFieldValues(fields, parsed.customFields)).toEqual({ order: 42, vip: true });
  });

  it.each([
    [{ subject: '  ' }, 'Give the ticket a subject.'],
    [{ customFields: { order: '' } }, 'Order number is required.'],
    [{ customFields: { order: 'abc' } }, 'Order number must be a number.'],
    [{ customFields: { order: '1', plan: 'Enterprise' } }, 'Choose one of the options for Plan.'],
    [{ tags: Array.from({ length: 21 }, (_, i) => `t${i}`).join(',') }, 'Up to 20 tags.'],
  ])('refuses %j readably', (overrides, message) => {
    const result = newTicketSchema(fields).safeParse({ ...base, customFields: { order: '1' }, ...overrides });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.message)).toContain(message);
  });
});
