import type { OrgKind, UserRole } from './org-kinds';

/** Who is calling, as proven by the access token. */
export interface Actor {
  userId: string;
  orgId: string;
  orgKind: OrgKind;
  role: UserRole;
  /** The org's region; for a bureau, its jurisdiction. */
  regionCode: string;
}

/** What a service method needs to know about the request besides its input. */
export interface RequestContext {
  actor: Actor;
  requestId: string | null;
}
