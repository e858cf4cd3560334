import { describe, expect, it } from 'vitest';
import { attachmentProblem, canReopen, formatBytes, storageSafeName } from './portal.utils.ts';

describe('portal utils', () => {
  it.each([
    ['report.pdf', 'report.pdf'],
    ['../../etc/passwd', 'etc-passwd'],
    ['.env', 'env'],
    ['Relevé bancaire (1).pdf', 'Releve-bancaire-1-.pdf'],
    ['<script>.png', 'script-.png'],
    ['', 'attachment'],
  ])('makes %j safe for a storage path: %j', (name, safe) => {
    expect(storageSafeName(name)).toBe(safe);
  });

  it('keeps the end (and extension) of a very long name', () => {
    expect(storageSafeName(`${'a'.repeat(300)}.pdf`)).toBe(`${'a'.repeat(96)}.pdf`);
  });

  it('checks files against the organization\'s limits', () => {
    const limits = { maxBytes: 1024, mimeTypes: ['text/plain'] };
    expect(attachmentProblem({ name: 'a.txt', size: 10, type: 'text/plain' }, limits)).toBeNull();
    expect(attachmentProblem({ name: 'a.txt', size: 0, type: 'text/plain' }, limits)).toBe('a.txt is empty.');
    expect(attachmentProblem({ name: 'a.txt', size: 2048, type: 'text/plain' }, limits)).toBe('a.txt is larger than 1 KB.');
    expect(attachmentProblem({ name: 'a.svg', size: 10, type: 'image/svg+xml' }, limits)).toBe('a.svg: this type of file is not accepted.');
  });

  it('formats sizes', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(26_214_400)).toBe('25 MB');
  });

  it('allows reopening only a resolved ticket within the window', () => {
    const now = new Date('2026-11-22T12:00:00Z');
    expect(canReopen({ status_category: 'resolved', resolved_at: '2026-11-20T12:00:00Z' }, 7, now)).toBe(true);
    expect(canReopen({ status_category: 'resolved', resolved_at: '2026-11-10T12:00:00Z' }, 7, now)).toBe(false);
    expect(canReopen({ status_category: 'closed', resolved_at: '2026-11-21T12:00:00Z' }, 7, now)).toBe(false);
  });
});
