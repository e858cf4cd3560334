import { describe, expect, it } from 'vitest';
import { catchUpSince, mergeMessages, readHostInput, type ChatMessage } from './chat.utils.ts';

const message = (id: string, at: string, extra: Partial<ChatMessage> = {}) =>
  ({ id, client_message_id: `c-${id}`, created_at: at, content: id, sender_type: 'agent', attachments: [], ...extra }) as ChatMessage;

describe('mergeMessages', () => {
  it('keeps one copy of a message seen live and again in a catch-up, oldest first', () => {
    const merged = mergeMessages([message('b', '2026-11-22T10:00:02Z')], [message('a', '2026-11-22T10:00:01Z'), message('b', '2026-11-22T10:00:02Z')]);
    expect(merged.map((m) => m.id)).toEqual(['a', 'b']);
  });

  it('replaces the optimistic copy with the stored one, never the other way round', () => {
    const pending = message('local', '2026-11-22T10:00:05Z', { client_message_id: 'x', pending: 'sending' });
    const stored = message('server', '2026-11-22T10:00:04Z', { client_message_id: 'x' });
    expect(mergeMessages([pending], [stored])).toEqual([stored]);
    expect(mergeMessages([stored], [pending])).toEqual([stored]);
  });

  it('starts a catch-up at the newest stored message, ignoring ones still on their way', () => {
    const list = [message('a', '2026-11-22T10:00:01Z'), message('p', '2026-11-22T10:00:09Z', { pending: 'sending' })];
    expect(catchUpSince(list)).toBe('2026-11-22T10:00:01Z');
    expect(catchUpSince([])).toBeUndefined();
  });
});

describe('readHostInput', () => {
  it('keeps markup as plain text and cuts oversized values', () => {
    const init = readHostInput.init({
      widgetKey: 'wk_x', locale: 'fr', theme: 'neon', page: { url: 'https://shop.example.com/' + 'a'.repeat(3000), title: '<b>Cart</b>' },
      user: { id: ' 42 ', name: '<img src=x onerror=alert(1)>', hash: 'f'.repeat(500) }, attributes: { plan: 'pro' }, opened: 'yes',
    });
    expect(init.theme).toBeNull();
    expect(init.page.url).toHaveLength(2000);
    expect(init.page.title).toBe('<b>Cart</b>');
    expect(init.user).toEqual({ id: '42', name: '<img src=x onerror=alert(1)>', email: undefined, hash: 'f'.repeat(200) });
    expect(init.opened).toBe(false);
  });

  it('drops what the widget-session function would refuse', () => {
    expect(readHostInput.user({ id: '   ' })).toBeNull();
    expect(readHostInput.user('42')).toBeNull();
    expect(readHostInput.attributes({ ok: 1, nested: { a: 1 }, list: [1], ['k'.repeat(51)]: 'long key', nothing: null }))
      .toEqual({ ok: 1, nothing: null });
    expect(Object.keys(readHostInput.attributes(Object.fromEntries(Array.from({ length: 80 }, (_, i) => [`a${i}`, i]))))).toHaveLength(50);
  });
});
