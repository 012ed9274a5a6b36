import type { Actor, OrgKind, UserRole } from '@pilotlink/core';

export interface AccessTokenClaims {
  sub: string;
  org: string;
  kind: OrgKind;
  role: UserRole;
  region: string;
}

export function actorFromClaims(claims: AccessTokenClaims): Actor {
  return { userId: claims.sub, orgId: claims.org, orgKind: claims.kind, role: claims.role, regionCode: claims.region };
}
