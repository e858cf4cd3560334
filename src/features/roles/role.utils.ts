/** Rules for custom roles (see the roles table and its guard trigger). */
export const ROLE_KEY_PATTERN = /^[a-z][a-z0-9_]{1,39}$/;
/** Custom roles rank below admins (CHECK custom_roles_rank_below_admin). */
export const CUSTOM_ROLE_MAX_RANK = 89;

export interface Role {
  id: string;
  orgId: string | null;
  key: string;
  name: string;
  description: string;
  rank: number;
  builtIn: boolean;
  permissions: string[];
}

/** "Tier 2 Lead" → "tier_2_lead", made unique among `taken` with a numeric suffix. */
export function roleKeyFromName(name: string, taken: readonly string[]): string {
  let base = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  if (!/^[a-z]/.test(base) || base.length < 2) base = base ? `role_${base}` : 'role';
  base = base.slice(0, 36).replace(/_+$/, '');
  let key = base;
  for (let n = 2; taken.includes(key); n++) key = `${base}_${n}`;
  return key;
}

/** What to insert and delete to go from one permission set to another. */
export function permissionDiff(before: readonly string[], after: readonly string[]) {
  const old = new Set(before);
  const next = new Set(after);
  return { added: [...next].filter((key) => !old.has(key)), removed: [...old].filter((key) => !next.has(key)) };
}

/** Highest rank first; built-in before custom at equal rank; then by name. */
export function sortRoles<T extends Pick<Role, 'rank' | 'builtIn' | 'name'>>(roles: readonly T[]): T[] {
  return [...roles].sort((a, b) => b.rank - a.rank || Number(b.builtIn) - Number(a.builtIn) || a.name.localeCompare(b.name));
}

/** The highest rank a custom role created by someone of `myRank` may have. */
export function maxCustomRank(myRank: number): number {
  return Math.min(CUSTOM_ROLE_MAX_RANK, myRank);
}
