import { describe, expect, it } from 'vitest';
import { embedSnippet, parseDomains, prechatSchema, toFormPrechat, toStoredPrechat } from './widget.schema.ts';

describe('parseDomains', () => {
  it('normalizes hosts and lists what is not one', () => {
    expect(parseDomains(' Shop.Example.com\n*.example.com, localhost:3000\nshop.example.com')).toEqual({
      domains: ['shop.example.com', '*.example.com', 'localhost:3000'],
      invalid: [],
    });
    expect(parseDomains('https://a.com\n*.com\nexample.com/path\n<script>').invalid).toEqual(['https://a.com', '*.com', 'example.com/path', '<script>']);
  });
});

describe('pre-chat form', () => {
  it('round-trips select options and refuses duplicate keys and empty choices', () => {
    const stored = [{ key: 'plan', label: 'Plan', type: 'select' as const, required: true, options: ['Free', 'Pro'] }];
    expect(toStoredPrechat(toFormPrechat(stored))).toEqual(stored);
    const duplicate = { key: 'email', label: 'Email', type: 'email' as const, required: false, options: '' };
    expect(prechatSchema.safeParse({ fields: [duplicate, duplicate] }).success).toBe(false);
    expect(prechatSchema.safeParse({ fields: [{ ...duplicate, type: 'select', options: ' ' }] }).success).toBe(false);
    expect(prechatSchema.safeParse({ fields: [duplicate] }).success).toBe(true);
  });
});

describe('embedSnippet', () => {
  it('boots the loader with the key and position as quoted strings', () => {
    const snippet = embedSnippet('wk_abc', 'left', 'https://desk.example.com');
    expect(snippet).toContain(`Supportdesk('boot', { widgetKey: "wk_abc", position: "left" });`);
    expect(snippet).toContain('<script async src="https://desk.example.com/widget/loader.js"></script>');
  });
});
