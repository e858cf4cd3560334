import { describe, expect, it } from 'vitest';
import { insertAt, matchesSearch, renderTemplate, sampleVariables, ticketOnlyVariables, unknownVariables } from './saved-replies.utils.ts';

const variables = {
  'customer.name': 'Carla {{agent.name}} Customer',
  'ticket.number': 'ACME-20261122-0001',
  'ticket.subject': "Refund'); drop table tickets; -- {{org.name}}",
  'agent.name': 'Ari Agent',
  'org.name': 'Org rls-replies',
};

describe('renderTemplate (as private.render_template)', () => {
  it('fills known variables once, literally, and leaves unknown ones visible', () => {
    const template = 'Hi {{customer.name}}, about {{ticket.number}} ({{ ticket.subject }}): {{unknown.thing}} {{ticket.secret}}. {{agent.name}} at {{org.name}}';
    expect(renderTemplate(template, variables)).toBe(
      "Hi Carla {{agent.name}} Customer, about ACME-20261122-0001 (Refund'); drop table tickets; -- {{org.name}}): " +
        '{{unknown.thing}} {{ticket.secret}}. Ari Agent at Org rls-replies',
    );
  });
  it('leaves what is not a token alone, and a chat leaves ticket variables as written', () => {
    expect(renderTemplate('{{Customer.Name}} {{customer.name {{org.name}}} $& $1', variables)).toBe('{{Customer.Name}} {{customer.name Org rls-replies} $& $1');
    expect(renderTemplate('{{ticket.number}} for {{customer.name}}', { 'customer.name': 'Vic' })).toBe('{{ticket.number}} for Vic');
  });
});

describe('unknownVariables', () => {
  it('lists each {{…}} that is not a known variable once', () => {
    expect(unknownVariables('{{customer.name}} {{ org.name }} {{customer.email}} {{Agent.Name}} {{customer.email}} {{}}')).toEqual(['{{customer.email}}', '{{Agent.Name}}', '{{}}']);
    expect(unknownVariables('Plain text')).toEqual([]);
  });
});

describe('ticketOnlyVariables', () => {
  it('names the variables a chat leaves as written', () => {
    expect(ticketOnlyVariables('{{ticket.number}} {{customer.name}} {{ ticket.subject }} {{ticket.number}}')).toEqual(['ticket.number', 'ticket.subject']);
    expect(ticketOnlyVariables('{{agent.name}}')).toEqual([]);
  });
});

describe('sampleVariables', () => {
  it('numbers the sample ticket like the database (prefix, day, sequence)', () => {
    const sample = sampleVariables({ orgName: 'Acme', ticketPrefix: 'ACME', agentName: 'Ari', today: new Date('2026-11-22T10:00:00Z') });
    expect(sample['ticket.number']).toBe('ACME-20261122-0042');
    expect(renderTemplate('{{agent.name}} at {{org.name}}', sample)).toBe('Ari at Acme');
  });
});

describe('insertAt', () => {
  it('replaces the selection and puts the caret after the insertion', () => {
    expect(insertAt('Hi , bye', 3, 3, '{{customer.name}}')).toEqual({ value: 'Hi {{customer.name}}, bye', caret: 20 });
    expect(insertAt('Hi NAME', 3, 7, 'X')).toEqual({ value: 'Hi X', caret: 4 });
  });
});

describe('matchesSearch', () => {
  const reply = { title: 'Réponse rapide', body: 'Thanks for waiting' };
  it.each([
    ['', true],
    ['  ', true],
    ['reponse', true],
    ['RAPIDE', true],
    ['waiting', true],
    ['refund', false],
  ])('%j → %s', (search, expected) => {
    expect(matchesSearch(reply, search)).toBe(expected);
  });
});
