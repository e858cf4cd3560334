import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { FROM_FRAME, FROM_HOST } from './messages.ts';

const loader = readFileSync(new URL('../../public/widget/loader.js', import.meta.url), 'utf8');

describe('public/widget/loader.js', () => {
  it('stays within 3 KB gzipped, as hand-written and served', () => {
    expect(gzipSync(loader, { level: 9 }).byteLength).toBeLessThanOrEqual(3 * 1024);
  });

  it('speaks the frame protocol of messages.ts', () => {
    expect(loader).toContain(`'${FROM_HOST}'`);
    expect(loader).toContain(`'${FROM_FRAME}'`);
    for (const type of ['handshake', 'ready', 'refused', 'unread', 'message', 'close', 'error']) expect(loader).toContain(`case '${type}'`);
    for (const type of ['init', 'visibility', 'page', 'set-user', 'set-attributes', 'set-locale', 'reset']) expect(loader).toContain(`post('${type}'`);
  });

  it('checks where every message comes from and names where each one goes', () => {
    expect(loader).toContain('event.origin !== APP');
    expect(loader).toContain('event.source !== ui.frame.contentWindow');
    expect(loader).not.toMatch(/postMessage\([^)]*'\*'/);
  });
});
