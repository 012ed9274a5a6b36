import { Injectable } from '@nestjs/common';
import { NotFoundError } from '@pilotlink/core';
import { OrgDirectory, OrgsService } from '@pilotlink/identity';
import type { Actor, RequestContext } from '@pilotlink/core';
import { ShareholderDto } from '../dto/shareholder.request.dto';

/** An org's major shareholders, which the related-party rule (关联交易) compares. Owner-managed; frozen once the org is verified. */
@Injectable()
export class ShareholdersService {
  constructor(
    private readonly orgs: OrgsService,
    private readonly directory: OrgDirectory,
  ) {}

  async list(actor: Actor, orgId: string): Promise<ShareholderDto[]> {
    if (actor.orgId !== orgId && actor.orgKind !== 'ADMIN') throw new NotFoundError('Org');
    return this.directory.shareholdersOf(orgId);
  }

  /**
   * Owner: replace the list. Shareholders are an eligibility fact (identity's): for a verified org the new
   * list becomes a correction request a bureau approves, and the answer is the list still in force.
   */
  async replace(ctx: RequestContext, orgId: string, holders: ShareholderDto[]): Promise<ShareholderDto[]> {
    if (ctx.actor.orgId !== orgId) throw new NotFoundError('Org');
    return this.orgs.replaceShareholders(ctx, orgId, holders);
  }
}
