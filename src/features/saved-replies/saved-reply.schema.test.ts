import { describe, expect, it } from 'vitest';
import { savedReplySchema } from './saved-reply.schema.ts';

describe('savedReplySchema', () => {
  it('accepts and trims a reply', () => {
    expect(savedReplySchema.parse({ title: ' Greeting ', body: '\nHi {{customer.name}}\n', scope: 'shared' })).toEqual({
      title: 'Greeting',
      body: 'Hi {{customer.name}}',
      scope: 'shared',
    });
  });
  it.each([
    [{ title: ' ' }, 'Give the reply a title.'],
    [{ title: 'x'.repeat(101) }, 'Use at most 100 characters.'],
    [{ body: '  \n ' }, 'Write the reply.'],
    [{ body: 'x'.repeat(10_001) }, 'Use at most 10,000 characters.'],
  ])('refuses %o', (change, message) => {
    const result = savedReplySchema.safeParse({ title: 'Greeting', body: 'Hi', scope: 'personal', ...change });
    expect(result.error?.issues[0].message).toBe(message);
  });
});
