import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { NotFoundError } from '@pilotlink/core';
import { OrgsService } from '@pilotlink/identity';
import type { Actor, RequestContext } from '@pilotlink/identity';
import { DataSource } from 'typeorm';
import { ShareholderDto } from '../dto/shareholder.dto';

/** An org's major shareholders, which the related-party rule (关联交易) compares. Owner-managed; frozen once the org is verified. */
@Injectable()
export class ShareholdersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly orgs: OrgsService,
  ) {}

  async list(actor: Actor, orgId: string): Promise<ShareholderDto[]> {
    if (actor.orgId !== orgId && actor.orgKind !== 'ADMIN') throw new NotFoundError('Org');
    return this.read(orgId);
  }

  /**
   * Owner: replace the list. Shareholders are an eligibility fact (identity's): for a verified org the new
   * list becomes a correction request a bureau approves, and the answer is the list still in force.
   */
  async replace(ctx: RequestContext, orgId: string, holders: ShareholderDto[]): Promise<ShareholderDto[]> {
    if (ctx.actor.orgId !== orgId) throw new NotFoundError('Org');
    return this.orgs.replaceShareholders(ctx, orgId, holders);
  }

  private async read(orgId: string): Promise<ShareholderDto[]> {
    const rows = await this.dataSource.query<{ holder_key: string; holder_name: string; share_bp: number }[]>(
      `SELECT holder_key, holder_name, share_bp FROM org_shareholders WHERE org_id = $1 ORDER BY share_bp DESC, holder_key`,
      [orgId],
    );
    return rows.map((r) => ({ holderKey: r.holder_key, holderName: r.holder_name, shareBp: r.share_bp }));
  }
}
