import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { DomainError } from '../errors/domain-error';
import type { Actor, RequestContext } from './actor';
import type { BureauDuty, OrgKind } from './org-kinds';

export const IS_PUBLIC = 'pilotlink:isPublic';
export const ALLOWED_ORG_KINDS = 'pilotlink:allowedOrgKinds';
export const REQUIRES_OWNER = 'pilotlink:requiresOwner';
export const REQUIRES_VERIFIED_ORG = 'pilotlink:requiresVerifiedOrg';
export const REQUIRES_BUREAU_ROLE = 'pilotlink:requiresBureauRole';

/** Anyone may call this route; a valid token, if sent, still identifies the caller. */
export const Public = () => SetMetadata(IS_PUBLIC, true);
/** Only users of these org kinds may call the route (403 otherwise). */
export const AllowOrgKinds = (...kinds: OrgKind[]) => SetMetadata(ALLOWED_ORG_KINDS, kinds);
/** Only an org's OWNER may call the route. */
export const RequireOwner = () => SetMetadata(REQUIRES_OWNER, true);
/**
 * A bureau's user must hold one of these duties (or be the OWNER), else 403 FORBIDDEN_ROLE. Read from the
 * database on each call, so a role taken away applies at once, not when the access token expires. Other
 * org kinds are not concerned (@AllowOrgKinds decides whether they may call at all).
 */
export const RequireBureauRole = (...duties: BureauDuty[]) => SetMetadata(REQUIRES_BUREAU_ROLE, duties);
/** The caller's org must be VERIFIED (SPEC §2: unverified orgs can draft but not publish, apply or claim). */
export const RequireVerifiedOrg = () => SetMetadata(REQUIRES_VERIFIED_ORG, true);

export type AuthenticatedRequest = FastifyRequest & { actor?: Actor };

export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  const actor = ctx.switchToHttp().getRequest<AuthenticatedRequest>().actor;
  if (!actor) throw new DomainError('UNAUTHENTICATED', 'Sign in first');
  return actor;
});

/** The actor plus the request id (which audit events carry for tracing). */
export const ReqContext = createParamDecorator((_: unknown, ctx: ExecutionContext): RequestContext => {
  const request = ctx.switchToHttp().getRequest<AuthenticatedRequest>();
  if (!request.actor) throw new DomainError('UNAUTHENTICATED', 'Sign in first');
  return { actor: request.actor, requestId: String(request.id) };
});

/** On @Public routes: the caller if a valid token was sent, otherwise undefined. */
export const OptionalActor = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): Actor | undefined => ctx.switchToHttp().getRequest<AuthenticatedRequest>().actor,
);
