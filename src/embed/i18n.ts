import en, { type Strings } from './locales/en.ts';

/** The widget's languages: English is built in, the others load on demand (one small chunk each). */
export const LOCALES = ['en', 'fr', 'de', 'es', 'pt', 'it', 'nl', 'ja', 'zh', 'ar'] as const;
export type Locale = (typeof LOCALES)[number];
export type { Strings };

const loaders: Record<Exclude<Locale, 'en'>, () => Promise<{ default: Strings }>> = {
  fr: () => import('./locales/fr.ts'),
  de: () => import('./locales/de.ts'),
  es: () => import('./locales/es.ts'),
  pt: () => import('./locales/pt.ts'),
  it: () => import('./locales/it.ts'),
  nl: () => import('./locales/nl.ts'),
  ja: () => import('./locales/ja.ts'),
  zh: () => import('./locales/zh.ts'),
  ar: () => import('./locales/ar.ts'),
};

function supported(tag: string | undefined): Locale | null {
  const language = tag?.toLowerCase().split('-')[0];
  return (LOCALES as readonly string[]).includes(language ?? '') ? (language as Locale) : null;
}

/**
 * The language to show: the one the host page asked for, else ("auto") the first of the visitor's
 * browser languages we have, else the widget's default, else English.
 */
export function pickLocale(requested: string, browserLanguages: readonly string[], widgetDefault: string): Locale {
  if (requested && requested !== 'auto') return supported(requested) ?? supported(widgetDefault) ?? 'en';
  for (const language of browserLanguages) {
    const match = supported(language);
    if (match) return match;
  }
  return supported(widgetDefault) ?? 'en';
}

export async function loadStrings(locale: Locale): Promise<Strings> {
  return locale === 'en' ? en : { ...en, ...(await loaders[locale]()).default };
}

export const isRightToLeft = (locale: Locale) => locale === 'ar';

/** Fills {placeholders}; the values are shown as text, never as markup. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}

export { en as defaultStrings };
