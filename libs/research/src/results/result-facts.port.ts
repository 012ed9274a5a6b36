import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, Not } from 'typeorm';
import { ResearchResult } from '../domain/result.entity';

/** What another context may know of a result it tracks (a key project): its title and the institute behind it. */
export interface ResultSubjectFacts {
  id: string;
  title: string;
  partyOrgIds: string[];
}

/**
 * The research context's port for key-project tracking (governance): published results only — a draft is
 * nobody else's business — named by title with the institute as the one party.
 */
@Injectable()
export class ResultFacts {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async ofIds(ids: readonly string[]): Promise<ResultSubjectFacts[]> {
    if (ids.length === 0) return [];
    const rows = await this.dataSource.getRepository(ResearchResult).findBy({ id: In([...ids]), status: Not('DRAFT') });
    return rows.map(facts);
  }

  /** Newest published results of these orgs, optionally by a title fragment (a bureau picking what to track). */
  async ofOrgs(orgIds: readonly string[], q: string | undefined, limit: number): Promise<ResultSubjectFacts[]> {
    if (orgIds.length === 0) return [];
    const qb = this.dataSource
      .getRepository(ResearchResult)
      .createQueryBuilder('r')
      .where('r.institute_org_id = ANY(:orgIds)', { orgIds: [...orgIds] })
      .andWhere(`r.status <> 'DRAFT'`);
    if (q) qb.andWhere('r.title ILIKE :q', { q: `%${escapeLike(q)}%` });
    return (await qb.orderBy('r.createdAt', 'DESC').take(limit).getMany()).map(facts);
  }
}

function facts(r: ResearchResult): ResultSubjectFacts {
  return { id: r.id, title: r.title, partyOrgIds: [r.instituteOrgId] };
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);
