import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PilotService } from '@pilotlink/catalogue';
import { DataSource, In } from 'typeorm';
import { Order } from './order.entity';

/** What another context may know of an order it tracks (a key project): a title and its two parties. */
export interface OrderSubjectFacts {
  id: string;
  title: string;
  partyOrgIds: string[];
}

/**
 * The booking context's port for key-project tracking (governance): an order is named by its service and
 * contract number; its parties are the SME and the platform's operator.
 */
@Injectable()
export class OrderFacts {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async ofIds(ids: readonly string[]): Promise<OrderSubjectFacts[]> {
    if (ids.length === 0) return [];
    return this.named(await this.dataSource.getRepository(Order).findBy({ id: In([...ids]) }));
  }

  /** Newest orders with one of these orgs as a party, optionally by contract number (a bureau picking). */
  async ofOrgs(orgIds: readonly string[], q: string | undefined, limit: number): Promise<OrderSubjectFacts[]> {
    if (orgIds.length === 0) return [];
    const qb = this.dataSource
      .getRepository(Order)
      .createQueryBuilder('o')
      .where('(o.sme_org_id = ANY(:orgIds) OR o.platform_org_id = ANY(:orgIds))', { orgIds: [...orgIds] });
    if (q) qb.andWhere('o.contract_number ILIKE :q', { q: `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` });
    return this.named(await qb.orderBy('o.createdAt', 'DESC').take(limit).getMany());
  }

  private async named(orders: Order[]): Promise<OrderSubjectFacts[]> {
    const serviceIds = orders.map((o) => o.serviceId).filter((id): id is string => !!id);
    const services = serviceIds.length
      ? await this.dataSource.getRepository(PilotService).findBy({ id: In(serviceIds) })
      : [];
    const titles = new Map(services.map((s) => [s.id, s.title]));
    return orders.map((o) => {
      const service = o.serviceId ? titles.get(o.serviceId) : undefined;
      return {
        id: o.id,
        title: service ? `${service}（${o.contractNumber}）` : `订单 ${o.contractNumber}`,
        partyOrgIds: [o.smeOrgId, o.platformOrgId],
      };
    });
  }
}
