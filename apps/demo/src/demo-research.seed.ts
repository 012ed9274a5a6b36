import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { withTransaction } from '@pilotlink/database';
import { OutboxService } from '@pilotlink/queue';
import { DataSource, EntityManager } from 'typeorm';
import { DEMO_POLICIES, DEMO_RESULTS, DemoPolicy, DemoResult } from './demo-research.data';
import { MORE_DEMO_RESULTS } from './demo-research-results.data';

/**
 * The demo institutes' results and the five seed documents as published policy notices, each with its outbox
 * row so the worker indexes it. Idempotent: a result is matched by institute and title, a notice by bureau
 * and title; what is there is left as it is (someone may have changed it).
 */
@Injectable()
export class DemoResearchSeed {
  private readonly logger = new Logger(DemoResearchSeed.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
  ) {}

  async run(): Promise<{ created: number }> {
    let created = 0;
    await withTransaction(this.dataSource, async (manager) => {
      for (const result of [...DEMO_RESULTS, ...MORE_DEMO_RESULTS]) created += await this.ensureResult(manager, result);
      for (const policy of DEMO_POLICIES) created += await this.ensurePolicy(manager, policy);
    });
    this.logger.log(`demo research data: ${created} rows created`);
    return { created };
  }

  private async ensureResult(manager: EntityManager, demo: DemoResult): Promise<number> {
    const rows = await manager.query<{ id: string }[]>(
      `INSERT INTO research_results (institute_org_id, title, summary, description, field_code, stage_reached,
              readiness_level, ip_items, verification_categories, target_stage, budget_min_fen, budget_max_fen,
              transfer_modes, contact_name, confidentiality, status, published_at)
       SELECT o.id, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16,
              CASE WHEN $16 = 'DRAFT' THEN NULL ELSE now() END
         FROM orgs o JOIN users u ON u.org_id = o.id AND u.email = $1
        WHERE NOT EXISTS (SELECT 1 FROM research_results r WHERE r.institute_org_id = o.id AND r.title = $2)
       RETURNING id`,
      [
        demo.instituteEmail,
        demo.title,
        demo.summary,
        demo.description,
        demo.fieldCode,
        demo.stageReached,
        demo.readinessLevel,
        JSON.stringify(demo.ipItems),
        demo.verificationCategories,
        demo.targetStage,
        demo.budgetMinFen,
        demo.budgetMaxFen,
        demo.transferModes,
        demo.contactName,
        demo.confidentiality,
        demo.status,
      ],
    );
    for (const { id } of rows) {
      await this.outbox.add(manager, { aggregateType: 'result', aggregateId: id, eventType: 'demo.seeded' });
    }
    return rows.length;
  }

  private async ensurePolicy(manager: EntityManager, demo: DemoPolicy): Promise<number> {
    const rows = await manager.query<{ id: string }[]>(
      `INSERT INTO policy_notices (bureau_org_id, region_code, title, issuing_body, document_number, issued_on, body,
              program_ids, status, published_at)
       SELECT b.id, b.region_code, $2, $3, $4, $5, $6,
              coalesce((SELECT array_agg(p.id) FROM voucher_programs p WHERE p.bureau_org_id = b.id), '{}'),
              'PUBLISHED', now()
         FROM (SELECT id, region_code FROM orgs WHERE kind = 'BUREAU' AND region_code = $1 ORDER BY created_at LIMIT 1) b
        WHERE NOT EXISTS (SELECT 1 FROM policy_notices n WHERE n.bureau_org_id = b.id AND n.title = $2)
       RETURNING id`,
      [demo.bureauRegion, demo.title, demo.issuingBody, demo.documentNumber, demo.issuedOn, demo.body],
    );
    for (const { id } of rows) {
      await this.outbox.add(manager, { aggregateType: 'policy_notice', aggregateId: id, eventType: 'demo.seeded' });
    }
    return rows.length;
  }
}
