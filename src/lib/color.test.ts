import { describe, expect, it } from 'vitest';
import { contrastRatio, initials, readableTextOn } from './color.ts';

describe('contrastRatio', () => {
  it('is 21 for black on white and 1 for a colour on itself', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#2f6fdf', '#2f6fdf')).toBeCloseTo(1, 5);
  });
});

describe('readableTextOn', () => {
  it.each([
    ['#2f6fdf', '#ffffff'],
    ['#ffe066', '#000000'],
    ['#000000', '#ffffff'],
    ['#ffffff', '#000000'],
    ['not a colour', '#ffffff'],
  ])('%s → %s', (background, expected) => {
    expect(readableTextOn(background)).toBe(expected);
  });
});

describe('initials', () => {
  it.each([
    ['Acme Support', 'AS'],
    ['acme', 'AC'],
    ['  Olivia  van Owner ', 'OO'],
    ['', '?'],
  ])('%s → %s', (name, expected) => expect(initials(name)).toBe(expected));
});
