export const invitationKeys = {
  all: ['invitation'] as const,
  describe: (token: string, userId: string | null) => ['invitation', token, userId] as const,
};
