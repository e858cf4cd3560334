/** Query keys of the saved-replies feature (`[feature, orgId, kind]`, see invalidateOrgQueries). */
export const savedReplyKeys = {
  list: (orgId: string) => ['saved-replies', orgId, 'saved-replies'] as const,
};
