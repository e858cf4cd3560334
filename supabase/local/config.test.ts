import { describe, expect, it } from 'vitest';
import { loadConfig, parseDuration, parseSize } from './config.ts';

describe('config.toml parsing', () => {
  it('reads sizes the way the Supabase CLI writes them', () => {
    expect(parseSize('50MiB')).toBe(50 * 1024 * 1024);
    expect(parseSize('5MB')).toBe(5 * 1024 * 1024);
    expect(parseSize('500KB')).toBe(500 * 1024);
    expect(parseSize(1024)).toBe(1024);
    expect(() => parseSize('lots')).toThrow(/Unreadable size/);
  });

  it('reads Go-style durations', () => {
    expect(parseDuration('1s')).toBe(1);
    expect(parseDuration('1m30s')).toBe(90);
    expect(parseDuration('24h')).toBe(86400);
    expect(() => parseDuration('soon')).toThrow(/Unreadable duration/);
  });

  it('loads the project config with the CLI defaults filled in', () => {
    const config = loadConfig();
    expect(config.api.port).toBe(54321 + Number(process.env.STACK_PORT_OFFSET ?? 0));
    expect(config.api.schemas).toContain('public');
    expect(config.auth.jwtExpiry).toBe(3600);
    expect(config.storage.fileSizeLimit).toBe(50 * 1024 * 1024);
  });
});
