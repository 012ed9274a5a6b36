import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Demand, DemandsService, DemandView } from '@pilotlink/demand';
import { DataSource } from 'typeorm';

/**
 * How each recipient org may see a demand — the same rule (demandViewFor) as the API and search use,
 * read from current state when the notification is dispatched and again when it is rendered.
 */
@Injectable()
export class DemandAudience {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly demands: DemandsService,
  ) {}

  viewsFor(demand: Demand, orgIds: readonly string[]): Promise<Map<string, DemandView>> {
    return this.demands.viewsOf(demand, orgIds);
  }

  async viewFor(demand: Demand, orgId: string): Promise<DemandView> {
    return (await this.viewsFor(demand, [orgId])).get(orgId) ?? 'NONE';
  }

  /** Was the org invited to the open demand after it was published (rather than while it was a draft)? */
  async invitedAfterPublication(demand: Demand, orgId: string): Promise<boolean> {
    const rows = await this.dataSource.query<{ after: boolean }[]>(
      `SELECT invited_at >= $3::timestamptz AS after FROM demand_invitations WHERE demand_id = $1 AND platform_org_id = $2`,
      [demand.id, orgId, demand.publishedAt ?? new Date(0)],
    );
    return rows[0]?.after ?? false;
  }

  /** Orgs the SME invited: they hear about the demand when it is published, matched or not. */
  async invitedOrgs(demandId: string): Promise<string[]> {
    const rows = await this.dataSource.query<{ platform_org_id: string }[]>(
      `SELECT platform_org_id FROM demand_invitations WHERE demand_id = $1 ORDER BY platform_org_id`,
      [demandId],
    );
    return rows.map((r) => r.platform_org_id);
  }
}
