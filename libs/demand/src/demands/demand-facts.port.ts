import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, Not } from 'typeorm';
import { Demand } from '../domain/demand.entity';

/** What another context may know of a demand it tracks (a key project): its title and the SME behind it. */
export interface DemandSubjectFacts {
  id: string;
  title: string;
  partyOrgIds: string[];
}

/**
 * The demand context's port for key-project tracking (governance): published demands only (a draft is
 * nobody else's business), named by title, with the SME as the one party.
 */
@Injectable()
export class DemandFacts {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async ofIds(ids: readonly string[]): Promise<DemandSubjectFacts[]> {
    if (ids.length === 0) return [];
    const rows = await this.dataSource.getRepository(Demand).findBy({ id: In([...ids]), status: Not('DRAFT') });
    return rows.map(facts);
  }

  /** Newest published demands of these orgs, optionally by a title fragment (a bureau picking what to track). */
  async ofOrgs(orgIds: readonly string[], q: string | undefined, limit: number): Promise<DemandSubjectFacts[]> {
    if (orgIds.length === 0) return [];
    const qb = this.dataSource
      .getRepository(Demand)
      .createQueryBuilder('d')
      .where('d.sme_org_id = ANY(:orgIds)', { orgIds: [...orgIds] })
      .andWhere(`d.status <> 'DRAFT'`);
    if (q) qb.andWhere('d.title ILIKE :q', { q: `%${escapeLike(q)}%` });
    return (await qb.orderBy('d.createdAt', 'DESC').take(limit).getMany()).map(facts);
  }
}

function facts(d: Demand): DemandSubjectFacts {
  return { id: d.id, title: d.title, partyOrgIds: [d.smeOrgId] };
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);
