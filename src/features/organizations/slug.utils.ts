/** Organization addresses ("/o/<slug>"): the same rule as the organizations.slug CHECK constraint. */
export const SLUG_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/;
export const SLUG_MAX = 40;

/** "Acme Support, Inc." → "acme-support-inc"; accents dropped, at most 40 characters. */
export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, SLUG_MAX)
    .replace(/^-+|-+$/g, '');
}

/** Why a slug is not acceptable, in words; null when it is. */
export function slugProblem(slug: string): string | null {
  if (!slug) return 'Choose an address.';
  if (slug.length > SLUG_MAX) return `Use at most ${SLUG_MAX} characters.`;
  if (/[A-Z]/.test(slug)) return 'Use lowercase letters only.';
  if (/[^a-z0-9-]/.test(slug)) return 'Use only letters, digits and hyphens.';
  if (slug.startsWith('-') || slug.endsWith('-')) return 'Start and end with a letter or digit.';
  return SLUG_PATTERN.test(slug) ? null : 'Use only letters, digits and hyphens.';
}
