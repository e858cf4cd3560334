import { describe, expect, it } from 'vitest';
import { SLUG_PATTERN, slugify, slugProblem } from './slug.utils.ts';

describe('slugify', () => {
  it.each([
    ['Acme Support', 'acme-support'],
    ['Acme Support, Inc.', 'acme-support-inc'],
    ['  Café Déjà Vu  ', 'cafe-deja-vu'],
    ['---', ''],
    ['a'.repeat(50), 'a'.repeat(40)],
    ['Supportdesk 2026!', 'supportdesk-2026'],
  ])('%s → %s', (name, slug) => {
    expect(slugify(name)).toBe(slug);
    if (slug) expect(SLUG_PATTERN.test(slug)).toBe(true);
  });

  it('never ends with a hyphen after truncation', () => {
    expect(slugify(`${'a'.repeat(39)} b`)).toBe('a'.repeat(39));
  });
});

describe('slugProblem', () => {
  it.each([
    ['acme', null],
    ['a', null],
    ['acme-support-2', null],
    ['', 'Choose an address.'],
    ['Acme', 'Use lowercase letters only.'],
    ['acme support', 'Use only letters, digits and hyphens.'],
    ['acme_support', 'Use only letters, digits and hyphens.'],
    ['-acme', 'Start and end with a letter or digit.'],
    ['acme-', 'Start and end with a letter or digit.'],
    ['a'.repeat(41), 'Use at most 40 characters.'],
  ])('%s → %s', (slug, problem) => expect(slugProblem(slug)).toBe(problem));
});
