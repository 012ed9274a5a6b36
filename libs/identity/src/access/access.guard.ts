import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { DomainError } from '@pilotlink/core';
import type { BureauDuty, OrgKind } from '@pilotlink/core';
import { orgNotVerified } from '../domain/identity.errors';
import { OrgDirectory } from '../orgs/org-directory.service';
import { AccessTokenClaims, actorFromClaims } from './actor';
import {
  ALLOWED_ORG_KINDS,
  AuthenticatedRequest,
  IS_PUBLIC,
  REQUIRES_BUREAU_ROLE,
  REQUIRES_OWNER,
  REQUIRES_VERIFIED_ORG,
} from '@pilotlink/core';

/**
 * Route-level access, in order: a valid bearer token (unless @Public), the org kind (@AllowOrgKinds),
 * the role (@RequireOwner; a bureau user's duty, @RequireBureauRole, read from the database) and the org's verification (@RequireVerifiedOrg, read from the database
 * because a token outlives a verification decision). Which *rows* a caller may touch is decided in
 * the services (a foreign object answers 404).
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    private readonly orgs: OrgDirectory,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const targets = [context.getHandler(), context.getClass()];
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets) ?? false;

    request.actor = await this.actorFromHeader(request, isPublic);
    if (isPublic) return true;
    const actor = request.actor;
    if (!actor) throw new DomainError('UNAUTHENTICATED', 'A valid bearer token is required');

    const kinds = this.reflector.getAllAndOverride<OrgKind[] | undefined>(ALLOWED_ORG_KINDS, targets);
    if (kinds && !kinds.includes(actor.orgKind)) {
      throw new DomainError('FORBIDDEN', `Only ${kinds.join(', ')} organisations may do this`);
    }
    if (this.reflector.getAllAndOverride<boolean>(REQUIRES_OWNER, targets) && actor.role !== 'OWNER') {
      throw new DomainError('FORBIDDEN', "Only the organisation's owner may do this");
    }
    const duties = this.reflector.getAllAndOverride<BureauDuty[] | undefined>(REQUIRES_BUREAU_ROLE, targets);
    if (duties && actor.orgKind === 'BUREAU') {
      const role = await this.orgs.currentRole(actor.userId);
      if (role !== 'OWNER' && !(duties as string[]).includes(role ?? '')) {
        const who = duties.length ? `a bureau ${duties.join(' or ')} (or the owner)` : "the bureau's owner";
        throw new DomainError('FORBIDDEN_ROLE', `Only ${who} may do this`, { required: duties, role });
      }
    }
    if (this.reflector.getAllAndOverride<boolean>(REQUIRES_VERIFIED_ORG, targets)) {
      if (!(await this.orgs.isVerified(actor.orgId))) throw orgNotVerified();
    }
    return true;
  }

  private async actorFromHeader(request: AuthenticatedRequest, optional: boolean) {
    const header = request.headers.authorization;
    if (!header) return undefined;
    const [scheme, token] = header.split(' ');
    if (scheme !== 'Bearer' || !token) {
      if (optional) return undefined;
      throw new DomainError('UNAUTHENTICATED', 'Authorization must be "Bearer <token>"');
    }
    try {
      return actorFromClaims(await this.jwt.verifyAsync<AccessTokenClaims>(token));
    } catch {
      if (optional) return undefined;
      throw new DomainError('UNAUTHENTICATED', 'Access token is invalid or expired');
    }
  }
}
