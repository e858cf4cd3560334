import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { invalidateOrgQueries } from './org-queries.ts';

describe('invalidateOrgQueries', () => {
  it('marks every feature’s copy of one kind of an organization’s rows stale, and nothing else', async () => {
    const client = new QueryClient();
    const keys = [
      ['inbox', 'org-1', 'teams'],
      ['ticket-detail', 'org-1', 'teams'],
      ['inbox', 'org-2', 'teams'],
      ['inbox', 'org-1', 'saved-replies'],
    ];
    for (const key of keys) client.setQueryData(key, []);
    await invalidateOrgQueries(client, 'org-1', 'teams');
    expect(keys.map((key) => client.getQueryState(key)?.isInvalidated)).toEqual([true, true, false, false]);
  });
});
