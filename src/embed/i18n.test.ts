import { describe, expect, it } from 'vitest';
import { fill, isRightToLeft, loadStrings, LOCALES, pickLocale } from './i18n.ts';
import en from './locales/en.ts';

describe('pickLocale', () => {
  it.each([
    ['auto', ['de-CH', 'en'], 'en', 'de'],
    ['auto', ['sv-SE', 'pt-BR'], 'en', 'pt'],
    ['auto', ['sv-SE'], 'fr', 'fr'],
    ['auto', [], 'xx', 'en'],
    ['ja', ['de'], 'en', 'ja'],
    ['zh-Hans', ['de'], 'en', 'zh'],
    ['klingon', ['de'], 'es', 'es'],
  ])('host %s, browser %j, widget %s: %s', (requested, browser, widget, expected) => {
    expect(pickLocale(requested, browser, widget)).toBe(expected);
  });
});

describe('locales', () => {
  it.each(LOCALES)('%s translates every English string and keeps its placeholders', async (locale) => {
    const strings = await loadStrings(locale);
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(strings[key], key).toBeTruthy();
      expect(strings[key].match(/\{\w+\}/g) ?? [], `${locale}.${key}`).toEqual(en[key].match(/\{\w+\}/g) ?? []);
    }
  });

  it('writes Arabic right to left only', () => {
    expect(LOCALES.filter(isRightToLeft)).toEqual(['ar']);
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(fill('{name} is typing… {x}', { name: 'Ari' })).toBe('Ari is typing… {x}');
  });
});
