import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** Counts of one institute's results in one field (reports, governance). */
export interface ResultStatsRow {
  instituteOrgId: string;
  fieldCode: string;
  /** Results ever published (a later withdrawal still counts). */
  published: number;
  /** …of which a platform proposed a verification or the institute invited an org. */
  matched: number;
  /** …now IN_PILOT. */
  inPilot: number;
  /** …now TRANSFERRED. */
  transferred: number;
}

/**
 * The research context's port for reports: counts of published results per institute × field. The
 * caller decides which institutes it may see (null: all) and groups by region itself.
 */
@Injectable()
export class ResultStats {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async byInstituteAndField(instituteOrgIds: readonly string[] | null): Promise<ResultStatsRow[]> {
    if (instituteOrgIds && instituteOrgIds.length === 0) return [];
    const rows = await this.dataSource.manager.query<
      {
        institute_org_id: string;
        field_code: string;
        published: number;
        matched: number;
        in_pilot: number;
        transferred: number;
      }[]
    >(
      `SELECT r.institute_org_id, r.field_code,
              count(*)::int AS published,
              count(*) FILTER (WHERE EXISTS (SELECT 1 FROM research_result_proposals p WHERE p.result_id = r.id)
                                  OR EXISTS (SELECT 1 FROM research_result_invitations i WHERE i.result_id = r.id))::int AS matched,
              count(*) FILTER (WHERE r.status = 'IN_PILOT')::int AS in_pilot,
              count(*) FILTER (WHERE r.status = 'TRANSFERRED')::int AS transferred
         FROM research_results r
        WHERE r.published_at IS NOT NULL AND r.status <> 'DRAFT'
          AND ($1::uuid[] IS NULL OR r.institute_org_id = ANY($1::uuid[]))
        GROUP BY r.institute_org_id, r.field_code`,
      [instituteOrgIds ? [...instituteOrgIds] : null],
    );
    return rows.map((row) => ({
      instituteOrgId: row.institute_org_id,
      fieldCode: row.field_code,
      published: row.published,
      matched: row.matched,
      inPilot: row.in_pilot,
      transferred: row.transferred,
    }));
  }
}
