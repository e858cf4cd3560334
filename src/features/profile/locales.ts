/** Languages a user can pick for the product (BCP 47, as profiles.locale expects). */
export const LOCALES = ['en', 'en-GB', 'de', 'es', 'fr', 'it', 'ja', 'nl', 'pt-BR'] as const;

/** "fr" → "français (French)": the language's own name, then the English one. */
export function localeLabel(locale: string): string {
  try {
    const own = new Intl.DisplayNames([locale], { type: 'language' }).of(locale);
    const english = new Intl.DisplayNames(['en'], { type: 'language' }).of(locale);
    return own && english && own !== english ? `${own} (${english})` : (english ?? locale);
  } catch {
    return locale;
  }
}
