import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { JIAXING_RULES, JINJIANG_RULES, SubsidyRule, unsetParameters } from '@pilotlink/governance';
import { DataSource } from 'typeorm';

/**
 * The subsidy clauses of the Jinjiang and Jiaxing documents as rule rows of the two bureaus (SPEC §7),
 * so assessments work out of the box. Idempotent: a rule already there (region, code) is left as it is,
 * since a bureau may have changed it.
 */
@Injectable()
export class DemoSubsidiesSeed {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async run(): Promise<{ created: number }> {
    let created = 0;
    for (const rule of [...JINJIANG_RULES, ...JIAXING_RULES]) created += await this.ensure(rule);
    return { created };
  }

  private async ensure(rule: SubsidyRule): Promise<number> {
    const { id: _id, code, name, kind, region, ...definition } = rule;
    const rows = await this.dataSource.query<unknown[]>(
      `INSERT INTO subsidy_rules (bureau_org_id, region_code, code, kind, name, definition, active)
       SELECT (SELECT id FROM orgs WHERE kind = 'BUREAU' AND region_code = $1 ORDER BY created_at LIMIT 1), $1, $2, $3, $4, $5, $6
       ON CONFLICT (region_code, code) DO NOTHING RETURNING id`,
      // A rule whose policy names no figure (嘉兴 "一定比例") is seeded inactive, for its bureau to set.
      [region, code, kind, name, JSON.stringify(definition), unsetParameters(rule).length === 0],
    );
    return rows.length;
  }
}
