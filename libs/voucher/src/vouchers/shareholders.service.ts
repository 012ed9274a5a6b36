import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '@pilotlink/audit';
import { fieldInvalid, NotFoundError } from '@pilotlink/core';
import { withTransaction } from '@pilotlink/database';
import type { Actor, RequestContext } from '@pilotlink/identity';
import { DataSource } from 'typeorm';
import { ShareholderDto } from '../dto/shareholder.dto';

/** An org's major shareholders, which the related-party rule (关联交易) compares. Owner-managed. */
@Injectable()
export class ShareholdersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(actor: Actor, orgId: string): Promise<ShareholderDto[]> {
    if (actor.orgId !== orgId && actor.orgKind !== 'ADMIN') throw new NotFoundError('Org');
    return this.read(orgId);
  }

  async replace(ctx: RequestContext, orgId: string, holders: ShareholderDto[]): Promise<ShareholderDto[]> {
    if (ctx.actor.orgId !== orgId) throw new NotFoundError('Org');
    const total = holders.reduce((sum, h) => sum + h.shareBp, 0);
    if (total > 10_000) throw fieldInvalid('shareholders', 'Shares add up to more than 100 %');
    if (new Set(holders.map((h) => h.holderKey)).size !== holders.length) {
      throw fieldInvalid('shareholders', 'Each shareholder once');
    }
    return withTransaction(this.dataSource, async (manager) => {
      const before = await this.read(orgId);
      await manager.query(`DELETE FROM org_shareholders WHERE org_id = $1`, [orgId]);
      for (const h of holders) {
        await manager.query(
          `INSERT INTO org_shareholders (org_id, holder_key, holder_name, share_bp) VALUES ($1, $2, $3, $4)`,
          [orgId, h.holderKey, h.holderName, h.shareBp],
        );
      }
      await this.audit.record(manager, {
        actor: { userId: ctx.actor.userId, orgId: ctx.actor.orgId },
        action: 'org.shareholders_replaced',
        entityType: 'org',
        entityId: orgId,
        subjectOrgId: orgId,
        before: { shareholders: before },
        after: { shareholders: holders },
        requestId: ctx.requestId,
      });
      return holders;
    });
  }

  private async read(orgId: string): Promise<ShareholderDto[]> {
    const rows = await this.dataSource.query<{ holder_key: string; holder_name: string; share_bp: number }[]>(
      `SELECT holder_key, holder_name, share_bp FROM org_shareholders WHERE org_id = $1 ORDER BY share_bp DESC, holder_key`,
      [orgId],
    );
    return rows.map((r) => ({ holderKey: r.holder_key, holderName: r.holder_name, shareBp: r.share_bp }));
  }
}
