import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { RequestContext } from '@pilotlink/identity';
import { ApplicationsService, CreateProgramDto, ProgramsService, VoucherProgram } from '@pilotlink/voucher';
import { DataSource } from 'typeorm';

const DEMO_PROGRAM = '2026年晋江市中试服务券（演示）';

/**
 * A Jinjiang 中试服务券 program as the policy documents describe it — the first ¥10,000 of a contract
 * in full and half of the rest, co-funded by 泉州 and 晋江 1:1 (Jinjiang §六(二)), public notice 7 days —
 * opened, with one approved voucher in the demo SME's wallet. Idempotent: skipped when the program exists.
 */
@Injectable()
export class DemoVouchersSeed {
  private readonly logger = new Logger(DemoVouchersSeed.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly programs: ProgramsService,
    private readonly applications: ApplicationsService,
  ) {}

  async run(): Promise<{ created: number }> {
    if (await this.dataSource.manager.existsBy(VoucherProgram, { name: DEMO_PROGRAM })) return { created: 0 };
    const bureau = await this.ownerContext('bureau@demo.pilotlink.cn');
    const sme = await this.ownerContext('sme@demo.pilotlink.cn');
    if (!bureau || !sme) return { created: 0 };
    const year = new Date().getFullYear();
    const program = await this.programs.create(bureau, {
      kind: 'PILOT_SERVICE',
      name: DEMO_PROGRAM,
      year,
      rule: {
        kind: 'TIERS',
        tiers: [
          { uptoFen: 1_000_000, ratioBp: 10_000 },
          { uptoFen: null, ratioBp: 5_000 },
        ],
      },
      maxVoucherFen: 10_000_000,
      capPerSmeYearFen: 20_000_000,
      capPerPlatformYearFen: 300_000_000,
      onePerPair: false,
      excludedPurposes: ['STATUTORY_TESTING'],
      smeRegionCodes: ['350500'],
      applyFrom: `${year}-01-01`,
      applyUntil: `${year}-12-31`,
      validityDays: 365,
      redemptionMode: 'REIMBURSE',
      cofunders: [
        { key: 'quanzhou', name: '泉州市科学技术局', shareBp: 5_000 },
        { key: 'jinjiang', name: '晋江市科学技术局', shareBp: 5_000 },
      ],
      noticeDays: 7,
      budgetFen: 500_000_000,
    } as CreateProgramDto);
    await this.programs.transition(bureau, program.id, 'OPEN');
    const application = await this.applications.apply(sme, program.id, {
      amountFen: 5_000_000,
      purpose: '石墨烯改性纺织涂层中试放大与性能检测',
    });
    await this.applications.approve(bureau, application.id, {});
    this.logger.log('demo voucher program opened, one voucher issued');
    return { created: 3 };
  }

  private async ownerContext(email: string): Promise<RequestContext | null> {
    const [row] = await this.dataSource.query<{ user_id: string; org_id: string; kind: string; region_code: string }[]>(
      `SELECT u.id AS user_id, o.id AS org_id, o.kind, o.region_code FROM users u JOIN orgs o ON o.id = u.org_id
        WHERE u.email = $1`,
      [email],
    );
    if (!row) return null;
    return {
      actor: {
        userId: row.user_id,
        orgId: row.org_id,
        orgKind: row.kind as RequestContext['actor']['orgKind'],
        role: 'OWNER',
        regionCode: row.region_code,
      },
      requestId: 'seed',
    };
  }
}
