import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Equipment } from '@pilotlink/catalogue/domain/equipment.entity';
import { PilotService } from '@pilotlink/catalogue/domain/pilot-service.entity';
import { Platform } from '@pilotlink/catalogue/domain/platform.entity';
import { PlatformQualification } from '@pilotlink/catalogue/domain/platform-qualification.entity';
import { Clock } from '@pilotlink/core';
import { withTransaction } from '@pilotlink/database';
import { AuthService } from '@pilotlink/identity';
import { Org } from '@pilotlink/identity/domain/org.entity';
import { OutboxEntry, OutboxService } from '@pilotlink/queue';
import { DataSource, EntityManager } from 'typeorm';
import { DEMO_PLATFORMS, DemoOperatorOrg, DemoPlatform, DemoService } from './demo-catalogue.data';
import { DEMO_ORGS } from './demo-identity.seed';

/** What one run needs to share: the transaction, "now", and the tally of rows created. */
interface SeedRun {
  manager: EntityManager;
  now: Date;
  verifierOrgId: string | null;
  created: number;
  outbox: OutboxEntry[];
}

/**
 * Loads the demo catalogue (demo-catalogue.data.ts). Idempotent: operator orgs are matched by USCC,
 * platforms by (operator, name), qualifications by (platform, kind, certificate number), services by
 * (platform, title) and equipment by (platform, name); a second run creates nothing. Every platform or
 * service it creates gets an outbox row in the same transaction, so the worker's relay indexes it.
 * Run after DemoIdentitySeed: the admin org verifies the operator orgs created here.
 */
@Injectable()
export class DemoCatalogueSeed {
  private readonly logger = new Logger(DemoCatalogueSeed.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly auth: AuthService,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
  ) {}

  async run(): Promise<{ created: number }> {
    const created = await withTransaction(this.dataSource, async (manager) => {
      // Two seeds started at once would otherwise both miss the same rows and insert them twice.
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('pilotlink.demo-catalogue-seed'))`);
      const admin = await manager.findOneBy(Org, { uscc: DEMO_ORGS[0].uscc });
      const run: SeedRun = { manager, now: this.clock.now(), verifierOrgId: admin?.id ?? null, created: 0, outbox: [] };
      for (const demo of DEMO_PLATFORMS) {
        const operator = await this.ensureOperator(run, demo.operator);
        await this.ensurePlatform(run, operator.id, demo);
      }
      await this.outbox.add(manager, ...run.outbox);
      return run.created;
    });
    this.logger.log(`demo catalogue data: ${created} rows created`);
    return { created };
  }

  private async ensureOperator(run: SeedRun, demo: DemoOperatorOrg): Promise<Org> {
    const existing = await run.manager.findOneBy(Org, { uscc: demo.uscc });
    if (existing) return existing;
    run.created += 1;
    return this.auth.insertOrg(
      run.manager,
      {
        kind: 'PLATFORM_OPERATOR',
        name: demo.name,
        uscc: demo.uscc,
        regionCode: demo.regionCode,
        address: demo.address ?? undefined,
      },
      { verificationStatus: 'VERIFIED', verifiedAt: run.now, verifiedByOrgId: run.verifierOrgId },
    );
  }

  private async ensurePlatform(run: SeedRun, operatorOrgId: string, demo: DemoPlatform): Promise<void> {
    const { manager } = run;
    let platform = await manager.findOneBy(Platform, { operatorOrgId, name: demo.name });
    let changed = false;
    if (!platform) {
      const wasListed = demo.status === 'LISTED' || demo.status === 'SUSPENDED';
      platform = await manager.save(
        manager.create(Platform, {
          operatorOrgId,
          name: demo.name,
          type: demo.type,
          operatingModel: demo.operatingModel,
          fieldCodes: demo.fieldCodes,
          regionCode: demo.regionCode,
          address: demo.address,
          description: demo.description,
          contactName: demo.contactName ?? null,
          contactPhone: null,
          recognitionLevel: demo.recognitionLevel,
          status: demo.status,
          statusReason: demo.statusReason ?? null,
          listedAt: wasListed ? run.now : null,
        }),
      );
      changed = true;
      run.created += 1;
    }
    const platformId = platform.id;

    for (const q of demo.qualifications) {
      if (await manager.existsBy(PlatformQualification, { platformId, kind: q.kind, certificateNo: q.certificateNo })) {
        continue;
      }
      await manager.insert(PlatformQualification, { platformId, ...q });
      changed = true;
      run.created += 1;
    }

    for (const s of demo.services) {
      if (await manager.existsBy(PilotService, { platformId, title: s.title })) continue;
      const service = await manager.save(manager.create(PilotService, this.serviceRow(run, platformId, s)));
      run.outbox.push({ aggregateType: 'service', aggregateId: service.id, eventType: 'demo.seeded' });
      run.created += 1;
    }

    for (const e of demo.equipment) {
      if (await manager.existsBy(Equipment, { platformId, name: e.name })) continue;
      await manager.insert(Equipment, { platformId, ...e, hourlyRateFen: String(e.hourlyRateFen) });
      changed = true;
      run.created += 1;
    }

    // A platform's search document carries its qualifications and instruments: reindex it when they change too.
    if (changed) run.outbox.push({ aggregateType: 'platform', aggregateId: platformId, eventType: 'demo.seeded' });
  }

  private serviceRow(run: SeedRun, platformId: string, s: DemoService): Partial<PilotService> {
    const status = s.status ?? 'PUBLISHED';
    return {
      platformId,
      title: s.title,
      description: s.description,
      category: s.category,
      fieldCodes: s.fieldCodes,
      stages: s.stages,
      pricingKind: s.pricingKind,
      priceFen: s.priceFen === null ? null : String(s.priceFen),
      unitName: s.unitName,
      leadTimeDays: s.leadTimeDays,
      voucherEligible: s.voucherEligible ?? true,
      status,
      publishedAt: status === 'PUBLISHED' ? run.now : null,
    };
  }
}
