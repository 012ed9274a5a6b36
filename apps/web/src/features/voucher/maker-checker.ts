/**
 * Maker-checker (审批与拨付分离, SPEC §6): under a program with the option on (the default), the bureau user
 * who approved a claim does not pay it. Says why a claim cannot go into this user's batch, if it cannot.
 */
export function makerCheckerBlock(
  claim: { status: string; programId: string; decidedByUserId?: string | null },
  userId: string | undefined,
  programs: { id: string; makerChecker?: boolean }[],
): string | undefined {
  if (claim.status !== 'APPROVED' || !userId || claim.decidedByUserId !== userId) return undefined;
  const program = programs.find((p) => p.id === claim.programId);
  return program?.makerChecker === false ? undefined : '本人批准，须由其他拨付人员拨付';
}
