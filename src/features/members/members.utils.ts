/**
 * Mirrors the membership guard trigger so the UI offers only what the database will accept:
 * owners (rank 100) manage everyone; others manage members below owner and grant roles up to their
 * own rank; nobody raises their own role.
 */
export const OWNER_RANK = 100;

export interface RankedRole {
  id: string;
  rank: number;
}

/** Whether `me` may change the role of, or remove, a member whose role has `targetRank`. */
export function canManageMember(me: { rank: number; canManageMembers: boolean }, targetRank: number, isSelf: boolean): boolean {
  if (!me.canManageMembers) return false;
  if (isSelf) return true;
  return targetRank < OWNER_RANK || me.rank >= OWNER_RANK;
}

/** Roles `me` may give: up to their own rank (owner only by owners), never above their current one for themselves. */
export function assignableRoles<T extends RankedRole>(roles: readonly T[], myRank: number, target: { isSelf: boolean; currentRank: number }): T[] {
  return roles.filter((role) => {
    if (role.rank > myRank) return false;
    if (role.rank >= OWNER_RANK && myRank < OWNER_RANK) return false;
    if (target.isSelf && role.rank > target.currentRank) return false;
    return true;
  });
}

/** Whether an organization would be left without an owner if this member lost the owner role. */
export function isLastOwner(memberRank: number, ownerCount: number): boolean {
  return memberRank >= OWNER_RANK && ownerCount <= 1;
}
